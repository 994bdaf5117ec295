import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeArticleFs, type ArticleFs, type ArticleStat } from '../../src/ingest/article-fs.ts';
import { loadArticles } from '../../src/ingest/load-articles.ts';

const GOOD = 'Council approves harbour plan\n\nThe council met on Tuesday and approved the plan.\n\nWork starts next year.';

/** An in-memory ArticleFs: string/bytes entries are files, `null` a directory, an Error makes reads fail. */
function memoryFs(dir: string, files: Record<string, string | Uint8Array | Error | null>): ArticleFs {
  const statOf = (isDir: boolean, size: number): ArticleStat => ({ isFile: () => !isDir, isDirectory: () => isDir, size, mtimeMs: 1 });
  const entry = (path: string) => files[path.slice(dir.length + 1)];
  const fs: ArticleFs = {
    readdir: async (path) => {
      if (path !== dir) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return Object.keys(files);
    },
    lstat: async (path) => fs.stat(path),
    stat: async (path) => {
      if (path === dir) return statOf(true, 0);
      const value = entry(path);
      if (value === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (value === null) return statOf(true, 0);
      if (value instanceof Error) return statOf(false, 10);
      return statOf(false, typeof value === 'string' ? Buffer.byteLength(value) : value.length);
    },
    readFile: async (path) => {
      const value = entry(path);
      if (value instanceof Error) throw value;
      if (value === undefined || value === null) throw new Error(`EISDIR or ENOENT: ${path}`);
      return typeof value === 'string' ? new TextEncoder().encode(value) : value;
    },
  };
  return fs;
}

describe('loadArticles with bad files', () => {
  const fs = memoryFs('/data', {
    'b-good.txt': GOOD,
    'a-good.md': `# Markdown headline\n\n${GOOD}`,
    'c-unreadable.txt': Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
    'd-empty.txt': '',
    'e-binary.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]),
    'f-latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2e]),
    'g-huge.txt': 'x'.repeat(2_000),
    'h-front-matter.txt': '---\ntitle: Unclosed\n\nThe body.',
    'i-furniture.txt': '• Home\n\n• World\n\nAdvertisement',
    'notes.json': '{}',
    '.hidden.txt': GOOD,
    'subdir.txt': null,
  });

  it.each([
    ['c-unreadable.txt', /unreadable: EACCES/],
    ['d-empty.txt', /empty/],
    ['e-binary.txt', /binary.*NUL/],
    ['f-latin1.txt', /UTF-8/],
    ['g-huge.txt', /too large: 2000 bytes \(limit 1000\)/],
    ['h-front-matter.txt', /malformed front matter/],
    ['i-furniture.txt', /no body paragraphs/],
    ['subdir.txt', /not a regular file/],
  ])('GIVEN %s THEN it is skipped with a clear reason', async (name, reason) => {
    const result = await loadArticles('/data', fs, { maxBytes: 1_000 });
    expect(result.skipped).toContainEqual({ file: join('/data', name), reason: expect.stringMatching(reason) });
  });

  it('GIVEN good files among bad ones THEN the good ones load, sorted by name, and other extensions and dot-files are ignored', async () => {
    const result = await loadArticles('/data', fs, { maxBytes: 1_000 });
    expect(result.error).toBeUndefined();
    expect(result.articles.map((a) => [a.id, a.title])).toEqual([
      ['a-good', 'Markdown headline'],
      ['b-good', 'Council approves harbour plan'],
    ]);
    expect(result.skipped).toHaveLength(8);
  });

  it('GIVEN the default size limit THEN a 2 kB file loads', async () => {
    const result = await loadArticles('/data', memoryFs('/data', { 'big.txt': `${GOOD}\n\n${'More words here. '.repeat(120)}` }));
    expect(result.articles).toHaveLength(1);
  });
});

describe('loadArticles on directories', () => {
  let temp: string | null = null;
  afterEach(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
    temp = null;
  });

  it('GIVEN a missing directory THEN an error value says so and nothing throws', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    const result = await loadArticles(join(temp, 'nope'));
    expect(result).toEqual({ articles: [], skipped: [], error: expect.stringMatching(/not found/) });
  });

  it('GIVEN a path that is a file THEN the error says it is not a directory', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    writeFileSync(join(temp, 'file.txt'), GOOD);
    expect((await loadArticles(join(temp, 'file.txt'))).error).toMatch(/not a directory/);
  });

  it('GIVEN a directory with no article files THEN the error says it is empty', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    mkdirSync(join(temp, 'sub'));
    writeFileSync(join(temp, 'sub', 'nested.txt'), GOOD);
    expect((await loadArticles(temp)).error).toMatch(/no \.txt, \.md or \.html article files/);
  });

  it('GIVEN only bad files THEN they are skipped and the error says none loaded', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    writeFileSync(join(temp, 'empty.txt'), '');
    const result = await loadArticles(temp);
    expect(result.skipped).toHaveLength(1);
    expect(result.error).toMatch(/none of the 1 article files/);
  });

  it('GIVEN files that give the same id THEN ids are de-duplicated with a suffix in name order', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    writeFileSync(join(temp, 'story.txt'), GOOD);
    writeFileSync(join(temp, 'story.md'), GOOD);
    writeFileSync(join(temp, 'Story.txt'), GOOD);
    const result = await loadArticles(temp);
    expect(result.articles.map((a) => [a.id, a.file])).toEqual([
      ['story', join(temp, 'Story.txt')],
      ['story-2', join(temp, 'story.md')],
      ['story-3', join(temp, 'story.txt')],
    ]);
  });

  it('GIVEN the real data directory THEN the bundled article loads', async () => {
    const result = await loadArticles(new URL('../../data', import.meta.url).pathname);
    expect(result.skipped).toEqual([]);
    expect(result.articles.map((a) => [a.id, a.paragraphs.length])).toEqual([['putin-belarus-transition', 41]]);
  });
});

describe('loadArticles on entries that are not what they seem', () => {
  let temp: string;
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
    rmSync(temp, { recursive: true, force: true });
  });

  it('GIVEN symbolic links, a FIFO and a socket named like articles THEN none is read, each is skipped with its kind, and the real article loads', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    const data = join(temp, 'data');
    mkdirSync(data);
    writeFileSync(join(temp, 'outside.txt'), GOOD);
    writeFileSync(join(data, 'real.txt'), GOOD);
    symlinkSync('/etc/passwd', join(data, 'passwd.txt'));
    symlinkSync(join(temp, 'outside.txt'), join(data, 'outside-link.txt'));
    symlinkSync('real.txt', join(data, 'inside-link.txt'));
    symlinkSync('/dev/zero', join(data, 'zero.txt'));
    execFileSync('mkfifo', [join(data, 'pipe.txt')]);
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(join(data, 'socket.md'), resolve));

    const result = await loadArticles(data);
    expect(result.articles.map((a) => a.id)).toEqual(['real']);
    expect(JSON.stringify(result)).not.toContain('root:');
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.file.slice(data.length + 1), s.reason]));
    expect(reasons).toEqual({
      'inside-link.txt': expect.stringMatching(/symbolic link/),
      'outside-link.txt': expect.stringMatching(/symbolic link/),
      'passwd.txt': expect.stringMatching(/symbolic link/),
      'zero.txt': expect.stringMatching(/symbolic link/),
      'pipe.txt': 'not a regular file: a FIFO (named pipe)',
      'socket.md': 'not a regular file: a socket',
    });
  });

  it('GIVEN a path that is swapped for a link or a FIFO after it was looked at THEN the read refuses it without blocking', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-ingest-'));
    symlinkSync('/etc/passwd', join(temp, 'link.txt'));
    execFileSync('mkfifo', [join(temp, 'pipe.txt')]);
    const { nodeArticleFs } = await import('../../src/ingest/article-fs.ts');
    await expect(nodeArticleFs.readFile(join(temp, 'link.txt'))).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(nodeArticleFs.readFile(join(temp, 'pipe.txt'))).rejects.toMatchObject({ code: 'ENOTREGULAR' });
  });
});

describe('loadArticles with HTML pages', () => {
  const page = (name: string) => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url));
  const fs = memoryFs('/data', {
    'City Council Budget.html': page('city-council-budget.html'),
    'festival.HTM': page('festival-latin1.html'),
    'sport-front.html': page('section-front-no-article.html'),
    'harbour.xhtml': page('harbour-date-in-json-ld.html'),
    'notes.txt': GOOD,
  });

  it('GIVEN .html, .htm and .xhtml pages next to a text file THEN they load with kebab-case ids from their file names', async () => {
    const result = await loadArticles('/data', fs);
    expect(result.articles.map((a) => [a.id, a.title])).toEqual([
      ['city-council-budget', 'City council approves new budget after six-hour debate'],
      ['festival', 'Le festival de Montréal attire un public record'],
      ['harbour', 'Harbour expansion wins final approval'],
      ['notes', 'Council approves harbour plan'],
    ]);
  });

  it('GIVEN a page with no article on it THEN it is skipped with the reason', async () => {
    const result = await loadArticles('/data', fs);
    expect(result.skipped).toEqual([
      { file: join('/data', 'sport-front.html'), reason: expect.stringMatching(/^no article found in the page/) },
    ]);
  });

  it('GIVEN an HTML page over the size limit THEN it is skipped as too large', async () => {
    const result = await loadArticles('/data', fs, { maxBytes: 3_000 });
    expect(result.skipped).toContainEqual({
      file: join('/data', 'City Council Budget.html'),
      reason: expect.stringMatching(/^too large: \d+ bytes \(limit 3000\)/),
    });
  });
});

describe('loadArticles with servers’ own folders (guilds/<guild id>/)', () => {
  const FIXTURES = new URL('../fixtures/articles/', import.meta.url).pathname;
  const fixture = (name: string) => readFileSync(join(FIXTURES, name));
  const GUILD_A = '123456789012345678';
  const GUILD_B = '998877665544332211';
  let temp: string | null = null;
  afterEach(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
    temp = null;
  });

  /** A data directory: shared files at the top, each server's under guilds/<id>/, plus things that are not articles. */
  function dataDir(): string {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-guilds-'));
    writeFileSync(join(temp, 'wikinews-20160714-UN.txt'), fixture('wikinews-20160714-UN.txt'));
    writeFileSync(join(temp, 'train.txt'), fixture('wikinews-20070223-train.txt'));
    for (const [guild, files] of [
      [GUILD_A, { 'drain.txt': 'wikinews-20070306-drain.txt', 'train.md': 'wikinews-20070223-train.txt' }],
      [GUILD_B, { 'telescope.txt': 'wikinews-20160706-telescope.txt', 'train.txt': 'wikinews-20070223-train.txt' }],
    ] as const) {
      mkdirSync(join(temp, 'guilds', guild), { recursive: true });
      for (const [name, source] of Object.entries(files)) writeFileSync(join(temp, 'guilds', guild, name), fixture(source));
      writeFileSync(join(temp, 'guilds', guild, 'feeds.json'), '{"feeds":[]}');
      writeFileSync(join(temp, 'guilds', guild, 'digest.json'), '{}');
    }
    return temp;
  }

  it('GIVEN shared files and two servers’ folders THEN shared articles have scope null and each server’s its guild id, and every id is unique', async () => {
    const dir = dataDir();
    const result = await loadArticles(dir);
    expect(result.skipped).toEqual([]);
    expect(result.error).toBeUndefined();
    // In path order (as the store orders its rebuilds); the shared files got their ids first.
    expect(result.articles.map((a) => [a.id, a.scope, a.file.slice(dir.length + 1)])).toEqual([
      ['drain', GUILD_A, `guilds/${GUILD_A}/drain.txt`],
      ['train-2', GUILD_A, `guilds/${GUILD_A}/train.md`],
      ['telescope', GUILD_B, `guilds/${GUILD_B}/telescope.txt`],
      ['train-3', GUILD_B, `guilds/${GUILD_B}/train.txt`],
      ['train', null, 'train.txt'],
      ['wikinews-20160714-un', null, 'wikinews-20160714-UN.txt'],
    ]);
    expect(result.articles.find((a) => a.id === 'telescope')!.paragraphs[0]!.text).toMatch(/^On Sunday, China announced/);
  });

  it('GIVEN servers add files named like shared ones THEN the shared files keep the ids they had without them', async () => {
    const dir = dataDir();
    const withServers = await loadArticles(dir);
    rmSync(join(dir, 'guilds'), { recursive: true });
    const alone = await loadArticles(dir);
    const shared = (r: typeof alone) => r.articles.filter((a) => a.scope === null).map((a) => [a.id, a.file]);
    expect(shared(withServers)).toEqual(shared(alone));
    expect(alone.articles.every((a) => a.scope === null)).toBe(true);
  });

  it('GIVEN folders under guilds/ that are not guild ids, a linked server folder and nested folders THEN none of their files is read', async () => {
    const dir = dataDir();
    for (const other of ['not-a-guild', '12345', '0123456789012345678', '1234567890123456789012'])
      mkdirSync(join(dir, 'guilds', other), { recursive: true });
    writeFileSync(join(dir, 'guilds', 'not-a-guild', 'x.txt'), GOOD);
    writeFileSync(join(dir, 'guilds', '12345', 'x.txt'), GOOD);
    writeFileSync(join(dir, 'guilds', 'x.txt'), GOOD);
    mkdirSync(join(dir, 'guilds', GUILD_A, 'nested'));
    writeFileSync(join(dir, 'guilds', GUILD_A, 'nested', 'x.txt'), GOOD);
    const outside = mkdtempSync(join(tmpdir(), 'pilcrow-outside-'));
    writeFileSync(join(outside, 'secret.txt'), GOOD);
    symlinkSync(outside, join(dir, 'guilds', '111111111111111111'));
    try {
      const result = await loadArticles(dir);
      expect(result.articles.map((a) => a.id)).toEqual(['drain', 'train-2', 'telescope', 'train-3', 'train', 'wikinews-20160714-un']);
      expect(result.skipped).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('GIVEN articles only in a server’s folder THEN they load without an error', async () => {
    temp = mkdtempSync(join(tmpdir(), 'pilcrow-guilds-'));
    mkdirSync(join(temp, 'guilds', GUILD_A), { recursive: true });
    writeFileSync(join(temp, 'guilds', GUILD_A, 'drain.txt'), fixture('wikinews-20070306-drain.txt'));
    const result = await loadArticles(temp);
    expect(result.error).toBeUndefined();
    expect(result.articles.map((a) => [a.id, a.scope])).toEqual([['drain', GUILD_A]]);
  });

  it('GIVEN a server folder that cannot be read THEN it is reported as skipped with why, and every other article loads', async () => {
    const dir = dataDir();
    const locked = join(dir, 'guilds', GUILD_B);
    const fs: ArticleFs = {
      ...nodeArticleFs,
      readdir: async (path) => {
        if (path === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
        return nodeArticleFs.readdir(path);
      },
    };
    const result = await loadArticles(dir, fs);
    expect(result.articles.map((a) => a.id)).toEqual(['drain', 'train-2', 'train', 'wikinews-20160714-un']);
    expect(result.skipped).toEqual([{ file: locked, reason: expect.stringMatching(/unreadable.*EACCES/) }]);
  });
});
