// The static checks of `npm test` (before vitest): the type-check, ESLint, the layer rules
// (dependency-cruiser) and the Prettier check, each with its cache in node_modules/.cache/pilcrow/.
// They ran one after the other; here in two lanes at once, one per core, so a fresh clone (no
// cache: every file checked) waits for the longer lane instead of the sum (docs/testing.md). Each
// command's output is printed whole when it ends, so the lanes' lines do not interleave; the exit
// code is 1 when any check failed, naming them. Plain JavaScript: it runs before anything is
// compiled, and without tsx's start-up.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cache = 'node_modules/.cache/pilcrow';

/** Each lane runs its commands in order; the lanes run at once. Type-aware ESLint is the longest alone. */
const LANES = [
  [['eslint', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache}/eslint/`, '.']],
  [
    ['tsc', '--noEmit', '--incremental', '--tsBuildInfoFile', `${cache}/tsc.tsbuildinfo`],
    ['depcruise', 'src', 'commands', '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long', '--cache', `${cache}/depcruise`],
    ['prettier', '--check', '--cache', '--cache-location', `${cache}/prettier`, '.'],
  ],
];

const env = { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` };

/** Runs one command; resolves with whether it succeeded, after printing its output. */
function run([command, ...args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    let ended = false;
    const done = (ok, why) => {
      if (ended) return;
      ended = true;
      const output = Buffer.concat(chunks).toString('utf8');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `> ${command} ${args.join(' ')}  (${ok ? 'ok' : why}, ${seconds} s)\n${output}${output.endsWith('\n') || !output ? '' : '\n'}`,
      );
      resolve(ok);
    };
    child.on('error', (err) => done(false, `could not start: ${err.message}`));
    child.on('close', (code, signal) => done(code === 0, signal ? `killed by ${signal}` : `exit code ${code}`));
  });
}

const failed = [];
await Promise.all(
  LANES.map(async (lane) => {
    for (const command of lane) if (!(await run(command))) failed.push(command[0]);
  }),
);
if (failed.length > 0) {
  process.stderr.write(`npm test: ${failed.join(', ')} failed (output above); the tests were not run.\n`);
  process.exitCode = 1;
}
