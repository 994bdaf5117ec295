import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import { z } from 'zod';
import { writeFileAtomically } from '../cache/write-file-atomically.ts';
import type { Corpus } from '../model/corpus.ts';
import { isUserError } from '../model/user-error.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { articleTitles } from './article-titles.ts';
import type { RunCommand } from './command-module.ts';

/** The live corpus and its changes (a CorpusStore from src/engine/corpus-store.ts). */
export interface CorpusSource {
  current(): Corpus;
  onChange(listener: (corpus: Corpus, added: string[]) => void): void;
}

/** File name of the digest state under the cache directory. */
export const DIGEST_STATE_FILE = 'digest-state.json';

/**
 * The digest state on disk: ids announced (or present before the digest first started), and ids
 * waiting to be announced (a post that failed, or was not yet made when the bot stopped).
 * `pending` is optional so that state written before it existed stays valid.
 */
const digestStateSchema = z.object({
  announced: z.array(z.string()),
  pending: z.array(z.string()).default([]),
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw new DigestStateUnreadableError(`cannot read the digest state ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', problem: 'not JSON' };
  }
  const parsed = digestStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', problem: `${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'wrong shape'}` };
  }
  return { kind: 'valid', state: parsed.data };
}

/** Ids already announced (or present before the digest started); null when there is no (valid) state. */
export async function readAnnounced(file: string): Promise<Set<string> | null> {
  const read = await readDigestState(file);
  return read.kind === 'valid' ? new Set(read.state.announced) : null;
}

/** Writes the state atomically and durably (it cannot be recomputed). */
export async function writeDigestState(file: string, state: { announced: Iterable<string>; pending: Iterable<string> }): Promise<void> {
  const data = { announced: [...state.announced].sort(), pending: [...state.pending] };
  await writeFileAtomically(file, `${JSON.stringify(data, null, 2)}\n`, { durable: true });
}

/** Delays between attempts to post an announcement that failed: doubling from the first, capped. */
export interface RetrySettings {
  /** Default 1000 ms. */
  firstDelayMs: number;
  /** Default 5 minutes. */
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetrySettings = { firstDelayMs: 1000, maxDelayMs: 5 * 60_000 };

/** What the digest needs. */
export interface DigestOptions {
  client: Client;
  source: CorpusSource;
  channelId: string;
  /** The state file (e.g. <cacheDir>/digest-state.json). */
  stateFile: string;
  run: RunCommand;
  log: Logger;
  /** The state as read at start-up (readDigestState); read here when not given. */
  initial?: DigestStateRead;
  retry?: Partial<RetrySettings>;
}

/** A running digest. */
export interface Digest {
  /** Resolves when the announcements under way are done (a retry waiting for its time is not waited for). */
  idle(): Promise<void>;
  /** Ids waiting to be announced. */
  pending(): string[];
  /** Stops retrying and resolves once the post under way (if any) is done; pending ids stay in the state file for the next start. */
  stop(): Promise<void>;
}

/**
 * Announces each article that newly appears in the data directory in the digest channel, with
 * its summary, exactly once:
 * - an id is first added to `pending` in the state file, then posted, then moved to `announced`;
 *   a post that fails is retried with a doubling delay while running, and after a restart
 *   (pending ids are kept on disk), so an outage delays announcements but loses none;
 * - every post carries a nonce derived from the article and channel, which Discord enforces, so
 *   a post that reached Discord but whose answer was lost is not duplicated by its retry;
 * - on the very first start (no state) the articles already there are recorded, not announced;
 *   articles added while the bot was down are announced at the next start;
 * - an invalid state file (not JSON, wrong shape, `{}`) is one warning: the current articles are
 *   taken as already announced (never a flood of re-announcements) and the file is rewritten.
 */
export async function startDigest(options: DigestOptions): Promise<Digest> {
  const { log, stateFile } = options;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const initial = options.initial ?? (await readDigestState(stateFile));
  // Only shared articles (files directly in the data directory) are announced in the digest channel: a server's own articles are its own news.
  const currentIds = () =>
    options.source
      .current()
      .articles.filter(isShared)
      .map((a) => a.article.id);
  let announced: Set<string>;
  let pending: string[];
  if (initial.kind === 'valid') {
    announced = new Set(initial.state.announced);
    pending = [...new Set(initial.state.pending)].filter((id) => !announced.has(id));
    for (const id of currentIds()) if (!announced.has(id) && !pending.includes(id)) pending.push(id);
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
  const save = () => writeDigestState(stateFile, { announced, pending });
  await save();

  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  /** Posts pending announcements in order; stops at the first failure and schedules a retry. */
  const flush = async (): Promise<void> => {
    if (stopped || pending.length === 0) return;
    const corpus = options.source.current();
    try {
      for (const id of [...pending]) {
        if (stopped) return;
        await announce(corpus, id);
        pending = pending.filter((p) => p !== id);
        announced.add(id);
        await save();
      }
      failures = 0;
    } catch (err) {
      failures++;
      const delay = Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (failures - 1));
      log.warn({ err, pending: pending.length, retryInMs: delay }, 'could not post a digest announcement; will retry');
      clearTimeout(timer);
      timer = setTimeout(() => enqueue(flush), delay);
    }
  };

  const announce = async (corpus: Corpus, id: string): Promise<void> => {
    const owner = corpus.byId.get(id);
    if (!owner || !isShared(owner)) {
      log.info({ article: id }, 'an article waiting to be announced is gone (or not shared); not announcing it');
      return;
    }
    const result = options.run(corpus, 'summary', { article: id });
    if (isUserError(result)) {
      log.warn({ article: id, error: result.error }, 'no summary to announce');
      return;
    }
    const channel = await options.client.channels.fetch(options.channelId);
    if (!channel || !channel.isSendable()) throw new Error(`the digest channel ${options.channelId} is not a channel the bot can send to`);
    const payload = renderAnswer(result, { articleTitle: articleTitles(corpus) }).payload;
    await channel.send({ ...payload, nonce: announcementNonce(options.channelId, id), enforceNonce: true });
    log.info({ article: id, channelId: options.channelId }, 'announced a new article');
  };

  const enqueue = (work: () => Promise<void>): void => {
    chain = chain.then(work).catch((err: unknown) => log.error({ err }, 'digest announcement failed'));
  };

  options.source.onChange((corpus, added) => {
    const fresh = added.filter((id) => isSharedIn(corpus, id) && !announced.has(id) && !pending.includes(id));
    if (fresh.length === 0) return;
    pending.push(...fresh);
    enqueue(async () => {
      await save();
      // A retry waiting for its time is brought forward: new work is a new attempt.
      clearTimeout(timer);
      await flush();
    });
  });
  enqueue(flush);
  return {
    idle: () => chain,
    pending: () => [...pending],
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
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

/** A nonce (at most 25 characters) that is the same for every attempt to announce one article in one channel. */
export function announcementNonce(channelId: string, articleId: string): string {
  return createHash('sha256').update(`${channelId}\u0000${articleId}`).digest('base64url').slice(0, 25);
}
