import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestWorld } from '../support/digest-world.ts';
import { until } from '../support/until.ts';

let dir: string;
let stateFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-digest-scope-'));
  stateFile = path.join(dir, 'digest-state.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const world = (initial: string[]) => digestWorld(initial, { stateFile });

describe('the DIGEST_CHANNEL_ID digest and servers’ own articles', () => {
  it('GIVEN a shared article and a server’s own article appear THEN only the shared one is announced and recorded', async () => {
    const w = world(['a', 'guild:mine-before']);
    const digest = await w.start();
    w.add('guild:mine', 'shared-news');
    await until(() => w.sent.length > 0);
    await digest.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About shared-news']);
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['a', 'shared-news'], pending: [] });
  });

  it('GIVEN a server’s article waiting in the state (from older code) THEN it is not announced at the next start', async () => {
    await mkdir(path.dirname(stateFile), { recursive: true });
    await writeFile(stateFile, JSON.stringify({ announced: ['a'], pending: ['mine'] }));
    const w = world(['a', 'guild:mine', 'b']);
    const digest = await w.start();
    await until(() => w.sent.length > 0);
    await digest.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About b']);
  });
});
