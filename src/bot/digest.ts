import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from 'discord.js';
import type { Logger } from 'pino';
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

/** Ids already announced (or present before the digest started); null when there is no state yet. */
export async function readAnnounced(file: string): Promise<Set<string> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = JSON.parse(text) as { announced?: unknown };
  return new Set(Array.isArray(parsed.announced) ? parsed.announced.filter((x): x is string => typeof x === 'string') : []);
}

/** Writes the announced ids atomically (a temporary file renamed over the old one). */
export async function writeAnnounced(file: string, ids: Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ announced: [...ids].sort() }, null, 2)}\n`);
  await rename(temporary, file);
}

/** What the digest needs. */
export interface DigestOptions {
  client: Client;
  source: CorpusSource;
  channelId: string;
  /** The state file (e.g. <cacheDir>/digest-state.json). */
  stateFile: string;
  run: RunCommand;
  log: Logger;
}

/** A running digest; `idle()` resolves when pending announcements are done (for tests and shutdown). */
export interface Digest {
  idle(): Promise<void>;
}

/**
 * Announces each article that newly appears in the data directory in the digest channel,
 * with its summary, exactly once: announced ids are kept in a state file, so a restart does
 * not repeat them. On the very first start the articles already there are recorded, not
 * announced; articles added while the bot was down are announced at the next start.
 */
export async function startDigest(options: DigestOptions): Promise<Digest> {
  const { log } = options;
  let announced = await readAnnounced(options.stateFile);
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>): void => {
    chain = chain.then(work).catch((err: unknown) => log.error({ err }, 'digest announcement failed'));
  };

  const announce = async (corpus: Corpus, ids: string[]): Promise<void> => {
    const fresh = ids.filter((id) => !announced!.has(id) && corpus.byId.has(id));
    if (fresh.length === 0) return;
    const channel = await options.client.channels.fetch(options.channelId);
    if (!channel || !channel.isSendable()) {
      log.error({ channelId: options.channelId }, 'digest channel is not a channel I can send to');
      return;
    }
    for (const id of fresh) {
      const result = options.run(corpus, 'summary', { article: id });
      if (isUserError(result)) {
        log.warn({ article: id, error: result.error }, 'no summary to announce');
      } else {
        await channel.send(renderAnswer(result, { articleTitle: articleTitles(corpus) }).payload);
        log.info({ article: id, channelId: options.channelId }, 'announced a new article');
      }
      announced!.add(id);
      await writeAnnounced(options.stateFile, announced!);
    }
  };

  if (announced === null) {
    announced = new Set(options.source.current().articles.map((a) => a.article.id));
    await writeAnnounced(options.stateFile, announced);
  } else {
    const corpus = options.source.current();
    enqueue(() => announce(corpus, corpus.articles.map((a) => a.article.id)));
  }
  options.source.onChange((corpus, added) => enqueue(() => announce(corpus, added)));
  return { idle: () => chain };
}
