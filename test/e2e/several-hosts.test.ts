/**
 * Several hosts on one PostgreSQL, end to end: real bot processes (`src/main.ts` with
 * DATABASE_URL, the environment a ShardingManager gives a shard) against the fake Discord and
 * the local news site. Host B runs the shard of the fake server, follows a feed and is killed
 * (SIGKILL) with an announcement queued; host A then starts with shards 0 and 1 on a fresh
 * machine (empty cache, a data folder with only the shared article) and, at the feed's next
 * check, announces every item exactly once — B's queued one and the one published meanwhile —
 * and `/article list` shows the server's articles. Then two hosts that both believe they own the
 * server start at once with a story queued and the feed due: one checks, one posts each story.
 * Each wait is bounded: it fails, never hangs.
 * (The fake Discord has one server, so "servers on both hosts" is one server moving between them.)
 */
import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOfGuild } from '../../src/bot/shard-of-guild.ts';
import { openDatabase, type Database } from '../../src/store/pg/open-database.ts';
import { NEWS_SITE_PATHS, startNewsSite, type NewsSite } from '../support/news-site/start-news-site.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { REPO_ROOT as root, spawnEntry } from '../support/spawn-entry.ts';
import { until } from '../support/until.ts';
import { startFakeDiscord, type FakeDiscord, type InteractionReply } from './fake-discord/index.ts';

const SHARED_ARTICLE = 'putin-belarus-transition.txt';
const testDatabase = await createTestDatabase();

let fake: FakeDiscord;
let site: NewsSite;
let db: Database;
let work: string;
const hosts: ChildProcess[] = [];

interface Host {
  child: ChildProcess;
  output: () => string;
}

/** A fresh machine: a data folder holding only the shared article, an empty cache. */
async function freshMachine(name: string): Promise<{ DATA_DIR: string; CACHE_DIR: string }> {
  const dataDir = path.join(work, name, 'data');
  await mkdir(dataDir, { recursive: true });
  await copyFile(path.join(root, 'data', SHARED_ARTICLE), path.join(dataDir, SHARED_ARTICLE));
  return { DATA_DIR: dataDir, CACHE_DIR: path.join(work, name, 'cache') };
}

/** A bot process running `shards` of 2 (as a ShardingManager starts one: its environment and an IPC channel); resolves once it has logged in. */
async function startHost(shards: number[], machine: { DATA_DIR: string; CACHE_DIR: string }): Promise<Host> {
  if ('skip' in testDatabase) throw new Error(testDatabase.skip);
  const logins = fake.sessions.logins;
  const child = spawnEntry('src/main.ts', [], {
    env: {
      ...machine,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: testDatabase.url,
      ALLOW_PRIVATE_URLS: 'true',
      LOG_LEVEL: 'info',
      SHARDING_MANAGER: 'true',
      SHARDING_MANAGER_MODE: 'process',
      SHARDS: JSON.stringify(shards),
      SHARD_COUNT: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  hosts.push(child);
  let text = '';
  child.stdout!.on('data', (d) => (text += String(d)));
  child.stderr!.on('data', (d) => (text += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    until(() => fake.sessions.logins >= logins + shards.length && /"msg":"bot ready"/.test(text), {
      timeoutMs: 60_000,
      what: `the host of shards ${shards.join(', ')} to be ready`,
    }),
    exited.then(() => {
      throw new Error(`the host of shards ${shards.join(', ')} exited:\n${text}`);
    }),
  ]);
  return { child, output: () => text };
}

/** What the member finally sees of a reply (the callback's data, or the edit of a deferral). */
async function finalBody(reply: InteractionReply): Promise<any> {
  if (reply.callback.type !== 5) return reply.callback.data;
  await fake.waitForLater(reply, (later) => later.some((r) => r.method === 'PATCH' || r.method === 'POST'), 30_000);
  return reply.later.find((r) => r.method === 'PATCH' || r.method === 'POST')!.body;
}

const newsChannel = (): string => fake.channels.find((c) => c.name === 'news')!.id;
const postsOf = (story: { headline: string }): unknown[] =>
  fake.channelMessages(newsChannel()).filter((post: any) => post.embeds?.[0]?.title?.includes(story.headline.slice(0, 30)));
const count = async (sql: string): Promise<number> => Number((await db.pool.query<{ n: string }>(sql)).rows[0]!.n);
/** The feed is due now: what its interval elapsing does, without waiting five minutes. */
const makeFeedDue = () =>
  db.pool.query(`UPDATE feeds SET record = jsonb_set(record, '{nextCheckAt}', to_jsonb($1::text))`, [new Date().toISOString()]);

beforeAll(async () => {
  if ('skip' in testDatabase) return;
  work = await mkdtemp(path.join(tmpdir(), 'pilcrow-hosts-'));
  fake = await startFakeDiscord({ channels: [{ name: 'news' }] });
  site = await startNewsSite();
  const opened = await openDatabase(testDatabase.url);
  if ('error' in opened) throw new Error(opened.error);
  db = opened;
}, 60_000);

afterAll(async () => {
  for (const child of hosts) child.kill('SIGKILL');
  await db?.close();
  await fake?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
  if (!('skip' in testDatabase)) await testDatabase.drop();
});

describe.skipIf('skip' in testDatabase)('several hosts on one PostgreSQL', () => {
  it('GIVEN host B killed with an announcement queued THEN host A, started with both shards on a fresh machine, announces every item exactly once and serves the articles', async () => {
    const serverShard = shardOfGuild(fake.guildId, 2);

    // Host B runs the server's shard; an admin follows the site's feed there.
    const machineB = await freshMachine('b');
    let b = await startHost([serverShard], machineB);
    const added = await finalBody(
      await fake.slash(
        'feed',
        { url: site.url(NEWS_SITE_PATHS.feeds.rss), channel: newsChannel(), interval: 5 },
        { userId: fake.adminUserId, subcommand: 'add', channelOptionIds: ['channel'], timeoutMs: 15_000 },
      ),
    );
    expect(String(added.content)).toMatch(/^Following \*\*.+\*\*/);
    const current = await count('SELECT count(*) AS n FROM articles');
    expect(current).toBeGreaterThan(0);
    b.child.kill('SIGTERM');
    await new Promise((resolve) => b.child.once('exit', resolve));

    // A story is published; Discord refuses posts for now, so B's announcement of it stays queued.
    const first = site.addItem('rss');
    const unfault = fake.fault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500 });
    await makeFeedDue();
    b = await startHost([serverShard], machineB);
    await until(async () => (await count('SELECT count(*) AS n FROM announcement_queue')) === 1, {
      timeoutMs: 60_000,
      what: `B to queue the announcement of the new story:\n${b.output().slice(-3000)}`,
    });
    await until(async () => (await count('SELECT count(*) AS n FROM feeds WHERE lease_owner IS NULL')) === 1, {
      timeoutMs: 30_000,
      what: "B to finish the feed's check",
    });
    b.child.kill('SIGKILL');
    await new Promise((resolve) => b.child.once('exit', resolve));
    expect(postsOf(first)).toEqual([]);

    // Meanwhile another story is published, and Discord takes posts again.
    const second = site.addItem('rss');
    unfault();
    await makeFeedDue();
    const a = await startHost([0, 1], await freshMachine('a'));

    await until(() => postsOf(first).length > 0 && postsOf(second).length > 0, {
      timeoutMs: 90_000,
      what: `host A to announce both stories:\n${a.output().slice(-3000)}`,
    });
    await until(async () => (await count('SELECT count(*) AS n FROM announcement_queue')) === 0, {
      timeoutMs: 30_000,
      what: 'the outbox to be empty',
    });
    expect(postsOf(first)).toHaveLength(1);
    expect(postsOf(second)).toHaveLength(1);
    expect(fake.channelMessages(newsChannel())).toHaveLength(2);
    // Each story's page was fetched once: B stored the first, A only the second.
    expect(site.hits(first.path)).toBe(1);
    expect(site.hits(second.path)).toBe(1);
    expect(await count('SELECT count(*) AS n FROM articles')).toBe(current + 2);

    const list = await finalBody(await fake.slash('article', {}, { userId: fake.adminUserId, subcommand: 'list', timeoutMs: 15_000 }));
    const shown = JSON.stringify(list);
    expect(shown).toContain(first.headline.slice(0, 30));
    expect(shown).toContain(second.headline.slice(0, 30));
    a.child.kill('SIGTERM');
    await new Promise((resolve) => a.child.once('exit', resolve));
  }, 240_000);

  it('GIVEN two hosts that both believe they own the server (a reshard) with one announcement queued and the feed due THEN the feed is checked once and each story posted once', async () => {
    const serverShard = shardOfGuild(fake.guildId, 2);
    const posts = fake.channelMessages(newsChannel()).length;
    // A host queues a story it cannot post yet, and dies.
    const third = site.addItem('rss');
    const unfault = fake.fault({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500 });
    await makeFeedDue();
    const dying = await startHost([serverShard], await freshMachine('c'));
    await until(async () => (await count('SELECT count(*) AS n FROM announcement_queue')) === 1, {
      timeoutMs: 60_000,
      what: `a host to queue the announcement of the third story:\n${dying.output().slice(-3000)}`,
    });
    await until(async () => (await count('SELECT count(*) AS n FROM feeds WHERE lease_owner IS NULL')) === 1, {
      timeoutMs: 30_000,
      what: "the feed's check to finish",
    });
    dying.child.kill('SIGKILL');
    await new Promise((resolve) => dying.child.once('exit', resolve));

    // Two hosts start at once, both owning the server: both have the queued story and a due feed.
    const fourth = site.addItem('rss');
    unfault();
    await makeFeedDue();
    const [one, two] = await Promise.all([startHost([0, 1], await freshMachine('d')), startHost([serverShard], await freshMachine('e'))]);
    await until(() => postsOf(third).length > 0 && postsOf(fourth).length > 0, {
      timeoutMs: 90_000,
      what: `the two hosts to announce both stories:\n${one.output().slice(-2000)}\n${two.output().slice(-2000)}`,
    });
    await until(async () => (await count('SELECT count(*) AS n FROM announcement_queue')) === 0, {
      timeoutMs: 30_000,
      what: 'the outbox to be empty',
    });
    await until(async () => (await count('SELECT count(*) AS n FROM feeds WHERE lease_owner IS NULL')) === 1, {
      timeoutMs: 30_000,
      what: 'no check under way',
    });
    expect(postsOf(third)).toHaveLength(1);
    expect(postsOf(fourth)).toHaveLength(1);
    expect(fake.channelMessages(newsChannel())).toHaveLength(posts + 2);
    expect(site.hits(third.path)).toBe(1);
    expect(site.hits(fourth.path)).toBe(1);
  }, 240_000);
});
