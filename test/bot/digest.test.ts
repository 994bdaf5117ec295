import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestStateUnreadableError, readAnnounced, readDigestState } from '../../src/news/digest.ts';
import { until } from '../support/until.ts';
import { digestWorld } from '../support/digest-world.ts';

let dir: string;
let stateFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-digest-'));
  stateFile = path.join(dir, 'state', 'digest-state.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The digest's world (test/support/digest-world.ts), retrying a failed post after 10, 20, 40 ms. */
const world = (initial: string[]) => digestWorld(initial, { stateFile, retry: { firstDelayMs: 10, maxDelayMs: 40 } });

describe('startDigest', () => {
  it('GIVEN a first start THEN the articles already there are recorded, not announced', async () => {
    const w = world(['a', 'b']);
    const digest = await w.start();
    await digest.idle();
    expect(w.sent).toEqual([]);
    expect([...(await readAnnounced(stateFile))!]).toEqual(['a', 'b']);
  });

  it('GIVEN an article that appears THEN it is announced once with its summary, and not again after a restart', async () => {
    const w = world(['a']);
    const digest = await w.start();
    w.add('c');
    await until(() => w.sent.length > 0);
    await digest.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About c']);
    expect(w.sent[0].allowedMentions).toEqual({ parse: [] });
    const restarted = await w.start();
    await restarted.idle();
    expect(w.sent).toHaveLength(1);
    expect(await readdir(path.dirname(stateFile))).toEqual(['digest-state.json']);
  });

  it('GIVEN an article added while the bot was down THEN it is announced at the next start', async () => {
    await (await world(['a']).start()).idle();
    const w = world(['a', 'd']);
    await (await w.start()).idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About d']);
  });

  it('GIVEN a state file THEN it is plain JSON of announced and pending ids, and state from before pending existed still reads', async () => {
    await writeFile(path.join(dir, 'x.json'), JSON.stringify({ announced: ['q'] }));
    expect(await readDigestState(path.join(dir, 'x.json'))).toEqual({ kind: 'valid', state: { announced: ['q'], pending: [] } });
    expect(await readDigestState(path.join(dir, 'missing.json'))).toEqual({ kind: 'missing' });
  });

  it('GIVEN a state file that exists but cannot be read THEN reading it throws the unreadable error', async () => {
    await mkdir(path.join(dir, 'a-directory.json'));
    await expect(readDigestState(path.join(dir, 'a-directory.json'))).rejects.toBeInstanceOf(DigestStateUnreadableError);
  });

  it.each([
    ['not JSON', '{"announced": ['],
    ['an empty object', '{}'],
    ['announced that is not a list', '{"announced": 5}'],
    ['ids that are not strings', '{"announced": ["a", 3]}'],
    ['a list instead of an object', '["a", "b"]'],
  ])(
    'GIVEN a digest state that is %s THEN nothing is re-announced, ONE warning says so, the file is rewritten, and the next new article is announced',
    async (_label, content) => {
      await mkdir(path.dirname(stateFile), { recursive: true });
      await writeFile(stateFile, content);
      const w = world(['a', 'b', 'c']);
      const digest = await w.start();
      await digest.idle();
      expect(w.sent).toEqual([]);
      expect(w.warnings).toHaveLength(1);
      expect(w.warnings[0]!.msg).toMatch(/digest state is invalid .*taking the 3 current articles as already announced/);
      expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['a', 'b', 'c'], pending: [] });
      w.add('d');
      await until(() => w.sent.length > 0);
      expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About d']);
      // The state is written after the post: wait for it, so the folder is not removed under the write.
      await digest.idle();
    },
  );

  it('GIVEN Discord fails the post several times THEN it is retried with backoff and posted exactly once, with the same nonce every attempt', async () => {
    const w = world(['a']);
    const digest = await w.start();
    w.outage.failing = 3;
    w.add('e');
    await until(() => w.sent.length > 0);
    await digest.idle();
    expect(w.outage.attempts).toBe(4);
    expect(w.sent).toHaveLength(1);
    expect(w.sent[0].nonce).toMatch(/^[\w-]{25}$/);
    expect(w.sent[0].enforceNonce).toBe(true);
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['a', 'e'], pending: [] });
    expect(w.warnings.filter((l) => l.msg === 'could not post a digest announcement; will retry')).toHaveLength(3);
  });

  it('GIVEN a post still failing when the bot stops THEN the article stays pending on disk and is announced once after the restart', async () => {
    const w = world(['a']);
    const digest = await w.start();
    w.outage.failing = 1_000;
    w.add('f');
    await until(() => w.outage.attempts >= 2);
    await digest.stop();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['a'], pending: ['f'] });
    w.outage.failing = 0;
    const restarted = await w.start();
    await until(() => w.sent.length > 0);
    await restarted.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About f']);
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['a', 'f'], pending: [] });
  });
});
