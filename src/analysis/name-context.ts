/**
 * A name chunk split into its title and its name, with what the person rules read about it
 * (its role before and after, whether it speaks or acts), each computed when first asked.
 */
import type { ChunkContext, Verdict } from './entity-candidate.ts';
import { findAppositiveAfter, findAppositiveBefore, findRoleBefore, isRoleWord } from './entity-roles.ts';
import { isKnownLastName, isKnownVerb, lexiconTags } from './lexicon.ts';
import { ACADEMIC_TITLES, FIRST_NAMES, HONORIFICS, PARTICLES, PERSON_TITLES, SPEECH_VERBS, isLikelyVerb } from './name-cues.ts';
import { ACRONYM, INITIAL } from './name-shapes.ts';
import { countTitleWords } from './title-words.ts';

/** Words after a single unknown name that show a person acting: not copulas or auxiliaries ("Kharkiv was shelled"). */
/** Auxiliaries and modals: after a name they start no action of its own, and they modify no noun. */
export const AUXILIARY = /^(?:is|was|are|were|be|been|has|had|have|will|would|can|could|may|might|must|should|shall|does|did|do)$/u;
const SAID_BEFORE = /(?:\b(?:said|says|added|according to|in the words of)\s+)$/iu;
const VERB_AFTER_SUBJECT = /^\s+(?:(?:has|have|had|also|then|later|himself|herself)\s+){0,2}(\p{L}+)\b/u;

/**
 * Whether a lower-case word is an adverb that may stand between a subject and its verb: one the
 * lexicon tags so ("also", "again", "never"), a word in -ly the lexicon does not know (English
 * adverbs of manner: "openly", "quickly", "publicly"), or "later", "now", "still", "even", which
 * it tags otherwise.
 */
function isAdverb(word: string): boolean {
  const tags = lexiconTags(word);
  return (
    tags.has('Adverb') ||
    tags.has('Negative') ||
    (tags.size === 0 && /^\p{Ll}{2,}ly$/u.test(word)) ||
    /^(?:later|now|still|even)$/u.test(word)
  );
}

/** The first lower-case word after a name, past up to two adverbs ("openly admitted" → "admitted"). */
function wordPastAdverbs(after: string): string | undefined {
  const words = /^(?:\s+\p{Ll}+(?![\p{L}'’-])){1,3}/u.exec(after)?.[0].trim().split(/\s+/u) ?? [];
  let k = 0;
  while (k < 2 && k < words.length - 1 && isAdverb(words[k]!)) k++;
  return words[k];
}

/** Whether a reporting verb ("said", "told") follows, maybe after "has"/"also". */
export function isFollowedBySpeechVerb(after: string): boolean {
  const m = VERB_AFTER_SUBJECT.exec(after);
  return m !== null && SPEECH_VERBS.has(m[1]!.toLowerCase());
}

/** A chunk split into its title and its name, with what the person rules read, computed when first asked. */
export interface NameContext extends ChunkContext {
  /** How many leading tokens are a title. */
  t: number;
  nameTokens: string[];
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The title words without honorifics ("Foreign Minister", not "Mr"). */
  roleTokens: string[];
  /** Whether a title or role word stands before the name. */
  titled: boolean;
  /** The verdict "a person" with the name and how it is shown. */
  person: Omit<Verdict, 'reason'>;
  /** "the" written right before the name, or dropped from the chunk. */
  afterThe: boolean;
  /** The name's words without particles. */
  nameWords: string[];
  /** Some word is an initial, a known given name or a known surname. */
  cued: boolean;
  roleBefore: () => string | null;
  roleAfter: () => string | null;
  speaks: () => boolean;
  acts: () => boolean;
}

/** Splits the title from the name; null when the title is all there is. */
export function parseName(ctx: ChunkContext): NameContext {
  const { tokens, lower, text, chunk, start, after } = ctx;
  const t = countTitleWords(tokens, lower);
  let nameTokens = tokens.slice(t);
  // Letters after a name are not part of it: "Daniel Bernoulli FRS".
  if (nameTokens.length >= 3 && ACRONYM.test(nameTokens.at(-1)!) && !INITIAL.test(nameTokens.at(-1)!)) nameTokens = nameTokens.slice(0, -1);
  const isHonorific = (w: string): boolean => HONORIFICS.has(w) && !ACADEMIC_TITLES.has(w);
  const roleTokens = tokens.slice(0, t).filter((_, k) => !isHonorific(lower[k]!));
  const nameStart = t === 0 ? start : text.indexOf(nameTokens[0]!, start);
  const name = nameTokens.join(' ');
  const nameEnd = Math.max(nameStart, text.indexOf(nameTokens.at(-1)!, nameStart)) + nameTokens.at(-1)!.length;
  const shown = t > 0 && roleTokens.length === 0 ? text.slice(start, nameEnd) : name;
  const nameWords = nameTokens.filter((w) => !PARTICLES.has(w.toLowerCase()));
  const memo = <T>(f: () => T): (() => T) => {
    let done = false;
    let value: T;
    return () => {
      if (!done) [value, done] = [f(), true];
      return value;
    };
  };
  return {
    ...ctx,
    t,
    nameTokens,
    name,
    nameStart,
    nameEnd,
    roleTokens,
    titled: lower.slice(0, t).some((w) => PERSON_TITLES.has(w) || isRoleWord(w)),
    person: { ...ctx.base, name, text: shown, start: nameStart, kind: 'person' },
    afterThe: tokens !== chunk.tokens || /\bthe\s+$/iu.test(text.slice(Math.max(0, start - 5), start)),
    nameWords,
    cued: nameWords.some((w) => INITIAL.test(w) || FIRST_NAMES.has(w.toLowerCase()) || isKnownLastName(w)),
    roleBefore: memo(() => findRoleBefore(text, nameStart) ?? findAppositiveBefore(text, nameStart)),
    roleAfter: memo(() => findAppositiveAfter(text, chunk.end)),
    speaks: memo(
      () =>
        isFollowedBySpeechVerb(after) ||
        SAID_BEFORE.test(text.slice(Math.max(0, start - 20), start)) ||
        /^\s+(?:himself|herself)\b/u.test(after) ||
        /["”]\s*[—–]\s*$/u.test(text.slice(Math.max(0, start - 6), start)), // `"…" — Peres`
    ),
    acts: memo(() => {
      // An inflected verb follows ("scored", "scores"), maybe after an adverb or two ("Varga openly
      // admitted", "Holt also said"); a bare form is more often a noun ("the Pendolino train").
      const next = wordPastAdverbs(after);
      return (
        next !== undefined &&
        !AUXILIARY.test(next) &&
        (lexiconTags(next).has('PastTense') || (/(?:ed|s)$/u.test(next) && (isKnownVerb(next) || isLikelyVerb(next))))
      );
    }),
  };
}
