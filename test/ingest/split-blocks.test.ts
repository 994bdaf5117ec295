import { describe, expect, it } from 'vitest';
import { looksHardWrapped, splitBlocks } from '../../src/ingest/split-blocks.ts';

describe('splitBlocks', () => {
  it('GIVEN blank-line separated blocks with bullets THEN bullets are marked and their markers removed', () => {
    expect(splitBlocks('• One item\n\n- Two items here\n\n1. Three\n\nPlain text.')).toEqual([
      { text: 'One item', bullet: true, level: null },
      { text: 'Two items here', bullet: true, level: null },
      { text: 'Three', bullet: true, level: null },
      { text: 'Plain text.', bullet: false, level: null },
    ]);
  });

  it('GIVEN a caption line glued above a quote paragraph THEN they are separate blocks', () => {
    const text = 'Class 390 train at platform 1 of Carlisle railway station.\n"The carriage is on its side," said a passenger.';
    expect(splitBlocks(text).map((b) => b.text)).toEqual([
      'Class 390 train at platform 1 of Carlisle railway station.',
      '"The carriage is on its side," said a passenger.',
    ]);
  });

  it('GIVEN Markdown THEN heading levels, block quotes, rules, emphasis and links are handled', () => {
    const text = '# Title\n\n## Section\n\n> A **quoted** line with [a link](http://x.y).\n\n***\n\nA _plain_ snake_case word.';
    expect(splitBlocks(text, { markdown: true })).toEqual([
      { text: 'Title', bullet: false, level: 1 },
      { text: 'Section', bullet: false, level: 2 },
      { text: 'A quoted line with a link.', bullet: false, level: null },
      { text: 'A plain snake_case word.', bullet: false, level: null },
    ]);
  });

  it('GIVEN plain text THEN "#" and "*" are left alone but link syntax is still removed', () => {
    expect(splitBlocks('# not a heading *here* and [a link](http://x.y)').map((b) => b.text)).toEqual([
      '# not a heading *here* and a link',
    ]);
  });
});

describe('looksHardWrapped', () => {
  it.each([
    {
      name: 'lines of similar length that do not end sentences',
      lines: [
        'The committee met for six hours on Thursday to discuss the proposal',
        'which would change how the regional budget is allocated between',
        'the districts.',
      ],
      wrapped: true,
    },
    { name: 'lines continued by lowercase words', lines: ['The plan was', 'approved by', 'the council.'], wrapped: true },
    {
      name: 'lines that each end a sentence',
      lines: ['First sentence is here.', 'Second sentence is here.', 'Third one.'],
      wrapped: false,
    },
    {
      name: 'a crosshead above a paragraph',
      lines: ['Troops on the border', 'The army moved on Friday and took the bridge.'],
      wrapped: false,
    },
    { name: 'a single line', lines: ['Just one line'], wrapped: false },
  ])('GIVEN $name THEN looksHardWrapped is $wrapped', ({ lines, wrapped }) => {
    expect(looksHardWrapped(lines)).toBe(wrapped);
  });
});
