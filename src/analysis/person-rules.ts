/**
 * The person rules of the parse step, in order, once a chunk's title is split from its name:
 * each asks one question ("is there a title?", "does it open with a known given name?", "does a
 * reporting verb follow?") and returns a verdict with its reason, or passes.
 */
import type { ChunkRule, Verdict } from './entity-candidate.ts';
import { findAppositiveAfter, findAppositiveBefore, isRoleWord } from './entity-roles.ts';
import { isDemonym, isPlaceName } from './gazetteer.ts';
import {
  isAdverbOfAdjective,
  isGuessedSingularNoun,
  isCommonWord,
  isFunctionWord,
  isKnownFirstName,
  isKnownLastName,
  isKnownOrganisation,
  isKnownVerb,
  lexiconTags,
} from './lexicon.ts';
import {
  ABBREVIATED_TITLES,
  COMMON_CAPITALISED,
  FIRST_NAMES,
  HONORIFICS,
  ORG_HEADS,
  PARTICLES,
  PERSON_TITLES,
  ROLE_NOUNS,
  STYLE_TITLES,
  TITLE_WORDS,
  isLikelyVerb,
} from './name-cues.ts';
import { AUXILIARY, type NameContext } from './name-context.ts';
import { ACRONYM, CONTRACTION, INITIAL, NAME_SUFFIX, NAME_TOKEN, isNameWord, isUnknownName } from './name-shapes.ts';

const PLAYED_AS =
  /\b(?:starred|stars|starring|appeared|appears|appearing|cast|plays|played|playing|portrays|portrayed|portraying|voiced|voices)\s+(?:\p{Ll}+\s+){0,2}as\s+$/u;
const PLACE_PREPOSITION = /\b(?:in|at|from|near|to|into|across|outside|inside|around|towards?|across|via|the|a|an)\s+$/iu;
const LOCATIVE_BEFORE = /\b(?:in|at|near|outside|inside|via|towards?)\s+$/u;
const PERSONAL_PRONOUN_SOON = /^[^"“”]*?\b(?:he|his|him|she|her)\b/u;
/** Nouns for a person made with -man/-woman ('the Dutchman', 'the Frenchwoman'): English word-formation. */
const PERSON_NOUN = /\p{Ll}(?:man|woman|men|women)$/u;

const lone = (ctx: NameContext): boolean => ctx.nameTokens.length === 1;
const before = (ctx: NameContext, n: number): string => ctx.text.slice(Math.max(0, ctx.start - n), ctx.start);
const quoted = (ctx: NameContext): string => `"${ctx.name}"`;
/** "the" before a name with no title: "the White House", "the Dutchman". */
const theBefore = (ctx: NameContext): boolean => ctx.t === 0 && ctx.afterThe;
/** Linking words after a name: no noun it could modify (nor are the auxiliaries, AUXILIARY). */
const LINKER = /^(?:and|or|of|to|in|on|at|for|with|by|from|who|which|that|as|but|than|if|when)$/u;
/**
 * "the Holt campaign said", "the Holt team": the name modifies the lower-case noun after it, so
 * "the" belongs to that noun and says nothing about the name (a surname modifies a noun as
 * often as an institution does). A following verb in the past or with "-s" ("the Kremlin
 * said"), an adverb ("the Pentagon also said") or an auxiliary is no such noun; a bare verb form
 * is ("the Holt claim"), as a singular subject never takes one.
 */
const modifiesNoun = (ctx: NameContext): boolean => {
  const next = /^\s+(\p{Ll}[\p{Ll}-]*)(?![\p{L}'’])/u.exec(ctx.after)?.[1];
  if (next === undefined || AUXILIARY.test(next) || LINKER.test(next)) return false;
  const tags = lexiconTags(next);
  if (tags.has('Adverb') || tags.has('PastTense') || tags.has('Gerund')) return false;
  return !(/(?:ed|s)$/u.test(next) && (isKnownVerb(next) || isLikelyVerb(next)));
};
/** The verdict "nothing", with the name as read (title dropped). */
const nameOnly = (ctx: NameContext): Omit<Verdict, 'reason'> => ({ ...ctx.base, name: ctx.name, start: ctx.nameStart, text: ctx.name });

export const PERSON_RULES: ReadonlyArray<ChunkRule<NameContext>> = [
  {
    name: 'name-with-epithet',
    // "Hilary of Poitiers", "Peter the Great": a given name and where or what its bearer was.
    apply: (ctx) => {
      const { t, tokens, lower } = ctx;
      if (t !== 0 || tokens.length !== 3 || (lower[1] !== 'of' && lower[1] !== 'the')) return null;
      if (!isNameWord(tokens[0]!) || isCommonWord(tokens[0]!) || ORG_HEADS.has(lower[2]!)) return null;
      return {
        verdict: { ...ctx.person, name: ctx.whole, text: ctx.text.slice(ctx.start, ctx.chunk.end), start: ctx.start },
        reason: `"${tokens[0]}" is a name with an epithet`,
      };
    },
  },
  {
    name: 'contraction',
    // "I'm", "We're", "He's": a contraction is a pronoun and a verb, never a name.
    apply: (ctx) =>
      ctx.nameTokens.some((w) => CONTRACTION.test(w)) ? { verdict: ctx.base, reason: `${quoted(ctx)} is a contraction` } : null,
  },
  {
    name: 'not-name-shaped',
    apply: (ctx) =>
      !ctx.nameTokens.every((w) => NAME_TOKEN.test(w) || PARTICLES.has(w)) || ctx.nameWords.length > 6
        ? { verdict: ctx.base, reason: `${quoted(ctx)} is not shaped like a name` }
        : null,
  },
  {
    name: 'title-alone',
    // "the Russian Chancellor": a title with no name after it.
    apply: (ctx) =>
      lone(ctx) &&
      (PERSON_TITLES.has(ctx.lower[ctx.t]!) || TITLE_WORDS.has(ctx.lower[ctx.t]!)) &&
      // "Mr. King", "Ms Major": after an honorific a title word is a surname.
      !(ctx.t > 0 && HONORIFICS.has(ctx.lower[ctx.t - 1]!))
        ? { verdict: ctx.base, reason: `${quoted(ctx)} is a title without a name` }
        : null,
  },
  {
    name: 'title-before-name',
    apply: (ctx) => {
      if (!ctx.titled || ctx.roleTokens.length === 0) return null;
      const role = ctx.roleTokens.join(' ');
      // "Pope Francis" is named with his title; "Rep. Jane Roe" is written so, and a reader (or the quote finder) must not stop at its period.
      const styled =
        (ctx.roleTokens.length === 1 && STYLE_TITLES.has(ctx.roleTokens[0]!.toLowerCase())) ||
        ctx.tokens.slice(0, ctx.t).some((w, k) => w.endsWith('.') && ABBREVIATED_TITLES.has(ctx.lower[k]!));
      const moreRole = findAppositiveAfter(ctx.text, ctx.chunk.end) ?? findAppositiveBefore(ctx.text, ctx.start);
      const verdict = { ...ctx.person, role, moreRole, ...(styled ? { text: ctx.text.slice(ctx.start, ctx.nameEnd) } : {}) };
      return { verdict, reason: `"${role}" is a title before the name ${quoted(ctx)}` };
    },
  },
  {
    name: 'played-as',
    // A part someone plays, even an ordinary word: "starred as Ruby", "cast as Hope".
    apply: (ctx) =>
      lone(ctx) && !ctx.chunk.initial && !COMMON_CAPITALISED.has(ctx.name.toLowerCase()) && PLAYED_AS.test(before(ctx, 40))
        ? { verdict: ctx.person, reason: `${quoted(ctx)} is a part someone plays ("starred as …")` }
        : null,
  },
  {
    name: 'common-word',
    apply: (ctx) =>
      // "Unfortunately, the mayor said": an -ly adverb made from an adjective is a word, not a name with a role after it.
      !ctx.titled &&
      lone(ctx) &&
      (COMMON_CAPITALISED.has(ctx.name.toLowerCase()) || isCommonWord(ctx.name) || isAdverbOfAdjective(ctx.name))
        ? { verdict: ctx.base, reason: `${quoted(ctx)} is an ordinary word` }
        : null,
  },
  {
    name: 'qualifies-role-of-name',
    // "said Democratic strategist Ana Ruiz", "Ohio lawmaker Tim Berg": one word before a lower-case role and a
    // name qualifies that role (a party, a place, an employer); the person is the name after it.
    apply: (ctx) => {
      if (ctx.titled || !lone(ctx) || isKnownFirstName(ctx.name)) return null;
      const role = /^\s+((?:\p{Ll}[\p{L}-]*\s+){0,1}(\p{Ll}[\p{L}-]*))\s+\p{Lu}\p{Ll}/u.exec(ctx.after);
      return role && (isRoleWord(role[2]!) || isGuessedSingularNoun(role[2]!))
        ? { verdict: ctx.base, reason: `${quoted(ctx)} qualifies "${role[1]}" before a name` }
        : null;
    },
  },
  {
    name: 'acronym-without-title',
    apply: (ctx) => (!ctx.titled && ACRONYM.test(ctx.name) ? { verdict: ctx.base, reason: `${quoted(ctx)} is an acronym` } : null),
  },
  {
    name: 'qualifies-people',
    // "Goldman Sachs analysts": a name that qualifies people is an organisation or place, not a person.
    apply: (ctx) => {
      const noun = /^\s+(\p{Ll}+s)\b/u.exec(ctx.after)?.[1];
      return !ctx.titled && noun && ROLE_NOUNS.has(noun) ? { verdict: ctx.base, reason: `${quoted(ctx)} qualifies "${noun}"` } : null;
    },
  },
  {
    name: 'known-organisation',
    apply: (ctx) =>
      ctx.nameTokens.length > 1 && isKnownOrganisation(ctx.name)
        ? {
            verdict: { ...ctx.base, name: ctx.name, text: ctx.name, kind: 'organisation' },
            reason: `compromise knows ${quoted(ctx)} as an organisation`,
          }
        : null,
  },
  {
    name: 'role-before-name',
    apply: (ctx) => {
      const role = ctx.roleBefore();
      return role === null
        ? null
        : { verdict: { ...ctx.person, role, moreRole: ctx.roleAfter() }, reason: `"${role}" is written before ${quoted(ctx)}` };
    },
  },
  {
    name: 'role-after-name',
    apply: (ctx) => {
      const role = ctx.roleAfter();
      return role === null ? null : { verdict: { ...ctx.person, role }, reason: `"${role}" is written after ${quoted(ctx)}` };
    },
  },
  {
    name: 'titled',
    apply: (ctx) => (ctx.titled ? { verdict: ctx.person, reason: `a title stands before ${quoted(ctx)}` } : null),
  },
  {
    name: 'known-first-name',
    apply: (ctx) =>
      ctx.nameTokens.length >= 2 && FIRST_NAMES.has(ctx.nameTokens[0]!.toLowerCase())
        ? { verdict: ctx.person, reason: `"${ctx.nameTokens[0]}" is a first name` }
        : null,
  },
  {
    name: 'particle-and-surname',
    // "von der Leyen", "De Vries", "de Gaulle": a particle before a surname.
    apply: (ctx) =>
      !ctx.afterThe &&
      ctx.nameWords.length >= 1 &&
      ctx.nameWords.length < ctx.nameTokens.length &&
      PARTICLES.has(ctx.nameTokens[0]!.toLowerCase()) &&
      ctx.nameWords.every((w) => isUnknownName(w) || isKnownLastName(w))
        ? { verdict: ctx.person, reason: `${quoted(ctx)} is a particle and a surname` }
        : null,
  },
  {
    name: 'name-shaped-words',
    // Two to four name-shaped words, none an ordinary word: "Chan Wai-ming", "J.R. Ellison".
    apply: (ctx) => {
      const { nameWords, chunk } = ctx;
      if (ctx.afterThe || nameWords.length < 2 || isFunctionWord(nameWords[0]!)) return null;
      const shaped = nameWords.every(
        (w, k) =>
          INITIAL.test(w) ||
          (!ACRONYM.test(w) &&
            !isDemonym(w) &&
            !CONTRACTION.test(w) &&
            ((k === 0 && !chunk.initial) || !COMMON_CAPITALISED.has(w.toLowerCase()))),
      );
      if (!shaped || !(ctx.cued || !isCommonWord(nameWords.at(-1)!))) return null;
      return { verdict: ctx.person, reason: `${quoted(ctx)} is ${nameWords.length} name-shaped words` };
    },
  },
  {
    name: 'pronoun-follows',
    // "Jimbo Wales declined to comment but his agent …": a name-shaped phrase that a personal pronoun soon refers to.
    apply: (ctx) =>
      !ctx.afterThe &&
      ctx.nameTokens.length >= 2 &&
      ctx.nameTokens.length <= 3 &&
      ctx.nameTokens.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w)) &&
      PERSONAL_PRONOUN_SOON.test(ctx.text.slice(ctx.chunk.end, Math.min(ctx.text.length, ctx.chunk.sentence.end + 80)))
        ? { verdict: ctx.person, reason: `"he" or "she" soon refers to ${quoted(ctx)}` }
        : null,
  },
  {
    name: 'definite-institution',
    // "The Kremlin said", "the Pentagon announced": a single unknown name with "the" that speaks or acts is an institution (people's names take no article).
    apply: (ctx) =>
      theBefore(ctx) &&
      lone(ctx) &&
      !modifiesNoun(ctx) &&
      !FIRST_NAMES.has(ctx.lower[0]!) &&
      !PERSON_NOUN.test(ctx.name) &&
      isUnknownName(ctx.name) &&
      (ctx.speaks() || ctx.acts())
        ? { verdict: { ...ctx.base, kind: 'organisation' }, reason: `"the ${ctx.name}" takes an article and acts, as institutions do` }
        : null,
  },
  {
    name: 'determined-speaker',
    // "the White House said" (an organisation), "the Dutchman said" (nobody named).
    apply: (ctx) => {
      if (!(theBefore(ctx) && ctx.speaks() && !FIRST_NAMES.has(ctx.lower[0]!))) return null;
      return ctx.tokens.length >= 2
        ? { verdict: { ...ctx.base, kind: 'organisation' }, reason: `"the ${ctx.whole}" speaks: an organisation` }
        : { verdict: ctx.base, reason: `"the ${ctx.whole}" is a description, not a name` };
    },
  },
  {
    name: 'spokesman-for',
    // "a spokesman for Tesco said"
    apply: (ctx) =>
      ctx.speaks() && /\b(?:for|of|at|from)\s+$/iu.test(before(ctx, 6))
        ? { verdict: { ...ctx.base, kind: 'organisation' }, reason: `someone speaks for ${quoted(ctx)}` }
        : null,
  },
  {
    name: 'speaker',
    // Ordinary words only ("We Know", "Breaking News") name nobody, whatever verb follows.
    apply: (ctx) => {
      const commonOnly = !ctx.cued && ctx.nameWords.every((w) => isCommonWord(w) || COMMON_CAPITALISED.has(w.toLowerCase()));
      const nameLike = ctx.nameTokens.length >= 2 || !ctx.chunk.initial || FIRST_NAMES.has(ctx.name.toLowerCase());
      return ctx.speaks() && !commonOnly && nameLike ? { verdict: ctx.person, reason: `${quoted(ctx)} says something` } : null;
    },
  },
  {
    name: 'known-name-alone',
    // One name the lexicon knows ("Einstein", "Virgil"), not opening a sentence unless it acts.
    apply: (ctx) => {
      if (!lone(ctx) || theBefore(ctx) || NAME_SUFFIX.test(ctx.name)) return null;
      const known = isKnownFirstName(ctx.name) || isKnownLastName(ctx.name);
      // "terminating at Preston": after a preposition of place a lone name is a place, unless it acts.
      const located = LOCATIVE_BEFORE.test(before(ctx, 12)) && !ctx.acts();
      return known && (!ctx.chunk.initial || ctx.acts()) && !located && !isPlaceName(ctx.name)
        ? { verdict: ctx.person, reason: `compromise knows ${quoted(ctx)} as a name` }
        : null;
    },
  },
  {
    name: 'plural-opener',
    // Opening a sentence, a plural-looking unknown word is a common noun ("Armies cannot …", "Moments like that").
    apply: (ctx) =>
      lone(ctx) && !theBefore(ctx) && ctx.chunk.initial && /s$/u.test(ctx.name)
        ? { verdict: nameOnly(ctx), reason: `${quoted(ctx)} opens a sentence and looks like a plural` }
        : null,
  },
  {
    name: 'unknown-name-acting',
    // "Okafor scored twice before Lindqvist pulled one back", "by Cruse and Croft".
    apply: (ctx) => {
      if (!lone(ctx) || theBefore(ctx) || NAME_SUFFIX.test(ctx.name) || !isUnknownName(ctx.name)) return null;
      const lead = before(ctx, 12);
      return (ctx.acts() && !PLACE_PREPOSITION.test(lead)) || /\bby\s+$/u.test(lead)
        ? { verdict: ctx.person, reason: `${quoted(ctx)} is an unknown name that acts or is credited` }
        : null;
    },
  },
  {
    name: 'played-as-name',
    apply: (ctx) =>
      lone(ctx) &&
      !theBefore(ctx) &&
      !NAME_SUFFIX.test(ctx.name) &&
      (isKnownFirstName(ctx.name) || isKnownLastName(ctx.name) || isUnknownName(ctx.name)) &&
      PLAYED_AS.test(before(ctx, 40))
        ? { verdict: ctx.person, reason: `${quoted(ctx)} is a part someone plays` }
        : null,
  },
];

/** When no rule applies: the name as read, nobody known. */
export function noVerdict(ctx: NameContext): Verdict {
  return { ...nameOnly(ctx), reason: { rule: 'no-rule', text: `nothing says what ${quoted(ctx)} is` } };
}
