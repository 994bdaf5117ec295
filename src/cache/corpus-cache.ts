/**
 * The on-disk cache of a corpus: each article's analysis (keyed by a content hash of the
 * article and the cache format, which includes the analysis code version) and the serialised
 * search indexes of the whole corpus. A missing, corrupt, stale or unwritable cache is never
 * fatal: it is ignored (with a warning) and the work is redone.
 *
 * Layout under the cache dir:
 *   analysis/<key>.json   { format, key, analysis } for one article
 *   search-index.json     { format, corpusKey, index } for the last corpus indexed
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleAnalysis } from '../model/analysis.ts';
import type { Article } from '../model/article.ts';
import type { AnalysedArticle } from '../model/corpus.ts';
import { buildSearchIndex, loadSearchIndex, type CorpusSearchIndex } from '../search/build-search-index.ts';
import { SEARCH_INDEX_VERSION } from '../search/search-settings.ts';
import { writeFileAtomically } from './write-file-atomically.ts';

/** Layout version of the cache files themselves. */
const CACHE_LAYOUT_VERSION = 1;

/** `.cache/` at the repository root (gitignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));

/** Analyses read or written in parallel at most. */
const IO_CONCURRENCY = 32;

export interface CorpusCacheOptions {
  /** Directory holding the cache (created when missing). Default DEFAULT_CACHE_DIR. */
  dir?: string;
  /**
   * Version of the analysis code; a different value invalidates every cached analysis.
   * `hashSourceFiles(analysisDir)` gives one that changes whenever the code does.
   */
  analysisVersion: string;
  /** Told about every cache problem that was worked around (unreadable, corrupt, unwritable). */
  onWarning?: (message: string, err?: unknown) => void;
}

/** What `analyseWithCache` did. */
export interface CachedAnalyses {
  articles: AnalysedArticle[];
  /** Ids of the articles whose analysis came from the cache. */
  reused: string[];
  /** Ids of the articles analysed now (new, changed, or their cache entry was unusable). */
  analysed: string[];
}

/** What `searchIndexWithCache` did. */
export interface CachedSearchIndex {
  index: CorpusSearchIndex;
  source: 'cache' | 'built';
}

/**
 * The analyses of `articles` (same order): reused from the cache when the article and the
 * analysis code are unchanged, otherwise computed with `analyse` and written back. Entries
 * of articles no longer present are removed.
 */
export async function analyseWithCache(
  articles: readonly Article[],
  analyse: (article: Article) => ArticleAnalysis | Promise<ArticleAnalysis>,
  options: CorpusCacheOptions,
): Promise<CachedAnalyses> {
  const dir = join(options.dir ?? DEFAULT_CACHE_DIR, 'analysis');
  const format = cacheFormat(options.analysisVersion);
  const warn = options.onWarning ?? (() => undefined);
  const keys = articles.map((article) => articleKey(article, format));
  const cached = await mapBounded(keys, (key) => readAnalysis(join(dir, `${key}.json`), format, key, warn));
  const result: CachedAnalyses = { articles: [], reused: [], analysed: [] };
  const toWrite: Array<{ key: string; analysis: ArticleAnalysis }> = [];
  for (const [i, article] of articles.entries()) {
    let analysis = cached[i];
    if (analysis) {
      result.reused.push(article.id);
    } else {
      analysis = await analyse(article);
      result.analysed.push(article.id);
      toWrite.push({ key: keys[i]!, analysis });
    }
    result.articles.push({ article, analysis });
  }
  await mapBounded(toWrite, async ({ key, analysis }) => {
    try {
      await writeFileAtomically(join(dir, `${key}.json`), JSON.stringify({ format, key, analysis }));
    } catch (err) {
      warn('could not write an analysis to the cache', err);
    }
  });
  await removeOtherEntries(dir, new Set(keys), warn);
  return result;
}

/**
 * The search index of `articles`: loaded from the cache when it was saved for exactly these
 * analysed articles with the same code, otherwise built and saved.
 */
export async function searchIndexWithCache(
  articles: readonly AnalysedArticle[],
  options: CorpusCacheOptions,
): Promise<CachedSearchIndex> {
  const file = join(options.dir ?? DEFAULT_CACHE_DIR, 'search-index.json');
  const format = cacheFormat(options.analysisVersion);
  const warn = options.onWarning ?? (() => undefined);
  const corpusKey = hash(format, await searchCodeVersion(), ...articles.map((a) => articleKey(a.article, format)));
  const saved = await readJson(file, warn);
  if (isRecord(saved) && saved.format === format && saved.corpusKey === corpusKey) {
    const index = loadSearchIndex(articles, saved.index);
    if (index) return { index, source: 'cache' };
    warn('the cached search index does not fit the corpus; rebuilding it');
  }
  const index = buildSearchIndex(articles);
  try {
    await writeFileAtomically(file, JSON.stringify({ format, corpusKey, index: index.serialise() }));
  } catch (err) {
    warn('could not write the search index to the cache', err);
  }
  return { index, source: 'built' };
}

/** A short stable hash of every `.ts` file directly in `dir`: a version that changes with the code. */
export async function hashSourceFiles(dir: string | URL): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts')).sort();
  const base = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const contents = await Promise.all(names.map((n) => readFile(join(base, n), 'utf8')));
  return hash(...names.flatMap((n, i) => [n, contents[i]!])).slice(0, 16);
}

let searchCode: Promise<string> | undefined;

/** A hash of the search code (src/search/*.ts), so an index saved by other search code is never loaded. */
function searchCodeVersion(): Promise<string> {
  searchCode ??= hashSourceFiles(new URL('../search/', import.meta.url)).catch(() => `v${SEARCH_INDEX_VERSION}`);
  return searchCode;
}

/** The cache format: layout, search index and analysis code versions together. */
function cacheFormat(analysisVersion: string): string {
  return `layout${CACHE_LAYOUT_VERSION}-search${SEARCH_INDEX_VERSION}-analysis:${analysisVersion}`;
}

/** Content hash of an article as read (any change to its file or its ingestion changes it) plus the format. */
function articleKey(article: Article, format: string): string {
  return hash(format, JSON.stringify(article));
}

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\u0000');
  return h.digest('hex');
}

async function readAnalysis(
  file: string,
  format: string,
  key: string,
  warn: (message: string, err?: unknown) => void,
): Promise<ArticleAnalysis | null> {
  const saved = await readJson(file, warn);
  if (saved === undefined) return null;
  if (isRecord(saved) && saved.format === format && saved.key === key && isAnalysis(saved.analysis)) return saved.analysis;
  warn(`ignoring an unusable cache entry: ${file}`);
  return null;
}

/** Parsed JSON of `file`; undefined when missing (silently) or unreadable/corrupt (with a warning). */
async function readJson(file: string, warn: (message: string, err?: unknown) => void): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`could not read the cache file ${file}`, err);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    warn(`ignoring a corrupt cache file: ${file}`, err);
    return undefined;
  }
}

async function removeOtherEntries(dir: string, keep: ReadonlySet<string>, warn: (message: string, err?: unknown) => void): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => n.endsWith('.json') && !keep.has(n.slice(0, -'.json'.length)));
  await mapBounded(stale, (n) => rm(join(dir, n), { force: true }).catch((err: unknown) => warn('could not prune the cache', err)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAnalysis(value: unknown): value is ArticleAnalysis {
  return (
    isRecord(value) &&
    Array.isArray(value.sentences) &&
    Array.isArray(value.entities) &&
    Array.isArray(value.quotes) &&
    Array.isArray(value.ranking)
  );
}

/** `fn` over `items` with at most IO_CONCURRENCY running at once; results in order. */
async function mapBounded<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IO_CONCURRENCY, items.length) }, worker));
  return results;
}

/** Analyses (reusing cached ones) and indexes (loading the cached index when it fits) in one step. */
export async function analyseAndIndexWithCache(
  articles: readonly Article[],
  analyse: (article: Article) => ArticleAnalysis | Promise<ArticleAnalysis>,
  options: CorpusCacheOptions,
): Promise<CachedAnalyses & { search: CorpusSearchIndex; indexSource: CachedSearchIndex['source'] }> {
  const analyses = await analyseWithCache(articles, analyse, options);
  const { index, source } = await searchIndexWithCache(analyses.articles, options);
  return { ...analyses, search: index, indexSource: source };
}
