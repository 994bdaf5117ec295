/** An Article as the readable Markdown file the library stores: YAML front matter, headline, crossheads, paragraphs. */
import { loadYaml } from '../ingest/load-parsers.ts';
import type { Article } from '../model/article.ts';

/** What the library knows about an article beyond its text (the `pilcrow:` block and `added`). */
export interface LibraryFacts {
  /** When it was added (ISO 8601). */
  added: string;
  /** The canonical URL, when it came from the web or its file named one. */
  url: string | null;
  /** The address it was fetched from, when it differs from the canonical URL. */
  sourceUrl: string | null;
  /** {@link hashParagraphs} of its paragraphs. */
  hash: string | null;
  /** The feed item id (guid / id) and the feed it came from, for feed items. */
  feedItem: string | null;
  feed: string | null;
  /** The name of the uploaded file it was read from. */
  fileName: string | null;
}

/**
 * Renders the article as Markdown with YAML front matter (title, byline, published, source, url,
 * added, tags and a `pilcrow:` block with hash, source_url, feed_item, feed, file — keys without
 * a value left out), then `# headline`, the paragraphs with `## crossheads` before the paragraph
 * they head, and the related headlines as a "Related coverage" list. Read back by the article
 * loader, it gives the same headline, byline, date, URL and paragraphs.
 */
export function renderArticleMarkdown(article: Article, facts: LibraryFacts): string {
  const pilcrow = compact({
    hash: facts.hash,
    source_url: facts.sourceUrl,
    feed_item: facts.feedItem,
    feed: facts.feed,
    file: facts.fileName,
  });
  const front = compact({
    title: article.title,
    byline: article.byline ?? null,
    published: article.published,
    source: article.source,
    url: facts.url,
    added: facts.added,
    tags: article.tags.length > 0 ? article.tags : null,
    pilcrow: Object.keys(pilcrow).length > 0 ? pilcrow : null,
  });
  const lines: string[] = ['---', loadYaml().stringify(front, { lineWidth: 0 }).trimEnd(), '---', ''];
  if (article.title !== null) lines.push(`# ${oneLine(article.title)}`, '');
  const headings = new Map<number, string[]>();
  for (const heading of article.headings) headings.set(heading.before, [...(headings.get(heading.before) ?? []), heading.text]);
  for (const paragraph of article.paragraphs) {
    for (const heading of headings.get(paragraph.n) ?? []) lines.push(`## ${oneLine(heading)}`, '');
    lines.push(oneLine(paragraph.text), '');
  }
  if (article.related.length > 0) {
    lines.push('Related coverage', '');
    for (const headline of article.related) lines.push(`- ${oneLine(headline)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
