import { runCommand } from '../answers/run-command.ts';
import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import type { WatchTestAnswer } from '../watch/watch-test.ts';
import { renderAnswerText, type TextOptions } from '../render/terminal.ts';
import { renderWatchTestText } from '../render/watch-test-text.ts';
import { parseQuestion } from './parse-question.ts';
import { answerWatchQuestion } from './watch-test-question.ts';

/** What a typed question gets: a command's answer, or the articles a watch would fire for (/watch test). */
export type QuestionAnswer = Answer | WatchTestAnswer;

/** One typed question (slash syntax) answered against the corpus. */
export function answerQuestion(corpus: Corpus, line: string): QuestionAnswer | UserError {
  const watch = answerWatchQuestion(corpus, line);
  if (watch) return watch;
  const question = parseQuestion(line);
  if ('error' in question) return question;
  return runCommand(corpus, question.command, question.options);
}

/** An answer as terminal text. */
export function renderQuestionText(answer: QuestionAnswer, options: TextOptions = {}): string {
  return answer.command === 'watch test' ? renderWatchTestText(answer) : renderAnswerText(answer, options);
}
