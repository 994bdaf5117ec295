/**
 * Whether two names are one person, by the rules the name index groups people across articles
 * with (src/search/group-names.ts): the same folded name; a shorter name of two words or more
 * with the same first and last words as a longer one whose words it keeps in order ("John Smith",
 * "John Fitzgerald Smith"); a one-word name that is the other's last word ("Putin", "Vladimir
 * Putin": news names a person by surname after the first mention, as style guides ask; a first
 * name alone, "James", is not taken for "James Baker", unlike the name index's grouping which
 * also lets a lone first name join). That last only says "maybe": whether the word names
 * someone else too is for the caller to decide (personInArticle asks the corpus).
 */
export type NameRelation = 'same' | 'one-word' | 'different';

export function relateNames(a: readonly string[], b: readonly string[]): NameRelation {
  if (a.length === 0 || b.length === 0) return 'different';
  if (a.length === b.length && a.every((w, i) => w === b[i])) return 'same';
  if (a.length >= 2 && b.length >= 2) {
    if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return 'different';
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    return isSubsequence(short, long) ? 'same' : 'different';
  }
  const [one, other] = a.length === 1 ? [a[0]!, b] : [b[0]!, a];
  return one.length >= 2 && other[other.length - 1] === one ? 'one-word' : 'different';
}

/** True when every word of `short` appears in `long` in the same order. */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0;
  for (const word of long) if (i < short.length && word === short[i]) i++;
  return i === short.length;
}
