import { runCommand } from '../answers/run-command.ts';
import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import { parseQuestion } from './parse-question.ts';

/** One typed question (slash syntax) answered against the corpus. */
export function answerQuestion(corpus: Corpus, line: string): Answer | UserError {
  const question = parseQuestion(line);
  if ('error' in question) return question;
  return runCommand(corpus, question.command, question.options);
}
