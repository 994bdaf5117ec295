import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
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

/**
 * The slowest files (nearly all their time spent in the processes they start), those of the
 * isolated project then those of the shared one, slowest first, seconds of a quiet run in comments. Each starts as soon as a worker is free, so that no long
 * file starts last and leaves the other core idle at the end of the run; vitest's own order
 * (the last run's durations, else file size: a fresh clone has none) goes on after them. A new
 * file that takes over ~10 s goes here.
 */
const SLOWEST_FIRST = [
  'test/e2e/bot-process.test.ts', // 107
  'test/e2e/start-in-terminal.test.ts', // 94
  'test/e2e/several-hosts.test.ts', // 55
  'test/e2e/bot-lifecycle.test.ts', // 41
  'test/bench/several-hosts.test.ts', // 27
  'test/e2e/watch.test.ts', // 21
  'test/e2e/news-in.test.ts', // 13
  'test/bench/load-benchmark.test.ts', // 10
  'test/engine/corpus-store-worker.test.ts', // 41
  'test/cli.test.ts', // 37.5
  'test/add-cli.test.ts', // 14.5
];

/**
 * The isolated project's files first (vitest's rule: a worker of the shared project is kept for
 * the next file only while the next is shared too), each project's SLOWEST_FIRST files first.
 */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const index = SLOWEST_FIRST.indexOf(path.relative(file.project.config.root, file.moduleId));
      return index < 0 ? SLOWEST_FIRST.length : index;
    };
    const project = (file: TestSpecification): number => (file.project.name === 'isolated' ? 0 : 1);
    // Array.prototype.sort is stable: vitest's order stays among files of the same rank.
    return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
  }
}

/** What every test file gets, in both projects. */
const EVERY_FILE = { testTimeout: 20_000, hookTimeout: 20_000 };

/**
 * The isolated files start bot and terminal processes, whose start takes several times longer on
 * a loaded machine (CI sharing its cores): a deadline, not a wait, so a passing run takes no longer.
 */
const PROCESS_FILE = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Set up once for the run (the projects below do not inherit them, so they do not run again per project).
    // temp-root first: the others write under the run's TMPDIR it sets. The warm cache is made in
    // a thread while the rest goes on (test/warm-cache.global.ts); the build of the entries
    // (test/build.global.ts) is what the processes the tests start run.
    globalSetup: ['test/temp-root.global.ts', 'test/build.global.ts', 'test/warm-cache.global.ts', 'test/prepare-word-vectors.global.ts'],
    // Both cores (vitest's default leaves one free): most of the slow files wait on the processes they start.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    projects: [
      { test: { ...EVERY_FILE, name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { test: { ...PROCESS_FILE, name: 'isolated', include: ISOLATED } },
    ],
  },
});
