/**
 * The word lists of the analysis, read from the data files in word-lists/: each file says what
 * its lists are and each list where its entries come from (compromise's lexicon covers most
 * words; these add what it lacks). Lists are lower case; lookups are set reads.
 */
import commonWords from './word-lists/common-words.json' with { type: 'json' };
import names from './word-lists/names.json' with { type: 'json' };
import organisations from './word-lists/organisations.json' with { type: 'json' };
import places from './word-lists/places.json' with { type: 'json' };
import reportingVerbs from './word-lists/reporting-verbs.json' with { type: 'json' };
import roles from './word-lists/roles.json' with { type: 'json' };
import titles from './word-lists/titles.json' with { type: 'json' };

/** One data file: what it holds, and its lists, each with where its entries come from. */
interface WordListFile<K extends string> {
  about: string;
  lists: Record<K, { source: string; words: string[] }>;
}

const FILES = { commonWords, names, organisations, places, reportingVerbs, roles, titles };
type Files = typeof FILES;

/** The union of some lists of one file, as a set: `wordList('titles', 'honorifics', 'ranks')`. */
export function wordList<F extends keyof Files>(file: F, ...lists: Array<keyof Files[F]['lists']>): ReadonlySet<string> {
  const data = FILES[file] as WordListFile<string>;
  return new Set(lists.flatMap((name) => data.lists[name as string]!.words));
}
