/**
 * What the English lexicon of compromise (a maintained NLP library) knows about a word: first
 * names (with their gender), surnames, countries, cities and regions, nationalities, role nouns
 * ("composer", "minister": compromise's `Actor`), honorifics, organisations, and the part of
 * speech of common words. Lookups are plain map reads, so they cost nothing per article; our
 * own word lists (word-lists/*.json, read through name-cues.ts and gazetteer.ts) only add what
 * this lexicon lacks.
 */
import nlp from 'compromise';

type Tags = ReadonlySet<string>;

const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const NONE: Tags = new Set();
const cache = new Map<string, Tags>();

/** The lexicon's tags of a word or phrase (any case; a trailing dot and a possessive are ignored). */
export function lexiconTags(word: string): Tags {
  const key = word
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\.$/u, '');
  let tags = cache.get(key);
  if (tags === undefined) {
    const raw = Object.hasOwn(LEXICON, key) ? LEXICON[key] : undefined;
    tags = raw === undefined ? NONE : new Set(Array.isArray(raw) ? raw : [raw]);
    if (cache.size < 50_000 && key.length <= 40) cache.set(key, tags);
  }
  return tags;
}

const NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific'];
const PLACE_TAGS = ['Country', 'City', 'Region', 'Place'];
/** Tags of ordinary words: a capitalised word with one of these (and no name tag) is a common word. */
const COMMON_TAGS = [
  'Noun',
  'Singular',
  'Plural',
  'Uncountable',
  'Verb',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Adjective',
  'Comparative',
  'Superlative',
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'Modal',
  'Copula',
  'Value',
  'Cardinal',
  'Ordinal',
  'TextValue',
  'Expression',
  'QuestionWord',
  'Negative',
  'Possessive',
  'Reflexive',
  'Actor',
  'Month',
  'WeekDay',
  'Date',
  'Duration',
  'Unit',
];

const hasAny = (tags: Tags, wanted: string[]): boolean => wanted.some((t) => tags.has(t));

/** A given name the lexicon knows ("Isaac", "Harlan", "Jane"). */
export function isKnownFirstName(word: string): boolean {
  return hasAny(lexiconTags(word), ['FirstName', 'MaleName', 'FemaleName']);
}

/** A given name the lexicon lists as female ("Jane", "Nora"). */
export function isKnownFemaleName(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.has('FemaleName') && !tags.has('MaleName');
}

/** A given name the lexicon lists as male ("Isaac", "Sergei"). */
export function isKnownMaleName(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.has('MaleName') && !tags.has('FemaleName');
}

/** A surname the lexicon knows ("Boyd", "Chan"). */
export function isKnownLastName(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.has('LastName') || (tags.has('Person') && !tags.has('Actor'));
}

/** A country, city, region or other place the lexicon knows, one word or several ("Hong Kong"). */
export function isKnownPlace(phrase: string): boolean {
  const tags = lexiconTags(phrase);
  return hasAny(tags, PLACE_TAGS) && !hasAny(tags, ['FirstName', 'MaleName', 'FemaleName', 'LastName']);
}

/** A nationality or people ("German", "Chilean"). */
export function isKnownDemonym(word: string): boolean {
  return lexiconTags(word).has('Demonym');
}

/** A noun for what a person is or does ("composer", "minister", "critics"): compromise's `Actor`. */
export function isActorNoun(word: string): boolean {
  return lexiconTags(word).has('Actor');
}

/** An organisation the lexicon knows ("NATO", "Labour Party"). */
export function isKnownOrganisation(phrase: string): boolean {
  const tags = lexiconTags(phrase);
  return hasAny(tags, ['Organization', 'SportsTeam']) && !hasAny(tags, NAME_TAGS);
}

/** An ordinary English word, not a name ("Critics", "Mail", "One", "Meanwhile"). */
export function isCommonWord(word: string): boolean {
  const tags = lexiconTags(word);
  return hasAny(tags, COMMON_TAGS) && !hasAny(tags, NAME_TAGS) && !hasAny(tags, PLACE_TAGS);
}

/** A plural noun for people the lexicon knows ("teenagers", "witnesses"), that is no name or place. */
export function isPluralActor(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.has('Plural') && tags.has('Actor') && !hasAny(tags, NAME_TAGS) && !hasAny(tags, PLACE_TAGS);
}

/** A verb form the lexicon knows ("scored", "reads", "said"). */
export function isKnownVerb(word: string): boolean {
  return hasAny(lexiconTags(word), ['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'PhrasalVerb', 'Participle', 'Copula', 'Modal']);
}

/** A function word or interjection, never the first word of a name ("Hey", "If", "Very"). */
export function isFunctionWord(word: string): boolean {
  return hasAny(lexiconTags(word), [
    'Expression',
    'Pronoun',
    'Conjunction',
    'Preposition',
    'Determiner',
    'Adverb',
    'QuestionWord',
    'Negative',
  ]);
}

const adverbs = new Map<string, boolean>();

/**
 * An adverb made from an adjective with -ly ("Unfortunately", "Frankly", "Happily", "Notably"):
 * English word-formation, checked against compromise, which must take the stem for an adjective.
 * Surnames ending in -ly ("Donnelly", "Daly", "Kelly") have no adjective for a stem, so stay names.
 * Remembered per word.
 */
export function isAdverbOfAdjective(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{L}{3,}ly$/u.test(lower) || hasAny(lexiconTags(lower), NAME_TAGS)) return false;
  let known = adverbs.get(lower);
  if (known === undefined) {
    const stem = lower.slice(0, -2);
    // happily → happy, notably → notable, basically → basic.
    const stems = [stem, stem.replace(/i$/u, 'y'), `${stem.replace(/l$/u, '')}le`, stem.replace(/al$/u, '')];
    known = stems.some((s) => s.length >= 3 && nlp(s).has('#Adjective'));
    if (adverbs.size < 20_000) adverbs.set(lower, known);
  }
  return known;
}

/** A word that opens a sentence as a comment on it, never a speaker: a function word or an -ly adverb ("Meanwhile", "Sadly"). */
export function isSentenceAdverb(word: string): boolean {
  return isFunctionWord(word) || isAdverbOfAdjective(word);
}

const guesses = new Map<string, boolean>();

/**
 * Whether compromise's tagger takes a word the lexicon does not know for an ordinary word when
 * written in lower case: an adverb ("originally"), a verb form ("counseling"), the plural of a
 * common noun ("moments"). Singular nouns cannot be told from surnames this way ("Vries",
 * "Okafor" look alike to it). Remembered per word.
 */
export function isGuessedCommon(word: string): boolean {
  const lower = word.toLowerCase();
  let guess = guesses.get(lower);
  if (guess === undefined) {
    const terms = (nlp(`the ${lower}`).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms ?? [];
    const tags = new Set(terms[1]?.tags ?? []);
    const plural = tags.has('Plural') && /s$/u.test(lower) && isCommonWord(lower.replace(/e?s$/u, ''));
    guess = !hasAny(tags, NAME_TAGS) && (plural || hasAny(tags, ['Adverb', 'Gerund', 'Verb', 'Adjective']));
    if (guesses.size < 20_000) guesses.set(lower, guess);
  }
  return guess;
}

const nounGuesses = new Map<string, boolean>();

/** Whether compromise's tagger takes a lower-case word after "the" for a singular common noun ("pollster", "campaign"), not a name. Remembered per word. */
export function isGuessedSingularNoun(word: string): boolean {
  const lower = word.toLowerCase();
  let guess = nounGuesses.get(lower);
  if (guess === undefined) {
    const terms = (nlp(`the ${lower}`).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms ?? [];
    const tags = new Set(terms.length === 2 ? terms[1]!.tags : []);
    guess = tags.has('Singular') && !hasAny(tags, NAME_TAGS) && !hasAny(tags, PLACE_TAGS);
    if (nounGuesses.size < 20_000) nounGuesses.set(lower, guess);
  }
  return guess;
}

const actorGuesses = new Map<string, boolean>();

/**
 * Whether compromise's tagger takes a lower-case noun for a person's role (its `Actor` tag,
 * guessed from the ending for words its lexicon lacks): "philologist", "columnist", "dancer",
 * but not "remainder", "bestseller" or "corner". Remembered per word.
 */
export function isGuessedActor(word: string): boolean {
  const lower = word.toLowerCase();
  let guess = actorGuesses.get(lower);
  if (guess === undefined) {
    const terms = (nlp(`the ${lower}`).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms ?? [];
    guess = terms.length === 2 && terms[1]!.tags.includes('Actor');
    if (actorGuesses.size < 20_000) actorGuesses.set(lower, guess);
  }
  return guess;
}
