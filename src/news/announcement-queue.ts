/**
 * The announcer's queue in memory: what is queued and what was announced (the outbox's state),
 * and, per queued item, when it may be tried next: after a failure (a doubling delay) or once its
 * article is in the corpus (waited for up to `articleWaitMs`). Posting is src/news/announcer.ts.
 */
import type { Logger } from 'pino';
import { isVisibleIn } from '../engine/scope-corpus.ts';
import type { Corpus } from '../model/corpus.ts';
import { checkQueued, outboxKey, type OutboxState, type QueuedAlert, type QueuedAnnouncement } from '../store/announcement-outbox.ts';
import { retryDelay, type CorpusSource, type RetrySettings } from './posting-options.ts';

/** Longest link kept with an announcement (Discord takes URLs up to about 2000 characters; a longer one is not shown). */
const MAX_LINK = 2000;

/** What to announce: an article of a server (or a shared one, guildId null) in a channel. */
export interface AnnouncementRequest {
  guildId: string | null;
  channelId: string;
  articleId: string;
  /** The page it was added from; the headline links to it when the article has no URL of its own. */
  link?: string | null;
  /** A watch alert instead of the announcement (src/news/watch-alerts.ts); `channelId` is then the member's user id when `alert.dm`. */
  alert?: QueuedAlert;
  /** Announce only if the article matches this filter (a feed's only:); else it is held back. */
  only?: QueuedAnnouncement['only'];
}

/** What the queue is made from (the announcer's own options, defaults applied). */
export interface AnnouncementQueueOptions {
  /** The outbox as read at start: items already announced are dropped from its queue. */
  initial: OutboxState;
  /** The live corpus, where an item's article is looked for. */
  source: CorpusSource;
  /** The corpus a server sees. */
  scope: (corpus: Corpus, guildId: string | null) => Corpus;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** Delays between attempts after failures. */
  retry: RetrySettings;
  /** How long an item waits for its article before it is given up (0: not at all). */
  articleWaitMs: number;
  /** Told of an item given up because its article never came. */
  log: Logger;
}

/** An item to post now, with the corpus its server sees. */
export interface ReadyAnnouncement {
  item: QueuedAnnouncement;
  corpus: Corpus;
}

export interface AnnouncementQueue {
  /** Adds the request unless it is announced or queued already; whether it was added. */
  push(request: AnnouncementRequest): boolean;
  /** Takes an item out of the queue (given up); it may be queued again. */
  remove(key: string): void;
  /** An item is finished (posted, found posted, made elsewhere, held back or unannounceable): out of the queue and never queued again. */
  finish(key: string): void;
  /** Counts one more failed attempt of an item and sets when to try it again (exponential backoff); the attempts and the delay. */
  backOff(key: string): { count: number; delay: number };
  /** Looks at an item again only after `ms` (another process is posting it). */
  postpone(key: string, ms: number): void;
  /** Brings every waiting retry forward (new work is a new attempt). */
  retryNow(): void;
  /** The next item to post now: its retry time has come and its article is there. Items whose article stayed missing too long are given up on the way ('gave-up'). */
  nextReady(): ReadyAnnouncement | 'gave-up' | null;
  /** When the next item becomes due (a retry, or an article's wait running out), or null when nothing is queued to post. */
  nextDueAt(): number | null;
  /** How many announcements are queued (watch alert parts, never posted themselves, not counted). */
  pending(): number;
  /** The queue, oldest first (copies). */
  queued(): QueuedAnnouncement[];
  /** The state to write (copies): what was announced and what is queued. */
  snapshot(): OutboxState;
}

export function createAnnouncementQueue(options: AnnouncementQueueOptions): AnnouncementQueue {
  const { clock, retry, articleWaitMs, log } = options;
  /** Keys (outboxKey) of every announcement made (or given up for good): never queued again. */
  const announced = new Set(options.initial.announced);
  /** The items waiting, oldest first. */
  let queue: QueuedAnnouncement[] = options.initial.queue.filter((item) => !announced.has(outboxKey(item)));
  /** Per queued key: failures so far. */
  const failures = new Map<string, number>();
  /** Per queued key: when the next attempt may be made. */
  const retryAt = new Map<string, number>();
  /** Per queued key: when its article was first found missing. */
  const missingSince = new Map<string, number>();

  const remove = (key: string): void => {
    queue = queue.filter((item) => outboxKey(item) !== key);
    failures.delete(key);
    retryAt.delete(key);
    missingSince.delete(key);
  };

  return {
    push(request) {
      const key = outboxKey(request);
      if (announced.has(key) || queue.some((item) => outboxKey(item) === key)) return false;
      const link = request.link && request.link.length <= MAX_LINK ? request.link : null;
      queue.push(
        checkQueued({
          guildId: request.guildId,
          channelId: request.channelId,
          articleId: request.articleId,
          link,
          queuedAt: new Date(clock()).toISOString(),
          attemptedAt: null,
          ...(request.alert ? { alert: request.alert } : {}),
          ...(request.only ? { only: request.only } : {}),
        }),
      );
      return true;
    },
    remove,
    finish(key) {
      announced.add(key);
      remove(key);
    },
    backOff(key) {
      const count = (failures.get(key) ?? 0) + 1;
      failures.set(key, count);
      const delay = retryDelay(retry, count);
      retryAt.set(key, clock() + delay);
      return { count, delay };
    },
    postpone(key, ms) {
      retryAt.set(key, clock() + ms);
    },
    retryNow() {
      retryAt.clear();
    },
    nextReady() {
      const now = clock();
      const corpus = options.source.current();
      for (const item of queue) {
        if (isPart(item)) continue;
        const key = outboxKey(item);
        if ((retryAt.get(key) ?? 0) > now) continue;
        const seen = options.scope(corpus, item.guildId);
        const owner = seen.byId.get(item.articleId);
        if (owner && isVisibleIn(owner.article, item.guildId)) {
          missingSince.delete(key);
          return { item, corpus: seen };
        }
        const since = missingSince.get(key) ?? now;
        missingSince.set(key, since);
        if (now - since >= articleWaitMs) {
          const context = { article: item.articleId, guildId: item.guildId, channelId: item.channelId, waitedMs: now - since };
          // Not waiting at all (the digest's ids come from the corpus): the article was removed, nothing to warn about.
          if (articleWaitMs === 0)
            log.info(context, 'an article waiting to be announced is gone (or not visible there); not announcing it');
          else log.warn(context, 'an article to announce never appeared in the corpus; giving up its announcement');
          remove(key);
          return 'gave-up';
        }
      }
      return null;
    },
    nextDueAt() {
      const postable = queue.filter((item) => !isPart(item));
      if (postable.length === 0) return null;
      const now = clock();
      const times = postable.map((item) => {
        const key = outboxKey(item);
        const missing = missingSince.get(key);
        return Math.max(retryAt.get(key) ?? now, missing !== undefined ? missing + articleWaitMs : now);
      });
      return Math.min(...times);
    },
    pending: () => queue.filter((item) => !isPart(item)).length,
    queued: () => queue.map((item) => ({ ...item })),
    snapshot: () => ({ announced: new Set(announced), queue: queue.map((item) => ({ ...item })) }),
  };
}

/** A watch alert part: kept in the outbox while its place's matches are gathered, never posted (src/news/watch-alerts.ts). */
function isPart(item: QueuedAnnouncement): boolean {
  return item.alert?.kind === 'part';
}
