import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { testWatch, type WatchTestAnswer } from '../watch/watch-test.ts';

const OPTION = /(?:^|\s)(person|topic|quoted-only):/gi;

/**
 * `/watch test person:Lavrov [quoted-only:true]` or `/watch test topic:…` typed in the terminal:
 * the answer, a user error, or null when the line is not a /watch question (the other commands
 * are parsed by parseQuestion). Values run to the next `name:`, as parseQuestion reads them.
 */
export function answerWatchQuestion(corpus: Corpus, line: string): WatchTestAnswer | UserError | null {
  const head = /^\/?watch(?=\s|$)\s*/i.exec(line.trim());
  if (!head) return null;
  const rest = line.trim().slice(head[0].length);
  const sub = /^test(?=\s|$)\s*/i.exec(rest);
  if (!sub) return userError('bad-syntax', 'In the terminal, /watch has one subcommand: /watch test person:Lavrov (or topic:…).');
  const text = rest.slice(sub[0].length);
  const marks = [...text.matchAll(OPTION)];
  if (marks.length === 0 || text.slice(0, marks[0]!.index).trim() !== '') {
    return userError('bad-syntax', 'Expected person:, topic: or quoted-only: after /watch test.');
  }
  const values: Record<string, string> = {};
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : text.length;
    values[m[1]!.toLowerCase()] = text
      .slice(start, end)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
  });
  const quoted = values['quoted-only']?.toLowerCase();
  if (quoted !== undefined && quoted !== 'true' && quoted !== 'false') return userError('bad-option', 'quoted-only is true or false.');
  return testWatch(corpus, { person: values.person, topic: values.topic, quotedOnly: quoted === 'true' });
}
