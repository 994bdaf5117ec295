/**
 * A fetched feed document → its title and items, whatever the format (RSS 2.0, Atom, RDF/RSS 1.0,
 * JSON Feed), parsed by feedsmith. Anything else (a web page, an image, broken XML) is a
 * "not a feed" value whose message tells a person what to do.
 */
import type { AnyFeed } from 'feedsmith';
import { decodeHtml, findBomEncoding } from '../ingest/decode-html.ts';
import { loadFeedsmith, loadLinkedom } from '../ingest/load-parsers.ts';
import type { DomDocument } from '../ingest/dom-shapes.ts';
import { newestItems } from './order-items.ts';

/**
 * Items kept from one document at most, the newest (newestItems): a feed is a window on recent
 * news. Every item of the document is read first (the fetch's byte limit bounds how many), so a
 * feed listing its items oldest first still shows its newest.
 */
export const MAX_FEED_ITEMS = 1000;

/** One entry of a feed, normalised across formats. */
export interface FeedItem {
  /** The item's identity: its guid / id, else its link. Stable across checks. */
  id: string;
  /** The story's page, absolute http(s) URL resolved against the feed's address; null when the item has none. */
  link: string | null;
  title: string | null;
  /** ISO 8601, or null when absent or unreadable. */
  published: string | null;
}

export interface ParsedFeed {
  kind: 'feed';
  format: AnyFeed['format'];
  title: string | null;
  /** In document order (most feeds put the newest first): the newest MAX_FEED_ITEMS of the document. */
  items: FeedItem[];
}

export interface NotAFeed {
  kind: 'not-a-feed';
  /** For a person: what the address is and what to do. */
  message: string;
  /** A feed the page itself names (`<link rel="alternate" type="application/rss+xml">`), when it is a web page that has one. */
  suggestedFeedUrl: string | null;
}

/** The bytes and headers of a fetched document (a FetchedPage from src/web fits). */
export interface FeedDocument {
  /** The final address (after redirects): relative links are resolved against it. */
  url: string;
  /** Media type, lower case, no parameters. */
  contentType: string;
  charset: string | null;
  bytes: Uint8Array;
}

const FEED_LINK_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml', 'application/json'];

/** Parses a feed document; never throws. */
export function parseFeedDocument(document: FeedDocument): ParsedFeed | NotAFeed {
  const host = hostOf(document.url);
  const text = decodeFeedText(document);
  if (text === null)
    return notAFeed(`the document at ${host} is not text (${document.contentType || 'no content type'}), so it is not a feed`);
  const { MalformedError, parseFeed } = loadFeedsmith();
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(text);
  } catch (err) {
    if (looksLikeHtml(document.contentType, text)) return describeWebPage(text, document.url, host);
    const detail = err instanceof MalformedError ? 'its XML is broken' : 'it is not RSS, Atom or JSON Feed';
    return notAFeed(`the document at ${host} (${document.contentType || 'no content type'}) is not a feed I can read: ${detail}`);
  }
  const items = newestItems(feedItems(parsed, document.url), MAX_FEED_ITEMS);
  return { kind: 'feed', format: parsed.format, title: cleanText(feedTitle(parsed)), items };
}

function notAFeed(message: string, suggestedFeedUrl: string | null = null): NotAFeed {
  return { kind: 'not-a-feed', message, suggestedFeedUrl };
}

/** A web page: say so, and name the feed it links to when it has one. */
function describeWebPage(html: string, pageUrl: string, host: string): NotAFeed {
  const { document } = loadLinkedom().parseHTML(html) as unknown as { document: DomDocument };
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate"][href]'))) {
    const type = (link.getAttribute('type') ?? '').toLowerCase().trim();
    if (!FEED_LINK_TYPES.includes(type)) continue;
    const href = resolveLink(link.getAttribute('href'), pageUrl);
    if (href !== null) return notAFeed(`that address (${host}) is a web page, not a feed; the page names its feed: ${href}`, href);
  }
  return notAFeed(`that address (${host}) is a web page, not a feed: look for its RSS link`);
}

function looksLikeHtml(contentType: string, text: string): boolean {
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 2000));
}

/**
 * Bytes → text. JSON is UTF-8 (RFC 8259) unless the header says otherwise. XML: the header's
 * charset wins (RFC 7303), then a byte-order mark, then the XML declaration's encoding, then
 * UTF-8. HTML pages (to recognise them) by their own rules. Null when the bytes are not text.
 */
function decodeFeedText(document: FeedDocument): string | null {
  if (document.contentType === 'text/html') {
    const decoded = decodeHtml(document.bytes);
    return 'text' in decoded ? decoded.text : null;
  }
  const label = document.charset ?? findBomEncoding(document.bytes) ?? xmlDeclaredEncoding(document.bytes) ?? 'utf-8';
  try {
    return createDecoder(label).decode(document.bytes);
  } catch {
    return null;
  }
}

/** A strict decoder for the label; UTF-8 when the label is not one TextDecoder knows. */
function createDecoder(label: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return new TextDecoder('utf-8', { fatal: true });
  }
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]{1,40})["']/.exec(head)?.[1] ?? null;
}

function feedTitle(parsed: AnyFeed): string | undefined {
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
    case 'json':
      return parsed.feed.title;
    case 'atom':
      return parsed.feed.title?.value;
  }
}

interface RawItem {
  id: string | undefined;
  link: string | undefined;
  title: string | undefined;
  published: string | undefined;
}

function rawItems(parsed: AnyFeed): RawItem[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => {
        const guid = item.guid?.value;
        // A guid is the item's permalink unless it says isPermaLink="false".
        const guidLink = guid !== undefined && item.guid?.isPermaLink !== false && /^https?:/i.test(guid) ? guid : undefined;
        return { id: guid, link: item.link ?? guidLink, title: item.title, published: item.pubDate ?? item.dc?.dates?.[0] };
      });
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => {
        const links = entry.links ?? [];
        const alternate =
          links.find((l) => (l.rel === undefined || l.rel === 'alternate') && (l.type === undefined || /html/i.test(l.type))) ??
          links.find((l) => l.rel === undefined || l.rel === 'alternate');
        return { id: entry.id, link: alternate?.href, title: entry.title?.value, published: entry.published ?? entry.updated };
      });
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.rdf?.about,
        link: item.link ?? item.rdf?.about,
        title: item.title,
        published: item.dc?.dates?.[0],
      }));
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        id: item.id === undefined ? undefined : String(item.id),
        link: item.url ?? item.external_url,
        title: item.title,
        published: item.date_published ?? item.date_modified,
      }));
  }
}

/** Items with an identity (guid/id, else link); the same id twice in one document is one item. */
function feedItems(parsed: AnyFeed, feedUrl: string): FeedItem[] {
  const items: FeedItem[] = [];
  const ids = new Set<string>();
  for (const raw of rawItems(parsed)) {
    const link = resolveLink(raw.link, feedUrl);
    const id = raw.id?.trim() || link;
    if (!id || ids.has(id)) continue;
    ids.add(id);
    items.push({ id, link, title: cleanText(raw.title), published: toIso(raw.published) });
  }
  return items;
}

/** An absolute http(s) URL (fragment dropped), or null. */
function resolveLink(href: string | null | undefined, base: string): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function toIso(date: string | undefined): string | null {
  if (!date) return null;
  const time = Date.parse(date.trim());
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** Titles may carry markup (Atom type="html"): tags dropped, spaces collapsed. */
function cleanText(text: string | undefined): string | null {
  const cleaned = text
    ?.replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned ? cleaned : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
