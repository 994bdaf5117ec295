/**
 * The load benchmark: the real bot (`src/main.ts` as its own process, as in production) over a
 * synthesised archive, logged in to the fake Discord server (test/e2e/fake-discord) on
 * 127.0.0.1, which refuses a first response later than Discord's 3 s as Discord does. Members
 * send a fixed mix of commands, autocompletes and button presses at a steady rate; the report
 * gives first-response and final-answer percentiles, the bot's error log lines and peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/model/article.ts';
import type { AnalysedArticle } from '../src/model/corpus.ts';
import { checkMessage, startFakeDiscord, type FakeDiscord, type InteractionReply } from '../test/e2e/fake-discord/index.ts';
import { generateLoadMix, type LoadAction } from './load-mix.ts';
import { fixtureArticles } from '../test/support/article-from-paragraphs.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';
import { summariseTimes, type LatencyStats } from './measure-latency.ts';
import { synthesiseArticles } from './synthesise-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Discord's window for the first response to an interaction. */
export const DISCORD_WINDOW_MS = 3000;
/** How long after the last command the benchmark waits for outstanding answers. */
const DRAIN_MS = 30_000;
/** How long the bot may take to start (analysing the archive on a cold cache). */
const START_TIMEOUT_MS = 600_000;
/** Settled: this many probes in a row answered within PROBE_PROMPT_MS (at most SETTLE_TIMEOUT_MS of probing). */
const PROBES_IN_A_ROW = 3;
const PROBE_PROMPT_MS = 250;
const SETTLE_TIMEOUT_MS = 120_000;

export interface LoadOptions {
  /** Commands per second. */
  rate: number;
  seconds: number;
  /** Articles in the synthesised archive. */
  articles: number;
  /** Where analyses are cached between runs (default: a directory under the system temp dir). */
  cacheDir?: string;
  /** The fake refuses first responses later than this, as Discord does (default 3000; null: never, for tests on slow machines). */
  callbackWindowMs?: number | null;
  /** Write a V8 CPU profile of the bot process into this directory (node --cpu-prof), to see where its time goes. */
  cpuProfileDir?: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

/** Timings of one kind of action. */
export interface ActionRow {
  label: string;
  sent: number;
  firstResponse: LatencyStats;
  finalAnswer: LatencyStats;
}

export interface LoadReport {
  node: string;
  cpus: number;
  /** 1-minute load average at the start and end of the load phase. */
  load: { start: number; end: number };
  rate: number;
  seconds: number;
  archive: { articles: number; paragraphs: number };
  /** From spawning the bot to its gateway login (analyses from the cache when warm). */
  startupMs: number;
  /** From login until the bot answered probes promptly (work left from start-up, e.g. writing a cold cache). */
  settleMs: number;
  sent: number;
  /** First responses (reply, deferral, update, choices) Discord accepted, i.e. within 3 s. */
  firstResponses: number;
  withinWindow: number;
  /** Commands whose final answer (the reply, or the edit of a deferral) arrived. */
  finalAnswers: number;
  /** Final answers that broke Discord's limits or allowed mentions. */
  invalidAnswers: number;
  /** Final answers that were the apology for an error. */
  apologies: number;
  /** Why actions got no first response or no final answer, with counts. */
  failures: Record<string, number>;
  firstResponse: LatencyStats;
  finalAnswer: LatencyStats;
  actions: ActionRow[];
  /** The bot's log lines at level error or worse, and the first few of them. */
  errorLines: number;
  errorSamples: string[];
  warnLines: number;
  /** Peak resident memory of the bot process over its whole life, and during the load phase, in MB (null off Linux). */
  peakRssMB: number | null;
  loadRssMB: number | null;
  targets: { allWithinWindow: boolean; everyFinalAnswer: boolean; noErrorLines: boolean; rssWithin1GB: boolean | null };
}

export interface Outcome {
  label: string;
  firstMs: number | null;
  finalMs: number | null;
  invalid: boolean;
  apology: boolean;
  /** Why no first response or no final answer came (the fake's error, digits masked). */
  failure?: string;
}

/** Runs the load benchmark once; everything it starts is stopped and removed before it returns. */
export async function runLoadBenchmark(options: LoadOptions): Promise<LoadReport> {
  const progress = options.progress ?? (() => undefined);
  const count = Math.max(1, Math.round(options.rate * options.seconds));
  const sources = sourceArticles();
  const corpus = synthesiseArticles(sources, options.articles);
  const actions = generateLoadMix(corpus, count);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-load-data-'));
  const cacheDir = options.cacheDir ?? path.join(tmpdir(), 'pilcrow-load-cache');
  await mkdir(cacheDir, { recursive: true });
  let fake: FakeDiscord | null = null;
  let bot: BotProcess | null = null;
  try {
    progress(`writing ${corpus.length} articles`);
    await writeArchive(
      dataDir,
      corpus.map((a) => a.article),
    );
    const window = options.callbackWindowMs === undefined ? DISCORD_WINDOW_MS : options.callbackWindowMs;
    fake = await startFakeDiscord(window === null ? {} : { callbackWindowMs: window });
    progress('starting the bot (analysing the archive unless cached)');
    const started = Date.now();
    const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    bot = startBotProcess(
      { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, CACHE_DIR: cacheDir, LOG_LEVEL: 'info' },
      nodeArgs,
    );
    await Promise.race([
      fake.waitForLogin(START_TIMEOUT_MS),
      bot.exited.then((code) => Promise.reject(new Error(`the bot exited (${code}) before logging in:\n${bot!.stderrTail()}`))),
    ]);
    const startupMs = Date.now() - started;
    progress(`bot logged in after ${(startupMs / 1000).toFixed(1)} s; waiting until it answers promptly`);
    const settleMs = await settle(fake);
    progress(`bot settled after ${(settleMs / 1000).toFixed(1)} s more; sending ${count} actions at ${options.rate}/s`);
    const loadAtStart = loadavg()[0]!;
    const rssSampler = sampleRss(bot.child.pid);
    const outcomes = await drive(fake, actions, options.rate);
    const loadAtEnd = loadavg()[0]!;
    const loadRssMB = rssSampler.stop();
    const peakRssMB = readPeakRss(bot.child.pid);
    await bot.stop();
    const lines = bot.logLines();
    return report({ options, corpus, startupMs, settleMs, outcomes, lines, loadAtStart, loadAtEnd, peakRssMB, loadRssMB });
  } finally {
    await bot?.stop();
    await fake?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function sourceArticles(): AnalysedArticle[] {
  const empty = { sentences: [], entities: [], quotes: [], ranking: [] };
  return fixtureArticles().map((article) => ({ article, analysis: empty }));
}

/** Writes each article as a text file: front matter with the headline, then its paragraphs. */
export async function writeArchive(dir: string, articles: readonly Article[]): Promise<void> {
  for (const article of articles) {
    const title = (article.title ?? article.id).replace(/[\r\n]+/g, ' ').replace(/"/g, "'");
    const body = article.paragraphs.map((p) => p.text).join('\n\n');
    await writeFile(path.join(dir, `${article.id}.txt`), `---\ntitle: "${title}"\n---\n\n${body}\n`);
  }
}

export interface BotProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  logLines(): string[];
  stderrTail(): string;
  stop(): Promise<void>;
}

/**
 * `src/main.ts` as a real process, as `npm start` runs it (`node bin/pilcrow.mjs src/main.ts`, from
 * the build of the code), or with `fromSource` under tsx (`node --import tsx`); its pid is the bot's.
 */
export function startBotProcess(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  options: { fromSource?: boolean } = {},
): BotProcess {
  const entry = options.fromSource ? ['--import', 'tsx', 'src/main.ts'] : ['bin/pilcrow.mjs', 'src/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping: Promise<void> | null = null;
  return {
    child,
    exited,
    logLines: () => stderr.split('\n').filter((l) => l.trim()),
    stderrTail: () => stderr.slice(-2000),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

/**
 * Waits until the bot is past its start-up work: probes (an autocomplete) every 200 ms until
 * a few in a row are answered promptly. Returns how long that took.
 */
export async function settle(fake: FakeDiscord): Promise<number> {
  const started = Date.now();
  let prompt = 0;
  while (prompt < PROBES_IN_A_ROW && Date.now() - started < SETTLE_TIMEOUT_MS) {
    const sent = Date.now();
    try {
      await fake.autocomplete('who', 'name', 'pro');
      prompt = Date.now() - sent <= PROBE_PROMPT_MS ? prompt + 1 : 0;
    } catch {
      prompt = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Date.now() - started;
}

/**
 * Now in ms since the epoch with a fraction (the performance clock, as the fake Discord stamps
 * what it receives): answers of a few ms are not rounded to whole ones.
 */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Sends the actions, each from its own member, at `rate` per second (or at `arrivals`, offsets in
 * ms from the start, one per action: see bench/arrivals.ts); resolves when every one is settled.
 */
export async function drive(
  fake: FakeDiscord,
  actions: readonly LoadAction[],
  rate: number,
  arrivals?: readonly number[],
): Promise<Outcome[]> {
  const pageIds: string[] = [];
  const citeIds: string[] = [];
  const remember = (body: any): void => {
    for (const button of (body?.components ?? []).flatMap((row: any) => row.components ?? [])) {
      if (button.disabled || typeof button.custom_id !== 'string') continue;
      const list = button.custom_id.startsWith('cite:') ? citeIds : pageIds;
      if (!list.includes(button.custom_id)) list.push(button.custom_id);
    }
  };
  const random = createSeededRandom(11);
  const firstMember = BigInt(fake.memberUserId);
  const start = preciseNow();
  const pending: Array<Promise<Outcome>> = [];
  for (const [i, action] of actions.entries()) {
    const due = start + (arrivals?.[i] ?? (i * 1000) / rate);
    const wait = due - preciseNow();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const userId = String(firstMember + 1000n + BigInt(i));
    pending.push(perform(fake, action, userId, { pageIds, citeIds, random, remember }));
  }
  return Promise.all(pending);
}

async function perform(
  fake: FakeDiscord,
  action: LoadAction,
  userId: string,
  buttons: { pageIds: string[]; citeIds: string[]; random: SeededRandom; remember: (body: any) => void },
): Promise<Outcome> {
  const { pageIds, citeIds, random, remember } = buttons;
  const sent = preciseNow();
  const timeoutMs = DRAIN_MS;
  const outcome: Outcome = { label: action.label, firstMs: null, finalMs: null, invalid: false, apology: false };
  let reply: InteractionReply;
  try {
    if (action.kind === 'slash') {
      reply = await fake.slash(action.command, action.options, { userId, timeoutMs });
    } else if (action.kind === 'autocomplete') {
      reply = await fake.autocomplete(action.command, action.focused, action.value);
    } else {
      reply = await pressSomeButton(fake, action.label === 'button:page' ? pageIds : citeIds, random, { userId, timeoutMs });
    }
  } catch (err) {
    outcome.failure = reasonOf(err);
    return outcome;
  }
  // When the fake received the callback (not when this member's await resumed, later when the
  // benchmark's thread is busy).
  const firstAt = reply.callbackAt;
  outcome.firstMs = firstAt - sent;
  let body: any = reply.callback.data;
  let finalAt = firstAt;
  if (reply.callback.type === 5) {
    try {
      await fake.waitForLater(reply, (later) => later.some(isAnswer), timeoutMs);
    } catch (err) {
      outcome.failure = `no final answer: ${reasonOf(err)}`;
      return outcome;
    }
    const answer = reply.later.find(isAnswer)!;
    body = answer.body;
    finalAt = answer.at;
  }
  outcome.finalMs = finalAt - sent;
  outcome.invalid = checkMessage(body ?? {}).length > 0;
  outcome.apology = typeof body?.content === 'string' && body.content.startsWith('Sorry, something went wrong');
  remember(body);
  return outcome;
}

/**
 * Presses a button seen on an answer. A page press updates its message, so a remembered id
 * may be gone from every message: it is forgotten and another is tried. With none left, a
 * bare /quote is sent instead (its answer brings buttons).
 */
async function pressSomeButton(
  fake: FakeDiscord,
  ids: string[],
  random: SeededRandom,
  extra: { userId: string; timeoutMs: number },
): Promise<InteractionReply> {
  while (ids.length > 0) {
    const id = random.pick(ids);
    try {
      return await fake.button(id, extra);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('no bot message with a button')) throw err;
      ids.splice(ids.indexOf(id), 1);
    }
  }
  return fake.slash('quote', {}, extra);
}

/** A failure as a short reason that groups alike ones (digits masked). */
function reasonOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/\d+/g, 'N').slice(0, 160);
}

/** An edit of the deferred reply or a follow-up carrying the answer. */
function isAnswer(request: { method: string; path: string; status: number }): boolean {
  return request.status < 300 && (request.method === 'PATCH' || (request.method === 'POST' && !request.path.endsWith('/callback')));
}

/** Samples the bot's resident memory every 100 ms; stop() returns the highest sample in MB. */
function sampleRss(pid: number | undefined): { stop(): number | null } {
  let peak: number | null = null;
  const timer = setInterval(() => {
    const kb = readStatus(pid, 'VmRSS');
    if (kb !== null) peak = Math.max(peak ?? 0, kb / 1024);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return peak === null ? null : round1(peak);
    },
  };
}

export function readPeakRss(pid: number | undefined): number | null {
  const kb = readStatus(pid, 'VmHWM');
  return kb === null ? null : round1(kb / 1024);
}

/** A kB field of /proc/<pid>/status (Linux), or null. */
function readStatus(pid: number | undefined, field: string): number | null {
  if (pid === undefined) return null;
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function report(input: {
  options: LoadOptions;
  corpus: readonly AnalysedArticle[];
  startupMs: number;
  settleMs: number;
  outcomes: Outcome[];
  lines: string[];
  loadAtStart: number;
  loadAtEnd: number;
  peakRssMB: number | null;
  loadRssMB: number | null;
}): LoadReport {
  const { outcomes, lines } = input;
  const first = outcomes.flatMap((o) => (o.firstMs === null ? [] : [o.firstMs]));
  const final = outcomes.flatMap((o) => (o.finalMs === null ? [] : [o.finalMs]));
  const levels = lines.map((line) => {
    try {
      return { level: Number((JSON.parse(line) as { level?: unknown }).level ?? 30), line };
    } catch {
      return { level: 50, line };
    }
  });
  const errors = levels.filter((l) => l.level >= 50);
  const labels = [...new Set(outcomes.map((o) => o.label))].sort();
  const finalAnswers = final.length;
  const rss = Math.max(input.peakRssMB ?? 0, input.loadRssMB ?? 0);
  return {
    node: process.version,
    cpus: availableParallelism(),
    load: { start: round1(input.loadAtStart), end: round1(input.loadAtEnd) },
    rate: input.options.rate,
    seconds: input.options.seconds,
    archive: { articles: input.corpus.length, paragraphs: input.corpus.reduce((n, a) => n + a.article.paragraphs.length, 0) },
    startupMs: input.startupMs,
    settleMs: input.settleMs,
    sent: outcomes.length,
    firstResponses: first.length,
    withinWindow: first.filter((ms) => ms <= DISCORD_WINDOW_MS).length,
    finalAnswers,
    invalidAnswers: outcomes.filter((o) => o.invalid).length,
    apologies: outcomes.filter((o) => o.apology).length,
    failures: outcomes.reduce<Record<string, number>>((counts, o) => {
      if (o.failure) counts[o.failure] = (counts[o.failure] ?? 0) + 1;
      return counts;
    }, {}),
    firstResponse: summariseTimes(first),
    finalAnswer: summariseTimes(final),
    actions: labels.map((label) => {
      const mine = outcomes.filter((o) => o.label === label);
      return {
        label,
        sent: mine.length,
        firstResponse: summariseTimes(mine.flatMap((o) => (o.firstMs === null ? [] : [o.firstMs]))),
        finalAnswer: summariseTimes(mine.flatMap((o) => (o.finalMs === null ? [] : [o.finalMs]))),
      };
    }),
    errorLines: errors.length,
    errorSamples: errors.slice(0, 3).map((e) => e.line.slice(0, 400)),
    warnLines: levels.filter((l) => l.level === 40).length,
    peakRssMB: input.peakRssMB,
    loadRssMB: input.loadRssMB,
    targets: {
      allWithinWindow: first.length === outcomes.length && first.every((ms) => ms <= DISCORD_WINDOW_MS),
      everyFinalAnswer: finalAnswers === outcomes.length && outcomes.every((o) => !o.invalid && !o.apology),
      noErrorLines: errors.length === 0,
      rssWithin1GB: input.peakRssMB === null ? null : rss <= 1024,
    },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
