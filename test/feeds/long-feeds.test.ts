/**
 * A feed's newest items are found whatever order it lists them in: a document of 5,000 items
 * oldest first keeps its newest, and a story appended at its end is announced, not "nothing new".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFeedService, type FeedAnnouncement, type FeedService } from '../../src/feeds/feed-service.ts';
import { newestItems } from '../../src/feeds/order-items.ts';
import { MAX_FEED_ITEMS, parseFeedDocument, type FeedItem } from '../../src/feeds/parse-feed.ts';
import type { FetchResult } from '../../src/web/fetch-types.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { createFakeLibrary, createFakeSite, createFakeTime, item, type FakeItem } from './fakes.ts';

const SITE = 'https://news.example.org';
const FEED_URL = `${SITE}/feed.xml`;

/** An RSS document listing the items in the order given (dates written only when `dated`). */
function rssInOrder(items: readonly FakeItem[], dated = true): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.path}</link><guid isPermaLink="false">${i.id}</guid>${
          dated ? `<pubDate>${new Date(i.published).toUTCString()}</pubDate>` : ''
        }</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Archive</title><link>${SITE}/</link><description>d</description>${entries}</channel></rss>`;
}

function feedPage(text: string): FetchResult {
  return {
    kind: 'page',
    page: {
      url: FEED_URL,
      status: 200,
      contentType: 'application/rss+xml',
      charset: 'utf-8',
      bytes: new TextEncoder().encode(text),
      etag: null,
      lastModified: null,
    },
  };
}

/** Stories 1..n, story k published k minutes after midnight. */
const stories = (n: number): FakeItem[] => Array.from({ length: n }, (_, k) => item(k + 1));

const at = (id: string, published: string | null): FeedItem => ({ id, link: `${SITE}/${id}`, title: id, published });

describe('the newest items of a long feed', () => {
  it.each<[string, boolean, FakeItem[], string, string]>([
    ['5,000 dated items oldest first', true, stories(5000), 'story-4001', 'story-5000'],
    ['5,000 dated items newest first', true, stories(5000).reverse(), 'story-5000', 'story-4001'],
    ['5,000 dated items shuffled by thousands', true, [...stories(5000).slice(2000), ...stories(2000)], 'story-4001', 'story-5000'],
    ['5,000 undated items (newest first, as feeds list them)', false, stories(5000).reverse(), 'story-5000', 'story-4001'],
  ])('GIVEN %s THEN the newest 1,000 are read, in document order', (_name, dated, listed, first, last) => {
    const parsed = parseFeedDocument({
      url: FEED_URL,
      contentType: 'application/rss+xml',
      charset: 'utf-8',
      bytes: new TextEncoder().encode(rssInOrder(listed, dated)),
    });
    if (parsed.kind !== 'feed') throw new Error(parsed.message);
    expect(parsed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(parsed.items[0]!.id).toBe(first);
    expect(parsed.items.at(-1)!.id).toBe(last);
  });

  it.each<[string, FeedItem[], string[]]>([
    [
      'every item dated, oldest first',
      [at('a', '2026-12-01T08:00:00Z'), at('b', '2026-12-01T09:00:00Z'), at('c', '2026-12-01T10:00:00Z')],
      ['b', 'c'],
    ],
    [
      'every item dated, the newest in the middle',
      [at('a', '2026-12-01T08:00:00Z'), at('c', '2026-12-01T10:00:00Z'), at('b', '2026-12-01T09:00:00Z')],
      ['c', 'b'],
    ],
    [
      'some dated, oldest first: the end is newer',
      [at('a', '2026-12-01T08:00:00Z'), at('b', null), at('c', '2026-12-01T10:00:00Z')],
      ['b', 'c'],
    ],
    [
      'some dated, newest first: the start is newer',
      [at('c', '2026-12-01T10:00:00Z'), at('b', null), at('a', '2026-12-01T08:00:00Z')],
      ['c', 'b'],
    ],
    ['no dates: the start, as feeds list newest first', [at('c', null), at('b', null), at('a', null)], ['c', 'b']],
  ])('GIVEN %s THEN newestItems keeps the newest two', (_name, items, kept) => {
    expect(newestItems(items, 2).map((i) => i.id)).toEqual(kept);
  });
});

describe('polling a feed of 5,000 items oldest first', () => {
  let dataDir: string;
  let service: FeedService | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-long-feed-'));
  });
  afterEach(async () => {
    await service?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('GIVEN a story appended at the end THEN it is announced once, not "nothing new"', async () => {
    const site = createFakeSite();
    const time = createFakeTime();
    const announced: FeedAnnouncement[] = [];
    const listed = stories(5000);
    site.publish(...listed);
    site.setFeed(() => feedPage(rssInOrder(listed)));
    service = openFeedService({
      dataDir,
      fetchPage: site.fetchPage,
      library: createFakeLibrary().library,
      announce: async (a) => void announced.push(a),
      clock: time.clock,
      timers: time.timers,
      log: pino({ level: 'silent' }),
    });
    const added = await service.add('111111111111111111', FEED_URL, '222222222222222222');
    if (isUserError(added)) throw new Error(added.error.message);
    service.start();
    const fresh = item(5001);
    listed.push(fresh);
    site.publish(fresh);
    time.advance(15 * 60_000);
    await service.idle();
    expect(announced.map((a) => a.link)).toEqual([`${SITE}/stories/5001`]);
    expect(service.list('111111111111111111')[0]).toMatchObject({ lastOutcome: 'new-items', lastMessage: 'delivered 1 new article' });
  });
});
