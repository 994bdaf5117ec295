/**
 * Who could have said a quotation: the candidate speakers around it, each described by features
 * a learned ranker scores (rank-speakers.ts). Candidates are the people and organisations named
 * (or pointed at with a resolved pronoun) from two paragraphs before the quote to the paragraph
 * after it, the speaker the rules found (quotes.ts, a sieve of high-precision patterns), the
 * previous quotation's speaker, and "nobody". Features say where each mention stands (same
 * sentence before or after the marks, earlier in the paragraph, the paragraphs around), how far
 * away, which cue sits next to it (a reporting verb from SPEECH_VERBS after or before it, a colon,
 * a preposition or possessive that makes it an object, the start of its sentence), how the rules
 * found it, and what kind of candidate it is.
 */
import type { Entity, Sentence } from '../model/analysis.ts';
import { SPEECH_VERBS, isLikelyVerb } from './name-cues.ts';
import type { QuoteSpan } from './quote-spans.ts';

/** A place where an entity is named in the text. */
export interface PlacedMention {
  entity: Entity;
  paragraph: number;
  start: number;
  end: number;
  pronoun: boolean;
}

/** One possible speaker of a quotation. */
export interface SpeakerCandidate {
  speakerId: string | null;
  speaker: string | null;
  kind: 'person' | 'organisation' | 'other' | 'nobody';
  /** Feature name → value (1 for a binary feature). */
  features: Map<string, number>;
  /** The mention nearest the quote, for explanations ("¶ 11"). */
  nearest: { paragraph: number; text: string; region: string } | null;
}

/** What the rules (quotes.ts) concluded, passed in as evidence. */
export interface RulePick {
  speakerId: string | null;
  speaker: string | null;
  /** The sieve step and attribution, e.g. "after:said". */
  step: string;
}

/** Everything about one quotation the candidates are gathered from. */
export interface QuoteSetting {
  span: QuoteSpan;
  texts: Map<number, string>;
  sentencesOf: (paragraph: number) => Sentence[];
  mentionsOf: (paragraph: number) => PlacedMention[];
  /** Whether an offset of a paragraph is inside some quotation. */
  insideQuote: (paragraph: number, at: number) => boolean;
  rule: RulePick;
  previous: { speakerId: string | null; speaker: string | null; paragraph: number; endParagraph: number } | null;
  quoteKind: string;
  /** How many times each entity is mentioned in the article; the most mentioned person's count. */
  mentionCount: (entity: Entity) => number;
  topPersonCount: number;
}

/** How many characters around the quote (and into the paragraphs around it) mentions are looked for: bounds the work on run-on text. */
const REACH = 600;
/** How many paragraphs before the quote's first one its candidates are looked for. */
const PARAGRAPHS_BEFORE = 2;
const SKIPPABLE = /^(?:also|has|have|had|then|later|again|once|further|would|will|previously|earlier|recently|simply|flatly)$/u;
const PREPOSITION =
  /\b(?:of|by|with|for|to|from|about|against|between|at|in|on|into|over|under|than|and|or|like|toward|towards)\s+(?:(?:the|an?)\s+)?$/iu;
const ACCORDING = /\b(?:according to|in the words of)\s+(?:[^.;:"“”]{0,60},\s+)?(?:(?:the|an?)\s+)?$/iu;
/** The agent of a passive verb: "described by X", "quoted by X". */
const BY_AGENT = /\b\p{L}+ed\s+by\s+(?:(?:the|an?)\s+)?$/iu;
/** The subject of a reported clause: "mentioned that X …", "said X" is not it. */
const THAT_BEFORE = /\bthat\s+$/iu;
const WORD_AFTER = /^(?:\s*,?\s*)(\p{L}+)/u;
const CONJUNCTION_ONLY = /^[\s"“”'‘’(—–-]*(?:(?:and|but|so|then|yet|still|meanwhile|however|now)[\s,]+)?(?:(?:the|an?)\s+)?$/iu;

/** The candidates for one quotation, "nobody" first. */
export function gatherCandidates(q: QuoteSetting): SpeakerCandidate[] {
  const { span } = q;
  const byKey = new Map<string, SpeakerCandidate>();
  const nobody: SpeakerCandidate = { speakerId: null, speaker: null, kind: 'nobody', features: new Map(), nearest: null };
  set(nobody, 'nobody');
  set(nobody, `nobody&quote:${q.quoteKind}`);
  if (q.rule.speaker === null) set(nobody, `nobody&rule:${q.rule.step}`);
  const openSentence = sentenceHolding(q.sentencesOf(span.paragraph), span.open);
  const closeSentence = sentenceHolding(q.sentencesOf(span.endParagraph), Math.max(0, span.close - 1));
  const firstCharacter = (q.texts.get(span.paragraph) ?? '').search(/\S/u);
  const opensParagraph = firstCharacter < 0 || firstCharacter >= span.open;
  if (opensParagraph) set(nobody, 'nobody&opensParagraph');
  if (!hasSpeechCue(q, openSentence, closeSentence)) set(nobody, `nobody&noSpeechCue&quote:${q.quoteKind}`);
  const pronounCue = pronounSpeaker(q, openSentence, closeSentence);
  const pronoun = pronounCue?.pronoun ?? null;
  if (pronoun !== null) set(nobody, 'nobody&pronounSpeaker');
  if (pronounCue !== null && CONTINUING_VERBS.test(pronounCue.verb)) set(nobody, 'nobody&pronounContinues');
  const beforeDistance = new Map<SpeakerCandidate, number>();
  const subjectDistance = new Map<SpeakerCandidate, number>();
  const placedOf = new Map<SpeakerCandidate, PlacedFeatures[]>();
  let nearestBefore: { c: SpeakerCandidate; d: number } | null = null;
  let nearestAfter: { c: SpeakerCandidate; d: number } | null = null;
  for (let p = span.paragraph - PARAGRAPHS_BEFORE; p <= span.endParagraph + 1; p++) {
    const text = q.texts.get(p);
    if (text === undefined) continue;
    // Only mentions within REACH characters of the quote (or of the end or start of a paragraph before or after it).
    const from = p < span.paragraph ? text.length - REACH : p === span.paragraph ? span.open - REACH : 0;
    const to = p > span.endParagraph ? REACH : p === span.endParagraph ? span.close + REACH : text.length;
    const mentions = q.mentionsOf(p);
    for (let k = firstStartingFrom(mentions, from); k < mentions.length && mentions[k]!.start < to; k++) {
      const m = mentions[k]!;
      if (p >= span.paragraph && p <= span.endParagraph && isInSpan(span, p, m.start)) continue; // inside this quote: never its speaker
      const placed = place(m, span, openSentence, closeSentence, text);
      if (placed === null) continue;
      if (q.insideQuote(p, m.start)) continue;
      const c = candidateFor(byKey, m.entity);
      let cues = CUES.get(m);
      if (cues === undefined) CUES.set(m, (cues = cuesOf(m, text, q.sentencesOf(p))));
      const prefix = m.pronoun ? 'pron:' : '';
      const described = [`${prefix}${placed.region}`, `${prefix}${placed.region}&d${distanceBucket(placed.distance)}`];
      for (const cue of cues) described.push(`${prefix}${placed.region}&${cue}`);
      let list = placedOf.get(c);
      if (!list) placedOf.set(c, (list = []));
      list.push({
        features: described,
        before: placed.before,
        distance: placed.distance,
        own: placed.region === 'B0' || placed.region === 'A0',
      });
      if (placed.before && (nearestBefore === null || placed.distance < nearestBefore.d)) nearestBefore = { c, d: placed.distance };
      if (placed.before && placed.distance < (beforeDistance.get(c) ?? Infinity)) beforeDistance.set(c, placed.distance);
      if (placed.before && cues.some((cue) => SUBJECT_CUES.has(cue)) && placed.distance < (subjectDistance.get(c) ?? Infinity))
        subjectDistance.set(c, placed.distance);
      if (!placed.before && (nearestAfter === null || placed.distance < nearestAfter.d)) nearestAfter = { c, d: placed.distance };
      const best = c.features.get('closest') ?? Infinity;
      if (placed.distance + (placed.before ? 0 : 0.5) < best) {
        c.features.set('closest', placed.distance);
        c.nearest = { paragraph: p, text: (text.slice(m.start, m.end) || m.entity.name).trim(), region: placed.region };
      }
    }
  }
  // What a candidate's mentions say: every mention in the quote's own sentence (where the attribution is), and
  // elsewhere only its nearest mention before and its nearest after, so a person named often around the quote
  // does not add up evidence a single well-placed mention cannot outweigh.
  for (const [c, list] of placedOf) {
    const nearest = (before: boolean): PlacedFeatures | undefined =>
      list.filter((x) => !x.own && x.before === before).sort((a, b) => a.distance - b.distance)[0];
    for (const x of [...list.filter((y) => y.own), nearest(true), nearest(false)]) if (x) for (const f of x.features) set(c, f);
  }
  if (nearestBefore) set(nearestBefore.c, 'nearestBefore');
  // Salience for a pronoun speaker ("he said"): the nearest people and subjects before the quote, of the pronoun's gender.
  const lead = pronoun === null ? '' : pronoun === 'they' || pronoun === 'it' ? 'pqPlural:' : 'pq:';
  rankBy(beforeDistance, `${lead}recent`);
  rankBy(subjectDistance, `${lead}recentSubject`);
  if (pronoun === 'he' || pronoun === 'she') {
    const sameGender = new Map([...beforeDistance].filter(([c]) => genderOf(entityOf.get(c)) === pronoun));
    rankBy(sameGender, 'pq:recentSameGender');
    for (const c of beforeDistance.keys()) {
      const gender = genderOf(entityOf.get(c));
      if (gender !== null) set(c, gender === pronoun ? 'pq:sameGender' : 'pq:otherGender');
      if (c.kind === 'organisation') set(c, 'pq:organisation');
    }
  }
  if (nearestAfter) set(nearestAfter.c, 'nearestAfter');
  // The subject of the sentence before the quote's own (in the paragraph before when the quote's sentence opens its
  // paragraph): who a pronoun most likely continues (centering: the previous utterance's subject), quoted or not.
  const previousSubject = subjectBefore(q, openSentence, pronoun === 'he' || pronoun === 'she');
  const previousSubjectCandidate = previousSubject ? candidateFor(byKey, previousSubject.entity) : null;
  if (previousSubject) {
    const c = previousSubjectCandidate!;
    set(c, `${lead}prevSubject`);
    if (previousSubject.paragraph < span.paragraph) set(c, `${lead}prevSubject&previousParagraph`);
    if (previousSubject.reports) set(c, `${lead}prevSubject&reports`);
  }
  // The rules' pick and the previous speaker may be descriptions ("a senior official") or names outside the window.
  if (q.rule.speaker !== null) {
    const c = candidateByPick(byKey, q.rule.speakerId, q.rule.speaker);
    set(c, 'rule');
    set(c, `rule:${q.rule.step}`);
  }
  if (q.previous && q.previous.speaker !== null) {
    const c = candidateByPick(byKey, q.previous.speakerId, q.previous.speaker);
    set(c, 'previous');
    const gap = span.paragraph - q.previous.endParagraph;
    set(c, gap === 0 ? 'previous&sameParagraph' : gap === 1 ? 'previous&nextParagraph' : 'previous&later');
    if (opensParagraph && gap === 1) set(c, 'previous&nextParagraph&opens');
    if (opensParagraph && gap === 1 && q.quoteKind === 'full') set(c, 'previous&nextParagraph&opens&full');
    // "…," he added: a verb that goes on from what was said before points at the previous speaker.
    if (pronounCue !== null && CONTINUING_VERBS.test(pronounCue.verb)) set(c, 'previous&pronounContinues');
    if (pronounCue !== null && previousSubjectCandidate === c) set(c, 'previous&prevSubject');
  }
  const candidates = [nobody, ...byKey.values()];
  for (const c of candidates) {
    c.features.delete('closest');
    if (c.kind === 'nobody') continue;
    set(c, `kind:${c.kind}`);
    const name = c.speaker ?? '';
    const words = name.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 1) set(c, 'oneWord');
    // A lone title word taken for a name ("Rep", "Mr", "Sen."): short, or an abbreviation.
    if (words.length === 1 && (/\.$/u.test(name) || name.replace(/\W/gu, '').length <= 3)) set(c, 'loneShortWord');
    if (c.speakerId === null && /^\p{Ll}/u.test(name)) set(c, 'lowercaseDescription');
  }
  for (const c of byKey.values()) {
    const entity = entityOf.get(c);
    if (!entity) continue;
    const n = q.mentionCount(entity);
    set(c, n >= 4 ? 'mentions:4+' : n >= 2 ? 'mentions:2-3' : 'mentions:1');
    if (entity.kind === 'person' && n === q.topPersonCount) set(c, 'mostMentionedPerson');
  }
  return candidates;
}

/** The features one mention gives its candidate, and where it stands. */
interface PlacedFeatures {
  features: string[];
  before: boolean;
  distance: number;
  /** In the quote's own sentence (B0, A0). */
  own: boolean;
}

const entityOf = new WeakMap<SpeakerCandidate, Entity>();
/** A mention's cues depend on its own text only: found once, whichever quotes it is near. */
const CUES = new WeakMap<PlacedMention, string[]>();
const GENDER = new WeakMap<Entity, 'he' | 'she' | null>();
/** Cues that make a mention the subject of its clause. */
const SUBJECT_CUES: ReadonlySet<string> = new Set(['sentenceStart', 'verbAfter', 'appositiveVerbAfter', 'colon']);
/** Cues that make a mention something other than its clause's subject. */
const NOT_SUBJECT_CUES: ReadonlySet<string> = new Set(['possessive', 'preposition', 'byAgent', 'afterThat']);
/** Reporting verbs that go on from what was said before ("he added", "she continued"). */
const CONTINUING_VERBS = /^(?:add|adds|added|adding|continue|continues|continued|continuing)$/u;
const PRONOUN_BEFORE_VERB = /\b(he|she|they|it)\s+(?:(?:also|then|later|has|had|have|would|will|again)\s+)*(\p{L}+)/giu;
const VERB_BEFORE_PRONOUN = /\b(\p{L}+)\s+(he|she|they|it)\b/giu;

/** Ranks 1 and 2 of the candidates closest by the given distances get `${name}1` and `${name}2`. */
function rankBy(distances: Map<SpeakerCandidate, number>, name: string): void {
  [...distances]
    .sort((a, b) => a[1] - b[1])
    .slice(0, 2)
    .forEach(([c], k) => set(c, `${name}${k + 1}`));
}

/** "he" or "she" when most of an entity's resolved pronouns are that one; null when none are. */
function genderOf(entity: Entity | undefined): 'he' | 'she' | null {
  if (!entity) return null;
  const known = GENDER.get(entity);
  if (known !== undefined) return known;
  let he = 0;
  let she = 0;
  for (const m of entity.mentions) {
    const w = m.text.toLowerCase();
    if (w === 'he' || w === 'him' || w === 'his' || w === 'himself') he++;
    else if (w === 'she' || w === 'her' || w === 'hers' || w === 'herself') she++;
  }
  const gender = he === she ? null : he > she ? 'he' : 'she';
  GENDER.set(entity, gender);
  return gender;
}

/** Whether the quote's own sentence, outside its marks, has a reporting verb or a colon before the quote. */
/** The quote's sentence before its opening mark (at most REACH characters: a run-on "sentence" of thousands of quotes stays linear). */
function sentenceBefore(q: QuoteSetting, openSentence: Sentence | null): string {
  const { span } = q;
  return (q.texts.get(span.paragraph) ?? '').slice(Math.max(openSentence?.start ?? 0, span.open - REACH), span.open);
}

/** The quote's sentence after its closing mark (at most REACH characters: a run-on "sentence" of thousands of quotes stays linear). */
function sentenceAfter(q: QuoteSetting, closeSentence: Sentence | null): string {
  const { span } = q;
  const end = closeSentence ? Math.max(closeSentence.end, span.close) : Infinity;
  return (q.texts.get(span.endParagraph) ?? '').slice(span.close, Math.min(end, span.close + REACH));
}

function hasSpeechCue(q: QuoteSetting, openSentence: Sentence | null, closeSentence: Sentence | null): boolean {
  const after = sentenceAfter(q, closeSentence);
  const before = sentenceBefore(q, openSentence);
  if (/[:—–]\s*$/u.test(before)) return true;
  const outside = `${before} ${after}`.replace(/["“][^"”]*["”]/gu, ' ');
  for (const m of outside.matchAll(/\p{L}+/gu)) if (SPEECH_VERBS.has(m[0].toLowerCase())) return true;
  return /\b(?:according to|in the words of)\b/iu.test(outside);
}

/** The pronoun that is the speaker in the quote's own sentence ("he said", "said she", "She told …") and its verb, if any. */
function pronounSpeaker(
  q: QuoteSetting,
  openSentence: Sentence | null,
  closeSentence: Sentence | null,
): { pronoun: string; verb: string } | null {
  const after = sentenceAfter(q, closeSentence);
  const before = sentenceBefore(q, openSentence).replace(/["“][^"”]*["”]/gu, ' ');
  for (const text of [after.replace(/["“][^]*$/u, ''), before]) {
    for (const m of text.matchAll(PRONOUN_BEFORE_VERB))
      if (SPEECH_VERBS.has(m[2]!.toLowerCase())) return { pronoun: m[1]!.toLowerCase(), verb: m[2]!.toLowerCase() };
    for (const m of text.matchAll(VERB_BEFORE_PRONOUN))
      if (SPEECH_VERBS.has(m[1]!.toLowerCase())) return { pronoun: m[2]!.toLowerCase(), verb: m[1]!.toLowerCase() };
  }
  return null;
}

/**
 * The subject of the sentence before the quote's: its first mention outside quotation marks that
 * is not a possessive or the object of a preposition (a person's, when a he/she is to be resolved).
 */
function subjectBefore(q: QuoteSetting, openSentence: Sentence | null, personOnly: boolean): (PlacedMention & { reports: boolean }) | null {
  const { span } = q;
  const own = q.sentencesOf(span.paragraph);
  const at = openSentence ? own.indexOf(openSentence) : -1;
  let sentence: Sentence | undefined;
  let paragraph = span.paragraph;
  if (at > 0) sentence = own[at - 1];
  else {
    paragraph = span.paragraph - 1;
    sentence = q.sentencesOf(paragraph).at(-1);
  }
  const text = q.texts.get(paragraph);
  if (!sentence || text === undefined) return null;
  const mentions = q.mentionsOf(paragraph);
  for (let k = firstStartingFrom(mentions, sentence.start); k < mentions.length && mentions[k]!.start < sentence.end; k++) {
    const m = mentions[k]!;
    if (q.insideQuote(paragraph, m.start) || (personOnly && m.entity.kind !== 'person')) continue;
    let cues = CUES.get(m);
    if (cues === undefined) CUES.set(m, (cues = cuesOf(m, text, q.sentencesOf(paragraph))));
    if (cues.some((cue) => NOT_SUBJECT_CUES.has(cue))) continue;
    // Whether that sentence reports speech (outside its quotation marks): "X noted …", "X called it a "…"".
    const plain = text.slice(sentence.start, sentence.end).replace(/["“][^"”]*["”]/gu, ' ');
    const reports = [...plain.matchAll(/\p{L}+/gu)].some((w) => SPEECH_VERBS.has(w[0].toLowerCase()));
    return { ...m, reports };
  }
  return null;
}

function set(c: SpeakerCandidate, feature: string, value = 1): void {
  c.features.set(feature, value);
}

function candidateFor(byKey: Map<string, SpeakerCandidate>, entity: Entity): SpeakerCandidate {
  const key = `id:${entity.id}`;
  let c = byKey.get(key);
  if (!c) {
    c = { speakerId: entity.id, speaker: entity.name, kind: entity.kind, features: new Map(), nearest: null };
    entityOf.set(c, entity);
    byKey.set(key, c);
  }
  return c;
}

function candidateByPick(byKey: Map<string, SpeakerCandidate>, speakerId: string | null, speaker: string): SpeakerCandidate {
  const key = speakerId !== null ? `id:${speakerId}` : `text:${speaker.toLowerCase()}`;
  let c = byKey.get(key);
  if (!c) {
    c = { speakerId, speaker, kind: speakerId !== null ? 'person' : 'other', features: new Map(), nearest: null };
    byKey.set(key, c);
  }
  return c;
}

function isInSpan(span: QuoteSpan, paragraph: number, at: number): boolean {
  if (span.paragraph === span.endParagraph) return at > span.open && at < span.close;
  if (paragraph === span.paragraph) return at > span.open;
  if (paragraph === span.endParagraph) return at < span.close;
  return true;
}

/**
 * Where a mention stands relative to the quote: B0 (its sentence, before the marks), A0 (its
 * sentence, after them), B1 (the sentence before), Bp (earlier in the paragraph), A1 (later in
 * the closing paragraph), P1/P2 (one or two paragraphs before), N1 (the paragraph after).
 */
function place(
  m: PlacedMention,
  span: QuoteSpan,
  openSentence: Sentence | null,
  closeSentence: Sentence | null,
  text: string,
): { region: string; distance: number; before: boolean } | null {
  if (m.paragraph === span.paragraph && m.start < span.open) {
    const distance = span.open - m.end;
    if (openSentence && m.start >= openSentence.start) return { region: 'B0', distance, before: true };
    if (
      openSentence &&
      m.start >= openSentence.start - 400 &&
      !/[.!?]["”’]?\s+\S[^]*[.!?]["”’]?\s/u.test(text.slice(m.end, openSentence.start))
    )
      return { region: 'B1', distance, before: true };
    return { region: 'Bp', distance, before: true };
  }
  if (m.paragraph === span.endParagraph && m.start >= span.close) {
    const distance = m.start - span.close;
    if (closeSentence && m.start < Math.max(closeSentence.end, span.close + 1)) return { region: 'A0', distance, before: false };
    return { region: 'A1', distance, before: false };
  }
  if (m.paragraph < span.paragraph) {
    const gap = span.paragraph - m.paragraph;
    return { region: `P${gap}`, distance: 300 * gap + (text.length - m.end), before: true };
  }
  if (m.paragraph > span.endParagraph) return { region: 'N1', distance: 300 + m.start, before: false };
  return null;
}

function distanceBucket(d: number): string {
  return d < 20 ? '<20' : d < 60 ? '<60' : d < 150 ? '<150' : '>=150';
}

/** The cues next to a mention in its own text. */
function cuesOf(m: PlacedMention, text: string, sentences: Sentence[]): string[] {
  const cues: string[] = [];
  const after = text.slice(m.end, m.end + 120);
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  // "Smith's", "Galois' cousin" (a name ending in s takes the bare apostrophe).
  const possessive = /^['’]s\b/u.test(after) || (/s$/u.test(text.slice(m.start, m.end)) && /^['’](?!\p{L})/u.test(after));
  if (possessive) cues.push('possessive');
  if (/^\s*:/u.test(after)) cues.push('colon');
  // The next word, past auxiliaries ("has also said"), or past an appositive ("X, the mayor, said").
  const next = nextWord(after);
  if (next !== null && SPEECH_VERBS.has(next)) cues.push('verbAfter');
  else if (next !== null && isLikelyVerb(next)) cues.push('someVerbAfter');
  const appositive = /^\s*,([^,;:."“”]{1,80}),\s*(\p{L}+)/u.exec(after);
  if (appositive && SPEECH_VERBS.has(appositive[2]!.toLowerCase())) cues.push('appositiveVerbAfter');
  const lastWord = /(\p{L}+)[\s,]*$/u.exec(before)?.[1]?.toLowerCase();
  if (lastWord !== undefined && SPEECH_VERBS.has(lastWord)) cues.push('verbBefore');
  if (THAT_BEFORE.test(before)) cues.push('afterThat');
  if (BY_AGENT.test(before)) cues.push('byAgent');
  else if (ACCORDING.test(before)) cues.push('accordingTo');
  else if (PREPOSITION.test(before)) cues.push('preposition');
  const sentence = sentenceHolding(sentences, m.start);
  if (!possessive && sentence && CONJUNCTION_ONLY.test(text.slice(sentence.start, m.start).replace(/\b\p{Lu}[\p{L}.'’-]*\s+/gu, '')))
    cues.push('sentenceStart');
  if (/["“”]/u.test(after.slice(0, 3))) cues.push('quoteNext');
  return cues;
}

function nextWord(after: string): string | null {
  let rest = after;
  for (let k = 0; k < 3; k++) {
    const m = WORD_AFTER.exec(rest);
    if (!m) return null;
    const word = m[1]!.toLowerCase();
    if (!SKIPPABLE.test(word)) return word;
    rest = rest.slice(m[0].length);
  }
  return null;
}

/** Index of the first mention starting at or after `at` (mentions are sorted by start). */
function firstStartingFrom(mentions: PlacedMention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding an offset (else the last one before it). */
function sentenceHolding(sentences: Sentence[], at: number): Sentence | null {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= at) lo = mid + 1;
    else hi = mid;
  }
  return sentences[lo - 1] ?? null;
}
