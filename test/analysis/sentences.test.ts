import { describe, expect, it } from 'vitest';
import { splitSentences, splitText } from '../../src/analysis/sentences.ts';
import { articleFromParagraphs, devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

const pieces = (text: string): string[] => splitText(text).map(([start, end]) => text.slice(start, end));

describe('splitText', () => {
  it.each([
    [
      'abbreviations and initials',
      'Mr. Haddox said it. Dr. J. R. Smith arrived on Sept. 4 with Gen. Lee. Then he left.',
      ['Mr. Haddox said it.', 'Dr. J. R. Smith arrived on Sept. 4 with Gen. Lee.', 'Then he left.'],
    ],
    [
      'a dotted acronym before a name',
      'He joined the U.S. Navy in 2001. It was cold.',
      ['He joined the U.S. Navy in 2001.', 'It was cold.'],
    ],
    ['a dotted acronym ending a sentence', 'It was in the U.S. The end came soon.', ['It was in the U.S.', 'The end came soon.']],
    [
      'decimals and currency',
      'The pipe is 3.5m wide and cost US$1.2 million. Work began.',
      ['The pipe is 3.5m wide and cost US$1.2 million.', 'Work began.'],
    ],
    ['a sentence ending inside a closing quote', 'He said "yes." Then he left.', ['He said "yes."', 'Then he left.']],
    ['an attribution after a quoted comma', '"It is over," said Mr. Smith. "We lost."', ['"It is over," said Mr. Smith.', '"We lost."']],
    [
      'a question inside a quote with a lowercase attribution',
      '"Why?" he asked. "Is it safe?" She shrugged.',
      ['"Why?" he asked.', '"Is it safe?"', 'She shrugged.'],
    ],
    ['an ellipsis followed by lowercase', 'She said no... and left. Then it rained.', ['She said no... and left.', 'Then it rained.']],
    [
      'a photo caption on its own line',
      'Carlisle railway station.\n"The carriage is on its side," she said.',
      ['Carlisle railway station.', '"The carriage is on its side," she said.'],
    ],
    [
      'a company suffix ending a sentence',
      'He works for Apple Inc. The company grew. Acme Corp. Ltd. staff left.',
      ['He works for Apple Inc.', 'The company grew.', 'Acme Corp. Ltd. staff left.'],
    ],
    [
      'a quoted question followed by its named speaker',
      '"Why?" Maria Lopez asked. "Because!" Then silence.',
      ['"Why?" Maria Lopez asked.', '"Because!"', 'Then silence.'],
    ],
    [
      'a quoted question followed by its named speaker and a phrasal reporting verb',
      '"It happens, right?" Tom Hale went on. "Get over it!" Ruth Vance shot back at him.',
      ['"It happens, right?" Tom Hale went on.', '"Get over it!" Ruth Vance shot back at him.'],
    ],
    [
      'a stray lowercase start after a period (source typo)',
      'Scene of protests. since August 9 it went on.',
      ['Scene of protests. since August 9 it went on.'],
    ],
  ])('GIVEN %s THEN it splits where a reader would', (_name, text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });
});

describe('splitSentences', () => {
  it('GIVEN the bundled article THEN every paragraph has its sentences with offsets into the paragraph', () => {
    const article = seedArticle();
    const sentences = splitSentences(article);
    expect(sentences).toHaveLength(43);
    for (const s of sentences) {
      const paragraph = article.paragraphs[s.paragraph - 1]!;
      expect(paragraph.text.slice(s.start, s.end)).toBe(s.text);
    }
    const fifth = sentences.filter((s) => s.paragraph === 5).map((s) => s.text);
    expect(fifth).toEqual([
      '"There are camps in Ukraine prepared for the training of these extremists.',
      'According to our data, in the Volyn region, in the Dnipropetrovsk region."',
    ]);
    expect(sentences.filter((s) => s.paragraph === 4)).toHaveLength(1);
  });

  it.each([
    ['wikinews-20070223-train', 30],
    ['wikinews-20070306-drain', 20],
    ['wikinews-20160706-telescope', 16],
    ['wikinews-20160714-UN', 21],
  ] as const)('GIVEN the dev article %s THEN it has %i sentences', (name, count) => {
    expect(splitSentences(devArticle(name))).toHaveLength(count);
  });

  it('GIVEN sentences THEN they are indexed from 0 within each paragraph', () => {
    const sentences = splitSentences(articleFromParagraphs('x', ['One. Two.', 'Three.']));
    expect(sentences.map((s) => [s.paragraph, s.index, s.text])).toEqual([
      [1, 0, 'One.'],
      [1, 1, 'Two.'],
      [2, 0, 'Three.'],
    ]);
  });
});
