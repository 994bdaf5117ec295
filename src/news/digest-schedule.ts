import { createHash } from 'node:crypto';
import { roundup } from '../answers/roundup.ts';
import { isVisibleIn, scopeCorpus } from '../engine/scope-corpus.ts';
import type { Corpus } from '../model/corpus.ts';
import { isDiscordId } from '../model/discord-id.ts';
import { isUserError, userError, type UserError } from '../model/user-error.ts';
import { createSerialWriter, type SerialWriter } from '../files/serial-writer.ts';
import { cronJobs, dailyPattern, type CreateJob, type ScheduledJob } from './daily-jobs.ts';
import { DEFAULT_RETRY, retryDelay, type PostingOptions } from './posting-options.ts';
import { fileScheduleStore } from '../store/file-schedule-store.ts';
import type { ScheduleStore } from '../store/schedule-store.ts';
import type { DigestSchedule } from '../store/digest-schedule-file.ts';
import type { RoundupPoster } from './roundup-poster.ts';
import { readClockTime, readTimeZone } from '../model/read-schedule-options.ts';

export { DIGEST_SCHEDULE_FILE, type DigestSchedule } from '../store/digest-schedule-file.ts';
export { cronJobs, dailyPattern, type CreateJob, type ScheduledJob } from './daily-jobs.ts';

/** What /digest schedule asks for. */
export interface ScheduleRequest {
  channelId: string;
  /** 24-hour "HH:MM" (also "8:00"). */
  time: string;
  /** IANA time zone name (any case). */
  timezone: string;
}

/** A server's schedule and when it next runs. */
export interface ScheduledDigest extends DigestSchedule {
  guildId: string;
  /** ISO 8601; null when the schedules are not started. */
  nextRunAt: string | null;
}

/** What a round-up run did. */
export type RoundupOutcome = 'posted' | 'nothing-new' | 'already-posted' | 'no-schedule' | 'failed' | 'stopped';

/** The daily digests of every server (see openDigestSchedules). */
export interface DigestSchedules {
  /** Sets (or changes) a server's round-up; a user error for a time or zone that is not one. Changing it keeps what was covered. */
  set(guildId: string, request: ScheduleRequest): Promise<ScheduledDigest | UserError<'bad-option'>>;
  /** Stops a server's round-up and removes its file; the schedule it had, or null when there was none. */
  off(guildId: string): Promise<DigestSchedule | null>;
  get(guildId: string): ScheduledDigest | null;
  /** Reads the digest.json of every server it owns and schedules each; a slot missed while the bot was down (within catchUpMs) is posted now. */
  start(): Promise<void>;
  /** No new runs; waits for a round-up being posted (its retries are abandoned) and its state written. */
  stop(): Promise<void>;
  /** What the job runs at its time: the round-up of the server's latest slot (at most once per slot). */
  runNow(guildId: string): Promise<RoundupOutcome>;
  /** Resolves when no round-up is being posted (a missed one caught up at start included). */
  idle(): Promise<void>;
}

/** Defaults of the schedules, in one place. */
export const SCHEDULE_DEFAULTS = Object.freeze({
  /** A slot missed while the bot was down is still posted when it starts within this time after it. Default 12 hours. */
  catchUpMs: 12 * 60 * 60_000,
  /** The period of a server's first round-up (there is no last one). Default 24 hours. */
  firstPeriodMs: 24 * 60 * 60_000,
  /** Attempts to post one round-up before giving that slot up. */
  attempts: 6,
});

export interface DigestSchedulesOptions extends PostingOptions {
  /** The data directory; each server's schedule is data/guilds/<guild id>/digest.json unless `store` is given. */
  dataDir: string;
  /** Where the schedules are kept; default the files of `dataDir` (src/store/file-schedule-store.ts). */
  store?: ScheduleStore;
  /** How round-ups reach the chat (the bot injects its Discord poster: src/bot/discord-roundup-poster.ts). */
  poster: RoundupPoster;
  /** Default: croner (cronJobs). */
  createJob?: CreateJob;
  /** Default SCHEDULE_DEFAULTS.catchUpMs. */
  catchUpMs?: number;
  /** Default SCHEDULE_DEFAULTS.firstPeriodMs. */
  firstPeriodMs?: number;
  /**
   * Whether this process runs a server's round-up (under sharding, the shard Discord routes the
   * server to, src/bot/shard-of-guild.ts); default every server. `start` reads only those; a
   * schedule set for another server is written, not run here.
   */
  ownsGuild?: (guildId: string) => boolean;
}

/** The nonce of one server's round-up for one slot (at most 25 characters): a repeat of that slot is not posted twice. */
export function roundupNonce(guildId: string, slot: Date): string {
  return createHash('sha256').update(`roundup\u0000${guildId}\u0000${slot.toISOString()}`).digest('base64url').slice(0, 25);
}

/**
 * The daily round-ups of every server, run with croner:
 * - each server's schedule is its `data/guilds/<id>/digest.json` (channel, time, IANA zone, what
 *   the last round-up covered), validated when read and written atomically and durably;
 * - at its time, the articles the server sees (shared and its own) whose `added` is after the
 *   last round-up are posted as one round-up (src/answers/roundup.ts). Articles with no `added`
 *   (files placed in the data folder by hand) are never in a round-up: a file's modification
 *   time changes with every copy, restore or edit, and would bring old stories back;
 * - exactly once per slot: the slot is recorded after the post, the post carries a nonce per
 *   server and slot that Discord enforces, and a slot missed while the bot was down (within
 *   `catchUpMs`) is posted at the next start — a restart at that minute posts it once;
 * - a day with nothing new posts nothing (the slot and period are still recorded);
 * - a post that fails is retried with a doubling delay, a few times, then that slot is given up with a warning.
 */
export function openDigestSchedules(options: DigestSchedulesOptions): DigestSchedules {
  const { log } = options;
  const store = options.store ?? fileScheduleStore(options.dataDir);
  const clock = options.clock ?? Date.now;
  const createJob = options.createJob ?? cronJobs({ clock });
  const scope = options.scope ?? scopeCorpus;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const catchUpMs = options.catchUpMs ?? SCHEDULE_DEFAULTS.catchUpMs;
  const firstPeriodMs = options.firstPeriodMs ?? SCHEDULE_DEFAULTS.firstPeriodMs;
  const ownsGuild = options.ownsGuild ?? (() => true);

  /** Per server, its schedule as last written (or read at start). */
  const schedules = new Map<string, DigestSchedule>();
  /** Per server, its daily job (only the servers this process runs, once started). */
  const jobs = new Map<string, ScheduledJob>();
  /** Per server, the writer of its schedule (null removes it): writes of one server never overlap and the latest wins. */
  const writers = new Map<string, SerialWriter<DigestSchedule | null>>();
  /** Per server, the run under way (runs of one server never overlap). */
  const runs = new Map<string, Promise<RoundupOutcome>>();
  /** Set by start: jobs are made from then on. */
  let started = false;
  /** Set by stop: no new runs, retries abandoned. */
  let stopping = false;
  /** The retry waits under way; stop ends them at once. */
  const sleepers = new Set<() => void>();

  /** Writes (or, for null, removes) a server's schedule after its write under way. */
  const save = (guildId: string, entry: DigestSchedule | null): Promise<void> => {
    let writer = writers.get(guildId);
    if (!writer) {
      writer = createSerialWriter((value) => (value ? store.write(guildId, value) : store.remove(guildId)));
      writers.set(guildId, writer);
    }
    return writer.write(entry);
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const describe = (guildId: string, schedule: DigestSchedule): ScheduledDigest => ({
    ...schedule,
    guildId,
    nextRunAt: jobs.get(guildId)?.nextRun()?.toISOString() ?? null,
  });

  const schedule = (guildId: string, entry: DigestSchedule): void => {
    jobs.get(guildId)?.stop();
    jobs.delete(guildId);
    if (!started || stopping || !ownsGuild(guildId)) return;
    jobs.set(
      guildId,
      createJob(dailyPattern(entry.time), entry.timezone, () => {
        void runNow(guildId);
      }),
    );
  };

  const runNow = (guildId: string): Promise<RoundupOutcome> => {
    const job = jobs.get(guildId);
    // The slot due now (the job fires at its minute; a little slack for timers firing early).
    const slot = job?.latestSlot(new Date(clock() + 30_000)) ?? null;
    if (!slot) return Promise.resolve('no-schedule');
    return runSlot(guildId, slot);
  };

  const runSlot = (guildId: string, slot: Date): Promise<RoundupOutcome> => {
    const previous = runs.get(guildId) ?? Promise.resolve<RoundupOutcome>('no-schedule');
    const run = previous
      .catch(() => 'failed' as const)
      .then(() => postSlot(guildId, slot))
      .catch((err: unknown) => {
        log.error({ err, guildId }, 'the daily round-up failed');
        return 'failed' as const;
      });
    runs.set(guildId, run);
    void run.finally(() => {
      if (runs.get(guildId) === run) runs.delete(guildId);
    });
    return run;
  };

  const postSlot = async (guildId: string, slot: Date): Promise<RoundupOutcome> => {
    const entry = schedules.get(guildId);
    if (!entry || stopping) return stopping ? 'stopped' : 'no-schedule';
    const context = { guildId, channelId: entry.channelId, slot: slot.toISOString() };
    if (entry.lastSlot && Date.parse(entry.lastSlot) >= slot.getTime()) return 'already-posted';
    const upTo = clock();
    const since = entry.lastPostedAt ?? new Date(upTo - firstPeriodMs).toISOString();
    const corpus = scope(options.source.current(), guildId);
    const articleIds = addedBetween(corpus, guildId, Date.parse(since), upTo);
    const answer = roundup(corpus, { articleIds, since });
    if (isUserError(answer)) {
      log.info({ ...context, since }, 'nothing new for the daily round-up; not posting');
      await record(guildId, slot, upTo);
      return 'nothing-new';
    }
    const payload = options.poster.prepare(answer);
    // Under several hosts, two that both believe they own the server during a reshard: one posts the slot.
    if (!(await store.claimSlot(guildId, slot.toISOString()))) {
      log.info(context, 'the daily round-up of this slot is posted (or being posted) by another process');
      return 'already-posted';
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await options.poster.send(entry.channelId, payload, roundupNonce(guildId, slot));
        break;
      } catch (err) {
        const last = attempt >= SCHEDULE_DEFAULTS.attempts || options.poster.refusedForGood(err) || stopping;
        if (last) {
          log.warn({ ...context, err, attempts: attempt }, 'could not post the daily round-up; giving this one up');
          return 'failed';
        }
        const delay = retryDelay(retry, attempt);
        log.warn({ ...context, err, retryInMs: delay }, 'could not post the daily round-up; will retry');
        await sleep(delay);
      }
    }
    await record(guildId, slot, upTo);
    log.info({ ...context, articles: answer.articles.length + answer.moreArticles }, 'posted the daily round-up');
    return 'posted';
  };

  /** Records a slot as done and the period it covered, unless the schedule was turned off meanwhile. */
  const record = async (guildId: string, slot: Date, upTo: number): Promise<void> => {
    const current = schedules.get(guildId);
    if (!current) return;
    const next = { ...current, lastSlot: slot.toISOString(), lastPostedAt: new Date(upTo).toISOString() };
    schedules.set(guildId, next);
    await save(guildId, next);
  };

  /** A slot missed while the bot was down is posted now, when it is recent enough and after the schedule was set. */
  const catchUp = (guildId: string, entry: DigestSchedule): void => {
    const now = clock();
    const latest = jobs.get(guildId)?.latestSlot(new Date(now + 1000));
    if (!latest || latest.getTime() < Date.parse(entry.setAt) || now - latest.getTime() > catchUpMs) return;
    if (entry.lastSlot && Date.parse(entry.lastSlot) >= latest.getTime()) return;
    log.info({ guildId, slot: latest.toISOString() }, 'posting a daily round-up missed while the bot was down');
    void runSlot(guildId, latest);
  };

  return {
    async set(guildId, request) {
      if (!isDiscordId(guildId)) return userError('bad-option', 'The daily digest is for servers only.');
      if (!isDiscordId(request.channelId)) return userError('bad-option', 'Pick a text channel of this server for the round-up.');
      const time = readClockTime(request.time);
      if (isUserError(time)) return time;
      const timezone = readTimeZone(request.timezone);
      if (isUserError(timezone)) return timezone;
      const before = schedules.get(guildId) ?? (await readExisting(guildId));
      const entry: DigestSchedule = {
        channelId: request.channelId,
        time,
        timezone,
        lastPostedAt: before?.lastPostedAt ?? null,
        lastSlot: before?.lastSlot ?? null,
        setAt: new Date(clock()).toISOString(),
      };
      await save(guildId, entry);
      schedules.set(guildId, entry);
      schedule(guildId, entry);
      log.info({ guildId, channelId: entry.channelId, time, timezone }, 'daily round-up scheduled');
      return describe(guildId, entry);
    },
    async off(guildId) {
      if (!isDiscordId(guildId)) return null;
      const before = schedules.get(guildId) ?? (await readExisting(guildId));
      schedules.delete(guildId);
      jobs.get(guildId)?.stop();
      jobs.delete(guildId);
      await save(guildId, null);
      if (before) log.info({ guildId }, 'daily round-up turned off');
      return before;
    },
    get(guildId) {
      const entry = schedules.get(guildId);
      return entry ? describe(guildId, entry) : null;
    },
    async start() {
      if (started) return;
      started = true;
      for (const guildId of await store.guilds()) {
        if (!ownsGuild(guildId)) continue;
        const read = await store.read(guildId);
        if (read.kind === 'missing') continue;
        if (read.kind === 'invalid') {
          log.warn(
            { guildId, problem: read.problem },
            `the daily digest schedule of a server is invalid (${read.problem}); its round-up is off until /digest schedule is used again`,
          );
          continue;
        }
        schedules.set(guildId, read.schedule);
        schedule(guildId, read.schedule);
        catchUp(guildId, read.schedule);
      }
    },
    async stop() {
      stopping = true;
      for (const job of jobs.values()) job.stop();
      jobs.clear();
      for (const wake of [...sleepers]) wake();
      await Promise.allSettled([...runs.values()]);
    },
    runNow,
    async idle() {
      while (runs.size > 0) await Promise.allSettled([...runs.values()]);
    },
  };

  async function readExisting(guildId: string): Promise<DigestSchedule | null> {
    const read = await store.read(guildId);
    return read.kind === 'valid' ? read.schedule : null;
  }
}

/** Ids of the articles the server sees that were added in (from, to]; articles with no `added` are left out. */
function addedBetween(corpus: Corpus, guildId: string, from: number, to: number): string[] {
  return corpus.articles
    .filter(({ article }) => {
      if (!isVisibleIn(article, guildId) || !article.added) return false;
      const at = Date.parse(article.added);
      return at > from && at <= to;
    })
    .map(({ article }) => article.id);
}
