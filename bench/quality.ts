/**
 * `npm run bench:quality [-- --json] [--no-scorers] [--shared DIR]`: people, roles, quotes and
 * speakers on the bundled article (against bench/seed-people-quotes.json) and on the development
 * set (../shared/eval/score-people-quotes.mjs and score-summary.mjs, when ../shared exists).
 * The table (or JSON with --json) goes to stdout, progress to stderr.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatQuality, measureQuality } from './measure-quality.ts';

const USAGE = 'usage: npm run bench:quality -- [--json] [--no-scorers] [--shared DIR]';

let values: { json?: boolean; 'no-scorers'?: boolean; shared?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean' },
      'no-scorers': { type: 'boolean' },
      shared: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  process.stderr.write(`bench:quality: ${(err as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const report = await measureQuality({
  root: fileURLToPath(new URL('..', import.meta.url)),
  shared: values.shared,
  scorers: !values['no-scorers'],
  progress: (line) => process.stderr.write(`bench:quality: ${line}\n`),
});
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatQuality(report)}\n`);
