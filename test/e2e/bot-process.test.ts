import type { ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.ts';
import { loadCommands } from '../../src/bot/load-commands.ts';
import { spawnEntry } from '../support/spawn-entry.ts';
import { copyWarmCache } from '../support/warm-cache.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord;
let cacheDir: string;

beforeAll(async () => {
  fake = await startFakeDiscord({ channels: [{ name: 'digest' }] });
  // The bundled article's analysis already cached (no test here is about a first analysis): the bots started here analyse nothing.
  cacheDir = await copyWarmCache(await mkdtemp(path.join(tmpdir(), 'pilcrow-process-')));
  // As an operator would have done once: the bots started here find their commands deployed (else they warn).
  await deployCommands({
    token: fake.token,
    applicationId: fake.applicationId,
    guildId: null,
    api: fake.apiUrl,
    commands: (await loadCommands()).values(),
  });
});

afterAll(async () => {
  await fake?.close();
  await rm(cacheDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` (or another entry) as a real process (test/support/spawn-entry.ts) with the given environment. */
function start(env: Record<string, string>, entry = 'src/main.ts', fromSource = false): Started {
  const child = spawnEntry(entry, [], {
    env: { DATA_DIR: 'data', CACHE_DIR: cacheDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    fromSource,
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += String(d)));
  child.stderr!.on('data', (d) => (text += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = { child, output: () => text, exited };
  running.add(started);
  void exited.then(() => running.delete(started));
  return started;
}

/** The processes started and not yet exited; `kept` ones belong to a describe and outlive a test. */
const running = new Set<Started>();
const kept = new Set<Started>();
// A test that timed out leaves its process running, which the next test would see (logging in to
// the same fake Discord, hitting its faults): it is killed before the next test starts.
afterEach(async () => {
  const left = [...running].filter((p) => !kept.has(p));
  for (const p of left) p.child.kill('SIGKILL');
  await Promise.all(left.map((p) => p.exited));
});

/** The JSON log lines of a process's output (other lines are left out). */
function logLines(output: string): Array<{ level: number; msg: string; [key: string]: unknown }> {
  return output.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}

/** Resolves once `check` holds (polled every 50 ms), or rejects after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 20_000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `start` for the bot, resolving once this process (not an earlier one) has logged in. */
async function startBot(env: Record<string, string>): Promise<Started> {
  const logins = fake.sessions.logins;
  const bot = start(env);
  await fake
    .waitForSessions((s) => (s as { logins?: number }).logins! > logins, 20_000)
    .catch((err: unknown) => {
      bot.child.kill('SIGKILL');
      throw new Error(`the bot did not log in: ${String(err)}\n${bot.output()}`);
    });
  return bot;
}

const digestId = () => fake.channels.find((c) => c.name === 'digest')!.id;

/** A TCP port nothing listens on right now (the system picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start with a token', () => {
  it('GIVEN SIGTERM THEN the bot, having answered (and counted it in /metrics, healthy in /healthz), closes the gateway and exits 0, the token nowhere in its output', async () => {
    const port = await freePort();
    // From source through the tsx command, as in development: the signal reaches the bot through tsx's relay.
    const bot = start(
      { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info', METRICS_PORT: String(port) },
      'src/main.ts',
      true,
    );
    try {
      // From source: tsx's command and hooks, about twice the CPU of a start from the build.
      await fake.waitForLogin(40_000);
      const reply = await fake.slash('who', { name: 'lavrof' });
      expect(reply.callback.type).toBe(4);
      expect(JSON.stringify(reply.callback.data)).toContain('Sergei Lavrov');
      // Healthy once fully started (news in running), which may come a moment after the first answer.
      let health: unknown;
      await until(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          health = [res.status, await res.json()];
          return res.status === 200;
        },
        15_000,
        '/healthz to answer 200',
      ).catch(() => undefined);
      expect(health).toEqual([200, { status: 'ok', ready: true, gateway: true, corpus: true }]);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('pilcrow_commands_total{command="who",outcome="answered"} 1');
      expect(metrics).toMatch(/^pilcrow_corpus_paragraphs \d+$/m);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      const lines = bot.output().trim().split('\n');
      expect(lines.some((l) => l.includes('"shutting down"') && l.includes('SIGTERM'))).toBe(true);
      expect(lines.some((l) => l.includes('"bot stopped"'))).toBe(true);
      expect(bot.output()).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it.each([
    [{ DISCORD_TOKEN: 'Bot nope' }, 'DISCORD_TOKEN'],
    [{ DISCORD_TOKEN: 'x'.repeat(30), DISCORD_GUILD_ID: 'my server' }, 'DISCORD_GUILD_ID'],
    [{ DISCORD_TOKEN: 'x'.repeat(30), DISCORD_API_URL: 'nowhere' }, 'DISCORD_API_URL'],
    [{ DISCORD_TOKEN: 'x'.repeat(30), METRICS_PORT: '99999' }, 'METRICS_PORT'],
  ])('GIVEN invalid configuration %j THEN start-up stops with one line naming %s', async (env, variable) => {
    const bot = start(env);
    expect(await bot.exited).not.toBe(0);
    const lines = bot.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });
});

describe('npm run start:sharded', () => {
  it('GIVEN the shard count Discord recommends THEN a ShardingManager shard logs in with the cached corpus and answers', async () => {
    const identifiesBefore = fake.sessions.identifies;
    const manager = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' }, 'src/bot/sharded.ts');
    try {
      await fake.waitForSessions((s) => s.identifies > identifiesBefore, 30_000);
      await fake.waitForLogin(15_000);
      const identify = fake.gatewayReceived.filter((p) => p.op === 2).at(-1);
      expect(identify?.d.shard).toEqual([0, 1]);
      const reply = await fake.slash('related', { topic: 'mercenarys wagner' }, { timeoutMs: 10_000 });
      expect(JSON.stringify(reply.callback.data)).toContain('¶ 16');
      expect(manager.output()).toContain('"shard launched"');
    } finally {
      manager.child.kill('SIGTERM');
      await manager.exited;
    }
  });
});

describe('npm start with a token: fatal start-up problems', () => {
  const WRONG_TOKEN = `${'A'.repeat(24)}.${'B'.repeat(6)}.${'C'.repeat(27)}`;
  it.each<[string, () => Promise<{ env: Record<string, string>; undo?: () => void }>, RegExp]>([
    [
      'Discord refuses the token (401)',
      async () => ({ env: { DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_URL: fake.apiUrl } }),
      /refused DISCORD_TOKEN \(401 Unauthorized\)/,
    ],
    [
      'Discord answers 500 at login',
      async () => ({
        env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl },
        undo: fake.fault({ path: /^\/gateway\/bot$/, status: 500 }),
      }),
      /answered 500 at start-up/,
    ],
    [
      'the API cannot be reached',
      async () => ({ env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: 'http://127.0.0.1:9/api' } }),
      /Cannot reach the Discord API at http:\/\/127\.0\.0\.1:9\/api \(ECONNREFUSED\)/,
    ],
    [
      'the digest state cannot be read',
      async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-state-'));
        await mkdir(path.join(dir, 'digest-state.json'));
        return { env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, CACHE_DIR: dir, DIGEST_CHANNEL_ID: digestId() } };
      },
      /cannot read the digest state .*digest-state\.json: EISDIR/,
    ],
    [
      'the announcement outbox cannot be read',
      async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-state-'));
        await mkdir(path.join(dir, 'announcements.json'));
        return { env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, CACHE_DIR: dir } };
      },
      /cannot read the announcement outbox .*announcements\.json: EISDIR.*fix its permissions/,
    ],
    [
      "shard 1's own announcement outbox cannot be read (shard 0's can)",
      async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-state-'));
        await mkdir(path.join(dir, 'announcements-shard-1.json'));
        // The environment a ShardingManager gives the process of shard 1 of 2.
        const shard = { SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process', SHARDS: '1', SHARD_COUNT: '2' };
        return { env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, CACHE_DIR: dir, ...shard } };
      },
      /cannot read the announcement outbox .*announcements-shard-1\.json: EISDIR/,
    ],
    [
      'the database (DATABASE_URL) cannot be reached',
      async () => ({
        env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATABASE_URL: 'postgres://pilcrow:s3cret@127.0.0.1:9/pilcrow' },
      }),
      /^cannot reach the database at 127\.0\.0\.1:9\/pilcrow \(DATABASE_URL\): .*ECONNREFUSED/,
    ],
  ])('GIVEN %s THEN the process exits non-zero at once with ONE clear line', async (_label, setup, line) => {
    const { env, undo } = await setup();
    const started = Date.now();
    const bot = start({ LOG_LEVEL: 'info', ...env });
    try {
      const code = await bot.exited;
      const elapsed = Date.now() - started;
      expect(code).toBe(1);
      // Discord's answer comes in milliseconds; the bound only separates "at once" from the old 60 s hang under a loaded machine.
      expect(elapsed).toBeLessThan(15_000);
      const lines = bot.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(logLines(lines[0]!)[0]).toMatchObject({ level: 60, msg: expect.stringMatching(line) });
      expect(bot.output()).not.toMatch(/not ready in time|\n\s+at /);
      expect(bot.output()).not.toContain(fake.token);
      expect(bot.output()).not.toContain('s3cret');
    } finally {
      undo?.();
      bot.child.kill('SIGKILL');
    }
  });
});

describe('npm run start:sharded: fatal start-up problems', () => {
  it('GIVEN a token Discord refuses THEN the manager exits non-zero with ONE clear line, spawning no shard', async () => {
    const manager = start(
      { DISCORD_TOKEN: `${'A'.repeat(24)}.${'B'.repeat(6)}.${'C'.repeat(27)}`, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' },
      'src/bot/sharded.ts',
    );
    try {
      expect(await manager.exited).toBe(1);
      const lines = manager.output().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(logLines(lines[0]!)[0]).toMatchObject({ level: 60, msg: expect.stringMatching(/refused DISCORD_TOKEN \(401/) });
    } finally {
      manager.child.kill('SIGKILL');
    }
  });
});

// One bot for the tests below: the first ones ask it questions, the last stops it (SIGTERM).
describe('npm start with a token: one bot, asked then stopped', () => {
  let bot: Started;
  beforeAll(async () => {
    bot = await startBot({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' });
    kept.add(bot);
  });
  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await bot?.exited;
  });

  it('GIVEN a member who types the bot token into options, privately and with share:true THEN no reply carries it', async () => {
    const replies = [
      await fake.slash('who', { name: fake.token }),
      await fake.slash('who', { name: fake.token, share: true }),
      await fake.slash('quote', { speaker: `the ${fake.token}`, share: true }),
      await fake.slash('related', { topic: `${fake.token} wagner` }),
      await fake.slash('summary', { article: fake.token }),
    ];
    for (const reply of replies) {
      await until(() => reply.callback.type !== 5 || reply.later.length > 0, 10_000, 'the deferred answer');
      const sent = JSON.stringify([reply.callback, reply.later.map((r) => r.body)]);
      expect(sent).not.toContain(fake.token);
    }
    expect(JSON.stringify(replies.map((r) => r.callback))).toContain('[Redacted]');
    expect(bot.output()).not.toContain(fake.token);
  });

  it('GIVEN a /related topic the article words differently THEN the bot finds it by meaning, as the terminal does (its own word vectors)', async () => {
    // Another member: the one above has used up its questions for now (the cooldown).
    const reply = await fake.slash('related', { topic: 'demonstrations' }, { userId: String(BigInt(fake.memberUserId) + 1000n) });
    await until(() => reply.callback.type !== 5 || reply.later.length > 0, 10_000, 'the deferred answer');
    const sent = JSON.stringify([reply.callback, reply.later.map((r) => r.body)]);
    expect(sent).toContain('by meaning: protests ≈ demonstrations');
  });

  it('GIVEN SIGTERM while a /summary is being posted to a channel THEN the post and its confirmation are finished first, then the process exits 0', async () => {
    const rule = { method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, delayMs: 1500 };
    let undo: (() => void) | undefined;
    try {
      const news = digestId();
      const before = fake.channelMessages(news).length;
      undo = fake.fault(rule);
      const reply = fake.slash('summary', { channel: news }, { channelOptionIds: ['channel'], timeoutMs: 10_000 });
      await until(() => ((rule as { hits?: number }).hits ?? 0) > 0, 10_000, 'the deferral to reach Discord');
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(5_000);
      const answered = await reply;
      expect(answered.callback.type).toBe(5);
      expect(fake.channelMessages(news)).toHaveLength(before + 1);
      expect(answered.later.some((r) => r.method === 'PATCH' && /Posted in/.test(JSON.stringify(r.body)))).toBe(true);
      expect(bot.output()).toContain('"bot stopped"');
    } finally {
      undo?.();
    }
  });
});

describe('npm start with a token: a signal while starting', () => {
  it('GIVEN SIGTERM while the bot is still starting THEN it exits 0 at once, not killed by the signal', async () => {
    const rule = { path: /^\/gateway\/bot$/, delayMs: 2500 };
    const undo = fake.fault(rule);
    const bot = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' });
    try {
      await until(() => ((rule as { hits?: number }).hits ?? 0) > 0, 20_000, 'the start-up check to reach Discord');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.output()).toContain('"shutting down"');
    } finally {
      undo();
      bot.child.kill('SIGKILL');
    }
  });
});

describe('npm start with a token: a corrupt digest state', () => {
  it.each([
    ['not JSON', '{"announced": [\n'],
    ['an empty object', '{}'],
    ['a wrong shape', '{"announced": 5}'],
  ])(
    'GIVEN a digest state that is %s THEN the bot starts fully, announces nothing, warns once and rewrites the state',
    async (_label, content) => {
      // The analysis already cached: the digest state is what this is about, not a first analysis.
      const dir = await copyWarmCache(await mkdtemp(path.join(tmpdir(), 'pilcrow-state-')));
      const stateFile = path.join(dir, 'digest-state.json');
      await writeFile(stateFile, content);
      const before = fake.channelMessages(digestId()).length;
      const bot = await startBot({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        LOG_LEVEL: 'info',
        CACHE_DIR: dir,
        DIGEST_CHANNEL_ID: digestId(),
      });
      try {
        await until(async () => (await readFile(stateFile, 'utf8')) !== content, 20_000, 'the state to be rewritten');
        expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['putin-belarus-transition'], pending: [] });
        const reply = await fake.slash('who', { name: 'lavrof' });
        expect(JSON.stringify(reply.callback.data)).toContain('Sergei Lavrov');
        const logs = logLines(bot.output());
        expect(logs.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([expect.stringMatching(/digest state is invalid/)]);
        expect(fake.channelMessages(digestId())).toHaveLength(before);
        bot.child.kill('SIGTERM');
        expect(await bot.exited).toBe(0);
      } finally {
        bot.child.kill('SIGKILL');
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
