/**
 * `npx tsx bench/related-ranking.ts [--json]`: how /related ranks articles on news nobody tuned it
 * to. It reads ../shared/articles (dev, dev-gum, dev-polnear/dev) at run time — nothing of them is
 * copied into the project — and says so and stops when they are absent. Each set, and the three
 * together, is one corpus (search by meaning on when the word vectors are there). For every
 * article two topics are taken from its own text: its headline's words, and the three rarest
 * words (in that corpus) of its first paragraph. The score is where that article ranks for its
 * topic, under the current ranking (rankRelatedArticles: best paragraph, headline, share of
 * paragraphs) and under the former one (the sum of the scores of its paragraphs among the same
 * 50 hits), so one run compares both on the same search.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rankRelatedArticles } from '../src/answers/rank-related-articles.ts';
import { toCorpus } from '../src/engine/load-corpus.ts';
import { loadArticles } from '../src/ingest/load-articles.ts';
import type { Article } from '../src/model/article.ts';
import type { ParagraphHit } from '../src/model/corpus.ts';
import { buildSearchIndex } from '../src/search/build-search-index.ts';
import { cleanQuery } from '../src/search/clean-query.ts';
import { paragraphWords } from '../src/search/index-words.ts';
import { DEFAULT_VECTORS_CACHE_DIR, prepareWordVectors } from '../src/search/vectors/prepare-word-vectors.ts';

const SHARED = path.resolve(import.meta.dirname, '../../shared/articles');
const SETS = [
  { name: 'dev', dir: 'dev' },
  { name: 'dev-gum', dir: 'dev-gum' },
  { name: 'dev-polnear', dir: 'dev-polnear/dev' },
];
/** Paragraph hits gathered per topic, as /related does. */
const POOL = 50;
/** Words of a topic taken from a headline, and rarest words taken from a first paragraph. */
const HEADLINE_WORDS = 4;
const PARAGRAPH_WORDS = 3;

type Kind = 'headline' | 'paragraph';
interface Tally {
  topics: number;
  reciprocal: number;
  first: number;
  top5: number;
}
interface SetResult {
  set: string;
  articles: number;
  paragraphs: number;
  results: Record<Kind, { current: Tally; sum: Tally }>;
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
if (!existsSync(SHARED)) {
  process.stdout.write(
    `related-ranking: ${SHARED} is not there (the evaluation articles are kept beside the work tree); nothing measured\n`,
  );
  process.exit(0);
}
const vectors = await prepareWordVectors({
  cacheDir: DEFAULT_VECTORS_CACHE_DIR,
  warn: (m) => process.stderr.write(`related-ranking: ${m}\n`),
});

const loaded: Array<{ name: string; articles: Article[] }> = [];
for (const set of SETS) {
  const { articles, error } = await loadArticles(path.join(SHARED, set.dir));
  if (error) process.stderr.write(`related-ranking: ${set.name}: ${error}\n`);
  // Ids are file names: prefixed with the set so the three sets can share one corpus.
  loaded.push({ name: set.name, articles: articles.map((a) => ({ ...a, id: `${set.name}/${a.id}` })) });
}
loaded.push({ name: 'all three', articles: loaded.flatMap((s) => s.articles) });

const results = loaded.filter((s) => s.articles.length > 1).map((s) => measureSet(s.name, s.articles));
process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : format(results));

function measureSet(name: string, articles: Article[]): SetResult {
  const analysed = articles.map((article) => ({ article, analysis: { sentences: [], entities: [], quotes: [], ranking: [] } }));
  const corpus = toCorpus({ articles: analysed, search: buildSearchIndex(analysed, vectors) }, []);
  const frequency = documentFrequency(articles);
  const empty = (): Tally => ({ topics: 0, reciprocal: 0, first: 0, top5: 0 });
  const results: SetResult['results'] = {
    headline: { current: empty(), sum: empty() },
    paragraph: { current: empty(), sum: empty() },
  };
  for (const article of articles) {
    const topics: Array<[Kind, string]> = [];
    const headline = cleanQuery(article.title ?? '').terms.slice(0, HEADLINE_WORDS);
    if (headline.length > 0) topics.push(['headline', headline.join(' ')]);
    const lead = rarestWords(article.paragraphs[0]?.text ?? '', frequency, PARAGRAPH_WORDS);
    if (lead.length > 0) topics.push(['paragraph', lead.join(' ')]);
    for (const [kind, topic] of topics) {
      const pool = corpus.search.paragraphs(topic, { limit: POOL });
      count(
        results[kind].current,
        rankRelatedArticles(corpus, topic, pool).map((r) => r.article),
        article.id,
      );
      count(results[kind].sum, sumRanking(pool), article.id);
    }
  }
  return { set: name, articles: articles.length, paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0), results };
}

/** The former ranking: articles by the sum of their paragraphs' scores among the hits. */
function sumRanking(pool: readonly ParagraphHit[]): string[] {
  const sums = new Map<string, number>();
  for (const hit of pool) sums.set(hit.article, (sums.get(hit.article) ?? 0) + hit.score);
  return [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
}

function count(tally: Tally, ranking: readonly string[], wanted: string): void {
  const rank = ranking.indexOf(wanted) + 1;
  tally.topics += 1;
  if (rank > 0) tally.reciprocal += 1 / rank;
  if (rank === 1) tally.first += 1;
  if (rank > 0 && rank <= 5) tally.top5 += 1;
}

/** In how many articles each index word appears. */
function documentFrequency(articles: readonly Article[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const article of articles) {
    for (const word of new Set(article.paragraphs.flatMap((p) => paragraphWords(p.text)))) df.set(word, (df.get(word) ?? 0) + 1);
  }
  return df;
}

/** The `n` words of a text (4+ letters, not numbers) found in the fewest articles, rarest first, ties in text order. */
function rarestWords(text: string, df: ReadonlyMap<string, number>, n: number): string[] {
  const words = [...new Set(paragraphWords(text))].filter((w) => w.length >= 4 && /\p{L}/u.test(w));
  return words
    .map((word, at) => ({ word, at, df: df.get(word) ?? 0 }))
    .sort((a, b) => a.df - b.df || a.at - b.at)
    .slice(0, n)
    .map((w) => w.word);
}

function format(rows: readonly SetResult[]): string {
  const lines = [
    'Where an article ranks for a topic taken from its own headline or first paragraph (/related across articles)',
    'set           articles  paragraphs  topic from  topics  ranking    MRR    first   top 5',
  ];
  for (const row of rows) {
    for (const kind of ['headline', 'paragraph'] as const) {
      for (const [label, t] of [
        ['current', row.results[kind].current],
        ['sum', row.results[kind].sum],
      ] as const) {
        if (t.topics === 0) continue;
        const pct = (n: number): string => `${((100 * n) / t.topics).toFixed(1)} %`;
        lines.push(
          [
            row.set.padEnd(12),
            String(row.articles).padStart(9),
            String(row.paragraphs).padStart(11),
            `  ${kind.padEnd(10)}`,
            String(t.topics).padStart(6),
            `  ${label.padEnd(8)}`,
            (t.reciprocal / t.topics).toFixed(3).padStart(6),
            pct(t.first).padStart(8),
            pct(t.top5).padStart(8),
          ].join(' '),
        );
      }
    }
  }
  return `${lines.join('\n')}\n(current: best paragraph + headline + share of paragraphs; sum: the former sum of paragraph scores)\n`;
}
