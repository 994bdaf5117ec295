import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import type { RunCommand } from './command-module.ts';

/** Answers remembered per corpus at most; the least recently used is forgotten first. */
const MEMO_SIZE = 500;
/** Items (quotes, results, mentions, citations) the remembered answers of a corpus may hold together. */
const MEMO_ITEMS = 250_000;

/** How many list items an answer holds (what it costs to keep). */
function weightOf(answer: Answer | UserError): number {
  if ('error' in answer) return 1;
  const lists = Object.values(answer).filter((v): v is unknown[] => Array.isArray(v));
  return 1 + lists.reduce((n, list) => n + list.length, 0);
}

/**
 * Remembers answers per corpus (a corpus never changes; a swapped-in one starts afresh), at
 * most `size` answers holding `items` list items together, so a
 * ◀ ▶ press, or the same question asked again, costs only the rendering of its page. Answers
 * are plain data that renderers only read; the memo hands out the same object each time.
 */
export function memoiseAnswers(run: RunCommand, size = MEMO_SIZE, items = MEMO_ITEMS): RunCommand {
  const memos = new WeakMap<Corpus, { answers: Map<string, Answer | UserError>; weight: number }>();
  return (corpus, name, options) => {
    let entry = memos.get(corpus);
    if (!entry) {
      entry = { answers: new Map(), weight: 0 };
      memos.set(corpus, entry);
    }
    const memo = entry.answers;
    const key = JSON.stringify([
      name,
      Object.entries(options)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    ]);
    const known = memo.get(key);
    if (known) {
      memo.delete(key);
      memo.set(key, known);
      return known;
    }
    const answer = run(corpus, name, options);
    const weight = weightOf(answer);
    if (weight > items) return answer;
    memo.set(key, answer);
    entry.weight += weight;
    while (memo.size > size || entry.weight > items) {
      const [oldest, forgotten] = memo.entries().next().value!;
      memo.delete(oldest);
      entry.weight -= weightOf(forgotten);
    }
    return answer;
  };
}
