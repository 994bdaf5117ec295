import { stat } from 'node:fs/promises';
import { analyseAndIndexWithCache, hash, hashSourceFiles, type FailedArticle } from '../cache/corpus-cache.ts';
import { installedVersions } from '../files/installed-versions.ts';
import { openParsedArticles } from '../cache/parsed-articles.ts';
import { nodeArticleFs } from '../ingest/article-fs.ts';
import { loadArticles } from '../ingest/load-articles.ts';
import type { ArticleAnalysis } from '../model/analysis.ts';
import type { Article, SkippedFile } from '../model/article.ts';
import type { AnalysedArticle, Corpus, SearchIndex } from '../model/corpus.ts';
import type { CorpusSearchIndex } from '../search/build-search-index.ts';

export interface LoadCorpusOptions {
  dataDir: string;
  /** Cache directory for analyses and indexes; default the repository's .cache/. */
  cacheDir?: string;
  /** Told about cache problems that were worked around. */
  onWarning?: (message: string, err?: unknown) => void;
  /** The analysis of one article; default the real one (analyseArticle). Tests substitute one that fails. */
  analyse?: (article: Article) => ArticleAnalysis | Promise<ArticleAnalysis>;
}

/** What loading found: the corpus (possibly empty) and, when nothing loaded, why. */
export interface LoadedCorpus {
  corpus: Corpus;
  /** Why no article could be loaded (empty directory, every file bad); the corpus is then empty. */
  warning?: string;
}

let analysisVersion: Promise<string> | undefined;

/** The folder of the analysis code (src/analysis/, as ANALYSIS_DIR there): its hash versions cached analyses. */
const ANALYSIS_CODE_DIR = new URL('../analysis/', import.meta.url);

/** Every package src/analysis/ imports: their versions key cached analyses (a test checks the list against the imports). */
export const ANALYSIS_PACKAGES = ['compromise', 'fuse.js'] as const;

/**
 * The version of the analysis (a hash of its sources and of the installed versions of the packages
 * it uses, so an upgraded tagger re-analyses), computed once.
 */
export function currentAnalysisVersion(): Promise<string> {
  analysisVersion ??= Promise.all([hashSourceFiles(ANALYSIS_CODE_DIR), installedVersions(ANALYSIS_PACKAGES)]).then(([code, libraries]) =>
    hash(code, libraries).slice(0, 16),
  );
  return analysisVersion;
}

/**
 * The real analysis, imported at the first article that needs it: a start from a warm cache
 * analyses nothing, so it never loads the analysis code and its language models (compromise, about
 * a second of CPU to load; measured in docs/benchmarks.md, several hosts).
 */
async function analyseLazily(article: Article): Promise<ArticleAnalysis> {
  const { analyseArticle } = await import('../analysis/analyse-article.ts');
  return analyseArticle(article);
}

/** Analysed articles (in the order given, less those that failed) and their search index, which can be serialised. */
export interface IndexedArticles {
  articles: AnalysedArticle[];
  search: CorpusSearchIndex;
  /** Articles whose analysis threw: not in `articles` nor in the index. */
  failed: FailedArticle[];
}

/** Analyses (reusing cached analyses of unchanged articles) and indexes articles, keeping the cache current. An article whose analysis fails is left out and reported; the others go in. */
export async function analyseAndIndex(articles: readonly Article[], options: Omit<LoadCorpusOptions, 'dataDir'>): Promise<IndexedArticles> {
  return analyseAndIndexWithCache(articles, options.analyse ?? analyseLazily, {
    dir: options.cacheDir,
    analysisVersion: await currentAnalysisVersion(),
    onWarning: options.onWarning,
  });
}

/** A queryable corpus from analysed, indexed articles: lookup by id added. */
export function toCorpus(indexed: { articles: AnalysedArticle[]; search: SearchIndex }, skipped: SkippedFile[]): Corpus {
  return {
    articles: indexed.articles,
    byId: new Map(indexed.articles.map((a) => [a.article.id, a])),
    search: indexed.search,
    skipped,
  };
}

/** Analyses (reusing cached analyses of unchanged articles) and indexes articles into a corpus; an article whose analysis fails is skipped with why. */
export async function indexArticles(
  articles: readonly Article[],
  skipped: SkippedFile[],
  options: Omit<LoadCorpusOptions, 'dataDir'>,
): Promise<Corpus> {
  const indexed = await analyseAndIndex(articles, options);
  return toCorpus(indexed, [...skipped, ...indexed.failed.map(({ file, reason }) => ({ file, reason }))]);
}

/**
 * Reads, cleans, analyses and indexes every article in the data directory. A missing or
 * unreadable directory is an error value; an empty one (or one whose files are all bad) gives
 * an empty corpus with a warning, so a bot can start and pick articles up later.
 */
export async function loadCorpus(options: LoadCorpusOptions): Promise<LoadedCorpus | { error: string }> {
  try {
    if (!(await stat(options.dataDir)).isDirectory()) return { error: `DATA_DIR is not a directory: ${options.dataDir}` };
  } catch {
    return { error: `The data directory does not exist: ${options.dataDir} (set DATA_DIR or --data).` };
  }
  // Files whose bytes were parsed before are not parsed again (src/cache/parsed-articles.ts).
  const parsed = await openParsedArticles({ dir: options.cacheDir, onWarning: options.onWarning });
  const loaded = await loadArticles(options.dataDir, nodeArticleFs, { parse: parsed.parse });
  await parsed.save();
  const corpus = await indexArticles(loaded.articles, loaded.skipped, options);
  return loaded.error ? { corpus, warning: loaded.error } : { corpus };
}
