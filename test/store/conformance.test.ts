/**
 * One table of behaviours run against both storage implementations — files (the embedded
 * default) and PostgreSQL — so they cannot drift; then what only a shared database does (two
 * processes: leases, claims, unique keys). PostgreSQL runs in a database of its own, dropped after.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  outboxFileStore,
  readOutbox,
  type OutboxState,
  type OutboxStore,
  type QueuedAnnouncement,
} from '../../src/store/announcement-outbox.ts';
import type { DigestSchedule } from '../../src/store/digest-schedule-file.ts';
import { feedIdFor } from '../../src/feeds/feed-id.ts';
import { rememberSeen, SEEN_MAX_AGE_MS, type FeedRecord } from '../../src/store/guild-feeds-file.ts';
import type { FeedStateStore } from '../../src/store/feed-state-store.ts';
import { fileFeedStore } from '../../src/store/file-feed-store.ts';
import { fileScheduleStore } from '../../src/store/file-schedule-store.ts';
import { openDatabase, type Database } from '../../src/store/pg/open-database.ts';
import { pgArticleRecords } from '../../src/store/pg/pg-article-records.ts';
import { openPgFeedStore } from '../../src/store/pg/pg-feed-store.ts';
import { openPgOutbox } from '../../src/store/pg/pg-outbox-store.ts';
import { pgScheduleStore } from '../../src/store/pg/pg-schedule-store.ts';
import { KEEP_ANNOUNCED_MS } from '../../src/store/retention.ts';
import type { ScheduleStore } from '../../src/store/schedule-store.ts';
import { fileWatchStore } from '../../src/store/file-watch-store.ts';
import { pgWatchStore } from '../../src/store/pg/pg-watch-store.ts';
import type { WatchStore } from '../../src/store/watch-store.ts';
import type { WatchRecord } from '../../src/store/watch-record.ts';
import { createTestDatabase } from '../support/postgres.ts';

const G1 = '111111111111111111';
const G2 = '222222222222222222';

function feed(url: string, overrides: Partial<FeedRecord> = {}): FeedRecord {
  return {
    id: feedIdFor(url),
    url,
    title: 'Example news',
    channelId: '333333333333333333',
    intervalMinutes: 15,
    addedAt: '2026-12-01T10:00:00.000Z',
    etag: null,
    lastModified: null,
    lastCheckedAt: null,
    nextCheckAt: null,
    lastDeliveredAt: null,
    failures: 0,
    lastOutcome: null,
    lastMessage: null,
    seen: ['item-1'],
    pending: {},
    itemsSeen: 1,
    articlesAdded: 0,
    ...overrides,
  };
}

const schedule: DigestSchedule = {
  channelId: '333333333333333333',
  time: '08:00',
  timezone: 'Europe/Paris',
  lastPostedAt: null,
  lastSlot: null,
  setAt: '2026-12-01T10:00:00.000Z',
};

function queued(guildId: string, articleId: string): QueuedAnnouncement {
  return { guildId, channelId: '333333333333333333', articleId, link: null, queuedAt: '2026-12-01T10:00:00.000Z', attemptedAt: null };
}

/** One process's view of a store: opening again is what a restarted process (or another host) sees. */
interface Opened {
  feeds: FeedStateStore;
  schedules: ScheduleStore;
  watches: WatchStore;
  outbox: { initial: OutboxState; store: OutboxStore };
}

interface Implementation {
  name: string;
  open(): Promise<Opened>;
  /** Makes every key announced so far `ms` older (files: their clock moves on; the database: the dates move back). */
  ageAnnounced(ms: number): Promise<void>;
}

const DAY_MS = 24 * 60 * 60_000;

const files: Implementation & { dir: string; clockOffsetMs: number } = {
  name: 'files',
  dir: '',
  clockOffsetMs: 0,
  async open() {
    const now = () => Date.now() + this.clockOffsetMs;
    const read = await readOutbox(join(this.dir, 'announcements.json'), { now });
    return {
      feeds: fileFeedStore(this.dir),
      schedules: fileScheduleStore(this.dir),
      watches: fileWatchStore(this.dir),
      outbox: {
        initial: read.kind === 'valid' ? read.state : { announced: new Set(), queue: [] },
        store: outboxFileStore(join(this.dir, 'announcements.json'), { now }),
      },
    };
  },
  async ageAnnounced(ms) {
    this.clockOffsetMs += ms;
  },
};

const testDatabase = await createTestDatabase();
let db: Database;
let hosts = 0;
/** A process on the database: its own owner (as another host would be). */
async function openOnDatabase(): Promise<Opened> {
  const owner = `host-${++hosts}`;
  const all = () => true;
  return {
    feeds: await openPgFeedStore({ pool: db.pool, owner, ownsGuild: all }),
    schedules: pgScheduleStore({ pool: db.pool, owner }),
    watches: pgWatchStore(db.pool),
    outbox: await openPgOutbox({ pool: db.pool, owner, ownsGuild: all }),
  };
}
const postgres: Implementation = {
  name: 'PostgreSQL',
  open: openOnDatabase,
  async ageAnnounced(ms) {
    await db.pool.query("UPDATE announced SET announced_at = announced_at - $1 * interval '1 millisecond'", [ms]);
  },
};

beforeAll(async () => {
  if ('skip' in testDatabase) return;
  const opened = await openDatabase(testDatabase.url);
  if ('error' in opened) throw new Error(opened.error);
  db = opened;
});
afterAll(async () => {
  if ('skip' in testDatabase) return;
  await db?.close();
  await testDatabase.drop();
});

async function emptyDatabase(): Promise<void> {
  await db.pool.query('TRUNCATE feeds, digest_schedules, watches, announcement_queue, announced, articles, article_keys');
}

const implementations = [files, ...('skip' in testDatabase ? [] : [postgres])];

describe.each(implementations)('the $name store', (impl) => {
  beforeEach(async () => {
    files.dir = await mkdtemp(join(tmpdir(), 'pilcrow-store-'));
    files.clockOffsetMs = 0;
    if (impl === postgres) await emptyDatabase();
  });
  afterEach(async () => {
    await rm(files.dir, { recursive: true, force: true });
  });

  it('GIVEN nothing stored THEN a server has no feeds, no schedule and the outbox is empty', async () => {
    const store = await impl.open();
    expect(store.feeds.read(G1)).toEqual({ kind: 'missing' });
    expect(await store.schedules.read(G1)).toEqual({ kind: 'missing' });
    expect(store.outbox.initial.queue).toEqual([]);
  });

  it("GIVEN watches written THEN the next process reads them back per server, never another server's", async () => {
    const first = await impl.open();
    expect(await first.watches.read(G1)).toEqual({ kind: 'missing' });
    const watch = (id: string, overrides: Partial<WatchRecord> = {}): WatchRecord => ({
      id,
      kind: 'person',
      value: 'Maria Okonkwo',
      quotedOnly: true,
      channelId: '333333333333333333',
      userId: '444444444444444444',
      addedAt: '2026-12-01T10:00:00.000Z',
      paused: null,
      ...overrides,
    });
    const a = watch('w00000001');
    const b = watch('w00000002', { kind: 'topic', value: 'harbour strikes', quotedOnly: false, channelId: null, paused: 'closed' });
    const filter = { feedId: 'feed-1', kind: 'topic' as const, value: 'harbour', heldBack: 3 };
    await first.watches.write(G1, [a, b], [filter]);
    await first.watches.write(G2, [b]);
    const next = await impl.open();
    expect(await next.watches.read(G1)).toEqual({ kind: 'valid', watches: [a, b], feedFilters: [filter] });
    expect(await next.watches.read(G2)).toEqual({ kind: 'valid', watches: [b], feedFilters: [] });
    // A feed removed: its filter goes, the watches stay (WatchBook.removeFeedFilter).
    await next.watches.write(G1, [a, b], []);
    expect(await (await impl.open()).watches.read(G1)).toEqual({ kind: 'valid', watches: [a, b], feedFilters: [] });
    await next.watches.write(G1, []);
    expect(await (await impl.open()).watches.read(G1)).toEqual({ kind: 'valid', watches: [], feedFilters: [] });
    expect(await (await impl.open()).watches.read(G2)).toEqual({ kind: 'valid', watches: [b], feedFilters: [] });
    expect((await next.watches.guilds()).sort()).toEqual(expect.arrayContaining([G1, G2]));
  });

  it('GIVEN feeds written THEN the next process reads them back, in order, per server', async () => {
    const first = await impl.open();
    const a = feed('https://a.example/feed.xml');
    const b = feed('https://b.example/feed.xml', { addedAt: '2026-12-01T11:00:00.000Z' });
    await first.feeds.write(G1, [a, b]);
    await first.feeds.write(G2, [b]);
    const next = await impl.open();
    expect(next.feeds.read(G1)).toEqual({ kind: 'valid', feeds: [a, b] });
    expect(next.feeds.read(G2)).toEqual({ kind: 'valid', feeds: [b] });
    expect(next.feeds.guilds().sort()).toEqual([G1, G2]);
  });

  it('GIVEN a feed changed and another removed THEN the next process sees exactly that', async () => {
    const first = await impl.open();
    const a = feed('https://a.example/feed.xml');
    const b = feed('https://b.example/feed.xml', { addedAt: '2026-12-01T11:00:00.000Z' });
    await first.feeds.write(G1, [a, b]);
    const seen = { ...a, seen: ['item-1', 'item-2'], itemsSeen: 2, lastOutcome: 'new-items' as const };
    await first.feeds.write(G1, [seen]);
    expect((await impl.open()).feeds.read(G1)).toEqual({ kind: 'valid', feeds: [seen] });
  });

  it('GIVEN seen items pruned by age THEN the next process still has every item the feed lists, however old, and not the ones it dropped long ago', async () => {
    const first = await impl.open();
    const addedAt = Date.parse('2026-01-01T10:00:00.000Z');
    const a = feed('https://a.example/feed.xml', { seen: [], itemsSeen: 0 });
    // Added with three items; the feed keeps listing "evergreen", drops "dropped" at once and "recent" later.
    const items = ['evergreen', 'dropped', 'recent'].map((id) => ({ id, link: null }));
    rememberSeen(a, items, new Set(['evergreen', 'dropped', 'recent']), addedAt);
    await first.feeds.write(G1, [a]);
    const second = await impl.open();
    const read = second.feeds.read(G1);
    if (read.kind !== 'valid') throw new Error('expected feeds');
    const checked = read.feeds[0]!;
    const later = addedAt + SEEN_MAX_AGE_MS + 2000;
    const lastListedRecent = later - 24 * 60 * 60 * 1000;
    rememberSeen(checked, [], new Set(['evergreen', 'recent']), lastListedRecent);
    rememberSeen(checked, [], new Set(['evergreen']), later);
    await second.feeds.write(G1, [checked]);
    const after = (await impl.open()).feeds.read(G1);
    expect(after.kind === 'valid' && after.feeds[0]).toMatchObject({
      seen: ['evergreen', 'recent'],
      seenAt: { evergreen: new Date(later).toISOString(), recent: new Date(lastListedRecent).toISOString() },
    });
  });

  it('GIVEN a free feed THEN its lease is granted, and granted again after release', async () => {
    const store = await impl.open();
    const a = feed('https://a.example/feed.xml');
    await store.feeds.write(G1, [a]);
    expect((await store.feeds.lease(G1, a.id)).kind).toBe('held');
    await store.feeds.release(G1, a.id);
    expect((await store.feeds.lease(G1, a.id)).kind).toBe('held');
  });

  it('GIVEN a schedule set, changed and turned off THEN the next process reads each state', async () => {
    const store = await impl.open();
    await store.schedules.write(G1, schedule);
    expect(await (await impl.open()).schedules.read(G1)).toEqual({ kind: 'valid', schedule });
    const posted = { ...schedule, lastSlot: '2026-12-02T07:00:00.000Z', lastPostedAt: '2026-12-02T07:00:01.000Z' };
    await store.schedules.write(G1, posted);
    expect(await (await impl.open()).schedules.read(G1)).toEqual({ kind: 'valid', schedule: posted });
    expect(await store.schedules.guilds()).toContain(G1);
    await store.schedules.remove(G1);
    expect(await (await impl.open()).schedules.read(G1)).toEqual({ kind: 'missing' });
  });

  it('GIVEN a slot not posted THEN the only process may post it', async () => {
    const store = await impl.open();
    await store.schedules.write(G1, schedule);
    expect(await store.schedules.claimSlot(G1, '2026-12-02T07:00:00.000Z')).toBe(true);
  });

  it('GIVEN announcements queued, one then announced THEN the next process has the rest queued and the key announced', async () => {
    const first = await impl.open();
    const one = queued(G1, 'story-one');
    const two = queued(G1, 'story-two');
    await first.outbox.store.write({ announced: new Set(), queue: [one, two] });
    await first.outbox.store.write({ announced: new Set([`${G1}:story-one`]), queue: [two] });
    const next = await impl.open();
    expect(next.outbox.initial.queue).toEqual([two]);
    expect([...next.outbox.initial.announced]).toEqual([`${G1}:story-one`]);
  });

  it('GIVEN an attempt recorded on a queued announcement THEN the next process sees the attempt', async () => {
    const first = await impl.open();
    const one = queued(G1, 'story-one');
    await first.outbox.store.write({ announced: new Set(), queue: [one] });
    const attempted = { ...one, attemptedAt: '2026-12-01T10:00:05.000Z' };
    await first.outbox.store.write({ announced: new Set(), queue: [attempted] });
    expect((await impl.open()).outbox.initial.queue).toEqual([attempted]);
  });

  it('GIVEN a queued announcement THEN its only process may post it', async () => {
    const store = await impl.open();
    const one = queued(G1, 'story-one');
    await store.outbox.store.write({ announced: new Set(), queue: [one] });
    expect((await store.outbox.store.claim?.(one)) ?? 'mine').toBe('mine');
  });

  it('GIVEN keys announced 181 and 179 days ago THEN the next process forgets the older only, and so does storage after its write', async () => {
    const first = await impl.open();
    await first.outbox.store.write({ announced: new Set([`${G1}:story-old`]), queue: [] });
    await impl.ageAnnounced(2 * DAY_MS);
    await first.outbox.store.write({ announced: new Set([`${G1}:story-old`, `${G1}:story-recent`]), queue: [] });
    await impl.ageAnnounced(KEEP_ANNOUNCED_MS - DAY_MS);
    const next = await impl.open();
    expect([...next.outbox.initial.announced]).toEqual([`${G1}:story-recent`]);
    await next.outbox.store.write(next.outbox.initial);
    await impl.ageAnnounced(DAY_MS / 2);
    expect([...(await impl.open()).outbox.initial.announced]).toEqual([`${G1}:story-recent`]);
  });
});

describe('the outbox file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pilcrow-outbox-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a file written before announced keys were dated THEN its keys are kept, dated at the next write and forgotten KEEP_ANNOUNCED_MS after it', async () => {
    const file = join(dir, 'announcements.json');
    await writeFile(file, JSON.stringify({ version: 1, announced: [`${G1}:story-one`], queue: [] }));
    const writtenAt = Date.parse('2026-12-01T10:00:00.000Z');
    const read = await readOutbox(file, { now: () => writtenAt + 10 * KEEP_ANNOUNCED_MS });
    expect(read.kind === 'valid' && [...read.state.announced]).toEqual([`${G1}:story-one`]);
    await outboxFileStore(file, { now: () => writtenAt }).write({ announced: new Set([`${G1}:story-one`]), queue: [] });
    expect(JSON.parse(await readFile(file, 'utf8')).announcedAt).toEqual({ [`${G1}:story-one`]: '2026-12-01T10:00:00.000Z' });
    const kept = await readOutbox(file, { now: () => writtenAt + KEEP_ANNOUNCED_MS });
    expect(kept.kind === 'valid' && kept.state.announced.size).toBe(1);
    const pruned = await readOutbox(file, { now: () => writtenAt + KEEP_ANNOUNCED_MS + 1 });
    expect(pruned.kind === 'valid' && pruned.state.announced.size).toBe(0);
  });
});

describe.skipIf('skip' in testDatabase)('two processes on one PostgreSQL', () => {
  beforeEach(async () => {
    await emptyDatabase();
  });

  it('GIVEN a feed one process checks THEN the other is told it is busy, and after release gets the latest record', async () => {
    const a = await openOnDatabase();
    const b = await openOnDatabase();
    const f = feed('https://a.example/feed.xml');
    await a.feeds.write(G1, [f]);
    const bFeeds = await openOnDatabase().then((o) => o.feeds);
    expect(await a.feeds.lease(G1, f.id)).toEqual({ kind: 'held', fresh: f });
    expect(await bFeeds.lease(G1, f.id)).toEqual({ kind: 'busy' });
    const checked = { ...f, seen: ['item-1', 'item-2'], itemsSeen: 2 };
    await a.feeds.write(G1, [checked]);
    await a.feeds.release(G1, f.id);
    expect(await bFeeds.lease(G1, f.id)).toEqual({ kind: 'held', fresh: checked });
    expect(await b.feeds.lease(G1, 'ffffffff')).toEqual({ kind: 'gone' });
  });

  it('GIVEN a process with an old copy of a feed THEN writing another feed of the server does not overwrite the newer check', async () => {
    const a = await openOnDatabase();
    const f = feed('https://a.example/feed.xml');
    const g = feed('https://b.example/feed.xml', { addedAt: '2026-12-01T11:00:00.000Z' });
    await a.feeds.write(G1, [f, g]);
    const b = await openOnDatabase();
    const checked = { ...f, seen: ['item-1', 'item-2'], itemsSeen: 2 };
    await a.feeds.write(G1, [checked, g]);
    const bRead = b.feeds.read(G1);
    if (bRead.kind !== 'valid') throw new Error('expected feeds');
    await b.feeds.write(G1, [bRead.feeds[0]!, { ...g, lastOutcome: 'nothing-new' }]);
    const read = (await openOnDatabase()).feeds.read(G1);
    expect(read.kind === 'valid' && read.feeds[0]).toEqual(checked);
  });

  it('GIVEN an announcement both processes have queued THEN one claims it, the other is told it is taken, then done once announced', async () => {
    const a = await openOnDatabase();
    const one = queued(G1, 'story-one');
    await a.outbox.store.write({ announced: new Set(), queue: [one] });
    const b = await openOnDatabase();
    expect(b.outbox.initial.queue).toEqual([one]);
    expect(await a.outbox.store.claim!(one)).toBe('mine');
    expect(await b.outbox.store.claim!(one)).toBe('taken');
    await a.outbox.store.write({ announced: new Set([`${G1}:story-one`]), queue: [] });
    expect(await b.outbox.store.claim!(one)).toBe('done');
    // Queued again later (the same story from another feed): not queued, it was announced.
    await b.outbox.store.write({ announced: new Set(), queue: [one] });
    expect((await openOnDatabase()).outbox.initial.queue).toEqual([]);
  });

  it('GIVEN a claim released after a failed post THEN another process may take the announcement', async () => {
    const a = await openOnDatabase();
    const one = queued(G1, 'story-one');
    await a.outbox.store.write({ announced: new Set(), queue: [one] });
    const b = await openOnDatabase();
    expect(await a.outbox.store.claim!(one)).toBe('mine');
    await a.outbox.store.release!(one);
    expect(await b.outbox.store.claim!(one)).toBe('mine');
  });

  it('GIVEN a slot one process claimed THEN the other may not post it, nor anyone once it is recorded', async () => {
    const a = await openOnDatabase();
    const b = await openOnDatabase();
    await a.schedules.write(G1, schedule);
    const slot = '2026-12-02T07:00:00.000Z';
    expect(await a.schedules.claimSlot(G1, slot)).toBe(true);
    expect(await b.schedules.claimSlot(G1, slot)).toBe(false);
    await a.schedules.write(G1, { ...schedule, lastSlot: slot });
    expect(await a.schedules.claimSlot(G1, slot)).toBe(false);
    // An old copy written by the other does not move the slot back.
    await b.schedules.write(G1, schedule);
    expect(await b.schedules.claimSlot(G1, slot)).toBe(false);
  });

  it.each([
    ['the same feed item', ['item:feed#1'], ['item:feed#1'], 'existing'],
    ['the same URL', ['url:a.example/story', 'hash:x'], ['url:a.example/story'], 'existing'],
    ['different keys', ['url:a.example/story'], ['url:a.example/other'], 'name-taken'],
  ])('GIVEN an article stored and another with %s under the same name THEN the second is %s', async (_, keys1, keys2, outcome) => {
    const records = pgArticleRecords(db.pool);
    const article = { guildId: G1, name: 'story.md', body: '# Story\n\nText.\n', addedAt: '2026-12-01T10:00:00.000Z', keys: keys1 };
    expect(await records.add(article)).toEqual({ kind: 'stored' });
    const second = await records.add({ ...article, body: '# Other\n', keys: keys2 });
    expect(second.kind).toBe(outcome);
    if (second.kind === 'existing') expect(second.article.body).toBe(article.body);
  });

  it('GIVEN articles of two servers THEN each lists its own, a name is unique across servers, and a removed one is gone with its keys', async () => {
    const records = pgArticleRecords(db.pool);
    const base = { body: '# Story\n', addedAt: '2026-12-01T10:00:00.000Z' };
    expect(await records.add({ ...base, guildId: G1, name: 'story.md', keys: ['url:a'] })).toEqual({ kind: 'stored' });
    expect(await records.add({ ...base, guildId: G2, name: 'story.md', keys: ['url:a'] })).toEqual({ kind: 'name-taken' });
    expect(await records.add({ ...base, guildId: G2, name: 'story-2.md', keys: ['url:a'] })).toEqual({ kind: 'stored' });
    expect((await records.list(G1)).map((a) => a.name)).toEqual(['story.md']);
    expect(await records.guilds()).toEqual([G1, G2]);
    expect(await records.remove(G1, 'story.md')).toBe(true);
    expect(await records.add({ ...base, guildId: G1, name: 'story.md', keys: ['url:a'] })).toEqual({ kind: 'stored' });
  });
});

describe.skipIf('skip' in testDatabase)('migrations and connecting', () => {
  it('GIVEN an empty database and two processes starting at once THEN each migration is applied once', async () => {
    const fresh = await createTestDatabase();
    if ('skip' in fresh) throw new Error(fresh.skip);
    try {
      const opened = await Promise.all([openDatabase(fresh.url), openDatabase(fresh.url)]);
      const applied = opened.flatMap((o) => ('error' in o ? [o.error] : o.applied));
      expect(applied).toEqual(['001-server-data.sql', '002-watches.sql']);
      const again = await openDatabase(fresh.url);
      expect('error' in again ? again.error : again.applied).toEqual([]);
      for (const o of [...opened, again]) if (!('error' in o)) await o.close();
    } finally {
      await fresh.drop();
    }
  });

  it('GIVEN a database that cannot be reached THEN opening is one line naming where, without the password', async () => {
    const opened = await openDatabase('postgres://pilcrow:s3cret@127.0.0.1:9/pilcrow', { connectTimeoutMs: 2000 });
    expect(opened).toEqual({
      error: expect.stringMatching(/^cannot reach the database at 127\.0\.0\.1:9\/pilcrow \(DATABASE_URL\): .*ECONNREFUSED/),
    });
    expect(JSON.stringify(opened)).not.toContain('s3cret');
  });
});
