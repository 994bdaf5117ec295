/**
 * The fixed query sets of the benchmark: hand-written queries (typos included) on the real
 * articles, topped up with queries generated from the corpus by a fixed-seed PRNG.
 */
import type { AnalysedArticle } from '../src/model/corpus.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

/** The bundled article's id. */
export const SEED_ARTICLE = 'putin-belarus-transition';

/** Topic queries on the bundled article and the paragraphs that answer them (any of them counts). */
export const SEED_QUALITY_QUERIES: ReadonlyArray<{ query: string; expected: readonly number[] }> = [
  { query: 'mercenarys wagner', expected: [16] },
  { query: 'lavrof', expected: [4, 7, 9, 38, 40] },
  { query: 'nato', expected: [10, 40] },
  { query: 'csto treaty', expected: [25] },
  { query: 'zelensky extradition', expected: [17] },
  { query: 'torture UN experts', expected: [20] },
  { query: 'rossia televison interview', expected: [23] },
  { query: 'mishustin prime minster', expected: [32] },
  { query: 'osce mediation', expected: [39] },
  { query: 'kazakstan armenia', expected: [29] },
  { query: 'warsaw pact', expected: [27] },
  { query: 'khrenin defence minister', expected: [33] },
  { query: 'maidan', expected: [8] },
  { query: 'fascism ukraine', expected: [18] },
  { query: 'extremists trained ukraine', expected: [2, 12] },
  { query: 'contingent security forces', expected: [22] },
];

const FIXED_TOPICS = [
  ...SEED_QUALITY_QUERIES.map((q) => q.query),
  'train derailed cumbria',
  'sinkhole guatemala city',
  'telescope panels china',
  'south china sea tribunal',
  'virgin trains pendolino',
];
const FIXED_NAMES = ['lavrof', 'lukashenk', 'putin', 'the russian president', 'lavr', 'zelenskiy', 'csto'];
const FIXED_ARTICLES = ['putin delays', 'belarus transition', 'wikinews-2007', 'telescope', 'pilto'];

/** Query lists per kind of search, each exactly `count` long. */
export interface BenchQueries {
  topics: string[];
  names: string[];
  articles: string[];
}

/** Fixed queries first, then generated ones (content words, names, headline words, with typos and prefixes). */
export function generateBenchQueries(corpus: readonly AnalysedArticle[], count: number, seed = 7): BenchQueries {
  const random = createSeededRandom(seed);
  const words = [
    ...new Set(corpus.slice(0, 5).flatMap((a) => a.article.paragraphs.flatMap((p) => p.text.toLowerCase().match(/\b[a-z]{5,}\b/g) ?? []))),
  ];
  const names = [...new Set(corpus.flatMap((a) => a.analysis.entities.flatMap((e) => [e.name, ...e.aliases])))];
  const titles = corpus.map((a) => a.article.title ?? a.article.id);
  const topics = fill(FIXED_TOPICS, count, () =>
    maybeTypo(Array.from({ length: random.int(1, 3) }, () => random.pick(words)).join(' '), random),
  );
  const nameQueries = fill(FIXED_NAMES, count, () => {
    if (names.length === 0) return maybeTypo(random.pick(words), random);
    const name = random.pick(names).toLowerCase();
    return random.next() < 0.3 ? name.slice(0, random.int(3, Math.max(3, name.length))) : maybeTypo(name, random);
  });
  const articles = fill(FIXED_ARTICLES, count, () => {
    const title = random.pick(titles).toLowerCase().split(/\s+/);
    const start = random.int(0, Math.max(0, title.length - 2));
    return maybeTypo(title.slice(start, start + random.int(1, 3)).join(' '), random);
  });
  return { topics, names: nameQueries, articles };
}

function fill(fixed: readonly string[], count: number, generate: () => string): string[] {
  const out = fixed.slice(0, count);
  while (out.length < count) out.push(generate());
  return out;
}

/** With probability 0.4, one typo: a letter dropped, doubled or swapped with its neighbour. */
function maybeTypo(text: string, random: SeededRandom): string {
  if (text.length < 5 || random.next() >= 0.4) return text;
  const i = random.int(1, text.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1);
    case 1:
      return text.slice(0, i) + text[i] + text.slice(i);
    default:
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }
}
