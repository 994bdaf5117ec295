/**
 * The on-disk cache of a corpus: each article's analysis (keyed by a content hash of the
 * article and the cache format, which includes the analysis code version) and the serialised
 * search indexes of the whole corpus. Nothing read from it is trusted: a missing, corrupt,
 * tampered, stale, implausible or unwritable entry is never fatal and never used — it is a miss
 * (one warning per load), the work is redone and the entry rewritten.
 *
 * Layout under the cache dir (each file: a JSON header line, then the JSON payload line; the
 * header holds the payload's sha256, so a truncated or edited payload is detected):
 *   analysis/<key>.json   {format, key, sha256} \n analysis      for one article (without the
 *                         texts it repeats from the article: compact-analysis.ts)
 *   search-index.json     {format, corpusKey, sha256} \n index   for the last corpus indexed
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleAnalysis } from '../model/analysis.ts';
import type { Article } from '../model/article.ts';
import { findAnalysisProblem } from './analysis-schema.ts';
import { compactAnalysis, expandAnalysis } from './compact-analysis.ts';
import type { AnalysedArticle } from '../model/corpus.ts';
import { buildSearchIndex, loadSearchIndex, type CorpusSearchIndex } from '../search/build-search-index.ts';
import { SEARCH_INDEX_VERSION } from '../search/search-settings.ts';
import { activeWordVectors } from '../search/vectors/active-word-vectors.ts';
import { SEMANTIC_SETTINGS } from '../search/vectors/paragraph-vectors.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { DEFAULT_CACHE_DIR } from '../files/default-cache-dir.ts';

/** Layout version of the cache files themselves. */
const CACHE_LAYOUT_VERSION = 2;

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
  /** Articles whose analysis threw: left out of `articles`, with why. The others are unaffected. */
  failed: FailedArticle[];
}

/** An article that could not be analysed. */
export interface FailedArticle {
  id: string;
  file: string;
  reason: string;
}

/** What `searchIndexWithCache` did. */
export interface CachedSearchIndex {
  index: CorpusSearchIndex;
  source: 'cache' | 'built';
}

/**
 * The analyses of `articles` (same order): reused from the cache when the article and the
 * analysis code are unchanged and the entry is valid for the article, otherwise computed with
 * `analyse` and written back. An article whose analysis throws is left out and reported in
 * `failed`; the others go on. Entries of articles no longer present are removed.
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
  const unusable: string[] = [];
  const cached = articles.map((article, i) => {
    const key = keys[i]!;
    const file = join(dir, `${key}.json`);
    const read = readEntry(file, { format, key });
    if ('missing' in read) return null;
    const payload = 'payload' in read ? expandAnalysis(read.payload, article) : undefined;
    const problem = 'payload' in read ? findAnalysisProblem(payload, article) : read.problem;
    if (problem === null) return payload as ArticleAnalysis;
    unusable.push(`${file}: ${problem}`);
    return null;
  });
  if (unusable.length > 0) {
    warn(
      `ignored ${unusable.length} unusable cached ${unusable.length === 1 ? 'analysis' : 'analyses'}, analysing again and rewriting (${unusable[0]}${unusable.length > 1 ? ', …' : ''})`,
    );
  }
  const result: CachedAnalyses = { articles: [], reused: [], analysed: [], failed: [] };
  const toWrite: Array<{ key: string; analysis: ArticleAnalysis; article: Article }> = [];
  for (const [i, article] of articles.entries()) {
    let analysis = cached[i];
    if (analysis) {
      result.reused.push(article.id);
    } else {
      try {
        analysis = await analyse(article);
      } catch (err) {
        result.failed.push({
          id: article.id,
          file: article.file,
          reason: `could not be analysed: ${err instanceof Error ? err.message : String(err)}`,
        });
        continue;
      }
      result.analysed.push(article.id);
      toWrite.push({ key: keys[i]!, analysis, article });
    }
    result.articles.push({ article, analysis });
  }
  await mapBounded(toWrite, async ({ key, analysis, article }) => {
    try {
      await writeEntry(join(dir, `${key}.json`), { format, key }, compactAnalysis(analysis, article));
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
export async function searchIndexWithCache(articles: readonly AnalysedArticle[], options: CorpusCacheOptions): Promise<CachedSearchIndex> {
  const file = join(options.dir ?? DEFAULT_CACHE_DIR, 'search-index.json');
  const format = cacheFormat(options.analysisVersion);
  const warn = options.onWarning ?? (() => undefined);
  const corpusKey = hash(format, await searchCodeVersion(), ...articles.map((a) => articleKey(a.article, format)));
  const saved = readEntry(file, { format, corpusKey });
  if ('payload' in saved) {
    const index = loadSearchIndex(articles, saved.payload);
    if (index && lacksParagraphVectors(saved.payload)) {
      // Saved by a process without these word vectors (none yet converted, or other ones): loading computed the
      // paragraph vectors (1–2 s of CPU at 25,000 paragraphs), so they are saved for the next start.
      try {
        await writeEntry(file, { format, corpusKey }, index.serialise());
      } catch (err) {
        warn('could not write the search index to the cache', err);
      }
    }
    if (index) return { index, source: 'cache' };
    warn(`ignored the cached search index (${file}): it does not fit the corpus; rebuilding and rewriting it`);
  } else if ('problem' in saved && !saved.stale) {
    warn(`ignored the cached search index (${file}: ${saved.problem}); rebuilding and rewriting it`);
  }
  const index = buildSearchIndex(articles);
  try {
    await writeEntry(file, { format, corpusKey }, index.serialise());
  } catch (err) {
    warn('could not write the search index to the cache', err);
  }
  return { index, source: 'built' };
}

/**
 * Whether a saved index lacks the paragraph vectors this process's word vectors give (it was
 * saved by a process without them, or with others): loading it then computes them (as
 * ParagraphVectors.load and ParagraphSearch.load do).
 */
function lacksParagraphVectors(payload: unknown): boolean {
  const vectors = activeWordVectors();
  if (!vectors) return false;
  const semantic = isRecord(payload) ? payload.semantic : undefined;
  return !(isRecord(semantic) && semantic.format === SEMANTIC_SETTINGS.format && semantic.vectorsId === vectors.id);
}

/**
 * A short stable hash of every `.ts` and `.json` file in `dir` and its folders (code and the data
 * it reads, such as the analysis word lists): a version that changes with either.
 */
export async function hashSourceFiles(dir: string | URL): Promise<string> {
  const names = (await readdir(dir, { recursive: true })).filter((n) => /\.(?:ts|json)$/u.test(n)).sort();
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

/**
 * Content hash of an article as read (any change to its text, metadata or ingestion changes it)
 * plus the format. Not where its file is: the analysis and the index never read the path, so a
 * cache copied to another host, or kept when DATA_DIR moves, still fits (the id, from the file
 * name, is in the article).
 */
function articleKey(article: Article, format: string): string {
  const known = articleKeys.get(article);
  if (known?.format === format) return known.key;
  const { file: _where, ...content } = article;
  const key = hash(format, JSON.stringify(content));
  articleKeys.set(article, { format, key });
  return key;
}

/**
 * Each article's key, remembered for the article object (articles are not changed once read: a
 * change is a new object): a start keys every article for its analysis and again for the search
 * index, and each key writes out and hashes the whole article (25,000 paragraphs: 0.2–0.4 s).
 */
const articleKeys = new WeakMap<Article, { format: string; key: string }>();

/** sha256 (hex) of the parts, each ended by a NUL. */
export function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\u0000');
  return h.digest('hex');
}

/** What reading a cache entry found: its payload, nothing (missing), or why it cannot be used. */
export type ReadEntry = { payload: unknown } | { missing: true } | { problem: string; stale: boolean };

/**
 * Reads an entry written by {@link writeEntry}: the header must carry exactly `expected` (a
 * different format or corpus key is `stale`, e.g. from older code) and the sha256 of the payload
 * line; the payload must parse. A missing file is silently `missing`.
 *
 * Read synchronously: entries are read while the corpus loads (before anything is served) or in
 * the rebuild worker, and fs.promises.readFile costs about 7× the CPU of readFileSync for these
 * files (673 analyses of 25,000 paragraphs, 29 MB: 0.7 s of CPU and 2.4 s against 0.1 s and 0.3 s).
 */
export function readEntry(file: string, expected: Record<string, string>): ReadEntry {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: `unreadable: ${err instanceof Error ? err.message : String(err)}`, stale: false };
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return { problem: 'not a cache entry (no header line)', stale: false };
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, newline));
  } catch {
    return { problem: 'corrupt header', stale: false };
  }
  if (!isRecord(header)) return { problem: 'corrupt header', stale: false };
  for (const [name, value] of Object.entries(expected)) {
    if (header[name] !== value) return { problem: `written for another ${name}`, stale: true };
  }
  const body = text.slice(newline + 1);
  if (header.sha256 !== hash(body)) return { problem: 'content does not match its checksum (truncated or edited)', stale: false };
  try {
    return { payload: JSON.parse(body) as unknown };
  } catch {
    return { problem: 'corrupt content', stale: false };
  }
}

/** Writes a cache entry atomically: a header line (`header` plus the payload's sha256), then the payload as JSON. */
export async function writeEntry(file: string, header: Record<string, string>, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  await writeFileAtomically(file, `${JSON.stringify({ ...header, sha256: hash(body) })}\n${body}`);
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

/** `fn` over `items` with at most IO_CONCURRENCY running at once; results in order. */
async function mapBounded<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
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
