/**
 * Moving up (`npm run migrate-to-postgres`): copies a file install — every server's article files,
 * feeds.json and digest.json, and the announcement outboxes of CACHE_DIR — into the database,
 * without re-announcing anything: seen items, validators, sent slots and announced keys come along.
 * Safe to run again: what the database has already is left as it is (a server's feeds or schedule
 * already there are not replaced; an article already recorded, by name or by key, is not copied twice).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import { outboxKey, readOutbox, type QueuedAnnouncement } from './store/announcement-outbox.ts';
import { readSchedule, scheduleFile } from './store/digest-schedule-file.ts';
import { feedsFile, readGuildFeeds } from './store/guild-feeds-file.ts';
import { createLibraryIndex } from './library/library-index.ts';
import { listGuildFolders } from './model/guilds-folder.ts';
import { articleRecordKeys } from './store/article-records.ts';
import { pgArticleRecords } from './store/pg/pg-article-records.ts';
import { openPgFeedStore } from './store/pg/pg-feed-store.ts';
import { openPgOutbox } from './store/pg/pg-outbox-store.ts';
import { pgScheduleStore } from './store/pg/pg-schedule-store.ts';
import { pgWatchStore } from './store/pg/pg-watch-store.ts';
import { fileWatchStore } from './store/file-watch-store.ts';

export interface MigrationReport {
  servers: number;
  articles: number;
  feeds: number;
  schedules: number;
  /** Watches copied (/watch, data/guilds/<id>/watches.json). */
  watches: number;
  queued: number;
  announced: number;
  /** What was not copied, and why (one line each). */
  skipped: string[];
}

/** Announcement outboxes in CACHE_DIR: announcements.json and one per shard. */
const OUTBOX_FILE = /^announcements(?:-shard-\d+)?\.json$/;

export async function migrateFilesToPostgres(options: { pool: Pool; dataDir: string; cacheDir: string }): Promise<MigrationReport> {
  const { pool, dataDir, cacheDir } = options;
  const report: MigrationReport = { servers: 0, articles: 0, feeds: 0, schedules: 0, watches: 0, queued: 0, announced: 0, skipped: [] };
  const owner = 'migrate-to-postgres';
  const all = () => true;
  const records = pgArticleRecords(pool);
  const feeds = await openPgFeedStore({ pool, owner, ownsGuild: all });
  const schedules = pgScheduleStore({ pool, owner });
  const watchStore = pgWatchStore(pool);
  const watchFiles = fileWatchStore(dataDir);
  const index = createLibraryIndex(dataDir);

  for (const guildId of await listGuildFolders(dataDir)) {
    report.servers += 1;
    const { files } = await index.scan([guildId]);
    for (const file of files) {
      const name = path.basename(file.file);
      const outcome = await records.add({
        guildId,
        name,
        body: await readFile(file.file, 'utf8'),
        addedAt: file.added ?? new Date(file.mtimeMs).toISOString(),
        // Content hashes are left out: a short text's hash may match another's; URL and feed item keys are exact.
        keys: articleRecordKeys({ urlKeys: file.urlKeys, feedItems: file.feedItems, hashes: [] }),
      });
      if (outcome.kind === 'stored') report.articles += 1;
      else if (outcome.kind === 'name-taken') report.skipped.push(`${guildId}/${name}: another article in the database has that name`);
      else if (outcome.article.name !== name)
        report.skipped.push(`${guildId}/${name}: the same story is in the database already (${outcome.article.name})`);
    }
    const read = readGuildFeeds(feedsFile(dataDir, guildId));
    if (read.kind === 'valid' && read.feeds.length > 0) {
      if (feeds.read(guildId).kind === 'valid') report.skipped.push(`${guildId}/feeds.json: the server has feeds in the database already`);
      else {
        await feeds.write(guildId, read.feeds);
        report.feeds += read.feeds.length;
      }
    } else if (read.kind === 'invalid' || read.kind === 'unreadable') report.skipped.push(`${guildId}/feeds.json: ${read.problem}`);
    const schedule = await readSchedule(scheduleFile(dataDir, guildId));
    if (schedule.kind === 'valid') {
      if ((await schedules.read(guildId)).kind === 'valid')
        report.skipped.push(`${guildId}/digest.json: the server has a schedule in the database already`);
      else {
        await schedules.write(guildId, schedule.schedule);
        report.schedules += 1;
      }
    } else if (schedule.kind === 'invalid') report.skipped.push(`${guildId}/digest.json: ${schedule.problem}`);
    const watches = await watchFiles.read(guildId);
    if (watches.kind === 'valid' && (watches.watches.length > 0 || (watches.feedFilters ?? []).length > 0)) {
      if ((await watchStore.read(guildId)).kind === 'valid')
        report.skipped.push(`${guildId}/watches.json: the server has watches in the database already`);
      else {
        await watchStore.write(guildId, watches.watches, watches.feedFilters ?? []);
        report.watches += watches.watches.length;
      }
    } else if (watches.kind === 'invalid') report.skipped.push(`${guildId}/watches.json: ${watches.problem}`);
  }

  const outbox = await openPgOutbox({ pool, owner, ownsGuild: all });
  const announced = new Set(outbox.initial.announced);
  const queue: QueuedAnnouncement[] = [...outbox.initial.queue];
  const queuedKeys = new Set(queue.map((item) => outboxKey(item)));
  for (const name of (await readdir(cacheDir).catch(() => [] as string[])).filter((n) => OUTBOX_FILE.test(n)).sort()) {
    const read = await readOutbox(path.join(cacheDir, name)).catch((err: unknown) => ({ kind: 'invalid' as const, problem: String(err) }));
    if (read.kind !== 'valid') {
      if (read.kind === 'invalid') report.skipped.push(`${name}: ${read.problem}`);
      continue;
    }
    for (const key of read.state.announced) {
      if (key.startsWith('shared:') || announced.has(key)) continue;
      announced.add(key);
      report.announced += 1;
    }
    for (const item of read.state.queue) {
      const key = outboxKey(item);
      if (item.guildId === null) report.skipped.push(`${name}: an announcement of a shared article stays in the file (${item.articleId})`);
      else if (!announced.has(key) && !queuedKeys.has(key)) {
        queue.push(item);
        queuedKeys.add(key);
        report.queued += 1;
      }
    }
  }
  await outbox.store.write({ announced, queue: queue.filter((item) => !announced.has(outboxKey(item))) });
  return report;
}
