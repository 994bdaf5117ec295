/**
 * News in under sharding, wired as the bot wires it: the real news desk (library, feed service,
 * schedules, announcer) on a temporary data and cache folder, a fetcher over a table of pages, and
 * the shards given as discord.js's client.shard gives them.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDiscordNewsDesk } from '../../src/bot/discord-news-desk.ts';
import type { RunningNewsDesk } from '../../src/news/news-desk.ts';
import { shardOfGuild, type ShardSet } from '../../src/bot/shard-of-guild.ts';
import { runCommand } from '../../src/answers/run-command.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { corpusOf } from '../support/corpus.ts';
import { until } from '../support/until.ts';
import { createFakeSite, item } from '../feeds/fakes.ts';

const GUILD = '81384788765712384';
const CHANNEL = '222222222222222222';
const COUNT = 2;
const HOME = shardOfGuild(GUILD, COUNT);
const AWAY = (HOME + 1) % COUNT;

let root: string;
let dataDir: string;
let cacheDir: string;
const desks: RunningNewsDesk[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pilcrow-news-shards-'));
  dataDir = path.join(root, 'data');
  cacheDir = path.join(root, 'cache');
});
afterEach(async () => {
  for (const desk of desks.splice(0)) await desk.stop();
  await rm(root, { recursive: true, force: true });
});

function openDesk(site: ReturnType<typeof createFakeSite>, shards: ShardSet | null): RunningNewsDesk {
  const corpus = corpusOf([]);
  const desk = openDiscordNewsDesk({
    dataDir,
    cacheDir,
    allowPrivateUrls: false,
    client: { shard: null, channels: { fetch: async () => null } } as never,
    source: { current: () => corpus, onChange: () => undefined },
    run: runCommand,
    log: pino({ level: 'silent' }),
    fetchPage: site.fetchPage,
    shards,
  });
  desks.push(desk);
  return desk;
}

describe('news in under sharding', () => {
  it("GIVEN a server's feed that is due THEN the shard that does not own the server never fetches it, the owning shard does, each with its own outbox", async () => {
    const site = createFakeSite();
    site.publish(item(1));
    const first = openDesk(site, null);
    const added = await first.desk.feeds.add(GUILD, site.feedUrl, CHANNEL);
    if (isUserError(added)) throw new Error(added.error.message);
    await first.stop();
    desks.splice(0);
    // Due now: whichever shard polls it fetches it at once.
    const file = path.join(dataDir, 'guilds', GUILD, 'feeds.json');
    const state = JSON.parse(await readFile(file, 'utf8'));
    state.feeds[0].nextCheckAt = '2020-01-01T00:00:00.000Z';
    await writeFile(file, JSON.stringify(state));
    const feedFetches = () => site.requests.filter((r) => r.url === site.feedUrl).length;
    const before = feedFetches();

    const away = openDesk(site, { ids: [AWAY], count: COUNT });
    // Time driven by the test: whatever the shard schedules on start (a feed due in 2020 is due now) runs, then its checks end.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await away.start();
      vi.runOnlyPendingTimers();
    } finally {
      vi.useRealTimers();
    }
    await away.desk.feeds.idle();
    expect(feedFetches()).toBe(before);

    const home = openDesk(site, { ids: [HOME], count: COUNT });
    await home.start();
    await until(() => feedFetches() > before, { timeoutMs: 5000, what: 'the owning shard to fetch the feed' });
    expect(feedFetches()).toBe(before + 1);
    expect((await readdir(cacheDir)).filter((f) => f.startsWith('announcements')).sort()).toEqual([
      'announcements-shard-1.json',
      'announcements.json',
    ]);
  });
});
