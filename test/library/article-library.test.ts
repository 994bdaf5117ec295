import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeArticleFs } from '../../src/ingest/article-fs.ts';
import { loadArticles } from '../../src/ingest/load-articles.ts';
import { readArticleFile } from '../../src/ingest/read-article-file.ts';
import type { Article } from '../../src/model/article.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { openArticleLibrary, type AddedArticle, type ArticleLibrary } from '../../src/library/article-library.ts';
import type { FetchedPage, FetchOptions, FetchPage, FetchResult } from '../../src/web/fetch-page.ts';

const root = new URL('../../', import.meta.url);
const fixture = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const GUILD = '123456789012345678';
const OTHER_GUILD = '876543210987654321';
const NOW = Date.parse('2026-12-01T12:00:00.000Z');

/** A FetchPage serving fixed pages by URL; every other URL is a 404 refusal. */
function fakeFetcher(pages: Record<string, Omit<FetchedPage, 'status' | 'etag' | 'lastModified'> | FetchResult>) {
  const calls: Array<{ url: string; options: FetchOptions }> = [];
  const fetchPage: FetchPage = async (url, options) => {
    calls.push({ url, options });
    const page = pages[url];
    if (page === undefined)
      return { kind: 'refused', refusal: { code: 'http-error', status: 404, message: `${new URL(url).host} answered 404 Not Found` } };
    if ('kind' in page) return page;
    return { kind: 'page', page: { status: 200, etag: null, lastModified: null, ...page } };
  };
  return { fetchPage, calls };
}

const htmlPage = (url: string, path: string, charset: string | null = null) => ({
  url,
  contentType: 'text/html',
  charset,
  bytes: fixture(path),
});

function added(result: unknown): AddedArticle {
  if (isUserError(result)) throw new Error(`expected an added article, got ${result.error.code}: ${result.error.message}`);
  return result as AddedArticle;
}

/** What must survive storing: everything the loader reads but the file name and the time it was added. */
const facts = (article: Article) => ({
  title: article.title,
  byline: article.byline ?? null,
  published: article.published,
  url: article.url,
  source: article.source,
  tags: article.tags,
  related: article.related,
  headings: article.headings,
  paragraphs: article.paragraphs,
});

async function readBack(file: string): Promise<Article> {
  const read = await readArticleFile(nodeArticleFs, file, 'x', 5 * 1024 * 1024);
  if (!('article' in read)) throw new Error(`the loader skipped ${file}: ${read.skipped.reason}`);
  return read.article;
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-library-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const open = (fetchPage: FetchPage = fakeFetcher({}).fetchPage, clock = () => NOW): ArticleLibrary =>
  openArticleLibrary({ dataDir, fetchPage, clock });

describe('an added file reads back through the article loader as it was read', () => {
  it.each([
    'data/putin-belarus-transition.txt',
    'test/fixtures/articles/wikinews-20070223-train.txt',
    'test/fixtures/articles/wikinews-20070306-drain.txt',
    'test/fixtures/articles/wikinews-20160706-telescope.txt',
    'test/fixtures/articles/wikinews-20160714-UN.txt',
    'test/fixtures/html/city-council-budget.html',
    'test/fixtures/html/harbour-date-in-json-ld.html',
    'test/fixtures/html/festival-latin1.html',
    'test/fixtures/html/storm-malformed.html',
  ])('GIVEN %s THEN title, byline, date, URL, paragraphs, crossheads, tags and related headlines survive', async (path) => {
    const original = await readBack(new URL(path, root).pathname);
    const result = added(await open().addFromFile({ name: basename(path), bytes: fixture(path) }, { scope: null }));
    expect(result).toMatchObject({ existed: false, title: original.title, paragraphs: original.paragraphs.length });
    const stored = await readBack(result.file);
    expect(facts(stored)).toEqual(facts(original));
    expect(stored.added).toBe('2026-12-01T12:00:00.000Z');
  });

  it('GIVEN an article with a headline THEN the file is readable Markdown with front matter, named by the headline', async () => {
    const result = added(
      await open().addFromFile({ name: 'page.html', bytes: fixture('test/fixtures/html/city-council-budget.html') }, { scope: null }),
    );
    expect(result.id).toBe('city-council-approves-new-budget-after-six-hour-debate');
    expect(result.file).toBe(join(dataDir, 'city-council-approves-new-budget-after-six-hour-debate.md'));
    const text = await readFile(result.file, 'utf8');
    expect(text).toMatch(/^---\ntitle: City council approves new budget after six-hour debate\n/);
    expect(text).toContain('url: https://www.riverton-gazette.example/news/local/city-council-budget\n');
    expect(text).toMatch(/\npilcrow:\n {2}hash: sha256:[0-9a-f]{64}\n {2}file: page.html\n---\n\n# City council approves/);
    expect(text).toMatch(/\n## [^\n]+\n\n/);
  });

  it('GIVEN an article without a headline THEN the file is named after the uploaded file', async () => {
    const path = 'test/fixtures/articles/wikinews-20160714-UN.txt';
    const result = added(await open().addFromFile({ name: 'UN report 2016.txt', bytes: fixture(path) }, { scope: null }));
    expect(result).toMatchObject({ id: 'un-report-2016', title: null });
  });
});

describe('adding from a link', () => {
  const url = 'https://www.riverton-gazette.example/news/local/city-council-budget?utm_source=feed';

  it('GIVEN a news page THEN it is fetched as an article and stored with its canonical URL and the address it came from', async () => {
    const fetched = 'https://www.riverton-gazette.example/news/amp/city-council-budget';
    const { fetchPage, calls } = fakeFetcher({ [url]: htmlPage(fetched, 'test/fixtures/html/city-council-budget.html') });
    const result = added(await open(fetchPage).addFromUrl(url, { scope: GUILD }));
    expect(calls).toEqual([{ url, options: { accept: 'article' } }]);
    expect(result).toMatchObject({ id: 'city-council-approves-new-budget-after-six-hour-debate', existed: false });
    expect(result.file).toBe(join(dataDir, 'guilds', GUILD, 'city-council-approves-new-budget-after-six-hour-debate.md'));
    const stored = await readBack(result.file);
    expect(stored.url).toBe('https://www.riverton-gazette.example/news/local/city-council-budget');
    expect(stored.source).toBe('Riverton Gazette');
    expect(await readFile(result.file, 'utf8')).toContain(
      'source_url: https://www.riverton-gazette.example/news/amp/city-council-budget\n',
    );
  });

  it('GIVEN a Latin-1 page whose charset is only in the HTTP header THEN its accents read right', async () => {
    const bytes = new TextEncoder().encode('x'); // replaced below
    const html =
      '<html><head><title>Caf\xe9 owners protest the terrace fees</title></head><body><article><h1>Caf\xe9 owners protest the terrace fees</h1>' +
      '<p>Owners of the caf\xe9s on the main square protested on Monday against the new terrace fees, which they say will double this summer.</p>' +
      '<p>The council said the fees had not changed since 1998 and that the increase would pay for new paving on the square.</p></article></body></html>';
    const latin1 = Uint8Array.from(Array.from(html, (c) => c.charCodeAt(0)));
    expect(bytes.length).toBe(1);
    const page = 'https://news.example/cafe';
    const { fetchPage } = fakeFetcher({ [page]: { url: page, contentType: 'text/html', charset: 'iso-8859-1', bytes: latin1 } });
    const result = added(await open(fetchPage).addFromUrl(page, { scope: null }));
    expect(result.title).toBe('Café owners protest the terrace fees');
    expect((await readBack(result.file)).paragraphs[0]?.text).toContain('cafés on the main square');
  });

  it('GIVEN a Latin-1 plain-text page with no charset in its header THEN it reads as a browser shows it', async () => {
    const page = 'https://news.example/cafe.txt';
    const text = 'Caf\xe9 owners protest the terrace fees\n\nOwners of the caf\xe9s on the main square protested on Monday \x96 again.\n';
    const bytes = Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0)));
    const { fetchPage } = fakeFetcher({ [page]: { url: page, contentType: 'text/plain', charset: null, bytes } });
    const result = added(await open(fetchPage).addFromUrl(page, { scope: null }));
    expect(result.title).toBe('Café owners protest the terrace fees');
    expect((await readBack(result.file)).paragraphs[0]?.text).toBe('Owners of the cafés on the main square protested on Monday – again.');
  });

  it('GIVEN a plain-text page THEN it is cleaned like a text file and keeps its URL', async () => {
    const page = 'https://news.example/train.txt';
    const bytes = fixture('test/fixtures/articles/wikinews-20070223-train.txt');
    const { fetchPage } = fakeFetcher({ [page]: { url: page, contentType: 'text/plain', charset: 'utf-8', bytes } });
    const result = added(await open(fetchPage).addFromUrl(page, { scope: null }));
    const original = await readBack(new URL('test/fixtures/articles/wikinews-20070223-train.txt', root).pathname);
    expect(result).toMatchObject({ id: 'train', paragraphs: original.paragraphs.length });
    expect((await readBack(result.file)).url).toBe(page);
  });

  it.each([
    { name: 'not a web address', url: 'not a url', code: 'bad-url', message: /not a web address/ },
    { name: 'a file: URL', url: 'file:///etc/passwd', code: 'bad-url', message: /http:\/\/ or https:\/\// },
    { name: 'a 404', url: 'https://news.example/gone', code: 'fetch-failed', message: /news\.example answered 404/ },
  ])('GIVEN $name THEN the add is refused with $code and nothing is written', async ({ url, code, message }) => {
    const result = await open().addFromUrl(url, { scope: null });
    expect(result).toEqual({ error: { code, message: expect.stringMatching(message) } });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it.each([
    ['blocked-address', 'bad-url'],
    ['bad-url', 'bad-url'],
    ['timeout', 'fetch-failed'],
    ['too-large', 'fetch-failed'],
    ['wrong-type', 'fetch-failed'],
    ['network', 'fetch-failed'],
  ] as const)('GIVEN the fetcher refuses with %s THEN the library answers %s with the fetcher message', async (refusal, code) => {
    const page = 'https://news.example/x';
    const message = `news.example: refused (${refusal})`;
    const { fetchPage } = fakeFetcher({ [page]: { kind: 'refused', refusal: { code: refusal, message } } });
    expect(await open(fetchPage).addFromUrl(page, { scope: null })).toEqual({ error: { code, message } });
  });

  it.each([
    {
      name: 'a section front with no article',
      path: 'test/fixtures/html/section-front-no-article.html',
      type: 'text/html',
      message: /No article found at news\.example/,
    },
    {
      name: 'a JSON document',
      path: 'test/fixtures/html/section-front-no-article.html',
      type: 'application/json',
      message: /application\/json, not an article page/,
    },
  ])('GIVEN $name THEN it is not-an-article', async ({ path, type, message }) => {
    const page = 'https://news.example/sport';
    const { fetchPage } = fakeFetcher({ [page]: { url: page, contentType: type, charset: null, bytes: fixture(path) } });
    expect(await open(fetchPage).addFromUrl(page, { scope: null })).toEqual({
      error: { code: 'not-an-article', message: expect.stringMatching(message) },
    });
  });
});

describe('each story is stored once', () => {
  const canonical = 'https://www.riverton-gazette.example/news/local/city-council-budget';
  const council = 'test/fixtures/html/city-council-budget.html';

  it('GIVEN the same link added twice THEN the second add answers with the first article without fetching', async () => {
    const { fetchPage, calls } = fakeFetcher({ [canonical]: htmlPage(canonical, council) });
    const library = open(fetchPage);
    const first = added(await library.addFromUrl(canonical, { scope: GUILD }));
    const again = added(await library.addFromUrl(`${canonical.replace('https://www.', 'http://')}/?utm_campaign=x#top`, { scope: GUILD }));
    expect(again).toEqual({ ...first, existed: true });
    expect(calls).toHaveLength(1);
  });

  it('GIVEN an AMP address whose page names the same canonical URL THEN it is the same story', async () => {
    const amp = 'https://amp.riverton-gazette.example/amp/city-council-budget';
    const { fetchPage } = fakeFetcher({ [canonical]: htmlPage(canonical, council), [amp]: htmlPage(amp, council) });
    const library = open(fetchPage);
    const first = added(await library.addFromUrl(canonical, { scope: null }));
    expect(added(await library.addFromUrl(amp, { scope: null }))).toEqual({ ...first, existed: true });
  });

  it('GIVEN the same text at two addresses with no canonical link THEN the content hash finds it', async () => {
    const a = 'https://one.example/story';
    const b = 'https://two.example/syndicated/story';
    const text = fixture('test/fixtures/articles/wikinews-20160706-telescope.txt');
    const { fetchPage } = fakeFetcher({
      [a]: { url: a, contentType: 'text/plain', charset: null, bytes: text },
      [b]: { url: b, contentType: 'text/markdown', charset: null, bytes: text },
    });
    const library = open(fetchPage);
    const first = added(await library.addFromUrl(a, { scope: GUILD }));
    expect(added(await library.addFromUrl(b, { scope: GUILD }))).toEqual({ ...first, existed: true });
  });

  it('GIVEN the same feed item from its feed twice THEN it is stored once, but the same id in another feed is another item', async () => {
    const library = open();
    const page = (url: string, path: string): FetchedPage => ({ ...htmlPage(url, path), status: 200, etag: null, lastModified: null });
    const feed = 'https://riverton-gazette.example/rss';
    const first = added(await library.addFromPage(page(canonical, council), { scope: GUILD, feedItemId: '1', feedUrl: feed }));
    const edited = added(
      await library.addFromPage(page('https://riverton-gazette.example/p?id=1', 'test/fixtures/html/storm-malformed.html'), {
        scope: GUILD,
        feedItemId: '1',
        feedUrl: feed,
      }),
    );
    expect(edited).toEqual({ ...first, existed: true });
    const other = added(
      await library.addFromPage(page('https://coastline-daily.example/p?id=1', 'test/fixtures/html/storm-malformed.html'), {
        scope: GUILD,
        feedItemId: '1',
        feedUrl: 'https://coastline-daily.example/feed',
      }),
    );
    expect(other.existed).toBe(false);
  });

  it.each([
    {
      page: 'no date of its own',
      text: 'Ferry fares rise\n\nThe harbour board approved higher fares on Thursday.',
      published: '2026-11-30T18:00:00.000Z',
    },
    {
      page: 'a date line of its own',
      text: 'Ferry fares rise\n\nFriday, November 27, 2026\n\nThe harbour board approved higher fares on Thursday.',
      published: '2026-11-27',
    },
  ])('GIVEN a feed item whose page has $page THEN the stored article is dated $published', async ({ text, published }) => {
    const library = open();
    const url = 'https://harbour.example/fares';
    const page: FetchedPage = {
      url,
      contentType: 'text/plain',
      charset: null,
      bytes: new TextEncoder().encode(text),
      status: 200,
      etag: null,
      lastModified: null,
    };
    const result = added(
      await library.addFromPage(page, {
        scope: GUILD,
        feedItemId: '9',
        feedUrl: 'https://harbour.example/rss',
        published: '2026-11-30T18:00:00.000Z',
      }),
    );
    expect((await readBack(result.file)).published).toBe(published);
  });

  it('GIVEN a story in the shared files THEN a server adding it gets the shared article; another server own copy is not seen', async () => {
    const bytes = fixture(council);
    const library = open();
    const other = added(await library.addFromFile({ name: 'council.html', bytes }, { scope: OTHER_GUILD }));
    const mine = added(await library.addFromFile({ name: 'council.html', bytes }, { scope: GUILD }));
    expect(mine.existed).toBe(false);
    expect(mine.id).not.toBe(other.id);
    const shared = added(await library.addFromFile({ name: 'council.html', bytes }, { scope: null }));
    expect(shared.existed).toBe(false);
    const third = '111111111111111111';
    expect(added(await library.addFromFile({ name: 'council.html', bytes }, { scope: third }))).toEqual({ ...shared, existed: true });
  });

  it('GIVEN two adds of the same story at once THEN one file is written and both answer with its id', async () => {
    const { fetchPage } = fakeFetcher({
      [canonical]: htmlPage(canonical, council),
      [`${canonical}?ref=x`]: htmlPage(`${canonical}?ref=x`, council),
    });
    const library = open(fetchPage);
    const [a, b] = await Promise.all([
      library.addFromUrl(canonical, { scope: GUILD }),
      library.addFromUrl(`${canonical}?ref=x`, { scope: GUILD }),
    ]);
    expect(added(a).id).toBe(added(b).id);
    expect([added(a).existed, added(b).existed].sort()).toEqual([false, true]);
    expect(await readdir(join(dataDir, 'guilds', GUILD))).toHaveLength(1);
  });

  it('GIVEN two different stories whose pages hold only the same short holding text THEN both are stored', async () => {
    const stub = new TextEncoder().encode('This story is developing and will be updated.\n');
    const pages = Object.fromEntries(
      ['https://news.example/a', 'https://news.example/b'].map((url) => [
        url,
        { url, contentType: 'text/plain', charset: null, bytes: stub },
      ]),
    );
    const library = open(fakeFetcher(pages).fetchPage);
    const a = added(await library.addFromUrl('https://news.example/a', { scope: null }));
    const b = added(await library.addFromUrl('https://news.example/b', { scope: null }));
    expect([a.existed, b.existed]).toEqual([false, false]);
    expect(a.id).not.toBe(b.id);
  });

  it('GIVEN a file placed by hand in the data folder THEN adding the same text answers with it', async () => {
    await writeFile(join(dataDir, 'Drain Story.txt'), fixture('test/fixtures/articles/wikinews-20070306-drain.txt'));
    const result = added(
      await open().addFromFile(
        { name: 'drain.txt', bytes: fixture('test/fixtures/articles/wikinews-20070306-drain.txt') },
        { scope: GUILD },
      ),
    );
    expect(result).toMatchObject({ id: 'drain-story', existed: true, file: join(dataDir, 'Drain Story.txt') });
  });
});

describe('file names and ids are unique across the whole data folder', () => {
  it('GIVEN articles with one headline in the shared folder and two servers THEN each gets its own id and the loader keeps them', async () => {
    const library = open();
    const page = (body: string) => new TextEncoder().encode(`# Storm closes coastal road\n\n${body}\n`);
    const ids: string[] = [];
    for (const [scope, body] of [
      [null, 'The coastal road was closed on Sunday after waves threw rocks onto it.'],
      [GUILD, 'Police closed the coastal road on Sunday morning as the storm reached the bay.'],
      [OTHER_GUILD, 'The coastal road will stay closed until engineers have checked the sea wall.'],
    ] as const)
      ids.push(added(await library.addFromFile({ name: 'storm.md', bytes: page(body) }, { scope })).id);
    expect(ids).toEqual(['storm-closes-coastal-road', 'storm-closes-coastal-road-2', 'storm-closes-coastal-road-3']);
    const loaded = await loadArticles(dataDir);
    expect(loaded.articles.map((article) => [article.id, article.scope]).sort()).toEqual([
      ['storm-closes-coastal-road', null],
      ['storm-closes-coastal-road-2', GUILD],
      ['storm-closes-coastal-road-3', OTHER_GUILD],
    ]);
  });

  it('GIVEN hand-placed files whose names already clash THEN the new file takes an id none of them has, and the ids listed are the loader ids', async () => {
    const body = 'The coastal road was closed on Sunday after waves threw rocks onto it.';
    await writeFile(join(dataDir, 'Storm.txt'), `Storm\n\n${body}\n`);
    await writeFile(join(dataDir, 'storm.md'), `# Storm\n\nPolice closed the road on Sunday morning as the storm reached the bay.\n`);
    const library = open();
    const result = added(
      await library.addFromFile(
        {
          name: 'storm.md',
          bytes: new TextEncoder().encode(`# Storm\n\nEngineers will check the sea wall on Monday before the road reopens.\n`),
        },
        { scope: GUILD },
      ),
    );
    expect(result.id).toBe('storm-3');
    const loaded = await loadArticles(dataDir);
    expect(loaded.articles.map((article) => article.id).sort()).toEqual(['storm', 'storm-2', 'storm-3']);
    expect((await library.list(null)).map((entry) => entry.id).sort()).toEqual(['storm', 'storm-2']);
    expect((await library.list(GUILD)).map((entry) => entry.id)).toEqual(['storm-3']);
  });

  it('GIVEN a very long headline THEN the file name is cut at a word boundary', async () => {
    const title = 'Council approves a budget that raises spending on schools, roads, libraries and parks while cutting the mayor office';
    const result = added(
      await open().addFromFile(
        { name: 'x.md', bytes: new TextEncoder().encode(`# ${title}\n\nThe council approved the budget on Tuesday night.\n`) },
        { scope: null },
      ),
    );
    expect(result.id).toBe('council-approves-a-budget-that-raises-spending-on-schools');
  });
});

describe('files that cannot be added', () => {
  const text = new TextEncoder().encode(
    'Storm closes coastal road\n\nThe coastal road was closed on Sunday after waves threw rocks onto it.\n',
  );
  it.each([
    { name: 'report.pdf', bytes: text, contentType: null, code: 'bad-file', message: /not a \.txt, \.md or \.html file/ },
    {
      name: 'photo.txt',
      bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
      contentType: null,
      code: 'bad-file',
      message: /binary file/,
    },
    {
      name: 'photo.html',
      bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
      contentType: 'text/html',
      code: 'bad-file',
      message: /binary file/,
    },
    {
      name: 'latin1.txt',
      bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]),
      contentType: null,
      code: 'bad-file',
      message: /not valid UTF-8/,
    },
    { name: 'story.txt', bytes: text, contentType: 'image/png', code: 'bad-file', message: /image\/png, not text/ },
    { name: 'story.txt', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61), contentType: null, code: 'too-large', message: /5 MB/ },
    { name: 'empty.md', bytes: new Uint8Array(0), contentType: null, code: 'bad-file', message: /empty/ },
    {
      name: 'menu.md',
      bytes: new TextEncoder().encode('# Menu\n\n- Home\n- News\n- Sport\n'),
      contentType: null,
      code: 'not-an-article',
      message: /no body paragraphs/,
    },
    {
      name: 'bad.md',
      bytes: new TextEncoder().encode('---\ntitle: [a\n---\nText of the story goes here.\n'),
      contentType: null,
      code: 'bad-file',
      message: /malformed front matter/,
    },
  ])(
    'GIVEN $name ($code) THEN it is refused with a clear message and nothing is written',
    async ({ name, bytes, contentType, code, message }) => {
      const result = await open().addFromFile({ name, bytes, contentType }, { scope: GUILD });
      expect(result).toEqual({ error: { code, message: expect.stringMatching(message) } });
      expect(await readdir(dataDir)).toEqual([]);
    },
  );

  it('GIVEN a text file sent as Latin-1 by its content type THEN it is read in that charset', async () => {
    const bytes = Uint8Array.from(
      Array.from('Caf\xe9 owners protest\n\nOwners of the caf\xe9s protested on Monday against the terrace fees.\n', (c) =>
        c.charCodeAt(0),
      ),
    );
    const result = added(
      await open().addFromFile({ name: 'cafe.txt', bytes, contentType: 'text/plain; charset=ISO-8859-1' }, { scope: null }),
    );
    expect((await readBack(result.file)).paragraphs[0]?.text).toContain('cafés');
  });
});

describe('listing and removing', () => {
  const story = (title: string) =>
    new TextEncoder().encode(`# ${title}\n\n${title} was announced on Monday by the city council after a long debate.\n`);

  it('GIVEN articles added over time THEN a scope lists its own newest first, and a server cannot remove a shared one', async () => {
    let now = NOW;
    const library = open(undefined, () => now);
    const first = added(await library.addFromFile({ name: 'a.md', bytes: story('First story') }, { scope: GUILD }));
    now += 60_000;
    const second = added(await library.addFromFile({ name: 'b.md', bytes: story('Second story') }, { scope: GUILD }));
    const shared = added(await library.addFromFile({ name: 'c.md', bytes: story('Shared story') }, { scope: null }));
    await mkdir(join(dataDir, 'guilds', GUILD), { recursive: true });
    expect((await library.list(GUILD)).map((entry) => [entry.id, entry.added, entry.scope, entry.paragraphs])).toEqual([
      ['second-story', '2026-12-01T12:01:00.000Z', GUILD, 1],
      ['first-story', '2026-12-01T12:00:00.000Z', GUILD, 1],
    ]);
    expect((await library.list(null)).map((entry) => entry.id)).toEqual(['shared-story']);
    expect(await library.list(OTHER_GUILD)).toEqual([]);

    expect(await library.remove(GUILD, shared.id)).toEqual({
      error: { code: 'unknown-article', message: expect.stringMatching(/shared by every server/) },
    });
    expect(await library.remove(OTHER_GUILD, first.id)).toEqual({
      error: { code: 'unknown-article', message: expect.stringMatching(/No article "first-story"/) },
    });
    expect(await library.remove(GUILD, first.id)).toMatchObject({ id: 'first-story', title: 'First story', scope: GUILD });
    expect((await library.list(GUILD)).map((entry) => entry.id)).toEqual([second.id]);
    expect(await library.remove(GUILD, first.id)).toMatchObject({ error: { code: 'unknown-article' } });
    // Removed, the story can be added again.
    expect(added(await library.addFromFile({ name: 'a.md', bytes: story('First story') }, { scope: GUILD })).existed).toBe(false);
  });

  it('GIVEN a scope that is not a guild id THEN it is a bug and throws', async () => {
    await expect(open().list('../etc')).rejects.toThrow(/not a guild id/);
  });
});

describe('a data folder that cannot be written', () => {
  it('GIVEN the server folder path taken by a file THEN the add is write-failed, with no host path in the message', async () => {
    await mkdir(join(dataDir, 'guilds'), { recursive: true });
    await writeFile(join(dataDir, 'guilds', GUILD), 'not a folder');
    const result = await open().addFromFile(
      { name: 'council.html', bytes: fixture('test/fixtures/html/city-council-budget.html') },
      { scope: GUILD },
    );
    expect(result).toEqual({
      error: { code: 'write-failed', message: expect.stringMatching(/^The article could not be saved in the data folder \(E[A-Z]+\)\.$/) },
    });
  });
});
