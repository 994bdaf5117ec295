/**
 * `npm run bench:start [-- --paragraphs 25000 --runs 3 --cache-dir DIR --cold --from-source]`: the
 * CPU a start costs, which the machine's load changes far less than the wall time. Over a
 * synthesised archive (as bench:several-hosts, by paragraphs), each measured in a process of its
 * own, started as the npm scripts do (`node bin/pilcrow.mjs <entry>`, from the build of the code),
 * or with --from-source under tsx (`node --import tsx <entry>`, the development way):
 *   - loading the bot's code (importing src/bot/bot-main.ts, or its build, and nothing else);
 *   - a bot start (`src/main.ts`, no DATABASE_URL) from spawn to the gateway login on the fake Discord;
 *   - the terminal answering one question (`src/cli.ts '/who name:…'`), from spawn to exit.
 * Warm: from a cache filled by a first CLI run (the analysis of the whole archive when the cache
 * is empty or from other analysis code; reported, not counted). `--cold` also times that first
 * run on an empty cache. Prints the median and range of each on stdout; progress on stderr.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { wholeOption } from './parse-bench-args.ts';
import { startFakeDiscord } from '../test/e2e/fake-discord/index.ts';
import { cpuMsOf } from './process-cpu.ts';
import { sourceArticles, startBotProcess, writeArchive } from './run-load-benchmark.ts';
import { synthesiseCorpus } from './synthesise-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUESTION = '/who name:pro';
const USAGE = 'usage: npm run bench:start -- [--paragraphs N (1-50000)] [--runs N (1-20)] [--cache-dir DIR] [--cold] [--from-source]';

const progress = (line: string): void => void process.stderr.write(`bench:start: ${line}\n`);

/** Runs `node [--import tsx] <args>` to its exit; resolves with the CPU it used (ms, from bench/cpu-at-exit.mjs) and its exit code. */
function cpuOfRun(
  args: readonly string[],
  env: Record<string, string>,
  fromSource: boolean,
): Promise<{ cpuMs: number; code: number | null }> {
  const child = spawn(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), '--import', './bench/cpu-at-exit.mjs', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let reported = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  child.stdio[3]!.on('data', (d) => (reported += String(d)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const cpuMs = Number(reported.trim());
      if (reported.trim() === '' || !Number.isFinite(cpuMs))
        reject(new Error(`${args.join(' ')} reported no CPU time (exit ${code}):\n${stderr.slice(-2000)}`));
      else resolve({ cpuMs, code });
    });
  });
}

/** A bot process from spawn to its gateway login on a fake Discord; the CPU it had used then, ms. */
async function cpuOfBotStart(env: Record<string, string>, fromSource: boolean): Promise<number> {
  const fake = await startFakeDiscord();
  const bot = startBotProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'warn', ...env }, [], { fromSource });
  try {
    await Promise.race([
      fake.waitForLogin(600_000),
      bot.exited.then((code) => Promise.reject(new Error(`the bot exited (${code}) before logging in:\n${bot.stderrTail()}`))),
    ]);
    const cpuMs = cpuMsOf(bot.child.pid);
    if (cpuMs === null) throw new Error('no /proc: this benchmark reads a process CPU time from /proc');
    return cpuMs;
  } finally {
    await bot.stop();
    await fake.close();
  }
}

function summary(label: string, ms: readonly number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const s = (n: number): string => (n / 1000).toFixed(2);
  return `${label.padEnd(36)} ${s(median)} s CPU (median of ${ms.length}; ${s(sorted[0]!)}–${s(sorted.at(-1)!)})`;
}

let options;
try {
  const { values } = parseArgs({
    options: {
      paragraphs: { type: 'string' },
      runs: { type: 'string' },
      'cache-dir': { type: 'string' },
      cold: { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
    },
    strict: true,
  });
  options = {
    paragraphs: wholeOption('paragraphs', values.paragraphs, 25_000, 1, 50_000),
    runs: wholeOption('runs', values.runs, 3, 1, 20),
    cacheDir: values['cache-dir'] ?? path.join(tmpdir(), 'pilcrow-start-cache'),
    cold: values.cold ?? false,
    fromSource: values['from-source'] ?? false,
  };
} catch (err) {
  process.stderr.write(`bench:start: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}

/** The build the npm scripts start (made now if the code changed since the last, not counted). */
function buildDir(): string {
  const run = spawnSync(process.execPath, ['bin/pilcrow.mjs', '--build'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bin/pilcrow.mjs --build failed: ${run.stderr}`);
  return run.stdout.trim();
}

const { fromSource } = options;
/** How each process starts: the entry (a path from the repository) with its arguments. */
const entry = (file: string, ...args: string[]): string[] => (fromSource ? [file, ...args] : ['bin/pilcrow.mjs', file, ...args]);
const botCode = fromSource ? './src/bot/bot-main.ts' : pathToFileURL(path.join(buildDir(), 'src/bot/bot-main.mjs')).href;
const corpus = synthesiseCorpus(sourceArticles(), options.paragraphs);
const dataDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-start-data-'));
try {
  progress(`writing ${corpus.length} articles (${options.paragraphs} paragraphs)`);
  await writeArchive(
    dataDir,
    corpus.map((a) => a.article),
  );
  const env = { DATA_DIR: dataDir, CACHE_DIR: options.cacheDir };
  const lines: string[] = [];
  const loadBefore = loadavg()[0]!;
  if (options.cold) await rm(options.cacheDir, { recursive: true, force: true });
  progress(
    options.cold
      ? 'a cold start (empty cache): the CLI analyses the archive'
      : 'filling the cache if needed (a first CLI run, not counted)',
  );
  const first = await cpuOfRun(entry('src/cli.ts', QUESTION), env, fromSource);
  if (options.cold) lines.push(summary('cold: CLI, one question', [first.cpuMs]));
  const load: number[] = [];
  const bot: number[] = [];
  const cli: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    progress(`warm run ${run} of ${options.runs}`);
    load.push((await cpuOfRun(['--input-type=module', '--eval', `await import(${JSON.stringify(botCode)})`], env, fromSource)).cpuMs);
    bot.push(await cpuOfBotStart(env, fromSource));
    cli.push((await cpuOfRun(entry('src/cli.ts', QUESTION), env, fromSource)).cpuMs);
  }
  lines.push(
    summary('warm: loading the bot code', load),
    summary('warm: bot, spawn to gateway login', bot),
    summary('warm: CLI, one question', cli),
  );
  const way = fromSource ? 'from source under tsx' : 'from the build (bin/pilcrow.mjs)';
  const header = `Start-up CPU ${way}, ${corpus.length} articles (${options.paragraphs} paragraphs); node ${process.version}, ${availableParallelism()} cpus, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
  process.stdout.write(`${header}\n\n${lines.join('\n')}\n`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
