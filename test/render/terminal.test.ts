import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/answers/run-command.ts';
import { renderAnswerText, renderErrorText } from '../../src/render/terminal.ts';
import { fullCorpus, ministerInTwoArticles, seedCorpus } from '../support/corpus.ts';

const seed = seedCorpus();
const full = fullCorpus();

function text(corpus: typeof seed, command: string, options: Record<string, string | number>): string {
  const answer = runCommand(corpus, command, options);
  return 'error' in answer ? renderErrorText(answer) : renderAnswerText(answer);
}

describe('renderAnswerText', () => {
  it.each([
    ['summary', {}],
    ['quote', { speaker: 'Lavrov' }],
    ['who', { name: 'Lukashenko' }],
    ['related', { topic: 'mercenaries' }],
  ])('GIVEN /%s THEN every citation stays whole on one line and lines fit 96 columns', (command, options) => {
    const out = text(seed, command, options);
    expect(out).toMatch(/¶\u00a0\d+/);
    for (const line of out.split('\n')) {
      expect(line).not.toMatch(/\(¶$/);
      expect(line.length).toBeLessThanOrEqual(96 + 20);
    }
  });

  it('GIVEN a summary THEN each point ends with its citation', () => {
    const points = text(seed, 'summary', { length: 3 }).split('\n  • ').slice(1);
    expect(points).toHaveLength(3);
    for (const p of points) expect(p.trim()).toMatch(/\(¶\u00a0\d+\)$/);
  });

  it('GIVEN a summary of an article with a published date THEN the date is shown under the headline as a reader reads it', () => {
    const answer = runCommand(seed, 'summary', {});
    if ('error' in answer || answer.command !== 'summary') throw new Error('expected a summary');
    const dated = { ...answer, article: { ...answer.article, source: 'Westby Gazette', url: null, published: '2008-08-15' } };
    expect(renderAnswerText(dated).split('\n')[1]).toBe('Westby Gazette · 15 August 2008');
  });

  it('GIVEN an answer citing several articles THEN citations name the article', () => {
    expect(text(full, 'quote', {})).toMatch(/\(wikinews-20070223-train\u00a0¶\u00a0\d+\)/);
  });

  it('GIVEN a user error with suggestions THEN it offers them', () => {
    expect(text(seed, 'who', { name: 'Napoleon' })).toMatch(/Did you mean: .+\?/);
  });

  it('GIVEN /who of a person in two articles THEN each article is listed with its paragraphs and quotes name their article', () => {
    const corpus = ministerInTwoArticles();
    const out = text(corpus, 'who', { name: 'Okonkwo' });
    expect(out).toMatch(/^Maria Okonkwo \(person\)\nIn 2 articles/);
    expect(out).toMatch(/• Rail budget cuts regional lines \[rail-budget\]: ¶\u00a01, ¶\u00a02/);
    expect(out).toMatch(/\(radio-interview\u00a0¶\u00a02\)/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(96 + 20);
  });

  it('GIVEN /who of words that are no known name THEN the terminal says they were found, not who they are', () => {
    expect(text(seed, 'who', { name: 'Volyn' })).toMatch(
      /^“Volyn” — found in the text, but Pilcrow does not know who or what this is\nIn: .+\n\n {2}Found in: ¶\u00a05$/,
    );
  });
});
