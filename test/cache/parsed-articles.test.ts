import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openParsedArticles } from '../../src/cache/parsed-articles.ts';
import { nodeArticleFs } from '../../src/ingest/article-fs.ts';
import { loadArticles } from '../../src/ingest/load-articles.ts';

const HARBOUR = `---
title: "Harbour reopens after the storm"
source: Coastal Courier
tags: [weather, shipping]
---

PORTVILLE, 4 May 2009 — The harbour reopened on Monday after three days of closure, the port authority said.

"We checked every berth twice," said harbour master Ines Calloway. Ferries will run to the islands again from Tuesday.
`;
const MARKET = `# Market hall gets a new roof

Builders finished the roof of the old market hall a month early, the council said on Friday.

Traders moved back in on Saturday morning.
`;

let cacheDir: string;
let dataDir: string;
const warnings: string[] = [];

/** Loads the data directory through the cache, as the corpus does; the articles and what the cache did. */
async function load() {
  const cache = await openParsedArticles({ dir: cacheDir, onWarning: (message) => void warnings.push(message) });
  const loaded = await loadArticles(dataDir, nodeArticleFs, { parse: cache.parse });
  return { ...loaded, ...(await cache.save()) };
}

/** Rewrites articles.json's payload through `edit`, with a checksum that fits (a tampered cache, not a truncated one). */
async function tamper(edit: (payload: Record<string, Record<string, unknown>>) => void): Promise<void> {
  const file = join(cacheDir, 'articles.json');
  const [header, body] = (await readFile(file, 'utf8')).split('\n') as [string, string];
  const payload = JSON.parse(body) as Record<string, Record<string, unknown>>;
  edit(payload);
  const text = JSON.stringify(payload);
  const sha256 = createHash('sha256').update(text).update('\u0000').digest('hex');
  await writeFile(file, `${JSON.stringify({ ...JSON.parse(header), sha256 })}\n${text}`);
}

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'pilcrow-parsed-cache-'));
  dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-parsed-data-'));
  await writeFile(join(dataDir, 'harbour.txt'), HARBOUR);
  await writeFile(join(dataDir, 'market.md'), MARKET);
  warnings.length = 0;
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('the cache of parsed articles', () => {
  it('GIVEN a second load of the same files THEN nothing is parsed and the articles are the same, keys in the same order', async () => {
    const first = await load();
    expect(first).toMatchObject({ reused: 0, parsed: 2 });
    const second = await load();
    expect(second).toMatchObject({ reused: 2, parsed: 0 });
    // The analysis cache hashes each article as JSON: a cached article must serialise as a parsed one does.
    expect(JSON.stringify(second.articles)).toBe(JSON.stringify(first.articles));
    expect(second.articles[0]).toMatchObject({ id: 'harbour', title: 'Harbour reopens after the storm', published: '2009-05-04' });
    expect(warnings).toEqual([]);
  });

  it('GIVEN a file renamed and one moved into a server folder THEN both come from the cache with their new id, file and scope', async () => {
    await load();
    await rename(join(dataDir, 'harbour.txt'), join(dataDir, 'harbour-reopens.txt'));
    const server = join(dataDir, 'guilds', '123456789012345678');
    await mkdir(server, { recursive: true });
    await rename(join(dataDir, 'market.md'), join(server, 'market.md'));
    const moved = await load();
    expect(moved).toMatchObject({ reused: 2, parsed: 0 });
    expect(moved.articles.map((a) => [a.id, a.file, a.scope])).toEqual([
      [expect.stringContaining('market'), join(server, 'market.md'), '123456789012345678'],
      ['harbour-reopens', join(dataDir, 'harbour-reopens.txt'), null],
    ]);
  });

  it('GIVEN a file edited THEN it alone is parsed again, and the same bytes under another kind of file are parsed too', async () => {
    await load();
    await writeFile(join(dataDir, 'harbour.txt'), HARBOUR.replace('three days', 'four days'));
    await writeFile(join(dataDir, 'market.txt'), MARKET);
    const edited = await load();
    expect(edited).toMatchObject({ reused: 1, parsed: 2 });
    expect(edited.articles.find((a) => a.id === 'harbour')?.paragraphs[0]?.text).toContain('four days');
    // Markdown is read as Markdown, text as text: the heading marker stays in the text file's title.
    expect(edited.articles.find((a) => a.file.endsWith('market.txt'))?.title).not.toBe(
      edited.articles.find((a) => a.file.endsWith('market.md'))?.title,
    );
  });

  it.each([
    ['a key the model does not have', (a: Record<string, unknown>) => void (a.injected = 'yes')],
    ['paragraphs out of order', (a: Record<string, unknown>) => void (a.paragraphs = [...(a.paragraphs as unknown[])].reverse())],
    ['a title that is not text', (a: Record<string, unknown>) => void (a.title = 42)],
  ])('GIVEN a cached article with %s THEN it is parsed again, with one warning, and the cache rewritten', async (_, edit) => {
    const first = await load();
    await tamper((payload) => Object.values(payload).forEach(edit));
    const again = await load();
    expect(again).toMatchObject({ reused: 0, parsed: 2 });
    expect(again.articles).toEqual(first.articles);
    expect(warnings).toEqual([expect.stringMatching(/^ignored 2 unusable cached parsed articles, parsing again/)]);
    expect(await load()).toMatchObject({ reused: 2, parsed: 0 });
  });

  it('GIVEN a cache file cut short THEN every file is parsed again with one warning', async () => {
    const first = await load();
    const file = join(cacheDir, 'articles.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length - 40));
    const again = await load();
    expect(again).toMatchObject({ reused: 0, parsed: 2 });
    expect(again.articles).toEqual(first.articles);
    expect(warnings).toEqual([expect.stringMatching(/^ignored the cached parsed articles .*checksum/)]);
  });
});
