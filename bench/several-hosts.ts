/**
 * `npm run bench:several-hosts [-- --processes 4 --paragraphs 25000 --rate 8 --seconds 60 --no-lock-step --json]`:
 * several bot processes on one PostgreSQL against one alone (bench/run-several-hosts.ts). Needs
 * PostgreSQL (127.0.0.1:5432, or TEST_DATABASE_URL's server): it creates a database and drops it.
 * Prints a table (or JSON) on stdout; progress on stderr.
 */
import { parseArgs } from 'node:util';
import { wholeOption } from './parse-bench-args.ts';
import { formatSeveralHostsReport, runSeveralHosts } from './run-several-hosts.ts';

const USAGE =
  'usage: npm run bench:several-hosts -- [--processes N (2-8)] [--paragraphs N (1-50000)] [--rate N/s (1-100)] [--seconds N (1-120)] [--cache-dir DIR] [--no-lock-step] [--json]';

let options;
try {
  const { values } = parseArgs({
    options: {
      processes: { type: 'string' },
      paragraphs: { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      'cache-dir': { type: 'string' },
      'no-lock-step': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  options = {
    processes: wholeOption('processes', values.processes, 4, 2, 8),
    paragraphs: wholeOption('paragraphs', values.paragraphs, 25_000, 1, 50_000),
    rate: wholeOption('rate', values.rate, 8, 1, 100),
    seconds: wholeOption('seconds', values.seconds, 60, 1, 120),
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
    lockStep: !values['no-lock-step'],
    json: values.json ?? false,
  };
} catch (err) {
  process.stderr.write(`bench:several-hosts: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}
const report = await runSeveralHosts({ ...options, progress: (line) => process.stderr.write(`bench:several-hosts: ${line}\n`) });
process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatSeveralHostsReport(report)}\n`);
