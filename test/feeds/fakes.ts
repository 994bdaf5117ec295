/** Small fakes for the feed service's unit tests: a fetcher over a table of addresses, a library, timers. */
import type { AddedArticle, ArticleLibrary, AddOptions } from '../../src/library/article-library.ts';
import type { FetchedPage, FetchOptions, FetchPage, FetchResult } from '../../src/web/fetch-page.ts';
import type { Timers } from '../../src/model/timers.ts';

/** Time that moves only when told: a clock and timers on it. */
export function createFakeTime(start = Date.parse('2026-12-01T10:00:00Z')) {
  let now = start;
  let sequence = 0;
  const queue = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      sequence += 1;
      queue.set(sequence, { at: now + ms, callback });
      return sequence;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
  };
  return {
    clock: () => now,
    timers,
    /** Moves time on, firing each timer due on the way (in order). */
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        const due = [...queue.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        queue.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = end;
    },
    /** When the timers are due, soonest first. */
    dueTimes(): number[] {
      return [...queue.values()].map((t) => t.at).sort((a, b) => a - b);
    },
  };
}

export interface FakeItem {
  id: string;
  title: string;
  /** Path on the site; the page is https://news.example.org<path>. */
  path: string;
  published: string;
}

const SITE = 'https://news.example.org';

/** An RSS 2.0 document of the items, newest first as feeds have them. */
export function rssOf(items: readonly FakeItem[]): string {
  const entries = [...items]
    .sort((a, b) => Date.parse(b.published) - Date.parse(a.published))
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.path}</link><guid isPermaLink="false">${item.id}</guid><pubDate>${new Date(item.published).toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example News</title><link>${SITE}/</link><description>d</description>${entries}</channel></rss>`;
}

function page(url: string, contentType: string, text: string, etag: string | null = null, charset: string | null = 'utf-8'): FetchResult {
  const result: FetchedPage = {
    url,
    status: 200,
    contentType,
    charset,
    bytes: new TextEncoder().encode(text),
    etag,
    lastModified: null,
  };
  return { kind: 'page', page: result };
}

/**
 * A news site in a table: one feed at /feed.xml (with an ETag: 304 to a request that sends the
 * current one) and an article page per item. `failFeed`/`failPage` make the next answers fail.
 */
export function createFakeSite() {
  const items: FakeItem[] = [];
  let feedOverride: ((options: FetchOptions) => FetchResult) | null = null;
  const pageFailures = new Map<string, FetchResult>();
  const requests: Array<{ url: string; options: FetchOptions }> = [];
  let version = 0;
  let hangPages = false;
  const fetchPage: FetchPage = async (url, options) => {
    requests.push({ url, options });
    await Promise.resolve();
    options.signal?.throwIfAborted();
    if (url === feedUrl) {
      if (feedOverride) return feedOverride(options);
      const etag = `"v${version}"`;
      if (options.etag === etag) return { kind: 'not-modified', url };
      return page(url, 'application/rss+xml', rssOf(items), etag);
    }
    if (hangPages) {
      // Like a server that never answers: only the caller's signal ends the wait.
      await new Promise<never>((_, reject) =>
        options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true }),
      );
    }
    const failure = pageFailures.get(url);
    if (failure) return failure;
    const item = items.find((i) => `${SITE}${i.path}` === url);
    if (!item) return { kind: 'refused', refusal: { code: 'http-error', status: 404, message: 'news.example.org answered 404 Not Found' } };
    return page(
      url,
      'text/html',
      `<html><head><title>${item.title}</title></head><body><article><h1>${item.title}</h1><p>Text of ${item.id}.</p></article></body></html>`,
    );
  };
  const feedUrl = `${SITE}/feed.xml`;
  return {
    feedUrl,
    fetchPage,
    requests,
    publish(...added: FakeItem[]) {
      items.push(...added);
      version += 1;
    },
    setFeed(answer: ((options: FetchOptions) => FetchResult) | null) {
      feedOverride = answer;
    },
    /** From now on the feed's address answers this page (200, no validators) instead of the feed. */
    serveAtFeed(contentType: string, text: string, charset: string | null) {
      feedOverride = () => page(feedUrl, contentType, text, null, charset);
    },
    /** From now on the feed's address answers this HTTP error (with the server's Retry-After, if any). */
    refuseFeed(status: number, message: string, retryAfterMs?: number) {
      feedOverride = () => ({
        kind: 'refused',
        refusal: { code: 'http-error', status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), message },
      });
    },
    failPage(path: string, result: FetchResult | null) {
      if (result) pageFailures.set(`${SITE}${path}`, result);
      else pageFailures.delete(`${SITE}${path}`);
    },
    /** From now on item pages never answer (until the fetch is aborted). */
    hangPages(on: boolean) {
      hangPages = on;
    },
    pageRequests(path: string) {
      return requests.filter((r) => r.url === `${SITE}${path}`).length;
    },
  };
}

export function item(n: number, minutesAfter = n): FakeItem {
  return {
    id: `story-${n}`,
    title: `Story number ${n}`,
    path: `/stories/${n}`,
    published: new Date(Date.parse('2026-12-01T00:00:00Z') + minutesAfter * 60_000).toISOString(),
  };
}

/** A library keeping articles in memory: each page URL (per scope) stored once. */
export function createFakeLibrary() {
  const stored = new Map<string, AddedArticle & { scope: string | null; feedItemId: string | undefined }>();
  const calls: AddOptions[] = [];
  let failNext: string | null = null;
  const addFromPage: ArticleLibrary['addFromPage'] = async (fetched, options) => {
    calls.push(options);
    await Promise.resolve();
    if (failNext !== null) {
      const message = failNext;
      failNext = null;
      return { error: { code: 'write-failed', message } };
    }
    const key = `${options.scope}|${fetched.url}`;
    const existing = stored.get(key);
    if (existing) return { id: existing.id, title: existing.title, paragraphs: 1, file: existing.file, existed: true };
    const id = `${fetched.url.split('/').pop()}`;
    const article = {
      id,
      title: id,
      paragraphs: 1,
      file: `/data/${id}.md`,
      existed: false,
      scope: options.scope,
      feedItemId: options.feedItemId,
    };
    stored.set(key, article);
    return { ...article, existed: false };
  };
  const library: ArticleLibrary = {
    addFromPage,
    addFromUrl: async () => ({ error: { code: 'bad-url', message: 'not in this fake' } }),
    addFromFile: async () => ({ error: { code: 'bad-file', message: 'not in this fake' } }),
    list: async () => [],
    remove: async () => ({ error: { code: 'unknown-article', message: 'not in this fake' } }),
  };
  return {
    library,
    stored,
    calls,
    /** Stores a page as if another feed (or an admin) had added it. */
    preStore(scope: string, url: string) {
      const id = `${url.split('/').pop()}`;
      stored.set(`${scope}|${url}`, { id, title: id, paragraphs: 1, file: `/data/${id}.md`, existed: false, scope, feedItemId: undefined });
    },
    failNextAdd(message: string) {
      failNext = message;
    },
  };
}
