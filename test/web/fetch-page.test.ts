import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageFetcher } from '../../src/web/fetch-page.ts';
import type { FetchOptions, FetchRefusalCode, FetchResult } from '../../src/web/fetch-page.ts';
import type { ResolveHost } from '../../src/web/create-guarded-agent.ts';
import { HUGE_BYTES, NEWS_SITE_PATHS as P, startNewsSite } from '../support/news-site/start-news-site.ts';
import type { NewsSite } from '../support/news-site/start-news-site.ts';
import { until } from '../support/until.ts';

// Only 127.0.0.1 is ever connected to. Every refusal of another address happens before a
// connection (a literal IP is checked first; a name's answer is checked inside the lookup).

let site: NewsSite;
let closedPort: number;
const fetchPage = createPageFetcher({ allowPrivateUrls: true });
const strictFetch = createPageFetcher({ allowPrivateUrls: false });

beforeAll(async () => {
  site = await startNewsSite();
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(() => site.close());

function page(result: FetchResult) {
  if (result.kind !== 'page') throw new Error(`expected a page, got ${JSON.stringify(result)}`);
  return result.page;
}
const text = (bytes: Uint8Array, encoding: 'utf-8' | 'latin1' = 'utf-8') => new TextDecoder(encoding).decode(bytes);

describe('fetchPage: pages it takes', () => {
  it.each([
    ['a full news page', P.article, 'article', 'text/html', 'utf-8', 'Declan Furey'],
    [
      'a page with its date only in JSON-LD',
      P.dateInJsonLd,
      'article',
      'text/html',
      'utf-8',
      '"datePublished":"2026-11-27T11:20:00+00:00"',
    ],
    ['a paywalled page', P.paywalled, 'article', 'text/html', 'utf-8', 'Keep reading with a subscription'],
    ['an AMP page', P.amp, 'article', 'text/html', 'utf-8', '<html ⚡ lang="en">'],
    ['a gzip-encoded page', P.gzip, 'article', 'text/html', 'utf-8', 'said Dr Ines Carvalho'],
    ['a deflate-encoded page', P.deflate, 'article', 'text/html', 'utf-8', 'said Dr Ines Carvalho'],
    ['a brotli-encoded page', P.brotli, 'article', 'text/html', 'utf-8', 'said Dr Ines Carvalho'],
    [
      'a page naming its canonical address',
      P.canonicalAlias,
      'article',
      'text/html',
      'utf-8',
      `<link rel="canonical" href="http://127.0.0.1`,
    ],
    ['a plain-text article', P.plainText, 'article', 'text/plain', 'utf-8', 'By Maeve Donnelly'],
    ['a Markdown article', P.markdown, 'article', 'text/markdown', 'utf-8', '# Ferry crews in Port Callan'],
    ['a fixture page without a charset', P.fixture('city-council-budget.html'), 'article', 'text/html', null, '</html>'],
    ['an RSS feed', P.feeds.rss, 'feed', 'application/rss+xml', 'utf-8', '<rss version="2.0"'],
    ['an Atom feed', P.feeds.atom, 'feed', 'application/atom+xml', 'utf-8', '<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['a JSON Feed', P.feeds.json, 'feed', 'application/feed+json', 'utf-8', '"version": "https://jsonfeed.org/version/1.1"'],
    ['an HTML page asked for as a feed (the feed code says what it is)', P.notAFeed, 'feed', 'text/html', 'utf-8', '<h1>Latest news</h1>'],
    ['an attachment without a content type', P.noType, 'attachment', 'application/octet-stream', null, 'Just some bytes.'],
  ] as const)(
    'GIVEN %s THEN it is fetched whole, with its type and charset',
    async (_what, path, accept, contentType, charset, contains) => {
      const result = page(await fetchPage(site.url(path), { accept }));
      expect(result).toMatchObject({ url: site.url(path), status: 200, contentType, charset });
      expect(text(result.bytes)).toContain(contains);
    },
  );

  it('GIVEN a page in ISO-8859-1 declared only in the Content-Type header THEN its charset is reported and its bytes are left as sent', async () => {
    const result = page(await fetchPage(site.url(P.latin1), { accept: 'article' }));
    expect(result.charset).toBe('iso-8859-1');
    expect(text(result.bytes)).not.toContain('<meta charset');
    expect(result.bytes).toContain(0xfc); // ü, one byte
    expect(text(result.bytes, 'latin1')).toContain('the Zürich youth choir');
  });

  it.each([
    ['one redirect', P.redirectToArticle, P.article],
    ['five redirects (the limit)', P.redirectChain(5), P.redirectChain(0)],
  ])('GIVEN %s THEN the final page is fetched and its URL reported', async (_what, path, final) => {
    const result = page(await fetchPage(site.url(path), { accept: 'article' }));
    expect(result.url).toBe(site.url(final));
    expect(text(result.bytes)).toContain('Ferry crews in Port Callan walk out');
  });

  it('GIVEN a host name THEN it is resolved by the checked lookup at connect time (here a name only our resolver knows)', async () => {
    const asked: string[] = [];
    const resolveHost: ResolveHost = async (hostname) => {
      asked.push(hostname);
      return hostname === 'courier.example' ? [{ address: '127.0.0.1', family: 4 }] : [];
    };
    const fetchByName = createPageFetcher({ allowPrivateUrls: true, resolveHost });
    const result = page(await fetchByName(site.url(P.article).replace('127.0.0.1', 'courier.example'), { accept: 'article' }));
    expect(text(result.bytes)).toContain('Declan Furey');
    expect(asked).toEqual(['courier.example']);
  });

  it('GIVEN the site closed the kept-alive connection THEN the next fetch opens a new one and gets the page', async () => {
    await fetchPage(site.url(P.article), { accept: 'article' });
    site.dropConnections();
    expect((await fetchPage(site.url(P.article), { accept: 'article' })).kind).toBe('page');
  });

  it('GIVEN every request THEN it names Pilcrow and asks for what it wants', async () => {
    await fetchPage(site.url(P.feeds.json), { accept: 'feed' });
    const headers = site.lastRequest(P.feeds.json)!;
    expect(headers['user-agent']).toMatch(/^Pilcrow\//);
    expect(headers.accept).toContain('application/rss+xml');
    expect(headers['accept-encoding']).toContain('gzip');
  });
});

describe('fetchPage: conditional requests', () => {
  it.each([
    ['its ETag', (etag: string | null, _lastModified: string | null) => ({ etag })],
    ['its Last-Modified date', (_etag: string | null, lastModified: string | null) => ({ lastModified })],
  ])('GIVEN a feed fetched again with %s THEN the answer is not-modified until an item is added', async (_what, validators) => {
    const first = page(await fetchPage(site.url(P.feeds.atom), { accept: 'feed' }));
    expect(first.etag).toMatch(/^"atom-v\d+"$/);
    expect(first.lastModified).toMatch(/GMT$/);
    const options: FetchOptions = { accept: 'feed', ...validators(first.etag, first.lastModified) };

    expect(await fetchPage(site.url(P.feeds.atom), options)).toEqual({ kind: 'not-modified', url: site.url(P.feeds.atom) });
    const headers = site.lastRequest(P.feeds.atom)!;
    expect(headers['if-none-match'] ?? headers['if-modified-since']).toBe(options.etag ?? options.lastModified);

    const story = site.addItem('atom');
    const after = page(await fetchPage(site.url(P.feeds.atom), options));
    expect(after.etag).not.toBe(first.etag);
    expect(text(after.bytes)).toContain(story.headline.replace(/&/g, '&amp;'));
  });
});

describe('fetchPage: refusals', () => {
  const cases: Array<[string, () => string, Partial<FetchOptions>, FetchRefusalCode, RegExp, number?]> = [
    ['an ftp link', () => 'ftp://files.example.org/story.txt', {}, 'bad-url', /only http and https/],
    ['a file link', () => 'file:///etc/passwd', {}, 'bad-url', /only http and https/],
    ['text that is no link', () => 'the council story', {}, 'bad-url', /not a web address/],
    [
      'a link with a password in it',
      () => site.url(P.article).replace('http://', 'http://editor:hunter2@'),
      {},
      'bad-url',
      /user name or password/,
    ],
    ['a redirect to an ftp link', () => site.url(P.redirectToFtp), {}, 'bad-url', /redirected to a bad link, and only http and https/],
    ['a page that is not there', () => site.url(P.status(404)), {}, 'http-error', /^127\.0\.0\.1:\d+ answered 404 Not Found$/, 404],
    ['a server error', () => site.url(P.status(500)), {}, 'http-error', /answered 500 Internal Server Error$/, 500],
    ['a redirect that says nowhere', () => site.url(P.redirectWithoutLocation), {}, 'http-error', /302 Found without saying where to/, 302],
    ['a server slower than the timeout', () => site.url(P.slow), { timeoutMs: 300 }, 'timeout', /did not answer within 300 ms/],
    ['a body slower than the timeout', () => site.url(P.slowBody), { timeoutMs: 300 }, 'timeout', /did not answer within 300 ms/],
    ['a redirect loop', () => site.url(P.redirectLoop), {}, 'too-many-redirects', /redirects in a loop/],
    ['six redirects', () => site.url(P.redirectChain(6)), {}, 'too-many-redirects', /redirected more than 5 times/],
    [
      'two redirects when one is allowed',
      () => site.url(P.redirectChain(2)),
      { maxRedirects: 1 },
      'too-many-redirects',
      /more than 1 times/,
    ],
    [
      'a redirect to the host network',
      () => site.url(P.redirectToPrivate),
      {},
      'blocked-address',
      /redirected to 169\.254\.0\.7, and that address is link-local/,
    ],
    [
      'a redirect to the cloud metadata address',
      () => site.url(P.redirectToMetadata),
      {},
      'blocked-address',
      /redirected to 169\.254\.169\.254, and that is a cloud metadata address/,
    ],
    ['50 MB streamed without a length', () => site.url(P.huge), {}, 'too-large', /sent more than the 5 MB limit/],
    ['50 MB announced by Content-Length', () => site.url(P.hugeDeclared), {}, 'too-large', /sent 50 MB, more than the 5 MB limit/],
    ['a small gzip body that inflates to 50 MB', () => site.url(P.gzipBomb), {}, 'too-large', /more than the 5 MB limit/],
    ['a page over a smaller cap', () => site.url(P.article), { maxBytes: 1000 }, 'too-large', /sent .* more than the 1000 bytes limit/],
    ['an image asked for as an article', () => site.url(P.image), {}, 'wrong-type', /sent image\/png, not a web page or a text file/],
    ['a feed asked for as an article', () => site.url(P.feeds.rss), {}, 'wrong-type', /sent application\/rss\+xml/],
    [
      'an article asked for as an attachment… of an image',
      () => site.url(P.image),
      { accept: 'attachment' },
      'wrong-type',
      /not a text, Markdown or HTML file/,
    ],
    ['a body with no content type', () => site.url(P.noType), {}, 'wrong-type', /did not say what kind of document it sent/],
    ['a damaged gzip body', () => site.url(P.brokenGzip), {}, 'network', /could not be fetched: it sent a damaged compressed response/],
    ['a connection cut before any answer', () => site.url(P.reset), {}, 'network', /could not be fetched: the connection was cut/],
    [
      'a port nobody listens on',
      () => `http://127.0.0.1:${closedPort}/`,
      {},
      'network',
      /could not be fetched: the connection was refused/,
    ],
  ];

  it.each(cases)('GIVEN %s THEN it is refused with a message naming the host', async (_what, url, options, code, message, status) => {
    const result = await fetchPage(url(), { accept: 'article', ...options });
    expect(result.kind).toBe('refused');
    const refusal = (result as Extract<FetchResult, { kind: 'refused' }>).refusal;
    expect(refusal.code).toBe(code);
    expect(refusal.message).toMatch(message);
    expect(refusal.status).toBe(status);
  });

  it.each([
    [429, 120_000, 120_000],
    [503, 80_000, 90_000],
  ])('GIVEN a %s with Retry-After THEN the wait is reported in ms', async (status, min, max) => {
    const result = await fetchPage(site.url(P.status(status)), { accept: 'feed' });
    const refusal = (result as Extract<FetchResult, { kind: 'refused' }>).refusal;
    expect(refusal).toMatchObject({ code: 'http-error', status });
    expect(refusal.retryAfterMs).toBeGreaterThanOrEqual(min);
    expect(refusal.retryAfterMs).toBeLessThanOrEqual(max);
    expect(refusal.message).toMatch(/it asks to wait (2 minutes|\d+ seconds)/);
  });

  it('GIVEN a 50 MB body THEN reading stops near the cap: the site never got to send most of it', async () => {
    const before = site.bytesSent(P.huge);
    const result = await fetchPage(site.url(P.huge), { accept: 'article' });
    expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'too-large' } });
    // What the site wrote is at most the cap plus what the sockets buffer: far from 50 MB.
    await site.responsesEnded(P.huge);
    expect(site.bytesSent(P.huge) - before).toBeLessThan(HUGE_BYTES / 3);
  });

  it('GIVEN the caller cancels THEN the fetch rejects with the caller’s reason (it is not a refusal)', async () => {
    const controller = new AbortController();
    const hits = site.hits(P.slow);
    const pending = fetchPage(site.url(P.slow), { accept: 'article', signal: controller.signal });
    // Cancelled while the site holds the answer back.
    await until(() => site.hits(P.slow) > hits, { what: 'the request to reach the site' });
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
  });
});

describe('fetchPage with private addresses refused (the default)', () => {
  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/`],
    ['localhost', (port: number) => `http://localhost:${port}/`],
    ['[::1]', (port: number) => `http://[::1]:${port}/`],
    ['127.0.0.1 written as one number', (port: number) => `http://2130706433:${port}/`],
    ['127.0.0.1 as an IPv4-mapped IPv6 address', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['0.0.0.0', (port: number) => `http://0.0.0.0:${port}/`],
    ['a private network address', () => 'http://192.168.1.20/router'],
    ['another private network address', () => 'http://10.0.0.1/'],
    ['a carrier-grade NAT address', () => 'http://100.64.0.1/'],
    ['an IPv6 unique-local address', () => 'http://[fd00::1]/'],
    ['an IPv6 link-local address', () => 'http://[fe80::1]/'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a multicast address', () => 'http://224.0.0.1/'],
    ['the broadcast address', () => 'http://255.255.255.255/'],
  ])('GIVEN %s THEN it is refused before any connection', async (_what, url) => {
    const hitsBefore = site.hits('/');
    const port = Number(new URL(site.origin).port);
    const result = await strictFetch(url(port), { accept: 'article' });
    expect(result).toMatchObject({
      kind: 'refused',
      refusal: { code: 'blocked-address', message: expect.stringMatching(/^refused .+: that /) },
    });
    expect(site.hits('/')).toBe(hitsBefore);
  });

  it.each([
    ['a private network address', [{ address: '10.20.30.40', family: 4 }], /private network/],
    ['the metadata address', [{ address: '169.254.169.254', family: 4 }], /cloud metadata/],
    ['loopback over IPv6', [{ address: '::1', family: 6 }], /this machine/],
    [
      'only blocked addresses among several',
      [
        { address: '192.168.0.2', family: 4 },
        { address: 'fd00::2', family: 6 },
      ],
      /private network/,
    ],
  ])('GIVEN a name that resolves to %s THEN the lookup refuses it and nothing is connected', async (_what, addresses, message) => {
    let lookups = 0;
    const resolveHost: ResolveHost = async () => {
      lookups++;
      return addresses;
    };
    const fetchByName = createPageFetcher({ allowPrivateUrls: false, resolveHost });
    const result = await fetchByName('http://news.example/story', { accept: 'article' });
    expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'blocked-address', message: expect.stringMatching(message) } });
    expect(lookups).toBeGreaterThan(0);
  });

  it('GIVEN a name with no address THEN it is a network refusal', async () => {
    const fetchByName = createPageFetcher({ allowPrivateUrls: false, resolveHost: async () => [] });
    const result = await fetchByName('https://gone.example/story', { accept: 'article' });
    expect(result).toMatchObject({
      kind: 'refused',
      refusal: { code: 'network', message: 'gone.example could not be fetched: there is no such host name' },
    });
  });
});

describe('fetchPage: every connection is checked, not only the first URL', () => {
  it('GIVEN a redirect to a name that resolves to a link-local address THEN it is refused at lookup', async () => {
    const resolveHost: ResolveHost = async (hostname) => (hostname === 'internal.example' ? [{ address: '169.254.10.10', family: 4 }] : []);
    const fetchWithNames = createPageFetcher({ allowPrivateUrls: true, resolveHost });
    const result = await fetchWithNames(site.url(P.redirectTo('http://internal.example/admin')), { accept: 'article' });
    expect(result).toMatchObject({
      kind: 'refused',
      refusal: { code: 'blocked-address', message: expect.stringContaining('internal.example') },
    });
  });

  it('GIVEN a name whose address changes to the metadata address (DNS rebinding) THEN the new connection is refused', async () => {
    const answers = ['127.0.0.1', '169.254.169.254'];
    let lookups = 0;
    const resolveHost: ResolveHost = async () => [{ address: answers[Math.min(lookups++, 1)]!, family: 4 }];
    const fetchRebound = createPageFetcher({ allowPrivateUrls: true, resolveHost });
    const url = site.url(P.article).replace('127.0.0.1', 'rebind.example');
    expect((await fetchRebound(url, { accept: 'article' })).kind).toBe('page');
    site.dropConnections();
    const hitsBefore = site.hits(P.article);
    const second = await fetchRebound(url, { accept: 'article' });
    expect(second).toMatchObject({
      kind: 'refused',
      refusal: { code: 'blocked-address', message: expect.stringMatching(/cloud metadata/) },
    });
    expect(site.hits(P.article)).toBe(hitsBefore);
    expect(lookups).toBe(2);
  });

  it('GIVEN a blocked redirect target THEN the hop before it was made and the target never was', async () => {
    const before = site.hits(P.redirectToMetadata);
    const result = await fetchPage(site.url(P.redirectToMetadata), { accept: 'article' });
    expect(result).toMatchObject({ kind: 'refused', refusal: { code: 'blocked-address' } });
    expect(site.hits(P.redirectToMetadata)).toBe(before + 1);
  });
});
