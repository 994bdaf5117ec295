/**
 * `npm run bench:load [-- --rate 100 --seconds 10 --articles 2000 --json]`: the load benchmark
 * (bench/run-load-benchmark.ts). Prints a table (or JSON) on stdout; progress on stderr.
 */
import { parseArgs } from 'node:util';
import { formatLoadReport } from './format-load-report.ts';
import { runLoadBenchmark } from './run-load-benchmark.ts';

const USAGE =
  'usage: npm run bench:load -- [--rate N/s (1-500)] [--seconds N (1-120)] [--articles N (1-20000)] [--cache-dir DIR] [--cpu-prof DIR] [--json]';

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} wants a number from 1 to ${max}, not "${raw}"`);
  return n;
}

let options;
try {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      seconds: { type: 'string' },
      articles: { type: 'string' },
      'cache-dir': { type: 'string' },
      'cpu-prof': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  options = {
    rate: positive('rate', values.rate, 100, 500),
    seconds: positive('seconds', values.seconds, 10, 120),
    articles: Math.round(positive('articles', values.articles, 2000, 20_000)),
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
    ...(values['cpu-prof'] ? { cpuProfileDir: values['cpu-prof'] } : {}),
    json: values.json ?? false,
  };
} catch (err) {
  process.stderr.write(`bench:load: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}
const report = await runLoadBenchmark({ ...options, progress: (line) => process.stderr.write(`bench:load: ${line}\n`) });
process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatLoadReport(report)}\n`);
