import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageFetcher } from '../../src/web/fetch-page.ts';
import type { FetchResult } from '../../src/web/fetch-page.ts';
import { NEWS_SITE_PATHS as P, startNewsSite } from '../support/news-site/start-news-site.ts';
import type { NewsSite } from '../support/news-site/start-news-site.ts';
import { STORIES } from '../support/news-site/stories.ts';

// The local news site other tests fetch from: its feeds must be real feeds (a maintained parser
// reads them), their items must lead to pages on the same site, and its counters must be right.

let site: NewsSite;
const fetchPage = createPageFetcher({ allowPrivateUrls: true });

beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(() => site.close());

async function fetchText(path: string, accept: 'article' | 'feed' = 'feed'): Promise<string> {
  const result: FetchResult = await fetchPage(site.url(path), { accept });
  if (result.kind !== 'page') throw new Error(`${path}: ${JSON.stringify(result)}`);
  return new TextDecoder().decode(result.page.bytes);
}

/** The links of a parsed feed's items, whatever the format. */
function itemLinks(text: string): string[] {
  const { format, feed } = parseFeed(text) as { format: string; feed: any };
  const items: any[] = feed.items ?? feed.entries ?? [];
  if (format === 'atom') return items.map((e) => e.links?.find((l: any) => (l.rel ?? 'alternate') === 'alternate')?.href);
  return items.map((i) => i.link ?? i.url);
}

describe('the local news site', () => {
  it.each([
    ['rss', P.feeds.rss],
    ['atom', P.feeds.atom],
    ['json', P.feeds.json],
  ])('GIVEN its %s feed THEN feedsmith reads it and each item links to a story page on the site', async (format, path) => {
    const text = await fetchText(path);
    expect((parseFeed(text) as { format: string }).format).toBe(format);
    const links = itemLinks(text);
    expect(links).toHaveLength(STORIES.length);
    for (const link of links) expect(link.startsWith(site.origin + '/')).toBe(true);
    const page = await fetchText(new URL(links[1]!).pathname, 'article');
    expect(page).toContain(STORIES[1]!.headline);
  });

  it('GIVEN the 100-item feed THEN its items lead to 100 distinct article pages', async () => {
    const links = itemLinks(await fetchText(P.feeds.big));
    expect(new Set(links).size).toBe(100);
    const headlines = new Set<string>();
    for (const link of links) {
      const page = await fetchText(new URL(link).pathname, 'article');
      headlines.add(/<h1>(.*?)<\/h1>/.exec(page)![1]!);
    }
    expect(headlines.size).toBe(100);
    expect(site.hits(P.generated(1))).toBe(1);
    expect(site.hits(P.generated(100))).toBe(1);
  });

  it('GIVEN an item added to a feed THEN it is listed first and its page is served', async () => {
    const story = site.addItem('rss');
    const links = itemLinks(await fetchText(P.feeds.rss));
    expect(links).toHaveLength(STORIES.length + 1);
    expect(links[0]).toBe(site.url(story.path));
    expect(await fetchText(story.path, 'article')).toContain('<h1>');
  });

  it('GIVEN the feeds reset THEN they list their first stories again, under a new ETag', async () => {
    const before = await fetchPage(site.url(P.feeds.json), { accept: 'feed' });
    site.setFeed('json', STORIES.slice(0, 2));
    expect(itemLinks(await fetchText(P.feeds.json))).toHaveLength(2);
    site.resetFeeds();
    const after = await fetchPage(site.url(P.feeds.json), { accept: 'feed' });
    expect(after.kind === 'page' && itemLinks(new TextDecoder().decode(after.page.bytes))).toHaveLength(STORIES.length);
    expect(after.kind === 'page' && before.kind === 'page' && after.page.etag !== before.page.etag).toBe(true);
  });

  it('GIVEN the paywalled story THEN its page stops at the teaser and its AMP version has the whole story', async () => {
    const paywalled = await fetchText(P.paywalled, 'article');
    const amp = await fetchText(P.amp, 'article');
    const story = STORIES.find((s) => s.path === P.paywalled)!;
    const last = story.body.at(-1)!;
    expect(paywalled).not.toContain(last);
    expect(amp).toContain(last);
    expect(amp).toContain(`<link rel="canonical" href="${site.url(P.paywalled)}">`);
  });

  it('GIVEN requests THEN hits are counted per path, whatever the query', async () => {
    const before = site.hits(P.canonicalTarget);
    await fetchText(`${P.canonicalTarget}?utm_source=rss`, 'article');
    await fetchText(P.canonicalTarget, 'article');
    expect(site.hits(P.canonicalTarget) - before).toBe(2);
    expect(site.hits('/never/asked')).toBe(0);
  });
});
