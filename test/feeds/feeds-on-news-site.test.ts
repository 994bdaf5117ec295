/**
 * End to end: the local news site → the real fetcher (private addresses allowed: the site is on
 * 127.0.0.1) → the real article library in a temp data folder → the feed service → recorded
 * announcements. Time is driven by a fake clock; the network and the disk are real.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedIdFor, normaliseFeedUrl } from '../../src/feeds/feed-id.ts';
import { openFeedService, type FeedAnnouncement, type FeedService } from '../../src/feeds/feed-service.ts';
import { openArticleLibrary } from '../../src/library/article-library.ts';
import { loadArticles } from '../../src/ingest/load-articles.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { createPageFetcher } from '../../src/web/fetch-page.ts';
import { generateStories } from '../support/news-site/generate-stories.ts';
import { NEWS_SITE_PATHS, startNewsSite, type NewsSite } from '../support/news-site/start-news-site.ts';
import { until } from '../support/until.ts';
import { createFakeTime } from './fakes.ts';

const GUILD = '444444444444444444';
const CHANNEL = '555555555555555555';
const MINUTE = 60_000;

let site: NewsSite;
let dataDir: string;
let services: FeedService[];

beforeAll(async () => {
  site = await startNewsSite({ slowMs: 2_000 });
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  // Each test starts from the site's own stories (tests add and replace items).
  site.resetFeeds();
  dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-feeds-e2e-'));
  services = [];
});
afterEach(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

function setUp() {
  const fetchPage = createPageFetcher({ allowPrivateUrls: true });
  const time = createFakeTime(Date.parse('2026-12-01T10:00:00Z'));
  const announced: FeedAnnouncement[] = [];
  const open = () => {
    const library = openArticleLibrary({ dataDir, fetchPage, clock: time.clock });
    const service = openFeedService({
      dataDir,
      fetchPage,
      library,
      announce: async (a) => void announced.push(a),
      clock: time.clock,
      timers: time.timers,
      log: pino({ level: 'silent' }),
    });
    services.push(service);
    return service;
  };
  return { time, announced, open };
}

/** Adds the site's RSS feed and starts polling; then the feed turns into 100 new stories and its next check comes (15 minutes on). */
async function pollHundredNewStories(t: ReturnType<typeof setUp>) {
  const service = t.open();
  const added = await service.add(GUILD, site.url(NEWS_SITE_PATHS.feeds.rss), CHANNEL);
  if (isUserError(added)) throw new Error(added.error.message);
  service.start();
  const stories = generateStories(100);
  site.setFeed('rss', stories);
  t.time.advance(15 * MINUTE);
  return { service, stories };
}

/** A subscription as feeds.json keeps it, for a feed added earlier that has since started failing. */
async function writeSubscription(path: string) {
  const url = normaliseFeedUrl(site.url(path))!;
  const record = {
    id: feedIdFor(url),
    url,
    title: 'The Callan Courier',
    channelId: CHANNEL,
    intervalMinutes: 15,
    addedAt: '2026-12-01T09:00:00.000Z',
    etag: null,
    lastModified: null,
    lastCheckedAt: '2026-12-01T09:45:00.000Z',
    nextCheckAt: '2026-12-01T10:00:00.000Z',
    lastDeliveredAt: null,
    failures: 0,
    lastOutcome: 'nothing-new',
    lastMessage: null,
    seen: [],
    pending: {},
    itemsSeen: 0,
    articlesAdded: 0,
  };
  await mkdir(join(dataDir, 'guilds', GUILD), { recursive: true });
  await writeFile(join(dataDir, 'guilds', GUILD, 'feeds.json'), JSON.stringify({ version: 1, feeds: [record] }));
  return record.id;
}

describe('feeds from the local news site', () => {
  it.each(['rss', 'atom', 'json'] as const)(
    'GIVEN the %s feed THEN adding stores its stories silently, each new story is announced once, and a restart repeats nothing',
    async (name) => {
      const t = setUp();
      const service = t.open();
      const added = await service.add(GUILD, site.url(NEWS_SITE_PATHS.feeds[name]), CHANNEL);
      if (isUserError(added)) throw new Error(added.error.message);
      expect(added.stored + added.alreadyStored).toBeGreaterThan(0);
      expect(added.failed).toBe(0);
      expect(t.announced).toEqual([]);
      service.start();

      const story = site.addItem(name);
      t.time.advance(15 * MINUTE);
      await service.idle();
      expect(t.announced).toHaveLength(1);
      expect(t.announced[0]).toMatchObject({ guildId: GUILD, channelId: CHANNEL, feedId: added.feed.id, link: site.url(story.path) });

      // The article is a file in the server's folder, which the loader reads back with the feed's headline.
      const { articles } = await loadArticles(dataDir);
      const article = articles.find((a) => a.id === t.announced[0]!.articleId);
      expect(article).toMatchObject({ scope: GUILD, title: story.headline });

      t.time.advance(15 * MINUTE);
      await service.idle();
      expect(service.list(GUILD)[0]).toMatchObject({ lastOutcome: 'not-modified', consecutiveFailures: 0 });
      expect(site.lastRequest(NEWS_SITE_PATHS.feeds[name])?.['if-none-match']).toMatch(/^"/);

      await service.stop();
      const again = t.open();
      again.start();
      const next = site.addItem(name);
      t.time.advance(15 * MINUTE);
      await again.idle();
      expect(t.announced.map((a) => a.link)).toEqual([site.url(story.path), site.url(next.path)]);
    },
  );

  it('GIVEN the same stories in two feeds of one server THEN each story is one article, announced once', async () => {
    const t = setUp();
    const service = t.open();
    for (const name of ['rss', 'atom'] as const) {
      const added = await service.add(GUILD, site.url(NEWS_SITE_PATHS.feeds[name]), CHANNEL);
      if (isUserError(added)) throw new Error(added.error.message);
    }
    service.start();
    const story = generateStories(130)[120]!;
    const shared = { ...story, path: '/news/extra/shared-story' };
    site.addItem('rss', shared);
    site.addItem('atom', shared);
    t.time.advance(15 * MINUTE);
    await service.idle();
    expect(t.announced.map((a) => a.link)).toEqual([site.url(shared.path)]);
    const files = await readdir(join(dataDir, 'guilds', GUILD));
    expect(files.filter((f) => f.endsWith('.md')).length).toBe(new Set(files.filter((f) => f.endsWith('.md'))).size);
  });

  it('GIVEN the 100-item feed THEN adding stores all 100 stories without announcing any', async () => {
    const t = setUp();
    const service = t.open();
    const added = await service.add(GUILD, site.url(NEWS_SITE_PATHS.feeds.big), CHANNEL);
    if (isUserError(added)) throw new Error(added.error.message);
    expect(added).toMatchObject({ stored: 100, alreadyStored: 0, failed: 0 });
    expect(added.feed.itemsSeen).toBe(100);
    expect(t.announced).toEqual([]);
    const md = (await readdir(join(dataDir, 'guilds', GUILD))).filter((f) => f.endsWith('.md'));
    expect(md).toHaveLength(100);
  }, 60_000);

  it('GIVEN a feed that turns into 100 new stories THEN each is announced once, oldest first', async () => {
    const t = setUp();
    const { service, stories } = await pollHundredNewStories(t);
    await service.idle();
    expect(t.announced).toHaveLength(100);
    const published = t.announced.map((a) => Date.parse(stories.find((s) => site.url(s.path) === a.link)!.published));
    expect(published).toEqual([...published].sort((a, b) => a - b));
    expect(new Set(t.announced.map((a) => a.articleId)).size).toBe(100);
    expect(service.list(GUILD)[0]).toMatchObject({ lastOutcome: 'new-items', lastMessage: 'delivered 100 new articles' });
  }, 60_000);

  it('GIVEN the service stops in the middle of 100 new stories THEN after a restart every story has been announced exactly once', async () => {
    const t = setUp();
    const { service, stories } = await pollHundredNewStories(t);
    await until(() => t.announced.length >= 10, { what: 'ten announcements', timeoutMs: 30_000 });
    await service.stop();
    const announcedBeforeStop = t.announced.length;
    expect(announcedBeforeStop).toBeLessThan(100);
    expect(service.list(GUILD)[0]!.lastMessage).toMatch(/left for the next check/);

    const again = t.open();
    again.start();
    t.time.advance(15 * MINUTE);
    await again.idle();
    expect(t.announced).toHaveLength(100);
    expect(new Set(t.announced.map((a) => a.link))).toEqual(new Set(stories.map((s) => site.url(s.path))));
    expect(new Set(t.announced.map((a) => a.articleId)).size).toBe(100);
  }, 60_000);

  it.each([
    ['answers 500', NEWS_SITE_PATHS.status(500), 'http-error', 'answered 500', 'next try at 2026-12-01 10:30 UTC'],
    [
      'answers 429 with Retry-After: 120 (shorter than the backoff)',
      NEWS_SITE_PATHS.status(429),
      'http-error',
      '429',
      'next try at 2026-12-01 10:30 UTC',
    ],
    [
      'has become a web page',
      NEWS_SITE_PATHS.notAFeed,
      'not-a-feed',
      'is a web page, not a feed; the page names its feed: ',
      'next try at',
    ],
    ['redirects to the cloud metadata address', NEWS_SITE_PATHS.redirectToMetadata, 'refused', '169.254.169.254', 'next try at'],
  ])('GIVEN a subscribed feed that %s THEN the status says why nothing was delivered', async (_name, path, outcome, reason, next) => {
    const t = setUp();
    const id = await writeSubscription(path);
    const service = t.open();
    service.start();
    t.time.advance(0);
    await service.idle();
    const [status] = service.list(GUILD);
    expect(status).toMatchObject({ id, lastOutcome: outcome, consecutiveFailures: 1 });
    expect(status!.lastMessage).toContain(reason);
    expect(status!.lastMessage).toContain(next);
    expect(t.announced).toEqual([]);
  });

  it('GIVEN adding a web page, an HTTP error or a refused address THEN each is refused with a clear message', async () => {
    const t = setUp();
    const service = t.open();
    expect(await service.add(GUILD, site.url(NEWS_SITE_PATHS.notAFeed), CHANNEL)).toEqual({
      error: {
        code: 'not-a-feed',
        message: `that address (${new URL(site.origin).host}) is a web page, not a feed; the page names its feed: ${site.url(NEWS_SITE_PATHS.feeds.rss)}`,
      },
    });
    expect(await service.add(GUILD, site.url(NEWS_SITE_PATHS.status(404)), CHANNEL)).toMatchObject({
      error: { code: 'fetch-failed', message: expect.stringContaining('404') },
    });
    expect(await service.add(GUILD, site.url(NEWS_SITE_PATHS.image), CHANNEL)).toMatchObject({ error: { code: 'not-a-feed' } });
    const strict = openFeedService({
      dataDir,
      fetchPage: createPageFetcher({ allowPrivateUrls: false }),
      library: openArticleLibrary({ dataDir, fetchPage: createPageFetcher({ allowPrivateUrls: false }) }),
      announce: async () => undefined,
      log: pino({ level: 'silent' }),
    });
    services.push(strict);
    expect(await strict.add(GUILD, site.url(NEWS_SITE_PATHS.feeds.rss), CHANNEL)).toMatchObject({
      error: { code: 'fetch-failed', message: expect.stringContaining('could not add the feed') },
    });
    expect(service.list(GUILD)).toEqual([]);
    expect(JSON.parse(await readFile(join(dataDir, 'guilds', GUILD, 'feeds.json'), 'utf8').catch(() => '{"feeds":[]}')).feeds).toEqual([]);
  });
});
