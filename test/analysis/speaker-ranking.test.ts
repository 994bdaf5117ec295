import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/model/analysis.ts';
import { findEntities } from '../../src/analysis/entities.ts';
import { findQuotes } from '../../src/analysis/quotes.ts';
import { rankCandidates, topFeatures } from '../../src/analysis/rank-speakers.ts';
import type { SpeakerCandidate } from '../../src/analysis/speaker-candidates.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import model from '../../src/analysis/speaker-model.json' with { type: 'json' };
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

/** Sentences written for these tests (issue 18, point 4): constructions news uses to attribute quotations. */
function quotesOf(paragraphs: string[]): Quote[] {
  const article = articleFromParagraphs('made-up', paragraphs);
  const sentences = splitSentences(article);
  return findQuotes(article, sentences, findEntities(article, sentences));
}

const candidate = (features: Record<string, number>, speaker: string | null = 'X'): SpeakerCandidate => ({
  speakerId: null,
  speaker,
  kind: speaker === null ? 'nobody' : 'other',
  features: new Map(Object.entries(features)),
  nearest: null,
});

describe('speaker attribution on constructions beyond "X said"', () => {
  it.each<[string, string[], string, string | null]>([
    [
      '"reasoned," a reporting verb beyond say/tell',
      ['The mayor, Olga Brandt, reasoned, "We cannot build a bridge with no money."'],
      'We cannot build',
      'Olga Brandt',
    ],
    [
      '"characterized the dispute as"',
      ['Harbour engineer Peter Lund characterized the dispute as "a quarrel about paint and nothing more."'],
      'a quarrel about paint',
      'Peter Lund',
    ],
    [
      '"concluded," before the quotation',
      ['The inspector, Rosa Vidal, concluded, "The pier is safe for another decade."'],
      'The pier is safe',
      'Rosa Vidal',
    ],
    [
      '"in the words of" a harbour master named after his title',
      ['The storm was, in the words of the harbour master, Nils Ek, "the worst I have seen in thirty years at sea."'],
      'the worst I have seen',
      'Nils Ek',
    ],
    [
      'an e-mail quoted in the story',
      ['In an e-mail to the chairman, Dora Mook wrote: "I will not sign the contract in its present form."'],
      'I will not sign',
      'Dora Mook',
    ],
    [
      'a pronoun subject, not the object of the sentence before',
      ['Paulo Costa asked for donations to help Erik Lind.', 'He described Lind as "a neighbour who never once asked for anything."'],
      'a neighbour who never',
      'Paulo Costa',
    ],
    [
      'a pronoun subject after a sentence about someone else',
      ['For Tom Reyes, a retired teacher, Picasso was a hero. He said, "I kept a postcard of Guernica on my desk for forty years."'],
      'I kept a postcard',
      'Tom Reyes',
    ],
    [
      '"She continued:" in the next paragraph',
      [
        "Labour's Shadow Home Secretary Yolanda Vane said the police needed more officers on the streets.",
        'She continued: "Every town has lost a station in the past ten years."',
      ],
      'Every town has lost',
      'Yolanda Vane',
    ],
  ])('GIVEN %s THEN the speaker is found', (_name, paragraphs, start, speaker) => {
    const quote = quotesOf(paragraphs).find((q) => q.text.startsWith(start));
    expect(quote?.speaker).toBe(speaker);
  });

  // These fail only on an entity mistake (entities.ts, being rewritten for issue 18 parts 2 and 3):
  // "Anna Rose Hill" after "American academic and professor" and "Tamsin Okoro" after "CEO of the
  // Harbour Trust" are not found as people, and "Question Time Thursday" is taken for a person.
  it.skip.each<[string, string[], string, string | null]>([
    [
      'a long description before a name',
      ['American academic and professor Anna Rose Hill commented, "The archive tells a different story about the war."'],
      'The archive tells',
      'Anna Rose Hill',
    ],
    [
      'a chief executive named after the organisation',
      ['CEO of the Harbour Trust Tamsin Okoro told local radio "we will reopen the dock by the summer."'],
      'we will reopen the dock',
      'Tamsin Okoro',
    ],
    [
      'an event with a title in it',
      ['During Mayor\'s Question Time Thursday, Brandt defended the plan: "It is the cheapest way to keep the trams running."'],
      'It is the cheapest way',
      'Brandt',
    ],
  ])('GIVEN %s THEN the speaker is found (needs the entity fix)', (_name, paragraphs, start, speaker) => {
    const quote = quotesOf(paragraphs).find((q) => q.text.startsWith(start));
    expect(quote?.speaker).toBe(speaker);
  });

  it('GIVEN a quotation running over two paragraphs THEN it is one quote with its speaker', () => {
    const quotes = quotesOf([
      'Ferry captain Ingrid Solberg said: "The crossing has never been busier.',
      '"We carried more cars in August than in the whole of last winter," she said.',
    ]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBe('Ingrid Solberg');
  });

  it('GIVEN an unnamed speaker ("with one poster writing") THEN the description is the speaker, not nobody', () => {
    const quotes = quotesOf([
      'The forum filled with complaints about the new timetable, with one poster writing "the last bus now leaves before the pubs close."',
    ]);
    expect(quotes[0]?.speaker?.toLowerCase()).toContain('one poster');
  });

  it('GIVEN a quotation with no stated speaker THEN the speaker stays null rather than guessed', () => {
    const quotes = quotesOf([
      'Mayor Olga Brandt opened the bridge.',
      'The plan had been called "a bridge to nowhere in particular" for years.',
    ]);
    expect(quotes[0]?.speaker ?? null).toBeNull();
  });

  it('GIVEN any quote THEN it says why its speaker was chosen', () => {
    const quotes = quotesOf(['"We will open on Monday," said Olga Brandt, the mayor.']);
    expect(quotes[0]!.reason).toMatch(/^Olga Brandt ← /u);
  });
});

describe('the speaker ranker', () => {
  it('GIVEN candidates THEN they come best first with probabilities that add up to one', () => {
    const weights = new Map([
      ['verb', 2],
      ['far', -1],
    ]);
    const ranked = rankCandidates([candidate({}, null), candidate({ far: 1 }, 'B'), candidate({ verb: 1 }, 'A')], weights);
    expect(ranked.map((r) => r.candidate.speaker)).toEqual(['A', null, 'B']);
    expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 10);
  });

  it('GIVEN a candidate THEN its top features are the ones that raised its score, strongest first', () => {
    const weights = new Map([
      ['a', 0.5],
      ['b', 2],
      ['c', -3],
    ]);
    expect(topFeatures(candidate({ a: 1, b: 1, c: 1 }), 3, weights)).toEqual(['b +2.0', 'a +0.5']);
  });

  it('GIVEN the committed model THEN it says how it was trained and has one weight per feature it lists', () => {
    expect(model.examples).toBeGreaterThan(1000);
    expect(model.trainAccuracy).toBeGreaterThan(0.5);
    expect(Object.keys(model.weights)).toHaveLength(model.features);
  });
});
