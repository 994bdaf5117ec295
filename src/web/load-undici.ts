import type * as Undici from 'undici';

let undici: Promise<typeof Undici> | undefined;

/**
 * undici, imported at the first fetch: a bot or terminal that fetches nothing (a start, answering
 * questions) never loads it (a quarter of a second of CPU; measured in docs/benchmarks.md, start-up).
 */
export function loadUndici(): Promise<typeof Undici> {
  undici ??= import('undici');
  return undici;
}
