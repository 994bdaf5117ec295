/** A cleaned, numbered news article: what ingestion produces and everything else reads. */

/** A body paragraph. `n` is its citation number (1..N within its article). */
export interface Paragraph {
  n: number;
  text: string;
}

/** A crosshead (short subheading). It is not numbered; `before` is the paragraph it precedes. */
export interface Heading {
  before: number;
  text: string;
}

export interface Article {
  /** Stable id derived from the file name (kebab-case, no extension), unique within a corpus. */
  id: string;
  /** Path of the file it was read from. */
  file: string;
  /** Headline; null when the article has none (then renderers fall back to the first words). */
  title: string | null;
  /** Section kicker found glued to or above the headline ("Crisis"), if any. */
  kicker: string | null;
  /** Who wrote it ("Jane Doe and John Roe"), when the file or page says; absent otherwise. */
  byline?: string | null;
  source: string | null;
  url: string | null;
  /** Publication date as written in front matter (ISO 8601 preferred). */
  published: string | null;
  /**
   * The server (Discord guild id) the article belongs to, from its place in the data directory
   * (`guilds/<guild id>/`); null or absent for files directly in the data directory, shared by every server.
   */
  scope?: string | null;
  /** When Pilcrow added it (ISO 8601, front matter `added`), for articles added by link, file or feed; absent for files placed by hand. */
  added?: string | null;
  tags: string[];
  /** Headlines of related articles listed by the site. */
  related: string[];
  headings: Heading[];
  paragraphs: Paragraph[];
}

/** A file in the data directory that could not be loaded, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}
