/**
 * Role references: "the Russian President", "the minister" point back to the one person whose
 * stated role is that title (and nationality); a title no one holds, with a nationality, is the
 * person the article is writing about when that person is of that nationality.
 */
import type { Sentence } from '../model/analysis.ts';
import type { Draft } from './entity-drafts.ts';
import { isDemonym } from './gazetteer.ts';

/** "The top diplomat" is what English-language news calls a country's foreign minister, whatever the office's name. */
const FOREIGN_MINISTER_TITLES = ['foreign minister', 'secretary of state', 'foreign secretary'];
const ROLE_REFERENCE = new RegExp(
  `\\bthe\\s+(?:(\\p{L}+)\\s+)?((?:(?:foreign|defen[cs]e|prime|interior|finance|deputy|vice|health|economy|justice)\\s+)?(?:president|prime minister|minister|chancellor|secretary|premier|governor|mayor|king|queen|pope|leader|ambassador|spokesman|spokeswoman|top diplomat))\\b`,
  'giu',
);

/** "the Russian President" → the one person whose stated role is that title (and nationality). */
export function addRoleReferences(sentences: Sentence[], drafts: Map<string, Draft>): void {
  const people = [...drafts.values()].filter((d) => d.kind === 'person');
  for (const sentence of sentences) {
    for (const m of sentence.text.matchAll(ROLE_REFERENCE)) {
      if (/^\s+\p{Lu}/u.test(sentence.text.slice(m.index + m[0].length))) continue; // a title before a name, not a reference
      const demonym = m[1] && isDemonym(m[1]) ? m[1].toLowerCase() : null;
      if (m[1] && !demonym && !/^top$/iu.test(m[1])) continue;
      const title = m[2]!.toLowerCase().replace(/\s+/gu, ' ');
      let holders = findTitleHolders(people, title, demonym);
      if (holders.length === 0 && title === 'top diplomat')
        holders = [...new Set(FOREIGN_MINISTER_TITLES.flatMap((t) => findTitleHolders(people, t, demonym)))];
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
