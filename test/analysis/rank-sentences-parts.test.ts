import { describe, expect, it } from 'vitest';
import { measureQuotedShare, rateSentenceQuality, rateStatement } from '../../src/analysis/rank-quality.ts';
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

describe('rateSentenceQuality', () => {
  const plain = 'Belarusian President Alexander Lukashenko initially linked them to attempts to destabilize the country.';

  it('GIVEN a plain statement of fact THEN its quality is full', () => {
    expect(rateSentenceQuality(plain)).toBe(1);
  });

  it.each([
    ['a fragment', 'They were arrested near Minsk.'],
    ['a connective opener', 'So Lukashenko has turned to the usual enemy of the Russian state media, which is Ukraine.'],
    ['a pronoun opener', 'It happened just after the Ukrainian President requested the extradition of the alleged mercenaries.'],
    ['a question', 'Who will pay for the repairs to the drainage system under the San Antonio neighbourhood?'],
    ['a bare quote', '"There is confirmed information that these activities are being promoted from abroad," he said.'],
    ['a quote from a pronoun', 'Some 200 extremists trained abroad are now in the Republic of "Belarus", he added.'],
    ['a broken quote', '"There are camps in Ukraine prepared for the training of these extremists in several regions.'],
    ['a photo caption', 'Virgin West Coast Class 390 Pendolino EMU 390009 at platform 1 of Carlisle railway station.'],
  ])('GIVEN %s THEN its quality is below a plain statement', (_what, text) => {
    expect(rateSentenceQuality(text)).toBeLessThan(rateSentenceQuality(plain));
  });

  it.each([
    ['an existential opener', 'There is no process to enforce the decision of the tribunal in The Hague.'],
    ['a subordinate opener', 'Although Russia prepares an armed contingent, it insists that others are meddling.'],
    ['a short quoted phrase', 'Putin has described the actions of the Belarusian police as "moderate" in an interview.'],
  ])('GIVEN %s THEN nothing is held against it', (_what, text) => {
    expect(rateSentenceQuality(text)).toBe(1);
  });

  it('GIVEN no words at all THEN its quality is low but above zero', () => {
    const quality = rateSentenceQuality('—');
    expect(quality).toBeGreaterThan(0);
    expect(quality).toBeLessThan(0.5);
  });
});

describe('measureQuotedShare', () => {
  it.each([
    ['no quotes', 'Moscow has criticized the attitude of the Western powers.', 0],
    ['all quoted', '"We condemn the pressure."', 1],
    ['half quoted', '"abcd" efgh', 0.5],
  ])('GIVEN %s THEN the share of quoted letters is %s', (_what, text, share) => {
    expect(measureQuotedShare(text)).toBeCloseTo(share, 5);
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
