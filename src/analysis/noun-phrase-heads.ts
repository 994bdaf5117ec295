/**
 * The head of an English noun phrase is its last noun: in "Judicial Watch president Tom Fitton",
 * "Trump campaign spokeswoman Hope Hicks" or "the Forum’s Dana Holt" the names before the head
 * only say whose or of what (modifiers), and the phrase names the last one. A general rule of
 * English grammar (the head-final noun compound), so no word list: the words between two names
 * make them one phrase when they are a possessive or a few content words (role nouns and their
 * adjectives, as compromise's lexicon tells them from function words and verbs), with no comma,
 * conjunction, preposition or verb between.
 */
import { isFunctionWord, isGuessedSingularNoun, isKnownVerb } from './lexicon.ts';

/** A name found in a text, by its offsets. */
export interface PlacedName {
  start: number;
  end: number;
}

/** Up to four words between a modifier and its head, maybe after a possessive or a hyphenated suffix ("-based"). */
const GAP = /^(?:['’]s?|-\p{L}+)?((?:\s+[\p{L}][\p{L}.'’-]*){0,4})\s+$/u;

/** The names that head their noun phrase: those not followed, within the same phrase, by another name. */
export function dropNameModifiers<T extends PlacedName>(text: string, names: readonly T[]): T[] {
  return names.filter((name, k) => {
    const next = names[k + 1];
    return next === undefined || !isModifierGap(text.slice(name.end, next.start));
  });
}

/** Whether the text between two names makes the first a modifier of the second. */
export function isModifierGap(gap: string): boolean {
  const m = GAP.exec(gap);
  if (!m) return false;
  const words = m[1]!
    .trim()
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  // Two names side by side with nothing between ("told Reuters Trump was …") are not one phrase.
  if (words.length === 0) return /^['’]/u.test(gap);
  return words.every((w) => !isFunctionWord(w) && (!(isKnownVerb(w) || /ed$/u.test(w)) || isGuessedSingularNoun(w)));
}
