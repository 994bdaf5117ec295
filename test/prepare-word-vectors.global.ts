/**
 * Vitest global setup: converts the word vectors once into the repository's `.cache/` before any
 * test file runs. Tests and the processes they start (npm start, npm run ask, the bot) look there
 * whatever their CACHE_DIR, so a fresh clone converts once (10–20 s) instead of once per process,
 * several at a time.
 */
import { DEFAULT_VECTORS_CACHE_DIR, prepareWordVectors } from '../src/search/vectors/prepare-word-vectors.ts';

export default async function setup(): Promise<void> {
  await prepareWordVectors({
    cacheDir: DEFAULT_VECTORS_CACHE_DIR,
    alsoLookIn: [],
    warn: (message) => process.stderr.write(`test setup: ${message}\n`),
  });
}
