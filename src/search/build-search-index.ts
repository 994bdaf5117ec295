import type { AnalysedArticle, SearchIndex } from '../model/corpus.ts';
import { displayTitle } from '../model/display-title.ts';
import { ArticleSearch, type ArticleDoc } from './article-search.ts';
import { NameSearch, collectNameDocs, type NameDoc } from './name-search.ts';
import { ParagraphSearch, type ParagraphDoc } from './paragraph-search.ts';
import { SEARCH_INDEX_VERSION } from './search-settings.ts';
import type { SerialisedTermIndex } from './term-index.ts';
import { activeWordVectors } from './vectors/active-word-vectors.ts';
import type { SerialisedParagraphVectors } from './vectors/paragraph-vectors.ts';
import type { WordVectors } from './vectors/word-vectors.ts';

/** The three indexes as plain JSON-ready data, for the on-disk cache. */
export interface SerialisedSearchIndex {
  version: number;
  paragraphs: SerialisedTermIndex;
  names: SerialisedTermIndex;
  articles: SerialisedTermIndex;
  /** Paragraph vectors (the semantic path), when the index was built with word vectors. */
  semantic?: SerialisedParagraphVectors;
}

/** A SearchIndex that can also be written to the cache. */
export interface CorpusSearchIndex extends SearchIndex {
  serialise(): SerialisedSearchIndex;
}

/**
 * Builds paragraph, name and article indexes over a corpus (articles in corpus order). Each is a
 * two-stage search: a TermIndex (BM25 over words; prefix and fuzzy word expansion through
 * MiniSearch's radix tree) picks a bounded set of candidates, and a small per-query fuse.js ranks
 * them (blended with BM25 for paragraphs; below exact/prefix tiers for names and articles).
 */
export function buildSearchIndex(
  articles: readonly AnalysedArticle[],
  vectors: WordVectors | null = activeWordVectors(),
): CorpusSearchIndex {
  const docs = collectDocs(articles);
  return assemble(ParagraphSearch.build(docs.paragraphs, vectors), NameSearch.build(docs.names), ArticleSearch.build(docs.articles));
}

/**
 * Restores indexes saved by `serialise()` for exactly these articles; null when the data is of
 * another version or does not fit them (then build afresh). `names`, when given, is
 * `collectNameDocs(articles)` computed elsewhere (a worker thread), so it is not redone here.
 */
export function loadSearchIndex(
  articles: readonly AnalysedArticle[],
  data: unknown,
  names?: NameDoc[],
  vectors: WordVectors | null = activeWordVectors(),
): CorpusSearchIndex | null {
  if (!isSerialisedSearchIndex(data)) return null;
  const docs = collectDocs(articles, names);
  try {
    return assemble(
      ParagraphSearch.load(docs.paragraphs, data.paragraphs, data.semantic, vectors),
      NameSearch.load(docs.names, data.names),
      ArticleSearch.load(docs.articles, data.articles),
    );
  } catch {
    return null;
  }
}

function assemble(paragraphs: ParagraphSearch, names: NameSearch, articles: ArticleSearch): CorpusSearchIndex {
  return {
    paragraphs: (query, options) => paragraphs.search(query, options),
    names: (query, options) => names.search(query, options),
    articles: (query, limit, options) =>
      options?.wordsOnly ? articles.searchWords(query, limit, options.articles) : articles.search(query, limit, options?.articles),
    serialise: () => {
      const semantic = paragraphs.serialiseSemantic();
      return {
        version: SEARCH_INDEX_VERSION,
        paragraphs: paragraphs.serialise(),
        names: names.serialise(),
        articles: articles.serialise(),
        ...(semantic ? { semantic } : {}),
      };
    },
  };
}

function collectDocs(articles: readonly AnalysedArticle[], names?: NameDoc[]) {
  const paragraphs: ParagraphDoc[] = [];
  const articleDocs: ArticleDoc[] = [];
  for (const { article } of articles) {
    articleDocs.push({ id: article.id, title: displayTitle(article) });
    for (const p of article.paragraphs) paragraphs.push({ id: paragraphs.length, article: article.id, n: p.n, text: p.text });
  }
  return { paragraphs, names: names ?? collectNameDocs(articles), articles: articleDocs };
}

function isSerialisedSearchIndex(data: unknown): data is SerialisedSearchIndex {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.version === SEARCH_INDEX_VERSION &&
    typeof d.paragraphs === 'object' &&
    d.paragraphs !== null &&
    typeof d.names === 'object' &&
    d.names !== null &&
    typeof d.articles === 'object' &&
    d.articles !== null
  );
}
