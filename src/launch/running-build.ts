import { fileURLToPath } from 'node:url';

/** `node bin/pilcrow.mjs <entry>`: starts an entry from the build of the project's code. */
export const LAUNCHER = fileURLToPath(new URL('../../bin/pilcrow.mjs', import.meta.url));

/** The folder of the build this process runs from (bin/pilcrow.mjs sets it), or null when run from source. */
export function runningBuild(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.PILCROW_BUNDLE || null;
}

/**
 * How to start `entry` (an absolute path of one of the entries) as a child node process like
 * this one: through the launcher, on this same build, when this process runs from one (the child
 * inherits PILCROW_BUNDLE); under tsx otherwise.
 */
export function childEntry(entry: string, env: NodeJS.ProcessEnv = process.env): { file: string; args: string[]; execArgv: string[] } {
  return runningBuild(env) ? { file: LAUNCHER, args: [entry], execArgv: [] } : { file: entry, args: [], execArgv: ['--import', 'tsx'] };
}
