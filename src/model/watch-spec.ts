/** What a watch follows, and the alert a matching article gives: plain data, no Discord. */

/** A person (by the fullest name the corpus knows, "Sergei Lavrov") or a topic (a few words, matched by meaning as /related does). */
export type WatchSpec = { kind: 'person'; person: string; quotedOnly: boolean } | { kind: 'topic'; topic: string };

/** One article's match of one watch. */
export interface WatchAlert {
  kind: 'person' | 'topic';
  /** Who or what fired, as the article wrote it: the variant of the person's name it used ("Lavrov", "the Russian President"), or the topic. */
  label: string;
  /** The watched name or topic as stored. */
  watched: string;
  /** True when the person is quoted (the excerpt is then the first quotation). */
  quoted: boolean;
  /** The first quotation of the person, or the sentence of the first mention, or the paragraph about the topic; at most EXCERPT_MAX characters. */
  excerpt: string;
  /** The paragraph cited (¶ N); null when only the headline names the person. */
  paragraph: number | null;
  articleId: string;
  title: string;
  /** The article's own address, or null. */
  link: string | null;
}

/** Longest excerpt in an alert: a glance, well within Discord's 2000 characters of content. */
export const EXCERPT_MAX = 200;

/** The text cut to `max` characters at a word, with an ellipsis when cut. */
export function clipExcerpt(text: string, max: number = EXCERPT_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const at = clean.lastIndexOf(' ', max - 1);
  return `${clean.slice(0, at > max / 2 ? at : max - 1)}…`;
}
