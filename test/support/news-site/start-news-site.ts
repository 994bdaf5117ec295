import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { generateStories } from './generate-stories.ts';
import { renderAtom, renderJsonFeed, renderRss } from './render-feeds.ts';
import type { FeedItem } from './render-feeds.ts';
import { renderAmpPage, renderArticlePage, renderSectionFront } from './render-page.ts';
import type { PageShape } from './render-page.ts';
import {
  BAKERY_COOPERATIVE,
  CHOIR_FESTIVAL,
  HARBOUR_FERRY_STRIKE,
  RIVER_SENSORS,
  ROWING_CLUB,
  SCHOOL_MEALS_TRIAL,
  STORIES,
} from './stories.ts';
import type { Story } from './stories.ts';

/**
 * A local news site for the tests (no internet here): made-up stories in the shapes real news
 * sites have, RSS / Atom / JSON Feed documents with conditional requests, and the failures a bot
 * fetching links meets. Listens on 127.0.0.1 on a free port, so fetching from it needs
 * allowPrivateUrls (ALLOW_PRIVATE_URLS=true). Every path is listed in NEWS_SITE_PATHS.
 *
 * Nothing here ever sends a client to a private or public address it could reach: the redirects
 * to elsewhere point at addresses the fetcher refuses before connecting (cloud metadata, ftp:).
 */
export interface NewsSite {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The absolute URL of a path on the site. */
  url(path: string): string;
  /** How many requests reached a path (its pathname; the query is ignored). */
  hits(path: string): number;
  /** Body bytes the site wrote for a path (to show that a big body was not read to the end). */
  bytesSent(path: string): number;
  /** Resolves once every response to a path so far has ended (sent or cut off): after it, bytesSent no longer grows. */
  responsesEnded(path: string): Promise<void>;
  /** The request headers of the latest request to a path (lower-case names), or null. */
  lastRequest(path: string): http.IncomingHttpHeaders | null;
  /** Adds a story at the top of a feed (its page is served from then on); the feed's ETag and Last-Modified change. Returns the story. */
  addItem(feed: FeedName, story?: Story): Story;
  /** Replaces a feed's stories (newest first); the feed's ETag and Last-Modified change. */
  setFeed(feed: FeedName, stories: readonly Story[]): void;
  /** A feed's item id for a story (what guid / id / JSON Feed id say). */
  itemId(story: Story): string;
  /** Puts every feed back to its first content (tests sharing one site start from the same feeds); ETags change. Hit counts are kept. */
  resetFeeds(): void;
  /** Closes the kept-alive connections, so that the next request opens (and checks) a new one. */
  dropConnections(): void;
  close(): Promise<void>;
}

export type FeedName = 'rss' | 'atom' | 'json' | 'big';

export interface NewsSiteOptions {
  /** How long /slow waits before answering (and /slow-body before finishing); default 30 s. Tests set a fetch timeout below it. */
  slowMs?: number;
}

/** Where things are on the site. */
export const NEWS_SITE_PATHS = Object.freeze({
  /** Cookie banner, navigation, breadcrumb, byline with <time>, crossheads, related-coverage block, meta-tag date, canonical. */
  article: HARBOUR_FERRY_STRIKE.path,
  /** The date and authors only in JSON-LD (no meta date, no <time>). */
  dateInJsonLd: BAKERY_COOPERATIVE.path,
  /** A paywall teaser: the story stops after six paragraphs with a subscribe box; links to its AMP version. */
  paywalled: SCHOOL_MEALS_TRIAL.path,
  /** The AMP version of the paywalled story, whole, with rel=canonical to it. */
  amp: `/amp${SCHOOL_MEALS_TRIAL.path}`,
  /** ISO-8859-1 bytes, the charset only in the Content-Type header (no <meta charset>). */
  latin1: CHOIR_FESTIVAL.path,
  /** Content-Encoding: gzip. (/encoded/deflate and /encoded/br: the same story, other encodings.) */
  gzip: RIVER_SENSORS.path,
  deflate: '/encoded/deflate',
  brotli: '/encoded/br',
  /** A short link whose page says (link rel=canonical, og:url) that its real address is NEWS_SITE_PATHS.canonicalTarget. */
  canonicalAlias: '/s/rowing',
  canonicalTarget: ROWING_CLUB.path,
  /** Plain text and Markdown articles. */
  plainText: '/plain/ferry-strike.txt',
  markdown: '/markdown/ferry-strike.md',
  /** The real-shaped pages of test/fixtures/html, served as text/html: /fixtures/<file>.html */
  fixture: (file: string) => `/fixtures/${file}`,
  /** /generated/story-001 … /generated/story-100: the large feed's pages. */
  generated: (n: number) => `/generated/story-${String(n).padStart(3, '0')}`,
  feeds: { rss: '/feeds/rss.xml', atom: '/feeds/atom.xml', json: '/feeds/feed.json', big: '/feeds/big.xml' },
  /** A feed-looking URL that answers with an HTML section front (which links to the RSS feed). */
  notAFeed: '/feeds/not-a-feed.xml',
  status: (code: number) => `/status/${code}`, // 404, 500; 429 with Retry-After: 120; 503 with an HTTP-date Retry-After
  slow: '/slow', // headers after slowMs
  slowBody: '/slow-body', // headers and half the page at once, the rest after slowMs
  redirectToArticle: '/redirect/to-article', // 301 → article
  redirectLoop: '/redirect/loop-a', // a → b → a
  redirectChain: (hops: number) => `/redirect/chain/${hops}`, // `hops` redirects, then the article
  redirectToMetadata: '/redirect/metadata', // 302 → http://169.254.169.254/latest/meta-data/
  /**
   * 302 → http://169.254.0.7/admin, an address on the host's own network (link-local) that the
   * fetcher refuses whatever ALLOW_PRIVATE_URLS says. (Not an RFC 1918 address on purpose: tests
   * run with private addresses allowed, and must never connect anywhere but 127.0.0.1.)
   */
  redirectToPrivate: '/redirect/private',
  /** 302 to any address: redirectTo('http://169.254.169.254/') (used to check that each hop is checked). */
  redirectTo: (location: string) => `/redirect/to?location=${encodeURIComponent(location)}`,
  redirectToFtp: '/redirect/ftp', // 302 → ftp://files.example.org/story.txt
  redirectWithoutLocation: '/redirect/no-location', // 302 with no Location
  huge: '/huge', // 50 MB of HTML, streamed (chunked, no Content-Length), generated as it is sent
  hugeDeclared: '/huge-declared', // the same with Content-Length: 52428800
  gzipBomb: '/gzip-bomb', // 50 MB of HTML once decompressed, a few KB on the wire
  brokenGzip: '/broken-gzip', // Content-Encoding: gzip, but the bytes are not gzip
  image: '/images/lead.png', // image/png
  noType: '/no-type', // no Content-Type
  reset: '/reset', // the connection is cut before any answer
});

export const HUGE_BYTES = 50 * 1024 * 1024;
const BIG_FEED_SIZE = 100;
const LAST_MODIFIED_BASE = Date.parse('2026-11-29T08:00:00Z');
const FIXTURES = new URL('../../fixtures/html/', import.meta.url);

export async function startNewsSite(options: NewsSiteOptions = {}): Promise<NewsSite> {
  const slowMs = options.slowMs ?? 30_000;
  const hitCounts = new Map<string, number>();
  const sent = new Map<string, number>();
  /** Per path, the responses so far: each resolves when its response has closed. */
  const responses = new Map<string, Array<Promise<void>>>();
  const lastHeaders = new Map<string, http.IncomingHttpHeaders>();
  const timers = new Set<NodeJS.Timeout>();
  const generated = generateStories(BIG_FEED_SIZE + 50);
  let extra = 0;
  let origin = '';

  /** Article pages by path: the story and how its page is dressed. */
  const pages = new Map<string, { story: Story; shape: () => PageShape }>();
  const addPage = (story: Story, shape: Partial<PageShape> = {}): void => {
    pages.set(story.path, {
      story,
      shape: () => ({ dateIn: 'meta', canonical: origin + story.path, related: relatedTo(story), ...shape }),
    });
  };
  for (const story of [HARBOUR_FERRY_STRIKE, ROWING_CLUB]) addPage(story);
  addPage(BAKERY_COOPERATIVE, { dateIn: 'json-ld' });
  pages.set(SCHOOL_MEALS_TRIAL.path, {
    story: SCHOOL_MEALS_TRIAL,
    shape: () => ({ dateIn: 'meta', canonical: origin + SCHOOL_MEALS_TRIAL.path, paywallAfter: 6, ampUrl: origin + NEWS_SITE_PATHS.amp }),
  });
  for (const story of generated.slice(0, BIG_FEED_SIZE)) addPage(story, { related: [] });

  const firstStories = (name: FeedName): Story[] => (name === 'big' ? generated.slice(0, BIG_FEED_SIZE) : [...STORIES]);
  const feeds = new Map<FeedName, { stories: Story[]; version: number }>(
    (['rss', 'atom', 'json', 'big'] as const).map((name) => [name, { stories: firstStories(name), version: 1 }]),
  );
  const itemId = (story: Story): string => `tag:callan-courier.example,2026:${story.path}`;
  const feedItems = (name: FeedName): FeedItem[] =>
    feeds.get(name)!.stories.map((story) => ({
      id: itemId(story),
      title: story.headline,
      // Real feeds often tag their links; the page's canonical URL has no tracking.
      link: origin + story.path + (story === ROWING_CLUB ? '?utm_source=rss&utm_medium=feed' : ''),
      published: story.published,
      summary: story.standfirst,
      authors: story.authors,
      categories: story.tags,
    }));

  const wait = (ms: number, res: http.ServerResponse, then: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) then();
    }, ms);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const countSent = (pathname: string, bytes: number): void => {
    sent.set(pathname, (sent.get(pathname) ?? 0) + bytes);
  };

  const send = (
    res: http.ServerResponse,
    pathname: string,
    status: number,
    headers: http.OutgoingHttpHeaders,
    body: string | Buffer,
  ): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { 'content-length': bytes.byteLength, ...headers });
    countSent(pathname, bytes.byteLength);
    res.end(bytes);
  };

  const html = (res: http.ServerResponse, pathname: string, body: string, status = 200): void =>
    send(res, pathname, status, { 'content-type': 'text/html; charset=utf-8' }, body);

  const redirect = (res: http.ServerResponse, status: number, location: string | null): void => {
    res.writeHead(status, location === null ? {} : { location });
    res.end();
  };

  const serveFeed = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, name: FeedName): void => {
    const feed = feeds.get(name)!;
    const etag = `"${name}-v${feed.version}"`;
    const modified = LAST_MODIFIED_BASE + feed.version * 60_000;
    const lastModified = new Date(modified).toUTCString();
    const validators = { etag, 'last-modified': lastModified, 'cache-control': 'max-age=300' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const notModified =
      inm !== undefined
        ? inm.split(',').some((tag) => tag.trim() === etag)
        : ims !== undefined && Date.parse(ims) >= Math.floor(modified / 1000) * 1000;
    if (notModified) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    const self = origin + pathname;
    if (name === 'atom') {
      const updated = new Date(modified).toISOString();
      send(
        res,
        pathname,
        200,
        { 'content-type': 'application/atom+xml; charset=utf-8', ...validators },
        renderAtom(feedItems(name), self, origin, updated),
      );
    } else if (name === 'json') {
      send(
        res,
        pathname,
        200,
        { 'content-type': 'application/feed+json; charset=utf-8', ...validators },
        renderJsonFeed(feedItems(name), self, origin),
      );
    } else {
      send(
        res,
        pathname,
        200,
        { 'content-type': 'application/rss+xml; charset=utf-8', ...validators },
        renderRss(feedItems(name), self, origin),
      );
    }
  };

  /** Streams `total` bytes of HTML generated on the fly, respecting back-pressure; stops when the client goes. */
  const streamHuge = async (res: http.ServerResponse, pathname: string, total: number): Promise<void> => {
    const chunk = Buffer.from('<p>' + 'All work and no play makes a very long page. '.repeat(1400) + '</p>\n');
    const head = Buffer.from('<!DOCTYPE html><html><head><title>A very long page</title></head><body>\n');
    async function* body(): AsyncGenerator<Buffer> {
      yield head;
      for (let written = head.byteLength; written < total; written += chunk.byteLength) {
        yield written + chunk.byteLength <= total ? chunk : chunk.subarray(0, total - written);
      }
    }
    const source = Readable.from(body());
    source.on('data', (data: Buffer) => countSent(pathname, data.byteLength));
    await pipeline(source, res).catch(() => undefined);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', 'http://site.invalid');
    hitCounts.set(pathname, (hitCounts.get(pathname) ?? 0) + 1);
    lastHeaders.set(pathname, req.headers);
    const P = NEWS_SITE_PATHS;

    const page = pages.get(pathname);
    if (page) return html(res, pathname, renderArticlePage(page.story, page.shape()));
    if (pathname === P.amp) return html(res, pathname, renderAmpPage(SCHOOL_MEALS_TRIAL, origin + SCHOOL_MEALS_TRIAL.path));
    if (pathname === P.latin1) {
      const body = Buffer.from(
        renderArticlePage(CHOIR_FESTIVAL, { dateIn: 'meta', canonical: origin + CHOIR_FESTIVAL.path, related: relatedTo(CHOIR_FESTIVAL) }),
        'latin1',
      );
      return send(res, pathname, 200, { 'content-type': 'text/html; charset=ISO-8859-1' }, body);
    }
    if (pathname === P.gzip || pathname === P.deflate || pathname === P.brotli) {
      const page = Buffer.from(
        renderArticlePage(RIVER_SENSORS, { dateIn: 'meta', canonical: origin + RIVER_SENSORS.path, related: relatedTo(RIVER_SENSORS) }),
      );
      const [encoding, body] =
        pathname === P.deflate
          ? ['deflate', zlib.deflateSync(page)]
          : pathname === P.brotli
            ? ['br', zlib.brotliCompressSync(page)]
            : ['gzip', zlib.gzipSync(page)];
      return send(
        res,
        pathname,
        200,
        { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding, vary: 'Accept-Encoding' },
        body,
      );
    }
    if (pathname === P.canonicalAlias)
      return html(res, pathname, renderArticlePage(ROWING_CLUB, { dateIn: 'meta', canonical: origin + ROWING_CLUB.path }));
    if (pathname === P.plainText)
      return send(res, pathname, 200, { 'content-type': 'text/plain; charset=utf-8' }, storyAsText(HARBOUR_FERRY_STRIKE, ''));
    if (pathname === P.markdown)
      return send(res, pathname, 200, { 'content-type': 'text/markdown; charset=utf-8' }, storyAsText(HARBOUR_FERRY_STRIKE, '# '));
    if (pathname.startsWith('/fixtures/')) {
      const file = pathname.slice('/fixtures/'.length);
      if (/^[a-z0-9-]+\.html$/.test(file)) {
        const body = await readFile(new URL(file, FIXTURES)).catch(() => null);
        if (body) return send(res, pathname, 200, { 'content-type': 'text/html' }, body);
      }
    }

    for (const [name, path] of Object.entries(P.feeds) as Array<[FeedName, string]>)
      if (pathname === path) return serveFeed(req, res, pathname, name);
    if (pathname === P.notAFeed) return html(res, pathname, renderSectionFront(STORIES, P.feeds.rss));

    const status = /^\/status\/(\d{3})$/.exec(pathname);
    if (status) {
      const code = Number(status[1]);
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html; charset=utf-8' };
      if (code === 429) headers['retry-after'] = '120';
      if (code === 503) headers['retry-after'] = new Date(Date.now() + 90_000).toUTCString();
      return send(
        res,
        pathname,
        code,
        headers,
        `<!DOCTYPE html><html><body><h1>${http.STATUS_CODES[code] ?? 'Error'}</h1><p>Sorry.</p></body></html>`,
      );
    }
    if (pathname === P.slow)
      return wait(slowMs, res, () => html(res, pathname, renderArticlePage(HARBOUR_FERRY_STRIKE, { dateIn: 'meta' })));
    if (pathname === P.slowBody) {
      const body = Buffer.from(renderArticlePage(HARBOUR_FERRY_STRIKE, { dateIn: 'meta' }));
      const half = Math.floor(body.byteLength / 2);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.byteLength });
      res.write(body.subarray(0, half));
      countSent(pathname, half);
      return wait(slowMs, res, () => {
        countSent(pathname, body.byteLength - half);
        res.end(body.subarray(half));
      });
    }

    if (pathname === P.redirectToArticle) return redirect(res, 301, P.article);
    if (pathname === '/redirect/loop-a') return redirect(res, 302, '/redirect/loop-b');
    if (pathname === '/redirect/loop-b') return redirect(res, 302, origin + '/redirect/loop-a');
    const chain = /^\/redirect\/chain\/(\d+)$/.exec(pathname);
    if (chain) {
      const left = Number(chain[1]);
      return left > 0
        ? redirect(res, left % 2 ? 302 : 307, P.redirectChain(left - 1))
        : html(res, pathname, renderArticlePage(HARBOUR_FERRY_STRIKE, { dateIn: 'meta' }));
    }
    if (pathname === P.redirectToMetadata) return redirect(res, 302, 'http://169.254.169.254/latest/meta-data/');
    if (pathname === P.redirectToPrivate) return redirect(res, 302, 'http://169.254.0.7/admin');
    if (pathname === '/redirect/to') return redirect(res, 302, new URL(req.url ?? '/', origin).searchParams.get('location') ?? '/');
    if (pathname === P.redirectToFtp) return redirect(res, 302, 'ftp://files.example.org/story.txt');
    if (pathname === P.redirectWithoutLocation) return redirect(res, 302, null);

    if (pathname === P.huge) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return streamHuge(res, pathname, HUGE_BYTES);
    }
    if (pathname === P.hugeDeclared) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': HUGE_BYTES });
      return streamHuge(res, pathname, HUGE_BYTES);
    }
    if (pathname === P.gzipBomb) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      async function* spaces(): AsyncGenerator<Buffer> {
        const block = Buffer.alloc(1024 * 1024, 0x20);
        for (let i = 0; i < HUGE_BYTES / block.byteLength; i++) yield block;
      }
      const gzip = zlib.createGzip();
      gzip.on('data', (data: Buffer) => countSent(pathname, data.byteLength));
      return pipeline(Readable.from(spaces()), gzip, res).catch(() => undefined);
    }
    if (pathname === P.brokenGzip) {
      const body = Buffer.from('1f8b0800000000000003ffffffffffffffff', 'hex');
      return send(res, pathname, 200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, body);
    }
    if (pathname === P.image) {
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e3a0e90000000049454e44ae426082',
        'hex',
      );
      return send(res, pathname, 200, { 'content-type': 'image/png' }, png);
    }
    if (pathname === P.noType) {
      res.writeHead(200);
      return void res.end('Just some bytes.');
    }
    if (pathname === P.reset) return void req.socket.destroy();

    html(res, pathname, '<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>', 404);
  };

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site.invalid').pathname;
    const ended = new Promise<void>((resolve) => res.on('close', resolve));
    responses.set(pathname, [...(responses.get(pathname) ?? []), ended]);
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const bump = (name: FeedName): void => {
    feeds.get(name)!.version++;
  };

  return {
    origin,
    url: (path) => origin + path,
    hits: (path) => hitCounts.get(path.split('?')[0]!) ?? 0,
    bytesSent: (path) => sent.get(path.split('?')[0]!) ?? 0,
    responsesEnded: async (path) => {
      await Promise.all(responses.get(path.split('?')[0]!) ?? []);
    },
    lastRequest: (path) => lastHeaders.get(path.split('?')[0]!) ?? null,
    addItem(name, story) {
      const added = story ?? { ...generated[BIG_FEED_SIZE + (extra % 50)]!, path: `/news/extra/story-${++extra}` };
      if (!pages.has(added.path)) addPage(added);
      feeds.get(name)!.stories.unshift(added);
      bump(name);
      return added;
    },
    setFeed(name, stories) {
      for (const story of stories) if (!pages.has(story.path)) addPage(story);
      feeds.get(name)!.stories = [...stories];
      bump(name);
    },
    itemId,
    resetFeeds() {
      for (const [name, feed] of feeds) {
        feed.stories = firstStories(name);
        bump(name);
      }
    },
    dropConnections: () => server.closeAllConnections(),
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Up to three other hand-written stories, for a page's related-coverage block. */
function relatedTo(story: Story): Array<{ headline: string; path: string }> {
  return STORIES.filter((s) => s !== story)
    .slice(0, 3)
    .map((s) => ({ headline: s.headline, path: s.path }));
}

/** A story as a plain-text (or, with '# ', Markdown) article: headline, byline, paragraphs. */
function storyAsText(story: Story, heading: string): string {
  const body = story.body.map((line) => (line.startsWith('## ') ? (heading ? line : line.slice(3)) : line));
  return [`${heading}${story.headline}`, `By ${story.authors.join(' and ')}`, ...body].join('\n\n') + '\n';
}
