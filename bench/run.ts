/**
 * `npm run bench [-- --sizes 1,1000,10000,100000] [--queries N] [--json]`: the search benchmark.
 * Prints a table (or JSON with --json) on stdout; progress goes to stderr.
 */
import { formatReport } from './format-report.ts';
import { parseBenchArgs } from './parse-bench-args.ts';
import { runBenchmark } from './run-benchmark.ts';

const args = parseBenchArgs(process.argv.slice(2));
if ('error' in args) {
  process.stderr.write(`bench: ${args.error}\n`);
  process.exit(2);
}
const report = await runBenchmark({
  sizes: args.sizes,
  queries: args.queries,
  progress: (line) => process.stderr.write(`bench: ${line}\n`),
});
process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
