/**
 * Vitest global setup: a warm cache of the bundled article (data/), prepared once per run, that
 * tests copy as the CACHE_DIR of the processes they start (test/support/warm-cache.ts). A process
 * started over the bundled article with it reads the article's analysis and index instead of
 * loading the analysis code and its language models and analysing (`npm run ask`: about 6.5 s of
 * CPU from an empty cache, 2.5 s from a warm one). Tests about a first analysis keep an empty cache.
 *
 * The cache is made in a thread of its own, started here without waiting for it: the test workers
 * start meanwhile, and the word vectors' conversion (the next global setup, in its own thread on a
 * fresh clone) runs beside it. It is written to a folder beside its final one and renamed when
 * complete, so the folder named in PILCROW_TEST_WARM_CACHE exists only once whole; a failure is
 * written beside it for the tests to report.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WARM_CACHE_VARIABLE, warmCacheFailureFile } from './support/warm-cache.ts';

export default function setup(): () => Promise<void> {
  // Under the run's temp folder (test/temp-root.global.ts, set up before this one): removed at the end.
  const cacheDir = path.join(tmpdir(), 'pilcrow-warm-cache');
  const partial = `${cacheDir}.partial`;
  mkdirSync(partial, { recursive: true });
  process.env[WARM_CACHE_VARIABLE] = cacheDir;
  const fail = (message: string): void => writeFileSync(warmCacheFailureFile(cacheDir), message);
  const worker = new Worker(new URL('./support/warm-cache-worker.mjs', import.meta.url), {
    workerData: { dataDir: path.resolve(import.meta.dirname, '..', 'data'), cacheDir: partial },
    execArgv: [],
  });
  const done = new Promise<void>((resolve) => {
    worker.once('message', (reply: { error?: string; warnings?: string[] }) => {
      if (reply.error !== undefined) fail(reply.error);
      else renameSync(partial, cacheDir);
      for (const warning of reply.warnings ?? []) process.stderr.write(`test setup (warm cache): ${warning}\n`);
      resolve();
    });
    worker.once('error', (err) => {
      fail(err.stack ?? err.message);
      resolve();
    });
    worker.once('exit', (code) => {
      if (!existsSync(cacheDir) && !existsSync(warmCacheFailureFile(cacheDir))) fail(`the thread exited (code ${code}) without a reply`);
      resolve();
    });
  });
  return async () => {
    await worker.terminate();
    await done;
  };
}
