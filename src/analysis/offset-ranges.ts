/**
 * Whether the offset `at` lies inside one of the sorted, disjoint ranges `[start, end]` (binary
 * search): after its start, and before its end — or at it, when `end` is 'inclusive' (a closing
 * quotation mark's own offset counts as inside).
 */
export function isInsideRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number, end: 'inclusive' | 'exclusive'): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (at <= a) hi = mid - 1;
    else if (end === 'inclusive' ? at > b : at >= b) lo = mid + 1;
    else return true;
  }
  return false;
}
