import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { nodeArticleFs } from '../../src/ingest/article-fs.ts';
import { readArticleFile } from '../../src/ingest/read-article-file.ts';
import { openArticleLibrary, type AddedArticle, type ArticleLibrary } from '../../src/library/article-library.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { createPageFetcher } from '../../src/web/fetch-page.ts';
import { NEWS_SITE_PATHS as PATHS, startNewsSite, type NewsSite } from '../support/news-site/start-news-site.ts';

let site: NewsSite;
let dataDir: string;
let library: ArticleLibrary;
beforeAll(async () => {
  site = await startNewsSite({ slowMs: 2_000 });
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-news-site-'));
  library = openArticleLibrary({ dataDir, fetchPage: createPageFetcher({ allowPrivateUrls: true }) });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function added(result: unknown): AddedArticle {
  if (isUserError(result)) throw new Error(`expected an added article, got ${result.error.code}: ${result.error.message}`);
  return result as AddedArticle;
}

async function readBack(file: string) {
  const read = await readArticleFile(nodeArticleFs, file, 'x', 5 * 1024 * 1024);
  if (!('article' in read)) throw new Error(read.skipped.reason);
  return read.article;
}

describe('adding pages of a news site served on 127.0.0.1', () => {
  it.each([
    {
      name: 'a page with navigation, cookie banner and related coverage',
      path: PATHS.article,
      title: 'Ferry crews in Port Callan walk out over night-shift rosters',
    },
    {
      name: 'a page dated only in JSON-LD',
      path: PATHS.dateInJsonLd,
      title: 'Staff buy the Harwick bakery they work in as founder retires',
    },
    {
      name: 'an ISO-8859-1 page with the charset only in the header',
      path: PATHS.latin1,
      title: 'Café concerts and a Zürich choir as Lénárd festival returns',
    },
    { name: 'a gzip-encoded page', path: PATHS.gzip, title: 'Cheap river sensors gave villagers an hour more warning of floods' },
  ])('GIVEN $name THEN it is stored with its headline, date and canonical URL', async ({ path, title }) => {
    const result = added(await library.addFromUrl(site.url(path), { scope: null }));
    expect(result).toMatchObject({ title, existed: false });
    expect(result.paragraphs).toBeGreaterThanOrEqual(5);
    const stored = await readBack(result.file);
    expect(stored.title).toBe(title);
    expect(stored.published).not.toBeNull();
    expect(stored.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(stored.paragraphs.map((p) => p.text).join(' ')).not.toMatch(/cookies|Subscribe|Sign up/i);
  });

  it('GIVEN a short link whose page names its real address THEN the real address is stored, and adding that address answers with it', async () => {
    const short = added(await library.addFromUrl(site.url(PATHS.canonicalAlias), { scope: null }));
    expect((await readBack(short.file)).url).toBe(site.url(PATHS.canonicalTarget));
    const hits = site.hits(PATHS.canonicalTarget);
    expect(added(await library.addFromUrl(site.url(PATHS.canonicalTarget), { scope: null }))).toEqual({ ...short, existed: true });
    expect(site.hits(PATHS.canonicalTarget)).toBe(hits); // known by its URL: not fetched again
  });

  it('GIVEN one story as HTML, plain text, Markdown, through a redirect and in other encodings THEN it is stored once', async () => {
    const results = [];
    for (const path of [PATHS.article, PATHS.plainText, PATHS.markdown, PATHS.redirectToArticle])
      results.push(added(await library.addFromUrl(site.url(path), { scope: null })));
    expect(results.map((r) => r.existed)).toEqual([false, true, true, true]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(added(await library.addFromUrl(site.url(PATHS.deflate), { scope: null })).existed).toBe(false);
    expect(added(await library.addFromUrl(site.url(PATHS.brotli), { scope: null })).existed).toBe(true);
    expect(await readdir(dataDir)).toHaveLength(2);
  });

  it.each([
    { name: 'a 404', path: PATHS.status(404), code: 'fetch-failed', message: /answered 404/ },
    { name: 'a 429 with Retry-After', path: PATHS.status(429), code: 'fetch-failed', message: /429/ },
    { name: 'a redirect loop', path: PATHS.redirectLoop, code: 'fetch-failed', message: /loop/ },
    { name: 'a redirect to a private address', path: PATHS.redirectToPrivate, code: 'bad-url', message: /./ },
    { name: 'a 50 MB body', path: PATHS.huge, code: 'fetch-failed', message: /5 MB/ },
    { name: 'an image', path: PATHS.image, code: 'fetch-failed', message: /image\/png/ },
    { name: 'a feed', path: PATHS.feeds.rss, code: 'fetch-failed', message: /rss/ },
    { name: 'a cut connection', path: PATHS.reset, code: 'fetch-failed', message: /./ },
  ])('GIVEN $name THEN the add is refused with $code and a message, nothing written', async ({ path, code, message }) => {
    expect(await library.addFromUrl(site.url(path), { scope: null })).toEqual({ error: { code, message: expect.stringMatching(message) } });
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('private addresses', () => {
  it('GIVEN the default fetcher (ALLOW_PRIVATE_URLS off) THEN a link to 127.0.0.1 is refused as a bad URL', async () => {
    const safe = openArticleLibrary({ dataDir, fetchPage: createPageFetcher({ allowPrivateUrls: false }) });
    const hits = site.hits(PATHS.article);
    expect(await safe.addFromUrl(site.url(PATHS.article), { scope: null })).toMatchObject({ error: { code: 'bad-url' } });
    expect(site.hits(PATHS.article)).toBe(hits);
  });
});
