/**
 * Words no sentence or headline ends with, so a block ending in one was cut mid-sentence
 * ("… the fields near" / "UN observation post 7 …"): articles, determiners, auxiliaries and
 * reporting verbs (our short list), and every English preposition or subordinating conjunction
 * that Eric Brill's Penn Treebank lexicon (the `pos` package) tags IN first and never as a
 * particle ("near", "beside", "alongside", "although"). Particles are left out because they end
 * phrasal verbs ("prices went up", "the lights went out").
 */
import { createRequire } from 'node:module';

/** Function words that are not prepositions, and the prepositions the lexicon also tags as particles. */
const OWN_WORDS =
  'the a an of to in on at by for with from into onto about between against over under after before during ' +
  'through across toward towards and or but nor as than that which whose his her its their our my your this these those ' +
  'is are was were be been being has have had would could should will can may might must not very such including ' +
  'said says told';

/** Penn Treebank tags for a word, most frequent first, as Brill's lexicon lists them ("IN|RP" for an ambiguous one). */
type Lexicon = Record<string, unknown>;

function lexiconPrepositions(): string[] {
  const lexicon = createRequire(import.meta.url)('pos/lexicon.js') as Lexicon;
  const words: string[] = [];
  for (const [word, tags] of Object.entries(lexicon)) {
    if (!Array.isArray(tags) || tags[0] !== 'IN' || !/^[a-z]{2,}$/.test(word)) continue;
    if (tags.some((tag) => typeof tag !== 'string' || tag.split('|').includes('RP'))) continue;
    words.push(word);
  }
  return words;
}

let danglingWords: ReadonlySet<string> | undefined;

/**
 * The words, made at the first call: the lexicon is a 4 MB script that costs about 0.7 s of CPU
 * to load and scan, which a start from a warm cache (nothing parsed) need not pay.
 */
export function getDanglingWords(): ReadonlySet<string> {
  danglingWords ??= new Set([...OWN_WORDS.split(' '), ...lexiconPrepositions()]);
  return danglingWords;
}
