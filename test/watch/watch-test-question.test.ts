import { describe, expect, it } from 'vitest';
import { answerQuestion, renderQuestionText } from '../../src/cli/answer-question.ts';
import { seedCorpus } from '../support/corpus.ts';

const corpus = seedCorpus();

describe('/watch test in the terminal', () => {
  it('GIVEN a surname THEN the watch is on the full name and the bundled article fires, quoted, cited', () => {
    const answer = answerQuestion(corpus, '/watch test person:Lavrov');
    if ('error' in answer) throw new Error(answer.error.message);
    expect(answer).toMatchObject({ command: 'watch test', spec: { kind: 'person', person: 'Sergei Lavrov' }, more: 0 });
    expect(answer.command === 'watch test' && answer.alerts[0]).toMatchObject({ quoted: true, articleId: 'putin-belarus-transition' });
    expect(renderQuestionText(answer)).toMatch(/^A watch on person Sergei Lavrov would fire for 1 loaded article:\n\n {2}• .+ \(¶ \d+\)$/);
  });

  it('GIVEN quoted-only on a person only named THEN nothing fires', () => {
    const answer = answerQuestion(corpus, '/watch test person:Lukashenko quoted-only:true');
    if ('error' in answer) throw new Error(answer.error.message);
    expect(renderQuestionText(answer)).toBe(
      'A watch on person Alexander Lukashenko (quoted only) would fire for none of the loaded articles.',
    );
  });

  it.each([
    ['/watch', /one subcommand/],
    ['/watch test', /Expected person:/],
    ['/watch test person:Lavrov topic:talks', /Try one thing/],
    ['/watch test person:<@123>', /mentions/],
    ['/watch test person:Lavrov quoted-only:maybe', /true or false/],
  ])('GIVEN %j THEN a clear error', (line, message) => {
    const answer = answerQuestion(corpus, line);
    expect('error' in answer && answer.error.message).toMatch(message);
  });

  it('GIVEN another command THEN it is answered as before', () => {
    expect(answerQuestion(corpus, '/who name:Lavrov')).toMatchObject({ command: 'who' });
  });
});
