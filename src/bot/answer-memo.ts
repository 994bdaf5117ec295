import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import type { RunCommand } from './command-module.ts';

/** Answers remembered per corpus at most; the least recently used is forgotten first. */
const MEMO_SIZE = 500;

/**
 * Remembers answers per corpus (a corpus never changes; a swapped-in one starts afresh), so a
 * ◀ ▶ press, or the same question asked again, costs only the rendering of its page. Answers
 * are plain data that renderers only read; the memo hands out the same object each time.
 */
export function memoiseAnswers(run: RunCommand, size = MEMO_SIZE): RunCommand {
  const memos = new WeakMap<Corpus, Map<string, Answer | UserError>>();
  return (corpus, name, options) => {
    let memo = memos.get(corpus);
    if (!memo) {
      memo = new Map();
      memos.set(corpus, memo);
    }
    const key = JSON.stringify([name, Object.entries(options).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))]);
    const known = memo.get(key);
    if (known) {
      memo.delete(key);
      memo.set(key, known);
      return known;
    }
    const answer = run(corpus, name, options);
    memo.set(key, answer);
    if (memo.size > size) memo.delete(memo.keys().next().value!);
    return answer;
  };
}
