/**
 * The last link breaks and page ends the cleaner missed (issue 20), each in made-up text: the
 * pieces a scraper leaves when a link or a quoted title splits a paragraph, a headline ending in
 * a quoted phrase, a closing list of source citations.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/ingest/parse-article.ts';

function parse(text: string) {
  const result = parseArticle(text, 'sample.txt');
  if ('reason' in result) throw new Error(result.reason);
  return result;
}

const OPENING = 'The harbour board met on Thursday to discuss the ferry timetable.';
const CLOSING = 'The board meets again in the spring.';

describe('paragraphs broken where a link was', () => {
  it.each([
    {
      rule: 'a piece ending in a comma, then a quoted title opening with a capital',
      blocks: ['The ferry office will move the old notice board. On', 'its new website,', '"Sail With Us", the board answers travellers.'],
      paragraph: 'The ferry office will move the old notice board. On its new website, "Sail With Us", the board answers travellers.',
    },
    {
      rule: 'a piece ending in a closing quotation mark, then a lowercase continuation',
      blocks: ['Most letters sent to the ferry office\'s "Sail With Us"', 'column, are about the', 'late evening crossings.'],
      paragraph: 'Most letters sent to the ferry office\'s "Sail With Us" column, are about the late evening crossings.',
    },
    {
      rule: 'a piece ending in a closing single quotation mark, then a lowercase continuation',
      blocks: ["Readers of the 'Harbour Notes'", 'newsletter asked for later crossings.'],
      paragraph: "Readers of the 'Harbour Notes' newsletter asked for later crossings.",
    },
    {
      rule: 'a piece ending in the preposition "near", then a capitalised name',
      blocks: ['Two of the buoys drifted', 'onto the rocks near', 'North Pier lighthouse and the slipway.'],
      paragraph: 'Two of the buoys drifted onto the rocks near North Pier lighthouse and the slipway.',
    },
    {
      rule: 'a piece ending in the preposition "beside", then a capitalised name',
      blocks: ['The new ticket hall stands beside', 'Ferry Terminal 2 on the east quay.'],
      paragraph: 'The new ticket hall stands beside Ferry Terminal 2 on the east quay.',
    },
    {
      rule: 'a piece ending in the preposition "alongside", then a capitalised name',
      blocks: ['The pilot boat was moored alongside', 'Harbour Queen when the storm began.'],
      paragraph: 'The pilot boat was moored alongside Harbour Queen when the storm began.',
    },
  ])('GIVEN $rule THEN one paragraph results', ({ blocks, paragraph }) => {
    const article = parse(['Harbour board backs new timetable', OPENING, ...blocks, CLOSING].join('\n\n'));
    expect(article.paragraphs.map((p) => p.text)).toEqual([OPENING, paragraph, CLOSING]);
  });

  // A few words ending a sentence right after a longer piece cut mid-sentence are link text that
  // carried the full stop; the paragraph goes on with the next sentence, and only that one: text
  // after a link ("…than the airport." in build-body.test.ts) follows a short piece and ends it.
  it.each([
    {
      rule: 'a three-word link text ending a sentence',
      blocks: ['A boy who found the buoy thought it', 'was a toy.', 'The crew took it back.'],
      paragraph: 'A boy who found the buoy thought it was a toy. The crew took it back.',
    },
    {
      rule: 'a four-word link text ending a sentence',
      blocks: ['Passengers on the late crossing said the new ferry', 'felt like a fairground.', 'The board will ask them again.'],
      paragraph: 'Passengers on the late crossing said the new ferry felt like a fairground. The board will ask them again.',
    },
  ])('GIVEN $rule, then the next sentence of the paragraph THEN one paragraph results', ({ blocks, paragraph }) => {
    const article = parse(
      ['Harbour board backs new timetable', OPENING, ...blocks, 'A second paragraph follows it.', CLOSING].join('\n\n'),
    );
    expect(article.paragraphs.map((p) => p.text)).toEqual([OPENING, paragraph, 'A second paragraph follows it.', CLOSING]);
  });

  it.each([
    [
      'a paragraph ending in a short sentence, then a new paragraph',
      ['The vote was close. Turnout was high.', 'The chair thanked members.'],
    ],
    ['a short complete paragraph, then a new paragraph', ['The vote was close.', 'The chair thanked members.']],
  ])('GIVEN %s THEN the paragraphs stay apart', (_, blocks) => {
    const article = parse(['Harbour board backs new timetable', OPENING, ...blocks, CLOSING].join('\n\n'));
    expect(article.paragraphs.map((p) => p.text)).toEqual([OPENING, ...blocks, CLOSING]);
  });
});

describe('headlines ending in a quoted phrase', () => {
  it.each([
    ["Harbour chief calls ferry timetable 'a shambles'"],
    ['Harbour chief calls ferry timetable ‘a shambles’'],
    ['Harbour chief calls ferry timetable "a shambles"'],
  ])('GIVEN the headline %s THEN it is the title, not a paragraph', (headline) => {
    const article = parse([headline, OPENING, CLOSING].join('\n\n'));
    expect(article.title).toBe(headline);
    expect(article.paragraphs.map((p) => p.text)).toEqual([OPENING, CLOSING]);
  });
});

describe('a closing list of sources', () => {
  it.each([
    {
      name: 'citation lines without a full stop',
      lines: [
        'Sources',
        '"Ferry timetable to change in May" — Harbour Gazette, March 4, 2009',
        '"Harbour board minutes" — Harbour Board, March 5, 2009',
      ],
    },
    {
      name: 'citation lines ending in a full stop',
      lines: [
        'Sources',
        '"Ferry timetable to change in May" — Harbour Gazette, March 4, 2009.',
        'Ann Smith. "Board approves later crossings". Coast Radio, March 5, 2009.',
      ],
    },
    {
      name: 'a "Sources:" label and one long citation line',
      lines: [
        'Sources:',
        'Ann Smith. "Board approves later crossings after two hours of debate" — Coast Radio (in English), March 5, 2009',
      ],
    },
    {
      name: 'bulleted citation lines',
      lines: [
        'References',
        '• "Ferry timetable to change in May" — Harbour Gazette, March 4, 2009',
        '• Ann Smith. "Board approves later crossings" — Coast Radio, March 5, 2009',
      ],
    },
  ])('GIVEN a closing sources list of $name THEN none of it is a paragraph, a heading or a related headline', ({ lines }) => {
    const article = parse(['Harbour board backs new timetable', OPENING, CLOSING, ...lines].join('\n\n'));
    expect(article.paragraphs.map((p) => p.text)).toEqual([OPENING, CLOSING]);
    expect(article.headings).toEqual([]);
    expect(article.related).toEqual([]);
  });
});
