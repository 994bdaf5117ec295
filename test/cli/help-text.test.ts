import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/cli/answer-question.ts';
import { commandsHelp, promptHelp } from '../../src/cli/help-text.ts';
import { COMMANDS } from '../../src/answers/command-spec.ts';
import { seedCorpus } from '../support/corpus.ts';

describe('the terminal help', () => {
  it('GIVEN --help THEN every command is listed, and /watch test with its options', () => {
    const text = commandsHelp();
    for (const c of COMMANDS) expect(text).toContain(`/${c.name} `);
    expect(text).toMatch(/\/watch test person:… \| topic:… \[quoted-only:true\]/);
    expect(promptHelp()).toContain('/watch test');
  });

  it('GIVEN the /watch test line of the help THEN the question it shows is answered (not a syntax error)', () => {
    const answer = answerQuestion(seedCorpus(), '/watch test person:Lavrov');
    expect(answer).not.toHaveProperty('error');
  });
});
