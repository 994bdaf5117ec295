import { describe, expect, it } from 'vitest';
import type { QuoteAnswer } from '../../src/model/answer.ts';
import { speakerHeading } from '../../src/render/speaker-heading.ts';

const answer = (speaker: string | null, speakers: Array<string | null>): QuoteAnswer => ({
  command: 'quote',
  speaker,
  about: null,
  quotes: speakers.map((s, i) => ({ text: `quote ${i}`, speaker: s, role: null, article: 'a', paragraph: i + 1 })),
  citations: [],
});

describe('the speaker a /quote heading names', () => {
  it.each([
    ['one speaker', answer('okonkwo', ['Maria Okonkwo', 'Maria Okonkwo']), 'Maria Okonkwo'],
    ['a full name and its short form', answer('putin', ['Vladimir Putin', 'Putin']), 'Vladimir Putin'],
    ['two different people', answer('okonkwo', ['Maria Okonkwo', 'Ada Okonkwo']), 'okonkwo'],
    ['no named speaker', answer('okonkwo', [null]), 'okonkwo'],
    ['no speaker asked', answer(null, ['Maria Okonkwo']), null],
  ])('GIVEN %s THEN %j', (_label, a, expected) => {
    expect(speakerHeading(a)).toBe(expected);
  });
});
