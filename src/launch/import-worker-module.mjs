// How the boot files of worker threads and helper processes (src/engine/rebuild-worker-boot.mjs,
// src/search/vectors/convert-*.mjs) import their TypeScript module: from the build the starting
// process runs (PILCROW_BUNDLE, set by bin/pilcrow.mjs and inherited), else from source under tsx.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtFile } from './build-bundle.mjs';

/**
 * Imports `entry` (its path from the repository, one of the build's entries) from the build in
 * PILCROW_BUNDLE, or else `relative` (the same module, from `bootUrl`) with tsx registered.
 */
export async function importWorkerModule(bootUrl, entry, relative) {
  const build = process.env.PILCROW_BUNDLE;
  if (build) return import(pathToFileURL(path.join(build, builtFile(entry))).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(relative, bootUrl).href);
}
