/** What the services that post news (the announcer, the digest schedules) are given alike, documented once. */
import type { Logger } from 'pino';
import type { Corpus } from '../model/corpus.ts';

/** The live corpus and its changes (a CorpusStore from src/engine/corpus-store.ts). */
export interface CorpusSource {
  current(): Corpus;
  onChange(listener: (corpus: Corpus, added: string[]) => void): void;
}

/** Delays between attempts to post something that failed: doubling from the first, capped. */
export interface RetrySettings {
  /** Default 1000 ms. */
  firstDelayMs: number;
  /** Default 5 minutes. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = Object.freeze({ firstDelayMs: 1000, maxDelayMs: 5 * 60_000 });

/** The wait after the `failures`-th failed attempt in a row (1 for the first): doubling from `firstDelayMs`, at most `maxDelayMs`. */
export function retryDelay(retry: RetrySettings, failures: number): number {
  return Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** (failures - 1));
}

/** The options the posting services share. */
export interface PostingOptions {
  /** The live corpus: what is posted is made from it (an announcement waits for its article there). */
  source: CorpusSource;
  /** The service's logger. */
  log: Logger;
  /** The corpus a server sees; default scopeCorpus (the shared articles and the server's own: src/engine/scope-corpus.ts). */
  scope?: (corpus: Corpus, guildId: string | null) => Corpus;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  /** Delays between attempts to post; default DEFAULT_RETRY. */
  retry?: Partial<RetrySettings>;
}
