/**
 * Several bot processes on one PostgreSQL (issue 19's target): the real bot (`src/main.ts`, as
 * in bench/run-load-benchmark.ts) with DATABASE_URL on a database this benchmark creates and drops,
 * each process with its own copy of a synthesised archive, its own cache and its own fake Discord.
 * First one process starts (cold cache, to fill it; not timed) and is stopped; each process's
 * cache is then a copy of that warm cache. Phase 1: one process alone, its start-up from the warm
 * cache and per-command p95 under the load mix. Phase 2: N processes started at once, each timed
 * and each sent the same mix at the same rate at the same time. Target: every command's p95 in
 * every process within 1.2× of the single process's; each start ≤ 10 s.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { startFakeDiscord, type FakeDiscord } from '../test/e2e/fake-discord/index.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import { generateLoadMix, type LoadAction } from './load-mix.ts';
import { summariseTimes } from './measure-latency.ts';
import { cpuMsOf } from './process-cpu.ts';
import { drive, settle, sourceArticles, startBotProcess, writeArchive, type BotProcess, type Outcome } from './run-load-benchmark.ts';
import { synthesiseCorpus } from './synthesise-corpus.ts';

/** How long a process may take to start (the first, cold one analyses the whole archive). */
const START_TIMEOUT_MS = 900_000;
/** Targets from issue 19. */
export const P95_RATIO_TARGET = 1.2;
export const START_TARGET_MS = 10_000;

export interface SeveralHostsOptions {
  processes: number;
  /** Paragraphs in the archive each process serves (the same synthesised archive, a copy each). */
  paragraphs: number;
  /** Commands per second sent to each process, for `seconds`. */
  rate: number;
  seconds: number;
  /** A warm cache to start from (filled on the first run; default: a directory under the temp dir, kept between runs). */
  cacheDir?: string;
  /** The fake Discord's window for a first response (default none: this measures times, it does not refuse). */
  callbackWindowMs?: number | null;
  progress?: (line: string) => void;
}

export interface CommandRow {
  label: string;
  /** The single process's final-answer p95, ms. */
  single: number;
  /** Each process's final-answer p95 when all run at once, ms. */
  several: number[];
  /** The worst of `several` over `single` (at least 1 ms). */
  ratio: number;
  pass: boolean;
  /** Answers of this command that each p95 is taken from: alone, and in each process at once. */
  samples: { single: number; several: number[] };
  /**
   * The p95 of every process's answers together over `single`: with few samples a p95 is nearly a
   * maximum, and the worst of four such is higher than one even when nothing is slower; this says
   * how the answers at once compare as a whole (the target is judged on `ratio`).
   */
  pooledRatio: number;
}

export interface SeveralHostsReport {
  node: string;
  cpus: number;
  load: { start: number; end: number };
  processes: number;
  archive: { articles: number; paragraphs: number };
  rate: number;
  seconds: number;
  /** Start-up (spawn to gateway login) from a warm cache: alone, and each of the processes started at once. */
  startupMs: { single: number; several: number[] };
  /** From login until answering promptly, before the load was sent (at the limit, 120 s, the load was sent to a process still busy starting). */
  settleMs: { single: number; several: number[] };
  /**
   * CPU time (user + system, ms) each process had used at login, i.e. the work of starting whatever
   * the contention; null where /proc cannot be read (not Linux).
   */
  startupCpuMs: { single: number | null; several: Array<number | null> };
  /**
   * CPU the bot processes used while the load was sent, in cores (CPU seconds per second): alone,
   * and all of them at once. Beside `cpus` and `load`, whether the machine had that much to give.
   */
  driveCores: { single: number | null; several: number | null };
  /**
   * This benchmark's own process (the fake Discords and the members sending the load, one thread)
   * while the load was sent: the CPU it used, in cores, and the 99th percentile of its event-loop
   * delay, ms: how late it may have read an answer that had arrived. Alone and all at once.
   */
  harness: { cores: { single: number; several: number }; loopDelayP99Ms: { single: number; several: number } };
  commands: CommandRow[];
  /** Actions without a final answer, per phase (a failure of the run, not of speed). */
  unanswered: { single: number; several: number[] };
  targets: { startsWithin10s: boolean; p95Within: boolean };
}

export async function runSeveralHosts(options: SeveralHostsOptions): Promise<SeveralHostsReport> {
  const progress = options.progress ?? (() => undefined);
  const database = await createTestDatabase();
  if ('skip' in database) throw new Error(`this benchmark needs PostgreSQL: ${database.skip}`);
  const corpus = synthesiseCorpus(sourceArticles(), options.paragraphs);
  const actions = generateLoadMix(corpus, Math.max(1, Math.round(options.rate * options.seconds)));
  const work = await mkdtemp(path.join(tmpdir(), 'pilcrow-several-hosts-'));
  const warmCache = options.cacheDir ?? path.join(tmpdir(), 'pilcrow-several-hosts-cache');
  const started: Host[] = [];
  try {
    progress(`writing ${corpus.length} articles (${paragraphsOf(corpus)} paragraphs) for ${options.processes} processes`);
    const dirs = [];
    for (let i = 0; i < options.processes; i++) {
      const dataDir = path.join(work, `data-${i}`);
      const cacheDir = path.join(work, `cache-${i}`);
      await mkdir(dataDir, { recursive: true });
      await writeArchive(
        dataDir,
        corpus.map((a) => a.article),
      );
      dirs.push({ dataDir, cacheDir });
    }
    await mkdir(warmCache, { recursive: true });
    const env = { url: database.url, window: options.callbackWindowMs === undefined ? null : options.callbackWindowMs };

    progress('filling the cache (a first process on a cold or old cache; not timed)');
    const filler = await startHost({ ...env, dataDir: dirs[0]!.dataDir, cacheDir: warmCache }, started);
    await settle(filler.fake);
    await stopHost(filler, started);
    for (const { cacheDir } of dirs) await cp(warmCache, cacheDir, { recursive: true });

    progress('phase 1: one process from a warm cache');
    const loadAtStart = loadavg()[0]!;
    const alone = await startHost({ ...env, ...dirs[0]! }, started);
    alone.settleMs = await settle(alone.fake);
    const singleUse = startUse([alone]);
    const singleHarness = startHarnessUse();
    const single = await drive(alone.fake, actions, options.rate);
    const singleCores = singleUse();
    const harnessSingle = singleHarness();
    await stopHost(alone, started);
    // Each process starts from its own warm copy again (phase 1 may have written to the first).
    await rm(dirs[0]!.cacheDir, { recursive: true, force: true });
    await cp(warmCache, dirs[0]!.cacheDir, { recursive: true });

    progress(`phase 2: ${options.processes} processes started at once, each from its warm cache`);
    const hosts = await Promise.all(dirs.map((dir) => startHost({ ...env, ...dir }, started)));
    await Promise.all(hosts.map(async (host) => (host.settleMs = await settle(host.fake))));
    progress(`phase 2: ${options.processes} × ${actions.length} actions at ${options.rate}/s each`);
    const severalUse = startUse(hosts);
    const severalHarness = startHarnessUse();
    const several = await Promise.all(hosts.map((host) => drive(host.fake, actions, options.rate)));
    const severalCores = severalUse();
    const harnessSeveral = severalHarness();
    const loadAtEnd = loadavg()[0]!;
    for (const host of hosts) await stopHost(host, started);
    return report({
      options,
      corpus,
      actions,
      alone,
      hosts,
      single,
      several,
      loadAtStart,
      loadAtEnd,
      singleCores,
      severalCores,
      harnessSingle,
      harnessSeveral,
    });
  } finally {
    for (const host of [...started]) await stopHost(host, started);
    await rm(work, { recursive: true, force: true });
    await database.drop();
  }
}

interface Host {
  fake: FakeDiscord;
  bot: BotProcess;
  startupMs: number;
  /** From login until it answered probes promptly (bench/run-load-benchmark.ts's settle, which gives up after 120 s). */
  settleMs: number;
  /** CPU time it had used at login, ms (null without /proc). */
  startupCpuMs: number | null;
}

/** Starts measuring this process (the harness): the function returned gives its CPU in cores and its event-loop delay p99 (ms) since. */
function startHarnessUse(): () => { cores: number; loopDelayP99Ms: number } {
  const begun = Date.now();
  const cpu = process.cpuUsage();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  return () => {
    delay.disable();
    const used = process.cpuUsage(cpu);
    const cores = (used.user + used.system) / 1000 / Math.max(1, Date.now() - begun);
    return { cores: Math.round(cores * 100) / 100, loopDelayP99Ms: Math.round(delay.percentile(99) / 1e6) };
  };
}

/** Starts counting the CPU the hosts' bot processes use; the function returned gives it in cores (CPU s per s) since. */
function startUse(hosts: readonly Host[]): () => number | null {
  const begun = Date.now();
  const before = hosts.map((h) => cpuMsOf(h.bot.child.pid));
  return () => {
    const after = hosts.map((h) => cpuMsOf(h.bot.child.pid));
    if ([...before, ...after].some((ms) => ms === null)) return null;
    const used = after.reduce<number>((sum, ms, i) => sum + ms! - before[i]!, 0);
    return Math.round((used / Math.max(1, Date.now() - begun)) * 100) / 100;
  };
}

/** A fake Discord and a bot process logged in to it; resolves at login (the start-up time). */
async function startHost(input: { url: string; window: number | null; dataDir: string; cacheDir: string }, started: Host[]): Promise<Host> {
  const fake = await startFakeDiscord(input.window === null ? {} : { callbackWindowMs: input.window });
  const begun = Date.now();
  const bot = startBotProcess({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: input.dataDir,
    CACHE_DIR: input.cacheDir,
    DATABASE_URL: input.url,
    LOG_LEVEL: 'warn',
  });
  const host: Host = { fake, bot, startupMs: 0, settleMs: 0, startupCpuMs: null };
  started.push(host);
  await Promise.race([
    fake.waitForLogin(START_TIMEOUT_MS),
    bot.exited.then((code) => Promise.reject(new Error(`a bot exited (${code}) before logging in:\n${bot.stderrTail()}`))),
  ]);
  host.startupMs = Date.now() - begun;
  host.startupCpuMs = cpuMsOf(bot.child.pid);
  return host;
}

async function stopHost(host: Host, started: Host[]): Promise<void> {
  const at = started.indexOf(host);
  if (at >= 0) started.splice(at, 1);
  await host.bot.stop();
  await host.fake.close();
}

function paragraphsOf(corpus: ReadonlyArray<{ article: { paragraphs: readonly unknown[] } }>): number {
  return corpus.reduce((n, a) => n + a.article.paragraphs.length, 0);
}

function countOf(outcomes: readonly Outcome[], label: string): number {
  return outcomes.filter((o) => o.label === label && o.finalMs !== null).length;
}

function p95Of(outcomes: readonly Outcome[], label: string): number {
  return summariseTimes(outcomes.flatMap((o) => (o.label === label && o.finalMs !== null ? [o.finalMs] : []))).p95;
}

function report(input: {
  options: SeveralHostsOptions;
  corpus: ReadonlyArray<{ article: { paragraphs: readonly unknown[] } }>;
  actions: readonly LoadAction[];
  alone: Host;
  hosts: Host[];
  single: Outcome[];
  several: Outcome[][];
  loadAtStart: number;
  loadAtEnd: number;
  singleCores: number | null;
  severalCores: number | null;
  harnessSingle: { cores: number; loopDelayP99Ms: number };
  harnessSeveral: { cores: number; loopDelayP99Ms: number };
}): SeveralHostsReport {
  const labels = [...new Set(input.actions.map((a) => a.label))].sort();
  const commands = labels.map((label) => {
    const single = p95Of(input.single, label);
    const several = input.several.map((outcomes) => p95Of(outcomes, label));
    // Times are whole milliseconds: a p95 of 0 counts as 1 ms, so the ratio stays finite.
    const ratio = Math.max(...several, 0) / Math.max(single, 1);
    const pooledRatio = p95Of(input.several.flat(), label) / Math.max(single, 1);
    return {
      label,
      single,
      several,
      ratio: Math.round(ratio * 100) / 100,
      pass: ratio <= P95_RATIO_TARGET,
      samples: { single: countOf(input.single, label), several: input.several.map((outcomes) => countOf(outcomes, label)) },
      pooledRatio: Math.round(pooledRatio * 100) / 100,
    };
  });
  const unanswered = (outcomes: readonly Outcome[]) => outcomes.filter((o) => o.finalMs === null).length;
  const startups = input.hosts.map((h) => h.startupMs);
  return {
    node: process.version,
    cpus: availableParallelism(),
    load: { start: Math.round(input.loadAtStart * 10) / 10, end: Math.round(input.loadAtEnd * 10) / 10 },
    processes: input.options.processes,
    archive: { articles: input.corpus.length, paragraphs: paragraphsOf(input.corpus) },
    rate: input.options.rate,
    seconds: input.options.seconds,
    startupMs: { single: input.alone.startupMs, several: startups },
    settleMs: { single: input.alone.settleMs, several: input.hosts.map((h) => h.settleMs) },
    startupCpuMs: { single: input.alone.startupCpuMs, several: input.hosts.map((h) => h.startupCpuMs) },
    driveCores: { single: input.singleCores, several: input.severalCores },
    harness: {
      cores: { single: input.harnessSingle.cores, several: input.harnessSeveral.cores },
      loopDelayP99Ms: { single: input.harnessSingle.loopDelayP99Ms, several: input.harnessSeveral.loopDelayP99Ms },
    },
    commands,
    unanswered: { single: unanswered(input.single), several: input.several.map(unanswered) },
    targets: {
      startsWithin10s: [input.alone.startupMs, ...startups].every((ms) => ms <= START_TARGET_MS),
      p95Within: commands.every((c) => c.pass),
    },
  };
}

/** The report as a table with PASS/FAIL against the targets. */
export function formatSeveralHostsReport(r: SeveralHostsReport): string {
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  const ms = (n: number) => String(Math.round(n)).padStart(7);
  const names = r.commands[0]?.several.map((_, i) => `proc ${i + 1}`.padStart(7)).join('') ?? '';
  return [
    `Several hosts: ${r.processes} bot processes on one PostgreSQL, each ${r.archive.articles} articles (${r.archive.paragraphs} paragraphs), ` +
      `${r.rate}/s for ${r.seconds} s each; node ${r.node}, ${r.cpus} cpus, load average ${r.load.start} → ${r.load.end}`,
    '',
    `start-up from a warm cache (ms)  alone ${Math.round(r.startupMs.single)}; at once ${r.startupMs.several.map(Math.round).join(', ')}   ` +
      `≤ ${START_TARGET_MS / 1000} s each: ${verdict(r.targets.startsWithin10s)}`,
    `CPU used to start (ms)           alone ${r.startupCpuMs.single ?? '?'}; at once ${r.startupCpuMs.several.map((ms) => ms ?? '?').join(', ')}`,
    `then answering promptly (ms)     alone ${Math.round(r.settleMs.single)}; at once ${r.settleMs.several.map(Math.round).join(', ')}`,
    `CPU used under the load (cores)  alone ${r.driveCores.single ?? '?'}; all at once ${r.driveCores.several ?? '?'} (the machine has ${r.cpus}, load average ${r.load.start} → ${r.load.end})`,
    `the benchmark's own process      alone ${r.harness.cores.single} cores, event-loop delay p99 ${r.harness.loopDelayP99Ms.single} ms; ` +
      `all at once ${r.harness.cores.several} cores, p99 ${r.harness.loopDelayP99Ms.several} ms`,
    `unanswered                       alone ${r.unanswered.single}; at once ${r.unanswered.several.join(', ')}`,
    '',
    `final answer p95 (ms)      alone${names}   worst/alone  (≤ ${P95_RATIO_TARGET}×)   all/alone  samples alone, each`,
    ...r.commands.map(
      (c) =>
        `${c.label.padEnd(24)} ${ms(c.single)}${c.several.map(ms).join('')}   ${c.ratio.toFixed(2).padStart(6)}×  ${verdict(c.pass)}` +
        `   ${c.pooledRatio.toFixed(2).padStart(8)}×  ${c.samples.single}, ${c.samples.several.join('/')}`,
    ),
    '',
    `every command within ${P95_RATIO_TARGET}× of one process: ${verdict(r.targets.p95Within)}`,
  ].join('\n');
}
