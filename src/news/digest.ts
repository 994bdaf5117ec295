import { z } from 'zod';
import { readStateFile } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import type { Corpus } from '../model/corpus.ts';
import { announcementKey, type OutboxStore, type QueuedAnnouncement } from '../store/announcement-outbox.ts';
import { startAnnouncer } from './announcer.ts';
import type { CorpusSource, PostingOptions, RetrySettings } from './posting-options.ts';
import type { AnnouncementPoster } from './announcement-poster.ts';

export type { CorpusSource, RetrySettings };

/** File name of the digest state under the cache directory. */
export const DIGEST_STATE_FILE = 'digest-state.json';

/**
 * The digest state on disk: ids announced (or present before the digest first started), and ids
 * waiting to be announced (a post that failed, or was not yet made when the bot stopped).
 * `pending` is optional so that state written before it existed stays valid. `attempted`
 * (only written while there is one) maps a pending id to when its post was sent without an
 * answer from Discord: the channel is looked at before it is posted again.
 */
const digestStateSchema = z.object({
  announced: z.array(z.string()),
  pending: z.array(z.string()).default([]),
  attempted: z
    .record(
      z.string(),
      z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
    )
    .optional(),
});

export type DigestState = z.infer<typeof digestStateSchema>;

/** What reading the state file found. */
export type DigestStateRead =
  | { kind: 'missing' }
  | { kind: 'valid'; state: DigestState }
  /** Not JSON, or not the shape above (`{}` included): why. */
  | { kind: 'invalid'; problem: string };

/** The state file exists but cannot be read (permissions, a directory…): a fatal start-up error. */
export class DigestStateUnreadableError extends Error {}

/** Reads and validates the digest state. Throws DigestStateUnreadableError when the file exists but cannot be read. */
export async function readDigestState(file: string): Promise<DigestStateRead> {
  const read = await readStateFile(file, digestStateSchema);
  if (read.kind === 'unreadable') throw new DigestStateUnreadableError(`cannot read the digest state ${file}: ${read.problem}`);
  return read.kind === 'valid' ? { kind: 'valid', state: read.data } : read;
}

/** Ids already announced (or present before the digest started); null when there is no (valid) state. */
export async function readAnnounced(file: string): Promise<Set<string> | null> {
  const read = await readDigestState(file);
  return read.kind === 'valid' ? new Set(read.state.announced) : null;
}

/** Writes the state atomically and durably (it cannot be recomputed). */
export async function writeDigestState(
  file: string,
  state: { announced: Iterable<string>; pending: Iterable<string>; attempted?: Record<string, string> },
): Promise<void> {
  const attempted = state.attempted && Object.keys(state.attempted).length > 0 ? { attempted: state.attempted } : {};
  const data = { announced: [...state.announced].sort(), pending: [...state.pending], ...attempted };
  await writeFileAtomically(file, `${JSON.stringify(data, null, 2)}\n`, { durable: true });
}

/** What the digest needs. */
export interface DigestOptions extends Omit<PostingOptions, 'scope'> {
  /** How the digest's announcements reach the channel (the bot's: src/bot/discord-announcement-poster.ts). */
  poster: AnnouncementPoster;
  channelId: string;
  /** The state file (e.g. <cacheDir>/digest-state.json). */
  stateFile: string;
  /** The state as read at start-up (readDigestState); read here when not given. */
  initial?: DigestStateRead;
}

/** A running digest. */
export interface Digest {
  /** Resolves when the announcements under way are done (a retry waiting for its time is not waited for). */
  idle(): Promise<void>;
  /** Ids waiting to be announced. */
  pending(): string[];
  /** Stops retrying and resolves once the post under way (if any) is done and recorded; pending ids stay in the state file for the next start. */
  stop(): Promise<void>;
}

/**
 * Announces each shared article (a file directly in the data directory; a server's own articles
 * are its own news) that newly appears, in the digest channel, with its summary, exactly once.
 * The posting is the announcer's (src/news/announcer.ts), kept in this digest's own state file:
 * - an id is first added to `pending` in the state file, then posted, then moved to `announced`;
 *   a post that fails is retried with a doubling delay while running, and after a restart
 *   (pending ids are kept on disk), so an outage delays announcements but loses none;
 * - a post sent without an answer (SIGTERM while it was in flight) is recorded as attempted:
 *   after the restart the channel is looked at first, and every post carries a nonce derived from
 *   the article and channel, which Discord enforces, so it is never made twice;
 * - on the very first start (no state) the articles already there are recorded, not announced;
 *   articles added while the bot was down are announced at the next start;
 * - an invalid state file (not JSON, wrong shape, `{}`) is one warning: the current articles are
 *   taken as already announced (never a flood of re-announcements) and the file is rewritten.
 */
export async function startDigest(options: DigestOptions): Promise<Digest> {
  const { log, stateFile, channelId } = options;
  const clock = options.clock ?? Date.now;
  const initial = options.initial ?? (await readDigestState(stateFile));
  // Only shared articles (files directly in the data directory) are announced in the digest channel: a server's own articles are its own news.
  const currentIds = () =>
    options.source
      .current()
      .articles.filter(isShared)
      .map((a) => a.article.id);
  let announced: Set<string>;
  let pending: string[];
  let attempted: Record<string, string> = {};
  if (initial.kind === 'valid') {
    announced = new Set(initial.state.announced);
    pending = [...new Set(initial.state.pending)].filter((id) => !announced.has(id));
    for (const id of currentIds()) if (!announced.has(id) && !pending.includes(id)) pending.push(id);
    attempted = initial.state.attempted ?? {};
  } else {
    if (initial.kind === 'invalid') {
      log.warn(
        { stateFile, problem: initial.problem },
        `the digest state is invalid (${initial.problem}); taking the ${currentIds().length} current articles as already announced and rewriting it`,
      );
    }
    announced = new Set(currentIds());
    pending = [];
  }
  const startedAt = new Date(clock()).toISOString();
  const toItem = (id: string): QueuedAnnouncement => ({
    guildId: null,
    channelId,
    articleId: id,
    link: null,
    queuedAt: startedAt,
    attemptedAt: attempted[id] ?? null,
  });
  const store = digestStateStore(stateFile);
  const state = { announced: new Set([...announced].map((id) => announcementKey(null, id))), queue: pending.map(toItem) };
  await store.write(state);
  const announcer = startAnnouncer({
    poster: options.poster,
    source: options.source,
    log,
    initial: state,
    store,
    clock,
    retry: options.retry,
    // The digest's ids come from the corpus: one that is gone (or not shared) is not waited for.
    articleWaitMs: 0,
    label: 'a digest announcement',
  });
  const known = (id: string) => announced.has(id) || announcer.queued().some((item) => item.articleId === id);
  options.source.onChange((corpus, added) => {
    for (const id of added) {
      if (!isSharedIn(corpus, id) || known(id)) continue;
      void announcer
        .enqueue({ guildId: null, channelId, articleId: id })
        .catch((err: unknown) => log.error({ err }, 'digest announcement failed'));
    }
  });
  return {
    idle: () => announcer.idle(),
    pending: () => announcer.queued().map((item) => item.articleId),
    stop: () => announcer.stop(),
  };
}

/** The digest state file as the announcer's store: announced ids, pending ids, and the attempts without an answer. */
function digestStateStore(file: string): OutboxStore {
  return {
    write: (state) =>
      writeDigestState(file, {
        announced: [...state.announced].map((key) => key.slice(key.indexOf(':') + 1)),
        pending: state.queue.map((item) => item.articleId),
        attempted: Object.fromEntries(state.queue.filter((item) => item.attemptedAt).map((item) => [item.articleId, item.attemptedAt!])),
      }),
  };
}

/** An article shared by every server (a file directly in the data directory), not one a server added for itself. */
function isShared(owner: { article: { scope?: string | null } }): boolean {
  return (owner.article.scope ?? null) === null;
}

function isSharedIn(corpus: Corpus, id: string): boolean {
  const owner = corpus.byId.get(id);
  return owner !== undefined && isShared(owner);
}
