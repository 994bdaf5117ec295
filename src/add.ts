/**
 * `npm run add -- <url|file> [--data DIR] [--guild ID] [--json]`: adds one article to the data
 * folder (or a server's folder) from a link or a .txt/.md/.html file, as the bot's /article add does.
 */
import 'dotenv/config';
import { runAddCommand } from './cli/add-command.ts';

runAddCommand({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Pilcrow failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
