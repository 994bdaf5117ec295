import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

let fake: FakeDiscord;
let cacheDir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  cacheDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-process-'));
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

/** `npm start` (or another entry) as a real process under tsx with the given environment. */
function start(env: Record<string, string>, entry = 'src/main.ts'): Started {
  const child = spawn(tsx, [entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: 'data', CACHE_DIR: cacheDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += String(d)));
  child.stderr!.on('data', (d) => (text += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

describe('npm start with a token', () => {
  it('GIVEN SIGTERM THEN the bot, having answered, closes the gateway and exits 0, the token nowhere in its output', async () => {
    const bot = start({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' });
    try {
      await fake.waitForLogin(15_000);
      const reply = await fake.slash('who', { name: 'lavrof' });
      expect(reply.callback.type).toBe(4);
      expect(JSON.stringify(reply.callback.data)).toContain('Sergei Lavrov');
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
