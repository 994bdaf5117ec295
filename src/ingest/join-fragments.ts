/** Joining two pieces of one sentence that a line or block break separated. */

/** Joins `a` and `b`: no space before closing punctuation (",", ".", ";", ":", ")", "!", "?"), one space otherwise. */
export function joinFragments(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return /^[,.;:)\]!?…%]/.test(b) ? a + b : `${a} ${b}`;
}
