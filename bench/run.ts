/**
 * `npm run bench [-- --sizes 1,1000,10000,100000] [--queries N] [--json]`: the search benchmark.
 * Prints a table (or JSON with --json) on stdout; progress goes to stderr.
 */
import { formatReport } from './format-report.ts';
import { parseBenchArgs } from './parse-bench-args.ts';
import { runBenchmark } from './run-benchmark.ts';
import { DEFAULT_VECTORS_CACHE_DIR, prepareWordVectors } from '../src/search/vectors/prepare-word-vectors.ts';

const args = parseBenchArgs(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`bench: ${args.error}\n`);
  process.exit(2);
}
// Word vectors for the semantic path (converted once into .cache/ if needed); without them the bench is lexical only.
const vectorsStart = performance.now();
const vectors = await prepareWordVectors({
  cacheDir: DEFAULT_VECTORS_CACHE_DIR,
  warn: (message) => process.stderr.write(`bench: ${message}\n`),
});
process.stderr.write(
  `bench: word vectors ${vectors ? `loaded in ${Math.round(performance.now() - vectorsStart)} ms (${vectors.size} words)` : 'unavailable: lexical only'}\n`,
);
const report = await runBenchmark({
  sizes: args.sizes,
  queries: args.queries,
  progress: (line) => process.stderr.write(`bench: ${line}\n`),
  vectors,
});
process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
