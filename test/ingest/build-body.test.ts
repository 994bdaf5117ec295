import { describe, expect, it } from 'vitest';
import { continuesParagraph, isCrosshead } from '../../src/ingest/build-body.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';

/** Parses blank-line separated blocks and returns paragraph texts and headings. */
function bodyOf(...blocks: string[]) {
  const result = parseArticle(blocks.join('\n\n'), 'sample.txt');
  if ('reason' in result) throw new Error(result.reason);
  return { paragraphs: result.paragraphs.map((p) => p.text), headings: result.headings };
}

describe('repairing paragraphs broken where a link was', () => {
  it.each([
    {
      rule: 'a block starting with a comma continues a block ending mid-sentence (no space before the comma)',
      blocks: ['The mayor does not want a new stadium', ', the third proposal this year.'],
      paragraph: 'The mayor does not want a new stadium, the third proposal this year.',
    },
    {
      rule: 'a block starting with a lowercase word continues a block ending mid-sentence',
      blocks: ['The port would be', 'cheaper', 'than the airport.'],
      paragraph: 'The port would be cheaper than the airport.',
    },
    {
      rule: 'a lone "." block ends the sentence it belongs to',
      blocks: ['So the minister turned to the', 'usual suspects - the press', '.'],
      paragraph: 'So the minister turned to the usual suspects - the press.',
    },
    {
      rule: 'a block ending with a comma is continued by a lowercase block',
      blocks: ['As for the treaty, the country could leave it,', 'only if parliament agrees.'],
      paragraph: 'As for the treaty, the country could leave it, only if parliament agrees.',
    },
    {
      rule: 'a block ending with a word no sentence ends with is continued even by a capitalised link text',
      blocks: ['The plan was sent to the', 'European Commission', 'on Monday.'],
      paragraph: 'The plan was sent to the European Commission on Monday.',
    },
    {
      rule: 'a very short capitalised link text between a sentence start and its lowercase continuation is joined',
      blocks: ['Officials said', 'Acme Corp', 'would appeal.'],
      paragraph: 'Officials said Acme Corp would appeal.',
    },
    {
      rule: 'blocks starting with ";" ":" or ")" attach without a space',
      blocks: ['Prices rose in three regions (north, south', ') and fell elsewhere', '; analysts were surprised.'],
      paragraph: 'Prices rose in three regions (north, south) and fell elsewhere; analysts were surprised.',
    },
  ])('GIVEN $rule THEN one paragraph results', ({ blocks, paragraph }) => {
    const body = bodyOf('The story begins with a complete sentence.', ...blocks, 'Another complete paragraph follows.');
    expect(body.paragraphs).toEqual(['The story begins with a complete sentence.', paragraph, 'Another complete paragraph follows.']);
    expect(body.headings).toEqual([]);
  });

  it.each([
    [
      'a paragraph ending in a closing single quote',
      "He hopes to ride on the back of his 'older brother'",
      'Although the talks continue, no date is set.',
    ],
    ['a paragraph ending in a closing double quote', 'He called the plan "a disgrace"', 'The opposition agreed.'],
    [
      'a paragraph ending with a full stop followed by a lowercase brand',
      'Sales were flat in the spring.',
      'eBay reported growth in the same period.',
    ],
    ['two complete paragraphs', 'The vote was close.', 'Turnout was high.'],
  ])('GIVEN %s THEN the paragraphs stay apart', (_name, first, second) => {
    expect(bodyOf('The story begins with a complete sentence.', first, second).paragraphs).toEqual([
      'The story begins with a complete sentence.',
      first,
      second,
    ]);
  });

  it.each([
    { previous: 'He said', block: 'no', next: undefined, joins: true },
    { previous: 'He said.', block: 'no', next: undefined, joins: false },
    { previous: 'The plan is good', block: '.', next: undefined, joins: true },
    { previous: 'The plan is good.', block: '.', next: undefined, joins: false },
    { previous: 'The plan is good.', block: 'A new one.', next: undefined, joins: false },
    { previous: 'They met', block: 'Jane Doe', next: 'yesterday.', joins: true },
    { previous: 'They met', block: 'Jane Doe', next: 'Yesterday was busy.', joins: false },
  ])('GIVEN $previous then $block THEN continuesParagraph is $joins', ({ previous, block, next, joins }) => {
    expect(continuesParagraph(previous, block, next)).toBe(joins);
  });
});

describe('crossheads', () => {
  it('GIVEN a short unpunctuated line between paragraphs followed by an uppercase paragraph THEN it is a heading before the next paragraph', () => {
    const body = bodyOf('First paragraph here.', 'Second paragraph here.', 'Troops on the border', 'The army moved on Friday.');
    expect(body.paragraphs).toEqual(['First paragraph here.', 'Second paragraph here.', 'The army moved on Friday.']);
    expect(body.headings).toEqual([{ before: 3, text: 'Troops on the border' }]);
  });

  it.each([
    ['a comma', ', the fall of the old government.'],
    ['a lowercase word', 'before the fall of the old government.'],
    ['a lone full stop', '.'],
  ])(
    'GIVEN a crosshead-like line continued by a block starting with %s THEN it is a broken paragraph, not a heading',
    (_start, continuation) => {
      const body = bodyOf('First paragraph here.', 'The city does not want a new mayor', continuation, 'Last paragraph here.');
      expect(body.headings).toEqual([]);
      expect(body.paragraphs).toHaveLength(3);
      expect(body.paragraphs[1]?.startsWith('The city does not want a new mayor')).toBe(true);
    },
  );

  it.each([
    { text: 'Russian boots on Belarusian soil', next: 'Vladimir Putin explained.', heading: true },
    { text: 'What happens next', next: '"We will see," she said.', heading: true },
    { text: 'A line that is much too long to be a crosshead in any newspaper at all', next: 'Next.', heading: false },
    { text: 'It ended.', next: 'Next.', heading: false },
    { text: 'They are all', next: 'obedient allies.', heading: false },
    { text: 'lowercase start here', next: 'Next.', heading: false },
  ])('GIVEN $text THEN isCrosshead is $heading', ({ text, next, heading }) => {
    expect(isCrosshead(text, next)).toBe(heading);
  });
});

describe('large input', () => {
  it('GIVEN tens of thousands of pieces of one broken sentence THEN they are joined into one paragraph', () => {
    const pieces = Array.from({ length: 30_000 }, () => 'and then the');
    const body = bodyOf('It started with a sentence.', `So it went on ${pieces.join('\n\n')}`, 'end.');
    expect(body.paragraphs).toHaveLength(2);
    expect(body.paragraphs[1]?.endsWith('and then the end.')).toBe(true);
  });
});
