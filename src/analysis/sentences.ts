/**
 * English news sentence splitting. A boundary is terminal punctuation (. ? ! … or "..."),
 * with any closing quotes/brackets that follow it, then whitespace, then something that can
 * start a sentence (a capital, a digit, an opening quote or bracket). A line break inside a
 * paragraph (photo captions) always ends a sentence. Not boundaries: abbreviations (Mr., Dr.,
 * Sept., St., Gen.), initials ("J. R. Tolkien"), dotted acronyms followed by a name ("U.S.
 * Navy"), decimals ("3.5m", "US$1.2"), and "?"/"!"/"…" followed by a lowercase word
 * (`"Why?" he asked`).
 */
import type { Article } from '../model/article.ts';
import type { Sentence } from '../model/analysis.ts';
import { wordList } from './word-lists.ts';

/**
 * Abbreviations (lowercase, without the dot) after which a period does not end a sentence: these
 * and the honorifics and title abbreviations of the word lists ("Del.", "Atty.", "Msgr.").
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...wordList('titles', 'honorifics', 'abbreviatedTitles'),
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'st',
  'mt',
  'ft',
  'gen',
  'lt',
  'col',
  'capt',
  'cpt',
  'cmdr',
  'sgt',
  'maj',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'tue',
  'tues',
  'thu',
  'thur',
  'thurs',
  'dept',
  'univ',
  'assn',
  'ave',
  'blvd',
  'rd',
  'nos',
  'vol',
  'vs',
  'approx',
  'cf',
  'e.g',
  'i.e',
]);

/** Abbreviations that often end a sentence too ("… Apple Inc. The company …"): like dotted acronyms. */
const FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(['inc', 'corp', 'ltd', 'co', 'bros', 'plc', 'llc', 'jr', 'sr', 'esq', 'etc']);

/**
 * A quoted question or exclamation followed by its capitalised speaker and a reporting verb:
 * `"Why?" Smith asked.`, `"Right?" Hale went on` (the frequent one-word verbs, and the phrasal
 * ones of word-lists/reporting-verbs.json that follow a question: went on, shot back, …).
 */
const NAMED_ATTRIBUTION =
  /^(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:said|says|asked|asks|added|replied|shouted|told|wondered|cried|explained|insisted|continued|went on|goes on|shot back|fired back|hit back)\b/u;

/** Words that start a new sentence even after a dotted acronym ("… in the U.S. The …"). */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'these',
  'those',
  'but',
  'and',
  'however',
  'in',
  'on',
  'at',
  'after',
  'before',
  'meanwhile',
  'there',
  'his',
  'her',
  'their',
  'its',
  'our',
  'when',
  'while',
  'if',
  'as',
  'so',
  'since',
  'then',
  'now',
  'today',
]);

const TERMINAL = /[.?!…]/;
const CLOSERS = /["'”’)\]»]/;
/** What may start a sentence: an upper-case letter, a digit, an opening quote or bracket. */
const STARTER = /[\p{Lu}\p{N}"'“‘([«¿¡]/u;
const WORD_BEFORE = /([\p{L}.]+)$/u;
const WORD_AFTER = /^[\s"'“‘(]*([\p{L}]+)/u;

/** Splits every paragraph of an article into sentences, in reading order. */
export function splitSentences(article: Article): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of article.paragraphs) {
    splitText(paragraph.text).forEach(([start, end], index) => {
      sentences.push({ paragraph: paragraph.n, index, text: paragraph.text.slice(start, end), start, end });
    });
  }
  return sentences;
}

/** Splits one paragraph's text into [start, end) character ranges, trimmed of whitespace. */
export function splitText(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) ranges.push([s, e]);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      i++;
      continue;
    }
    if (!TERMINAL.test(ch)) {
      i++;
      continue;
    }
    // Take the whole run of terminal punctuation ("?!", "...") and any closers after it.
    let end = i + 1;
    while (end < text.length && TERMINAL.test(text[end]!)) end++;
    while (end < text.length && CLOSERS.test(text[end]!)) end++;
    const next = nextNonSpace(text, end);
    if (next === -1) {
      i = end;
      continue; // end of text: pushed below
    }
    if (next === end || !isBoundary(text, i, end, next)) {
      i = end;
      continue;
    }
    push(end);
    start = end;
    i = end;
  }
  push(text.length);
  return ranges;
}

function nextNonSpace(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (!/\s/.test(text[j]!)) return j;
  return -1;
}

/** Whether terminal punctuation at `at` (with its run ending at `end`) ends a sentence before `next`. */
function isBoundary(text: string, at: number, end: number, next: number): boolean {
  if (!STARTER.test(text[next]!)) return false;
  const punct = text.slice(at, end);
  if (/[?!]/u.test(punct) && /["”’]/u.test(text.slice(at, end)) && NAMED_ATTRIBUTION.test(text.slice(next))) return false;
  if (!punct.startsWith('.') || punct.startsWith('...')) return true;
  if (end > at + 1 && !(/^\.\]$/u.test(text.slice(at, end)) && /(?:^|[\s.])\p{Lu}$/u.test(text.slice(Math.max(0, at - 2), at))))
    return true; // a closing quote or bracket after the period: `…forces."` (not an initial in an editor's brackets: "[George W.] Bush")
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? '';
  if (before === '') return true;
  const bare = before.replace(/^\.+/, '');
  const lower = bare.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  if ((lower === 'no' || lower === 'p' || lower === 'pp') && /\p{N}/u.test(text[next]!)) return false;
  if (FINAL_ABBREVIATIONS.has(lower)) return SENTENCE_OPENERS.has(WORD_AFTER.exec(text.slice(next))?.[1]?.toLowerCase() ?? '');
  // An initial ("J. R. Tolkien"): a single capital letter.
  if (/^\p{Lu}$/u.test(bare)) return false;
  // A dotted acronym ("U.S."): not a boundary unless the next word plainly opens a sentence.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) {
    const after = WORD_AFTER.exec(text.slice(next))?.[1]?.toLowerCase() ?? '';
    return SENTENCE_OPENERS.has(after);
  }
  return true;
}
