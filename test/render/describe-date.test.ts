import { describe, expect, it } from 'vitest';
import { describeDate } from '../../src/render/describe-date.ts';

describe('describeDate', () => {
  it.each([
    ['2008-08-15', '15 August 2008'],
    ['2021-03-12T10:42:00.000Z', '12 March 2021, 10:42 UTC'],
    ['2023-07-09T20:00:00-04:00', '9 July 2023, 20:00 UTC-04:00'],
    ['2023-07-09T20:00', '9 July 2023'],
    ['2023-02-30', '2023-02-30'],
    ['spring 2008', 'spring 2008'],
  ])('GIVEN the stored date "%s" THEN a reader sees "%s"', (stored, shown) => {
    expect(describeDate(stored)).toBe(shown);
  });
});
