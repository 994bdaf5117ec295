/**
 * Answers: plain data with citations, the same for Discord, the terminal and JSON.
 * The JSON contract (documented in README.md) is exactly these shapes.
 */

export interface Citation {
  article: string;
  paragraph: number;
}

export interface SummaryPoint extends Citation {
  text: string;
}

export interface SummaryAnswer {
  command: 'summary';
  article: ArticleRef;
  points: SummaryPoint[];
  citations: Citation[];
}

export interface QuoteItem extends Citation {
  text: string;
  speaker: string | null;
  /** The speaker's role as the article states it, when known. */
  role: string | null;
  /** Why the analysis chose this speaker (shown with `--explain`), when it says. */
  reason?: string;
}

export interface QuoteAnswer {
  command: 'quote';
  /** Echo of what was asked, for headings ("Quotes by Sergei Lavrov about Ukraine"). */
  speaker: string | null;
  about: string | null;
  quotes: readonly QuoteItem[];
  citations: readonly Citation[];
}

/**
 * What /who found: `person` / `organisation` = an entity the analysis recognised; `mention` =
 * the words occur in the text, but Pilcrow does not know who or what they name (no roles,
 * aliases or quotes then; `mentions` are the paragraphs where the words occur).
 */
export type WhoKind = 'person' | 'organisation' | 'mention';

/** One article's part of a /who answer. */
export interface WhoArticle {
  article: ArticleRef;
  /** The roles this article gives (as written). */
  roles: string[];
  mentions: Citation[];
}

export interface WhoAnswer {
  command: 'who';
  /** The fullest name; for a `mention`, the words as the text writes them. */
  name: string;
  kind: WhoKind;
  /** The article asked about, else the one that mentions them most (the first of `articles`). */
  article: ArticleRef;
  /** Roles, aliases, mentions and quotes of every article gathered (`articles`), the main article's first. */
  roles: string[];
  aliases: string[];
  mentions: Citation[];
  quotes: QuoteItem[];
  /** Each article gathered, the main one first, then by mentions. */
  articles: WhoArticle[];
  /** Articles that also name them but were not gathered (the answer is capped); 0 when none. */
  moreArticles: number;
  /** Other people or organisations the name fits just as well ("Okonkwo": Peter Okonkwo), at most 5. */
  namesakes: string[];
  citations: Citation[];
}

export interface RelatedResult extends Citation {
  text: string;
  /** 0..1, higher is more related. */
  score: number;
  /**
   * Present when the paragraph was found by meaning, not by the topic's words: each topic word
   * and the paragraph word close to it in meaning ({topic: "demonstrations", text: "protests"}).
   */
  meaning?: Array<{ topic: string; text: string }>;
}

export interface RelatedAnswer {
  command: 'related';
  topic: string;
  results: RelatedResult[];
  /** Other articles in the corpus on the topic, best first. */
  articles: ArticleRef[];
  citations: Citation[];
}

export interface ArticleRef {
  id: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
}

/** One article of a round-up: its headline and link, and its best points, each cited. */
export interface RoundupArticle {
  article: ArticleRef;
  /** When Pilcrow added it (ISO 8601), when known. */
  added: string | null;
  points: SummaryPoint[];
}

/** The daily digest's round-up: the articles added since the last one, newest first, a few cited points each. */
export interface RoundupAnswer {
  command: 'roundup';
  /** The start of the period (ISO 8601); null for everything there is. */
  since: string | null;
  articles: RoundupArticle[];
  /** Articles added in the period that the round-up leaves out (it is capped); 0 when none. */
  moreArticles: number;
  citations: Citation[];
}

export type Answer = SummaryAnswer | QuoteAnswer | WhoAnswer | RelatedAnswer | RoundupAnswer;
/** The questions a member asks (runCommand); the round-up is posted by the daily digest, not asked. */
export type CommandName = Exclude<Answer['command'], 'roundup'>;
