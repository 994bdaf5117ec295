/**
 * The shape of a name word: what a capitalised token looks like when it is part of a person's
 * name ("O'Neill", "d'Alembert", "al-Sabunji"), an acronym ("NATO", "U.N."), an initial ("J."),
 * and whether a capitalised word is a name the lexicon may not know.
 */
import { isDemonym, isPlaceName } from './gazetteer.ts';
import { isCommonWord, isGuessedCommon, isKnownLastName } from './lexicon.ts';
import { COMMON_CAPITALISED, FIRST_NAMES } from './name-cues.ts';
import { wordList } from './word-lists.ts';

export const ACRONYM = /^(?:\p{Lu}[\p{Lu}\p{N}]{1,6}|(?:\p{Lu}\.){2,})$/u;
export const ROMAN = /^[IVXLCDM]+$/;
export const NAME_TOKEN =
  /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.){2,3}|(?:d|l|dell|dall)['’]\p{Lu}[\p{L}'’-]*|(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|ben)-\p{Lu}[\p{L}'’-]*)$/u;
export const INITIAL = /^(?:\p{Lu}\.){1,3}$/u;
/** What follows a name without being one: "Jr.", "III". */
export const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV|Esq)\.?$/u;
/** "We've", "I'm", "Don't", "He's": contractions are never names. */
export const CONTRACTION = /['’](?:ve|ll|m|re|d|t|s)$/iu;
/** Endings of abstract and collective nouns ("Revolution", "Survival"). */
const COMMON_SUFFIX = /\p{Ll}(?:tion|sion|ment|ness|ity|ism|ance|ence|ship|hood|ology|ics|ival|ency|ancy)$/u;
/** Organisation words that end brand names written as one word ("Wikinews", "Netbank"). */
const BRAND_ENDINGS = wordList('organisations', 'brandEndings');

/** A known given name, a surname the lexicon knows or a name it does not know. */
export function isNameWord(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase()) || isKnownLastName(word) || isUnknownName(word);
}

/**
 * A capitalised word that is no common word, place or nationality: a name the lexicon may not
 * know. Brand-shaped words are not: an inner capital ("LibriVox", but "McGuire", "DeJesus" are
 * names) or an organisation word at the end ("Wikinews").
 */
export function isUnknownName(word: string): boolean {
  if (
    !NAME_TOKEN.test(word) ||
    ACRONYM.test(word) ||
    isCommonWord(word) ||
    isDemonym(word) ||
    isPlaceName(word) ||
    COMMON_CAPITALISED.has(word.toLowerCase())
  )
    return false;
  if (CONTRACTION.test(word) || COMMON_SUFFIX.test(word) || isGuessedCommon(word)) return false;
  if (/^(?!Mc|Mac|De|Di|Da|Le|La|Van|Von|O['’])\p{Lu}\p{Ll}+\p{Lu}/u.test(word)) return false;
  const lower = word.toLowerCase();
  return ![...BRAND_ENDINGS].some((head) => lower.length > head.length + 2 && lower.endsWith(head));
}
