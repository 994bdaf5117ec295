import type { QuoteAnswer } from '../model/answer.ts';

const words = (name: string): string[] => name.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Who a `/quote speaker:` answer is about, as the articles name them: "Sergei Lavrov" for
 * `speaker:lavrov` (the asked words are often a fragment or a typo). When the quotes name one
 * speaker, or one full name that the others shorten ("Vladimir Putin" and "Putin"), that name;
 * otherwise what was asked. Null when no speaker was asked.
 */
export function speakerHeading(answer: QuoteAnswer): string | null {
  if (!answer.speaker) return null;
  const names = [...new Set(answer.quotes.map((q) => q.speaker).filter((s): s is string => Boolean(s)))];
  if (names.length === 0) return answer.speaker;
  const longest = names.reduce((a, b) => (words(b).length > words(a).length ? b : a));
  const full = new Set(words(longest));
  return names.every((n) => words(n).every((w) => full.has(w))) ? longest : answer.speaker;
}
