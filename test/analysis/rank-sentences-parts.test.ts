import { describe, expect, it } from 'vitest';
import { rateStatement } from '../../src/analysis/rank-quality.ts';
import { extractTerms, stemWord } from '../../src/analysis/rank-terms.ts';

describe('stemWord', () => {
  it.each([
    ['protests', 'protest'],
    ['protest', 'protest'],
    ['injuries', 'injur'],
    ['injured', 'injur'],
    ['injury', 'injur'],
    ['extremists', 'extremist'],
    ['houses', 'hous'],
    ['house', 'hous'],
    ['organizing', 'organiz'],
    ['organized', 'organiz'],
    ['belarus', 'belarus'],
    ['analysis', 'analysis'],
    ['bus', 'bus'],
    ['2014', '2014'],
  ])('GIVEN "%s" THEN its stem is "%s"', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});

describe('extractTerms', () => {
  it('GIVEN a news sentence THEN only its content words remain, stemmed, in order', () => {
    expect(extractTerms('Lavrov said that the extremists were trained in Ukraine.')).toEqual(['lavrov', 'extremist', 'train', 'ukrain']);
  });

  it('GIVEN possessives, numbers with separators and hyphens THEN each becomes a plain term', () => {
    expect(extractTerms("Moscow's 9,100 residents got US$1,800 in a five-year-long deal")).toEqual([
      'moscow',
      '9,100',
      'resident',
      'got',
      'us',
      '1,800',
      'five',
      'year',
      'long',
      'deal',
    ]);
  });

  it('GIVEN a stop word written as an acronym THEN it is kept as a name', () => {
    expect(extractTerms('The US told us about IT.')).toEqual(['us', 'it']);
  });

  it('GIVEN a sentence opening in capitals THEN its first word is still a stop word', () => {
    expect(extractTerms('THE opposition failed again.')).toEqual(['opposition', 'fail']);
  });

  it('GIVEN only stop words and punctuation THEN there are no terms', () => {
    expect(extractTerms('“And so it was, as they said.” —')).toEqual([]);
  });
});

describe('rateStatement', () => {
  it.each([
    ['a name-dense statement that ends like a sentence', 'Antonín Leopold Dvořák (8 September 1841 – 1 May 1904) was a Czech Composer.', 1],
    ['a plain statement', 'The council approved the new budget for road repairs on Monday.', 1],
  ])('GIVEN %s THEN it is a full statement', (_what, text, expected) => {
    expect(rateStatement(text)).toBe(expected);
  });

  it.each([
    ['a caption with no sentence end', 'Virgin West Coast Class 390 at Platform 1 of Carlisle Station'],
    ['a question', 'Will the council approve the new budget for road repairs on Monday?'],
    ['a fragment', 'Road repairs approved.'],
  ])('GIVEN %s THEN it counts less than a statement', (_what, text) => {
    expect(rateStatement(text)).toBeLessThan(1);
  });
});
