/** `npm run add -- file --guild ID` with DATABASE_URL: the server's article is recorded in the database, not only written to its folder (which the bot remakes from the database). */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAddCommand } from '../../src/cli/add-command.ts';
import { openDatabase } from '../../src/store/pg/open-database.ts';
import { pgArticleRecords } from '../../src/store/pg/pg-article-records.ts';
import { createTestDatabase } from '../support/postgres.ts';

const G = '111111111111111111';
const testDatabase = await createTestDatabase();
const dir = await mkdtemp(join(tmpdir(), 'pilcrow-add-db-'));

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (!('skip' in testDatabase)) await testDatabase.drop();
});

describe.skipIf('skip' in testDatabase)('npm run add with DATABASE_URL', () => {
  it('GIVEN a file added for a server THEN it is recorded in the database and copied to the server folder; added again it is already there', async () => {
    if ('skip' in testDatabase) return;
    const source = join(dir, 'lighthouse.md');
    await writeFile(
      source,
      [
        '# Volunteers reopen the Carrick Point lighthouse to visitors',
        'The lighthouse at Carrick Point reopened to visitors on Saturday after volunteers spent two years repairing its lantern room.',
        '"We wanted people to climb it again," said Nuala Brennan, who leads the volunteer group.',
        'The group raised most of the cost from a winter of sponsored swims, and the county council paid for a new handrail on the spiral stairs.',
      ].join('\n\n'),
    );
    const out: string[] = [];
    const run = () =>
      runAddCommand({
        argv: [source, '--guild', G, '--data', join(dir, 'data')],
        env: { DATABASE_URL: testDatabase.url },
        cwd: dir,
        stdout: (text) => void out.push(text),
        stderr: (text) => void out.push(text),
      });
    expect(await run()).toBe(0);
    expect(out.join('')).toMatch(/^Added volunteers-reopen-the-carrick-point-lighthouse-to-visitors: /);
    const db = await openDatabase(testDatabase.url);
    if ('error' in db) throw new Error(db.error);
    try {
      expect((await pgArticleRecords(db.pool).list(G)).map((a) => a.name)).toEqual([
        'volunteers-reopen-the-carrick-point-lighthouse-to-visitors.md',
      ]);
    } finally {
      await db.close();
    }
    expect(await readdir(join(dir, 'data', 'guilds', G))).toEqual(['volunteers-reopen-the-carrick-point-lighthouse-to-visitors.md']);
    out.length = 0;
    expect(await run()).toBe(0);
    expect(out.join('')).toMatch(/^Already there /);
  });
});
