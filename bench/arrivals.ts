/**
 * When a benchmark sends each of its actions: offsets in ms from the start of the load. Steady
 * (one every 1/rate s, as `bench:load` sends) or Poisson (independent arrivals at the same mean
 * rate, from a seeded PRNG: the gaps between members' commands on a real server are random, and
 * two hosts' members do not act in step).
 */
import { createSeededRandom } from './seeded-random.ts';

/** `count` offsets, one every 1000/rate ms from 0. */
export function steadyArrivals(count: number, rate: number): number[] {
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}

/**
 * `count` offsets of a Poisson process of `rate` per second (exponential gaps, mean 1000/rate
 * ms), the first after one such gap; the same for the same seed.
 */
export function poissonArrivals(count: number, rate: number, seed: number): number[] {
  const random = createSeededRandom(seed);
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    // 1 - next() is in (0, 1], so the logarithm is finite.
    at += (-Math.log(1 - random.next()) * 1000) / rate;
    offsets.push(at);
  }
  return offsets;
}
