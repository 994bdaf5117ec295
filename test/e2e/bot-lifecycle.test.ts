import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cronJobs, openDigestSchedules, roundupNonce } from '../../src/news/digest-schedule.ts';
import { discordRoundupPoster } from '../../src/bot/discord-roundup-poster.ts';
import { startBot, type RunningBot } from '../../src/bot/start-bot.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import { checkMessage, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import type { FaultRule } from './fake-discord/state.ts';
import { spawnEntry } from '../support/spawn-entry.ts';
import { until } from '../support/until.ts';
import { copyWarmCache } from '../support/warm-cache.ts';

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
  // The bundled article's analysis already cached: these tests are about what happens after the start, which analyses nothing.
  cacheDir = await copyWarmCache(path.join(root, 'cache'));
  await mkdir(dataDir);
  await copyFile('data/putin-belarus-transition.txt', path.join(dataDir, 'putin-belarus-transition.txt'));
  fake = await startFakeDiscord({ channels: [{ name: 'digest' }] });
});

// A test that failed before its own shutdown leaves no bot behind to post into the next one's channel.
afterEach(async () => {
  for (const instance of [...running]) await shutdown(instance);
});

afterAll(async () => {
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
    await until(() => fake.channelMessages(digest).length > 0, { what: 'the announcement', timeoutMs: 30_000 });
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
    } finally {
      undo();
    }
    // Stopped, the bot can post nothing more: what the channel holds now is all it posted.
    await shutdown(instance);
    const posted = fake.channelMessages(digest).slice(before);
    expect(posted).toHaveLength(1);
    expect(checkMessage(posted[0])).toEqual([]);
    expect(await digestState()).toMatchObject({ announced: expect.arrayContaining(['wikinews-20160706-telescope']), pending: [] });
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

  it('GIVEN SIGTERM while the digest post is in flight (Discord slow to answer) THEN the process exits 0 and, after the restart, the article was announced exactly once', async () => {
    const digest = fake.channels.find((c) => c.name === 'digest')!.id;
    const processRoot = await mkdtemp(path.join(tmpdir(), 'pilcrow-sigterm-'));
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DIGEST_CHANNEL_ID: digest,
      DATA_DIR: path.join(processRoot, 'data'),
      CACHE_DIR: path.join(processRoot, 'cache'),
      LOG_LEVEL: 'info',
    };
    await mkdir(env.DATA_DIR);
    await copyFile('data/putin-belarus-transition.txt', path.join(env.DATA_DIR, 'putin-belarus-transition.txt'));
    await copyWarmCache(env.CACHE_DIR);
    const startProcess = async () => {
      const logins = fake.sessions.logins;
      const child = spawnEntry('src/main.ts', [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout!.on('data', (d) => (output += String(d)));
      child.stderr!.on('data', (d) => (output += String(d)));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await eventually(() => fake.sessions.logins > logins, 30_000, 'the bot process to log in').catch((err: unknown) => {
        child.kill('SIGKILL');
        throw new Error(`${String(err)}\n${output}`);
      });
      return { child, exited, output: () => output };
    };
    const stateOnDisk = async () => JSON.parse(await readFile(path.join(env.CACHE_DIR, 'digest-state.json'), 'utf8').catch(() => 'null'));
    const before = fake.channelMessages(digest).length;
    const first = await startProcess();
    const rule: FaultRule = { method: 'POST', path: new RegExp(`^/channels/${digest}/messages$`), answerDelayMs: 6000 };
    let undo: (() => void) | undefined;
    try {
      await eventually(async () => (await stateOnDisk())?.announced?.length === 1, 20_000, 'the first start to record the articles');
      undo = fake.fault(rule);
      await copyFile('test/fixtures/articles/wikinews-20070223-train.txt', path.join(env.DATA_DIR, 'wikinews-20070223-train.txt'));
      await eventually(() => (rule.hits ?? 0) > 0, 20_000, 'the announcement to reach Discord');
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      // Discord still makes the post it received; the process is gone before its answer.
      await eventually(() => fake.channelMessages(digest).length > before, 20_000, 'the slow post to be made');
    } finally {
      undo?.();
      first.child.kill('SIGKILL');
    }
    const second = await startProcess();
    try {
      await eventually(async () => (await stateOnDisk())?.pending?.length === 0, 20_000, 'the restarted digest to settle');
      // Exited, the process can post nothing more: what the channel holds now is all it posted.
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      const posted = fake.channelMessages(digest).slice(before);
      expect(posted.map((m) => m.embeds[0].title)).toHaveLength(1);
      expect(posted[0].embeds[0].title).toMatch(/train/i);
    } finally {
      second.child.kill('SIGKILL');
      await rm(processRoot, { recursive: true, force: true });
    }
  }, 120_000);

  it('GIVEN a server’s daily digest at its time THEN Discord accepts one round-up of the articles the server added, posted once for that slot', async () => {
    const news = fake.channels.find((c) => c.name === 'digest')!.id;
    const train = await readFile('test/fixtures/articles/wikinews-20070223-train.txt', 'utf8');
    const added = new Date(Date.now() - 60 * 60_000).toISOString();
    await mkdir(path.join(dataDir, 'guilds', fake.guildId), { recursive: true });
    await writeFile(
      path.join(dataDir, 'guilds', fake.guildId, 'derailment.md'),
      `---\ntitle: Train derails in Cumbria\nurl: https://news.example.org/derailment\nadded: "${added}"\n---\n\n${train}`,
    );
    const instance = await launch();
    const schedules = openDigestSchedules({
      dataDir,
      poster: discordRoundupPoster(instance.bot.client),
      source: instance.store,
      log: pino({ level: 'silent' }),
      createJob: cronJobs({ paused: true }),
    });
    try {
      await schedules.start();
      const now = new Date();
      const time = `${String(now.getUTCHours()).padStart(2, '0')}:${String(now.getUTCMinutes()).padStart(2, '0')}`;
      const set = await schedules.set(fake.guildId, { channelId: news, time, timezone: 'UTC' });
      expect(set).toMatchObject({ time, timezone: 'UTC' });
      const before = fake.channelMessages(news).length;
      expect(await schedules.runNow(fake.guildId)).toBe('posted');
      expect(await schedules.runNow(fake.guildId)).toBe('already-posted');
      const posted = fake.channelMessages(news).slice(before);
      expect(posted).toHaveLength(1);
      expect(checkMessage(posted[0])).toEqual([]);
      expect(posted[0].content).toMatch(/^\*\*Round-up\*\*: 1 new article since <t:\d+:f>$/);
      expect(posted[0].embeds.map((e: { title: string; url: string }) => [e.title, e.url])).toEqual([
        ['Train derails in Cumbria', 'https://news.example.org/derailment'],
      ]);
      expect(posted[0].embeds[0].description).toMatch(/^• .+ \(¶ \d+\)$/m);
      const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes()));
      expect(posted[0].nonce).toBe(roundupNonce(fake.guildId, slot));
      expect(posted[0].enforce_nonce).toBe(true);
    } finally {
      await schedules.stop();
      await shutdown(instance);
    }
  });
});
