/**
 * Word classes that tell people from organisations from ordinary capitalised words: titles,
 * organisation head words, role nouns, first names, calendar words, reporting verbs and the
 * common words that are capitalised only because they open a sentence. The entries are data
 * (word-lists/, each list with its source); compromise's lexicon gives most names and roles.
 */

import { isActorNoun, isKnownFemaleName, isKnownFirstName, isKnownMaleName } from './lexicon.ts';
import { verbForms } from './verb-forms.ts';
import { wordList } from './word-lists.ts';

/** A has-only view of a word class, backed by the lexicon and a small supplement. */
export interface WordClass {
  has(word: string): boolean;
}

/** Title abbreviations ("Rep", "Del", "Gov"): a title when written with their period ("Rep. Jane Roe"). */
export const ABBREVIATED_TITLES = wordList('titles', 'abbreviatedTitles');

/** Particles inside names: "de Gaulle", "von der Leyen", "bin Salman". */
export const PARTICLES = wordList('names', 'particles');

/** Honorifics: "Mr Branson", "Dr. Smith". */
export const HONORIFICS = wordList('titles', 'honorifics');

/**
 * Titles written before a name ("President", "Foreign Minister", "Mr"); they become the role.
 * Abbreviations that are also name particles ("Del", "del Toro") count only with their period.
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...wordList('titles', 'honorifics', 'governmentTitles', 'ranks', 'royalAndReligious', 'titleModifiers', 'academicTitles'),
  ...[...ABBREVIATED_TITLES].filter((w) => !PARTICLES.has(w)),
]);

/** Titles that alone mark their holder as a person ("Mr", "President", "Minister", "Det"): abbreviated titles are all such. */
export const PERSON_TITLES = wordList('titles', 'personTitles', 'abbreviatedTitles');

/** Titles that are part of how their holder is named ("Pope Francis", "Empress Jingū"). */
export const STYLE_TITLES = wordList('titles', 'styleTitles');

/** Honorifics that state a role too ("Prof. Patrizia d'Ettorre"). */
export const ACADEMIC_TITLES = wordList('titles', 'academicTitles');

/** Words that make a capitalised phrase an organisation when they are its head ("Virgin Trains"). */
export const ORG_HEADS = wordList('organisations', 'heads');

/** Lower-case nouns after a name that make it an organisation ("the Wagner military company"). */
export const ORG_NOUNS = wordList('organisations', 'nounsAfter');

/** Plural nouns that introduce a list of organisations ("groups such as A, B and C"). */
export const ORG_PLURALS = wordList('organisations', 'plurals');

const ROLE_NOUN_LIST = wordList('roles', 'roleNouns');

/** Nouns that name a role held by a person ("official", "composer", "quarterback"): compromise's role nouns and the ones it lacks. */
export const ROLE_NOUNS: WordClass = {
  has: (word) => ROLE_NOUN_LIST.has(word) || isActorNoun(word),
};

const EXTRA_FIRST_NAMES = wordList('names', 'givenNamesTaggedAsWords', 'surnamesWrittenFirst');
const EXTRA_FEMALE_NAMES = wordList('names', 'femaleGivenNames');
const EXTRA_MALE_NAMES = wordList('names', 'maleGivenNames');

/** First names: compromise's lexicon (some 3,000 given names) plus the names it tags as other words. */
export const FIRST_NAMES: WordClass = {
  has: (word) => isKnownFirstName(word) || EXTRA_FIRST_NAMES.has(word),
};

const FEMALE_WORDS = wordList('roles', 'femaleWords');

/** Female first names and cues, for pronoun agreement ("she"/"her"). */
export const FEMALE_CUES: WordClass = {
  has: (word) => FEMALE_WORDS.has(word) || EXTRA_FEMALE_NAMES.has(word) || isKnownFemaleName(word),
};

const MALE_WORDS = wordList('roles', 'maleWords');

/** Male cues, for pronoun agreement ("he"/"him"): male words and male given names. */
export const MALE_CUES: WordClass = {
  has: (word) => MALE_WORDS.has(word) || EXTRA_MALE_NAMES.has(word) || isKnownMaleName(word),
};

/** Months and days, never names. */
export const CALENDAR_WORDS = wordList('commonWords', 'calendar');

/**
 * Common words that are capitalised only because they open a sentence (or a heading), or are
 * never names on their own.
 */
export const COMMON_CAPITALISED = wordList('commonWords', 'functionWords', 'numbers', 'groupSubjects', 'adjectives');

/** Reporting verbs in every form ("said", "says", "saying", "tweeted", "characterized", "written"). */
export const SPEECH_VERBS = verbForms(wordList('reportingVerbs', 'reportingVerbs'), [
  'Infinitive',
  'PresentTense',
  'PastTense',
  'Participle',
  'Gerund',
]);

/** Phrasal reporting verbs, by every form of their verb: "shot" → "back", "went" → "on" ("…," Lane shot back). */
const PHRASAL_SPEECH_VERBS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const entry of wordList('reportingVerbs', 'phrasalReportingVerbs')) {
    const [verb, particle] = entry.split(' ') as [string, string];
    for (const form of verbForms([verb], ['Infinitive', 'PresentTense', 'PastTense', 'Gerund'])) {
      const particles = map.get(form) ?? new Set<string>();
      particles.add(particle);
      map.set(form, particles);
    }
  }
  return map;
})();

/** Whether `word` with the text after it is a phrasal reporting verb ("shot" + " back at him"). */
export function isPhrasalSpeechVerb(word: string, rest: string): boolean {
  const particles = PHRASAL_SPEECH_VERBS.get(word.toLowerCase());
  const next = /^\s+(\p{Ll}+)(?![\p{L}])/u.exec(rest)?.[1];
  return particles !== undefined && next !== undefined && particles.has(next);
}

/** Verbs of asking in every form ("asked", "inquires"): they report questions, but not reliably before a quotation. */
export const ASKING_VERBS = verbForms(wordList('reportingVerbs', 'askingVerbs'), ['Infinitive', 'PresentTense', 'PastTense', 'Gerund']);

/** Frequent verb forms that are not "-ed" past tenses ("met", "spoke", "told") and auxiliaries: never part of a noun phrase. */
export const COMMON_VERBS: ReadonlySet<string> = new Set([
  ...verbForms(wordList('commonWords', 'frequentVerbs'), ['Infinitive', 'PresentTense', 'PastTense']),
  ...wordList('commonWords', 'auxiliaries'),
]);

/** Whether a lower-case word is probably a verb: a common verb, a speech verb or an "-ed" past form. */
export function isLikelyVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON_VERBS.has(lower) || SPEECH_VERBS.has(lower) || (/^\p{Ll}/u.test(word) && /[^e]ed$|[^e]ied$/u.test(lower));
}
