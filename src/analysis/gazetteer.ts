/**
 * Places and nationalities. compromise's lexicon (lexicon.ts) knows most countries, cities,
 * regions and demonyms; the short lists here only add what it lacks, and the geographic head
 * words ("Sea", "City", "region") that mark a capitalised phrase as a place. Places are never
 * people or organisations. Everything is lower case for lookups.
 */
import { isKnownDemonym, isKnownPlace } from './lexicon.ts';
import { toWordSet } from './word-set.ts';

/** Countries, regions and cities common in news that the lexicon lacks. */
const PLACES = `bosnia burkina chad congo czech eswatini laos holland philippines britain oceania eurasia tibet
kashmir donbas donbass catalonia kurdistan houston sydney sofia odesa dnipro donetsk luhansk mariupol
sevastopol grodno brest gomel vitebsk mogilev astana bishkek addis santiago minneapolis preston kendal`;

const MULTIWORD_PLACES = [
  'northern ireland',
  'north macedonia',
  'mexico city',
  'guatemala city',
  'las vegas',
  'st petersburg',
  'middle east',
  'latin america',
  'north america',
  'south america',
  'west bank',
  'gaza strip',
  'european continent',
  'soviet union',
  'south china',
  'east china',
  'far east',
];

/** Nationalities the lexicon lacks, and the broad adjectives news uses like them ("Western"). */
const DEMONYMS = `argentinian azerbaijani belarusan byelorussian british briton burmese cypriot danish english eritrean
finnish irish kazakhstani kosovar kyrgyz maltese moldovan montenegrin nepalese persian polish slovenian somali
spanish swedish tajik turkish uruguayan uzbek yemeni soviet western eastern northern southern arab latin nordic
baltic balkan caucasian chechen crimean kurdish tibetan uyghur catalan basque flemish`;

/** Head words that make a capitalised phrase a place ("South China Sea", "Guatemala City"). */
const GEO_HEADS = `sea ocean gulf bay strait channel river lake mountain mountains mount hill hills valley island
islands isle peninsula coast desert plain plains forest canyon karst city town village county province
region district oblast square street road avenue station airport port harbour harbor bridge park
central north south east west`;

const PLACE_SET = toWordSet(PLACES);
const DEMONYM_SET = toWordSet(DEMONYMS);
const GEO_HEAD_SET = toWordSet(GEO_HEADS);
const MULTIWORD_SET: ReadonlySet<string> = new Set(MULTIWORD_PLACES);
/** Country abbreviations that are places, not organisations. */
const PLACE_ACRONYMS: ReadonlySet<string> = new Set(['us', 'usa', 'uk', 'uae', 'drc', 'prc', 'dprk', 'ussr', 'gb']);

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
