/** The local copy of the servers' articles a host owns, made to match the database at start. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorServerArticles } from '../../src/store/mirror-articles.ts';
import { openDatabase, type Database } from '../../src/store/pg/open-database.ts';
import { pgArticleRecords } from '../../src/store/pg/pg-article-records.ts';
import { createTestDatabase } from '../support/postgres.ts';

const OWNED = '111111111111111111';
const OTHER = '222222222222222222';
const testDatabase = await createTestDatabase();
let db: Database;
let dir: string;

beforeAll(async () => {
  if ('skip' in testDatabase) return;
  const opened = await openDatabase(testDatabase.url);
  if ('error' in opened) throw new Error(opened.error);
  db = opened;
  dir = await mkdtemp(join(tmpdir(), 'pilcrow-mirror-'));
});
afterAll(async () => {
  if ('skip' in testDatabase) return;
  await db?.close();
  await testDatabase.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf('skip' in testDatabase)('copying the servers a host owns from the database', () => {
  it('GIVEN server articles in DATA_DIR and none in the database THEN the start stops and nothing is removed', async () => {
    await mkdir(join(dir, 'guilds', OWNED), { recursive: true });
    await writeFile(join(dir, 'guilds', OWNED, 'by-hand.md'), '# By hand\n\nA story.\n');
    await expect(mirrorServerArticles(pgArticleRecords(db.pool), dir, () => true)).rejects.toThrow(/npm run migrate-to-postgres first/);
    expect(await readdir(join(dir, 'guilds', OWNED))).toEqual(['by-hand.md']);
  });

  it("GIVEN articles in the database THEN the owned server's folder gets them, loses one removed elsewhere, and another server's is left alone", async () => {
    const records = pgArticleRecords(db.pool);
    const added = { addedAt: '2026-12-01T10:00:00.000Z', keys: [] };
    await records.add({ ...added, guildId: OWNED, name: 'ferry-trial.md', body: '# Ferry trial\n\nThe trial starts.\n' });
    await records.add({ ...added, guildId: OTHER, name: 'bridge-vote.md', body: '# Bridge vote\n\nThe vote is on.\n' });
    const report = await mirrorServerArticles(records, dir, (guildId) => guildId === OWNED);
    expect(report).toEqual({ guilds: 1, written: 1, removed: 1 });
    expect(await readdir(join(dir, 'guilds', OWNED))).toEqual(['ferry-trial.md']);
    expect(await readFile(join(dir, 'guilds', OWNED, 'ferry-trial.md'), 'utf8')).toBe('# Ferry trial\n\nThe trial starts.\n');
    await expect(readdir(join(dir, 'guilds', OTHER))).rejects.toThrow(/ENOENT/);
    expect(await mirrorServerArticles(records, dir, (guildId) => guildId === OWNED)).toEqual({ guilds: 1, written: 0, removed: 0 });
  });
});
