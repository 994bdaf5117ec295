/**
 * Rules between the chunks of one sentence, after each is classified: a first name joined by
 * "and" to a full name shares its surname, a person's name glued after an organisation is cut
 * off, "X of The Daily Courier" gives X a role, a lone name listed with people is a person, a
 * plural role before a list is each one's role; and, over the article, a "person" that is an
 * ordinary word written elsewhere in lower case is demoted.
 */
import type { Article } from '../model/article.ts';
import type { Sentence } from '../model/analysis.ts';
import type { Candidate } from './entity-candidate.ts';
import { isKnownFirstName, isKnownLastName } from './lexicon.ts';
import { FIRST_NAMES, ORG_HEADS, ORG_PLURALS, PARTICLES } from './name-cues.ts';
import type { NameChunk } from './name-chunks.ts';
import { INITIAL, NAME_SUFFIX, isUnknownName } from './name-shapes.ts';

const LIST_GAP = /^(?:,\s+|,?\s+and\s+|\s+or\s+)$/u;
const LIST_INTRO = /^[^.;:]{0,60}?\b(?:such as|including|like)\s/u;

/** "Irma and David Soyos": a lone first name joined by "and" to a full name shares its surname. */
export function shareSurnames(candidates: Candidate[], from: number, text: string): void {
  for (let k = from; k < candidates.length - 1; k++) {
    const c = candidates[k]!;
    const next = candidates[k + 1]!;
    if (next.kind !== 'person' || c.chunk.tokens.length !== 1 || c.kind === 'organisation' || c.place) continue;
    const first = c.chunk.tokens[0]!;
    const nextWords = next.name.split(' ');
    if (!FIRST_NAMES.has(first.toLowerCase()) || nextWords.length < 2 || !FIRST_NAMES.has(nextWords[0]!.toLowerCase())) continue;
    if (text.slice(c.chunk.end, next.start) !== ' and ') continue;
    const name = `${first} ${nextWords.slice(1).join(' ')}`;
    candidates[k] = { ...c, kind: 'person', name, reason: { rule: 'shared-surname', text: `"${first}" and ${next.name} share a surname` } };
  }
}

/**
 * A person's name glued after an organisation: "Harbour Trust Sam Lee" → "Harbour Trust" and
 * "Sam Lee" (a known given name right after an organisation head word starts a new name).
 */
export function splitAtPersonName(chunk: NameChunk, text: string): NameChunk[] {
  const { tokens } = chunk;
  for (let k = 1; k < tokens.length - 1; k++) {
    if (!ORG_HEADS.has(tokens[k - 1]!.toLowerCase()) || !FIRST_NAMES.has(tokens[k]!.toLowerCase())) continue;
    let at = chunk.start;
    for (let j = 0; j < k; j++) at = text.indexOf(tokens[j]!, at) + tokens[j]!.length;
    const secondStart = text.indexOf(tokens[k]!, at);
    const firstEnd = at;
    return [
      { ...chunk, tokens: tokens.slice(0, k), text: text.slice(chunk.start, firstEnd), end: firstEnd },
      { ...chunk, tokens: tokens.slice(k), text: text.slice(secondStart, chunk.end), start: secondStart, initial: false },
    ];
  }
  return [chunk];
}

/**
 * Neighbours in one sentence: "John Smith of The Daily Courier" (the organisation after "of" is
 * the person's role, not a person), and lists ("Mark Twain, Goscinny and Neil Gaiman"): a lone
 * unknown name listed with people is a person.
 */
export function linkNeighbours(candidates: Candidate[], from: number, text: string): void {
  for (let k = from + 1; k < candidates.length; k++) {
    const prev = candidates[k - 1]!;
    const c = candidates[k]!;
    const between = text.slice(prev.chunk.end, c.chunk.start);
    if (prev.kind === 'person' && /^\s+of\s+(?:the\s+)?$/iu.test(between) && !c.place && c.kind !== 'person') {
      candidates[k] = { ...c, kind: 'organisation', reason: { rule: 'person-of', text: `${prev.name} is "of" ${c.name}` } };
      if (prev.role === null) candidates[k - 1] = { ...prev, role: text.slice(prev.chunk.end, c.chunk.end).trim() };
    }
  }
  for (let k = from; k < candidates.length; k++) {
    const c = candidates[k]!;
    if (c.kind === null && !c.place && c.chunk.tokens.length === 1 && isUnknownName(c.name)) {
      const prev = candidates[k - 1];
      const next = candidates[k + 1];
      const listedWith = (other: Candidate | undefined, gap: string): boolean =>
        other !== undefined && other.kind === 'person' && LIST_GAP.test(gap);
      if (
        (k > from && listedWith(prev, text.slice(prev!.chunk.end, c.chunk.start))) ||
        (next && listedWith(next, text.slice(c.chunk.end, next.chunk.start)))
      ) {
        candidates[k] = { ...c, kind: 'person', reason: { rule: 'listed-with-people', text: `"${c.name}" is listed with people` } };
      }
    }
  }
  // "writers Mark Twain, Robert Louis Stevenson and Neil Gaiman": a plural role before a list is each one's role.
  for (let k = from + 1; k < candidates.length; k++) {
    const prev = candidates[k - 1]!;
    const c = candidates[k]!;
    if (c.kind !== 'person' || prev.kind !== 'person' || !LIST_GAP.test(text.slice(prev.chunk.end, c.chunk.start))) continue;
    if (c.role === null && prev.role !== null && /s$/u.test(prev.role)) candidates[k] = { ...c, role: prev.role };
  }
  // "Luo Changpei and Li Fang-Kuei, the other two leading Chinese linguists": and backwards.
  for (let k = candidates.length - 2; k >= from; k--) {
    const c = candidates[k]!;
    const next = candidates[k + 1]!;
    if (
      c.kind !== 'person' ||
      next.kind !== 'person' ||
      c.role !== null ||
      next.role === null ||
      !/s(?:\s+(?:of|at|in|for)\s+[^,]*)?$/u.test(next.role)
    )
      continue;
    if (LIST_GAP.test(text.slice(c.chunk.end, next.chunk.start))) candidates[k] = { ...c, role: next.role };
  }
}

/**
 * A "person" with no title or role whose (last) word the article also writes in lower case
 * ("College", "Flight", "Aperture Spherical Telescope"): ordinary words, not a name. "Jr." is
 * never a person.
 */
export function demoteCommonWords(candidates: Candidate[], article: Article): Candidate[] {
  const lowerWords = new Set<string>();
  for (const p of article.paragraphs) for (const m of p.text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) lowerWords.add(m[0]);
  return candidates.map((c) => {
    if (c.kind !== 'person') return c;
    const bare = c.text === c.name && c.role === null;
    const words = c.name.split(' ');
    if (words.length > 1) {
      // "Aperture Spherical Telescope" (and "the telescope" elsewhere): no given name, no title, an ordinary last word.
      const cued = words.some((w) => INITIAL.test(w) || isKnownFirstName(w) || isKnownLastName(w) || PARTICLES.has(w.toLowerCase()));
      return bare && !cued && lowerWords.has(words.at(-1)!.toLowerCase()) ? { ...c, kind: null } : c;
    }
    if (NAME_SUFFIX.test(c.name) || (bare && lowerWords.has(c.name.toLowerCase()) && !isKnownFirstName(c.name)))
      return { ...c, kind: null };
    return c;
  });
}

/** Offset (in the paragraph) after which capitalised names are organisations: "groups … such as". */
export function findOrgListStart(sentence: Sentence): [number, number] | null {
  for (const word of sentence.text.matchAll(/\p{L}+/gu)) {
    if (!ORG_PLURALS.has(word[0].toLowerCase())) continue;
    const rest = word.index + word[0].length;
    const intro = LIST_INTRO.exec(sentence.text.slice(rest));
    if (!intro) continue;
    const from = rest + intro[0].length;
    const stop = /\b(?:that|which|who|are|were|is|was|have|has)\b|[;:.]/u.exec(sentence.text.slice(from));
    const to = stop ? from + stop.index : sentence.text.length;
    return [sentence.start + from, sentence.start + to];
  }
  return null;
}
