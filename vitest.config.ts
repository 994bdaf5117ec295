import { defineConfig } from 'vitest/config';

/**
 * Test files that change state other files would see if they shared modules: the active word
 * vectors (src/search/vectors/active-word-vectors.ts: set by prepareWordVectors, read by every
 * search index built afterwards), a bot started in this process, the environment. They run
 * isolated (a fresh module graph per file); the other files share one per worker, so the
 * analysis, search and discord.js modules are imported once per worker instead of once per file
 * (docs/testing.md: about half the suite's CPU time).
 */
const ISOLATED = [
  'test/e2e/**/*.test.ts',
  'test/search/word-vectors.test.ts',
  'test/search/semantic-search.test.ts',
  'test/search/row-clusters.test.ts',
  'test/answers/who-with-word-vectors.test.ts',
  'test/metrics/**/*.test.ts',
  'test/bench/**/*.test.ts',
  'test/bot/shard-of-guild.test.ts',
];

/** What every test file gets, in both projects. */
const EVERY_FILE = { testTimeout: 20_000, hookTimeout: 20_000 };

export default defineConfig({
  test: {
    // Set up once for the run (the projects below do not inherit them, so they do not run again per project).
    globalSetup: ['test/temp-root.global.ts', 'test/prepare-word-vectors.global.ts'],
    // Both cores (vitest's default leaves one free): most of the slow files wait on the processes they start.
    maxWorkers: 2,
    projects: [
      { test: { ...EVERY_FILE, name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { test: { ...EVERY_FILE, name: 'isolated', include: ISOLATED } },
    ],
  },
});
