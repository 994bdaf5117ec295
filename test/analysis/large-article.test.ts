import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

/** News-style sentences with quotes, titles, pronouns and many different people. */
function generateSentences(chars: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ter', 'van', 'os', 'ri', 'bel', 'du', 'na'];
  const sentences: string[] = [];
  let total = 0;
  for (let k = 0; total < chars; k++) {
    const surname =
      syllables[k % 10]!.replace(/^./u, (c) => c.toUpperCase()) + syllables[Math.floor(k / 10) % 10] + syllables[Math.floor(k / 100) % 10];
    const sentence = [
      `Health Minister Sarah ${surname} said the hospital would reopen on Monday.`,
      '"We are ready for patients," she told reporters in Leeds.',
      `Critics, including Tom ${surname}son of the Patients Association, said the plan was "far too late".`,
      'The minister added that the budget had been agreed with the Treasury.',
      `Okafor scored twice before ${surname} pulled one back.`,
    ][k % 5]!;
    sentences.push(sentence);
    total += sentence.length + 1;
  }
  return sentences;
}

describe('analyseArticle on a large generated article', () => {
  const sentences = generateSentences(300_000);

  it.each([
    [
      'many paragraphs',
      (): string[] => Array.from({ length: Math.ceil(sentences.length / 4) }, (_, k) => sentences.slice(k * 4, k * 4 + 4).join(' ')),
    ],
    ['one long line', (): string[] => [sentences.join(' ')]],
  ])(
    'GIVEN 300 KB of news sentences as %s THEN it is analysed without error',
    (_shape, paragraphsOf) => {
      const analysis = analyseArticle(articleFromParagraphs('large', paragraphsOf()));
      expect(analysis.sentences.length).toBe(sentences.length);
      expect(analysis.quotes.length).toBeGreaterThan(sentences.length / 5);
      expect(analysis.entities.some((e) => e.kind === 'person' && e.roles.some((r) => r.text === 'Health Minister'))).toBe(true);
    },
    120_000,
  );
});

describe('analyseArticle on large run-on text of one shape', () => {
  it.each([
    ['capitalised words without punctuation', 'Alpha Beta Gamma Delta '.repeat(4500)],
    ['short quotations in one sentence', '"a" '.repeat(25_000)],
    ['single-quoted words in one sentence', "'a' b' 'c ".repeat(10_000)],
    ['appositives without end', 'Jane Roe, a professor, '.repeat(4500)],
  ])(
    'GIVEN 100 KB of %s in one paragraph THEN it is analysed without error',
    (_shape, text) => {
      const analysis = analyseArticle(articleFromParagraphs('run-on', [text]));
      expect(analysis.sentences.length).toBeGreaterThan(0);
    },
    120_000,
  );
});
