/**
 * Watch alerts: when articles arrive (a feed item, /article add, a file in a server's folder —
 * each a corpus change), every watch of every server that sees the article and that it matches
 * (src/watch/match-watch.ts) gets an alert, queued in the announcement outbox so it is posted
 * exactly once across restarts (src/news/announcer.ts). Per place (a channel, or a member's direct
 * messages): several watches matching one article make one alert; matches that keep arriving
 * (a feed's backlog) are gathered until `quietMs` pass without a new one (at most `maxWaitMs`),
 * and more than `roundupAfter` articles make one round-up instead of an alert each.
 * Each match is written to the outbox as soon as it is found, as a part (QueuedAlert kind "part",
 * never posted itself); when the place's matches are queued, the alert or round-up replaces its
 * parts in one write. A stop within the gathering window loses nothing: at the next start the
 * parts left in the outbox are gathered again and alerted once.
 * Articles that arrived while the process was down (a file put in a server's folder) are matched
 * once at start: those not among the articles known when it last ran (`seen`).
 */
import type { Logger } from 'pino';
import { createSerialWriter } from '../files/serial-writer.ts';
import type { Corpus } from '../model/corpus.ts';
import { renderAlertContent, renderRoundupContent } from '../render/discord/render-watch-alert.ts';
import type { WatchBook } from '../watch/watch-book.ts';
import { matchWatch } from '../watch/match-watch.ts';
import { specOf } from '../store/watch-record.ts';
import type { WatchAlert } from '../model/watch-spec.ts';
import { outboxKey, type QueuedAnnouncement } from '../store/announcement-outbox.ts';
import type { AnnouncementRequest } from './announcer.ts';
import type { CorpusSource } from './posting-options.ts';

/** Defaults of the alerts, in one place. */
export const WATCH_ALERT_DEFAULTS = Object.freeze({
  /** A place's matches are queued once this long passes without another (a feed's items arrive over several corpus rebuilds). */
  quietMs: 3000,
  /** …or at the latest this long after the first. */
  maxWaitMs: 30_000,
  /** More articles than this for one place at once make one round-up. */
  roundupAfter: 5,
});

/** The articles known when the process last ran (src/news/watch-seen-file.ts). */
export interface SeenArticles {
  /** Null when never written (the first start: nothing to catch up). */
  read(): Promise<string[] | null>;
  write(ids: readonly string[]): Promise<void>;
}

export interface WatchAlertsOptions {
  source: CorpusSource;
  book: WatchBook;
  /** The announcement outbox (the Announcer); null until the announcer has started. */
  outbox: () => AlertOutbox | null;
  /** The corpus a server sees (scopeCorpus). */
  scope: (corpus: Corpus, guildId: string | null) => Corpus;
  /** Which servers this process posts for (its shards'). */
  ownsGuild: (guildId: string) => boolean;
  log: Logger;
  /** Absent: articles that arrived while the process was down are not matched. */
  seen?: SeenArticles;
  quietMs?: number;
  maxWaitMs?: number;
  roundupAfter?: number;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  clock?: () => number;
}

/** What the alerts use of the announcement outbox (src/news/announcer.ts). */
export interface AlertOutbox {
  enqueue(request: AnnouncementRequest): Promise<void>;
  /** Removes the items with these keys (the parts) and queues the requests, in one write. */
  settle(done: readonly string[], requests: readonly AnnouncementRequest[]): Promise<void>;
  /** The queue as it is (the parts left by a previous run are read from it at start). */
  queued(): QueuedAnnouncement[];
}

export interface WatchAlerts {
  /** Resolves when no match is being looked for, gathered or queued. */
  idle(): Promise<void>;
  /** Queues what is gathered now and stops listening. */
  stop(): Promise<void>;
}

/** Matches gathered for one place. */
interface Gathering {
  guildId: string;
  channelId: string;
  dm: boolean;
  /** Per article (in arrival order): its matches, one per watch. */
  articles: Map<string, Array<{ watchId: string; alert: WatchAlert; partKey: string }>>;
  firstAt: number;
  timer: { cancel(): void } | null;
}

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  t.unref?.();
  return { cancel: () => clearTimeout(t) };
};

export function startWatchAlerts(options: WatchAlertsOptions): WatchAlerts {
  const { log } = options;
  const quietMs = options.quietMs ?? WATCH_ALERT_DEFAULTS.quietMs;
  const maxWaitMs = options.maxWaitMs ?? WATCH_ALERT_DEFAULTS.maxWaitMs;
  const roundupAfter = options.roundupAfter ?? WATCH_ALERT_DEFAULTS.roundupAfter;
  const setTimer = options.setTimer ?? defaultTimer;
  const clock = options.clock ?? Date.now;
  const gathering = new Map<string, Gathering>();
  const work = new Set<Promise<void>>();
  let stopped = false;

  const track = (p: Promise<void>): void => {
    const done = p.catch((err: unknown) => log.error({ err }, 'watch alerts failed')).finally(() => work.delete(done));
    work.add(done);
  };

  const flush = async (placeKey: string): Promise<void> => {
    const place = gathering.get(placeKey);
    if (!place) return;
    gathering.delete(placeKey);
    place.timer?.cancel();
    const outbox = options.outbox();
    if (!outbox) {
      log.warn({ guildId: place.guildId }, 'watch alerts gathered without an announcer; left in the outbox for the next start');
      return;
    }
    const articles = [...place.articles.entries()];
    const parts = articles.flatMap(([, matches]) => matches.map((m) => m.partKey));
    const base = { guildId: place.guildId, channelId: place.channelId };
    if (articles.length > roundupAfter) {
      const all = articles.flatMap(([, matches]) => matches);
      await outbox.settle(parts, [
        {
          ...base,
          articleId: articles[0]![0],
          alert: {
            kind: 'roundup',
            content: renderRoundupContent(all.map((m) => m.alert)),
            citations: [],
            dm: place.dm,
            watchIds: [...new Set(all.map((m) => m.watchId))],
          },
        },
      ]);
      log.info({ guildId: place.guildId, articles: articles.length }, 'queued a watch round-up');
      return;
    }
    const requests = articles.map(([articleId, matches]): AnnouncementRequest => {
      const alerts = matches.map((m) => m.alert);
      const citations = alerts.flatMap((a) => (a.paragraph === null ? [] : [{ article: articleId, paragraph: a.paragraph }]));
      return {
        ...base,
        articleId,
        alert: {
          kind: 'alert',
          content: renderAlertContent(alerts),
          citations: citations.slice(0, 5),
          dm: place.dm,
          watchIds: matches.map((m) => m.watchId),
        },
      };
    });
    await outbox.settle(parts, requests);
    log.info({ guildId: place.guildId, articles: articles.length }, 'queued watch alerts');
  };

  const schedule = (placeKey: string, place: Gathering): void => {
    place.timer?.cancel();
    const wait = Math.max(0, Math.min(quietMs, place.firstAt + maxWaitMs - clock()));
    place.timer = setTimer(() => track(flush(placeKey)), wait);
  };

  /** Adds a match (its part already in the outbox) to its place's gathering. */
  const gather = (
    guildId: string,
    channelId: string,
    dm: boolean,
    articleId: string,
    match: { watchId: string; alert: WatchAlert; partKey: string },
  ): void => {
    const placeKey = `${guildId}:${dm ? 'dm-' : ''}${channelId}`;
    let place = gathering.get(placeKey);
    if (!place) {
      place = { guildId, channelId, dm, articles: new Map(), firstAt: clock(), timer: null };
      gathering.set(placeKey, place);
    }
    const matches = place.articles.get(articleId) ?? [];
    if (matches.some((m) => m.partKey === match.partKey)) return;
    matches.push(match);
    place.articles.set(articleId, matches);
    schedule(placeKey, place);
  };

  const onArticles = async (corpus: Corpus, added: readonly string[]): Promise<void> => {
    for (const guildId of await options.book.guilds()) {
      if (!options.ownsGuild(guildId)) continue;
      const watches = (await options.book.list(guildId)).filter((w) => w.paused === null);
      if (watches.length === 0) continue;
      const seen = options.scope(corpus, guildId);
      for (const articleId of added) {
        if (!seen.byId.has(articleId)) continue;
        for (const watch of watches) {
          const alert = matchWatch(seen, articleId, specOf(watch));
          if (!alert) continue;
          const dm = watch.channelId === null;
          const channelId = watch.channelId ?? watch.userId;
          const outbox = options.outbox();
          if (!outbox) {
            log.warn({ guildId }, 'a watch matched before the announcer started; not sent');
            continue;
          }
          const part: AnnouncementRequest = {
            guildId,
            channelId,
            articleId,
            alert: {
              kind: 'part',
              content: renderAlertContent([alert]),
              citations: alert.paragraph === null ? [] : [{ article: articleId, paragraph: alert.paragraph }],
              dm,
              watchIds: [watch.id],
              match: alert,
            },
          };
          await outbox.enqueue(part);
          gather(guildId, channelId, dm, articleId, { watchId: watch.id, alert, partKey: outboxKey(part) });
        }
      }
    }
  };

  // The parts a previous run left (it stopped while gathering them): gathered again, alerted once.
  for (const item of options.outbox()?.queued() ?? []) {
    const alert = item.alert;
    if (alert?.kind !== 'part' || !alert.match || item.guildId === null || !options.ownsGuild(item.guildId)) continue;
    gather(item.guildId, item.channelId, alert.dm, item.articleId, {
      watchId: alert.watchIds[0] ?? '',
      alert: alert.match,
      partKey: outboxKey(item),
    });
  }

  /**
   * Records the articles known now, after their matches are in the outbox. Writes never overlap;
   * those asked for during one are coalesced into the latest list, which every caller's matches
   * already reached the outbox for. A failed write is reported where it is awaited.
   */
  const seenList = options.seen;
  const seenWriter = seenList ? createSerialWriter((ids: readonly string[]) => seenList.write(ids)) : null;
  const record = (corpus: Corpus): Promise<void> =>
    seenWriter ? seenWriter.write(corpus.articles.map((a) => a.article.id)) : Promise.resolve();

  // Articles that arrived while the process was down: matched once, now.
  if (options.seen) {
    const seen = options.seen;
    track(
      (async () => {
        const known = await seen.read();
        const corpus = options.source.current();
        if (known) {
          const before = new Set(known);
          const missed = corpus.articles.map((a) => a.article.id).filter((id) => !before.has(id));
          if (missed.length > 0) {
            log.info({ articles: missed.length }, 'matching the articles that arrived while the bot was down');
            await onArticles(corpus, missed);
          }
        }
        await record(corpus);
      })(),
    );
  }

  options.source.onChange((corpus, added) => {
    if (stopped || added.length === 0) return;
    track(onArticles(corpus, added).then(() => record(corpus)));
  });

  return {
    async idle() {
      while (work.size > 0 || gathering.size > 0) {
        if (work.size > 0) await Promise.allSettled([...work]);
        else await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      stopped = true;
      await Promise.allSettled([...work]);
      for (const key of [...gathering.keys()]) await flush(key);
    },
  };
}
