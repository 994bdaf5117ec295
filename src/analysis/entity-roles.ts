/**
 * Roles as the article states them, read from the words around a person's name: a role noun
 * phrase just before it ("senior party official Li Yuecheng", "Virgin owner Richard Branson"),
 * an appositive before it ("his Belarusian counterpart, Vladimir Makei") or after it ("Eric
 * Haddox, a civil engineer who…").
 */
import { COMMON_CAPITALISED, COMMON_VERBS, ROLE_NOUNS, SPEECH_VERBS } from './name-cues.ts';

const DETERMINERS = /\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)\s|(?<![\p{L}])\p{Lu}[\p{L}.-]*['’]s\s/gu;
/** Words that end a role phrase read backwards from a name. */
const ROLE_STOPS: ReadonlySet<string> = new Set([...COMMON_CAPITALISED, ...SPEECH_VERBS, ...COMMON_VERBS, 'including', 'includes', 'like', 'named', 'called']);
const WORD_BACK = /([\p{L}\p{N}][\p{L}\p{N}'’\-]*)\s+$/u;
const APPOSITIVE_AFTER = /^,\s+(?:\d{1,3},\s+)?((?:a|an|the|his|her|their|its)\s+[^,.;:"“”()]{1,80}?)(?=\s+(?:who|which|that|whose|and|has|had|is|was)\b|\s*[,.;:"“”()]|\s*$)/iu;
const CLAUSE_START = /[,;:"“”(]|\s[-–—]\s/gu;

/** Whether a phrase has a role noun in it ("a civil engineer", "his Belarusian counterpart"). */
export function hasRoleNoun(phrase: string): boolean {
  return phrase.toLowerCase().split(/[\s-]+/).some((w) => ROLE_NOUNS.has(w) || (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))));
}

/**
 * The role phrase written directly before a name, ending in a role noun: "senior party official",
 * "NAO Radio Astronomy Technology Laboratory director", "Virgin owner". Null when there is none.
 */
export function findRoleBefore(text: string, nameStart: number): string | null {
  const before = text.slice(Math.max(0, nameStart - 120), nameStart);
  if (!/\s$/u.test(before) || /[,;:]\s*$/u.test(before)) return null;
  let rest = before;
  const words: string[] = [];
  for (let guard = 0; guard < 7; guard++) {
    const m = WORD_BACK.exec(rest);
    if (!m) break;
    const word = m[1]!;
    const lower = word.toLowerCase();
    if (words.length === 0 && !ROLE_NOUNS.has(lower)) return null;
    if (ROLE_STOPS.has(lower) || (/^\p{Ll}/u.test(word) && /ed$/u.test(lower) && words.length > 0)) break;
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
  if (phrase.split(/\s+/).length > 12 || !hasRoleNoun(phrase)) return null;
  return phrase;
}

/** An appositive right after a name: "Eric Haddox, a civil engineer who…" → "a civil engineer". */
export function findAppositiveAfter(text: string, nameEnd: number): string | null {
  const m = APPOSITIVE_AFTER.exec(text.slice(nameEnd, nameEnd + 160));
  if (!m) return null;
  const phrase = m[1]!.trim();
  return hasRoleNoun(phrase) || headIsAgentNoun(phrase) ? phrase : null;
}

/** Agent-noun endings of occupations not in ROLE_NOUNS ("seismologist", "historian", "researcher", "curator", "consultant"). */
const AGENT_NOUN = /^\p{Ll}{3,}(?:ist|ian|er|or|ant)s?$/u;
/** Words with those endings that name no one. */
const NOT_AGENTS: ReadonlySet<string> = new Set(['other', 'another', 'number', 'order', 'water', 'after', 'never', 'under', 'over', 'power', 'paper', 'matter', 'major', 'minor', 'factor', 'sector', 'corner', 'border', 'center', 'member', 'former', 'latter', 'letter', 'quarter', 'summer', 'winter', 'river', 'error', 'color', 'colour', 'honor', 'honour', 'favor', 'favour', 'interior', 'senior', 'junior', 'elder', 'younger', 'older', 'longer', 'bigger', 'further', 'ever', 'however', 'whatever', 'rather', 'together', 'whether', 'either', 'neither', 'lower', 'upper', 'inner', 'outer', 'proper', 'silver', 'super', 'tower', 'shelter', 'chapter', 'cancer', 'disaster', 'register', 'christian', 'plant', 'giant', 'elephant', 'restaurant', 'instant', 'variant', 'grant', 'list', 'mist', 'fist', 'twist', 'wrist']);

/**
 * Whether the head of an appositive (its first content words, before "at/of/for/in/with/from")
 * is an agent noun: "a seismologist at the University of Tokyo" → "seismologist".
 */
function headIsAgentNoun(phrase: string): boolean {
  const head = phrase.split(/\s+(?:at|of|for|in|with|from|on|who|whose|based)\s+/iu)[0]!;
  const words = head.split(/\s+/).slice(1, 5);
  const last = words[words.length - 1]?.toLowerCase();
  return last !== undefined && AGENT_NOUN.test(last) && !NOT_AGENTS.has(last.replace(/s$/u, ''));
}
