/**
 * People and organisations of an article, in two steps. Find: proper-noun chunks
 * (name-chunks.ts). Parse: classify each chunk as a person, an organisation or neither (places,
 * calendar words, demonyms, sentence-opening common words), read its role, then merge every
 * mention of the same entity: bare surnames, "Mr X" and near spellings ("Ms Rowe" for Jane
 * Roe, fuse.js) to the full name, acronyms and parenthesised aliases to their organisation,
 * role references ("the Russian President", "the Chancellor" for a foreign minister) to the one
 * person holding that role, and he/she/him/her/his to the person they most plausibly mean.
 * What a word is (a given name and its gender, a surname, a place, a nationality, a role noun,
 * an ordinary word) comes from compromise's lexicon and tagger (lexicon.ts); the decisions
 * (titles glued to names, appositives, lists, "X of Y", who is meant) are ours.
 */
import type { Article } from '../model/article.ts';
import type { Entity, EntityKind, Mention, Role, Sentence } from '../model/analysis.ts';
import { findAppositiveAfter, findAppositiveBefore, findRoleBefore, isRoleWord } from './entity-roles.ts';
import { isDemonym, isPlaceName } from './gazetteer.ts';
import {
  isCommonWord,
  isFunctionWord,
  isGuessedCommon,
  isKnownFirstName,
  isKnownLastName,
  isKnownOrganisation,
  isKnownVerb,
  lexiconTags,
} from './lexicon.ts';
import { createVariantFinder } from './name-variants.ts';
import {
  ACADEMIC_TITLES,
  PARTICLES,
  COMMON_CAPITALISED,
  isLikelyVerb,
  FEMALE_CUES,
  FIRST_NAMES,
  HONORIFICS,
  MALE_CUES,
  ORG_HEADS,
  ORG_NOUNS,
  ORG_PLURALS,
  PERSON_TITLES,
  ROLE_NOUNS,
  SPEECH_VERBS,
  STYLE_TITLES,
  TITLE_WORDS,
} from './name-cues.ts';
import { wordList } from './word-lists.ts';
import { findNameChunks, type NameChunk } from './name-chunks.ts';
import { isInsideRanges } from './offset-ranges.ts';

/** A classified chunk: what it names and how. */
interface Candidate {
  chunk: NameChunk;
  /** The name without titles or honorifics ("Sergei Lavrov", "Haddox"). */
  name: string;
  /** The words as they appear, without titles ("Sergei Lavrov", "Mr. Haddox"). */
  text: string;
  start: number;
  kind: EntityKind | null;
  role: string | null;
  /** A second role stated in the same place: "Attorney Robert Sarvis, the Libertarian Party's nominee …". */
  moreRole?: string | null;
  /** A parenthesised alias written right after it: "(CSTO)", "(Right Sector)". */
  alias: NameChunk | null;
  isAlias: boolean;
  place: boolean;
}

interface Draft {
  name: string;
  kind: EntityKind;
  roles: Role[];
  aliases: Set<string>;
  mentions: Array<Mention & { at: number }>;
  /** Lower-case words that point at gender (titles, first names, role nouns). */
  cues: Set<string>;
}

const ACRONYM = /^(?:\p{Lu}[\p{Lu}\p{N}]{1,6}|(?:\p{Lu}\.){2,})$/u;
const ROMAN = /^[IVXLCDM]+$/;
const NAME_TOKEN =
  /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.){2,3}|(?:d|l|dell|dall)['’]\p{Lu}[\p{L}'’-]*|(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|ben)-\p{Lu}[\p{L}'’-]*)$/u;
/** Organisation words that end brand names written as one word ("Wikinews", "Netbank"). */
const BRAND_ENDINGS = wordList('organisations', 'brandEndings');
/** What follows a name without being one: "Jr.", "III". */
const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV|Esq)\.?$/u;
const PLAYED_AS =
  /\b(?:starred|stars|starring|appeared|appears|appearing|cast|plays|played|playing|portrays|portrayed|portraying|voiced|voices)\s+(?:\p{Ll}+\s+){0,2}as\s+$/u;
const LIST_GAP = /^(?:,\s+|,?\s+and\s+|\s+or\s+)$/u;
/** "We've", "I'm", "Don't": contractions are never names. */
const CONTRACTION = /['’](?:ve|ll|m|re|d|t|s)$/iu;
/** Endings of abstract and collective nouns ("Development", "Hegemony" not, but "Revolution", "Survival"). */
const COMMON_SUFFIX = /\p{Ll}(?:tion|sion|ment|ness|ity|ism|ance|ence|ship|hood|ology|ics|ival|ency|ancy)$/u;
const INITIAL = /^(?:\p{Lu}\.){1,3}$/u;
/** Words after a single unknown name that show a person acting: not copulas or auxiliaries ("Kharkiv was shelled"). */
const NOT_ACTION = /^(?:is|was|are|were|be|been|has|had|have|will|would|can|could|may|might|must|should|shall|does|did|do)$/u;
const PLACE_PREPOSITION = /\b(?:in|at|from|near|to|into|across|outside|inside|around|towards?|across|via|the|a|an)\s+$/iu;
const GROUP_NOUNS_AFTER_PLACE = wordList('organisations', 'groupsAfterPlace');
const PERSONAL_PRONOUN_SOON = /^[^"“”]*?\b(?:he|his|him|she|her)\b/u;
const COMPASS = wordList('places', 'compass');
const NAME_LINKERS: ReadonlySet<string> = new Set([...PARTICLES, 'of', 'the', 'and', 'on', 'for']);
const VERB_AFTER_SUBJECT = /^\s+(?:(?:has|have|had|also|then|later|himself|herself)\s+){0,2}(\p{L}+)\b/u;
const SAID_BEFORE = /(?:\b(?:said|says|added|according to|in the words of)\s+)$/iu;
const ROLE_REFERENCE = new RegExp(
  `\\bthe\\s+(?:(\\p{L}+)\\s+)?((?:(?:foreign|defen[cs]e|prime|interior|finance|deputy|vice|health|economy|justice)\\s+)?(?:president|prime minister|minister|chancellor|secretary|premier|governor|mayor|king|queen|pope|leader|ambassador|spokesman|spokeswoman|top diplomat))\\b`,
  'giu',
);
const LIST_INTRO = /^[^.;:]{0,60}?\b(?:such as|including|like)\s/u;
const FUNCTION_WORDS = /^(?:of|and|or|in|to|for|the|a|an|with|by|from|at|on|as|is|was|has|had|which|that|who)$/u;
const PRONOUN = /\b([Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b/g;
const AFTER_QUOTE_PRONOUN = new RegExp(`["”],?\\s+$`, 'u');

/** Finds the people and organisations of an article, each with roles, aliases and every mention in reading order. */
export function findEntities(article: Article, sentences: Sentence[]): Entity[] {
  const texts = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const text = texts.get(sentence.paragraph) ?? '';
    const chunks = findNameChunks(sentence, text).flatMap((chunk) => splitAtPersonName(chunk, text));
    const orgList = findOrgListStart(sentence);
    chunks.forEach((chunk, k) => {
      const prev = k > 0 ? chunks[k - 1]! : null;
      const isAlias = prev !== null && text.slice(prev.end, chunk.start) === ' (' && text[chunk.end] === ')';
      const next = chunks[k + 1];
      const alias = next && text.slice(chunk.end, next.start) === ' (' && text[next.end] === ')' ? next : null;
      candidates.push({ ...classifyChunk(chunk, text, orgList), alias, isAlias });
    });
    shareSurnames(candidates, candidates.length - chunks.length, text);
    linkNeighbours(candidates, candidates.length - chunks.length, text);
  }
  const drafts = buildDrafts(demoteCommonWords(candidates, article));
  addRoleReferences(sentences, drafts);
  addPronouns(sentences, texts, drafts);
  return finishEntities(drafts);
}

/** "Irma and David Soyos": a lone first name joined by "and" to a full name shares its surname. */
function shareSurnames(candidates: Candidate[], from: number, text: string): void {
  for (let k = from; k < candidates.length - 1; k++) {
    const c = candidates[k]!;
    const next = candidates[k + 1]!;
    if (next.kind !== 'person' || c.chunk.tokens.length !== 1 || c.kind === 'organisation' || c.place) continue;
    const first = c.chunk.tokens[0]!;
    const nextWords = next.name.split(' ');
    if (!FIRST_NAMES.has(first.toLowerCase()) || nextWords.length < 2 || !FIRST_NAMES.has(nextWords[0]!.toLowerCase())) continue;
    if (text.slice(c.chunk.end, next.start) !== ' and ') continue;
    candidates[k] = { ...c, kind: 'person', name: `${first} ${nextWords.slice(1).join(' ')}` };
  }
}

/**
 * A person's name glued after an organisation: "Harbour Trust Sam Lee" → "Harbour Trust" and
 * "Sam Lee" (a known given name right after an organisation head word starts a new name).
 */
function splitAtPersonName(chunk: NameChunk, text: string): NameChunk[] {
  const { tokens } = chunk;
  for (let k = 1; k < tokens.length - 1; k++) {
    if (!ORG_HEADS.has(tokens[k - 1]!.toLowerCase()) || !FIRST_NAMES.has(tokens[k]!.toLowerCase())) continue;
    let at = chunk.start;
    for (let j = 0; j < k; j++) at = text.indexOf(tokens[j]!, at) + tokens[j]!.length;
    const secondStart = text.indexOf(tokens[k]!, at);
    const firstEnd = at;
    return [
      { ...chunk, tokens: tokens.slice(0, k), text: text.slice(chunk.start, firstEnd), end: firstEnd },
      { ...chunk, tokens: tokens.slice(k), text: text.slice(secondStart, chunk.end), start: secondStart, initial: false },
    ];
  }
  return [chunk];
}

/**
 * Neighbours in one sentence: "John Smith of The Daily Courier" (the organisation after "of" is
 * the person's role, not a person), and lists ("Mark Twain, Goscinny and Neil Gaiman"): a lone
 * unknown name listed with people is a person.
 */
function linkNeighbours(candidates: Candidate[], from: number, text: string): void {
  for (let k = from + 1; k < candidates.length; k++) {
    const prev = candidates[k - 1]!;
    const c = candidates[k]!;
    const between = text.slice(prev.chunk.end, c.chunk.start);
    if (prev.kind === 'person' && /^\s+of\s+(?:the\s+)?$/iu.test(between) && !c.place && c.kind !== 'person') {
      candidates[k] = { ...c, kind: 'organisation' };
      if (prev.role === null) candidates[k - 1] = { ...prev, role: text.slice(prev.chunk.end, c.chunk.end).trim() };
    }
  }
  for (let k = from; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c.kind === null && !c.place && c.chunk.tokens.length === 1 && isUnknownName(c.name)) {
      const prev = candidates[k - 1];
      const next = candidates[k + 1];
      const listedWith = (other: Candidate | undefined, gap: string): boolean =>
        other !== undefined && other.kind === 'person' && LIST_GAP.test(gap);
      if (
        (k > from && listedWith(prev, text.slice(prev!.chunk.end, c.chunk.start))) ||
        (next && listedWith(next, text.slice(c.chunk.end, next.chunk.start)))
      ) {
        candidates[k] = { ...c, kind: 'person' };
      }
    }
  }
  // "writers Mark Twain, Robert Louis Stevenson and Neil Gaiman": a plural role before a list is each one's role.
  for (let k = from + 1; k < candidates.length; k++) {
    const prev = candidates[k - 1]!;
    const c = candidates[k]!;
    if (c.kind !== 'person' || prev.kind !== 'person' || !LIST_GAP.test(text.slice(prev.chunk.end, c.chunk.start))) continue;
    if (c.role === null && prev.role !== null && /s$/u.test(prev.role)) candidates[k] = { ...c, role: prev.role };
  }
  // "Luo Changpei and Li Fang-Kuei, the other two leading Chinese linguists": and backwards.
  for (let k = candidates.length - 2; k >= from; k--) {
    const c = candidates[k]!;
    const next = candidates[k + 1]!;
    if (
      c.kind !== 'person' ||
      next.kind !== 'person' ||
      c.role !== null ||
      next.role === null ||
      !/s(?:\s+(?:of|at|in|for)\s+[^,]*)?$/u.test(next.role)
    )
      continue;
    if (LIST_GAP.test(text.slice(c.chunk.end, next.chunk.start))) candidates[k] = { ...c, role: next.role };
  }
}

/**
 * A "person" with no title or role whose (last) word the article also writes in lower case
 * ("College", "Flight", "Aperture Spherical Telescope"): ordinary words, not a name. "Jr." is
 * never a person.
 */
function demoteCommonWords(candidates: Candidate[], article: Article): Candidate[] {
  const lowerWords = new Set<string>();
  for (const p of article.paragraphs) for (const m of p.text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) lowerWords.add(m[0]);
  return candidates.map((c) => {
    if (c.kind !== 'person') return c;
    const bare = c.text === c.name && c.role === null;
    const words = c.name.split(' ');
    if (words.length > 1) {
      // "Aperture Spherical Telescope" (and "the telescope" elsewhere): no given name, no title, an ordinary last word.
      const cued = words.some((w) => INITIAL.test(w) || isKnownFirstName(w) || isKnownLastName(w) || PARTICLES.has(w.toLowerCase()));
      return bare && !cued && lowerWords.has(words.at(-1)!.toLowerCase()) ? { ...c, kind: null } : c;
    }
    if (NAME_SUFFIX.test(c.name) || (bare && lowerWords.has(c.name.toLowerCase()) && !isKnownFirstName(c.name)))
      return { ...c, kind: null };
    return c;
  });
}

/** A known given name or a name the lexicon does not know. */
function isNameWord(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase()) || isKnownLastName(word) || isUnknownName(word);
}

/**
 * A capitalised word that is no common word, place or nationality: a name the lexicon may not
 * know. Brand-shaped words are not: an inner capital ("LibriVox", but "McGuire", "DeJesus" are
 * names) or an organisation word at the end ("Wikinews").
 */
function isUnknownName(word: string): boolean {
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

/** Offset (in the paragraph) after which capitalised names are organisations: "groups … such as". */
function findOrgListStart(sentence: Sentence): [number, number] | null {
  for (const word of sentence.text.matchAll(/\p{L}+/gu)) {
    if (!ORG_PLURALS.has(word[0].toLowerCase())) continue;
    const rest = word.index + word[0].length;
    const intro = LIST_INTRO.exec(sentence.text.slice(rest));
    if (!intro) continue;
    const from = rest + intro[0].length;
    const stop = /\b(?:that|which|who|are|were|is|was|have|has)\b|[;:.]/u.exec(sentence.text.slice(from));
    const to = stop ? from + stop.index : sentence.text.length;
    return [sentence.start + from, sentence.start + to];
  }
  return null;
}

/** Whether a speech verb ("said", "told") follows, maybe after "has"/"also". */
function isFollowedBySpeechVerb(after: string): boolean {
  const m = VERB_AFTER_SUBJECT.exec(after);
  return m !== null && SPEECH_VERBS.has(m[1]!.toLowerCase());
}

/** Parse step for one chunk: person, organisation or neither, with its role. */
function classifyChunk(chunk: NameChunk, text: string, orgList: [number, number] | null): Omit<Candidate, 'alias' | 'isAlias'> {
  let tokens = chunk.tokens;
  let start = chunk.start;
  if (tokens.length > 1 && tokens[0] === 'The') {
    tokens = tokens.slice(1);
    start = text.indexOf(tokens[0]!, start);
  }
  const whole = tokens.join(' ');
  const base = { chunk, name: whole, text: text.slice(start, chunk.end), start, kind: null, role: null, place: false };
  const lower = tokens.map((t) => t.toLowerCase().replace(/\.$/, ''));
  const after = text.slice(chunk.end, chunk.end + 240); // what follows the name, enough for every look-ahead

  // A place or demonym followed by "government"/"police": the Chinese government.
  const group = /^\s+(\p{Ll}+)/u.exec(after);
  const allDemonyms = lower.every((w) => isDemonym(w));
  if (group && GROUP_NOUNS_AFTER_PLACE.has(group[1]!) && (allDemonyms || isPlaceName(whole))) {
    const name = `${whole} ${group[1]!}`;
    return { ...base, name, text: name, kind: 'organisation' };
  }

  // Organisation head word: "Virgin Trains", "Royal Air Force" (cut before "Sea King").
  let head = -1;
  lower.forEach((w, k) => {
    if (ORG_HEADS.has(w)) head = k;
  });
  if (head >= 0 && tokens.length > 1) {
    const cut = lower.slice(head + 1).some((w) => NAME_LINKERS.has(w)) ? tokens.length : head + 1;
    if (head > 0 || cut > 1) {
      const name = tokens.slice(0, cut).join(' ');
      return { ...base, name, text: name, kind: 'organisation' };
    }
  }
  if (isPlaceName(whole)) return { ...base, place: true };
  if (allDemonyms) return base;
  const single = tokens.length === 1 ? tokens[0]! : null;
  if (
    single !== null &&
    ACRONYM.test(single) &&
    !ROMAN.test(single) &&
    !/\p{N}/u.test(single) &&
    !ROLE_NOUNS.has(lower[0]!) &&
    !TITLE_WORDS.has(lower[0]!)
  ) {
    return { ...base, kind: 'organisation' };
  }
  if (orgList && chunk.start >= orgList[0] && chunk.start < orgList[1]) return { ...base, kind: 'organisation' };
  const orgNoun = findOrgNounAfter(after);
  if (orgNoun !== null) {
    const name = orgNoun.adjacent && GROUP_NOUNS_AFTER_PLACE.has(orgNoun.noun) ? `${whole} ${orgNoun.noun}` : whole;
    return { ...base, name, text: name, kind: 'organisation' };
  }

  // Titles before the name become the role: "Foreign Minister Sergei Lavrov", "Shadow Health Secretary Jane Roe".
  let t = 0;
  while (t < tokens.length - 1 && isTitleWord(lower, t)) t++;
  while (t > 0 && (lower[t - 1] === 'of' || lower[t - 1] === 'the')) t--;
  if (t === 0) {
    for (let k = 1; k < tokens.length - 1; k++) {
      if ((TITLE_WORDS.has(lower[k - 1]!) || isRoleWord(lower[k - 1]!)) && FIRST_NAMES.has(lower[k]!)) {
        t = k;
        break;
      }
    }
  }
  // "Hilary of Poitiers", "Peter the Great": a given name and where or what its bearer was.
  if (
    t === 0 &&
    tokens.length === 3 &&
    (lower[1] === 'of' || lower[1] === 'the') &&
    isNameWord(tokens[0]!) &&
    !ORG_HEADS.has(lower[2]!) &&
    !isCommonWord(tokens[0]!)
  ) {
    return { ...base, name: whole, text: text.slice(start, chunk.end), kind: 'person' };
  }
  let nameTokens = tokens.slice(t);
  // Letters after a name are not part of it: "Daniel Bernoulli FRS".
  if (nameTokens.length >= 3 && ACRONYM.test(nameTokens.at(-1)!) && !INITIAL.test(nameTokens.at(-1)!)) nameTokens = nameTokens.slice(0, -1);
  if (
    !nameTokens.every((w) => NAME_TOKEN.test(w) || PARTICLES.has(w)) ||
    nameTokens.length - nameTokens.filter((w) => PARTICLES.has(w)).length > 6
  )
    return base;
  if (nameTokens.length === 1 && (PERSON_TITLES.has(lower[t]!) || TITLE_WORDS.has(lower[t]!))) return base; // "the Russian Chancellor"
  const titleWords = lower.slice(0, t);
  const roleTokens = tokens
    .slice(0, t)
    .filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')) || ACADEMIC_TITLES.has(w.toLowerCase().replace(/\.$/, '')));
  const nameStart = t === 0 ? start : text.indexOf(nameTokens[0]!, start);
  const name = nameTokens.join(' ');
  const nameEnd = Math.max(nameStart, text.indexOf(nameTokens.at(-1)!, nameStart)) + nameTokens.at(-1)!.length;
  const shown = titleWords.length > 0 && roleTokens.length === 0 ? text.slice(start, nameEnd) : name;
  const person = { ...base, name, text: shown, start: nameStart, kind: 'person' as const };
  const titled = titleWords.some((w) => PERSON_TITLES.has(w) || isRoleWord(w));
  if (titled && roleTokens.length > 0) {
    const styled = roleTokens.length === 1 && STYLE_TITLES.has(roleTokens[0]!.toLowerCase());
    const moreRole = findAppositiveAfter(text, chunk.end) ?? findAppositiveBefore(text, start);
    return { ...person, role: roleTokens.join(' '), moreRole, ...(styled ? { text: text.slice(start, nameEnd) } : {}) };
  }
  // A part someone plays, even an ordinary word: "starred as Ruby", "cast as Hope".
  if (
    nameTokens.length === 1 &&
    !chunk.initial &&
    !COMMON_CAPITALISED.has(name.toLowerCase()) &&
    PLAYED_AS.test(text.slice(Math.max(0, start - 40), start))
  )
    return person;
  if (!titled && nameTokens.length === 1 && (COMMON_CAPITALISED.has(name.toLowerCase()) || isCommonWord(name))) return base;
  if (!titled && ACRONYM.test(name)) return base;
  // "Goldman Sachs analysts": a name that qualifies people is an organisation or place, not a person.
  const qualified = /^\s+(\p{Ll}+s)\b/u.exec(after);
  if (!titled && qualified && ROLE_NOUNS.has(qualified[1]!)) return base;
  if (nameTokens.length > 1 && isKnownOrganisation(name)) return { ...base, name, text: name, kind: 'organisation' };
  const roleBefore = findRoleBefore(text, nameStart) ?? findAppositiveBefore(text, nameStart);
  const roleAfter = findAppositiveAfter(text, chunk.end);
  if (roleBefore !== null) return { ...person, role: roleBefore, moreRole: roleAfter };
  if (roleAfter !== null) return { ...person, role: roleAfter };
  if (titled) return person;
  if (nameTokens.length >= 2 && FIRST_NAMES.has(nameTokens[0]!.toLowerCase())) return person;
  const determinedHere = /\bthe\s+$/iu.test(text.slice(Math.max(0, start - 5), start)) || tokens !== chunk.tokens;
  // Two to four name-shaped words, none an ordinary word: "Chan Wai-ming", "De Vries", "J.R. Ellison".
  const nameWords = nameTokens.filter((w) => !PARTICLES.has(w.toLowerCase()));
  // "von der Leyen", "De Vries", "de Gaulle": a particle before a surname.
  if (
    !determinedHere &&
    nameWords.length >= 1 &&
    nameWords.length < nameTokens.length &&
    PARTICLES.has(nameTokens[0]!.toLowerCase()) &&
    nameWords.every((w) => isUnknownName(w) || isKnownLastName(w))
  )
    return person;
  const cued = nameWords.some((w) => INITIAL.test(w) || FIRST_NAMES.has(w.toLowerCase()) || isKnownLastName(w));
  if (
    !determinedHere &&
    nameWords.length >= 2 &&
    !isFunctionWord(nameWords[0]!) &&
    nameWords.every(
      (w, k) =>
        INITIAL.test(w) ||
        (!ACRONYM.test(w) &&
          !isDemonym(w) &&
          !CONTRACTION.test(w) &&
          ((k === 0 && !chunk.initial) || !COMMON_CAPITALISED.has(w.toLowerCase()))),
    ) &&
    (cued || !isCommonWord(nameWords.at(-1)!))
  )
    return person;
  // "Jimbo Wales declined to comment but his agent …": a name-shaped phrase that a personal pronoun soon refers to.
  if (
    !determinedHere &&
    nameTokens.length >= 2 &&
    nameTokens.length <= 3 &&
    nameTokens.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w)) &&
    PERSONAL_PRONOUN_SOON.test(text.slice(chunk.end, Math.min(text.length, chunk.sentence.end + 80)))
  )
    return person;
  const speaks =
    isFollowedBySpeechVerb(after) ||
    SAID_BEFORE.test(text.slice(Math.max(0, start - 20), start)) ||
    /^\s+(?:himself|herself)\b/u.test(after) ||
    /["”]\s*[—–]\s*$/u.test(text.slice(Math.max(0, start - 6), start)); // `"…" — Peres`
  const determined = t === 0 && (tokens !== chunk.tokens || /\bthe\s+$/iu.test(text.slice(Math.max(0, start - 5), start)));
  if (speaks && determined && !FIRST_NAMES.has(lower[0]!)) {
    return tokens.length >= 2 ? { ...base, kind: 'organisation' } : base; // "the White House said", not "the Dutchman said"
  }
  if (speaks && /\b(?:for|of|at|from)\s+$/iu.test(text.slice(Math.max(0, start - 6), start))) return { ...base, kind: 'organisation' }; // "a spokesman for Tesco said"
  // Ordinary words only ("We Know", "Breaking News") name nobody, whatever verb follows.
  const commonOnly = !cued && nameWords.every((w) => isCommonWord(w) || COMMON_CAPITALISED.has(w.toLowerCase()));
  if (speaks && !commonOnly && (nameTokens.length >= 2 || !chunk.initial || FIRST_NAMES.has(name.toLowerCase()))) return person;
  // One name alone: a name the lexicon knows ("Einstein", "Virgil"), or an unknown one acting
  // ("Okafor scored twice before Lindqvist pulled one back") or credited ("by Cruse and Croft").
  if (nameTokens.length === 1 && !determined && !NAME_SUFFIX.test(name)) {
    // Alone, only a name the lexicon knows counts ("Moon", "Li" from our supplement are too ambiguous alone).
    const known = isKnownFirstName(name) || isKnownLastName(name);
    const next = /^\s+(\p{Ll}+)\b/u.exec(after)?.[1];
    // An inflected verb ("scored", "scores"); a bare form is more often a noun ("the Pendolino train").
    const acts =
      next !== undefined &&
      !NOT_ACTION.test(next) &&
      (lexiconTags(next).has('PastTense') || (/(?:ed|s)$/u.test(next) && (isKnownVerb(next) || isLikelyVerb(next))));
    if (known && (!chunk.initial || acts) && !isPlaceName(name)) return person;
    // Opening a sentence, a plural-looking unknown word acting is a common noun ("Armies cannot …", "Moments like that").
    if (chunk.initial && /s$/u.test(name)) return { ...base, name, start: nameStart, text: name };
    const lead = text.slice(Math.max(0, start - 12), start);
    if (isUnknownName(name) && ((acts && !PLACE_PREPOSITION.test(lead)) || /\bby\s+$/u.test(lead))) return person;
    // A part someone plays: "starred as Ruby", "cast as Ozymandias".
    if ((known || isUnknownName(name)) && PLAYED_AS.test(text.slice(Math.max(0, start - 40), start))) return person;
  }
  return { ...base, name, start: nameStart, text: name };
}

/**
 * Whether token k can be part of a title before a name: "U.S. Secretary of State", "South
 * Korean President", "Det Supt", "Foreign Minister".
 */
/** Two or more words after position k, none an ordinary word or a title: a name of its own ("Aiko Tanaka", "Dr. Aiko Tanaka"). */
function isNameAfterRole(lower: string[], k: number): boolean {
  const rest = lower.slice(k + 1).filter((w) => !HONORIFICS.has(w.replace(/\.$/u, '')));
  return rest.length >= 2 && rest.every((w) => !isCommonWord(w) && !TITLE_WORDS.has(w) && !isRoleWord(w));
}

function isTitleWord(lower: string[], k: number): boolean {
  const w = lower[k]!;
  if (TITLE_WORDS.has(w) || isDemonym(w) || HONORIFICS.has(w)) return true;
  // "Quarterback Deshawn Pruitt", "Economist Aiko Tanaka": a role noun before a given name, or before two name words.
  if (
    k === 0 &&
    isRoleWord(w) &&
    lower[k + 1] !== undefined &&
    (FIRST_NAMES.has(lower[k + 1]!) || /-/u.test(w) || isNameAfterRole(lower, k))
  )
    return true;
  if (COMPASS.has(w) && lower[k + 1] !== undefined && isDemonym(lower[k + 1]!)) return true;
  if (((w === 'of' || w === 'the') && k > 0 && TITLE_WORDS.has(lower[k - 1]!)) || (w === 'the' && lower[k - 1] === 'of')) return true;
  if (k === 0 && isPlaceName(w) && lower[k + 1] !== undefined && (TITLE_WORDS.has(lower[k + 1]!) || ROLE_NOUNS.has(lower[k + 1]!)))
    return true; // "U.S. Secretary of State …", "Virginia Governor …"
  if (
    k > 0 &&
    (lower[k - 1] === 'of' || lower[k - 1] === 'the') &&
    /^(?:state|defen[cs]e|the|interior|health|justice|education|energy|commerce|labou?r|agriculture|transport|treasury|finance|foreign|home|homeland)$/.test(
      w,
    )
  )
    return true;
  return false;
}

/** A lower-case organisation noun within three words after a name: "Wagner military company". */
function findOrgNounAfter(after: string): { noun: string; adjacent: boolean } | null {
  const words = /^\s+(\p{Ll}[\p{Ll}-]*)(?:\s+(\p{Ll}[\p{Ll}-]*))?(?:\s+(\p{Ll}[\p{Ll}-]*))?/u.exec(after);
  if (!words) return null;
  for (let k = 1; k <= 3; k++) {
    const word = words[k];
    if (word === undefined || FUNCTION_WORDS.test(word)) return null;
    if (ORG_NOUNS.has(word)) return { noun: word, adjacent: k === 1 };
  }
  return null;
}

/** Merges candidates into entity drafts: full names first, then surnames, acronyms and aliases. */
function buildDrafts(found: Candidate[]): Map<string, Draft> {
  let candidates = found;
  const drafts = new Map<string, Draft>();
  const byAlias = new Map<string, Draft>();
  const suppressed = new Set<string>();
  const singles = new Map<string, Draft>();
  const ensure = (name: string, kind: EntityKind): Draft => {
    const key = name.toLowerCase();
    let draft = drafts.get(key);
    if (!draft) {
      draft = { name, kind, roles: [], aliases: new Set(), mentions: [], cues: new Set() };
      drafts.set(key, draft);
    }
    return draft;
  };
  // A full personal name in brackets after something that is not a named entity is a person of
  // its own, not an alias: "his brother Dean (Jensen Ackles)" (a character and its actor).
  candidates = candidates.map((c, k) => {
    const owner = candidates[k - 1];
    const ownerNamed = owner !== undefined && (owner.kind === 'organisation' || (owner.kind === 'person' && owner.name.includes(' ')));
    return c.isAlias && !ownerNamed && c.kind === 'person' && c.name.includes(' ') ? { ...c, isAlias: false } : c;
  });
  const independent = new Set(candidates.filter((d) => !d.isAlias).map((d) => d.chunk));
  // Pass 1: entities named in full (people with two or more name words, organisations);
  // parenthesised aliases and initials ("UN" for "United Nations") point at them.
  for (const c of candidates) {
    if (c.isAlias || c.alias === null) continue;
    if (independent.has(c.alias)) continue;
    if (c.kind === 'organisation' || (c.kind === 'person' && c.name.includes(' ')))
      byAlias.set(c.alias.text.toLowerCase(), ensure(c.name, c.kind));
    else suppressed.add(c.alias.text.toLowerCase()); // "… Telescope (FAST)": the alias of a thing
  }
  for (const c of candidates) {
    if (c.isAlias || byAlias.has(c.name.toLowerCase())) continue;
    if (c.kind === 'organisation' || (c.kind === 'person' && c.name.includes(' '))) ensure(c.name, c.kind);
  }
  // "Van Damme" is "Jean-Claude van Damme": a shorter name ending a single longer one.
  const fullNames = [...drafts.values()].filter((d) => d.kind === 'person');
  const bySuffix = new Map<string, Draft[]>(); // every proper word-suffix of a full name → its owners
  for (const d of fullNames) {
    const words = d.name.toLowerCase().split(' ');
    for (let k = 1; k < words.length; k++) {
      const suffix = words.slice(k).join(' ');
      const list = bySuffix.get(suffix);
      if (list) list.push(d);
      else bySuffix.set(suffix, [d]);
    }
  }
  for (const short of fullNames) {
    const longer = (bySuffix.get(short.name.toLowerCase()) ?? []).filter((d) => d !== short);
    if (longer.length === 1) {
      drafts.delete(short.name.toLowerCase());
      byAlias.set(short.name.toLowerCase(), longer[0]!);
    }
  }
  const people = [...drafts.values()].filter((d) => d.kind === 'person');
  for (const org of [...drafts.values()].filter((d) => d.kind === 'organisation' && d.name.includes(' '))) {
    const initials = org.name
      .split(/\s+/)
      .filter((w) => !NAME_LINKERS.has(w.toLowerCase()))
      .map((w) => w[0])
      .join('')
      .toLowerCase();
    if (initials.length >= 2 && !byAlias.has(initials)) {
      byAlias.set(initials, org);
      drafts.delete(initials);
    }
  }
  const findVariant = createVariantFinder(people);
  const byLast = new Map<string, Draft[]>();
  const byFirst = new Map<string, Draft[]>();
  for (const p of people) {
    const words = p.name.toLowerCase().split(' ');
    for (const [map, word] of [
      [byLast, words.at(-1)!],
      [byFirst, words[0]!],
    ] as const) {
      const list = map.get(word);
      if (list) list.push(p);
      else map.set(word, [p]);
    }
  }
  const surnameOwner = (word: string): Draft | null => {
    const lowerWord = word.toLowerCase();
    const last = byLast.get(lowerWord) ?? [];
    if (last.length === 1) return last[0]!;
    if (last.length > 1) return null;
    const first = byFirst.get(lowerWord) ?? [];
    if (first.length > 0) return first.length === 1 ? first[0]! : null;
    return findVariant(word); // a misspelt surname: "Ms Rowe" for "Jane Roe"
  };
  const seen = new Map<Draft, Set<string>>();
  // Pass 2: every mention, in reading order.
  for (const c of candidates) {
    const key = c.name.toLowerCase();
    if (c.place || suppressed.has(key)) continue;
    let draft: Draft | null = null;
    if (c.isAlias || byAlias.has(key)) {
      draft = byAlias.get(key) ?? null;
    } else if (drafts.has(key)) {
      draft = drafts.get(key)!;
    } else if (!c.name.includes(' ') && c.kind !== 'organisation') {
      // A person named by one word only: "Mrs. May" keeps the honorific so the name reads as one.
      draft = surnameOwner(c.name) ?? singles.get(key) ?? (c.kind === 'person' ? ensure(c.text, 'person') : null);
      if (draft) singles.set(key, draft);
    }
    if (!draft) continue;
    const mention = { paragraph: c.chunk.paragraph, text: c.text, at: c.start };
    const seenKey = `${mention.paragraph}:${mention.at}`;
    if (!seen.has(draft)) seen.set(draft, new Set());
    if (!seen.get(draft)!.has(seenKey)) {
      seen.get(draft)!.add(seenKey);
      draft.mentions.push(mention);
    }
    if (c.text !== draft.name) draft.aliases.add(c.text);
    for (const stated of [c.role, c.moreRole]) {
      const role = stated === null || stated === undefined ? '' : withoutHonorifics(stated);
      if (role && draft.kind === 'person' && !draft.roles.some((r) => r.text === role))
        draft.roles.push({ text: role, paragraph: c.chunk.paragraph });
    }
    for (const w of `${c.chunk.text} ${c.role ?? ''}`.toLowerCase().split(/[\s.]+/)) draft.cues.add(w);
  }
  return drafts;
}

/** "the Russian President" → the one person whose stated role is that title (and nationality). */
function addRoleReferences(sentences: Sentence[], drafts: Map<string, Draft>): void {
  const people = [...drafts.values()].filter((d) => d.kind === 'person');
  for (const sentence of sentences) {
    for (const m of sentence.text.matchAll(ROLE_REFERENCE)) {
      if (/^\s+\p{Lu}/u.test(sentence.text.slice(m.index + m[0].length))) continue; // a title before a name, not a reference
      const demonym = m[1] && isDemonym(m[1]) ? m[1].toLowerCase() : null;
      if (m[1] && !demonym && !/^top$/iu.test(m[1])) continue;
      const title = m[2]!.toLowerCase().replace(/\s+/gu, ' ');
      const holders = findTitleHolders(people, title, demonym);
      // A title no one in the article holds, with a nationality ("the Russian Chancellor" after
      // Lavrov is quoted): news varies how it names the person it is writing about, so it is the
      // person named last, when that person is of that nationality.
      const holder = holders.length === 1 ? holders[0]! : holders.length === 0 && demonym ? personInFocus(people, sentence, demonym) : null;
      if (!holder) continue;
      const text = m[0];
      holder.mentions.push({ paragraph: sentence.paragraph, text, at: sentence.start + m.index });
      holder.aliases.add(text.replace(/^The\b/u, 'the'));
    }
  }
}

/**
 * The person named last before a sentence (in it or the two paragraphs before), when their
 * stated roles or earlier descriptions give the nationality `demonym`; null otherwise.
 */
function personInFocus(people: Draft[], sentence: Sentence, demonym: string): Draft | null {
  let last: { draft: Draft; paragraph: number; at: number } | null = null;
  for (const p of people) {
    for (const m of p.mentions) {
      const before = m.paragraph < sentence.paragraph || (m.paragraph === sentence.paragraph && m.at < sentence.start);
      if (!before || m.paragraph < sentence.paragraph - 2) continue;
      if (!last || m.paragraph > last.paragraph || (m.paragraph === last.paragraph && m.at > last.at))
        last = { draft: p, paragraph: m.paragraph, at: m.at };
    }
  }
  if (!last) return null;
  const described = [...last.draft.roles.map((r) => r.text), ...last.draft.aliases].join(' ').toLowerCase().split(/\s+/u);
  return described.includes(demonym) ? last.draft : null;
}

/**
 * A role without the honorifics at its end: "Ms", "Mr." say how a person is addressed, not what
 * they do ("economist Dr" → "economist", "Ms" → ""); academic titles stay.
 */
function withoutHonorifics(role: string): string {
  const words = role.split(/\s+/);
  const isHonorific = (w: string): boolean => {
    const word = w.toLowerCase().replace(/\.$/, '');
    return HONORIFICS.has(word) && !ACADEMIC_TITLES.has(word);
  };
  while (words.length > 0 && isHonorific(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/** The people whose stated role is `title` (and, when given, of that nationality). */
function findTitleHolders(people: Draft[], title: string, demonym: string | null): Draft[] {
  const key = `${title}|${demonym ?? ''}`;
  let cache = HOLDERS.get(people);
  if (!cache) HOLDERS.set(people, (cache = new Map<string, Draft[]>()));
  const known = cache.get(key);
  if (known) return known;
  const found = holdersOf(people, title, demonym);
  cache.set(key, found);
  return found;
}

/** Title holders per people list (one article's analysis), per title and nationality. */
const HOLDERS = new WeakMap<Draft[], Map<string, Draft[]>>();

function holdersOf(people: Draft[], title: string, demonym: string | null): Draft[] {
  return people.filter((p) =>
    p.roles.some((r) => {
      const words = r.text.toLowerCase().split(/\s+/);
      const roleDemonyms = words.filter((w) => isDemonym(w));
      const roleTitle = words.filter((w) => !isDemonym(w)).join(' ');
      if (roleTitle === title) return demonym === null || roleDemonyms.length === 0 || roleDemonyms.includes(demonym);
      // "the minister" for "Health Minister Sarah Lee"; a nationality must then agree.
      return roleTitle.endsWith(` ${title}`) && (demonym === null || roleDemonyms.includes(demonym));
    }),
  );
}

type Gender = 'female' | 'male' | null;

function genderOf(draft: Draft): Gender {
  if ([...draft.cues].some((w) => FEMALE_CUES.has(w))) return 'female';
  if ([...draft.cues].some((w) => MALE_CUES.has(w))) return 'male';
  return null;
}

/** Resolves he/him/his/she/her to the subject of their sentence or of the sentence before. */
function addPronouns(sentences: Sentence[], texts: Map<number, string>, drafts: Map<string, Draft>): void {
  const people = [...drafts.values()].filter((d) => d.kind === 'person');
  if (people.length === 0) return;
  const gender = new Map(people.map((p) => [p, genderOf(p)]));
  // Mentions by paragraph, sorted by offset (named ones now; pronouns as they are resolved, in reading order).
  const named = new Map<number, Placed[]>();
  const pronounsFound = new Map<number, Placed[]>();
  for (const p of people) {
    for (const m of p.mentions) {
      const list = named.get(m.paragraph);
      if (list) list.push({ draft: p, at: m.at });
      else named.set(m.paragraph, [{ draft: p, at: m.at }]);
    }
  }
  for (const list of named.values()) list.sort((a, b) => a.at - b.at);
  const mentionsAt = (sentence: Sentence): Placed[] =>
    [
      ...sliceByOffset(named.get(sentence.paragraph) ?? [], sentence.start, sentence.end),
      ...sliceByOffset(pronounsFound.get(sentence.paragraph) ?? [], sentence.start, sentence.end),
    ].sort((a, b) => a.at - b.at);
  const quoteSpans = new Map<number, Array<[number, number]>>();
  let previousSubject: Draft | null = null;
  let subjectParagraph = -1;
  let previousParagraph = -1;
  let lastSpeaker: Draft | null = null;
  for (const sentence of sentences) {
    const text = texts.get(sentence.paragraph) ?? '';
    if (sentence.paragraph > previousParagraph + 1) previousSubject = null;
    const here = mentionsAt(sentence);
    const added: Array<Mention & { at: number; draft: Draft }> = [];
    for (const m of sentence.text.matchAll(PRONOUN)) {
      const at = sentence.start + m.index;
      let spans = quoteSpans.get(sentence.paragraph);
      if (!spans) quoteSpans.set(sentence.paragraph, (spans = findQuotedRanges(text)));
      if (isInsideRanges(spans, at, 'inclusive')) continue;
      const word = m[1]!.toLowerCase();
      const wanted: Gender = /^(?:she|her|hers|herself)$/.test(word) ? 'female' : 'male';
      const fits = (d: Draft | null): d is Draft => d !== null && (gender.get(d) ?? null) !== (wanted === 'male' ? 'female' : 'male');
      const before = here.filter((h) => h.at < at && fits(h.draft));
      let target: Draft | null = null;
      if (
        AFTER_QUOTE_PRONOUN.test(text.slice(Math.max(0, at - 12), at)) &&
        isFollowedBySpeechVerb(text.slice(at + m[0].length, at + m[0].length + 80))
      ) {
        // `"…," he added`: the subject of the sentence before in this paragraph, else the last speaker.
        if (subjectParagraph === sentence.paragraph && fits(previousSubject)) target = previousSubject;
        else if (fits(lastSpeaker)) target = lastSpeaker;
        else if (fits(previousSubject)) target = previousSubject;
      } else if (word === 'himself' || word === 'herself' || word === 'his' || word === 'hers') {
        target = before.at(-1)?.draft ?? (fits(previousSubject) ? previousSubject : null);
      } else if (word === 'him' || (word === 'her' && before.length > 0)) {
        const distinct = [...new Set(before.map((b) => b.draft))];
        target = distinct.length >= 2 ? distinct[0]! : fits(previousSubject) && previousSubject !== distinct[0] ? previousSubject : null;
      } else {
        target = before[0]?.draft ?? null;
        // "Asked whether she would stand, Ms Ardern replied": a pronoun in an opening clause points ahead.
        const firstComma = sentence.text.indexOf(',');
        if (!target && firstComma > at - sentence.start) target = here.find((h) => h.at > at && fits(h.draft))?.draft ?? null;
        if (!target && fits(previousSubject)) target = previousSubject;
      }
      if (target) added.push({ paragraph: sentence.paragraph, text: m[0], at, draft: target });
    }
    for (const a of added) {
      a.draft.mentions.push({ paragraph: a.paragraph, text: a.text, at: a.at });
      const list = pronounsFound.get(a.paragraph);
      if (list) list.push({ draft: a.draft, at: a.at });
      else pronounsFound.set(a.paragraph, [{ draft: a.draft, at: a.at }]);
    }
    // The subject is the first name or subject pronoun ("he went up … where he met John Edleston": he),
    // outside quotation marks: a name inside a quote is what the speaker talks about ("Emeka was
    // outstanding," she said), not who the next pronoun means.
    let spans = quoteSpans.get(sentence.paragraph);
    if (!spans) quoteSpans.set(sentence.paragraph, (spans = findQuotedRanges(text)));
    const quoted = spans;
    const named = here.find((h) => !isPossessiveAt(text, h.at) && !isInsideRanges(quoted, h.at, 'inclusive'));
    const pronounSubject = added.find((a) => /^(?:he|she)$/iu.test(a.text));
    const subject =
      (pronounSubject && (!named || pronounSubject.at < named.at) ? pronounSubject.draft : named?.draft) ?? added[0]?.draft ?? null;
    if (subject) {
      previousSubject = subject;
      subjectParagraph = sentence.paragraph;
    }
    const speaker = findSpeakerNearQuote(sentence, text, here);
    if (speaker) lastSpeaker = speaker;
    previousParagraph = sentence.paragraph;
  }
}

/** Whether the name starting at `at` is a possessive ("Smith's rival"). */
function isPossessiveAt(text: string, at: number): boolean {
  const m = /^[\p{L}\p{N}.\- ]*?[\p{L}\p{N}]['’]s?(?![\p{L}])/u.exec(text.slice(at, at + 60));
  return m !== null && !/[,;:]/u.test(m[0]) && m[0].split(/\s+/).length <= 4;
}

/** The person named next to a quotation mark and a speech verb in this sentence, if any. */
function findSpeakerNearQuote(sentence: Sentence, text: string, here: Array<{ draft: Draft; at: number }>): Draft | null {
  if (!/["“”]/u.test(sentence.text)) return null;
  for (const h of here) {
    const around = text.slice(Math.max(sentence.start, h.at - 40), Math.min(sentence.end, h.at + 60));
    if (/\b(?:said|says|added|stated|told|explained)\b/iu.test(around)) return h.draft;
  }
  return null;
}

interface Placed {
  draft: Draft;
  at: number;
}

/** The items of a list sorted by offset whose offset lies in [start, end) (binary search). */
function sliceByOffset<T extends { at: number }>(list: T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < start) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo; i < list.length && list[i]!.at < end; i++) found.push(list[i]!);
  return found;
}

/** The ranges of a paragraph between an opening and a closing double quotation mark, in order. */
function findQuotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') openAt = openAt < 0 ? i : openAt;
    else if (ch === '”' && openAt >= 0) {
      ranges.push([openAt, i]);
      openAt = -1;
    } else if (ch === '"') {
      if (openAt < 0) openAt = i;
      else {
        ranges.push([openAt, i]);
        openAt = -1;
      }
    }
  }
  if (openAt >= 0) ranges.push([openAt, text.length]);
  return ranges;
}

/** Kebab-case id of a name ("Sergei Lavrov" → "sergei-lavrov"). */
export function toEntityId(name: string): string {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.length > 0 ? id : 'entity';
}

/** Orders mentions and entities by reading order and gives each entity a unique id. */
function finishEntities(drafts: Map<string, Draft>): Entity[] {
  const live = [...drafts.values()].filter((d) => d.mentions.length > 0);
  const placed: PlacedPronoun[] = [];
  for (const d of live) d.mentions.sort((a, b) => a.paragraph - b.paragraph || a.at - b.at);
  live.sort((a, b) => a.mentions[0]!.paragraph - b.mentions[0]!.paragraph || a.mentions[0]!.at - b.mentions[0]!.at);
  const used = new Set<string>();
  const entities = live.map((d) => {
    let id = toEntityId(d.name);
    for (let k = 2; used.has(id); k++) id = `${toEntityId(d.name)}-${k}`;
    used.add(id);
    const aliases = [...d.aliases].filter((a) => a.toLowerCase() !== d.name.toLowerCase());
    const uniqueAliases = aliases.filter((a, k) => aliases.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === k);
    const entity: Entity = {
      id,
      name: d.name,
      kind: d.kind,
      roles: d.roles,
      aliases: uniqueAliases,
      mentions: d.mentions.map(({ paragraph, text }) => ({ paragraph, text })),
    };
    for (const m of d.mentions)
      if (PRONOUN_WORD.test(m.text)) placed.push({ paragraph: m.paragraph, at: m.at, text: m.text.toLowerCase(), entity });
    return entity;
  });
  PLACED_PRONOUNS.set(entities, placed);
  return entities;
}

/** A resolved pronoun with its offset in its paragraph. */
export interface PlacedPronoun {
  paragraph: number;
  at: number;
  text: string;
  entity: Entity;
}

const PRONOUN_WORD = /^(?:he|him|his|himself|she|her|hers|herself)$/iu;
/** Where each resolved pronoun stands, for the entity lists findEntities returned (quotes use it). */
const PLACED_PRONOUNS = new WeakMap<Entity[], PlacedPronoun[]>();

/** The pronouns findEntities resolved, with their offsets; empty for entity lists it did not make. */
export function findPlacedPronouns(entities: Entity[]): PlacedPronoun[] {
  return PLACED_PRONOUNS.get(entities) ?? [];
}
