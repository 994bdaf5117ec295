/**
 * The mixed traffic of the load benchmark: what members send, drawn from a fixed-seed PRNG
 * over the names, topics and headlines of the synthesised archive.
 */
import type { AnalysedArticle } from '../src/model/corpus.ts';
import { generateBenchQueries } from './bench-queries.ts';
import { createSeededRandom } from './seeded-random.ts';

/** One thing a member does. */
export type LoadAction =
  | { kind: 'slash'; label: string; command: string; options: Record<string, string | number> }
  | { kind: 'autocomplete'; label: string; command: string; focused: string; value: string }
  | { kind: 'button'; label: 'button:page' | 'button:cite' };

/** Share of each action in the mix (they add up to 1). */
const MIX: ReadonlyArray<[weight: number, make: (q: Queries, pick: <T>(items: readonly T[]) => T) => LoadAction]> = [
  [0.08, () => ({ kind: 'slash', label: 'summary', command: 'summary', options: {} })],
  [0.05, (q, pick) => ({ kind: 'slash', label: 'summary article', command: 'summary', options: { article: pick(q.articles) } })],
  [0.1, () => ({ kind: 'slash', label: 'quote (bare)', command: 'quote', options: {} })],
  [0.1, (q, pick) => ({ kind: 'slash', label: 'quote speaker', command: 'quote', options: { speaker: pick(q.names) } })],
  [0.05, (q, pick) => ({ kind: 'slash', label: 'quote about', command: 'quote', options: { about: pick(q.topics) } })],
  [0.14, (q, pick) => ({ kind: 'slash', label: 'who', command: 'who', options: { name: pick(q.names) } })],
  [0.14, (q, pick) => ({ kind: 'slash', label: 'related', command: 'related', options: { topic: pick(q.topics) } })],
  [
    0.08,
    (q, pick) => ({ kind: 'autocomplete', label: 'autocomplete name', command: 'who', focused: 'name', value: pick(q.names).slice(0, 4) }),
  ],
  [
    0.06,
    (q, pick) => ({
      kind: 'autocomplete',
      label: 'autocomplete article',
      command: 'summary',
      focused: 'article',
      value: pick(q.articles).slice(0, 6),
    }),
  ],
  [0.12, () => ({ kind: 'button', label: 'button:page' })],
  [0.08, () => ({ kind: 'button', label: 'button:cite' })],
];

interface Queries {
  names: string[];
  topics: string[];
  articles: string[];
}

/**
 * How often each kind of action comes: `traffic`, the shares above (what members send most);
 * `even`, every kind equally often: each run of as many actions as there are kinds holds each
 * kind once, in a random order (so each kind's percentiles rest on as many answers as the
 * others', where a per-command target is judged).
 */
export type MixShares = 'traffic' | 'even';

/** `count` actions in a fixed order for this seed. */
export function generateLoadMix(corpus: readonly AnalysedArticle[], count: number, seed = 9, shares: MixShares = 'traffic'): LoadAction[] {
  const random = createSeededRandom(seed);
  const queries = generateBenchQueries(corpus, 200, seed);
  const pick = <T>(items: readonly T[]): T => random.pick(items);
  const actions: LoadAction[] = [];
  let block: Array<(typeof MIX)[number]> = [];
  for (let i = 0; i < count; i++) {
    let entry: (typeof MIX)[number];
    if (shares === 'even') {
      if (block.length === 0) block = shuffled(MIX, () => random.next());
      entry = block.pop()!;
    } else {
      let r = random.next();
      entry = MIX.find(([weight]) => (r -= weight) < 0) ?? MIX[MIX.length - 1]!;
    }
    actions.push(entry[1](queries, pick));
  }
  return actions;
}

/** A copy of `items` in a random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
