/**
 * Variants of one name within an article: a one-word mention that is not exactly anyone's
 * surname but is a near spelling of exactly one of them ("Ms Rowe" three paragraphs after
 * "Jane Roe", "Mr Feltam" for "Martin Feltham"), found with fuse.js.
 */
import Fuse from 'fuse.js';

/** How far a spelling may stray (fuse.js score, 0 = exact); short names must match closely. */
const MAX_SCORE = 0.34;

/**
 * A finder of the one owner among `people` whose surname is a near spelling of a word (null
 * when none or several are). Exact surnames are handled before it is asked. One fuse.js index
 * per article; answers are remembered per word.
 */
export function createVariantFinder<T extends { name: string }>(people: T[]): (word: string) => T | null {
  const surnames = people
    .map((p) => ({ person: p, surname: p.name.toLowerCase().split(' ').at(-1)! }))
    .filter((s) => s.surname.length >= 3);
  const fuse = new Fuse(surnames, {
    keys: ['surname'],
    includeScore: true,
    threshold: MAX_SCORE,
    ignoreLocation: true,
    isCaseSensitive: false,
  });
  const memo = new Map<string, T | null>();
  return (word: string): T | null => {
    const lower = word.toLowerCase();
    if (lower.length < 3 || surnames.length === 0) return null;
    const known = memo.get(lower);
    if (known !== undefined) return known;
    const hits = fuse
      .search(lower, { limit: 8 })
      .filter(
        (h) =>
          (h.score ?? 1) <= MAX_SCORE &&
          h.item.surname !== lower &&
          h.item.surname[0] === lower[0] &&
          Math.abs(h.item.surname.length - lower.length) <= 2,
      );
    const owners = [...new Set(hits.map((h) => h.item.person))];
    const owner = owners.length === 1 ? owners[0]! : null;
    if (memo.size < 10_000) memo.set(lower, owner);
    return owner;
  };
}
