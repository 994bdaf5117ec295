/**
 * Variants of one name within an article: a one-word mention that is not exactly anyone's
 * surname but is a near spelling of exactly one of them ("Ms Rowe" three paragraphs after
 * "Jane Roe", "Mr Feltam" for "Martin Feltham"), found with fuse.js.
 */
import Fuse from 'fuse.js';

/** How far a spelling may stray (fuse.js score, 0 = exact); short names must match closely. */
const MAX_SCORE = 0.34;

/**
 * The one owner among `people` whose surname is a near spelling of `word`, or null when none or
 * several are. Exact surnames are handled before this is asked.
 */
export function findVariantOwner<T extends { name: string }>(word: string, people: T[]): T | null {
  const lower = word.toLowerCase();
  if (lower.length < 3 || people.length === 0) return null;
  const surnames = people.map((p) => ({ person: p, surname: p.name.toLowerCase().split(' ').at(-1)! }))
    .filter((s) => s.surname.length >= 3 && s.surname[0] === lower[0] && Math.abs(s.surname.length - lower.length) <= 2);
  if (surnames.length === 0) return null;
  const fuse = new Fuse(surnames, { keys: ['surname'], includeScore: true, threshold: MAX_SCORE, ignoreLocation: true, isCaseSensitive: false });
  const hits = fuse.search(lower).filter((h) => (h.score ?? 1) <= MAX_SCORE && h.item.surname !== lower);
  const owners = [...new Set(hits.map((h) => h.item.person))];
  return owners.length === 1 ? owners[0]! : null;
}
