/**
 * Find step for people and organisations: proper-noun chunks in a sentence. A chunk is a run
 * of capitalised tokens (names, initials "J.", acronyms "NATO", names with digits "S14",
 * hyphenated "Rossia-1") joined by single spaces, by name particles ("de", "van", "bin") and,
 * after an organisation or place head word, by "of"/"of the"/"on the"/"for" ("Republic of
 * Belarus", "United Nations Convention on the Law of the Sea") or by "and" before a word that
 * commonly follows it in institution names ("Fire and Rescue"). A possessive ends a chunk.
 * Sentence-opening common words ("The", "Meanwhile", "Witnesses") are dropped.
 */
import type { Sentence } from '../model/analysis.ts';
import { isCommonWord, isKnownFirstName, isPluralActor } from './lexicon.ts';
import { ABBREVIATED_TITLES, CALENDAR_WORDS, COMMON_CAPITALISED, HONORIFICS, ORG_HEADS, PARTICLES, TITLE_WORDS } from './name-cues.ts';
import { wordList } from './word-lists.ts';

/** A capitalised phrase found in a sentence. Offsets are within the paragraph text. */
export interface NameChunk {
  paragraph: number;
  sentence: Sentence;
  /** The phrase's tokens (possessive "'s" removed). */
  tokens: string[];
  text: string;
  start: number;
  end: number;
  /** Whether the chunk opened its sentence (possibly after an opening quote). */
  initial: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?/gu;
/** Words that may follow "and" inside an institution's name. */
const AND_PARTNERS = wordList('organisations', 'andPartners');
/** Heads after which "of"/"on"/"for" continue a name. */
const OF_HEADS: ReadonlySet<string> = new Set([...ORG_HEADS, ...wordList('organisations', 'ofHeads')]);
/** Abbreviations that keep their period: honorifics, titles ("Rep.", "Del."), "St.", "Jr.", "Sr.". */
const DOTTED_ABBREVIATIONS: ReadonlySet<string> = new Set([...HONORIFICS, ...ABBREVIATED_TITLES, 'st', 'jr', 'sr']);
const CURRENCY_AFTER = /^[$¥€£]/;
/** No name is longer ("United Nations Convention on the Law of the Sea" is 9); longer capitalised runs are cut. */
const MAX_CHUNK_TOKENS = 12;
/** Gaps that may stand inside one name: around a quoted nickname, or an editor's square brackets. */
const INNER_GAP = /^(?: ["“]|["”] |\] | \[|\]\s+\[)$/u;
const CONTRACTION = /['’](?:m|re|ve|ll|d)$/iu;

/**
 * A quotation mark inside a name only around a one-word nickname (Finley "Finn" Polmar): the word
 * after an opening mark must be closed right after it, and a closing mark must close such a word;
 * otherwise the mark opens or closes a quotation (`— Lena Ahl "The trains …"`) and ends the name.
 */
function closesNickname(gap: string, prev: { start: number }, next: { end: number }, text: string): boolean {
  if (/^ ["“]$/u.test(gap)) return /^["”] /u.test(text.slice(next.end, next.end + 2));
  if (/^["”] $/u.test(gap)) return /["“]$/u.test(text.slice(Math.max(0, prev.start - 1), prev.start));
  return true;
}

/**
 * Whether a capitalised word opening a sentence is an ordinary word, not part of a name:
 * "Meanwhile", and alone "Critics", "One" (but "White House", "Royal Air Force" stay). Titles ("President Maria Lopez") and words the lexicon also
 * knows as names stay.
 */
function isCommonOpener(word: string, alone: boolean): boolean {
  const lower = word.toLowerCase();
  if (COMMON_CAPITALISED.has(lower)) return true;
  // A plural noun for people the lexicon knows ("Teenagers", "Witnesses"): a group, never the first word of a name.
  if (isPluralActor(lower) && !isKnownFirstName(lower)) return true;
  if (!alone || TITLE_WORDS.has(lower) || HONORIFICS.has(lower.replace(/\.$/u, '')) || isKnownFirstName(lower)) return false;
  return isCommonWord(lower);
}

/** Whether a token starts with a capital (or is a number-bearing code like "S14"). */
function isCapitalised(token: string): boolean {
  const first = token.charAt(0);
  if (ELIDED_PARTICLE.test(token)) return true;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** A particle glued to a name part: "d'Alembert", "al-Sabunji", "bin-Laden". */
const ELIDED_PARTICLE = /^(?:d|l|dell|dall)['’]\p{Lu}|^(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|ben)-\p{Lu}/u;

/** Splits a sentence into word tokens with paragraph offsets. */
function tokenise(sentence: Sentence): Token[] {
  const tokens: Token[] = [];
  for (const m of sentence.text.matchAll(TOKEN)) {
    let text = m[0];
    const start = sentence.start + m.index;
    // Keep a final dot only for initials, honorifics and dotted acronyms ("J.", "Mr.", "U.S.").
    if (
      text.endsWith('.') &&
      !/^\p{Lu}\.$/u.test(text) &&
      !DOTTED_ABBREVIATIONS.has(text.slice(0, -1).toLowerCase()) &&
      !/^(?:\p{L}\.){2,}$/u.test(text)
    ) {
      text = text.slice(0, -1);
    }
    let possessive = false;
    if (/['’]s$/u.test(text)) {
      possessive = true;
      text = text.slice(0, -2);
    } else if (/s$/u.test(text) && /^['’](?![\p{L}])/u.test(sentence.text.slice(m.index + m[0].length))) {
      possessive = true; // plural possessive: "Teachers' union"
    }
    const after = sentence.text.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (CURRENCY_AFTER.test(after)) continue; // "US$180"
    tokens.push({ text, start, end: start + text.length, possessive });
  }
  return tokens;
}

/** Finds the capitalised chunks of one sentence. */
export function findNameChunks(sentence: Sentence, paragraphText: string): NameChunk[] {
  const tokens = tokenise(sentence);
  const chunks: NameChunk[] = [];
  const firstWordAt = sentence.start + (/^[\s"'“‘(]*/u.exec(sentence.text)?.[0].length ?? 0);
  let i = 0;
  while (i < tokens.length) {
    // A name may open with its particles: "von der Leyen", "de Gaulle".
    const particleLed =
      PARTICLES.has(tokens[i]!.text) &&
      (i === 0 || !isCapitalised(tokens[i - 1]!.text)) &&
      joinConnector(tokens, i, tokens[i]!, paragraphText) > i;
    if (!isCapitalised(tokens[i]!.text) && !particleLed) {
      i++;
      continue;
    }
    const run: Token[] = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length && !run[run.length - 1]!.possessive && run.length < MAX_CHUNK_TOKENS) {
      const prev = run[run.length - 1]!;
      const next = tokens[j]!;
      const gap = paragraphText.slice(prev.end, next.start);
      // "Pamela Ortiz I'm …": a contraction is never part of a name, so it ends one.
      if (CONTRACTION.test(next.text)) break;
      if (gap === ' ' && isCapitalised(next.text)) {
        run.push(next);
        j++;
        continue;
      }
      // A nickname or an editor's brackets inside a name: Finley "Finn" Polmar, [George W.] Bush.
      if (INNER_GAP.test(gap) && isCapitalised(next.text) && closesNickname(gap, prev, next, paragraphText)) {
        run.push(next);
        j++;
        continue;
      }
      // "Hilary of Poitiers", "Peter the Great": a lone name, "of" a place or "the" an epithet.
      if (gap === ' ' && run.length === 1 && (next.text === 'of' || next.text === 'the') && isEpithetJoin(tokens, j, prev, paragraphText)) {
        run.push(next, tokens[j + 1]!);
        j += 2;
        break;
      }
      // Connectors: particles, "of (the)", "on the", "for (the)", "and".
      if (gap === ' ' && !isCapitalised(next.text)) {
        const joined = joinConnector(tokens, j, prev, paragraphText);
        if (joined > j) {
          for (let k = j; k < joined; k++) run.push(tokens[k]!);
          j = joined;
          continue;
        }
      }
      break;
    }
    // Never end a chunk on a connector.
    while (run.length > 0 && !isCapitalised(run[run.length - 1]!.text)) run.pop();
    let body = run;
    // "I'm Mario J. Lucero", "We're": a contraction opens no name.
    while (body.length > 1 && CONTRACTION.test(body[0]!.text)) body = body.slice(1);
    const initial = run[0]!.start === firstWordAt;
    if (initial) {
      while (
        body.length > 0 &&
        !/^\p{Lu}{2,}/u.test(body[0]!.text) &&
        (isCommonOpener(body[0]!.text, body.length === 1) || (body.length > 1 && CONTRACTION.test(body[0]!.text)))
      )
        body = body.slice(1);
      while (body.length > 0 && !isCapitalised(body[0]!.text)) body = body.slice(1);
    }
    // Calendar words open no name ("September Fed meeting"), but "Mrs. May" is a name.
    while (body.length > 0 && (CALENDAR_WORDS.has(body[0]!.text.toLowerCase()) || body[0]!.text === 'I')) body = body.slice(1);
    if (body.length > 0) {
      const first = body[0]!;
      const last = body[body.length - 1]!;
      chunks.push({
        paragraph: sentence.paragraph,
        sentence,
        tokens: body.map((t) => t.text),
        text: paragraphText.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        initial: first.start === firstWordAt,
      });
    }
    i = j;
  }
  return chunks;
}

/**
 * Whether tokens[j] ("of"/"the") joins a lone name to one capitalised word that ends the phrase:
 * "Hilary of Poitiers", "Bonosus of Sardica", "Peter the Great" (a known given name before "the").
 */
function isEpithetJoin(tokens: Token[], j: number, prev: Token, text: string): boolean {
  const after = tokens[j + 1];
  const then = tokens[j + 2];
  if (
    !after ||
    text.slice(tokens[j]!.end, after.start) !== ' ' ||
    !isCapitalised(after.text) ||
    (after.possessive && tokens[j]!.text === 'the')
  )
    return false;
  if (then && text.slice(after.end, then.start) === ' ' && isCapitalised(then.text)) return false;
  const lower = prev.text.toLowerCase();
  if (
    prev.possessive ||
    ORG_HEADS.has(lower) ||
    TITLE_WORDS.has(lower) ||
    OF_HEADS.has(lower) ||
    isCommonWord(lower) ||
    CALENDAR_WORDS.has(lower)
  )
    return false;
  if (tokens[j]!.text === 'the') return isKnownFirstName(lower) && isCommonWord(after.text);
  return !ORG_HEADS.has(after.text.toLowerCase()) && !CALENDAR_WORDS.has(after.text.toLowerCase());
}

/** Returns the index after a connector sequence starting at tokens[j] that joins two name parts, or j. */
function joinConnector(tokens: Token[], j: number, prev: Token, text: string): number {
  const word = tokens[j]!.text.toLowerCase();
  const spaced = (a: Token, b: Token | undefined): boolean => b !== undefined && text.slice(a.end, b.start) === ' ';
  const at = (k: number): Token | undefined => tokens[k];
  if (PARTICLES.has(word)) {
    // One particle or two ("de Gaulle", "von der Leyen", "van der Berg"), then a capitalised part.
    let k = j + 1;
    if (spaced(tokens[k - 1]!, at(k)) && PARTICLES.has(at(k)!.text.toLowerCase())) k++;
    if (spaced(tokens[k - 1]!, at(k)) && isCapitalised(at(k)!.text)) return k;
  }
  const prevLower = prev.text.toLowerCase();
  if ((word === 'of' || word === 'on' || word === 'for') && OF_HEADS.has(prevLower)) {
    let k = j + 1;
    if (at(k)?.text === 'the' && spaced(tokens[j]!, at(k))) k++;
    if (spaced(tokens[k - 1]!, at(k)) && isCapitalised(at(k)!.text) && !CALENDAR_WORDS.has(at(k)!.text.toLowerCase())) return k;
  }
  if (word === 'and' && spaced(tokens[j]!, at(j + 1)) && AND_PARTNERS.has(at(j + 1)!.text.toLowerCase()) && isCapitalised(at(j + 1)!.text))
    return j + 1;
  return j;
}
