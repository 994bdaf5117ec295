/**
 * The run's warm cache of the bundled article (prepared once by test/warm-cache.global.ts): a copy
 * of it as a process's CACHE_DIR makes a start over data/ (or a data folder holding only
 * data/putin-belarus-transition.txt) read the article's analysis and index instead of computing
 * them. Each caller gets its own copy: the processes write to their cache (state, rewritten entries).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { until } from './until.ts';

/** The variable naming the prepared folder, set by the global setup for the test workers. */
export const WARM_CACHE_VARIABLE = 'PILCROW_TEST_WARM_CACHE';

/** Where the global setup writes why the warm cache could not be made. */
export const warmCacheFailureFile = (cacheDir: string): string => `${cacheDir}.failed`;

/**
 * Copies the warm cache into `cacheDir` (created when missing; files already there are kept unless
 * the copy has one of the same name) and returns `cacheDir`. Waits for the global setup to finish
 * it (seconds, at the start of a run); throws its failure.
 */
export async function copyWarmCache(cacheDir: string): Promise<string> {
  const warm = process.env[WARM_CACHE_VARIABLE];
  if (!warm)
    throw new Error(`${WARM_CACHE_VARIABLE} is not set: test/warm-cache.global.ts is not a global setup of this run (vitest.config.ts)`);
  const failure = warmCacheFailureFile(warm);
  await until(() => existsSync(warm) || existsSync(failure), { timeoutMs: 60_000, everyMs: 50, what: 'the warm cache of the test run' });
  if (!existsSync(warm)) throw new Error(`the warm cache of the test run could not be made: ${readFileSync(failure, 'utf8')}`);
  await cp(warm, cacheDir, { recursive: true });
  return cacheDir;
}
