/**
 * How tests start the project's TypeScript entries (src/main.ts, src/cli.ts, src/add.ts …) as
 * real processes: `node --import tsx <entry>`, what the npm scripts' `tsx <entry>` runs, without
 * tsx's command in front. That command is a node process of its own that starts the program as
 * its child and relays signals to it: one node start more (~0.5 s of CPU) per process, and a
 * SIGKILL sent to it leaves the program running. The npm scripts' way, through the tsx command,
 * stays tested: `viaTsxCommand` starts an entry like that, and each entry has a test using it.
 *
 * The environment of a child is the one given plus PATH, HOME and TMPDIR. TMPDIR sends its temp
 * files, and tsx's cache of compiled files, to this run's folder (test/temp-root.global.ts):
 * removed at the end of the run, and shared by every process the run starts.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

/** The repository (the working directory of the processes started). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

const TSX_COMMAND = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** The environment a started process gets: `env` over PATH, HOME and TMPDIR of this one. */
export function childEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  if (process.env.TMPDIR) base.TMPDIR = process.env.TMPDIR;
  return { ...base, ...env };
}

/** The command and arguments that run `entry` (a path from the repository) with `args`. */
export function entryCommand(entry: string, args: readonly string[] = [], options: { viaTsxCommand?: boolean } = {}): [string, string[]] {
  return options.viaTsxCommand ? [TSX_COMMAND, [entry, ...args]] : [process.execPath, ['--import', 'tsx', entry, ...args]];
}

/** Starts `entry` in the repository with `childEnv(env)`; other options as for `spawn`. */
export function spawnEntry(
  entry: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'env'> & { env?: NodeJS.ProcessEnv; viaTsxCommand?: boolean } = {},
): ChildProcess {
  const { env, viaTsxCommand, ...spawnOptions } = options;
  const [command, commandArgs] = entryCommand(entry, args, { viaTsxCommand });
  return spawn(command, commandArgs, { cwd: REPO_ROOT, ...spawnOptions, env: childEnv(env) });
}
