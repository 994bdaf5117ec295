import type { Citation, QuoteItem } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { toQuoteItem, uniqueCitations } from './article-ref.ts';

/**
 * Every quote of a corpus as answers show it, with the lookups /quote needs, built once per
 * corpus (a corpus never changes; a rebuild makes a new one). With it, /quote costs what it
 * returns, not what the corpus holds: the bare question is the list itself, a speaker is a
 * map lookup, a topic the quotes of the paragraphs found plus one pass of indexOf over the
 * quotes' text.
 */
export interface QuoteCatalogue {
  /** The quotes in corpus order (articles in order, each article's quotes in order). */
  items: readonly QuoteItem[];
  /** Citations of `items`, without repeats. */
  citations: readonly Citation[];
  /** Where each article's quotes are in `items`: [start, end). */
  ranges: ReadonlyMap<string, readonly [number, number]>;
  /** Positions in `items` of the quotes of a speaker, by `article \0 entity id`. */
  bySpeaker: ReadonlyMap<string, readonly number[]>;
  /** Positions in `items` of the quotes of a paragraph, by `article \0 paragraph`. */
  byParagraph: ReadonlyMap<string, readonly number[]>;
  /** Quotes whose speaker is named in words only (no entity), with that name lower-cased. */
  namedOnly: ReadonlyArray<{ index: number; speaker: string }>;
  /** Speakers with the most quotes, most first (suggestions when a speaker is not found). */
  topSpeakers: readonly string[];
  /** The quotes' texts lower-cased, joined by a separator, and where each starts. */
  text: string;
  starts: Int32Array;
}

const SEPARATOR = '\u0001';
const catalogues = new WeakMap<Corpus, QuoteCatalogue>();

/** The catalogue of a corpus, built on first use and kept as long as the corpus lives. */
export function quoteCatalogue(corpus: Corpus): QuoteCatalogue {
  let catalogue = catalogues.get(corpus);
  if (!catalogue) {
    catalogue = buildQuoteCatalogue(corpus);
    catalogues.set(corpus, catalogue);
  }
  return catalogue;
}

/** Builds the catalogue now (e.g. when a corpus is swapped in, so no member's command pays for it). */
export function prepareQuoteCatalogue(corpus: Corpus): void {
  quoteCatalogue(corpus);
}

function buildQuoteCatalogue(corpus: Corpus): QuoteCatalogue {
  const items: QuoteItem[] = [];
  const ranges = new Map<string, readonly [number, number]>();
  const bySpeaker = new Map<string, number[]>();
  const byParagraph = new Map<string, number[]>();
  const namedOnly: Array<{ index: number; speaker: string }> = [];
  const counts = new Map<string, number>();
  for (const { article, analysis } of corpus.articles) {
    const start = items.length;
    const entities = new Map(analysis.entities.map((e) => [e.id, e]));
    for (const quote of analysis.quotes) {
      const index = items.length;
      const entity = quote.speakerId ? entities.get(quote.speakerId) : undefined;
      items.push(toQuoteItem(article.id, quote, entity ? [entity] : []));
      push(byParagraph, `${article.id}\u0000${quote.paragraph}`, index);
      if (quote.speakerId) {
        push(bySpeaker, `${article.id}\u0000${quote.speakerId}`, index);
        if (entity) counts.set(entity.name, (counts.get(entity.name) ?? 0) + 1);
      } else if (quote.speaker !== null) {
        namedOnly.push({ index, speaker: quote.speaker.toLowerCase() });
      }
    }
    ranges.set(article.id, [start, items.length]);
  }
  const texts = items.map((q) => q.text.toLowerCase().replaceAll(SEPARATOR, ' '));
  const starts = new Int32Array(items.length);
  let offset = 0;
  texts.forEach((t, i) => {
    starts[i] = offset;
    offset += t.length + SEPARATOR.length;
  });
  const topSpeakers = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name]) => name);
  return { items, citations: uniqueCitations(items), ranges, bySpeaker, byParagraph, namedOnly, topSpeakers, text: texts.join(SEPARATOR), starts };
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

/** Positions of the quotes whose (lower-cased) text contains `phrase`, in order; one indexOf pass over all quotes' text. */
export function findQuotesContaining(catalogue: QuoteCatalogue, phrase: string): number[] {
  const needle = phrase.toLowerCase();
  const found: number[] = [];
  if (!needle || needle.includes(SEPARATOR)) return found;
  const { text, starts } = catalogue;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return found;
    const index = quoteAt(starts, at);
    const end = index + 1 < starts.length ? starts[index + 1]! - SEPARATOR.length : text.length;
    if (at + needle.length <= end) {
      found.push(index);
      from = end + SEPARATOR.length;
    } else {
      from = at + 1;
    }
  }
}

/** The quote whose text holds offset `at` (binary search over the starts). */
function quoteAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
