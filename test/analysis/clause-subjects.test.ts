/**
 * The speaker is the subject of the reporting clause, not any name near the verb: the head of a
 * noun phrase whose modifiers are names, the main clause's subject for a participle after a comma,
 * the phrase before what commas set off, and the clause after the quotation's own words. Made-up
 * sentences in the shapes the misses on the PolNeAR training articles had.
 */
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/model/analysis.ts';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { isModifierGap } from '../../src/analysis/noun-phrase-heads.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

const quotesOf = (paragraphs: string[]): Quote[] => analyseArticle(articleFromParagraphs('x', paragraphs)).quotes;
const speakerOf = (quotes: Quote[], start: string): string | null | undefined => quotes.find((q) => q.text.startsWith(start))?.speaker;

describe('a name that only modifies the head of the speaker’s noun phrase', () => {
  it.each([
    [
      'an organisation before a role and a name',
      ['Harbour Watch is suing the port.', '"The port kept the records from us for years," said Harbour Watch director Tamsin Okoro.'],
      'The port kept',
      'Tamsin Okoro',
    ],
    [
      'a politician before a campaign role and a name',
      [
        'Senator Maria Lund toured the harbour on Monday.',
        '"The senator will not debate on those terms," Lund campaign spokesman Pavel Novak said.',
      ],
      'The senator will',
      'Pavel Novak',
    ],
    [
      'a possessive organisation before a name',
      ['"Growth has stalled in every region we measured," the Civic Forum’s Dana Holt said at the meeting.'],
      'Growth has stalled',
      'Dana Holt',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(quotesOf(paragraphs), start)).toBe(speaker);
  });

  it.each([
    [' campaign spokesman ', true],
    ['’s ', true],
    [' senior adviser ', true],
    [' and ', false],
    [' told ', false],
    [', ', false],
    [' ', false],
  ])('GIVEN the words %j between two names THEN the first modifies the second: %s', (gap, modifies) => {
    expect(isModifierGap(gap)).toBe(modifies);
  });
});

describe('a participle after a comma has the sentence’s subject', () => {
  it.each([
    [
      'the object named right before the comma',
      ['Mayor Ruth Lane thanked the governor, Tom Berg, saying, "We could not have rebuilt the bridge alone."'],
      'We could not',
      'Ruth Lane',
    ],
    [
      'a name after "to" before the comma',
      ['Hours later, Ilse Brandt returned the favour to Jonas Holm, telling reporters, "He is the best partner we have had."'],
      'He is the best',
      'Ilse Brandt',
    ],
    [
      'an opening phrase with another name',
      ['Like Jonas Holm, Ilse Brandt criticised the plan on Monday, arguing that it was "far too expensive for the town".'],
      'far too expensive',
      'Ilse Brandt',
    ],
    [
      'a reporting verb before the participle',
      ['The ferries will run again in May, Anna Roos said, adding, "Nobody will pay more than last year."'],
      'Nobody will pay',
      'Anna Roos',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(quotesOf(paragraphs), start)).toBe(speaker);
  });
});

describe('what commas set off before the verb is not its subject', () => {
  it.each([
    [
      'a relative clause naming someone else',
      ['Ilse Brandt, who called Jonas Holm after the vote, told her supporters, "We will be back next year."'],
      'We will be back',
      'Ilse Brandt',
    ],
    [
      'an appositive with a name in it',
      ['Pavel Novak, a spokesman for Mayor Ruth Lane, said, "The mayor has not seen the report."'],
      'The mayor has not',
      'Pavel Novak',
    ],
    [
      'a name as the appositive of a description',
      ['The harbour’s pilot, Nils Ek, said the fog was "the worst in twenty years".'],
      'the worst in',
      'Nils Ek',
    ],
    [
      'a second clause after "while"',
      ['Tom Berg signed the order on Monday, while Anna Roos, the council leader, called it "a waste of a good summer".'],
      'a waste of',
      'Anna Roos',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(quotesOf(paragraphs), start)).toBe(speaker);
  });
});

describe('a reporting clause after a comma that ends the quotation’s own words', () => {
  it.each([
    ['"said X" after the comma', ['"This will be a hard winter" for the farmers, said Anna Roos.'], 'This will be', 'Anna Roos'],
    [
      '"X added" after a clause naming someone else',
      ['The council "has every right to appeal," just as Tom Berg did in 2019, Ilse Brandt added.'],
      'has every right',
      'Ilse Brandt',
    ],
    [
      'an appositive after the speaker, which is no content',
      ['"We were wrong to wait," Jonas Holm, 58, told Radio Nord on Monday.'],
      'We were wrong',
      'Jonas Holm',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(quotesOf(paragraphs), start)).toBe(speaker);
  });
});

describe('a described speaker keeps whom the description belongs to', () => {
  it.each([
    [
      '"to" a name',
      ['"The campaign has lost its way," said a longtime adviser to Ruth Lane.'],
      'The campaign has',
      'a longtime adviser to Ruth Lane',
    ],
    [
      '"close to the" name',
      ['"Nobody expected the vote to be this close," said a person close to the Holms.'],
      'Nobody expected',
      'a person close to the Holms',
    ],
    [
      '"in" a newspaper',
      ['"The bridge is a waste of money," reads an editorial in The Harbour Post.'],
      'The bridge is',
      'an editorial in The Harbour Post',
    ],
    [
      '"known as" a name',
      ['"There was never an order to stop," said the pilot known as Falk.'],
      'There was never',
      'the pilot known as Falk',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(quotesOf(paragraphs), start)).toBe(speaker);
  });
});

describe('a reporting verb before its subject and the quotation', () => {
  it.each([
    [
      'the subject after the verb',
      ['Because the council moved the vote to May, explained Ruth Lane, "we had no time to answer the report."'],
      'we had no time',
      'Ruth Lane',
    ],
    [
      '"said of" someone, who is no subject',
      ['Ruth Lane spoke to the press on Monday.', 'She said of Tom Berg: "He has never read the report."'],
      'He has never read',
      'Ruth Lane',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(quotesOf(paragraphs), start)).toBe(speaker);
  });
});
