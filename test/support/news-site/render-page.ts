import type { Story } from './stories.ts';

/** How an article page is dressed: the shapes real news sites have around the story. */
export interface PageShape {
  /** Where the publication date is: meta tags and a <time>, or only a JSON-LD NewsArticle. */
  dateIn: 'meta' | 'json-ld';
  /** The absolute canonical URL (link rel=canonical and og:url); omitted when absent. */
  canonical?: string;
  /** Stop the story after this many body lines and add a subscribe box (a paywall teaser). */
  paywallAfter?: number;
  /** A <meta charset> to declare; none when the charset is only in the Content-Type header. */
  metaCharset?: string;
  /** The AMP version's URL (link rel=amphtml). */
  ampUrl?: string;
  /** Headlines and paths for the related-coverage block. */
  related?: Array<{ headline: string; path: string }>;
}

export const SITE_NAME = 'The Callan Courier';

/** A whole article page: cookie banner, navigation, breadcrumb, story, related links, footer. */
export function renderArticlePage(story: Story, shape: PageShape): string {
  const lines = shape.paywallAfter === undefined ? story.body : story.body.slice(0, shape.paywallAfter);
  const head = [
    shape.metaCharset ? `<meta charset="${shape.metaCharset}">` : '',
    `<title>${escape(story.headline)} | ${SITE_NAME}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="description" content="${escape(story.standfirst)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escape(story.headline)}">`,
    `<meta property="og:site_name" content="${SITE_NAME}">`,
    shape.canonical ? `<link rel="canonical" href="${escape(shape.canonical)}">` : '',
    shape.canonical ? `<meta property="og:url" content="${escape(shape.canonical)}">` : '',
    shape.ampUrl ? `<link rel="amphtml" href="${escape(shape.ampUrl)}">` : '',
    shape.dateIn === 'meta' ? `<meta property="article:published_time" content="${story.published}">` : '',
    shape.dateIn === 'meta' ? `<meta name="author" content="${escape(story.authors.join(' and '))}">` : '',
    ...story.tags.map((tag) => `<meta property="article:tag" content="${escape(tag)}">`),
    shape.dateIn === 'json-ld' ? jsonLd(story, shape.canonical) : '',
    '<link rel="stylesheet" href="/static/site.css">',
    '<script src="/static/analytics.js" async></script>',
  ];
  const byline =
    shape.dateIn === 'meta'
      ? `<p class="byline">By <a rel="author" href="/authors/${slug(story.authors[0]!)}">${escape(story.authors.join(' and '))}</a> · <time datetime="${story.published}">${humanDate(story.published)}</time></p>`
      : `<p class="byline">By ${story.authors.map((a) => `<span class="author">${escape(a)}</span>`).join(' and ')}</p>`;
  const related = shape.related?.length
    ? `<aside class="related-coverage"><h2>Related coverage</h2><ul>${shape.related
        .map((r) => `<li><a href="${escape(r.path)}">${escape(r.headline)}</a></li>`)
        .join('')}</ul></aside>`
    : '';
  const paywall =
    shape.paywallAfter === undefined
      ? ''
      : `<div class="paywall-teaser"><h3>Keep reading with a subscription</h3><p>Subscribe from £1 a week to read the full story and support local journalism.</p><a class="button" href="/subscribe">Subscribe</a> <a href="/login">Already a subscriber? Log in</a></div>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
${head.filter(Boolean).join('\n')}
</head>
<body class="article-page">
<div id="cookie-banner" class="consent" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to personalise content and ads and to analyse our traffic. You can change your choices at any time.</p>
  <button>Accept all</button> <button>Manage preferences</button>
</div>
<header class="masthead">
  <a class="logo" href="/">${SITE_NAME}</a>
  <nav aria-label="Sections"><ul>
    <li><a href="/news">News</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/culture">Culture</a></li><li><a href="/science">Science</a></li><li><a href="/opinion">Opinion</a></li>
  </ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"></form>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/${slug(story.section)}">${escape(story.section)}</a></nav>
<main>
<article>
  <header>
    <p class="kicker">${escape(story.section)}</p>
    <h1>${escape(story.headline)}</h1>
    <p class="standfirst">${escape(story.standfirst)}</p>
    ${byline}
    <div class="share"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Copy link</a></div>
  </header>
  <div class="article-body">
${renderBody(lines)}
  </div>
  ${paywall}
  <p class="tags">Topics: ${story.tags.map((t) => `<a href="/topics/${slug(t)}">${escape(t)}</a>`).join(', ')}</p>
</article>
${related}
</main>
<aside class="newsletter"><h2>Get the morning briefing</h2><p>The day's top stories in your inbox at 7am.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>
<footer><p>© 2026 ${SITE_NAME}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact us</a></p></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ section: ${JSON.stringify(story.section)} });</script>
</body>
</html>
`;
}

/** The AMP version of a story: ⚡ html, the AMP boilerplate, amp-img, a canonical link back. */
export function renderAmpPage(story: Story, canonical: string): string {
  return `<!doctype html>
<html ⚡ lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>${escape(story.headline)}</title>
<link rel="canonical" href="${escape(canonical)}">
<meta name="viewport" content="width=device-width">
<meta property="article:published_time" content="${story.published}">
<meta name="author" content="${escape(story.authors.join(' and '))}">
<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>
<noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}</style></noscript>
<style amp-custom>h1{font-size:2rem}.byline{color:#555}</style>
</head>
<body>
<header class="amp-header"><a href="/">${SITE_NAME}</a><amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></amp-sidebar></header>
<article>
<h1>${escape(story.headline)}</h1>
<p class="byline">By ${escape(story.authors.join(' and '))}</p>
<amp-img src="/images/lead.jpg" width="1200" height="675" layout="responsive" alt="Photograph for the story"></amp-img>
${renderBody(story.body)}
</article>
<amp-analytics type="googleanalytics"><script type="application/json">{"vars":{"account":"UA-0000"}}</script></amp-analytics>
</body>
</html>
`;
}

/** A section front at a feed-looking URL: a web page, not a feed (it links to the real one). */
export function renderSectionFront(stories: readonly Story[], feedPath: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Latest news | ${SITE_NAME}</title>
<link rel="alternate" type="application/rss+xml" title="${SITE_NAME} RSS" href="${escape(feedPath)}">
</head><body>
<header><a href="/">${SITE_NAME}</a></header>
<main><h1>Latest news</h1><ul class="teasers">
${stories.map((s) => `<li><a href="${escape(s.path)}">${escape(s.headline)}</a><p>${escape(s.standfirst)}</p></li>`).join('\n')}
</ul></main></body></html>
`;
}

function renderBody(lines: readonly string[]): string {
  return lines.map((line) => (line.startsWith('## ') ? `    <h2>${escape(line.slice(3))}</h2>` : `    <p>${escape(line)}</p>`)).join('\n');
}

function jsonLd(story: Story, canonical: string | undefined): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.standfirst,
    datePublished: story.published,
    author: story.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'NewsMediaOrganization', name: SITE_NAME },
    ...(canonical ? { mainEntityOfPage: canonical } : {}),
    keywords: story.tags,
  };
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function humanDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
