import { COMMANDS, findCommandSpec } from '../answers/command-spec.ts';
import { userError, type UserError } from '../model/user-error.ts';

export interface Question {
  command: string;
  options: Record<string, string>;
}

/** Longest question line accepted. */
const MAX_QUESTION_LENGTH = 10_000;

const OPTION_START = /(^|\s)([a-z][a-z0-9_-]*):/gi;

/**
 * Parses a slash command as typed in Discord: `/quote speaker:Lavrov about:"the OSCE"`.
 * A value runs until the next `name:` (so `topic:wagner mercenaries` works); quotes ("…" or
 * '…') allow any text, including `name:`. The leading slash is optional.
 */
export function parseQuestion(line: string): Question | UserError {
  const text = line.trim();
  if (text === '') return userError('bad-syntax', 'Type a question, e.g. /summary or /who name:Lavrov.');
  if (text.length > MAX_QUESTION_LENGTH) return userError('bad-syntax', `That question is too long (${text.length} characters).`);
  const head = /^\/?([a-z][a-z0-9_-]*)(?=\s|$)/i.exec(text);
  if (!head) return userError('bad-syntax', `A question starts with a command, e.g. /who name:Lavrov (got "${text.slice(0, 40)}").`);
  const command = head[1]!.toLowerCase();
  // Checked before the options, so that a line of words ("asdf qwerty") is not read as /asdf with a bad option.
  if (!findCommandSpec(command))
    return userError(
      'bad-syntax',
      `Unknown command "${text.startsWith('/') ? '' : '/'}${text.split(/\s/)[0]!.slice(0, 40)}". Try ${COMMANDS.map((c) => `/${c.name}`).join(', ')}.`,
    );
  const options: Record<string, string> = {};
  let rest = text.slice(head[0].length);
  while (rest.trim() !== '') {
    rest = rest.replace(/^\s+/, '');
    const m = /^([a-z][a-z0-9_-]*):/i.exec(rest);
    if (!m) return userError('bad-syntax', `Expected name:value after /${command}, got "${rest.slice(0, 40)}".`);
    const name = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const end = rest.indexOf(quote, 1);
      if (end < 0) return userError('bad-syntax', `The value of ${name} opens a ${quote} quote that is never closed.`);
      value = rest.slice(1, end);
      rest = rest.slice(end + 1);
      if (rest !== '' && !/^\s/.test(rest)) return userError('bad-syntax', `Put a space after the quoted value of ${name}.`);
    } else {
      OPTION_START.lastIndex = 0;
      let next = rest.length;
      for (let match = OPTION_START.exec(rest); match; match = OPTION_START.exec(rest)) {
        if (match.index > 0 || match[1] !== '') {
          next = match.index;
          break;
        }
      }
      value = rest.slice(0, next).trim();
      rest = rest.slice(next);
    }
    if (name in options) return userError('bad-syntax', `Option ${name} is given twice.`);
    options[name] = value;
  }
  return { command, options };
}
