import { describe, expect, it } from 'vitest';
import { parseFeedDocument, type FeedItem } from '../../src/feeds/parse-feed.ts';

const FEED_URL = 'https://news.example.org/section/world/feed.xml';

function document(text: string, contentType: string, charset: string | null = null, bytes?: Uint8Array) {
  return { url: FEED_URL, contentType, charset, bytes: bytes ?? new TextEncoder().encode(text) };
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>World &amp; Nation</title>
    <link>https://news.example.org/</link>
    <description>Latest stories</description>
    <item>
      <title>Harbour bridge reopens after repairs</title>
      <link>/2026/12/01/harbour-bridge#comments</link>
      <guid isPermaLink="false">story-1042</guid>
      <pubDate>Tue, 01 Dec 2026 09:30:00 GMT</pubDate>
    </item>
    <item>
      <title>Council approves budget</title>
      <guid>https://news.example.org/2026/11/30/budget</guid>
      <dc:date>2026-11-30T18:00:00Z</dc:date>
    </item>
    <item>
      <title>Relative link only</title>
      <link>../local/market-day.html</link>
    </item>
    <item><description>An item with neither link nor guid</description></item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">&lt;b&gt;Science&lt;/b&gt; desk</title>
  <id>tag:news.example.org,2026:science</id>
  <updated>2026-12-01T10:00:00Z</updated>
  <entry>
    <title>Comet seen from the southern hemisphere</title>
    <id>tag:news.example.org,2026:comet</id>
    <link rel="enclosure" type="audio/mpeg" href="/audio/comet.mp3"/>
    <link rel="alternate" type="text/html" href="https://news.example.org/science/comet"/>
    <updated>2026-12-01T08:00:00Z</updated>
    <published>2026-12-01T07:45:00+01:00</published>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Local briefs',
  items: [
    { id: '7', url: 'https://news.example.org/briefs/7', title: 'Library extends hours', date_published: '2026-12-01T06:00:00Z' },
    { id: '8', external_url: 'https://elsewhere.example.com/story', title: 'Linked elsewhere' },
  ],
});

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.org/"><title>Old style</title><link>https://news.example.org/</link><description>d</description></channel>
  <item rdf:about="https://news.example.org/rdf/1"><title>First RDF story</title><link>https://news.example.org/rdf/1</link><dc:date>2026-11-29</dc:date></item>
</rdf:RDF>`;

describe('parseFeedDocument', () => {
  it.each<[string, string, string, string | null, FeedItem[]]>([
    [
      'RSS 2.0',
      RSS,
      'application/rss+xml',
      'World & Nation',
      [
        {
          id: 'story-1042',
          link: 'https://news.example.org/2026/12/01/harbour-bridge',
          title: 'Harbour bridge reopens after repairs',
          published: '2026-12-01T09:30:00.000Z',
        },
        {
          id: 'https://news.example.org/2026/11/30/budget',
          link: 'https://news.example.org/2026/11/30/budget',
          title: 'Council approves budget',
          published: '2026-11-30T18:00:00.000Z',
        },
        {
          id: 'https://news.example.org/section/local/market-day.html',
          link: 'https://news.example.org/section/local/market-day.html',
          title: 'Relative link only',
          published: null,
        },
      ],
    ],
    [
      'Atom',
      ATOM,
      'application/atom+xml',
      'Science desk',
      [
        {
          id: 'tag:news.example.org,2026:comet',
          link: 'https://news.example.org/science/comet',
          title: 'Comet seen from the southern hemisphere',
          published: '2026-12-01T06:45:00.000Z',
        },
      ],
    ],
    [
      'JSON Feed',
      JSON_FEED,
      'application/feed+json',
      'Local briefs',
      [
        { id: '7', link: 'https://news.example.org/briefs/7', title: 'Library extends hours', published: '2026-12-01T06:00:00.000Z' },
        { id: '8', link: 'https://elsewhere.example.com/story', title: 'Linked elsewhere', published: null },
      ],
    ],
    [
      'RDF (RSS 1.0)',
      RDF,
      'application/rdf+xml',
      'Old style',
      [
        {
          id: 'https://news.example.org/rdf/1',
          link: 'https://news.example.org/rdf/1',
          title: 'First RDF story',
          published: '2026-11-29T00:00:00.000Z',
        },
      ],
    ],
  ])('GIVEN an %s document THEN its title and items are read, links absolute', (_name, text, type, title, items) => {
    const parsed = parseFeedDocument(document(text, type));
    expect(parsed).toEqual({ kind: 'feed', format: expect.any(String), title, items });
  });

  it('GIVEN an RSS feed served as text/html THEN it is still read as a feed', () => {
    const parsed = parseFeedDocument(document(RSS, 'text/html'));
    expect(parsed.kind).toBe('feed');
  });

  it('GIVEN an ISO-8859-1 feed that says so in its XML declaration THEN accents are read right', () => {
    const text = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Actualit\u00e9s</title><link>https://x.example/</link><description>d</description><item><title>Caf\u00e9 r\u00e9ouvert</title><link>https://x.example/cafe</link></item></channel></rss>`;
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const parsed = parseFeedDocument(document('', 'application/xml', null, bytes));
    expect(parsed).toMatchObject({ kind: 'feed', title: 'Actualit\u00e9s', items: [{ title: 'Caf\u00e9 r\u00e9ouvert' }] });
  });

  it('GIVEN a web page that links to its feed THEN it is not a feed and the message names the feed', () => {
    const html = `<!doctype html><html><head><title>News</title>
      <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml"></head><body><p>Stories</p></body></html>`;
    expect(parseFeedDocument(document(html, 'text/html'))).toEqual({
      kind: 'not-a-feed',
      message: 'that address (news.example.org) is a web page, not a feed; the page names its feed: https://news.example.org/rss.xml',
      suggestedFeedUrl: 'https://news.example.org/rss.xml',
    });
  });

  it('GIVEN a web page without a feed link THEN the message says to look for its RSS link', () => {
    const parsed = parseFeedDocument(document('<html><body><h1>Welcome</h1></body></html>', 'text/html'));
    expect(parsed).toEqual({
      kind: 'not-a-feed',
      message: 'that address (news.example.org) is a web page, not a feed: look for its RSS link',
      suggestedFeedUrl: null,
    });
  });

  it.each([
    ['broken XML', '<rss version="2.0"><channel><title>x</title><item><title>cut off', 'application/rss+xml', 'its XML is broken'],
    ['JSON that is not a JSON Feed', '{"status":"ok","data":[]}', 'application/json', 'it is not RSS, Atom or JSON Feed'],
    ['an empty body', '', 'application/xml', 'it is not RSS, Atom or JSON Feed'],
  ])('GIVEN %s THEN it is not a feed, and the message says why', (_name, text, type, reason) => {
    const parsed = parseFeedDocument(document(text, type));
    expect(parsed).toMatchObject({ kind: 'not-a-feed' });
    expect(parsed.kind === 'not-a-feed' && parsed.message).toContain(reason);
  });

  it('GIVEN bytes that are not text THEN it is not a feed', () => {
    const parsed = parseFeedDocument(
      document('', 'application/xml', null, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0xc3])),
    );
    expect(parsed).toMatchObject({ kind: 'not-a-feed', message: expect.stringContaining('not text') });
  });

  it('GIVEN an entity-expansion attack in a feed THEN entities are not expanded', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <rss version="2.0"><channel><title>&lol2;</title><link>https://x.example/</link><description>d</description></channel></rss>`;
    const parsed = parseFeedDocument(document(bomb, 'application/rss+xml'));
    expect(parsed.kind === 'feed' ? parsed.title : null).not.toContain('lollol');
  });

  it('GIVEN items repeating an id or linking to javascript: THEN the repeat is dropped and the link is null', () => {
    const text = `<rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>
      <item><guid isPermaLink="false">a</guid><link>https://x.example/a</link></item>
      <item><guid isPermaLink="false">a</guid><link>https://x.example/a-again</link></item>
      <item><guid isPermaLink="false">b</guid><link>javascript:alert(1)</link></item></channel></rss>`;
    const parsed = parseFeedDocument(document(text, 'application/rss+xml'));
    expect(parsed.kind === 'feed' && parsed.items.map((i) => [i.id, i.link])).toEqual([
      ['a', 'https://x.example/a'],
      ['b', null],
    ]);
  });
});
