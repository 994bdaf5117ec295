/**
 * Where one big article spends time and memory on its way in: read → clean (normalise, blocks,
 * head, lists, body) → analyse (sentences, entities, quotes, ranking) → index → cache write.
 * Articles are generated from the real texts in test/fixtures/articles: paragraphs of ordinary
 * sentences, or the same sentences on one long line.
 *
 *   npx tsx bench/article-size.ts [--sizes 50000,200000,1000000] [--shape paragraphs|line] [--skip rank]
 *
 * Each stage runs once; the heap is measured after a forced GC (run with --expose-gc for that:
 * `node --expose-gc --import tsx bench/article-size.ts`). A stage that takes longer than
 * --budget-ms (default 60 000) is not started for the next size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findEntities } from '../src/analysis/entities.ts';
import { findQuotes } from '../src/analysis/quotes.ts';
import { rankSentences } from '../src/analysis/rank-sentences.ts';
import { splitSentences } from '../src/analysis/sentences.ts';
import { writeFileAtomically } from '../src/files/write-file-atomically.ts';
import { buildBody } from '../src/ingest/build-body.ts';
import { splitFrontMatter } from '../src/ingest/front-matter.ts';
import { nodeArticleFs } from '../src/ingest/article-fs.ts';
import { normaliseWhitespace } from '../src/ingest/normalise-text.ts';
import { readArticleFile } from '../src/ingest/read-article-file.ts';
import { readHead } from '../src/ingest/read-head.ts';
import { separateLists } from '../src/ingest/separate-lists.ts';
import { splitBlocks } from '../src/ingest/split-blocks.ts';
import { buildSearchIndex } from '../src/search/build-search-index.ts';
import { generateArticleText } from './generate-article.ts';
import { readCount } from './parse-bench-args.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50000,200000,1000000,5000000' },
    shape: { type: 'string', default: 'paragraphs' },
    skip: { type: 'string', default: '' },
    'budget-ms': { type: 'string', default: '60000' },
  },
});
const sizes = options.sizes.split(',').map(readCount);
const shape = options.shape;
const skip = new Set(options.skip.split(',').filter(Boolean));
const budgetMs = readCount(options['budget-ms']);
if (sizes.some((n) => Number.isNaN(n)) || Number.isNaN(budgetMs) || (shape !== 'paragraphs' && shape !== 'line')) {
  process.stderr.write(
    'usage: npx tsx bench/article-size.ts [--sizes 50000,200000] [--shape paragraphs|line] [--skip rank] [--budget-ms N]\n',
  );
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc;

const fixtures = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'articles');
const sources = readdirSync(fixtures)
  .filter((n) => n.endsWith('.txt'))
  .map((n) => readFileSync(path.join(fixtures, n), 'utf8'));

interface Row {
  size: number;
  stage: string;
  ms: number;
  heapMB: number;
  rssMB: number;
  note?: string;
}
const rows: Row[] = [];
const fmt = (n: number, d = 1) => (Number.isNaN(n) ? '-' : n.toFixed(d));
/** Rows are printed as they come, so a stage that runs out of memory still leaves the ones before it. */
function print(r: Row): void {
  console.log(
    `${String(r.size).padEnd(10)} ${r.stage.padEnd(19)} ${fmt(r.ms).padStart(9)} ${fmt(r.heapMB).padStart(10)} ${fmt(r.rssMB).padStart(8)}   ${r.note ?? ''}`,
  );
}
const push = (r: Row): void => {
  rows.push(r);
  print(r);
};
console.log(`shape: ${shape}; heap deltas ${gc ? 'after GC' : 'without GC (run with --expose-gc)'}`);
console.log('bytes      stage               ms        heap Δ MB  RSS MB   note');
const tooSlow = new Set<string>();

function measure<T>(size: number, stage: string, work: () => T): T | undefined {
  if (skip.has(stage) || tooSlow.has(stage)) {
    push({
      size,
      stage,
      ms: NaN,
      heapMB: NaN,
      rssMB: NaN,
      note: skip.has(stage) ? 'skipped' : 'not run (slower than budget at a smaller size)',
    });
    return undefined;
  }
  gc?.();
  const before = process.memoryUsage();
  const t = performance.now();
  const result = work();
  const ms = performance.now() - t;
  const after = process.memoryUsage();
  push({ size, stage, ms, heapMB: (after.heapUsed - before.heapUsed) / 2 ** 20, rssMB: after.rss / 2 ** 20 });
  if (ms > budgetMs) tooSlow.add(stage);
  return result;
}

const dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-article-size-'));
try {
  for (const size of sizes) {
    const text = generateArticleText(sources, size, shape);
    const file = path.join(dir, `big-${size}.txt`);
    await writeFile(file, text);
    const t = performance.now();
    const read = await readArticleFile(nodeArticleFs, file, 'big', 6 * 1024 * 1024);
    push({
      size,
      stage: 'read+parse (whole)',
      ms: performance.now() - t,
      heapMB: NaN,
      rssMB: process.memoryUsage().rss / 2 ** 20,
      note: 'skipped' in read ? read.skipped.reason : undefined,
    });
    const normal = measure(size, 'normalise', () => normaliseWhitespace(text))!;
    const split = splitFrontMatter(normal);
    if ('reason' in split) throw new Error(split.reason);
    const blocks = measure(size, 'blocks', () => splitBlocks(split.body))!;
    const head = measure(size, 'head', () => readHead(blocks))!;
    const lists = measure(size, 'lists', () => separateLists(blocks, head.bodyStart))!;
    measure(size, 'body', () => buildBody(lists.body));
    if (!('article' in read)) continue;
    const article = read.article;
    const sentences = measure(size, 'sentences', () => splitSentences(article)) ?? [];
    const entities = measure(size, 'entities', () => findEntities(article, sentences)) ?? [];
    const quotes = measure(size, 'quotes', () => findQuotes(article, sentences, entities)) ?? [];
    const ranking = measure(size, 'rank', () => rankSentences(article, sentences)) ?? [];
    const analysis = { sentences, entities, quotes, ranking };
    measure(size, 'index', () => buildSearchIndex([{ article, analysis }]));
    const json = measure(size, 'cache json', () => JSON.stringify({ analysis })) ?? '';
    const t2 = performance.now();
    await writeFileAtomically(path.join(dir, 'cache.json'), json);
    push({ size, stage: 'cache write', ms: performance.now() - t2, heapMB: NaN, rssMB: process.memoryUsage().rss / 2 ** 20 });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
