import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { AnnouncementRequest } from '../../src/news/announcer.ts';
import { outboxKey, type OutboxState, type OutboxStore } from '../../src/store/announcement-outbox.ts';
import { startAnnouncer } from '../../src/news/announcer.ts';
import { startWatchAlerts, type SeenArticles } from '../../src/news/watch-alerts.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { renderAlertContent, renderRoundupContent } from '../../src/render/discord/render-watch-alert.ts';
import type { WatchBook } from '../../src/watch/watch-book.ts';
import type { WatchRecord } from '../../src/store/watch-record.ts';
import type { WatchAlert } from '../../src/model/watch-spec.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';

const G = '111111111111111111';
const CHANNEL = '333333333333333333';

function watch(id: string, value: string, extra: Partial<WatchRecord> = {}): WatchRecord {
  return {
    id,
    kind: 'person',
    value,
    quotedOnly: false,
    channelId: CHANNEL,
    userId: '444444444444444444',
    addedAt: '2026-12-07T10:00:00Z',
    paused: null,
    ...extra,
  };
}

/** Made-up articles naming the minister (and, in the first, her deputy). */
function articles(n: number) {
  return Array.from({ length: n }, (_, i) =>
    articleFromParagraphs(
      `story-${i}`,
      [`Maria Okonkwo, the transport minister, opened bridge number ${i + 1} on Monday.`, 'Her deputy Jonas Brandt was there too.'],
      {
        title: `Bridge ${i + 1} opens`,
      },
    ),
  );
}

function harness(watches: WatchRecord[]) {
  const listeners: Array<(corpus: Corpus, added: string[]) => void> = [];
  const queued: AnnouncementRequest[] = [];
  /** What the outbox holds while matches are gathered (parts, never posted). */
  const parts: AnnouncementRequest[] = [];
  const timers: Array<() => void> = [];
  const book = { guilds: async () => [G], list: async () => watches } as unknown as WatchBook;
  const alerts = startWatchAlerts({
    source: { current: () => corpusOf([]), onChange: (l) => listeners.push(l) },
    book,
    outbox: () => ({
      enqueue: async (r: AnnouncementRequest) => {
        parts.push(r);
      },
      settle: async (done: readonly string[], requests: readonly AnnouncementRequest[]) => {
        parts.splice(0, parts.length, ...parts.filter((p) => !done.includes(outboxKey(p))));
        queued.push(...requests);
      },
      queued: () => [],
    }),
    scope: (c) => c,
    ownsGuild: () => true,
    log: pino({ level: 'silent' }),
    setTimer: (fn) => {
      timers.push(fn);
      return { cancel: () => timers.splice(timers.indexOf(fn), 1) };
    },
  });
  const arrive = async (corpus: Corpus, added: string[]) => {
    for (const l of listeners) l(corpus, added);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const quiet = async () => {
    for (const fn of timers.splice(0)) fn();
    await alerts.idle();
  };
  return { queued, parts, arrive, quiet };
}

describe('watch alerts', () => {
  it('GIVEN two watches matching one article in one channel THEN one alert naming both', async () => {
    const h = harness([watch('w00000001', 'Maria Okonkwo'), watch('w00000002', 'Jonas Brandt')]);
    const corpus = corpusOf(articles(1));
    await h.arrive(corpus, ['story-0']);
    await h.quiet();
    expect(h.queued).toHaveLength(1);
    expect(h.queued[0]!.alert).toMatchObject({ kind: 'alert', dm: false, watchIds: ['w00000001', 'w00000002'] });
    expect(h.queued[0]!.alert!.content.split('\n').slice(0, 2).join('\n')).toMatch(/Okonkwo.*\n.*Brandt/);
  });

  it('GIVEN matches arriving over several corpus changes THEN gathered: 100 articles make one round-up', async () => {
    const h = harness([watch('w00000001', 'Maria Okonkwo')]);
    const corpus = corpusOf(articles(100));
    const ids = corpus.articles.map((a) => a.article.id);
    await h.arrive(corpus, ids.slice(0, 40));
    await h.arrive(corpus, ids.slice(40));
    await h.quiet();
    expect(h.queued).toHaveLength(1);
    expect(h.queued[0]!.alert).toMatchObject({ kind: 'roundup' });
    expect(h.queued[0]!.alert!.content).toMatch(/^100 new articles match/);
    expect(h.queued[0]!.alert!.content.length).toBeLessThanOrEqual(2000);
  });

  it('GIVEN a paused watch THEN nothing is queued for it', async () => {
    const h = harness([watch('w00000001', 'Maria Okonkwo', { paused: 'direct messages are closed' })]);
    await h.arrive(corpusOf(articles(1)), ['story-0']);
    await h.quiet();
    expect(h.queued).toEqual([]);
  });
});

/** One run of the process: the announcer on the outbox as last written, and the watch alerts on it (timers fired by hand). */
function processRun(
  outbox: { state: OutboxState; store: OutboxStore },
  watches: WatchRecord[],
  extra: { current?: Corpus; seen?: SeenArticles } = {},
) {
  const listeners: Array<(corpus: Corpus, added: string[]) => void> = [];
  const timers: Array<() => void> = [];
  const current = extra.current ?? corpusOf([]);
  const source = { current: () => current, onChange: (l: (corpus: Corpus, added: string[]) => void) => listeners.push(l) };
  const log = pino({ level: 'silent' });
  const announcer = startAnnouncer({
    poster: {
      prepare: () => {
        throw new Error('not needed');
      },
      send: () => Promise.reject(new Error('not needed')),
      failedDefinitely: () => false,
      isClosedDirectMessages: () => false,
    },
    source,
    log,
    initial: outbox.state,
    store: outbox.store,
    timers: { setTimeout: () => null, clearTimeout: () => undefined },
  });
  const alerts = startWatchAlerts({
    source,
    book: { guilds: async () => [G], list: async () => watches } as unknown as WatchBook,
    outbox: () => announcer,
    scope: (c) => c,
    ownsGuild: () => true,
    log,
    ...(extra.seen ? { seen: extra.seen } : {}),
    setTimer: (fn) => {
      timers.push(fn);
      return { cancel: () => timers.splice(timers.indexOf(fn), 1) };
    },
  });
  return {
    announcer,
    alerts,
    arrive: (corpus: Corpus, added: string[]) => listeners.forEach((l) => l(corpus, added)),
    quiet: async () => {
      for (const fn of timers.splice(0)) fn();
      await alerts.idle();
      await announcer.idle();
    },
  };
}

/** An outbox kept in memory across the test's process runs: `state` is what the last write left (copies). */
function memoryOutbox() {
  const outbox = {
    state: { announced: new Set<string>(), queue: [] } as OutboxState,
    store: {
      write: async (state) => {
        outbox.state = { announced: new Set(state.announced), queue: state.queue.map((item) => structuredClone(item)) };
      },
    } as OutboxStore,
  };
  return outbox;
}

describe('watch alerts across a restart', () => {
  it('GIVEN the process stops while matches are gathered THEN after the restart they are alerted exactly once', async () => {
    const outbox = memoryOutbox();
    const watches = [watch('w00000001', 'Maria Okonkwo'), watch('w00000002', 'Jonas Brandt')];
    const first = processRun(outbox, watches);
    first.arrive(corpusOf(articles(1)), ['story-0']);
    await vi.waitFor(() => expect(outbox.state.queue).toHaveLength(2));
    // The process stops here, inside the gathering window: no timer fires, nothing is flushed.
    expect(outbox.state.queue.map((item) => item.alert?.kind)).toEqual(['part', 'part']);
    expect(first.announcer.pending()).toBe(0);

    const second = processRun(outbox, watches);
    await second.quiet();
    expect(outbox.state.queue).toHaveLength(1);
    expect(outbox.state.queue[0]).toMatchObject({
      articleId: 'story-0',
      alert: { kind: 'alert', watchIds: ['w00000001', 'w00000002'] },
    });
    expect(outbox.state.queue[0]!.alert!.content).toMatch(/Okonkwo[^]*Brandt/);
    await second.alerts.stop();
    await second.announcer.stop();

    // Another restart finds the alert queued once and nothing left to gather.
    const third = processRun(outbox, watches);
    await third.quiet();
    expect(outbox.state.queue.map((item) => item.alert?.kind)).toEqual(['alert']);
  });
});

describe('articles that arrived while the bot was down', () => {
  it('GIVEN a first start THEN nothing is caught up; GIVEN an article added while down THEN it alone is alerted, once', async () => {
    const outbox = memoryOutbox();
    let known: string[] | null = null;
    const seen: SeenArticles = {
      read: async () => known,
      write: async (ids) => {
        known = [...ids];
      },
    };
    const watches = [watch('w00000001', 'Maria Okonkwo')];
    const [one, two] = articles(2);
    const first = processRun(outbox, watches, { current: corpusOf([one!]), seen });
    await first.quiet();
    expect(outbox.state.queue).toEqual([]);
    expect(known).toEqual(['story-0']);
    await first.alerts.stop();

    // story-1 was put in the folder while the bot was down.
    const second = processRun(outbox, watches, { current: corpusOf([one!, two!]), seen });
    await vi.waitFor(() => expect(known).toEqual(['story-0', 'story-1']));
    await second.quiet();
    expect(outbox.state.queue.map((item) => [item.articleId, item.alert?.kind])).toEqual([['story-1', 'alert']]);
    await second.alerts.stop();

    const third = processRun(outbox, watches, { current: corpusOf([one!, two!]), seen });
    await third.quiet();
    expect(outbox.state.queue.map((item) => [item.articleId, item.alert?.kind])).toEqual([['story-1', 'alert']]);
  });
});

describe('alert messages', () => {
  const hostile: WatchAlert = {
    kind: 'person',
    label: '**@everyone** <@123>',
    watched: 'x'.repeat(100),
    quoted: true,
    excerpt: '`code` _under_ '.repeat(100),
    paragraph: 4,
    articleId: 'a',
    title: '# Big ~~title~~ '.repeat(50),
    link: 'javascript:alert(1)',
  };

  it('GIVEN hostile names, titles and links THEN the text is escaped, cut, within 2000, and the link left out', () => {
    const content = renderAlertContent([hostile, hostile, hostile]);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).not.toContain('javascript:');
    expect(content).not.toContain('@everyone');
    expect(content).toContain('\\*\\*@');
    expect(content).toMatch(/\(¶ 4\)/);
  });

  it('GIVEN a round-up of 500 hostile matches THEN one message within 2000', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...hostile, articleId: `a${i}` }));
    const content = renderRoundupContent(many);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/^500 new articles/);
  });
});
