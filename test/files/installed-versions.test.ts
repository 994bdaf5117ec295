import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_PACKAGES } from '../../src/engine/load-corpus.ts';
import { installedVersions } from '../../src/files/installed-versions.ts';
import { INGEST_PACKAGES } from '../../src/ingest/load-parsers.ts';

/** The packages a folder's code imports or requires (bare specifiers, node: built-ins left out), subpaths cut to the package. */
async function packagesUsedIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.ts'));
  const used = new Set<string>();
  for (const name of names) {
    const source = await readFile(path.join(dir, name), 'utf8');
    for (const match of source.matchAll(/(?:\bfrom\s+|\brequire\(|\)\()'([^'.][^']*)'/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      used.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return [...used].sort();
}

describe('installedVersions', () => {
  it('GIVEN installed packages THEN each is named with the version in its package.json, a missing one as missing', async () => {
    const fuse = JSON.parse(await readFile('node_modules/fuse.js/package.json', 'utf8')) as { version: string };
    const readability = JSON.parse(await readFile('node_modules/@mozilla/readability/package.json', 'utf8')) as { version: string };
    expect(await installedVersions(['fuse.js', '@mozilla/readability', 'no-such-package-here'])).toBe(
      `fuse.js@${fuse.version},@mozilla/readability@${readability.version},no-such-package-here@missing`,
    );
  });

  it('GIVEN the cache keys THEN they name every package the ingest and analysis code uses (an upgrade of any of them re-parses or re-analyses)', async () => {
    expect([...INGEST_PACKAGES].sort()).toEqual(await packagesUsedIn('src/ingest'));
    expect([...ANALYSIS_PACKAGES].sort()).toEqual(await packagesUsedIn('src/analysis'));
  });
});
