import path from 'node:path';
import { scopeCorpus } from '../engine/scope-corpus.ts';
import type { Corpus } from '../model/corpus.ts';
import { createSerialWriter } from '../files/serial-writer.ts';
import { UNREF_TIMERS, type Timers } from '../model/timers.ts';
import { isUserError } from '../model/user-error.ts';
import {
  ANNOUNCEMENTS_FILE,
  announcementKey,
  outboxKey,
  outboxFileStore,
  readOutbox,
  type OutboxClaim,
  type OutboxRead,
  type OutboxState,
  type OutboxStore,
  type QueuedAnnouncement,
} from '../store/announcement-outbox.ts';
import type { AnnouncementPoster } from './announcement-poster.ts';
import { createAnnouncementQueue, type AnnouncementRequest } from './announcement-queue.ts';
import { DEFAULT_RETRY, type PostingOptions } from './posting-options.ts';
import { matchWatch } from '../watch/match-watch.ts';
import { specOf } from '../store/watch-record.ts';

export { ANNOUNCEMENTS_FILE, announcementKey, readOutbox, type AnnouncementRequest, type QueuedAnnouncement };

/** Posts each article once per server, durably (see startAnnouncer). */
export interface Announcer {
  /** Queues an announcement; resolves once it is written to disk. An article already announced (or queued) in that server is not queued again. */
  enqueue(item: AnnouncementRequest): Promise<void>;
  /** Resolves when nothing is being posted and nothing is ready to post (a retry or an article not yet loaded is not waited for). */
  idle(): Promise<void>;
  /**
   * Removes the queued items with these keys (watch alert parts, see QueuedAlert) and queues the
   * requests (those not announced or queued already), in one write: what replaces the parts is
   * durable before they are gone.
   */
  settle(done: readonly string[], requests: readonly AnnouncementRequest[]): Promise<void>;
  /** How many announcements are queued (watch alert parts, never posted themselves, not counted). */
  pending(): number;
  /** The queue, oldest first. */
  queued(): QueuedAnnouncement[];
  /** Stops posting: the post under way is finished and recorded, the state written; the queue stays on disk for the next start. */
  stop(): Promise<void>;
}

/** Defaults of the announcer, in one place. */
export const ANNOUNCER_DEFAULTS = Object.freeze({
  /**
   * How long an announcement waits for its article to appear in the corpus (the file is written,
   * then the watcher rebuilds, usually within seconds). Default 10 minutes.
   */
  articleWaitMs: 10 * 60_000,
  /** An announcement still failing this long after it was queued is given up (a channel deleted, access never granted). Default 24 hours. */
  maxAgeMs: 24 * 60 * 60_000,
});

/** What the announcer needs; everything doing I/O is passed in. */
export interface AnnouncerOptions extends PostingOptions {
  /** How announcements reach the chat (the bot injects its Discord poster: src/bot/discord-announcement-poster.ts). */
  poster: AnnouncementPoster;
  /** The state to start from (read from the store's file). */
  initial: OutboxState;
  /** Where the state is written (the outbox file, or PostgreSQL) and, under several processes, who posts an item is claimed. */
  store: OutboxStore;
  /** Default: the global setTimeout/clearTimeout, unref'd (UNREF_TIMERS); tests drive time with their own. */
  timers?: Timers;
  /** Default ANNOUNCER_DEFAULTS.articleWaitMs. */
  articleWaitMs?: number;
  /** Default ANNOUNCER_DEFAULTS.maxAgeMs. */
  maxAgeMs?: number;
  /** How log lines name one announcement ("a digest announcement"); default "an announcement". */
  label?: string;
  /** Told when an announcement is queued, posted, or fails to post (metrics). */
  onEvent?: (event: 'queued' | 'posted' | 'failed') => void;
  /** Told once when a watch alert cannot be sent by direct message (Discord 50007: the member closed them); the alert is dropped, not retried. */
  onClosedDirectMessages?: (item: QueuedAnnouncement) => void;
  /** Told when an article is not announced because it does not match its feed's filter (`only`). */
  onHeldBack?: (item: QueuedAnnouncement) => void;
}

/**
 * Starts posting announcements from a durable outbox, each exactly once:
 * - `enqueue` writes the item to disk before it resolves; the key (server + article) of every
 *   announcement made is kept, so the same story is never announced twice in a server;
 * - an article not yet in the corpus (its file was just written) is waited for, up to
 *   `articleWaitMs`, then given up with a warning;
 * - before a post is sent, its attempt is written to disk; Discord's answer (or a definite
 *   refusal) clears it. After a restart, an attempt left without an answer means the post may
 *   have been made: the channel's latest messages are looked at before posting again, and the
 *   post carries a nonce Discord enforces, so a post whose answer was lost is not made twice;
 * - a failed post is retried with a doubling delay, per item; new work brings waiting retries forward;
 * - `stop` lets the post under way finish, records it and writes the state.
 */
export function startAnnouncer(options: AnnouncerOptions): Announcer {
  const { log, store, poster } = options;
  const clock = options.clock ?? Date.now;
  const timers = options.timers ?? UNREF_TIMERS;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const maxAgeMs = options.maxAgeMs ?? ANNOUNCER_DEFAULTS.maxAgeMs;
  const label = options.label ?? 'an announcement';
  const queue = createAnnouncementQueue({
    initial: options.initial,
    source: options.source,
    scope: options.scope ?? scopeCorpus,
    clock,
    retry,
    articleWaitMs: options.articleWaitMs ?? ANNOUNCER_DEFAULTS.articleWaitMs,
    log,
  });

  /** Writes the state: never two at once, and requests made during a write coalesced into the next (src/files/serial-writer.ts). */
  const writer = createSerialWriter((state: OutboxState) => store.write(state));
  /** The writes of enqueue and settle under way (idle and stop wait for them). */
  const enqueuing = new Set<Promise<void>>();
  /** The posting loop, while it runs. */
  let working: Promise<void> | null = null;
  /** The timer of the next retry or article time-out. */
  let wake: unknown;
  /** Set by stop: nothing more is posted. */
  let stopped = false;

  /** Writes the current state after any write under way (writes never overlap; the latest state wins); rejects when that write fails. */
  const save = (): Promise<void> => writer.write(queue.snapshot());

  /** An item is finished (posted, found posted, made elsewhere, held back or unannounceable): never posted again; the state written. */
  const finish = async (key: string): Promise<void> => {
    queue.finish(key);
    await save();
  };

  const announceOne = async (item: QueuedAnnouncement, corpus: Corpus): Promise<void> => {
    const key = outboxKey(item);
    const context = { article: item.articleId, guildId: item.guildId, channelId: item.channelId };
    let claim: OutboxClaim;
    try {
      claim = store.claim ? await store.claim(item) : 'mine';
    } catch (err) {
      // The store cannot be reached (a lost database): tried again like a failed post.
      const { delay } = queue.backOff(key);
      log.warn({ ...context, err, retryInMs: delay }, `could not claim ${label} before posting it; will retry`);
      return;
    }
    if (claim === 'done') {
      log.info(context, 'an announcement was made by another process; not posting it here');
      await finish(key);
      return;
    }
    if (claim === 'taken') {
      queue.postpone(key, retry.maxDelayMs);
      log.info(context, 'an announcement is being posted by another process; looking at it again later');
      return;
    }
    if (item.only && !matchWatch(corpus, item.articleId, specOf({ ...item.only, quotedOnly: false }))) {
      log.info({ ...context, only: item.only.value }, "an article does not match its feed's filter; stored, not announced");
      options.onHeldBack?.(item);
      await finish(key);
      return;
    }
    const payload = poster.prepare(item, corpus);
    if (isUserError(payload)) {
      log.warn({ ...context, error: payload.error }, 'no summary to announce');
      await finish(key);
      return;
    }
    try {
      const outcome = await poster.send(item, payload, async () => {
        item.attemptedAt = new Date(clock()).toISOString();
        await save();
      });
      await finish(key);
      if (outcome === 'posted') options.onEvent?.('posted');
      log.info(
        { ...context, outcome },
        outcome === 'found' ? 'an announcement made before a restart was found; not posting it again' : 'announced a new article',
      );
    } catch (err) {
      if (poster.failedDefinitely(err)) item.attemptedAt = null;
      options.onEvent?.('failed');
      if (item.alert?.dm && poster.isClosedDirectMessages(err)) {
        log.warn({ ...context, watches: item.alert.watchIds }, 'a member does not take direct messages; their watch alert is dropped');
        options.onClosedDirectMessages?.(item);
        await finish(key);
        return;
      }
      await store
        .release?.(item)
        .catch((error: unknown) => log.warn({ ...context, err: error }, `could not release the claim on ${label}`));
      const { count, delay } = queue.backOff(key);
      if (clock() - Date.parse(item.queuedAt) >= maxAgeMs) {
        log.warn({ ...context, err, attempts: count }, `could not post ${label} for too long; giving it up`);
        queue.remove(key);
        await save();
        return;
      }
      log.warn({ ...context, err, pending: queue.queued().length, retryInMs: delay }, `could not post ${label}; will retry`);
      await save().catch((error: unknown) => log.error({ err: error }, 'could not write the announcement state'));
    }
  };

  /** Posts ready items one at a time, then sets a timer for the next retry or article time-out. */
  const work = async (): Promise<void> => {
    while (!stopped) {
      const next = queue.nextReady();
      if (next === null) break;
      if (next === 'gave-up') {
        await save();
        continue;
      }
      await announceOne(next.item, next.corpus);
    }
    scheduleWake();
  };

  const scheduleWake = (): void => {
    timers.clearTimeout(wake);
    const at = queue.nextDueAt();
    if (stopped || at === null) return;
    const now = clock();
    // Items that are only waiting for their article are also woken by corpus changes.
    wake = timers.setTimeout(kick, Math.max(0, at - now));
  };

  const kick = (): void => {
    if (stopped || working) return;
    working = work()
      .catch((err: unknown) => log.error({ err }, 'announcing failed'))
      .finally(() => {
        working = null;
      });
  };

  options.source.onChange(() => kick());

  /** Writes the queue with `added` new requests (idle and stop wait for it), then counts them and starts posting. */
  const saveAdded = async (added: number): Promise<void> => {
    const written = save();
    enqueuing.add(written);
    try {
      await written;
    } finally {
      enqueuing.delete(written);
    }
    for (let i = 0; i < added; i++) options.onEvent?.('queued');
    // A retry waiting for its time is brought forward: new work is a new attempt.
    queue.retryNow();
    kick();
  };

  const settle = async (done: readonly string[], requests: readonly AnnouncementRequest[]): Promise<void> => {
    for (const key of new Set(done)) queue.remove(key);
    await saveAdded(requests.filter((request) => queue.push(request)).length);
  };

  const enqueue = async (request: AnnouncementRequest): Promise<void> => {
    if (!queue.push(request)) {
      // Already queued: resolves once the write that queued it is done.
      await writer.flushed();
      return;
    }
    await saveAdded(1);
  };

  kick();
  return {
    enqueue,
    settle,
    async idle() {
      for (;;) {
        await Promise.allSettled([...enqueuing]);
        if (working) {
          await working;
          continue;
        }
        await writer.flushed();
        if (working || enqueuing.size > 0) continue;
        return;
      }
    },
    pending: () => queue.pending(),
    queued: () => queue.queued(),
    async stop() {
      stopped = true;
      timers.clearTimeout(wake);
      await Promise.allSettled([...enqueuing]);
      await working;
      await save();
    },
  };
}

/** Options of openAnnouncer: those of startAnnouncer, with the cache directory instead of a store and a state. */
export type OpenAnnouncerOptions = Omit<AnnouncerOptions, 'initial' | 'store'> & {
  cacheDir: string;
  /** The outbox file; default `<cacheDir>/announcements.json` (each shard has its own: src/bot/discord-news-desk.ts). */
  file?: string;
  /** The outbox as read at start-up (readOutbox), so that an unreadable one stops the start before logging in; read here when not given. */
  initial?: OutboxRead;
};

/**
 * Reads the outbox (`<cacheDir>/announcements.json`, or `file`) and starts the announcer on it. An invalid
 * outbox is one warning: it starts empty and the file is rewritten. Throws OutboxUnreadableError
 * when the file exists but cannot be read.
 */
export async function openAnnouncer(options: OpenAnnouncerOptions): Promise<Announcer> {
  const file = options.file ?? path.join(options.cacheDir, ANNOUNCEMENTS_FILE);
  const read = options.initial ?? (await readOutbox(file));
  if (read.kind === 'invalid') {
    options.log.warn({ file, problem: read.problem }, `the announcement outbox is invalid (${read.problem}); starting it afresh`);
  }
  const initial: OutboxState = read.kind === 'valid' ? read.state : { announced: new Set(), queue: [] };
  const store = outboxFileStore(file);
  await store.write(initial);
  return startAnnouncer({ ...options, initial, store });
}
