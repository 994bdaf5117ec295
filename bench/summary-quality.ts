/**
 * Summary quality: lead-N versus rankSentences + selectSummary on the bundled article and the
 * four Wikinews fixtures. Run: npx tsx bench/summary-quality.ts [N=3] [--show]
 *
 * There are no reference summaries, so four proxies, each defensible on its own:
 *  R1   frequency-weighted coverage of the article's distinct content terms (ROUGE-1 recall
 *       against the whole article, with each term's article count as its weight and the
 *       summary counting a term once: plain ROUGE-1 recall against the source would only
 *       measure summary length, since an extract always "matches" its own words).
 *  R2   the same for content bigrams that occur at least twice in the article (key phrases).
 *  ENT  coverage of key entities and numbers: capitalised words (not sentence-initial) and
 *       numbers mentioned in at least two sentences, weighted by their sentence count.
 *  RED  redundancy: mean pairwise cosine between points (lower is better).
 *  FACT key facts covered, from a small reference set written by reading each article
 *       (BEFORE tuning): a fact counts when every keyword group has a hit in the summary.
 *  WRD  summary length in words. Longer extracts cover more, so "lead-W" is also shown:
 *       lead sentences until at least the same word count as ours (a length-matched lead).
 */
import type { Article } from '../src/model/article.ts';
import type { Sentence } from '../src/model/analysis.ts';
import { rankSentences, selectSummary } from '../src/analysis/rank-sentences.ts';
import { countTerms, extractTerms, stemWord } from '../src/analysis/rank-terms.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import { fixtureArticles } from '../test/support/article-from-paragraphs.ts';
import { parseArgs } from 'node:util';
import { readCount } from './parse-bench-args.ts';

type Fact = string[][];

/**
 * Key facts, written from reading each article before any tuning. Each keyword group lists
 * alternatives matched as word prefixes (case-insensitive); a fact needs a hit in every group.
 */
const FACTS: Record<string, Fact[]> = {
  'putin-belarus-transition': [
    [
      ['intervention', 'intervene'],
      ['belarus', 'minsk'],
      ['armed', 'military'],
    ],
    [['200'], ['extremist']],
    [['lavrov'], ['provocation', 'provoke'], ['abroad', 'ukraine']],
    [['putin', 'lukashenko'], ['contingent'], ['security']],
    [
      ['obligation', 'treat'],
      ['belarus', 'minsk'],
    ],
    [['protest'], ['election']],
    [
      ['mercenar', 'wagner'],
      ['russian', 'minsk', 'arrested'],
    ],
    [['integration', 'finaliz', 'mishustin', 'khrenin']],
    [
      ['eu', 'nato', 'western', 'other countries'],
      ['pressure', 'destructive', 'criticiz', 'condemn'],
    ],
  ],
  'wikinews-20070223-train': [
    [
      ['derail', 'crash'],
      ['cumbria', 'grayrigg'],
    ],
    [['death', 'dead', 'died', 'killed']],
    [['injur'], ['hospital']],
    [['points'], ['investigat']],
    [['branson'], ['driver', 'tank', 'blame']],
    [['euston', 'london'], ['glasgow']],
    [['ambulance', 'helicopter', 'fire truck', 'rescue']],
  ],
  'wikinews-20070306-drain': [
    [['sinkhole'], ['guatemala']],
    [
      ['three', '3 '],
      ['kill', 'dead', 'death'],
    ],
    [['houses', 'evacuat']],
    [['pipe'], ['erosion', 'erod', 'rupture']],
    [['330', '60m', 'deep', 'depth']],
    [['bypass', 'divert', 'repair']],
  ],
  'wikinews-20160706-telescope': [
    [['china'], ['panel'], ['telescope', 'fast']],
    [['180'], ['million', 'billion']],
    [['largest'], ['telescope']],
    [
      ['relocat', 'resettle'],
      ['9,100', 'inhabitants', 'residents'],
    ],
    [['pulsar', 'alien', 'september']],
    [['500'], ['diameter', 'panels']],
  ],
  'wikinews-20160714-UN': [
    [['tribunal'], ['dismiss'], ['china']],
    [['nine-dash', '1940s']],
    [['artificial'], ['island']],
    [['enforce', '298', 'exclude']],
    [['ill-founded', 'neither accepts', 'reject']],
    [['trillion']],
  ],
};

interface Scores {
  r1: number;
  r2: number;
  ent: number;
  red: number;
  fact: number;
  words: number;
}

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { show: { type: 'boolean', default: false } } });
const points = positionals[0] === undefined ? 3 : readCount(positionals[0]);
if (Number.isNaN(points)) {
  process.stderr.write('usage: npx tsx bench/summary-quality.ts [POINTS] [--show]\n');
  process.exit(2);
}
const articles: Article[] = fixtureArticles();

const rows: Array<[string, string, Scores]> = [];
const totals = new Map<string, Scores[]>();
const timings: string[] = [];
for (const article of articles) {
  const sentences = splitSentences(article);
  const ours = selectSummary(rankSentences(article, sentences), points);
  const lead = sentences.slice(0, points);
  const ourWords = countWords(ours.map((s) => s.text).join(' '));
  const leadW: Sentence[] = [];
  for (const s of sentences) {
    if (countWords(leadW.map((x) => x.text).join(' ')) >= ourWords) break;
    leadW.push(s);
  }
  for (const [name, summary] of [
    [`lead-${points}`, lead],
    ['lead-W', leadW],
    ['ranked', ours],
  ] as const) {
    const scores = scoreSummary(
      article,
      sentences,
      summary.map((s) => s.text),
    );
    rows.push([article.id, name, scores]);
    totals.set(name, [...(totals.get(name) ?? []), scores]);
  }
}

printTable(rows, totals);
const prepared = articles.map((article) => ({ article, sentences: splitSentences(article) }));
const times = prepared.map((): number[] => []);
for (let round = 0; round < 45; round++) {
  prepared.forEach(({ article, sentences }, i) => {
    const t0 = performance.now();
    selectSummary(rankSentences(article, sentences), points);
    if (round >= 20) times[i]!.push(performance.now() - t0); // the first 20 rounds warm the JIT up
  });
}
prepared.forEach(({ article, sentences }, i) => {
  const words = countWords(sentences.map((s) => s.text).join(' '));
  const median = times[i]!.sort((a, b) => a - b)[12]!;
  timings.push(`${article.id}: ${words} words, ${sentences.length} sentences, ${median.toFixed(2)} ms`);
});
console.log(`\nrank + select, median of 25 interleaved runs after 20 warm-up rounds:\n  ${timings.join('\n  ')}`);
if (options.show) {
  for (const article of articles) {
    console.log(`\n## ${article.id}`);
    for (const s of selectSummary(rankSentences(article, splitSentences(article)), points)) console.log(`  ¶${s.paragraph} ${s.text}`);
  }
}

function scoreSummary(article: Article, sentences: Sentence[], summary: string[]): Scores {
  const articleTerms = sentences.map((s) => extractTerms(s.text));
  const summaryTerms = summary.map((t) => extractTerms(t));
  const unigramCounts = countTerms(articleTerms.flat());
  const summaryUnigrams = new Set(summaryTerms.flat());
  const bigramCounts = countTerms(articleTerms.flatMap(toBigrams));
  const summaryBigrams = new Set(summaryTerms.flatMap(toBigrams));
  const keyBigrams = new Map([...bigramCounts].filter(([, c]) => c >= 2));

  const entityCounts = countKeyItems(sentences);
  const summaryText = summary.join(' ');
  const summaryItems = new Set(findKeyItems(summaryText));

  const vectors = summaryTerms.map((t) => unit(countTerms(t)));
  let pairSum = 0;
  let pairs = 0;
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      pairSum += cosine(vectors[i]!, vectors[j]!);
      pairs += 1;
    }
  }
  const facts = FACTS[article.id] ?? [];
  const lower = summaryText.toLowerCase();
  const covered = facts.filter((fact) => fact.every((group) => group.some((k) => matchesPrefix(lower, k)))).length;

  return {
    r1: weightedCoverage(unigramCounts, summaryUnigrams),
    r2: weightedCoverage(keyBigrams, summaryBigrams),
    ent: weightedCoverage(entityCounts, summaryItems),
    red: pairs === 0 ? 0 : pairSum / pairs,
    fact: facts.length === 0 ? 0 : covered / facts.length,
    words: countWords(summaryText),
  };
}

function weightedCoverage(counts: Map<string, number>, found: Set<string>): number {
  let total = 0;
  let hit = 0;
  for (const [key, count] of counts) {
    total += count;
    if (found.has(key)) hit += count;
  }
  return total === 0 ? 0 : hit / total;
}

function toBigrams(terms: string[]): string[] {
  return terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
}

/** Key items counted once per sentence they appear in; kept when in two or more sentences. */
function countKeyItems(sentences: Sentence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const item of new Set(findKeyItems(s.text))) counts.set(item, (counts.get(item) ?? 0) + 1);
  return new Map([...counts].filter(([, c]) => c >= 2));
}

/** Capitalised words not opening a sentence, and numbers, normalised (stemmed, lower-case). */
function findKeyItems(text: string): string[] {
  const items: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu)) {
    const word = m[0];
    const at = m.index ?? 0;
    const before = text.slice(0, at).trimEnd();
    const opensSentence = before === '' || /[.!?]["”’']?$/.test(before) || /["“]$/.test(before);
    if (/^\p{N}/u.test(word)) items.push(word);
    else if (/^\p{Lu}/u.test(word) && !opensSentence && word.length > 1) items.push(stemWord(word.toLowerCase()));
  }
  return items;
}

function matchesPrefix(lowerText: string, keyword: string): boolean {
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'u').test(lowerText);
}

function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function unit(v: Map<string, number>): Map<string, number> {
  const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)) || 1;
  return new Map([...v].map(([k, w]) => [k, w / norm]));
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let sum = 0;
  for (const [k, w] of a) sum += w * (b.get(k) ?? 0);
  return sum;
}

function printTable(rows: Array<[string, string, Scores]>, totals: Map<string, Scores[]>): void {
  const header = ['article', 'method', 'R1', 'R2', 'ENT', 'RED↓', 'FACT', 'WRD'];
  const lines = rows.map(([id, method, s]) => [id, method, ...formatScores(s)]);
  for (const [method, list] of totals) lines.push(['MEAN', method, ...formatScores(average(list))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((l, i) => {
    if (i === rows.length) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    console.log(format(l));
  });
}

function formatScores(s: Scores): string[] {
  return [s.r1, s.r2, s.ent, s.red, s.fact].map((v) => v.toFixed(3)).concat(String(Math.round(s.words)));
}

function average(list: Scores[]): Scores {
  const mean = (pick: (s: Scores) => number): number => list.reduce((sum, s) => sum + pick(s), 0) / list.length;
  return {
    r1: mean((s) => s.r1),
    r2: mean((s) => s.r2),
    ent: mean((s) => s.ent),
    red: mean((s) => s.red),
    fact: mean((s) => s.fact),
    words: mean((s) => s.words),
  };
}
