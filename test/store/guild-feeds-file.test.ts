import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedIdFor, normaliseFeedUrl } from '../../src/feeds/feed-id.ts';
import {
  feedsFile,
  MAX_SEEN_KEYS,
  SEEN_MAX_AGE_MS,
  readGuildFeeds,
  rememberSeen,
  setAsideInvalidFile,
  wasSeen,
  writeGuildFeeds,
  type FeedRecord,
} from '../../src/store/guild-feeds-file.ts';

function record(overrides: Partial<FeedRecord> = {}): FeedRecord {
  const url = 'https://news.example.org/feed.xml';
  return {
    id: feedIdFor(url),
    url,
    title: 'Example news',
    channelId: '222222222222222222',
    intervalMinutes: 15,
    addedAt: '2026-12-01T10:00:00.000Z',
    etag: '"abc"',
    lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    lastCheckedAt: '2026-12-01T10:00:00.000Z',
    nextCheckAt: '2026-12-01T10:15:00.000Z',
    lastDeliveredAt: null,
    failures: 0,
    lastOutcome: 'nothing-new',
    lastMessage: 'nothing new',
    seen: ['a', 'b'],
    pending: { c: { attempts: 1, lastError: 'HTTP 500' } },
    itemsSeen: 2,
    articlesAdded: 0,
    ...overrides,
  };
}

const G = '111111111111111111';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-feeds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('feeds.json', () => {
  it('GIVEN subscriptions written THEN reading them back gives the same records', async () => {
    const file = feedsFile(dir, '111111111111111111');
    await writeGuildFeeds(file, [record()]);
    expect(readGuildFeeds(file)).toEqual({ kind: 'valid', feeds: [record()] });
    expect(file).toBe(join(dir, 'guilds', '111111111111111111', 'feeds.json'));
  });

  it('GIVEN no file THEN it is missing', () => {
    expect(readGuildFeeds(feedsFile(dir, G))).toEqual({ kind: 'missing' });
  });

  it.each([
    ['not JSON', '{"version": 1, "feeds": [', 'not JSON'],
    ['an empty object', '{}', 'version'],
    [
      'a feed with a bad interval',
      JSON.stringify({ version: 1, feeds: [{ ...record(), intervalMinutes: -3 }] }),
      'feeds.0.intervalMinutes',
    ],
    ['a feed with a non-http address', JSON.stringify({ version: 1, feeds: [{ ...record(), url: 'file:///etc/passwd' }] }), 'feeds.0.url'],
    ['the same feed twice', JSON.stringify({ version: 1, feeds: [record(), record()] }), 'listed twice'],
  ])('GIVEN %s THEN the file is invalid and the problem is named', async (_name, text, problem) => {
    const file = feedsFile(dir, G);
    await mkdir(join(dir, 'guilds', G), { recursive: true });
    await writeFile(file, text);
    const read = readGuildFeeds(file);
    expect(read.kind).toBe('invalid');
    expect(read.kind === 'invalid' && read.problem).toContain(problem);
  });

  it('GIVEN a directory where the file should be THEN it is unreadable, not a crash', async () => {
    const file = feedsFile(dir, G);
    await mkdir(file, { recursive: true });
    expect(readGuildFeeds(file).kind).toBe('unreadable');
  });

  it('GIVEN an invalid file set aside THEN a copy with the time in its name keeps its content', async () => {
    const file = feedsFile(dir, G);
    await mkdir(join(dir, 'guilds', G), { recursive: true });
    await writeFile(file, 'garbage');
    const copy = setAsideInvalidFile(file, Date.parse('2026-12-01T10:00:00Z'));
    expect(copy).toBe(`${file}.invalid-2026-12-01T10-00-00-000Z`);
    expect(await readFile(copy!, 'utf8')).toBe('garbage');
    expect((await readdir(join(dir, 'guilds', G))).sort()).toEqual(['feeds.json', 'feeds.json.invalid-2026-12-01T10-00-00-000Z']);
  });

  it.each(['../etc', '', '12a', '1/2', '123'])('GIVEN the server id %j THEN no path is made from it', (id) => {
    expect(() => feedsFile(dir, id)).toThrow(/not a server id/);
  });
});

const NOW = Date.parse('2026-12-07T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const iso = (time: number) => new Date(time).toISOString();

describe('rememberSeen', () => {
  const bare = (id: string) => ({ id, link: null });

  it.each([
    ['not in the document, last listed longer ago than SEEN_MAX_AGE_MS', false, SEEN_MAX_AGE_MS + DAY, false],
    ['not in the document, last listed a day ago', false, DAY, true],
    ['still in the document, first listed longer ago than SEEN_MAX_AGE_MS', true, 3 * SEEN_MAX_AGE_MS, true],
  ])('GIVEN a seen key %s THEN it is kept: %s', (_, inDocument, age, kept) => {
    const feed = record({ seen: ['a', 'b'], seenAt: { a: iso(NOW - age), b: iso(NOW) } });
    rememberSeen(feed, [], new Set(inDocument ? ['a', 'b'] : ['b']), NOW);
    expect(feed.seen).toEqual(kept ? ['a', 'b'] : ['b']);
    expect(feed.seenAt).toEqual(kept ? { a: inDocument ? iso(NOW) : iso(NOW - age), b: iso(NOW) } : { b: iso(NOW) });
  });

  it('GIVEN keys stored without a date (a record from before dates were kept) THEN their age starts counting now', () => {
    const feed = record({ seen: ['a', 'b'] });
    rememberSeen(feed, [], new Set(['b']), NOW);
    expect(feed.seenAt).toEqual({ a: iso(NOW), b: iso(NOW) });
    rememberSeen(feed, [], new Set(['b']), NOW + SEEN_MAX_AGE_MS + DAY);
    expect(feed.seen).toEqual(['b']);
  });

  it('GIVEN more keys than remembered THEN the oldest not in the latest document are forgotten', () => {
    const feed = record({ seen: [], itemsSeen: 0 });
    const old = Array.from({ length: MAX_SEEN_KEYS }, (_, i) => `old-${i}`);
    rememberSeen(feed, old.map(bare), new Set(old), NOW);
    const fresh = ['new-1', 'new-2', 'new-3'];
    rememberSeen(feed, fresh.map(bare), new Set(['old-0', ...fresh]), NOW);
    expect(feed.seen).toHaveLength(MAX_SEEN_KEYS);
    expect(feed.seen.slice(0, 2)).toEqual(['old-0', 'old-4']);
    expect(feed.seen.slice(-3)).toEqual(fresh);
    expect(feed.itemsSeen).toBe(MAX_SEEN_KEYS + 3);
  });

  it('GIVEN an id seen already THEN it is not counted twice', () => {
    const feed = record();
    rememberSeen(feed, [bare('a'), bare('d')], new Set(), NOW);
    expect(feed.seen).toEqual(['a', 'b', 'd']);
    expect(feed.itemsSeen).toBe(3);
  });

  it('GIVEN an item seen by its link THEN a new id for it (feeds that change ids) still counts as seen', () => {
    const feed = record({ seen: [], itemsSeen: 0 });
    rememberSeen(feed, [{ id: 'urn:uuid:1', link: 'https://x.example/story' }], new Set(), NOW);
    expect(feed.seen).toEqual(['urn:uuid:1', 'https://x.example/story']);
    expect(wasSeen(new Set(feed.seen), { id: 'urn:uuid:2', link: 'https://x.example/story' })).toBe(true);
    expect(wasSeen(new Set(feed.seen), { id: 'urn:uuid:3', link: 'https://x.example/other' })).toBe(false);
    rememberSeen(feed, [{ id: 'urn:uuid:2', link: 'https://x.example/story' }], new Set(), NOW);
    expect(feed.itemsSeen).toBe(1);
  });
});

describe('feed and item ids', () => {
  it.each([
    ['https://News.Example.org:443/feed.xml#top', 'https://news.example.org/feed.xml'],
    ['  http://example.org/rss?section=world ', 'http://example.org/rss?section=world'],
    ['ftp://example.org/feed', null],
    ['not a url', null],
  ])('GIVEN %j THEN the feed is known by %j', (raw, normalised) => {
    expect(normaliseFeedUrl(raw)).toBe(normalised);
  });

  it('GIVEN the same address written two ways THEN the feed id is the same 8 hex digits', () => {
    const a = feedIdFor(normaliseFeedUrl('https://NEWS.example.org/feed.xml#x')!);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(feedIdFor(normaliseFeedUrl('https://news.example.org/feed.xml')!)).toBe(a);
  });
});
