import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnEntry } from '../support/spawn-entry.ts';
import { startFakeDiscord, type FakeDiscord, type InteractionReply } from './fake-discord/index.ts';

/**
 * The corpus rebuild worker of a bot started as `npm start` does (bin/pilcrow.mjs: the build, no
 * tsx in the process): its boot file finds the worker's code in the same build. (Under tsx it is
 * test/engine/rebuild-under-tsx.test.ts.)
 */
let fake: FakeDiscord;
let dataDir: string;
let cacheDir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dataDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-build-data-'));
  cacheDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-build-cache-'));
  await copyFile('test/fixtures/articles/wikinews-20070223-train.txt', path.join(dataDir, 'train.txt'));
});

afterAll(async () => {
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

/** The text of a reply, once final (a deferred reply's later edit). */
async function replyText(reply: InteractionReply): Promise<string> {
  if (reply.callback.type !== 5) return JSON.stringify(reply.callback.data);
  await fake.waitForLater(reply, (later) => later.some((r) => r.method === 'PATCH' || r.method === 'POST'), 30_000);
  return JSON.stringify(reply.later.find((r) => r.method === 'PATCH' || r.method === 'POST')!.body);
}

describe('npm start from the build', () => {
  it('GIVEN an article added to the data folder of a running bot THEN the rebuild worker analyses it and the bot quotes it', async () => {
    let output = '';
    const bot = spawnEntry('src/main.ts', [], {
      env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, CACHE_DIR: cacheDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    bot.stdout!.on('data', (d) => (output += String(d)));
    bot.stderr!.on('data', (d) => (output += String(d)));
    try {
      await fake.waitForLogin(45_000);
      await writeFile(
        path.join(dataDir, 'floods.txt'),
        'Floods closed the river road on Friday.\n\n"We have never seen water this high," said Fire Chief Tom Reyes.\n',
      );
      const end = Date.now() + 45_000;
      let text = '';
      while (!text.includes('Tom Reyes') && Date.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        text = await replyText(await fake.slash('quote', { speaker: 'reyes' }));
      }
      expect(text, output).toContain('Tom Reyes');
    } finally {
      bot.kill('SIGKILL');
    }
  }, 120_000);
});
