// scratch: fill a cache for 25,000 paragraphs, then time warm starts (optionally with --cpu-prof)
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startFakeDiscord } from '../test/e2e/fake-discord/index.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import { settle, sourceArticles, startBotProcess, writeArchive } from '../bench/run-load-benchmark.ts';
import { synthesiseCorpus } from '../bench/synthesise-corpus.ts';

const root = '/tmp/sh';
const dataDir = path.join(root, 'data');
const cacheDir = process.env.CACHE ?? path.join(root, 'cache');
const mode = process.argv[2] ?? 'warm';
const database = await createTestDatabase();
if ('skip' in database) throw new Error(database.skip);
try {
  if (!existsSync(dataDir)) {
    await mkdir(dataDir, { recursive: true });
    const corpus = synthesiseCorpus(sourceArticles(), 25_000);
    await writeArchive(dataDir, corpus.map((a) => a.article));
  }
  await mkdir(cacheDir, { recursive: true });
  const fake = await startFakeDiscord({});
  const begun = Date.now();
  const nodeArgs = mode === 'prof' ? ['--cpu-prof', '--cpu-prof-dir', path.join(root, 'prof')] : [];
  const bot = startBotProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, CACHE_DIR: cacheDir, DATABASE_URL: database.url, LOG_LEVEL: process.env.BOTLOG ?? 'info', ...(process.env.STARTUP_TIMING ? { PILCROW_STARTUP_TIMING: '1' } : {}) }, nodeArgs);
  await fake.waitForLogin(900_000);
  const startup = Date.now() - begun;
  const { readFileSync } = await import('node:fs');
  const f = readFileSync(`/proc/${bot.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpuMs = (Number(f[11]) + Number(f[12])) * 10;
  console.log('cpu at login ms', cpuMs, 'load', (await import('node:os')).loadavg()[0]);
  const settled = await settle(fake);
  console.log(JSON.stringify({ mode, startup, settled }));
  await bot.stop();
  await fake.close();
  if (process.env.SHOWLOG) console.log(bot.logLines().map((l) => { try { const j = JSON.parse(l); return `${j.time} ${j.msg}`; } catch { return l; } }).join('\n'));
} finally {
  await database.drop();
}
