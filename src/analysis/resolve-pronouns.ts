/**
 * Pronouns: he/him/his/she/her resolve to the subject of their sentence or of the sentence
 * before, with gender agreement (titles, first names and role nouns as cues); after a quotation
 * ("…," he added) to the subject before it or the last speaker.
 */
import type { Mention, Sentence } from '../model/analysis.ts';
import type { Draft } from './entity-drafts.ts';
import { FEMALE_CUES, MALE_CUES } from './name-cues.ts';
import { isInsideRanges } from './offset-ranges.ts';
import { isFollowedBySpeechVerb } from './name-context.ts';

const PRONOUN = /\b([Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b/g;
const AFTER_QUOTE_PRONOUN = new RegExp(`["”],?\\s+$`, 'u');

type Gender = 'female' | 'male' | null;

function genderOf(draft: Draft): Gender {
  if ([...draft.cues].some((w) => FEMALE_CUES.has(w))) return 'female';
  if ([...draft.cues].some((w) => MALE_CUES.has(w))) return 'male';
  return null;
}

/** Resolves he/him/his/she/her to the subject of their sentence or of the sentence before. */
export function addPronouns(sentences: Sentence[], texts: Map<number, string>, drafts: Map<string, Draft>): void {
  const people = [...drafts.values()].filter((d) => d.kind === 'person');
  if (people.length === 0) return;
  const gender = new Map(people.map((p) => [p, genderOf(p)]));
  // Mentions by paragraph, sorted by offset (named ones now; pronouns as they are resolved, in reading order).
  const named = new Map<number, Placed[]>();
  const pronounsFound = new Map<number, Placed[]>();
  for (const p of people) {
    for (const m of p.mentions) {
      const list = named.get(m.paragraph);
      if (list) list.push({ draft: p, at: m.at });
      else named.set(m.paragraph, [{ draft: p, at: m.at }]);
    }
  }
  for (const list of named.values()) list.sort((a, b) => a.at - b.at);
  const mentionsAt = (sentence: Sentence): Placed[] =>
    [
      ...sliceByOffset(named.get(sentence.paragraph) ?? [], sentence.start, sentence.end),
      ...sliceByOffset(pronounsFound.get(sentence.paragraph) ?? [], sentence.start, sentence.end),
    ].sort((a, b) => a.at - b.at);
  const quoteSpans = new Map<number, Array<[number, number]>>();
  let previousSubject: Draft | null = null;
  let subjectParagraph = -1;
  let previousParagraph = -1;
  let lastSpeaker: Draft | null = null;
  for (const sentence of sentences) {
    const text = texts.get(sentence.paragraph) ?? '';
    if (sentence.paragraph > previousParagraph + 1) previousSubject = null;
    const here = mentionsAt(sentence);
    const added: Array<Mention & { at: number; draft: Draft }> = [];
    for (const m of sentence.text.matchAll(PRONOUN)) {
      const at = sentence.start + m.index;
      let spans = quoteSpans.get(sentence.paragraph);
      if (!spans) quoteSpans.set(sentence.paragraph, (spans = findQuotedRanges(text)));
      if (isInsideRanges(spans, at, 'inclusive')) continue;
      const word = m[1]!.toLowerCase();
      const wanted: Gender = /^(?:she|her|hers|herself)$/.test(word) ? 'female' : 'male';
      const fits = (d: Draft | null): d is Draft => d !== null && (gender.get(d) ?? null) !== (wanted === 'male' ? 'female' : 'male');
      const before = here.filter((h) => h.at < at && fits(h.draft));
      let target: Draft | null = null;
      if (
        AFTER_QUOTE_PRONOUN.test(text.slice(Math.max(0, at - 12), at)) &&
        isFollowedBySpeechVerb(text.slice(at + m[0].length, at + m[0].length + 80))
      ) {
        // `"…," he added`: the subject of the sentence before in this paragraph, else the last speaker.
        if (subjectParagraph === sentence.paragraph && fits(previousSubject)) target = previousSubject;
        else if (fits(lastSpeaker)) target = lastSpeaker;
        else if (fits(previousSubject)) target = previousSubject;
      } else if (word === 'himself' || word === 'herself' || word === 'his' || word === 'hers') {
        target = before.at(-1)?.draft ?? (fits(previousSubject) ? previousSubject : null);
      } else if (word === 'him' || (word === 'her' && before.length > 0)) {
        const distinct = [...new Set(before.map((b) => b.draft))];
        target = distinct.length >= 2 ? distinct[0]! : fits(previousSubject) && previousSubject !== distinct[0] ? previousSubject : null;
      } else {
        target = before[0]?.draft ?? null;
        // "Asked whether she would stand, Ms Ardern replied": a pronoun in an opening clause points ahead.
        const firstComma = sentence.text.indexOf(',');
        // A name inside quotation marks is what the speaker talks about, never whom the pronoun means.
        if (!target && firstComma > at - sentence.start)
          target = here.find((h) => h.at > at && fits(h.draft) && !isInsideRanges(spans, h.at, 'inclusive'))?.draft ?? null;
        if (!target && fits(previousSubject)) target = previousSubject;
      }
      if (target) added.push({ paragraph: sentence.paragraph, text: m[0], at, draft: target });
    }
    for (const a of added) {
      a.draft.mentions.push({ paragraph: a.paragraph, text: a.text, at: a.at });
      const list = pronounsFound.get(a.paragraph);
      if (list) list.push({ draft: a.draft, at: a.at });
      else pronounsFound.set(a.paragraph, [{ draft: a.draft, at: a.at }]);
    }
    // The subject is the first name or subject pronoun ("he went up … where he met John Edleston": he),
    // outside quotation marks: a name inside a quote is what the speaker talks about ("Emeka was
    // outstanding," she said), not who the next pronoun means.
    let spans = quoteSpans.get(sentence.paragraph);
    if (!spans) quoteSpans.set(sentence.paragraph, (spans = findQuotedRanges(text)));
    const quoted = spans;
    const named = here.find((h) => !isPossessiveAt(text, h.at) && !isInsideRanges(quoted, h.at, 'inclusive'));
    const pronounSubject = added.find((a) => /^(?:he|she)$/iu.test(a.text));
    const subject =
      (pronounSubject && (!named || pronounSubject.at < named.at) ? pronounSubject.draft : named?.draft) ?? added[0]?.draft ?? null;
    if (subject) {
      previousSubject = subject;
      subjectParagraph = sentence.paragraph;
    }
    const speaker = findSpeakerNearQuote(sentence, text, here);
    if (speaker) lastSpeaker = speaker;
    previousParagraph = sentence.paragraph;
  }
}

/** Whether the name starting at `at` is a possessive ("Smith's rival"). */
function isPossessiveAt(text: string, at: number): boolean {
  const m = /^[\p{L}\p{N}.\- ]*?[\p{L}\p{N}]['’]s?(?![\p{L}])/u.exec(text.slice(at, at + 60));
  return m !== null && !/[,;:]/u.test(m[0]) && m[0].split(/\s+/).length <= 4;
}

/** The person named next to a quotation mark and a speech verb in this sentence, if any. */
function findSpeakerNearQuote(sentence: Sentence, text: string, here: Array<{ draft: Draft; at: number }>): Draft | null {
  if (!/["“”]/u.test(sentence.text)) return null;
  for (const h of here) {
    const around = text.slice(Math.max(sentence.start, h.at - 40), Math.min(sentence.end, h.at + 60));
    if (/\b(?:said|says|added|stated|told|explained)\b/iu.test(around)) return h.draft;
  }
  return null;
}

interface Placed {
  draft: Draft;
  at: number;
}

/** The items of a list sorted by offset whose offset lies in [start, end) (binary search). */
function sliceByOffset<T extends { at: number }>(list: T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at < start) lo = mid + 1;
    else hi = mid;
  }
  const found: T[] = [];
  for (let i = lo; i < list.length && list[i]!.at < end; i++) found.push(list[i]!);
  return found;
}

/** The ranges of a paragraph between an opening and a closing double quotation mark, in order. */
function findQuotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') openAt = openAt < 0 ? i : openAt;
    else if (ch === '”' && openAt >= 0) {
      ranges.push([openAt, i]);
      openAt = -1;
    } else if (ch === '"') {
      if (openAt < 0) openAt = i;
      else {
        ranges.push([openAt, i]);
        openAt = -1;
      }
    }
  }
  if (openAt >= 0) ranges.push([openAt, text.length]);
  return ranges;
}
