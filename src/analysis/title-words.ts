/**
 * Titles glued before a name: how many of a chunk's first words are its holder's title ("U.S.
 * Secretary of State Antony Blinken", "South Korean President Yoon Suk-yeol", "Det Supt John
 * Smith", "Rep. Jane Roe", "Quarterback Deshawn Pruitt").
 */
import { isRoleWord } from './entity-roles.ts';
import { isDemonym, isPlaceName } from './gazetteer.ts';
import { isCommonWord, isGuessedSingularNoun, isKnownLastName } from './lexicon.ts';
import { ABBREVIATED_TITLES, FIRST_NAMES, HONORIFICS, ROLE_NOUNS, TITLE_WORDS } from './name-cues.ts';
import { wordList } from './word-lists.ts';

const COMPASS = wordList('places', 'compass');
/** A ministry's portfolio after "of (the)": "Secretary of State", "Minister of the Interior". */
const PORTFOLIO =
  /^(?:state|defen[cs]e|the|interior|health|justice|education|energy|commerce|labou?r|agriculture|transport|treasury|finance|foreign|home|homeland)$/u;

/**
 * The number of leading tokens that are a title, 0 when none: titles, nationalities,
 * abbreviations with their period ("Del."), a role noun before a given name. `lower` is the
 * tokens in lower case without a final period. Never the whole chunk: a name must follow.
 */
export function countTitleWords(tokens: string[], lower: string[]): number {
  let t = 0;
  while (t < tokens.length - 1 && isTitleWord(tokens, lower, t)) t++;
  while (t > 0 && (lower[t - 1] === 'of' || lower[t - 1] === 'the')) t--;
  // "Miss Universe Alicia Machado", "Republican Jane Roe": ordinary words between the titles and a given name describe her.
  for (let k = t + 1; k < tokens.length - 1; k++) {
    if (!FIRST_NAMES.has(lower[k]!)) continue;
    const between = lower.slice(t, k);
    // A word compromise's tagger takes for a common noun counts too ("Democrat Jane Roe"): not a surname the lexicon knows.
    if (
      between.every(
        (w) =>
          (isCommonWord(w) || (t === 0 && k === 1 && /^\p{L}{3,}$/u.test(w) && isGuessedSingularNoun(w))) &&
          !FIRST_NAMES.has(w) &&
          !isKnownLastName(w),
      )
    )
      return k;
    break;
  }
  if (t > 0) return t;
  // "White House Press Secretary Josh Earnest", "Chief Executive Jane Roe": a title or role word right before a given name.
  for (let k = 1; k < tokens.length - 1; k++) {
    if ((TITLE_WORDS.has(lower[k - 1]!) || isRoleWord(lower[k - 1]!)) && FIRST_NAMES.has(lower[k]!)) return k;
  }
  return 0;
}

/** Two or more words after position k, none an ordinary word or a title: a name of its own ("Aiko Tanaka", "Dr. Aiko Tanaka"). */
function isNameAfterRole(lower: string[], k: number): boolean {
  const rest = lower.slice(k + 1).filter((w) => !HONORIFICS.has(w));
  return rest.length >= 2 && rest.every((w) => !isCommonWord(w) && !TITLE_WORDS.has(w) && !isRoleWord(w));
}

/** Whether token k can be part of a title before a name: "U.S. Secretary of State", "South Korean President", "Det Supt". */
function isTitleWord(tokens: string[], lower: string[], k: number): boolean {
  const w = lower[k]!;
  if (TITLE_WORDS.has(w) || isDemonym(w) || HONORIFICS.has(w)) return true;
  // "Del. Stacey Plaskett": an abbreviated title with its period.
  if (tokens[k]!.endsWith('.') && ABBREVIATED_TITLES.has(w)) return true;
  // "Quarterback Deshawn Pruitt", "Economist Aiko Tanaka": a role noun before a given name, or before two name words.
  const next = lower[k + 1];
  if (k === 0 && isRoleWord(w) && next !== undefined && (FIRST_NAMES.has(next) || /-/u.test(w) || isNameAfterRole(lower, k))) return true;
  if (COMPASS.has(w) && next !== undefined && isDemonym(next)) return true;
  if (((w === 'of' || w === 'the') && k > 0 && TITLE_WORDS.has(lower[k - 1]!)) || (w === 'the' && lower[k - 1] === 'of')) return true;
  // "U.S. Secretary of State …", "Virginia Governor …"
  if (k === 0 && isPlaceName(w) && next !== undefined && (TITLE_WORDS.has(next) || ROLE_NOUNS.has(next))) return true;
  return k > 0 && (lower[k - 1] === 'of' || lower[k - 1] === 'the') && PORTFOLIO.test(w);
}
