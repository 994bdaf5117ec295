import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Resolves packages the way the code that imports them does (this project's node_modules). */
const require = createRequire(import.meta.url);

/** The version of one installed package, or 'missing': read from the package.json above its entry point. */
async function installedVersion(name: string): Promise<string> {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    return 'missing';
  }
  // Walk up from the entry point (a package's exports may hide its package.json) to the package's own manifest.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    if (manifest === null) continue;
    try {
      const parsed = JSON.parse(manifest) as { name?: unknown; version?: unknown };
      if (parsed.name === name) return typeof parsed.version === 'string' ? parsed.version : 'unknown';
    } catch {
      // A nested package.json that is not JSON (or not this package's): keep walking up.
    }
  }
  return 'unknown';
}

/**
 * 'name@version' of each package, for a cache key: a cache written by other versions of the libraries that made
 * it (an upgrade of the parser or of the tagger) is never read.
 */
export async function installedVersions(names: readonly string[]): Promise<string> {
  const versions = await Promise.all(names.map(installedVersion));
  return names.map((name, i) => `${name}@${versions[i]}`).join(',');
}
