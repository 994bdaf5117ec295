/**
 * The database lost while the bot runs: answers come from the loaded corpus (nothing here reads
 * the database), while adds and feed checks fail with a clear message and are tried again later;
 * nothing is half-written.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFeedService, type FeedAnnouncement } from '../../src/feeds/feed-service.ts';
import { openArticleLibrary } from '../../src/library/article-library.ts';
import { isUserError } from '../../src/model/user-error.ts';
import { fileFeedStore } from '../../src/store/file-feed-store.ts';
import { pgArticleRecords } from '../../src/store/pg/pg-article-records.ts';
import { createFakeLibrary, createFakeSite, createFakeTime, item } from '../feeds/fakes.ts';

const GUILD = '111111111111111111';
const MINUTE = 60_000;
/** A pool whose server is gone: every query fails as a lost database does (connection refused). */
const lostPool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:9/pilcrow', connectionTimeoutMillis: 2000 });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-lost-db-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await lostPool.end();
});

describe('the database lost while running', () => {
  it('GIVEN a feed check while the store cannot be reached THEN the check fails (nothing fetched, nothing announced) and the feed is checked again later', async () => {
    const site = createFakeSite();
    const library = createFakeLibrary();
    const time = createFakeTime();
    const announced: FeedAnnouncement[] = [];
    let lost = false;
    const files = fileFeedStore(dir);
    const service = openFeedService({
      dataDir: dir,
      store: { ...files, lease: (g, f) => (lost ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : files.lease(g, f)) },
      fetchPage: site.fetchPage,
      library: library.library,
      announce: async (a) => void announced.push(a),
      clock: time.clock,
      timers: time.timers,
      log: pino({ level: 'silent' }),
    });
    try {
      site.publish(item(1));
      const added = await service.add(GUILD, site.feedUrl, '222222222222222222');
      if (isUserError(added)) throw new Error(added.error.message);
      service.start();
      site.publish(item(2));
      lost = true;
      const stored = library.calls.length;
      const failed = await service.checkNow(GUILD, added.feed.id);
      expect(failed).toMatchObject({
        consecutiveFailures: 1,
        lastMessage: expect.stringMatching(
          /^nothing delivered: the check could not run \(connect ECONNREFUSED 127\.0\.0\.1:5432\); next try at /,
        ),
      });
      expect(library.calls).toHaveLength(stored);
      expect(announced).toEqual([]);

      lost = false;
      time.advance(60 * MINUTE);
      await service.idle();
      expect(announced.map((a) => a.link)).toEqual([expect.stringMatching(/\/stories\/2$/)]);
      expect(service.list(GUILD)[0]).toMatchObject({ consecutiveFailures: 0 });
    } finally {
      await service.stop();
    }
  });

  it('GIVEN an article added to a server while the database cannot be reached THEN the add fails with a message saying so, and no file is written', async () => {
    const library = openArticleLibrary({
      dataDir: dir,
      fetchPage: () => Promise.reject(new Error('not used')),
      records: pgArticleRecords(lostPool),
    });
    const text = [
      '# Council votes to extend the harbour night ferry trial',
      'The county council voted on Tuesday to extend the night ferry trial by six months after a rise in passengers.',
      '"The late boat has changed island life," said councillor Aine Rafferty, who proposed the motion.',
    ].join('\n\n');
    const result = await library.addFromFile({ name: 'ferry.md', bytes: new TextEncoder().encode(text) }, { scope: GUILD });
    expect(result).toMatchObject({
      error: {
        code: 'write-failed',
        message: expect.stringMatching(/could not be saved in the database \(.*ECONNREFUSED.*\); try again later/),
      },
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
