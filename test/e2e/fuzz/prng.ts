import { createSeededRandom, type SeededRandom } from '../../../bench/seeded-random.ts';

/** The benchmark's deterministic PRNG plus what the fuzz test needs, so a failing case reproduces from its seed. */
export interface Prng extends SeededRandom {
  /** The seed it started from. */
  readonly seed: number;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** Creates a mulberry32 generator from a 32-bit seed (bench/seeded-random.ts). */
export function createPrng(seed: number): Prng {
  const random = createSeededRandom(seed);
  return {
    ...random,
    seed,
    chance: (p) => random.next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return random.pick(items);
    },
  };
}
