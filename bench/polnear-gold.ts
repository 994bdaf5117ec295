/**
 * The PolNeAR gold quotations beside a training article, and the scorer's tests on them (word F1
 * to match a found quotation, a shared name word to judge its speaker), shared by
 * train-attribution.ts and train-attribution-misses.ts so both count a quotation the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Article } from '../src/model/article.ts';

export interface GoldQuote {
  text: string;
  marks?: string;
  words?: number;
  speech?: boolean;
  paragraph?: number | null;
  speaker: string | null;
  speaker_basis: string;
  speaker_surface?: string;
  unsure?: boolean;
}

/** The gold quotations of an article (its `.gold.json` beside the `.txt`), or null when it has none. */
export function readGoldQuotes(article: Article): GoldQuote[] | null {
  const goldFile = article.file.replace(/\.txt$/u, '.gold.json');
  if (!existsSync(goldFile)) return null;
  return (JSON.parse(readFileSync(goldFile, 'utf8')) as { quotes: GoldQuote[] }).quotes;
}

/** Particles and titles the scorer does not count as name words. */
const NOT_NAME = new Set([
  'the',
  'of',
  'and',
  'de',
  'du',
  'da',
  'di',
  'la',
  'le',
  'van',
  'von',
  'der',
  'al',
  'mr',
  'mrs',
  'ms',
  'dr',
  'jr',
  'sr',
]);

function words(s: string): string[] {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Name words as the scorer compares them: two letters or more, without particles and titles. */
export function nameWords(s: string): Set<string> {
  return new Set(words(s).filter((w) => w.length >= 2 && !NOT_NAME.has(w)));
}

/** The scorer's test: a name word in common. */
export function shareNameWord(a: string, b: string): boolean {
  const bw = nameWords(b);
  return [...nameWords(a)].some((w) => bw.has(w));
}

/** The scorer's test on a speaker: a shared name word, or both null. */
export function sameSpeaker(gold: string | null, answer: string | null): boolean {
  if (gold === null) return answer === null;
  return shareNameWord(gold, answer ?? '');
}

/** Word F1 between two quotation texts, as the scorer matches a found quotation to a gold one. */
export function wordF1(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const count = new Map<string, number>();
  for (const w of wb) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      common++;
      count.set(w, n - 1);
    }
  }
  return common === 0 ? 0 : (2 * common) / (wa.length + wb.length);
}
