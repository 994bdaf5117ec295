/** When a feed is checked next: its own interval, backoff after failures, the server's Retry-After. */
import { userError, type UserError } from '../model/user-error.ts';

/** Settings of the poller's timing, with their defaults in FEED_TIMING. */
export interface FeedTiming {
  /** Interval of a feed added without one. */
  defaultIntervalMinutes: number;
  /** No feed is checked more often than this: more often would burden the sites polled for little news. */
  minIntervalMinutes: number;
  /** Nor less often than this: a feed checked once a day is still news. */
  maxIntervalMinutes: number;
  /** Backoff after failures never waits longer than this. */
  maxBackoffMs: number;
  /** A server's Retry-After is honoured up to this (a misconfigured server must not silence a feed for a month). */
  maxRetryAfterMs: number;
}

export const FEED_TIMING: Readonly<FeedTiming> = Object.freeze({
  defaultIntervalMinutes: 15,
  minIntervalMinutes: 5,
  maxIntervalMinutes: 24 * 60,
  maxBackoffMs: 6 * 60 * 60 * 1000,
  maxRetryAfterMs: 24 * 60 * 60 * 1000,
});

const MINUTE_MS = 60 * 1000;

/** The interval asked for (default when absent), or why it cannot be used. ("Check" in src/feeds means polling a feed.) */
export function validateInterval(minutes: number | undefined | null, timing: FeedTiming = FEED_TIMING): number | UserError<'bad-interval'> {
  if (minutes === undefined || minutes === null) return timing.defaultIntervalMinutes;
  if (!Number.isInteger(minutes)) return userError('bad-interval', `the interval is a whole number of minutes, not ${minutes}`);
  if (minutes < timing.minIntervalMinutes)
    return userError(
      'bad-interval',
      `a feed is checked at most every ${timing.minIntervalMinutes} minutes (asked: every ${minutes}); choose ${timing.minIntervalMinutes} or more`,
    );
  if (minutes > timing.maxIntervalMinutes)
    return userError(
      'bad-interval',
      `a feed is checked at least once a day: choose at most ${timing.maxIntervalMinutes} minutes (asked: ${minutes})`,
    );
  return minutes;
}

/**
 * Milliseconds until the next check: the interval after a success; after `failures`
 * consecutive failures, interval × 2^failures capped at maxBackoffMs (but never below the
 * interval); never before the server's Retry-After (itself capped at maxRetryAfterMs).
 */
export function delayBeforeNextCheck(
  state: { intervalMinutes: number; failures: number; retryAfterMs?: number | null },
  timing: FeedTiming = FEED_TIMING,
): number {
  const interval = state.intervalMinutes * MINUTE_MS;
  const backoff =
    state.failures > 0 ? Math.max(interval, Math.min(interval * 2 ** Math.min(state.failures, 30), timing.maxBackoffMs)) : interval;
  const retryAfter = Math.min(Math.max(state.retryAfterMs ?? 0, 0), timing.maxRetryAfterMs);
  return Math.max(backoff, retryAfter);
}
