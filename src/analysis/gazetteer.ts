/**
 * Places and nationalities. compromise's lexicon (lexicon.ts) knows most countries, cities,
 * regions and demonyms; the lists in word-lists/places.json only add what it lacks, and the
 * geographic head words ("Sea", "City", "region") that mark a capitalised phrase as a place. Places are never
 * people or organisations. Everything is lower case for lookups.
 */
import { isKnownDemonym, isKnownPlace } from './lexicon.ts';
import { wordList } from './word-lists.ts';

const PLACE_SET = wordList('places', 'places');
const DEMONYM_SET = wordList('places', 'demonyms');
const GEO_HEAD_SET = wordList('places', 'geoHeads');
const MULTIWORD_SET = wordList('places', 'multiwordPlaces');
/** Country abbreviations that are places, not organisations. */
const PLACE_ACRONYMS = wordList('places', 'placeAcronyms');

/** Whether a phrase (any case) names a place known to the gazetteer or headed by a geographic word. */
export function isPlaceName(phrase: string): boolean {
  let lower = phrase
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’']s$/, '');
  if (/^(?:\p{L}\.)+\p{L}\.?$/u.test(lower)) lower = lower.replace(/\./g, ''); // "U.S." → "us"
  if (PLACE_SET.has(lower) || MULTIWORD_SET.has(lower) || PLACE_ACRONYMS.has(lower) || isKnownPlace(lower)) return true;
  const words = lower.split(/\s+/);
  if (words.length > 1 && words.length <= 8) {
    const last = words[words.length - 1]!;
    if (GEO_HEAD_SET.has(last)) return true;
    // "Republic of Belarus", "Kingdom of Spain"
    const ofAt = words.indexOf('of');
    if (ofAt > 0 && isPlaceName(words.slice(ofAt + 1).join(' '))) return true;
    // "Glasgow Central", "Moscow Oblast": a known place followed by a geographic word.
    if (isPlaceName(words.slice(0, -1).join(' ')) && GEO_HEAD_SET.has(last)) return true;
  }
  return false;
}

/** Whether a word is a nationality adjective or demonym ("Russian", "Belarusian", "Western"), any case. */
export function isDemonym(word: string): boolean {
  const lower = word.toLowerCase();
  const known = (w: string): boolean => DEMONYM_SET.has(w) || isKnownDemonym(w);
  return known(lower) || (lower.endsWith('s') && known(lower.slice(0, -1)));
}
