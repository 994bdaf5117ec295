import { describe, expect, it } from 'vitest';
import { validateInterval, delayBeforeNextCheck, FEED_TIMING } from '../../src/feeds/feed-schedule.ts';

const MINUTE = 60_000;

describe('validateInterval', () => {
  it.each([
    [undefined, 15],
    [5, 5],
    [60, 60],
    [1440, 1440],
  ])('GIVEN %j minutes THEN the feed is checked every %i minutes', (asked, minutes) => {
    expect(validateInterval(asked)).toBe(minutes);
  });

  it.each([
    [2, 'at most every 5 minutes (asked: every 2)'],
    [0, 'at most every 5 minutes'],
    [7.5, 'whole number of minutes'],
    [2000, 'at most 1440 minutes'],
  ])('GIVEN %j minutes THEN it is refused: %s', (asked, message) => {
    expect(validateInterval(asked)).toEqual({ error: { code: 'bad-interval', message: expect.stringContaining(message) } });
  });
});

describe('delayBeforeNextCheck', () => {
  it.each([
    ['a success', 0, null, 15 * MINUTE],
    ['one failure', 1, null, 30 * MINUTE],
    ['three failures', 3, null, 120 * MINUTE],
    ['many failures', 40, null, FEED_TIMING.maxBackoffMs],
    ['a Retry-After longer than the backoff', 1, 90 * MINUTE, 90 * MINUTE],
    ['a Retry-After shorter than the backoff', 2, 10 * MINUTE, 60 * MINUTE],
    ['a Retry-After of a month', 1, 30 * 24 * 60 * MINUTE, FEED_TIMING.maxRetryAfterMs],
  ])('GIVEN %s THEN the next check waits as long as it should', (_name, failures, retryAfterMs, delay) => {
    expect(delayBeforeNextCheck({ intervalMinutes: 15, failures, retryAfterMs })).toBe(delay);
  });

  it('GIVEN a daily feed failing THEN the backoff never waits less than its interval', () => {
    expect(delayBeforeNextCheck({ intervalMinutes: 1440, failures: 2 })).toBe(1440 * MINUTE);
  });
});
