/**
 * Several bot processes on one PostgreSQL (issue 19's target): the real bot (`src/main.ts`, as
 * in bench/run-load-benchmark.ts) with DATABASE_URL on a database this benchmark creates and drops,
 * each process with its own copy of a synthesised archive, its own cache and its own fake Discord
 * (each in a thread of its own: bench/host-driver.ts). First one process starts (cold cache, to
 * fill it; not timed) and is stopped; each phase then starts its processes from fresh copies of
 * that warm cache, waits until each answers promptly, and sends each its load. Target: every
 * command's p95 in every process within 1.2× of the single process's; each start ≤ 10 s.
 *
 * The load: every kind of command equally often (bench/load-mix.ts `even`, so each command's p95
 * rests on as many answers as the others'), at Poisson arrivals of mean `rate` per second. Times
 * are the fake Discord's stamps of the bot's requests (performance clock, fractional ms).
 *   - Phase 1, alone: one process, mix and arrivals of seed 0.
 *   - Phase 2, independent arrivals (judged): N processes started at once, process i sent the mix
 *     and arrivals of seed i (process 1 the single process's load). Hosts of a deployment are
 *     separate machines whose members act independently: what they share is the database.
 *   - Phase 3, lock-step (information, `lockStep: false` skips it): N processes started afresh,
 *     each sent the single process's actions at the same instants. Every command then arrives in
 *     all N at once and N CPU-bound answers share this machine's cores (two here): about N/cores
 *     times slower by construction, a measure of core oversubscription on one box rather than of
 *     the design. It was the only phase before; its figure stays in the report, labelled.
 * Each phase's processes are started afresh: answers are memoised per process, so a process that
 * had answered a load before would answer it again from memory.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../test/support/postgres.ts';
import { poissonArrivals } from './arrivals.ts';
import { generateLoadMix, type LoadAction } from './load-mix.ts';
import { worstOfChance } from './chance-ratio.ts';
import { summariseTimes } from './measure-latency.ts';
import { cpuMsOf } from './process-cpu.ts';
import { sourceArticles, startBotProcess, writeArchive, type BotProcess, type Outcome } from './run-load-benchmark.ts';
import { startHostDriver, type HostDriver } from './host-driver.ts';
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
  /** Mean commands per second sent to each process, for `seconds` (Poisson arrivals). */
  rate: number;
  seconds: number;
  /** Also run the lock-step phase (every process sent the single process's actions at the same instants; information, not the target). Default true. */
  lockStep?: boolean;
  /** A warm cache to start from (filled on the first run; default: a directory under the temp dir, kept between runs). */
  cacheDir?: string;
  /** The fake Discord's window for a first response (default none: this measures times, it does not refuse). */
  callbackWindowMs?: number | null;
  progress?: (line: string) => void;
}

/** Each process's answers of one command in one phase of several processes, against the single process's. */
export interface Comparison {
  /** Each process's final-answer p95, ms. */
  several: number[];
  /** Answers each p95 is taken from. */
  samples: number[];
  /** The worst of `several` over the single process's p95 (at least 1 ms); null when a process, or the single one, had no answer of it. */
  ratio: number | null;
  /**
   * The p95 of every process's answers together over the single one's: the worst of four p95s is
   * above one p95 of the same distribution by chance alone, more so with few samples; this says
   * how the answers at once compare as a whole (the target is judged on `ratio`). Null as `ratio`.
   */
  pooledRatio: number | null;
  /**
   * The worst-of-processes ratio by chance alone (bench/chance-ratio.ts): as many sets of these
   * sizes drawn from the single process's answers, the median worst p95 over its p95. Null as `ratio`.
   */
  chanceRatio: number | null;
  /** `ratio` within the target (a command not measured in every process does not pass). */
  pass: boolean;
}

export interface CommandRow {
  label: string;
  /** The single process's final-answer p95, ms, and the answers it is taken from. */
  single: number;
  singleSamples: number;
  /** Every process with its own actions at its own random instants: what the target is judged on. */
  independent: Comparison;
  /** Every process sent the single process's actions at the same instants (information: see the doc comment). */
  lockStep: Comparison | null;
}

/** What one phase's processes did: started (at once unless alone), answered and cost. */
export interface PhaseFigures {
  /** Start-up (spawn to gateway login) from a warm cache, ms, per process. */
  startupMs: number[];
  /** From login until answering promptly, before the load was sent (at the limit, 120 s, the load was sent to a process still busy starting). */
  settleMs: number[];
  /** CPU time (user + system, ms) each process had used at login, whatever the contention; null without /proc (not Linux). */
  startupCpuMs: Array<number | null>;
  /** CPU the bot processes used while the load was sent, in cores (CPU seconds per second), all together. */
  driveCores: number | null;
  /**
   * This benchmark's own process while the load was sent: its CPU in cores (every thread), and for
   * each host's thread (its fake Discord and members: bench/host-driver.ts) the share of the time
   * its event loop was busy and the 99th percentile of its event-loop delay beyond a 1 ms timer,
   * ms: how late it may have stamped an answer that had arrived.
   */
  harness: { cores: number; loopBusy: number[]; loopDelayP99Ms: number[] };
  /** Transactions committed per second in the benchmark's database while the load was sent (every process's queries). */
  databaseTransactionsPerSecond: number | null;
  /** Actions without a final answer, per process (a failure of the run, not of speed). */
  unanswered: number[];
}

export interface SeveralHostsReport {
  node: string;
  cpus: number;
  load: { start: number; end: number };
  processes: number;
  archive: { articles: number; paragraphs: number };
  rate: number;
  seconds: number;
  /** Every kind of action equally often (bench/load-mix.ts `even`), Poisson arrivals. */
  mix: 'even';
  alone: PhaseFigures;
  /** All processes at once, each its own seeded mix and Poisson arrivals (process 1 the single process's). Judged. */
  independent: PhaseFigures;
  /** All processes started afresh at once, each sent the single process's actions at the same instants. Information. */
  lockStep: PhaseFigures | null;
  commands: CommandRow[];
  targets: { startsWithin10s: boolean; p95Within: boolean };
}

/** Seeds of the mix and of the arrivals of process `i` (0: the single process's). */
const MIX_SEED = 9;
const ARRIVAL_SEED = 101;

export async function runSeveralHosts(options: SeveralHostsOptions): Promise<SeveralHostsReport> {
  const progress = options.progress ?? (() => undefined);
  const database = await createTestDatabase();
  if ('skip' in database) throw new Error(`this benchmark needs PostgreSQL: ${database.skip}`);
  const corpus = synthesiseCorpus(sourceArticles(), options.paragraphs);
  const count = Math.max(1, Math.round(options.rate * options.seconds));
  const loadOf = (i: number): Load => ({
    actions: generateLoadMix(corpus, count, MIX_SEED + i, 'even'),
    arrivals: poissonArrivals(count, options.rate, ARRIVAL_SEED + i),
  });
  const aloneLoad = loadOf(0);
  const work = await mkdtemp(path.join(tmpdir(), 'pilcrow-several-hosts-'));
  const warmCache = options.cacheDir ?? path.join(tmpdir(), 'pilcrow-several-hosts-cache');
  const started: Host[] = [];
  const transactions = databaseTransactions(database.url);
  try {
    progress(`writing ${corpus.length} articles (${paragraphsOf(corpus)} paragraphs) for ${options.processes} processes`);
    const dirs: Array<{ dataDir: string; cacheDir: string }> = [];
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
    /** Each process starts from its own copy of the warm cache (a phase may have written to it). */
    const freshCaches = async (): Promise<void> => {
      for (const { cacheDir } of dirs) {
        await rm(cacheDir, { recursive: true, force: true });
        await cp(warmCache, cacheDir, { recursive: true });
      }
    };
    /** Starts `count` processes at once, waits until each answers promptly, sends each its load, stops them. */
    const phase = async (hostsCount: number, loads: (i: number) => Load): Promise<{ figures: PhaseFigures; outcomes: Outcome[][] }> => {
      await freshCaches();
      const hosts = await Promise.all(dirs.slice(0, hostsCount).map((dir) => startHost({ ...env, ...dir }, started)));
      await Promise.all(hosts.map(async (host) => (host.settleMs = await host.driver.settle())));
      const use = startUse(hosts);
      const harness = startHarnessUse();
      const committed = await transactions.count();
      const begun = performance.now();
      const driven = await Promise.all(
        hosts.map((host, i) => {
          const { actions, arrivals } = loads(i);
          return host.driver.drive(actions, options.rate, arrivals);
        }),
      );
      const outcomes = driven.map((d) => d.outcomes);
      const committedAfter = await transactions.count();
      const seconds = (performance.now() - begun) / 1000;
      const figures: PhaseFigures = {
        startupMs: hosts.map((h) => h.startupMs),
        settleMs: hosts.map((h) => h.settleMs),
        startupCpuMs: hosts.map((h) => h.startupCpuMs),
        driveCores: use(),
        harness: { cores: harness(), loopBusy: driven.map((d) => d.use.loopBusy), loopDelayP99Ms: driven.map((d) => d.use.loopDelayP99Ms) },
        databaseTransactionsPerSecond:
          committed === null || committedAfter === null ? null : Math.round(((committedAfter - committed) / seconds) * 10) / 10,
        unanswered: outcomes.map((list) => list.filter((o) => o.finalMs === null).length),
      };
      for (const host of hosts) await stopHost(host, started);
      return { figures, outcomes };
    };

    progress('filling the cache (a first process on a cold or old cache; not timed)');
    const filler = await startHost({ ...env, dataDir: dirs[0]!.dataDir, cacheDir: warmCache }, started);
    await filler.driver.settle();
    await stopHost(filler, started);

    const loadAtStart = loadavg()[0]!;
    progress(`phase 1: one process from a warm cache, ${count} actions at ${options.rate}/s (Poisson)`);
    const alone = await phase(1, () => aloneLoad);
    progress(
      `phase 2: ${options.processes} processes started at once, each ${count} actions of its own at ${options.rate}/s (independent Poisson arrivals)`,
    );
    const independent = await phase(options.processes, loadOf);
    let lockStep: Awaited<ReturnType<typeof phase>> | null = null;
    if (options.lockStep !== false) {
      progress(
        `phase 3 (information): ${options.processes} processes started afresh, each sent the single process's actions at the same instants`,
      );
      lockStep = await phase(options.processes, () => aloneLoad);
    }
    const loadAtEnd = loadavg()[0]!;
    return report({ options, corpus, alone, independent, lockStep, loadAtStart, loadAtEnd });
  } finally {
    for (const host of [...started]) await stopHost(host, started);
    await transactions.close();
    await rm(work, { recursive: true, force: true });
    await database.drop();
  }
}

/** What one process is sent: its actions and when (offsets in ms from the start of the load). */
interface Load {
  actions: LoadAction[];
  arrivals: number[];
}

/** Reads the benchmark database's committed transactions (pg_stat_database); null when it cannot. */
function databaseTransactions(url: string): { count(): Promise<number | null>; close(): Promise<void> } {
  let client: pg.Client | null = null;
  return {
    async count() {
      try {
        if (!client) {
          client = new pg.Client({ connectionString: url });
          await client.connect();
        }
        // Each backend reports its counts at most once a second (and when idle): wait for them.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await client.query('SELECT pg_stat_clear_snapshot()');
        const result = await client.query<{ n: string }>(
          'SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()',
        );
        return Number(result.rows[0]?.n ?? NaN);
      } catch {
        return null;
      }
    },
    async close() {
      await client?.end().catch(() => undefined);
    },
  };
}

interface Host {
  driver: HostDriver;
  bot: BotProcess;
  startupMs: number;
  /** From login until it answered probes promptly (bench/run-load-benchmark.ts's settle, which gives up after 120 s). */
  settleMs: number;
  /** CPU time it had used at login, ms (null without /proc). */
  startupCpuMs: number | null;
}

/** Starts measuring this process's CPU (every thread): the function returned gives it in cores since. */
function startHarnessUse(): () => number {
  const begun = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return Math.round(((used.user + used.system) / 1000 / Math.max(1, performance.now() - begun)) * 100) / 100;
  };
}

/** Starts counting the CPU the hosts' bot processes use; the function returned gives it in cores (CPU s per s) since. */
function startUse(hosts: readonly Host[]): () => number | null {
  const begun = performance.now();
  const before = hosts.map((h) => cpuMsOf(h.bot.child.pid));
  return () => {
    const after = hosts.map((h) => cpuMsOf(h.bot.child.pid));
    if ([...before, ...after].some((ms) => ms === null)) return null;
    const used = after.reduce<number>((sum, ms, i) => sum + ms! - before[i]!, 0);
    return Math.round((used / Math.max(1, performance.now() - begun)) * 100) / 100;
  };
}

/** A fake Discord (in a thread of its own) and a bot process logged in to it; resolves at login (the start-up time). */
async function startHost(input: { url: string; window: number | null; dataDir: string; cacheDir: string }, started: Host[]): Promise<Host> {
  const driver = await startHostDriver({ callbackWindowMs: input.window });
  const begun = performance.now();
  const bot = startBotProcess({
    DISCORD_TOKEN: driver.token,
    DISCORD_API_URL: driver.apiUrl,
    DATA_DIR: input.dataDir,
    CACHE_DIR: input.cacheDir,
    DATABASE_URL: input.url,
    LOG_LEVEL: 'warn',
  });
  const host: Host = { driver, bot, startupMs: 0, settleMs: 0, startupCpuMs: null };
  started.push(host);
  await Promise.race([
    driver.waitForLogin(START_TIMEOUT_MS),
    bot.exited.then((code) => Promise.reject(new Error(`a bot exited (${code}) before logging in:\n${bot.stderrTail()}`))),
  ]);
  host.startupMs = Math.round(performance.now() - begun);
  host.startupCpuMs = cpuMsOf(bot.child.pid);
  return host;
}

async function stopHost(host: Host, started: Host[]): Promise<void> {
  const at = started.indexOf(host);
  if (at >= 0) started.splice(at, 1);
  await host.bot.stop();
  await host.driver.close();
}

function paragraphsOf(corpus: ReadonlyArray<{ article: { paragraphs: readonly unknown[] } }>): number {
  return corpus.reduce((n, a) => n + a.article.paragraphs.length, 0);
}

function answersOf(outcomes: readonly Outcome[], label: string): number[] {
  return outcomes.flatMap((o) => (o.label === label && o.finalMs !== null ? [o.finalMs] : []));
}

/** One command's answers in each of several processes against the single process's p95. */
function compare(label: string, singleAnswers: readonly number[], several: readonly Outcome[][]): Comparison {
  const single = summariseTimes(singleAnswers);
  const stats = several.map((outcomes) => summariseTimes(answersOf(outcomes, label)));
  const measured = single.runs > 0 && stats.every((s) => s.runs > 0);
  // A p95 under 1 ms counts as 1 ms, so the ratio stays finite and means something.
  const base = Math.max(single.p95, 1);
  const ratio = Math.max(...stats.map((s) => s.p95)) / base;
  const pooled = summariseTimes(several.flatMap((outcomes) => answersOf(outcomes, label))).p95 / base;
  return {
    several: stats.map((s) => s.p95),
    samples: stats.map((s) => s.runs),
    ratio: measured ? round2(ratio) : null,
    pooledRatio: measured ? round2(pooled) : null,
    chanceRatio: measured
      ? worstOfChance(
          singleAnswers,
          stats.map((s) => s.runs),
        )
      : null,
    pass: measured && ratio <= P95_RATIO_TARGET,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

type PhaseRun = { figures: PhaseFigures; outcomes: Outcome[][] };

function report(input: {
  options: SeveralHostsOptions;
  corpus: ReadonlyArray<{ article: { paragraphs: readonly unknown[] } }>;
  alone: PhaseRun;
  independent: PhaseRun;
  lockStep: PhaseRun | null;
  loadAtStart: number;
  loadAtEnd: number;
}): SeveralHostsReport {
  const everyOutcome = [input.alone, input.independent, input.lockStep].flatMap((phase) => phase?.outcomes.flat() ?? []);
  const labels = [...new Set(everyOutcome.map((o) => o.label))].sort();
  const aloneOutcomes = input.alone.outcomes[0]!;
  const commands = labels.map((label): CommandRow => {
    const answers = answersOf(aloneOutcomes, label);
    const single = summariseTimes(answers);
    return {
      label,
      single: single.p95,
      singleSamples: single.runs,
      independent: compare(label, answers, input.independent.outcomes),
      lockStep: input.lockStep ? compare(label, answers, input.lockStep.outcomes) : null,
    };
  });
  const starts = [input.alone, input.independent, input.lockStep].flatMap((phase) => phase?.figures.startupMs ?? []);
  return {
    node: process.version,
    cpus: availableParallelism(),
    load: { start: Math.round(input.loadAtStart * 10) / 10, end: Math.round(input.loadAtEnd * 10) / 10 },
    processes: input.options.processes,
    archive: { articles: input.corpus.length, paragraphs: paragraphsOf(input.corpus) },
    rate: input.options.rate,
    seconds: input.options.seconds,
    mix: 'even',
    alone: input.alone.figures,
    independent: input.independent.figures,
    lockStep: input.lockStep?.figures ?? null,
    commands,
    targets: {
      startsWithin10s: starts.every((ms) => ms <= START_TARGET_MS),
      p95Within: commands.every((c) => c.independent.pass),
    },
  };
}

/** The report as a table with PASS/FAIL against the targets. */
export function formatSeveralHostsReport(r: SeveralHostsReport): string {
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  const ms = (n: number) => n.toFixed(1).padStart(7);
  const times = (ratio: number | null, width: number) => (ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`).padStart(width + 1);
  const list = (values: ReadonlyArray<number | null>) => values.map((v) => (v === null ? '?' : String(Math.round(v)))).join(', ');
  const phases: Array<[string, PhaseFigures | null]> = [
    ['alone', r.alone],
    ['at once, independent', r.independent],
    ['at once, lock-step', r.lockStep],
  ];
  const perPhase = (title: string, line: (f: PhaseFigures) => string) =>
    [title, ...phases.flatMap(([name, f]) => (f ? [`  ${name.padEnd(22)} ${line(f)}`] : []))].join('\n');
  const names = Array.from({ length: r.processes }, (_, i) => `proc ${i + 1}`.padStart(7)).join('');
  const table = (title: string, pick: (c: CommandRow) => Comparison) => [
    `${title.padEnd(24)}   alone${names}  worst/alone (≤ ${P95_RATIO_TARGET}×)  all/alone  by chance  samples alone; each`,
    ...r.commands.map((c) => {
      const k = pick(c);
      return (
        `${c.label.padEnd(24)} ${ms(c.single)}${k.several.map(ms).join('')}  ${times(k.ratio, 6)}  ${verdict(k.pass)}` +
        `   ${times(k.pooledRatio, 8)}  ${times(k.chanceRatio, 8)}  ${c.singleSamples}; ${k.samples.join('/')}`
      );
    }),
  ];
  return [
    `Several hosts: ${r.processes} bot processes on one PostgreSQL, each ${r.archive.articles} articles (${r.archive.paragraphs} paragraphs), ` +
      `${r.rate}/s for ${r.seconds} s each (Poisson arrivals, every command equally often); node ${r.node}, ${r.cpus} cpus, load average ${r.load.start} → ${r.load.end}`,
    '',
    perPhase('start-up from a warm cache (ms)', (f) => list(f.startupMs)),
    `  each ≤ ${START_TARGET_MS / 1000} s: ${verdict(r.targets.startsWithin10s)}`,
    perPhase('CPU used to start (ms)', (f) => list(f.startupCpuMs)),
    perPhase('then answering promptly (ms)', (f) => list(f.settleMs)),
    perPhase(
      `under the load: bots' CPU (cores, of ${r.cpus}); database commits/s; benchmark's CPU (cores); each fake Discord thread busy, loop delay p99 (ms)`,
      (f) =>
        `${f.driveCores ?? '?'}; ${f.databaseTransactionsPerSecond ?? '?'}/s; ${f.harness.cores}; ` +
        f.harness.loopBusy.map((busy, i) => `${Math.round(busy * 100)} %, ${f.harness.loopDelayP99Ms[i]}`).join(' / '),
    ),
    perPhase('unanswered', (f) => f.unanswered.join(', ')),
    '',
    ...table('final answer p95 (ms)', (c) => c.independent),
    `(independent arrivals: each process its own actions at its own random instants, as separate hosts' members;`,
    ` "by chance": the worst/alone of as many sets drawn from the single process's own answers, i.e. with nothing slower)`,
    '',
    `every command within ${P95_RATIO_TARGET}× of one process: ${verdict(r.targets.p95Within)}`,
    ...(r.commands[0]?.lockStep
      ? [
          '',
          ...table('lock-step p95 (ms)', (c) => c.lockStep!),
          `(information, not the target: every process sent the same action at the same instant, so on ${r.cpus} cores ` +
            `${r.processes} answers wait for each other's CPU by construction)`,
        ]
      : []),
  ].join('\n');
}
