/**
 * Unnamed speakers referred to again: "A Network Rail spokesperson said …" then "'…,' the
 * spokesperson added" — the second quote's speaker is the first description, not a bare
 * "the spokesperson".
 */
import type { Article } from '../model/article.ts';
import type { Quote } from '../model/analysis.ts';
import { escapeRegExp } from './escape-reg-exp.ts';

const DEFINITE = /^the\s+(\p{Ll}[\p{Ll}-]{2,})$/iu;
/** Words that may stand between the article and the head noun ("a senior Network Rail"). */
const MODIFIERS = "(?:[\\p{L}\\p{N}'’-]+\\s+){0,4}?";
/** What may follow the head: "for the British Transport Police", "at the University of Tokyo". */
const COMPLEMENT =
  "(?:\\s+(?:for|of|at|from|with)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}\\p{N}&’'-]*(?:\\s+(?:of\\s+|and\\s+|for\\s+)?\\p{Lu}[\\p{L}\\p{N}&’'-]*)*)?";

/** How many paragraphs back an introducing description is looked for. */
const LOOK_BACK = 30;

/** The last indefinite description ending in `head` written before `end` in the article's paragraphs up to `paragraph`. */
function lastDescription(article: Article, head: string, paragraph: number, end: number): string | null {
  const pattern = new RegExp(`(?<![\\p{L}])[Aa]n?\\s+${MODIFIERS}${escapeRegExp(head)}${COMPLEMENT}(?![\\p{L}])`, 'gu');
  let found: string | null = null;
  for (const p of article.paragraphs) {
    if (p.n > paragraph) break;
    if (p.n < paragraph - LOOK_BACK) continue;
    const text = p.n === paragraph ? p.text.slice(0, end) : p.text;
    for (const m of text.matchAll(pattern)) found = m[0];
  }
  return found;
}

/**
 * Replaces a bare definite speaker ("the spokesperson") by the indefinite description the
 * article introduced it with earlier ("A Network Rail spokesperson"), when there is one.
 */
export function linkDefiniteSpeakers(quotes: Quote[], article: Article): Quote[] {
  return quotes.map((q) => {
    if (q.speakerId !== null || q.speaker === null) return q;
    const m = DEFINITE.exec(q.speaker.trim());
    if (!m) return q;
    const paragraphText = article.paragraphs.find((p) => p.n === q.paragraph)?.text ?? '';
    const at = paragraphText.indexOf(q.text);
    const description = lastDescription(article, m[1]!.toLowerCase(), q.paragraph, at < 0 ? paragraphText.length : at);
    return description ? { ...q, speaker: description } : q;
  });
}
