import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFeedService, type FeedAnnouncement, type FeedService } from '../../src/feeds/feed-service.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { until } from '../support/until.ts';
import { createFakeLibrary, createFakeSite, createFakeTime, item, rssOf } from './fakes.ts';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';
const MINUTE = 60_000;

let dataDir: string;
let services: FeedService[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-feed-service-'));
  services = [];
});
afterEach(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

function setUp(
  options: {
    site?: ReturnType<typeof createFakeSite>;
    library?: ReturnType<typeof createFakeLibrary>;
    time?: ReturnType<typeof createFakeTime>;
  } = {},
) {
  const site = options.site ?? createFakeSite();
  const library = options.library ?? createFakeLibrary();
  const time = options.time ?? createFakeTime();
  const announced: FeedAnnouncement[] = [];
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  let failAnnounce: Error | null = null;
  const checks: string[] = [];
  const open = (ownsGuild?: (guildId: string) => boolean) => {
    const service = openFeedService({
      ownsGuild,
      dataDir,
      fetchPage: site.fetchPage,
      library: library.library,
      announce: async (a) => {
        if (failAnnounce) throw failAnnounce;
        announced.push(a);
      },
      clock: time.clock,
      timers: time.timers,
      log,
      onCheck: (outcome) => checks.push(outcome),
    });
    services.push(service);
    return service;
  };
  const service = open();
  /** Moves time on and waits for the checks it started. */
  const pass = async (ms: number, on: FeedService = service) => {
    time.advance(ms);
    await on.idle();
  };
  return {
    site,
    library,
    time,
    announced,
    checks,
    lines,
    service,
    open,
    pass,
    failAnnouncements(err: Error | null) {
      failAnnounce = err;
    },
  };
}

async function addFeed(t: ReturnType<typeof setUp>, interval?: number) {
  const added = await t.service.add(GUILD, t.site.feedUrl, CHANNEL, interval);
  if (isUserError(added)) throw new Error(added.error.message);
  return added;
}

describe('adding a feed', () => {
  it('GIVEN a feed with three items THEN they are stored without an announcement, marked seen, and the feed is listed', async () => {
    const t = setUp();
    t.site.publish(item(1), item(2), item(3));
    const added = await addFeed(t);
    expect(added).toMatchObject({ stored: 3, alreadyStored: 0, failed: 0 });
    expect(added.feed).toMatchObject({
      url: 'https://news.example.org/feed.xml',
      title: 'Example News',
      channelId: CHANNEL,
      intervalMinutes: 15,
      itemsSeen: 3,
      articlesAdded: 3,
      consecutiveFailures: 0,
      lastCheckedAt: '2026-12-01T10:00:00.000Z',
      nextCheckAt: '2026-12-01T10:15:00.000Z',
    });
    expect(added.feed.lastMessage).toContain('3 stored without announcing');
    expect(t.announced).toEqual([]);
    expect(t.library.calls.map((c) => [c.scope, c.feedItemId, c.feedUrl])).toEqual([
      [GUILD, 'story-1', t.site.feedUrl],
      [GUILD, 'story-2', t.site.feedUrl],
      [GUILD, 'story-3', t.site.feedUrl],
    ]);
    expect(t.service.list(GUILD)).toEqual([added.feed]);
    const file = JSON.parse(await readFile(join(dataDir, 'guilds', GUILD, 'feeds.json'), 'utf8'));
    expect(file.feeds[0].seen).toEqual([
      'story-1',
      'https://news.example.org/stories/1',
      'story-2',
      'https://news.example.org/stories/2',
      'story-3',
      'https://news.example.org/stories/3',
    ]);
  });

  it('GIVEN the same feed again THEN it is refused with the feed id', async () => {
    const t = setUp();
    const first = await addFeed(t);
    const again = await t.service.add(GUILD, 'https://NEWS.example.org/feed.xml#latest', CHANNEL);
    expect(again).toEqual({ error: { code: 'already-subscribed', message: expect.stringContaining(`feed ${first.feed.id}`) } });
  });

  it.each([
    ['an interval of 2 minutes', 'https://news.example.org/feed.xml', 2, 'bad-interval', 'at most every 5 minutes'],
    ['an ftp address', 'ftp://news.example.org/feed.xml', undefined, 'bad-url', 'not a web address'],
    ['words', 'the news please', undefined, 'bad-url', 'not a web address'],
  ])('GIVEN %s THEN adding is refused before fetching anything', async (_name, url, interval, code, message) => {
    const t = setUp();
    const result = await t.service.add(GUILD, url, CHANNEL, interval);
    expect(result).toEqual({ error: { code, message: expect.stringContaining(message) } });
    expect(t.site.requests).toEqual([]);
  });

  it('GIVEN an address that is a web page THEN adding is refused: not a feed, look for its RSS link', async () => {
    const t = setUp();
    t.site.serveAtFeed('text/html', '<!doctype html><html><body><p>Home</p></body></html>', 'utf-8');
    expect(await t.service.add(GUILD, t.site.feedUrl, CHANNEL)).toEqual({
      error: { code: 'not-a-feed', message: 'that address (news.example.org) is a web page, not a feed: look for its RSS link' },
    });
    expect(t.service.list(GUILD)).toEqual([]);
  });

  it('GIVEN the feed answers 500 THEN adding is refused with what the server said', async () => {
    const t = setUp();
    t.site.refuseFeed(500, 'news.example.org answered 500 Internal Server Error');
    expect(await t.service.add(GUILD, t.site.feedUrl, CHANNEL)).toEqual({
      error: { code: 'fetch-failed', message: 'could not add the feed: news.example.org answered 500 Internal Server Error' },
    });
  });

  it('GIVEN a direct message (no server) THEN adding is refused', async () => {
    const t = setUp();
    expect(await t.service.add('', t.site.feedUrl, CHANNEL)).toMatchObject({ error: { code: 'bad-server' } });
  });
});

describe('polling', () => {
  it('GIVEN new items between checks THEN each is announced once, oldest first, and never again', async () => {
    const t = setUp();
    t.site.publish(item(1));
    const { feed } = await addFeed(t);
    t.service.start();
    t.site.publish(item(3), item(2));
    await t.pass(15 * MINUTE);
    expect(t.announced).toEqual([
      { guildId: GUILD, channelId: CHANNEL, articleId: '2', feedId: feed.id, link: 'https://news.example.org/stories/2' },
      { guildId: GUILD, channelId: CHANNEL, articleId: '3', feedId: feed.id, link: 'https://news.example.org/stories/3' },
    ]);
    expect(t.service.list(GUILD)[0]).toMatchObject({
      lastOutcome: 'new-items',
      lastMessage: 'delivered 2 new articles',
      articlesAdded: 3,
      itemsSeen: 3,
    });

    await t.pass(15 * MINUTE);
    expect(t.announced).toHaveLength(2);
    expect(t.service.list(GUILD)[0]).toMatchObject({ lastOutcome: 'not-modified' });
    expect(t.service.list(GUILD)[0]!.lastMessage).toBe('nothing new since 2026-12-01 10:15 UTC: the server says the feed has not changed');
    expect(t.checks).toEqual(['new-items', 'not-modified']);
  });

  it('GIVEN the service restarts THEN it reads feeds.json, repeats nothing, and announces what is new once', async () => {
    const t = setUp();
    t.site.publish(item(1));
    await addFeed(t);
    t.service.start();
    t.site.publish(item(2));
    await t.pass(15 * MINUTE);
    await t.service.stop();

    const second = t.open();
    second.start();
    await t.pass(15 * MINUTE, second);
    expect(t.announced.map((a) => a.articleId)).toEqual(['2']);
    t.site.publish(item(3));
    await t.pass(15 * MINUTE, second);
    expect(t.announced.map((a) => a.articleId)).toEqual(['2', '3']);
  });

  it('GIVEN the feed has not changed THEN the request is conditional and the answer 304', async () => {
    const t = setUp();
    t.site.publish(item(1));
    await addFeed(t);
    t.service.start();
    await t.pass(15 * MINUTE);
    const feedRequests = t.site.requests.filter((r) => r.url === t.site.feedUrl);
    expect(feedRequests.at(-1)!.options).toMatchObject({ accept: 'feed', etag: '"v1"' });
    expect(t.service.list(GUILD)[0]).toMatchObject({ lastOutcome: 'not-modified', consecutiveFailures: 0 });
  });

  it('GIVEN the feed fails with 500 THEN the next checks back off (30, 60 min) and a success resets them', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.site.refuseFeed(500, 'news.example.org answered 500 Internal Server Error');
    await t.pass(15 * MINUTE);
    expect(t.service.list(GUILD)[0]).toMatchObject({
      lastOutcome: 'http-error',
      consecutiveFailures: 1,
      lastCheckedAt: '2026-12-01T10:15:00.000Z',
      nextCheckAt: '2026-12-01T10:45:00.000Z',
      lastMessage:
        'nothing delivered: could not fetch the feed: news.example.org answered 500 Internal Server Error; next try at 2026-12-01 10:45 UTC',
    });
    await t.pass(30 * MINUTE);
    expect(t.service.list(GUILD)[0]).toMatchObject({ consecutiveFailures: 2, nextCheckAt: '2026-12-01T11:45:00.000Z' });
    t.site.setFeed(null);
    t.site.publish(item(9));
    await t.pass(60 * MINUTE);
    expect(t.service.list(GUILD)[0]).toMatchObject({
      consecutiveFailures: 0,
      lastOutcome: 'new-items',
      nextCheckAt: '2026-12-01T12:00:00.000Z',
    });
    expect(t.announced.map((a) => a.articleId)).toEqual(['9']);
  });

  it('GIVEN 429 with Retry-After of two hours THEN the next check is not before it, and the status says so', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.site.refuseFeed(429, 'news.example.org answered 429 Too Many Requests', 120 * MINUTE);
    await t.pass(15 * MINUTE);
    expect(t.service.list(GUILD)[0]).toMatchObject({
      lastOutcome: 'http-error',
      nextCheckAt: '2026-12-01T12:15:00.000Z',
      lastMessage: expect.stringContaining('the server asked to wait: retry after 2026-12-01 12:15 UTC'),
    });
    const requests = t.site.requests.length;
    await t.pass(119 * MINUTE);
    expect(t.site.requests).toHaveLength(requests);
    await t.pass(1 * MINUTE);
    expect(t.site.requests.length).toBeGreaterThan(requests);
  });

  it('GIVEN the feed turns into a web page THEN the status says it is not a feed', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.site.serveAtFeed('text/html', '<html><body>Moved</body></html>', null);
    await t.pass(15 * MINUTE);
    expect(t.service.list(GUILD)[0]).toMatchObject({
      lastOutcome: 'not-a-feed',
      lastMessage:
        'nothing delivered: that address (news.example.org) is a web page, not a feed: look for its RSS link; next try at 2026-12-01 10:45 UTC',
    });
  });

  it('GIVEN an item whose page fails THEN it is retried at the next checks and skipped after three attempts, with the reason', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    const timeout = { kind: 'refused', refusal: { code: 'timeout', message: 'news.example.org took longer than 10 seconds' } } as const;
    t.site.failPage('/stories/5', timeout);
    t.site.publish(item(5), item(6));
    await t.pass(15 * MINUTE);
    expect(t.announced.map((a) => a.articleId)).toEqual(['6']);
    expect(t.service.list(GUILD)[0]!.lastMessage).toBe(
      'delivered 1 new article; 1 item could not be stored and will be tried again: news.example.org took longer than 10 seconds',
    );
    await t.pass(15 * MINUTE);
    await t.pass(15 * MINUTE);
    expect(t.site.pageRequests('/stories/5')).toBe(3);
    expect(t.service.list(GUILD)[0]!.lastMessage).toContain('1 item skipped: news.example.org took longer than 10 seconds (3 attempts)');
    await t.pass(15 * MINUTE);
    expect(t.site.pageRequests('/stories/5')).toBe(3);
    expect(t.announced.map((a) => a.articleId)).toEqual(['6']);
  });

  it('GIVEN an item page that is missing (404) THEN it is skipped at once', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.site.failPage('/stories/5', {
      kind: 'refused',
      refusal: { code: 'http-error', status: 404, message: 'news.example.org answered 404 Not Found' },
    });
    t.site.publish(item(5));
    await t.pass(15 * MINUTE);
    expect(t.service.list(GUILD)[0]!.lastMessage).toBe(
      'nothing delivered since 2026-12-01 10:00 UTC; 1 item skipped: news.example.org answered 404 Not Found',
    );
  });

  it('GIVEN a feed that gives its items new ids on every fetch THEN items seen by their link are not fetched again', async () => {
    const t = setUp();
    t.site.publish(item(1), item(2));
    await addFeed(t);
    t.service.start();
    const renamed = rssOf([item(1), item(2)]).replace(/story-(\d)</g, 'uuid-$1-second-fetch<');
    t.site.serveAtFeed('application/rss+xml', renamed, null);
    await t.pass(15 * MINUTE);
    expect(t.site.pageRequests('/stories/1')).toBe(1);
    expect(t.announced).toEqual([]);
    expect(t.service.list(GUILD)[0]).toMatchObject({ lastOutcome: 'nothing-new', itemsSeen: 2 });
  });

  it('GIVEN a new item the library has already (the same story from another feed) THEN it is not announced', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.library.preStore(GUILD, 'https://news.example.org/stories/7');
    t.site.publish(item(7));
    await t.pass(15 * MINUTE);
    expect(t.announced).toEqual([]);
    expect(t.service.list(GUILD)[0]!.lastMessage).toContain('1 new item was already in the library');
  });

  it('GIVEN an attempt interrupted after the article was stored THEN the restarted service announces it (once)', async () => {
    const t = setUp();
    await addFeed(t);
    // The state a crash leaves: the attempt counted on disk, the article stored, nothing announced or seen.
    const file = join(dataDir, 'guilds', GUILD, 'feeds.json');
    const state = JSON.parse(await readFile(file, 'utf8'));
    state.feeds[0].pending = { 'story-8': { attempts: 1, lastError: null } };
    await t.service.stop();
    await writeFile(file, JSON.stringify(state));
    t.library.preStore(GUILD, 'https://news.example.org/stories/8');
    t.site.publish(item(8));
    const second = t.open();
    second.start();
    await t.pass(15 * MINUTE, second);
    expect(t.announced.map((a) => a.articleId)).toEqual(['8']);
  });

  it('GIVEN the announcer cannot record an announcement THEN the item is tried again at the next check and announced once', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.site.publish(item(4));
    t.failAnnouncements(new Error('disk full'));
    await t.pass(15 * MINUTE);
    expect(t.announced).toEqual([]);
    expect(t.service.list(GUILD)[0]!.lastMessage).toContain('could not queue the announcement (disk full)');
    t.failAnnouncements(null);
    await t.pass(15 * MINUTE);
    await t.pass(15 * MINUTE);
    expect(t.announced.map((a) => a.articleId)).toEqual(['4']);
  });

  it('GIVEN feeds.json cannot be written during a check THEN the error is logged, nothing crashes, and the feed is tried again later', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    // A directory (not empty) where the file should be: every write fails.
    const file = join(dataDir, 'guilds', GUILD, 'feeds.json');
    await rm(file);
    await mkdir(join(file, 'blocked'), { recursive: true });
    t.site.publish(item(1));
    await t.pass(15 * MINUTE);
    expect(t.lines.some((l) => l.includes('feed check failed'))).toBe(true);
    expect(t.service.list(GUILD)[0]).toMatchObject({ consecutiveFailures: 1 });
    expect(t.time.dueTimes()).toHaveLength(1);
  });

  it('GIVEN the service stops during a check THEN stop waits for it, writes the state, and nothing is checked after', async () => {
    const t = setUp();
    await addFeed(t);
    t.service.start();
    t.site.publish(item(1), item(2));
    t.time.advance(15 * MINUTE);
    await t.service.stop();
    const requests = t.site.requests.length;
    expect(t.time.dueTimes()).toEqual([]);
    await t.pass(60 * MINUTE);
    expect(t.site.requests).toHaveLength(requests);
    // Whatever the check took is either announced and seen, or neither.
    const state = JSON.parse(await readFile(join(dataDir, 'guilds', GUILD, 'feeds.json'), 'utf8'));
    const seen = new Set(state.feeds[0].seen);
    for (const a of t.announced) expect(seen.has(`story-${a.articleId}`)).toBe(true);
  });
});

describe('removing and listing', () => {
  it('GIVEN a feed removed THEN it is no longer listed nor checked', async () => {
    const t = setUp();
    const { feed } = await addFeed(t);
    t.service.start();
    expect(await t.service.remove(GUILD, feed.id)).toMatchObject({ id: feed.id });
    expect(t.service.list(GUILD)).toEqual([]);
    const requests = t.site.requests.length;
    await t.pass(60 * MINUTE);
    expect(t.site.requests).toHaveLength(requests);
    expect(await t.service.remove(GUILD, feed.id)).toMatchObject({ error: { code: 'unknown-feed' } });
  });

  it('GIVEN a feed removed while its check waits on item pages THEN the check stops, nothing is announced, and the feed stays removed', async () => {
    const t = setUp();
    const { feed } = await addFeed(t);
    t.service.start();
    t.site.hangPages(true);
    t.site.publish(item(1), item(2));
    t.time.advance(15 * MINUTE);
    await until(() => t.site.pageRequests('/stories/1') > 0, { what: 'the first item page requested' });
    expect(await t.service.remove(GUILD, feed.id)).toMatchObject({ id: feed.id });
    await t.service.idle();
    expect(t.announced).toEqual([]);
    expect(t.service.list(GUILD)).toEqual([]);
    const state = JSON.parse(await readFile(join(dataDir, 'guilds', GUILD, 'feeds.json'), 'utf8'));
    expect(state.feeds).toEqual([]);
    expect(t.time.dueTimes()).toEqual([]);
  });

  it('GIVEN another server THEN it sees none of this server’s feeds', async () => {
    const t = setUp();
    await addFeed(t);
    expect(t.service.list('333333333333333333')).toEqual([]);
    expect(await t.service.remove('333333333333333333', t.site.feedUrl)).toMatchObject({ error: { code: 'unknown-feed' } });
  });

  it('GIVEN an invalid feeds.json THEN one warning, a copy kept, and the server can add feeds again', async () => {
    const t = setUp();
    await mkdir(join(dataDir, 'guilds', GUILD), { recursive: true });
    await writeFile(join(dataDir, 'guilds', GUILD, 'feeds.json'), '{"version": 1, "feeds": [{"id": "oops"}]}');
    t.service.start();
    expect(t.service.list(GUILD)).toEqual([]);
    expect(t.lines.filter((l) => l.includes('feeds.json is invalid'))).toHaveLength(1);
    const files = await readdir(join(dataDir, 'guilds', GUILD));
    expect(files.filter((f) => f.startsWith('feeds.json.invalid-'))).toHaveLength(1);
    await addFeed(t);
    expect(t.service.list(GUILD)).toHaveLength(1);
  });
});

describe('under sharding: each shard polls the servers it owns', () => {
  const OTHER = '333333333333333333';
  const ownsOnly = (guildId: string) => (id: string) => id === guildId;

  it('GIVEN a shard that does not own the server THEN its start neither fetches nor announces the feed, and the owner polls it', async () => {
    const t = setUp();
    t.site.publish(item(1));
    await addFeed(t);
    await t.service.stop();
    const feedRequests = () => t.site.requests.filter((r) => r.url === t.site.feedUrl).length;
    const before = feedRequests();

    const other = t.open(ownsOnly(OTHER));
    other.start();
    t.site.publish(item(2));
    await t.pass(60 * MINUTE, other);
    expect(feedRequests()).toBe(before);
    expect(t.announced).toEqual([]);
    expect(t.time.dueTimes()).toEqual([]);

    const owner = t.open(ownsOnly(GUILD));
    owner.start();
    await t.pass(0, owner);
    expect(feedRequests()).toBe(before + 1);
    expect(t.announced.map((a) => [a.guildId, a.articleId])).toEqual([[GUILD, '2']]);
  });

  it("GIVEN a shard that does not own the server THEN it never writes the server's feeds.json", async () => {
    const t = setUp();
    t.site.publish(item(1));
    await addFeed(t);
    await t.service.stop();
    const file = join(dataDir, 'guilds', GUILD, 'feeds.json');
    const written = await readFile(file, 'utf8');
    const other = t.open(ownsOnly(OTHER));
    other.start();
    t.site.publish(item(2));
    await t.pass(60 * MINUTE, other);
    await other.stop();
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  it('GIVEN the owning shard is running THEN a feed added through it is polled without a restart', async () => {
    const t = setUp();
    t.service.start();
    await t.service.stop();
    const owner = t.open(ownsOnly(GUILD));
    owner.start();
    t.site.publish(item(1));
    const added = await owner.add(GUILD, t.site.feedUrl, CHANNEL);
    if (isUserError(added)) throw new Error(added.error.message);
    t.site.publish(item(2));
    await t.pass(15 * MINUTE, owner);
    expect(t.announced.map((a) => a.articleId)).toEqual(['2']);
  });

  it('GIVEN a feed added through a shard that does not own the server THEN it is stored but that shard does not poll it', async () => {
    const t = setUp();
    await t.service.stop();
    const other = t.open(ownsOnly(OTHER));
    other.start();
    t.site.publish(item(1));
    const added = await other.add(GUILD, t.site.feedUrl, CHANNEL);
    if (isUserError(added)) throw new Error(added.error.message);
    expect(other.list(GUILD)).toHaveLength(1);
    expect(t.time.dueTimes()).toEqual([]);
    t.site.publish(item(2));
    await t.pass(60 * MINUTE, other);
    expect(t.announced).toEqual([]);
  });
});
