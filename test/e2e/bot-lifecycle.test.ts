import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/start-bot.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import { checkMessage, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { until } from '../support/until.ts';

let fake: FakeDiscord;
let root: string;
let dataDir: string;
let cacheDir: string;
const running: Array<{ bot: RunningBot; store: CorpusStore }> = [];

/** Resolves once the condition holds (polled every 20 ms, gives up after 10 s). */

/** Resolves once the condition holds (polled every 50 ms); rejects after `ms`. */
async function eventually(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The digest state on disk. */
async function digestState(): Promise<{ announced: string[]; pending: string[] }> {
  return JSON.parse(await readFile(path.join(cacheDir, 'digest-state.json'), 'utf8'));
}

async function launch(): Promise<{ bot: RunningBot; store: CorpusStore }> {
  const store = await openCorpusStore({ dataDir, cacheDir, watch: true, pollMs: 50 });
  if ('error' in store) throw new Error(store.error);
  const bot = await startBot({
    config: {
      discordToken: fake.token,
      discordApiUrl: fake.apiUrl,
      digestChannelId: fake.channels.find((c) => c.name === 'digest')!.id,
      cacheDir,
    },
    log: pino({ level: 'silent' }),
    source: store,
  });
  await fake.waitForLogin();
  const instance = { bot, store };
  running.push(instance);
  return instance;
}

async function shutdown(instance: { bot: RunningBot; store: CorpusStore }): Promise<void> {
  await instance.bot.digest?.idle();
  await instance.bot.stop();
  instance.store.close();
  running.splice(running.indexOf(instance), 1);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'pilcrow-lifecycle-'));
  dataDir = path.join(root, 'data');
  cacheDir = path.join(root, 'cache');
  await mkdir(dataDir);
  await copyFile('data/putin-belarus-transition.txt', path.join(dataDir, 'putin-belarus-transition.txt'));
  fake = await startFakeDiscord({ channels: [{ name: 'digest' }] });
});

afterAll(async () => {
  for (const instance of [...running]) await shutdown(instance);
  await fake?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the bot over its lifetime', () => {
  it('GIVEN a dropped gateway connection THEN the bot resumes and keeps answering', async () => {
    const instance = await launch();
    const before = fake.sessions.resumes + fake.sessions.identifies;
    fake.dropGateway();
    await fake.waitForSessions((s) => s.resumes + s.identifies > before, 10_000);
    const reply = await fake.slash('summary');
    expect(reply.callback.type).toBe(4);
    expect(checkMessage(reply.callback.data)).toEqual([]);
    await shutdown(instance);
  });

  it('GIVEN a digest channel THEN a newly added article is announced once, and not again after a restart', async () => {
    const digest = fake.channels.find((c) => c.name === 'digest')!.id;
    const first = await launch();
    await first.bot.digest!.idle();
    expect(fake.channelMessages(digest)).toHaveLength(0);

    await copyFile('test/fixtures/articles/wikinews-20160714-UN.txt', path.join(dataDir, 'wikinews-20160714-un.txt'));
    await until(() => fake.channelMessages(digest).length > 0);
    await first.bot.digest!.idle();
    const announced = fake.channelMessages(digest);
    expect(announced).toHaveLength(1);
    expect(checkMessage(announced[0])).toEqual([]);
    expect(announced[0].embeds[0].description).toMatch(/\(¶ \d+\)/);
    await shutdown(first);

    const second = await launch();
    await second.bot.digest!.idle();
    expect(fake.channelMessages(digest)).toHaveLength(1);
    await shutdown(second);
  });

  it('GIVEN Discord answers 500 to every post for 6 s while an article arrives THEN the announcement is retried and posted exactly once, after the outage', async () => {
    const digest = fake.channels.find((c) => c.name === 'digest')!.id;
    const instance = await launch();
    await instance.bot.digest!.idle();
    const before = fake.channelMessages(digest).length;
    const outageEnds = Date.now() + 6000;
    const rule = { method: 'POST', path: new RegExp(`^/channels/${digest}/messages$`), status: 500, untilMs: outageEnds };
    const undo = fake.fault(rule);
    try {
      await copyFile('test/fixtures/articles/wikinews-20160706-telescope.txt', path.join(dataDir, 'wikinews-20160706-telescope.txt'));
      await eventually(() => fake.channelMessages(digest).length > before, 30_000, 'the announcement');
      expect((rule as { hits?: number }).hits).toBeGreaterThan(1);
      expect(Date.now()).toBeGreaterThanOrEqual(outageEnds);
      await instance.bot.digest!.idle();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const posted = fake.channelMessages(digest).slice(before);
      expect(posted).toHaveLength(1);
      expect(checkMessage(posted[0])).toEqual([]);
      expect(await digestState()).toMatchObject({ announced: expect.arrayContaining(['wikinews-20160706-telescope']), pending: [] });
    } finally {
      undo();
      await shutdown(instance);
    }
  });

  it('GIVEN a post still failing when the bot stops THEN the announcement waits on disk and is posted exactly once after the restart', async () => {
    const digest = fake.channels.find((c) => c.name === 'digest')!.id;
    const first = await launch();
    await first.bot.digest!.idle();
    const before = fake.channelMessages(digest).length;
    const rule = { method: 'POST', path: new RegExp(`^/channels/${digest}/messages$`), status: 500 };
    const undo = fake.fault(rule);
    try {
      await copyFile('test/fixtures/articles/wikinews-20070306-drain.txt', path.join(dataDir, 'wikinews-20070306-drain.txt'));
      await eventually(
        async () => (rule as { hits?: number }).hits! > 0 && (await digestState()).pending.includes('wikinews-20070306-drain'),
        20_000,
        'a failed post',
      );
      await shutdown(first);
    } finally {
      undo();
    }
    expect(fake.channelMessages(digest)).toHaveLength(before);
    const second = await launch();
    await eventually(() => fake.channelMessages(digest).length > before, 20_000, 'the announcement after the restart');
    await second.bot.digest!.idle();
    const posted = fake.channelMessages(digest).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0].embeds[0].title).toMatch(/drain/i);
    expect(await digestState()).toMatchObject({ pending: [] });
    await shutdown(second);
  });
});
