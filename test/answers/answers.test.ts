import { describe, expect, it } from 'vitest';
import { completeOption } from '../../src/answers/autocomplete.ts';
import { runCommand } from '../../src/answers/run-command.ts';
import type { Answer, QuoteAnswer, RelatedAnswer, SummaryAnswer, WhoAnswer } from '../../src/model/answer.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { fullCorpus, seedCorpus } from '../support/corpus.ts';

const seed = seedCorpus();
const full = fullCorpus();
const SEED = 'putin-belarus-transition';

function ask<T extends Answer>(corpus: Corpus, command: string, options: Record<string, string | number | undefined> = {}): T {
  const answer = runCommand(corpus, command, options);
  if ('error' in answer) throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
  return answer as T;
}

function paragraphText(corpus: Corpus, article: string, n: number): string {
  return corpus.byId.get(article)!.article.paragraphs[n - 1]!.text;
}

describe('/summary', () => {
  it('GIVEN the bundled article THEN three points (the default), each a sentence of the paragraph it cites, in article order', () => {
    const answer = ask<SummaryAnswer>(seed, 'summary');
    expect(answer.article.title).toBe('Putin delays the transition in Belarus to pilot it');
    expect(answer.points).toHaveLength(3);
    for (const p of answer.points) expect(paragraphText(seed, p.article, p.paragraph)).toContain(p.text);
    const order = answer.points.map((p) => p.paragraph);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(answer.citations).toEqual(
      answer.points
        .map(({ article, paragraph }) => ({ article, paragraph }))
        .filter((c, i, all) => all.findIndex((d) => d.paragraph === c.paragraph) === i),
    );
  });

  it.each([1, 3, 10])('GIVEN length %i THEN at most that many points', (length) => {
    const answer = ask<SummaryAnswer>(seed, 'summary', { length });
    expect(answer.points.length).toBe(length);
  });

  it.each([0, 11, '3.5', 'many'])('GIVEN length %j THEN a clear bad-option error', (length) => {
    expect(runCommand(seed, 'summary', { length })).toMatchObject({ error: { code: 'bad-option' } });
  });

  it('GIVEN a misspelt headline THEN that article is summarised', () => {
    const answer = ask<SummaryAnswer>(full, 'summary', { article: 'china anounced final panel' });
    expect(answer.article.id).toBe('wikinews-20160706-telescope');
  });

  it('GIVEN an article nobody wrote THEN unknown-article', () => {
    expect(runCommand(full, 'summary', { article: 'zzzz qqqq' })).toMatchObject({ error: { code: 'unknown-article' } });
  });
});

describe('/who', () => {
  it.each([
    ['lavrof', 'Sergei Lavrov'],
    ['Lavrov', 'Sergei Lavrov'],
    ['lukashenk', 'Alexander Lukashenko'],
    ['putin', 'Vladimir Putin'],
    ['Zelensky', 'Volodimir Zelensky'],
  ])('GIVEN %j THEN the profile of %s', (name, expected) => {
    const answer = ask<WhoAnswer>(seed, 'who', { name });
    expect(answer.name).toBe(expected);
    expect(answer.mentions.length).toBeGreaterThan(0);
    for (const m of answer.mentions) expect(m.article).toBe(SEED);
  });

  it('GIVEN Lavrov THEN his role, his mentions and his quotes, all cited', () => {
    const answer = ask<WhoAnswer>(seed, 'who', { name: 'Lavrov' });
    expect(answer.kind).toBe('person');
    expect(answer.roles.join(' ')).toMatch(/Foreign Minister/);
    expect(answer.mentions.map((m) => m.paragraph)).toEqual(expect.arrayContaining([4, 7, 9]));
    expect(answer.quotes.map((q) => q.paragraph)).toEqual(expect.arrayContaining([4, 9, 12]));
    for (const q of answer.quotes) expect(paragraphText(seed, SEED, q.paragraph)).toContain(q.text.slice(0, 20));
  });

  it('GIVEN a name not in the article THEN not-found with names to try', () => {
    const answer = runCommand(seed, 'who', { name: 'Napoleon Bonaparte' });
    expect(answer).toMatchObject({ error: { code: 'not-found' } });
    expect(('error' in answer && answer.error.suggestions?.length) || 0).toBeGreaterThan(0);
  });

  it.each(['', '   ', '!!!', '\u200b\u200b'])('GIVEN the empty-ish name %j THEN bad-option', (name) => {
    expect(runCommand(seed, 'who', { name })).toMatchObject({ error: { code: 'bad-option' } });
  });

  it('GIVEN no name at all THEN bad-option naming the option', () => {
    const answer = runCommand(seed, 'who', {});
    expect(answer).toMatchObject({ error: { code: 'bad-option' } });
    expect('error' in answer && answer.error.message).toContain('name');
  });
});

describe('/quote', () => {
  it('GIVEN speaker Lavrov THEN his quotes, "he added" in ¶12 included, each cited', () => {
    const answer = ask<QuoteAnswer>(seed, 'quote', { speaker: 'Lavrov' });
    const paragraphs = answer.quotes.map((q) => q.paragraph);
    expect(paragraphs).toEqual(expect.arrayContaining([4, 5, 9, 12, 38]));
    for (const q of answer.quotes) expect(q.speaker).toBe('Sergei Lavrov');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('GIVEN no options THEN every quote of the corpus with a speaker or null', () => {
    const answer = ask<QuoteAnswer>(seed, 'quote');
    expect(answer.quotes.length).toBeGreaterThanOrEqual(10);
    expect(answer.quotes.some((q) => q.speaker === 'Vladimir Putin')).toBe(true);
  });

  it('GIVEN a topic THEN only quotes about it', () => {
    const answer = ask<QuoteAnswer>(seed, 'quote', { about: 'extremists camps' });
    expect(answer.quotes[0]?.paragraph).toBe(5);
  });

  it('GIVEN a speaker from another article THEN the right article is searched', () => {
    const answer = ask<QuoteAnswer>(full, 'quote', { speaker: 'haddox' });
    expect(answer.quotes.length).toBeGreaterThan(0);
    for (const q of answer.quotes) expect(q).toMatchObject({ article: 'wikinews-20070306-drain', speaker: 'Eric Haddox' });
  });

  it('GIVEN someone mentioned but never quoted THEN not-found saying so', () => {
    const answer = runCommand(seed, 'quote', { speaker: 'Mishustin' });
    expect(answer).toMatchObject({ error: { code: 'not-found' } });
    expect('error' in answer && answer.error.message).toMatch(/not quoted/);
  });
});

describe('/related', () => {
  it.each([
    ['mercenarys wagner', 16],
    ['zelensky extradition', 17],
    ['torture UN experts', 20],
  ])('GIVEN the topic %j THEN ¶%i comes first', (topic, paragraph) => {
    const answer = ask<RelatedAnswer>(seed, 'related', { topic });
    expect(answer.results[0]).toMatchObject({ article: SEED, paragraph });
    expect(answer.results[0]!.text).toBe(paragraphText(seed, SEED, paragraph));
  });

  it('GIVEN a topic of another article THEN its paragraphs and that article', () => {
    const answer = ask<RelatedAnswer>(full, 'related', { topic: 'radio telescope' });
    expect(answer.results[0]?.article).toBe('wikinews-20160706-telescope');
  });

  it('GIVEN gibberish THEN not-found, not an error', () => {
    expect(runCommand(seed, 'related', { topic: 'qxzvbnm' })).toMatchObject({ error: { code: 'not-found' } });
  });
});

describe('runCommand with hostile input', () => {
  const hostile = [
    '',
    ' ',
    "'",
    '!',
    '^',
    '=',
    '|',
    '$',
    "!^'=|$",
    '.*+?()[]{}\\',
    '**bold** _x_ `c`',
    '@everyone',
    '<@&123456789012345678>',
    '\u202eevil\u202c',
    '🦆🦆',
    'Путин',
    '普京',
    'a'.repeat(6000),
    '\u0000\u0001',
  ];
  /** The options of each command (src/answers/command-spec). */
  const OPTIONS: Record<string, string[]> = {
    who: ['name', 'article'],
    quote: ['speaker', 'about', 'article'],
    related: ['topic', 'article'],
    summary: ['article', 'length'],
  };
  /** How each kind of "found nothing" begins, the value then quoted. */
  const NOT_FOUND = /^(?:Nobody called|No quotes about|Nothing in the articles is about|No article matches) "/;
  it.each(['who', 'quote', 'related', 'summary'])(
    'GIVEN any string for any option of /%s THEN an answer or a user error with a short clear message, never a throw',
    (command) => {
      for (const value of hostile) {
        for (const option of ['name', 'speaker', 'about', 'topic', 'article', 'length']) {
          const answer = runCommand(seed, command, { [option]: value });
          if (!('error' in answer)) {
            expect(answer, `/${command} ${option}:${value.slice(0, 20)}`).toMatchObject({ command, citations: expect.any(Array) });
            continue;
          }
          const { code, message } = answer.error;
          const where = `/${command} ${option}:${JSON.stringify(value.slice(0, 20))} → ${message}`;
          // Short, one line, without the control or direction characters the value held.
          expect(message.length, where).toBeLessThanOrEqual(200);
          expect(message, where).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/u);
          if (!OPTIONS[command]!.includes(option)) {
            expect(message, where).toMatch(
              new RegExp(`^/${command} has no option "${option}"\\. Options: ${OPTIONS[command]!.join(', ')}\\.$`),
            );
          } else if (code === 'bad-option') {
            // Says which option or command to fix, and how.
            expect(message.includes(option) || message.includes(`/${command}`), where).toBe(true);
          } else {
            expect(['not-found', 'unknown-article'], where).toContain(code);
            expect(message, where).toMatch(NOT_FOUND);
          }
        }
      }
    },
  );

  it('GIVEN an unknown command or option THEN it says which', () => {
    expect(runCommand(seed, 'weather', {})).toMatchObject({ error: { code: 'bad-syntax' } });
    expect(runCommand(seed, 'who', { name: 'Putin', colour: 'red' })).toMatchObject({ error: { code: 'bad-option' } });
  });
});

describe('completeOption', () => {
  it('GIVEN "lavr" THEN Sergei Lavrov first', () => {
    expect(completeOption(seed, 'name', 'lavr')[0]).toEqual({ name: 'Sergei Lavrov', value: 'Sergei Lavrov' });
  });

  it('GIVEN part of a headline THEN that article, by id', () => {
    expect(completeOption(full, 'article', 'putin delays')[0]?.value).toBe(SEED);
  });

  it('GIVEN nothing typed THEN up to 25 valid choices', () => {
    for (const kind of ['name', 'article'] as const) {
      const choices = completeOption(full, kind, '');
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
