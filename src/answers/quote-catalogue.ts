import type { Citation, QuoteItem } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { toQuoteItem } from './article-ref.ts';

/**
 * Every quote of a corpus as answers show it, with the lookups /quote needs, built once per
 * corpus (a corpus never changes; a rebuild makes a new one). With it, /quote costs what it
 * returns, not what the corpus holds: the bare question is the list itself, a speaker or a
 * paragraph a scan of one article's quotes, a topic one indexOf pass over the quotes' text.
 */
export interface QuoteCatalogue {
  /** The quotes in corpus order (articles in order, each article's quotes in order). */
  items: readonly QuoteItem[];
  /** Citations of `items`, without repeats. */
  citations: readonly Citation[];
  /** Where each article's quotes are in `items`: [start, end). */
  ranges: ReadonlyMap<string, readonly [number, number]>;
  /** Positions in `items` of the quotes of a speaker, by `article \0 entity id`. */
  bySpeaker: KeyedPositions;
  /** Positions in `items` of the quotes of a paragraph, by `article \0 paragraph`. */
  byParagraph: KeyedPositions;
  /** Quotes whose speaker is named in words only (no entity), with that name lower-cased. */
  namedOnly: ReadonlyArray<{ index: number; speaker: string }>;
  /** Speakers with the most quotes, most first (suggestions when a speaker is not found). */
  topSpeakers: readonly string[];
  /** The quotes' texts lower-cased, joined by a separator, and where each starts. */
  text: string;
  starts: Int32Array;
}

/** Positions of quotes by a key of the form `article \0 value` (found within the article's range). */
export interface KeyedPositions {
  get(key: string): readonly number[] | undefined;
}

const SEPARATOR = '\u0001';
/** Longest slice of a background build before it yields to the event loop, in ms. */
const SLICE_MS = 4;

interface Building {
  step: Generator<void, QuoteCatalogue>;
  done: Promise<void>;
}

const catalogues = new WeakMap<Corpus, QuoteCatalogue>();
const building = new WeakMap<Corpus, Building>();

/** The catalogue of a corpus: built already (prepareQuoteCatalogue), finished now if under way, or built now. */
export function quoteCatalogue(corpus: Corpus): QuoteCatalogue {
  const ready = catalogues.get(corpus);
  if (ready) return ready;
  const step = building.get(corpus)?.step ?? buildSteps(corpus);
  let next = step.next();
  while (!next.done) next = step.next();
  catalogues.set(corpus, next.value);
  building.delete(corpus);
  return next.value;
}

/**
 * Builds the catalogue of a corpus in slices of a few ms, yielding to the event loop between
 * them, so a corpus swapped in while serving never blocks it; a /quote arriving meanwhile
 * finishes the rest at once. Resolves when the catalogue is ready.
 */
export function prepareQuoteCatalogue(corpus: Corpus): Promise<void> {
  if (catalogues.has(corpus)) return Promise.resolve();
  const under = building.get(corpus);
  if (under) return under.done;
  const step = buildSteps(corpus);
  const done = new Promise<void>((resolve) => {
    const slice = (): void => {
      if (catalogues.has(corpus)) return resolve();
      const until = performance.now() + SLICE_MS;
      let next = step.next();
      while (!next.done && performance.now() < until) next = step.next();
      if (next.done) {
        catalogues.set(corpus, next.value);
        building.delete(corpus);
        resolve();
      } else {
        setImmediate(slice);
      }
    };
    setImmediate(slice);
  });
  building.set(corpus, { step, done });
  return done;
}

/** The build, one article per step. */
function* buildSteps(corpus: Corpus): Generator<void, QuoteCatalogue> {
  const items: QuoteItem[] = [];
  const speakerIds: Array<string | null> = [];
  const ranges = new Map<string, readonly [number, number]>();
  const citations: Citation[] = [];
  const namedOnly: Array<{ index: number; speaker: string }> = [];
  const counts = new Map<string, number>();
  const texts: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const { article, analysis } of corpus.articles) {
    const start = items.length;
    const entities = new Map(analysis.entities.map((e) => [e.id, e]));
    const cited = new Set<number>();
    for (const quote of analysis.quotes) {
      const index = items.length;
      const entity = quote.speakerId ? entities.get(quote.speakerId) : undefined;
      items.push(toQuoteItem(article.id, quote, entity ? [entity] : []));
      speakerIds.push(quote.speakerId);
      const text = quote.text.toLowerCase().replaceAll(SEPARATOR, ' ');
      texts.push(text);
      starts.push(offset);
      offset += text.length + SEPARATOR.length;
      if (!cited.has(quote.paragraph)) {
        cited.add(quote.paragraph);
        citations.push({ article: article.id, paragraph: quote.paragraph });
      }
      if (entity) counts.set(entity.name, (counts.get(entity.name) ?? 0) + 1);
      else if (!quote.speakerId && quote.speaker !== null) namedOnly.push({ index, speaker: quote.speaker.toLowerCase() });
    }
    ranges.set(article.id, [start, items.length]);
    yield;
  }
  /** Positions in an article's range whose quote satisfies `test`. */
  const within = (key: string, test: (i: number, value: string) => boolean): readonly number[] | undefined => {
    const cut = key.indexOf('\u0000');
    const range = cut < 0 ? undefined : ranges.get(key.slice(0, cut));
    if (!range) return undefined;
    const value = key.slice(cut + 1);
    const found: number[] = [];
    for (let i = range[0]; i < range[1]; i++) if (test(i, value)) found.push(i);
    return found.length > 0 ? found : undefined;
  };
  return {
    items,
    citations,
    ranges,
    bySpeaker: { get: (key) => within(key, (i, id) => speakerIds[i] === id) },
    byParagraph: { get: (key) => within(key, (i, n) => String(items[i]!.paragraph) === n) },
    namedOnly,
    topSpeakers: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name]) => name),
    text: texts.join(SEPARATOR),
    starts: Int32Array.from(starts),
  };
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
