/**
 * The search benchmark: for each corpus size, index build time, memory, start-up from the
 * on-disk cache, and per-command latency of the search work beside baselines (a plain fuse.js
 * scan, MiniSearch alone) on the same paragraphs; plus ranking quality on the bundled article.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { analyseAndIndexWithCache } from '../src/cache/corpus-cache.ts';
import type { ArticleAnalysis } from '../src/model/analysis.ts';
import type { Article } from '../src/model/article.ts';
import type { AnalysedArticle, SearchIndex } from '../src/model/corpus.ts';
import { buildSearchIndex } from '../src/search/build-search-index.ts';
import type { WordVectors } from '../src/search/vectors/word-vectors.ts';
import { toCorpus } from '../src/engine/load-corpus.ts';
import { cleanQuery } from '../src/search/clean-query.ts';
import { collectNameDocs, nameKey } from '../src/search/name-search.ts';
import type { ParagraphDoc } from '../src/search/paragraph-search.ts';
import {
  CANDIDATE_SEARCH_OPTIONS,
  NAME_FUSE_OPTIONS,
  PARAGRAPH_FUSE_OPTIONS,
  PARAGRAPH_MINISEARCH_OPTIONS,
} from '../src/search/search-settings.ts';
import { fixtureArticles } from '../test/support/article-from-paragraphs.ts';
import { SEED_ARTICLE, SEED_QUALITY_QUERIES, generateBenchQueries } from './bench-queries.ts';
import { measureBlocking, type BlockingRow } from './measure-blocking.ts';
import { measureLatency as timeQueries, type LatencyStats } from './measure-latency.ts';
import { synthesiseCorpus } from './synthesise-corpus.ts';

export type BenchCommand = 'related' | 'who' | 'quote' | 'articles' | 'summary';
/**
 * pilcrow: the product (lexical + semantic when word vectors are given); lexical: its lexical
 * path alone; meaning: the product on topics that share no word with the text (the semantic
 * scan always runs).
 */
export type BenchDesign = 'pilcrow' | 'lexical' | 'meaning' | 'fuse-scan' | 'minisearch';

/** Latency of one command's search work with one design at one corpus size. */
export interface CommandRow extends LatencyStats {
  command: BenchCommand;
  design: BenchDesign;
  /** Targets in ms for this size (null: none set for it). */
  targetP95: number | null;
  targetP99: number | null;
  /** Whether the targets were met (null when there are none). */
  pass: boolean | null;
}

/** Everything measured at one corpus size. */
export interface SizeRow {
  /** Requested size: 1 = the bundled article alone, otherwise a paragraph count. */
  size: number;
  paragraphs: number;
  articles: number;
  nameStrings: number;
  buildMs: number;
  /** Load analyses and index from the on-disk cache until ready to answer. */
  startupMs: number;
  startupFromCache: boolean;
  cacheMB: number;
  heapMB: number;
  rssMB: number;
  memoryPass: boolean | null;
  startupPass: boolean | null;
  commands: CommandRow[];
  /** Per-corpus preparation of answers (the quote catalogue), done in the background when a corpus is swapped in, in ms. */
  prepareMs: number;
  /** Event-loop blocking per command (answer + Discord render), in ms; target at 100k: CPU p99 ≤ 10. */
  blocking: Array<BlockingRow & { targetP99: number | null; pass: boolean | null }>;
}

/** Paragraph ranking on the bundled article's query set: top-1 hits per design and agreement with plain fuse. */
export interface QualityReport {
  queries: number;
  top1: Record<Exclude<BenchDesign, 'lexical' | 'meaning'>, number>;
  /** Mean share of plain fuse's top 5 that Pilcrow's top 5 also has. */
  agreementAt5: number;
  /** Pilcrow's design is never worse than plain fuse: true when its top-1 count is at least fuse's. */
  notWorseThanFuse: boolean;
  rows: Array<{ query: string; expected: readonly number[]; pilcrow: number | null; fuse: number | null; minisearch: number | null }>;
}

export interface BenchReport {
  node: string;
  cpus: number;
  /** 1-minute load average at the start and end of the run (other work on the machine skews latency). */
  load: { start: number; end: number };
  /** Which analysis produced the source articles' entities. */
  analysis: string;
  queriesPerCommand: number;
  sizes: SizeRow[];
  quality: QualityReport;
}

export interface BenchOptions {
  /** Corpus sizes: 1 = the bundled article, otherwise paragraphs. */
  sizes: readonly number[];
  /** Queries per command. */
  queries: number;
  /** The analysis to use; by default analyseArticle when it loads, else an empty analysis. */
  analyser?: { name: string; analyse: (article: Article) => ArticleAnalysis };
  /** Progress lines (to stderr in the CLI). */
  progress?: (line: string) => void;
  /** Word vectors for the semantic path; absent or null: lexical only (and no separate 'lexical' row). */
  vectors?: WordVectors | null;
}

/** Topics that share no word with the source articles: only the semantic path can answer them. */
const MEANING_TOPICS = [
  'demonstrations',
  'troops',
  'army',
  'ballot',
  'soldiers',
  'voting',
  'hired soldiers',
  'derailment',
  'astronomy',
  'maritime dispute',
];

/** Targets of the brief: at 100k paragraphs p95 ≤ 50 ms, p99 ≤ 150 ms; the bundled article p99 ≤ 5 ms. */
const BIG_SIZE = 100_000;
const BIG_TARGET = { p95: 50, p99: 150 };
const SEED_TARGET_P99 = 5;
/** No command may block the event loop for more than about this many ms at 100k paragraphs. */
const BLOCKING_TARGET_P99 = 10;
const MEMORY_TARGET_MB = 1024;
const STARTUP_TARGET_MS = 10_000;
/** Plain fuse.js scans every paragraph (seconds per query at 100k): fewer runs at big sizes. */
const FUSE_SCAN_BUDGET = 200_000;

/** Runs the benchmark and returns every measurement. */
export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const progress = options.progress ?? (() => undefined);
  const loadAtStart = loadavg()[0]!;
  const analyser = options.analyser ?? (await loadAnalyser());
  const sources = fixtureArticles().map((article) => ({ article, analysis: analyser.analyse(article) }));
  const sizes: SizeRow[] = [];
  for (const size of options.sizes) {
    progress(`size ${size}: generating corpus`);
    const corpus = size <= 1 ? sources.filter((s) => s.article.id === SEED_ARTICLE) : synthesiseCorpus(sources, size);
    sizes.push(await measureSize(size, corpus, options.queries, progress, options.vectors ?? null));
  }
  return {
    node: process.version,
    cpus: availableParallelism(),
    load: { start: round1(loadAtStart), end: round1(loadavg()[0]!) },
    analysis: analyser.name,
    queriesPerCommand: options.queries,
    sizes,
    quality: measureQuality(
      sources.find((s) => s.article.id === SEED_ARTICLE)!,
      options.vectors ?? null,
    ),
  };
}

/** analyseArticle when it loads, otherwise an empty analysis (before analysis exists). */
export async function loadAnalyser(): Promise<{ name: string; analyse: (article: Article) => ArticleAnalysis }> {
  try {
    const module = (await import('../src/analysis/analyse-article.ts')) as { analyseArticle: (a: Article) => ArticleAnalysis };
    return { name: 'analyseArticle', analyse: module.analyseArticle };
  } catch {
    return {
      name: 'empty analysis (analyseArticle not loadable)',
      analyse: () => ({ sentences: [], entities: [], quotes: [], ranking: [] }),
    };
  }
}

async function measureSize(
  size: number,
  corpus: AnalysedArticle[],
  queryCount: number,
  progress: (line: string) => void,
  vectors: WordVectors | null,
): Promise<SizeRow> {
  const paragraphs = corpus.reduce((sum, a) => sum + a.article.paragraphs.length, 0);
  progress(`size ${size}: ${paragraphs} paragraphs in ${corpus.length} articles; building index`);
  collectGarbage();
  let start = performance.now();
  const index = buildSearchIndex(corpus, vectors);
  const buildMs = performance.now() - start;
  collectGarbage();
  const memory = process.memoryUsage();
  const byId = new Map(corpus.map((a) => [a.article.id, a]));
  const queries = generateBenchQueries(corpus, queryCount);
  const targets = size >= BIG_SIZE ? BIG_TARGET : size <= 1 ? { p95: null, p99: SEED_TARGET_P99 } : { p95: null, p99: null };
  const row = (command: BenchCommand, design: BenchDesign, stats: LatencyStats): CommandRow => {
    const checks = [targets.p95 === null ? null : stats.p95 <= targets.p95, targets.p99 === null ? null : stats.p99 <= targets.p99].filter(
      (c) => c !== null,
    );
    return {
      command,
      design,
      ...stats,
      targetP95: targets.p95,
      targetP99: targets.p99,
      pass: checks.length === 0 ? null : checks.every(Boolean),
    };
  };

  progress(`size ${size}: timing commands`);
  const commands: CommandRow[] = [];
  const pairs = queries.names.map((name, i) => ({ name, topic: queries.topics[i]! }));
  commands.push(
    row(
      'related',
      'pilcrow',
      measureLatency(queries.topics, (q) => index.paragraphs(q, { limit: 50 })),
    ),
  );
  if (vectors) {
    // The lexical path alone, on an index built without word vectors, beside the hybrid one.
    const lexical = buildSearchIndex(corpus, null);
    commands.push(
      row(
        'related',
        'lexical',
        measureLatency(queries.topics, (q) => lexical.paragraphs(q, { limit: 50 })),
      ),
    );
    const meaningTopics = Array.from({ length: queryCount }, (_, i) => MEANING_TOPICS[i % MEANING_TOPICS.length]!);
    commands.push(
      row(
        'related',
        'meaning',
        measureLatency(meaningTopics, (q) => index.paragraphs(q, { limit: 50 })),
      ),
    );
  }
  commands.push(
    row(
      'who',
      'pilcrow',
      measureLatency(queries.names, (q) => index.names(q, { limit: 10 })),
    ),
  );
  commands.push(
    row(
      'quote',
      'pilcrow',
      measureLatency(pairs, (p) => findQuoteParagraphs(index, p.name, p.topic)),
    ),
  );
  commands.push(
    row(
      'articles',
      'pilcrow',
      measureLatency(queries.articles, (q) => index.articles(q, 25)),
    ),
  );
  commands.push(
    row(
      'summary',
      'pilcrow',
      measureLatency(queries.articles, (q) => lookUpSummary(index, byId, q)),
    ),
  );

  progress(`size ${size}: timing each command's blocking work (answer + Discord render)`);
  collectGarbage();
  const blocking = await measureBlocking(toCorpus({ articles: corpus, search: index }, []), queries, queryCount);

  progress(`size ${size}: timing baselines`);
  const docs: ParagraphDoc[] = corpus.flatMap((a) =>
    a.article.paragraphs.map((p) => ({ id: 0, article: a.article.id, n: p.n, text: p.text })),
  );
  docs.forEach((d, i) => (d.id = i));
  const miniSearch = new MiniSearch<ParagraphDoc>({ ...PARAGRAPH_MINISEARCH_OPTIONS });
  miniSearch.addAll(docs);
  commands.push(
    row(
      'related',
      'minisearch',
      measureLatency(queries.topics, (q) => miniSearch.search(cleanQuery(q).terms.join(' '), { ...CANDIDATE_SEARCH_OPTIONS }).slice(0, 50)),
    ),
  );
  const scanRuns = Math.min(queryCount, Math.max(5, Math.ceil(FUSE_SCAN_BUDGET / docs.length)));
  const fuseScan = new Fuse(docs, { ...PARAGRAPH_FUSE_OPTIONS }, Fuse.createIndex(['text'], docs));
  commands.push(
    row(
      'related',
      'fuse-scan',
      measureLatency(queries.topics.slice(0, scanRuns), (q) => fuseScan.search(cleanQuery(q).text, { limit: 50 })),
    ),
  );
  const nameDocs = collectNameDocs(corpus);
  const nameScan = new Fuse(nameDocs, { ...NAME_FUSE_OPTIONS });
  commands.push(
    row(
      'who',
      'fuse-scan',
      measureLatency(queries.names, (q) => nameScan.search(nameKey(q).slice(0, 80), { limit: 10 })),
    ),
  );

  progress(`size ${size}: start-up from the on-disk cache`);
  const dir = await mkdtemp(join(tmpdir(), 'pilcrow-bench-'));
  let startup: { ms: number; fromCache: boolean; cacheMB: number };
  try {
    const analyses = new Map(corpus.map((a) => [a.article.id, a.analysis]));
    const lookUp = (article: Article) => analyses.get(article.id)!;
    const cacheOptions = { dir, analysisVersion: 'bench' };
    const articles = corpus.map((a) => a.article);
    await analyseAndIndexWithCache(articles, lookUp, cacheOptions);
    collectGarbage();
    start = performance.now();
    const warm = await analyseAndIndexWithCache(articles, lookUp, cacheOptions);
    const ms = performance.now() - start;
    startup = {
      ms,
      fromCache: warm.indexSource === 'cache' && warm.analysed.length === 0,
      cacheMB: (await stat(join(dir, 'search-index.json'))).size / 2 ** 20,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const big = size >= BIG_SIZE;
  return {
    size,
    paragraphs,
    articles: corpus.length,
    nameStrings: nameDocs.length,
    buildMs: round1(buildMs),
    startupMs: round1(startup.ms),
    startupFromCache: startup.fromCache,
    cacheMB: round1(startup.cacheMB),
    heapMB: round1(memory.heapUsed / 2 ** 20),
    rssMB: round1(memory.rss / 2 ** 20),
    memoryPass: big ? memory.rss / 2 ** 20 <= MEMORY_TARGET_MB : null,
    startupPass: big ? startup.ms <= STARTUP_TARGET_MS : null,
    commands,
    prepareMs: round1(blocking.prepareMs),
    blocking: blocking.rows.map((row) => ({
      ...row,
      targetP99: big ? BLOCKING_TARGET_P99 : null,
      pass: big ? row.cpu.p99 <= BLOCKING_TARGET_P99 : null,
    })),
  };
}

/** /quote's search work: resolve the speaker by name, then their article's paragraphs about the topic. */
function findQuoteParagraphs(index: SearchIndex, speaker: string, about: string) {
  const [who] = index.names(speaker, { limit: 10 });
  return index.paragraphs(about, { article: who?.article, limit: 50 });
}

/** /summary's lookup: resolve the article option, then read its best-ranked sentences in article order. */
function lookUpSummary(index: SearchIndex, byId: ReadonlyMap<string, AnalysedArticle>, query: string) {
  const [hit] = index.articles(query, 5);
  const target = hit ? byId.get(hit.article) : undefined;
  return (target?.analysis.ranking ?? []).slice(0, 5).sort((a, b) => a.paragraph - b.paragraph || a.index - b.index);
}

function measureQuality(seed: AnalysedArticle, vectors: WordVectors | null): QualityReport {
  const index = buildSearchIndex([seed], vectors);
  const docs: ParagraphDoc[] = seed.article.paragraphs.map((p, i) => ({ id: i, article: seed.article.id, n: p.n, text: p.text }));
  const fuse = new Fuse(docs, { ...PARAGRAPH_FUSE_OPTIONS });
  const miniSearch = new MiniSearch<ParagraphDoc>({ ...PARAGRAPH_MINISEARCH_OPTIONS });
  miniSearch.addAll(docs);
  const top1: Record<Exclude<BenchDesign, 'lexical' | 'meaning'>, number> = { pilcrow: 0, 'fuse-scan': 0, minisearch: 0 };
  let agreement = 0;
  const rows: QualityReport['rows'] = [];
  for (const { query, expected } of SEED_QUALITY_QUERIES) {
    const ours = index.paragraphs(query, { article: seed.article.id, limit: 5 }).map((h) => h.paragraph);
    const theirs = fuse.search(cleanQuery(query).text, { limit: 5 }).map((r) => r.item.n);
    const mini = miniSearch
      .search(cleanQuery(query).terms.join(' '), { ...CANDIDATE_SEARCH_OPTIONS })
      .slice(0, 5)
      .map((r) => docs[r.id as number]!.n);
    if (expected.includes(ours[0] ?? -1)) top1.pilcrow++;
    if (expected.includes(theirs[0] ?? -1)) top1['fuse-scan']++;
    if (expected.includes(mini[0] ?? -1)) top1.minisearch++;
    agreement += theirs.length === 0 ? 1 : theirs.filter((n) => ours.includes(n)).length / theirs.length;
    rows.push({ query, expected, pilcrow: ours[0] ?? null, fuse: theirs[0] ?? null, minisearch: mini[0] ?? null });
  }
  return {
    queries: SEED_QUALITY_QUERIES.length,
    top1,
    agreementAt5: Math.round((agreement / SEED_QUALITY_QUERIES.length) * 100) / 100,
    notWorseThanFuse: top1.pilcrow >= top1['fuse-scan'],
    rows,
  };
}

/** Times a query series from a clean heap, so one series' garbage is not collected during the next. */
function measureLatency<Q>(queries: readonly Q[], run: (query: Q) => unknown): LatencyStats {
  collectGarbage();
  return timeQueries(queries, run);
}

let gc: (() => void) | null | undefined;
/** Forces a full GC when possible so memory readings are comparable. */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
