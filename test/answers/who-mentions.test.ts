import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/answers/run-command.ts';
import type { Answer, WhoAnswer } from '../../src/model/answer.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { renderAnswerText } from '../../src/render/terminal.ts';
import { renderAnswer } from '../../src/render/discord/render-answer.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';
import { corpusOf, fullCorpus, seedCorpus } from '../support/corpus.ts';

const seed = seedCorpus();
const full = fullCorpus();
const SEED = 'putin-belarus-transition';

function ask(corpus: Corpus, options: Record<string, string>): WhoAnswer {
  const answer: Answer | { error: unknown } = runCommand(corpus, 'who', options);
  if ('error' in answer) throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
  return answer as WhoAnswer;
}

/** The oracle: paragraphs of an article where `word` occurs as a whole word, any case. */
function paragraphsWith(corpus: Corpus, article: string, word: string): number[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu');
  return corpus.byId
    .get(article)!
    .article.paragraphs.filter((p) => pattern.test(p.text))
    .map((p) => p.n);
}

describe('/who never denies words that are in the text', () => {
  it.each([
    ['Minsk', 'Minsk'],
    ['volyn', 'Volyn'],
    ['MERCENARIES', 'mercenaries'],
    ['Donbas', 'Donbas'],
    ['Dnipropetrovks', 'Dnipropetrovsk'],
  ])(
    'GIVEN %j, in the bundled article but no person or organisation THEN the paragraphs that contain %j, labelled a mention',
    (name, surface) => {
      const answer = ask(seed, { name });
      expect(answer.kind).toBe('mention');
      expect(answer.name).toBe(surface);
      expect(answer.mentions.map((m) => m.paragraph)).toEqual(paragraphsWith(seed, SEED, surface));
      expect(answer.roles).toEqual([]);
      expect(answer.aliases).toEqual([]);
      expect(answer.quotes).toEqual([]);
      expect(answer.citations).toEqual(answer.mentions);
    },
  );

  it.each([
    ['Grayrigg', 'wikinews-20070223-train'],
    ['guatemala city', 'wikinews-20070306-drain'],
  ])('GIVEN %j in one article of several THEN that article and its paragraphs', (name, article) => {
    const answer = ask(full, { name });
    expect(answer.kind).toBe('mention');
    expect(answer.article.id).toBe(article);
    expect(answer.articles.map((a) => a.article.id)).toEqual([article]);
    for (const m of answer.mentions)
      expect(full.byId.get(article)!.article.paragraphs[m.paragraph - 1]!.text.toLowerCase()).toContain(name.toLowerCase());
  });

  it('GIVEN a name written with accents and asked without THEN it is found, as written', () => {
    const corpus = corpusOf([
      articleFromParagraphs('city-hall', [
        'Flooding closed the old market in Bogotá on Tuesday.',
        'Traders said the water rose within an hour.',
      ]),
    ]);
    const answer = ask(corpus, { name: 'bogota' });
    expect(answer).toMatchObject({ kind: 'mention', name: 'Bogotá', mentions: [{ article: 'city-hall', paragraph: 1 }] });
  });

  it('GIVEN words that are only part of a longer word THEN nobody is claimed (whole words only)', () => {
    const corpus = corpusOf([articleFromParagraphs('port', ['The harbourmaster reopened the office on Monday after the storm.'])]);
    expect(runCommand(corpus, 'who', { name: 'harbour' })).toMatchObject({ error: { code: 'not-found' } });
  });

  it('GIVEN a close but different known name THEN the words the text writes win over the fuzzy guess', () => {
    const corpus = corpusOf([
      articleFromParagraphs('council', [
        'Councillor Jane Roe opened the meeting on Monday.',
        'Traffic on Rowe Street was diverted during the works.',
      ]),
    ]);
    const answer = ask(corpus, { name: 'Rowe' });
    expect(answer.name).toMatch(/Rowe/);
    expect(answer.mentions).toContainEqual({ article: 'council', paragraph: 2 });
  });

  it.each([
    ['Samuel Okafor, Jr.', 'Samuel Okafor, Jr. told reporters the club would appeal the ban.'],
    ['Coach Samuel Okafor', 'Coach Samuel Okafor said the club would appeal the ban.'],
  ])('GIVEN %j, a known name with more words around it THEN the person, not the bare words', (name, text) => {
    const corpus = corpusOf([articleFromParagraphs('appeal', [text, 'Samuel Okafor has coached the club since 2019.'])]);
    const answer = ask(corpus, { name });
    expect(answer.kind).toBe('person');
    expect(answer.name).toMatch(/^Samuel Okafor/);
  });

  it.each([['Critics'], ['One'], ['Mail']])(
    'GIVEN the common word %j written in the text THEN /who shows where, and never calls it a person',
    (name) => {
      const corpus = corpusOf([
        articleFromParagraphs('plan', [
          'Critics said the plan was rushed and would cost more than promised.',
          'One reader wrote to the Mail that the trains were already full.',
        ]),
      ]);
      const answer = ask(corpus, { name });
      expect(answer.kind === 'person' && answer.name === name).toBe(false);
      expect(answer.mentions.length).toBeGreaterThan(0);
    },
  );

  it('GIVEN only a very common word THEN a clear not-found, never a long name that happens to contain it', () => {
    const answer = runCommand(full, 'who', { name: 'the' });
    expect(answer).toMatchObject({ error: { code: 'not-found' } });
    expect('error' in answer && answer.error.message).toMatch(/too common/);
  });

  it('GIVEN every capitalised word of the bundled article THEN /who answers (or says the word is too common), and every mention it cites contains the word', () => {
    const words = new Set(seed.byId.get(SEED)!.article.paragraphs.flatMap((p) => p.text.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? []));
    expect(words.size).toBeGreaterThan(50);
    for (const word of words) {
      const answer = runCommand(seed, 'who', { name: word });
      if ('error' in answer && /too common/.test(answer.error.message)) continue;
      if ('error' in answer) throw new Error(`/who name:${word} denied: ${answer.error.message}`);
      if (answer.command === 'who' && answer.kind === 'mention') {
        const cited = answer.mentions.map((m) => m.paragraph);
        expect(cited, word).toEqual(paragraphsWith(seed, SEED, word).filter((n) => cited.includes(n)));
        expect(cited.length, word).toBeGreaterThan(0);
      }
    }
  });
});

describe('a mention is labelled honestly wherever it is shown', () => {
  const minsk = () => ask(seed, { name: 'Minsk' });

  it('GIVEN the terminal THEN it says the words were found but Pilcrow does not know who or what it is', () => {
    const text = renderAnswerText(minsk());
    expect(text).toMatch(/does not know who or what/);
    expect(text).not.toMatch(/\((person|organisation)\)/);
    expect(text).toMatch(/¶\u00a03/);
  });

  it('GIVEN Discord THEN the embed says so too and never calls it a person', () => {
    const embed = renderAnswer(minsk()).payload.embeds[0]!;
    const text = JSON.stringify(embed);
    expect(text).toMatch(/does not know who or what/);
    expect(text).not.toMatch(/Person in|Organisation in/);
  });
});
