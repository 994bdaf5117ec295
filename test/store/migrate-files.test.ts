/** `npm run migrate-to-postgres`: a file install copied into the database without re-announcing anything, and copied once however often it runs. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxFileStore } from '../../src/store/announcement-outbox.ts';
import { scheduleFile, writeSchedule } from '../../src/store/digest-schedule-file.ts';
import { feedIdFor } from '../../src/feeds/feed-id.ts';
import { feedsFile, writeGuildFeeds, type FeedRecord } from '../../src/store/guild-feeds-file.ts';
import { migrateFilesToPostgres } from '../../src/migrate-files.ts';
import { openDatabase, type Database } from '../../src/store/pg/open-database.ts';
import { pgArticleRecords } from '../../src/store/pg/pg-article-records.ts';
import { openPgFeedStore } from '../../src/store/pg/pg-feed-store.ts';
import { openPgOutbox } from '../../src/store/pg/pg-outbox-store.ts';
import { pgScheduleStore } from '../../src/store/pg/pg-schedule-store.ts';
import { createTestDatabase } from '../support/postgres.ts';

const G = '111111111111111111';
const testDatabase = await createTestDatabase();
let db: Database;
let dir: string;

const ARTICLE = `---
title: Harbour board approves night ferry trial
added: 2026-12-01T09:00:00.000Z
url: https://news.example/harbour-night-ferry
pilcrow:
  feed_item: item-7
  feed: https://news.example/feed.xml
---

# Harbour board approves night ferry trial

The harbour board on Monday approved a six-month trial of a late ferry to the islands, starting in January.

"Islanders have asked for an evening boat for years," said Orla Byrne, who chairs the board.

The trial will cost about 90,000 and be reviewed in June.
`;

const url = 'https://news.example/feed.xml';
const feed: FeedRecord = {
  id: feedIdFor(url),
  url,
  title: 'Example news',
  channelId: '333333333333333333',
  intervalMinutes: 15,
  addedAt: '2026-12-01T08:00:00.000Z',
  etag: '"v7"',
  lastModified: null,
  lastCheckedAt: '2026-12-01T09:00:00.000Z',
  nextCheckAt: '2026-12-01T09:15:00.000Z',
  lastDeliveredAt: '2026-12-01T09:00:00.000Z',
  failures: 0,
  lastOutcome: 'new-items',
  lastMessage: 'one new item',
  seen: ['item-6', 'item-7', 'https://news.example/harbour-night-ferry'],
  pending: {},
  itemsSeen: 2,
  articlesAdded: 1,
};

beforeAll(async () => {
  if ('skip' in testDatabase) return;
  const opened = await openDatabase(testDatabase.url);
  if ('error' in opened) throw new Error(opened.error);
  db = opened;
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-migrate-'));
  await mkdir(join(dir, 'data', 'guilds', G), { recursive: true });
  await writeFile(join(dir, 'data', 'guilds', G, 'harbour-board-approves-night-ferry-trial.md'), ARTICLE);
  await writeGuildFeeds(feedsFile(join(dir, 'data'), G), [feed]);
  await writeSchedule(scheduleFile(join(dir, 'data'), G), {
    channelId: '333333333333333333',
    time: '08:00',
    timezone: 'UTC',
    lastPostedAt: '2026-12-01T08:00:00.000Z',
    lastSlot: '2026-12-01T08:00:00.000Z',
    setAt: '2026-11-30T10:00:00.000Z',
  });
  await outboxFileStore(join(dir, 'cache', 'announcements.json')).write({
    announced: new Set([`${G}:an-older-story`]),
    queue: [
      {
        guildId: G,
        channelId: '333333333333333333',
        articleId: 'harbour-board-approves-night-ferry-trial',
        link: null,
        queuedAt: '2026-12-01T09:00:00.000Z',
        attemptedAt: null,
      },
    ],
  });
});
afterAll(async () => {
  if ('skip' in testDatabase) return;
  await db?.close();
  await testDatabase.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf('skip' in testDatabase)('migrate-to-postgres', () => {
  it('GIVEN a file install THEN its articles, feeds (with seen items), schedule (with its slot) and outbox are in the database, and a second run copies nothing', async () => {
    const options = { pool: db.pool, dataDir: join(dir, 'data'), cacheDir: join(dir, 'cache') };
    expect(await migrateFilesToPostgres(options)).toEqual({
      servers: 1,
      articles: 1,
      feeds: 1,
      schedules: 1,
      watches: 0,
      queued: 1,
      announced: 1,
      skipped: [],
    });
    const all = () => true;
    const [article] = await pgArticleRecords(db.pool).list(G);
    expect(article).toMatchObject({ name: 'harbour-board-approves-night-ferry-trial.md', body: ARTICLE });
    expect(article!.keys).toEqual(expect.arrayContaining([expect.stringMatching(/^url:/), expect.stringMatching(/^item:.*#item-7$/)]));
    expect((await openPgFeedStore({ pool: db.pool, owner: 't', ownsGuild: all })).read(G)).toEqual({ kind: 'valid', feeds: [feed] });
    const schedule = await pgScheduleStore({ pool: db.pool, owner: 't' }).read(G);
    expect(schedule.kind === 'valid' && schedule.schedule.lastSlot).toBe('2026-12-01T08:00:00.000Z');
    const outbox = await openPgOutbox({ pool: db.pool, owner: 't', ownsGuild: all });
    expect(outbox.initial.queue.map((item) => item.articleId)).toEqual(['harbour-board-approves-night-ferry-trial']);
    expect([...outbox.initial.announced]).toEqual([`${G}:an-older-story`]);

    const again = await migrateFilesToPostgres(options);
    expect(again).toMatchObject({ articles: 0, feeds: 0, schedules: 0, queued: 0, announced: 0 });
    expect(again.skipped).toEqual([
      `${G}/feeds.json: the server has feeds in the database already`,
      `${G}/digest.json: the server has a schedule in the database already`,
    ]);
    expect(await pgArticleRecords(db.pool).list(G)).toHaveLength(1);
  });
});
