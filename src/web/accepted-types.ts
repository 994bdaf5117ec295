/** What a fetch is for; decides the Accept header sent and the content types taken. */
export type FetchPurpose = 'article' | 'feed' | 'attachment';

const ARTICLE = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'text/x-markdown'];
/**
 * Feeds: RSS, Atom, RDF and JSON Feed under their own and generic types. text/html is taken too,
 * so that the feed code can say "that is a web page, not a feed" instead of a bare type error.
 */
const FEED = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/xml',
  'text/xml',
  'application/json',
  'text/html',
  'application/xhtml+xml',
];

/** True when a response of `mediaType` is what a fetch for `purpose` wants. */
export function isAcceptedType(purpose: FetchPurpose, mediaType: string): boolean {
  switch (purpose) {
    case 'article':
      return ARTICLE.includes(mediaType);
    case 'feed':
      return FEED.includes(mediaType) || /^application\/[a-z0-9.-]+\+(xml|json)$/.test(mediaType);
    case 'attachment':
      // Discord's CDN names most text files text/*; unknown extensions come as octet-stream, and the
      // library checks the file's name and bytes itself.
      return mediaType.startsWith('text/') || mediaType === 'application/xhtml+xml' || mediaType === 'application/octet-stream';
  }
}

/** The Accept header for a purpose. */
export function acceptHeader(purpose: FetchPurpose): string {
  switch (purpose) {
    case 'article':
      return 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8';
    case 'feed':
      return 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1';
    case 'attachment':
      return 'text/*,application/xhtml+xml;q=0.9,*/*;q=0.1';
  }
}
