/**
 * What the several-hosts ratio would be by chance alone: the worst of several p95s, each taken
 * from a few dozen answers, is above one p95 of the same answers even when nothing is slower (a
 * p95 of 44 answers is their third highest). Drawn from the single process's own answers, so
 * "nothing slower" holds by construction: a measured ratio near this one says nothing is slower.
 */
import { summariseTimes } from './measure-latency.ts';
import { createSeededRandom } from './seeded-random.ts';

/**
 * The median, over `rounds` draws, of: one set per entry of `sizes` drawn with replacement from
 * `answers`, the worst of their p95s over the p95 of `answers` (at least 1 ms). Null without answers.
 */
export function worstOfChance(answers: readonly number[], sizes: readonly number[], rounds = 400, seed = 7): number | null {
  if (answers.length === 0 || sizes.length === 0 || sizes.some((n) => n === 0)) return null;
  const random = createSeededRandom(seed);
  const base = Math.max(summariseTimes(answers).p95, 1);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let worst = 0;
    for (const size of sizes) {
      const drawn = Array.from({ length: size }, () => random.pick(answers));
      worst = Math.max(worst, summariseTimes(drawn).p95);
    }
    ratios.push(worst / base);
  }
  ratios.sort((a, b) => a - b);
  return Math.round(ratios[Math.floor(ratios.length / 2)]! * 100) / 100;
}
