import { describe, expect, it } from 'vitest';
import { completeOption } from '../../src/answers/autocomplete.ts';
import { runCommand } from '../../src/answers/run-command.ts';
import { WHO_MAX_ARTICLES } from '../../src/answers/who.ts';
import type { Answer, QuoteAnswer, WhoAnswer } from '../../src/model/answer.ts';
import type { Article } from '../../src/model/article.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { renderAnswerText } from '../../src/render/terminal.ts';
import { articleFromParagraphs, seedArticle } from '../support/article-from-paragraphs.ts';
import { corpusOf } from '../support/corpus.ts';
import { fishingFleet, harbourStrike, radioInterview } from '../support/okonkwo-articles.ts';

function ask<T extends Answer>(corpus: Corpus, command: string, options: Record<string, string>): T {
  const answer = runCommand(corpus, command, options);
  if ('error' in answer) throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
  return answer as T;
}

// Made-up news: one minister in three articles, named in full in two and by surname only in one.
const strike = harbourStrike;
const budget = articleFromParagraphs(
  'rail-budget',
  [
    'The government announced a new rail budget on Thursday.',
    'Maria Okonkwo defended the cuts to regional lines in parliament.',
    '"Every line that carries passengers will stay open," said Maria Okonkwo.',
    'Opposition members said the cuts would hurt rural towns.',
  ],
  { title: 'Rail budget cuts regional lines' },
);
const radio = radioInterview;
// Another Okonkwo: then the bare surname no longer says which of them it is.
const fisherman = fishingFleet;

const three = corpusOf([strike, budget, radio]);
const four = corpusOf([strike, budget, radio, fisherman]);

const ids = (answer: WhoAnswer) => answer.articles.map((a) => a.article.id).sort();

describe('/who gathers one person across articles', () => {
  it.each([['Maria Okonkwo'], ['okonkwo'], ['maria okonkwo']])(
    'GIVEN %j and one Okonkwo in the corpus THEN the minister in all three articles',
    (name) => {
      const answer = ask<WhoAnswer>(three, 'who', { name });
      expect(answer.name).toBe('Maria Okonkwo');
      expect(answer.kind).toBe('person');
      expect(ids(answer)).toEqual(['harbour-strike', 'radio-interview', 'rail-budget']);
      expect(answer.moreArticles).toBe(0);
      expect(answer.mentions).toEqual(
        expect.arrayContaining([
          { article: 'harbour-strike', paragraph: 3 },
          { article: 'rail-budget', paragraph: 2 },
          { article: 'radio-interview', paragraph: 2 },
        ]),
      );
      expect(answer.quotes.map((q) => `${q.article} ${q.paragraph}`).sort()).toEqual([
        'harbour-strike 3',
        'radio-interview 2',
        'rail-budget 3',
      ]);
    },
  );

  it('GIVEN a person across articles THEN each article has its own mentions and roles, and the old fields still hold', () => {
    const answer = ask<WhoAnswer>(three, 'who', { name: 'Maria Okonkwo' });
    expect(answer.article).toEqual(answer.articles[0]!.article);
    for (const part of answer.articles) for (const m of part.mentions) expect(m.article).toBe(part.article.id);
    expect(answer.articles.flatMap((a) => a.mentions)).toEqual(answer.mentions);
    expect(answer.articles.find((a) => a.article.id === 'harbour-strike')!.roles.join(' ')).toMatch(/transport minister/i);
    expect(answer.roles.join(' ')).toMatch(/transport minister/i);
    expect(answer.aliases).toContain('Okonkwo');
    for (const c of [...answer.mentions, ...answer.quotes])
      expect(answer.citations).toContainEqual({ article: c.article, paragraph: c.paragraph });
  });

  it('GIVEN the article the most mentions come from THEN it is the main article', () => {
    const answer = ask<WhoAnswer>(three, 'who', { name: 'Maria Okonkwo' });
    const counts = answer.articles.map((a) => a.mentions.length);
    expect(counts[0]).toBe(Math.max(...counts));
  });

  it('GIVEN article: THEN only that article, as before', () => {
    const answer = ask<WhoAnswer>(three, 'who', { name: 'Okonkwo', article: 'radio-interview' });
    expect(ids(answer)).toEqual(['radio-interview']);
    expect(answer.article.id).toBe('radio-interview');
    expect(answer.moreArticles).toBe(0);
    for (const c of answer.citations) expect(c.article).toBe('radio-interview');
  });

  it('GIVEN two people with the same surname THEN a full name gathers only its own person, and the bare surname is never merged into either', () => {
    const maria = ask<WhoAnswer>(four, 'who', { name: 'Maria Okonkwo' });
    expect(ids(maria)).toContain('rail-budget');
    expect(ids(maria)).not.toContain('radio-interview');
    expect(ids(maria)).not.toContain('fishing-fleet');
    const peter = ask<WhoAnswer>(four, 'who', { name: 'Peter Okonkwo' });
    expect(ids(peter)).toEqual(['fishing-fleet']);
  });

  it('GIVEN a surname two people share THEN the answer names the other one too', () => {
    const answer = ask<WhoAnswer>(four, 'who', { name: 'Okonkwo' });
    const all = [answer.name, ...answer.namesakes];
    expect(all).toEqual(expect.arrayContaining(['Maria Okonkwo', 'Peter Okonkwo']));
    expect(answer.namesakes).not.toContain(answer.name);
    expect(renderAnswerText(answer)).toMatch(/Others by that name: /);
  });

  it('GIVEN a full name only one person has THEN no namesakes', () => {
    expect(ask<WhoAnswer>(four, 'who', { name: 'Peter Okonkwo' }).namesakes).toEqual([]);
  });

  it(`GIVEN a person in more than ${WHO_MAX_ARTICLES} articles THEN ${WHO_MAX_ARTICLES} are gathered and the rest counted`, () => {
    const many: Article[] = Array.from({ length: WHO_MAX_ARTICLES + 3 }, (_, i) =>
      articleFromParagraphs(`briefing-${i + 1}`, [
        `Maria Okonkwo opened briefing number ${i + 1} on the rail network.`,
        `"We are on schedule," said Maria Okonkwo.`,
      ]),
    );
    const answer = ask<WhoAnswer>(corpusOf(many), 'who', { name: 'Maria Okonkwo' });
    expect(answer.articles).toHaveLength(WHO_MAX_ARTICLES);
    expect(answer.moreArticles).toBe(3);
    expect(renderAnswerText(answer)).toMatch(/and 3 more articles/);
  });

  it('GIVEN the bundled article and a report naming only "Putin" THEN /who Putin is Vladimir Putin in both', () => {
    const report = articleFromParagraphs('kremlin-briefing', [
      'Putin told reporters on Friday that the talks would continue.',
      'The Kremlin gave no date for the next meeting.',
    ]);
    const answer = ask<WhoAnswer>(corpusOf([seedArticle(), report]), 'who', { name: 'Putin' });
    expect(answer.name).toBe('Vladimir Putin');
    expect(answer.article.id).toBe('putin-belarus-transition');
    expect(ids(answer)).toEqual(['kremlin-briefing', 'putin-belarus-transition']);
    expect(answer.articles.find((a) => a.article.id === 'kremlin-briefing')!.mentions).toContainEqual({
      article: 'kremlin-briefing',
      paragraph: 1,
    });
  });
});

describe('/quote speaker: gathers the person across articles', () => {
  it.each([['Maria Okonkwo'], ['Okonkwo']])('GIVEN %j and one Okonkwo THEN her quotes from every article', (speaker) => {
    const answer = ask<QuoteAnswer>(three, 'quote', { speaker });
    expect(answer.quotes.map((q) => q.article).sort()).toEqual(['harbour-strike', 'radio-interview', 'rail-budget']);
  });

  it("GIVEN two Okonkwos THEN a full name gives only that person's quotes", () => {
    const answer = ask<QuoteAnswer>(four, 'quote', { speaker: 'Peter Okonkwo' });
    expect(answer.quotes.map((q) => q.article)).toEqual(['fishing-fleet']);
  });

  it("GIVEN article: THEN only that article's quotes", () => {
    const answer = ask<QuoteAnswer>(three, 'quote', { speaker: 'Maria Okonkwo', article: 'rail-budget' });
    expect(answer.quotes.map((q) => `${q.article} ${q.paragraph}`)).toEqual(['rail-budget 3']);
  });
});

describe('autocomplete offers each person once', () => {
  it.each([['okon'], ['maria'], ['Okonkwo']])('GIVEN %j THEN Maria Okonkwo once, and not her surname beside her', (typed) => {
    const names = completeOption(three, 'name', typed).map((c) => c.name);
    expect(names.filter((n) => n === 'Maria Okonkwo')).toHaveLength(1);
    expect(names).not.toContain('Okonkwo');
  });

  it('GIVEN nothing typed THEN no name twice, and the person is offered once', () => {
    const names = completeOption(three, 'name', '').map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => /okonkwo/i.test(n))).toEqual(['Maria Okonkwo']);
  });

  it('GIVEN the bundled article and a report naming only "Putin" THEN "put" offers Vladimir Putin once', () => {
    const report = articleFromParagraphs('kremlin-briefing', ['Putin told reporters on Friday that the talks would continue.']);
    const names = completeOption(corpusOf([seedArticle(), report]), 'name', 'put').map((c) => c.name);
    expect(names.filter((n) => /putin/i.test(n))).toEqual(['Vladimir Putin']);
  });

  it('GIVEN two people with the same surname THEN both are offered, each once', () => {
    const names = completeOption(four, 'name', 'okonkwo').map((c) => c.name);
    expect(names.filter((n) => n === 'Maria Okonkwo')).toHaveLength(1);
    expect(names.filter((n) => n === 'Peter Okonkwo')).toHaveLength(1);
  });
});
