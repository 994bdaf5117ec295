import { escape, SITE_NAME } from './render-page.ts';

/** One entry of a feed, as the site lists it. */
export interface FeedItem {
  /** guid / id: stable across edits of the item. */
  id: string;
  title: string;
  /** Absolute link to the article page. */
  link: string;
  /** ISO 8601. */
  published: string;
  summary: string;
  authors: string[];
  categories: string[];
}

/** An RSS 2.0 channel (with an atom:link self reference and dc:creator, as WordPress writes it). */
export function renderRss(items: readonly FeedItem[], selfUrl: string, siteUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${SITE_NAME} – Latest news</title>
<link>${escape(siteUrl)}</link>
<description>Local news from Port Callan and the county</description>
<language>en-gb</language>
<atom:link href="${escape(selfUrl)}" rel="self" type="application/rss+xml"/>
${items
  .map(
    (item) => `<item>
<title>${escape(item.title)}</title>
<link>${escape(item.link)}</link>
<guid isPermaLink="false">${escape(item.id)}</guid>
<pubDate>${new Date(item.published).toUTCString()}</pubDate>
${item.authors.map((a) => `<dc:creator><![CDATA[${a}]]></dc:creator>`).join('\n')}
${item.categories.map((c) => `<category>${escape(c)}</category>`).join('\n')}
<description><![CDATA[<p>${item.summary}</p>]]></description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}

/** An Atom 1.0 feed. */
export function renderAtom(items: readonly FeedItem[], selfUrl: string, siteUrl: string, updated: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${SITE_NAME}</title>
<subtitle>Local news from Port Callan and the county</subtitle>
<id>${escape(siteUrl)}/</id>
<link rel="alternate" type="text/html" href="${escape(siteUrl)}/"/>
<link rel="self" type="application/atom+xml" href="${escape(selfUrl)}"/>
<updated>${updated}</updated>
${items
  .map(
    (item) => `<entry>
<title type="text">${escape(item.title)}</title>
<id>${escape(item.id)}</id>
<link rel="alternate" type="text/html" href="${escape(item.link)}"/>
<published>${item.published}</published>
<updated>${item.published}</updated>
${item.authors.map((a) => `<author><name>${escape(a)}</name></author>`).join('\n')}
${item.categories.map((c) => `<category term="${escape(c)}"/>`).join('\n')}
<summary type="html">${escape(`<p>${item.summary}</p>`)}</summary>
</entry>`,
  )
  .join('\n')}
</feed>
`;
}

/** A JSON Feed 1.1 document. */
export function renderJsonFeed(items: readonly FeedItem[], selfUrl: string, siteUrl: string): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: SITE_NAME,
      home_page_url: `${siteUrl}/`,
      feed_url: selfUrl,
      language: 'en-GB',
      items: items.map((item) => ({
        id: item.id,
        url: item.link,
        title: item.title,
        summary: item.summary,
        content_html: `<p>${escape(item.summary)}</p>`,
        date_published: item.published,
        authors: item.authors.map((name) => ({ name })),
        tags: item.categories,
      })),
    },
    null,
    2,
  );
}
