import { Cron } from 'croner';

/** One server's daily job (croner by default). */
export interface ScheduledJob {
  stop(): void;
  /** The next time it runs. */
  nextRun(): Date | null;
  /** The latest time it was due at or before `at`, or null. */
  latestSlot(at: Date): Date | null;
}

/** Makes a daily job: `pattern` is a five-field cron pattern read in `timezone`. */
export type CreateJob = (pattern: string, timezone: string, run: () => void) => ScheduledJob;

/**
 * Daily jobs made with croner; the pattern is read in the time zone (daylight saving included).
 * `clock` is what "now" is for nextRun (tests); `paused` jobs never fire by themselves (tests run them with runNow).
 */
export function cronJobs(settings: { clock?: () => number; paused?: boolean } = {}): CreateJob {
  const clock = settings.clock ?? Date.now;
  return (pattern, timezone, run) => {
    const job = new Cron(pattern, { timezone, protect: true, paused: settings.paused ?? false }, run);
    return {
      stop: () => job.stop(),
      nextRun: () => job.nextRun(new Date(clock())),
      latestSlot: (at) => job.previousRuns(1, at)[0] ?? null,
    };
  };
}

/** "08:30" as the cron pattern of every day at that time: "30 8 * * *". */
export function dailyPattern(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}
