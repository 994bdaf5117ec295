import type { Citation, QuoteItem } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { toQuoteItem } from './article-ref.ts';

/**
 * Every quote of a corpus as answers show it, with the lookups /quote needs, built once per
 * corpus (a corpus never changes; a rebuild makes a new one). With it, /quote costs what it
 * returns, not what the corpus holds: the bare question is the list itself, a speaker or a
 * paragraph a scan of one article's quotes, a topic a lookup of its words in the quotes' words.
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
  /**
   * Quotes whose speaker is named in words only (no entity): each such name once, lower-cased,
   * with the positions of its quotes in order. A speaker query tests each name once, not each
   * quote (7,321 such quotes at 100k paragraphs, tested one by one: 1.1–1.8 ms a query).
   */
  namedOnly: ReadonlyArray<{ speaker: string; indices: readonly number[] }>;
  /** Speakers with the most quotes, most first (suggestions when a speaker is not found). */
  topSpeakers: readonly string[];
  /** The quotes' texts, lower-cased. */
  texts: readonly string[];
  /** Every word of the quotes (lower-cased), sorted, and the positions in `items` of the quotes holding each. */
  words: readonly string[];
  holders: ReadonlyArray<readonly number[]>;
}

/** Positions of quotes by a key of the form `article \0 value` (found within the article's range). */
export interface KeyedPositions {
  get(key: string): readonly number[] | undefined;
}

/** A word of a quote or a topic: letters and digits (what separates words is everything else). */
const WORD = /[\p{L}\p{N}]+/gu;
/** A topic's last word matches the words it starts from this many letters on ("ukrain" → "ukraine's"); shorter ones whole. */
const PREFIX_FROM = 3;
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
  const namedOnly = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const texts: string[] = [];
  const byWord = new Map<string, number[]>();
  for (const { article, analysis } of corpus.articles) {
    const start = items.length;
    const entities = new Map(analysis.entities.map((e) => [e.id, e]));
    const cited = new Set<number>();
    for (const quote of analysis.quotes) {
      const index = items.length;
      const entity = quote.speakerId ? entities.get(quote.speakerId) : undefined;
      items.push(toQuoteItem(article.id, quote, entity ? [entity] : []));
      speakerIds.push(quote.speakerId);
      const text = quote.text.toLowerCase();
      texts.push(text);
      for (const [word] of text.matchAll(WORD)) {
        const holding = byWord.get(word);
        if (!holding) byWord.set(word, [index]);
        else if (holding[holding.length - 1] !== index) holding.push(index);
      }
      if (!cited.has(quote.paragraph)) {
        cited.add(quote.paragraph);
        citations.push({ article: article.id, paragraph: quote.paragraph });
      }
      if (entity) counts.set(entity.name, (counts.get(entity.name) ?? 0) + 1);
      else if (!quote.speakerId && quote.speaker !== null) {
        const speaker = quote.speaker.toLowerCase();
        const indices = namedOnly.get(speaker);
        if (indices) indices.push(index);
        else namedOnly.set(speaker, [index]);
      }
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
    namedOnly: [...namedOnly].map(([speaker, indices]) => ({ speaker, indices })),
    topSpeakers: [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name]) => name),
    texts,
    ...sortedWords(byWord),
  };
}

function sortedWords(byWord: ReadonlyMap<string, number[]>): { words: string[]; holders: number[][] } {
  const words = [...byWord.keys()].sort();
  return { words, holders: words.map((w) => byWord.get(w)!) };
}

/**
 * Positions of the quotes that say `phrase`, in order: its words in sequence, each a whole word
 * of the quote except the last, which may begin one ("ukrain" → "Ukraine's"). The candidates are
 * the quotes holding the phrase's rarest whole word (or the words the last begins), read from the
 * catalogue's word lists, so the work is what matches, not every quote of the corpus.
 */
export function findQuotesContaining(catalogue: QuoteCatalogue, phrase: string): number[] {
  const words = [...phrase.toLowerCase().matchAll(WORD)].map(([w]) => w);
  if (words.length === 0) return [];
  const last = words[words.length - 1]!;
  const whole = words.slice(0, -1);
  // The last word's lists: its own, or those of every word it begins.
  const { words: known, holders } = catalogue;
  let from = lowerBound(known, last);
  let to = from;
  if (last.length < PREFIX_FROM) to = known[from] === last ? from + 1 : from;
  else while (to < known.length && known[to]!.startsWith(last)) to++;
  let lastCount = 0;
  for (let at = from; at < to; at++) lastCount += holders[at]!.length;
  let candidates: readonly number[];
  const rarest = whole
    .map((w) => holdersOf(catalogue, w))
    .reduce<readonly number[] | null>((a, b) => (a && a.length <= b.length ? a : b), null);
  if (rarest && rarest.length <= lastCount) candidates = rarest;
  else if (to - from === 1) candidates = holders[from]!;
  else {
    const merged = new Set<number>();
    for (; from < to; from++) for (const i of holders[from]!) merged.add(i);
    candidates = [...merged].sort((a, b) => a - b);
  }
  if (candidates.length === 0) return [];
  // One word: its lists hold exactly the quotes with a word it is (or begins), nothing to test.
  if (whole.length === 0) return candidates.slice();
  // Words are letters and digits only, so they need no escaping in a pattern.
  const tail = last.length < PREFIX_FROM ? `${last}(?![\\p{L}\\p{N}])` : last;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${[...whole, tail].join('[^\\p{L}\\p{N}]+')}`, 'u');
  return candidates.filter((i) => pattern.test(catalogue.texts[i]!));
}

/** The quotes holding `word` as a whole word. */
function holdersOf(catalogue: QuoteCatalogue, word: string): readonly number[] {
  const at = lowerBound(catalogue.words, word);
  return catalogue.words[at] === word ? catalogue.holders[at]! : [];
}

/** The first position in sorted `words` not before `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
