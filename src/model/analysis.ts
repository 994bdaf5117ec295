/** What analysis finds in one article. All positions are paragraph numbers (citations). */

export interface Sentence {
  paragraph: number;
  /** Index of the sentence within its paragraph, from 0. */
  index: number;
  text: string;
  /** Character offsets within the paragraph text. */
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'organisation';

export interface Mention {
  paragraph: number;
  /** The words as they appear ("Lavrov", "the Russian President", "he"). */
  text: string;
}

export interface Role {
  /** The role as the article states it ("Foreign Minister", "his Belarusian counterpart"). */
  text: string;
  paragraph: number;
}

export interface Entity {
  /** Unique within its article, e.g. "sergei-lavrov". */
  id: string;
  /** Fullest name used ("Sergei Lavrov"). */
  name: string;
  kind: EntityKind;
  roles: Role[];
  /** Other ways the article names it ("Lavrov", "the Russian Foreign Minister"). */
  aliases: string[];
  /** Every mention, in reading order. */
  mentions: Mention[];
  /** Why the analysis took it for a person or organisation: the rule that decided and its reason. */
  reason?: EntityReason;
}

/** A named rule's verdict on a name ("known-first-name": "\"Anna\" is a first name"). */
export interface EntityReason {
  rule: string;
  text: string;
}

export type QuoteKind = 'full' | 'partial' | 'scare';

/** How the speaker was found. */
export type Attribution =
  | 'said' // "…," said X  /  X said: "…"  /  "…," X said
  | 'added' // "…," he added (pronoun resolved)
  | 'continuation' // a paragraph that only continues the previous speaker's quote
  | 'according-to' // according to X, "…"
  | 'colon' // X: "…"
  | 'context' // the quoted words sit in a sentence about X ("in the words of X")
  | 'none';

export interface Quote {
  /** The quoted words without the quotation marks. */
  text: string;
  kind: QuoteKind;
  paragraph: number;
  /** Entity id of the speaker, or null when the article does not say who spoke. */
  speakerId: string | null;
  /** Speaker as named for display ("Sergei Lavrov", or "a spokesman for the Cumbria Fire and Rescue squad"); null when unknown. */
  speaker: string | null;
  attribution: Attribution;
  /** Why this speaker was chosen, for `--explain` ("Costa ← the attribution after the quote (Costa); model 0.97"). */
  reason?: string;
}

export interface RankedSentence {
  paragraph: number;
  index: number;
  text: string;
  score: number;
}

export interface ArticleAnalysis {
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  /** Sentences ranked best-first for extractive summaries. */
  ranking: RankedSentence[];
}
