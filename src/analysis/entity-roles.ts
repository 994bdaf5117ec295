/**
 * Roles as the article states them, read from the words around a person's name: a role noun
 * phrase just before it ("senior party official Li Yuecheng", "Virgin owner Richard Branson"),
 * an appositive before it ("his Belarusian counterpart, Vladimir Makei") or after it ("Eric
 * Haddox, a civil engineer who…").
 */
import { isDemonym } from './gazetteer.ts';
import { isActorNoun, isCommonWord, isGuessedActor, isKnownFirstName, isKnownLastName, lexiconTags } from './lexicon.ts';
import { COMMON_CAPITALISED, COMMON_VERBS, PERSON_TITLES, ROLE_NOUNS, SPEECH_VERBS } from './name-cues.ts';
import { wordList } from './word-lists.ts';

const DETERMINERS = /\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)\s|(?<![\p{L}])\p{Lu}[\p{L}.-]*['’]s\s/gu;
/** Words that end a role phrase read backwards from a name. */
const ROLE_STOPS: ReadonlySet<string> = new Set([
  ...COMMON_CAPITALISED,
  ...SPEECH_VERBS,
  ...COMMON_VERBS,
  'including',
  'includes',
  'like',
  'named',
  'called',
]);
const WORD_BACK = /([\p{L}\p{N}][\p{L}\p{N}'’-]*)\s+$/u;
const APPOSITIVE_AFTER =
  /^,\s+(?:\d{1,3},\s+)?((?:a|an|the|his|her|their|its)\s+[^,.;:"“”()]{1,80}?)(?=\s+(?:who|which|that|whose|and|has|had|is|was)\b|\s*[,.;:"“”()]|\s*$)/iu;
const CLAUSE_START = /[,;:"“”(]|\s[-–—]\s/gu;
const ROLE_OF_ORG = /((?:\p{Lu}[\p{L}-]*\s+){0,3}(\p{L}[\p{L}-]*)\s+(?:of|at|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}&.'’-]*\s+){1,5})$/u;
/** A role stated without an article after a name: "Jane Roe, ACU associate professor of history, said". */
const BARE_APPOSITIVE_AFTER =
  /^,\s+((?:(?:former|then|now|acting|interim|senior|junior|chief|deputy|assistant|associate|fellow|the\s+)?[\p{L}\p{N}.&'’-]+\s+){0,5}?[\p{L}-]+(?:\s+(?:of|at|for|in|to|with)\s+(?:the\s+)?[\p{L}.&'’-]+(?:\s+(?:of|and|for|the|&)?\s*\p{Lu}[\p{L}.&'’-]*){0,6})?)(?=\s*[,;.)]|\s+[—–-]\s|\s*[—–]|\s+(?:who|whom|which|said|says|told|and|in|on|during|since|from|with|when)\b|\s*$)/u;
/** A biography's role: "Jared Padalecki (born July 19, 1982) is an American actor", "X was a Danish linguist". */
const COPULA_ROLE_AFTER =
  /^(?:\s+of\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)?(?:\s*\([^()]{0,160}\))?(?:,[^,.;]{0,80},)?\s+(?:is|was|became|remains|has been|had been)\s+(?:also\s+)?((?:an?|the|one of the)\s+[^,.;:"“”()]{1,80}?)(?=\s+(?:who|which|that|whose|and|best|known|from|born|with|in|since|during|until)\b|\s*[,.;:"“”()]|\s*$)/u;

/** Whether a phrase has a role noun in it ("a civil engineer", "his Belarusian counterpart"). */
export function hasRoleNoun(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .some((w) => ROLE_NOUNS.has(w) || (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))));
}

/**
 * Whether one word names a role: a role noun or title ("composer", "earl"), an occupation's
 * agent noun ("philologist", "publisher"), a plural of one ("writers"), or a hyphenated role
 * ("co-star", "editor-in-chief").
 */
export function isRoleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[.,]$/u, '');
  const single = (x: string): boolean => ROLE_NOUNS.has(x) || PERSON_TITLES.has(x) || isAgentNoun(x);
  if (single(w) || (w.endsWith('s') && single(w.slice(0, -1)))) return true;
  const parts = w.split('-');
  return parts.length > 1 && (single(parts[0]!) || single(parts.at(-1)!));
}

/**
 * The role phrase written directly before a name, ending in a role noun: "senior party official",
 * "NAO Radio Astronomy Technology Laboratory director", "Virgin owner". Null when there is none.
 */
export function findRoleBefore(text: string, nameStart: number): string | null {
  const before = text.slice(Math.max(0, nameStart - 120), nameStart);
  // "CEO of the Harbour Trust Sam Lee": a role noun, "of"/"at" and an organisation's name.
  const ofOrg = ROLE_OF_ORG.exec(before);
  if (ofOrg && isRoleWord(ofOrg[2]!) && (ofOrg.index === 0 || /[\s(]$/u.test(before.slice(0, ofOrg.index)))) return ofOrg[1]!.trim();
  if (!/\s$/u.test(before) || /[,;:]\s*$/u.test(before)) return null;
  let rest = before;
  const words: string[] = [];
  for (let guard = 0; guard < 7; guard++) {
    const m = WORD_BACK.exec(rest);
    if (!m) break;
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (words.length === 0 && !isRoleWord(lower)) return null;
    // "fellow actor and friend Tom Welling": roles joined by "and".
    if (lower === 'and' && words.length > 0 && isRoleWord(WORD_BACK.exec(rest.slice(0, m.index))?.[1] ?? '')) {
      words.unshift(word);
      rest = rest.slice(0, m.index);
      continue;
    }
    if (ROLE_STOPS.has(lower) || (/^\p{Ll}/u.test(word) && /ed$/u.test(lower) && words.length > 0)) break;
    if (
      /^\p{N}/u.test(word) ||
      (/^\p{Ll}/u.test(word) &&
        [...lexiconTags(lower)].some((tag) => tag === 'Preposition' || tag === 'Cardinal' || (tag === 'Plural' && !isRoleWord(lower))))
    )
      break;
    words.unshift(word);
    rest = rest.slice(0, m.index);
    if (!/\s$/u.test(rest) || /[,;:"“”(]\s*$/u.test(rest)) break;
  }
  return words.length > 0 ? words.join(' ') : null;
}

/**
 * An appositive ending right before a name: `…, said a spokesman for the X squad, Brian
 * Mitchelhill` → "a spokesman for the X squad". Null when there is none.
 */
export function findAppositiveBefore(text: string, nameStart: number): string | null {
  const before = text.slice(Math.max(0, nameStart - 240), nameStart);
  const comma = /,\s*(?:\d{1,3}[- ]year[- ]old\s+)?$/u.exec(before); // "their father, 53-year old Domingo Soyos"
  if (!comma) return null;
  const segmentEnd = comma.index;
  let segmentStart = 0;
  for (const m of before.slice(0, segmentEnd).matchAll(CLAUSE_START)) segmentStart = m.index + m[0].length;
  const segment = before.slice(segmentStart, segmentEnd);
  DETERMINERS.lastIndex = 0;
  const det = DETERMINERS.exec(segment);
  if (!det) return null;
  const phrase = segment.slice(det.index).trim();
  if (phrase.split(/\s+/).length > 12 || !(hasRoleNoun(phrase) || phrase.split(/\s+/).some((w) => isRoleWord(w)))) return null;
  return phrase;
}

/** An appositive right after a name: "Eric Haddox, a civil engineer who…" → "a civil engineer". */
export function findAppositiveAfter(text: string, nameEnd: number): string | null {
  const raw = text.slice(nameEnd, nameEnd + 240);
  // "Katherine (née Buckley), a dancer": a short bracket between the name and its appositive.
  const after = raw.replace(/^\s*\([^()]{0,60}\)(?=,)/u, '');
  const m = APPOSITIVE_AFTER.exec(after);
  if (m) {
    const phrase = m[1]!.trim();
    if (
      hasRoleNoun(phrase) ||
      headIsAgentNoun(phrase) ||
      phrase
        .split(/\s+/)
        .slice(0, 8)
        .some((w) => isRoleWord(w))
    )
      return phrase;
  }
  const bare = BARE_APPOSITIVE_AFTER.exec(after);
  if (bare && /^[\p{Ll}\p{Lu}]/u.test(bare[1]!)) {
    const phrase = bare[1]!.trim();
    if (roleHeadOf(phrase)) return phrase;
  }
  const copula = COPULA_ROLE_AFTER.exec(raw);
  if (copula) {
    const phrase = copula[1]!.trim();
    if (hasRoleNoun(phrase) || headIsAgentNoun(phrase) || phrase.split(/\s+/).some((w) => isRoleWord(w))) return phrase;
  }
  return null;
}

/**
 * Whether a phrase without an article is headed by a role noun: its last word before
 * "of/at/for/in", or its last word ("ACU associate professor of history", "president of the
 * International Brotherhood of Magicians", "chief economist at Barclays").
 */
function roleHeadOf(phrase: string): boolean {
  const head = phrase.split(/\s+(?:of|at|for|in|to|with)\s+/u)[0]!.split(/\s+/);
  return isRoleWord(head.at(-1)!);
}

/** Agent-noun endings of occupations not in ROLE_NOUNS ("seismologist", "historian", "researcher", "curator", "consultant"). */
const AGENT_NOUN = /^\p{Ll}{3,}(?:ist|ian|er|or|ant|eur)s?$/u;
/** Words with those endings that name no one. */
const NOT_AGENTS = wordList('roles', 'notAgents');

/**
 * An occupation's noun the role list lacks: "-ian"/"-eur" ("mathematician", "restaurateur"), or
 * an agent-noun ending that compromise's tagger takes for a role ("philologist", "columnist";
 * not "remainder", "corner"). Names and nationalities are not ("Alexander", "Ukrainian").
 */
function isAgentNoun(word: string): boolean {
  if (
    !AGENT_NOUN.test(word) ||
    NOT_AGENTS.has(word.replace(/s$/u, '')) ||
    isKnownFirstName(word) ||
    isKnownLastName(word) ||
    isDemonym(word)
  )
    return false;
  if (isActorNoun(word)) return true;
  if (isCommonWord(word)) return false;
  return /(?:ian|eur)s?$/u.test(word) || isGuessedActor(word.replace(/s$/u, ''));
}

/**
 * Whether the head of an appositive (its first content words, before "at/of/for/in/with/from")
 * is an agent noun: "a seismologist at the University of Tokyo" → "seismologist".
 */
function headIsAgentNoun(phrase: string): boolean {
  const head = phrase.split(/\s+(?:at|of|for|in|with|from|on|who|whose|based)\s+/iu)[0]!;
  const words = head.split(/\s+/).slice(1, 5);
  const last = words[words.length - 1]?.toLowerCase();
  return last !== undefined && isAgentNoun(last);
}
