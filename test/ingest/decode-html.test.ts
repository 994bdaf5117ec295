import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/ingest/decode-html.ts';
import { splitFrontMatter } from '../../src/ingest/front-matter.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { readHtmlArticle } from '../../src/ingest/read-html-article.ts';

const latin1 = (text: string) => Uint8Array.from(Array.from(text, (c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const page = (head: string) =>
  `<html><head>${head}<title>Café owners protest</title></head><body><article><h1>Café owners protest</h1>` +
  `<p>Owners of the café on the main square protested on Monday against the new terrace fees, which they say will double.</p>` +
  `<p>The council said the fees had not changed since 1998 and that the increase would pay for new paving on the square.</p>` +
  `</article></body></html>`;

describe('decodeHtml with the charset of the HTTP header', () => {
  it.each([
    { name: 'an ISO-8859-1 page declared only in the header', bytes: latin1('<p>café</p>'), hint: 'iso-8859-1', text: '<p>café</p>' },
    { name: 'a UTF-8 page under a server-default ISO-8859-1 header', bytes: utf8('<p>café</p>'), hint: 'iso-8859-1', text: '<p>café</p>' },
    { name: 'a Latin-1 page under a wrong UTF-8 header', bytes: latin1('<p>café</p>'), hint: 'utf-8', text: '<p>café</p>' },
    { name: 'an ASCII page with an unknown charset label', bytes: utf8('<p>cafe</p>'), hint: 'no-such-charset', text: '<p>cafe</p>' },
  ])('GIVEN $name THEN the text reads right', ({ bytes, hint, text }) => {
    expect(decodeHtml(bytes, hint)).toMatchObject({ text });
  });

  it('GIVEN a meta charset in the page THEN it wins over the header', () => {
    const bytes = latin1('<meta charset="iso-8859-1"><p>café</p>');
    expect(decodeHtml(bytes, 'utf-8')).toMatchObject({ text: '<meta charset="iso-8859-1"><p>café</p>' });
  });

  it('GIVEN a fetched Latin-1 page without meta charset THEN its headline keeps its accent', () => {
    const article = readHtmlArticle(latin1(page('')), 'page.html', { charset: 'iso-8859-1' });
    expect(article).toMatchObject({ title: 'Café owners protest' });
  });
});

describe('relative canonical links of fetched pages', () => {
  it('GIVEN a relative canonical link and the page URL THEN the canonical URL is absolute', () => {
    const html = page('<link rel="canonical" href="/news/cafe-owners-protest">');
    const article = readHtmlArticle(utf8(html), 'page.html', { baseUrl: 'https://news.example/amp/cafe?x=1' });
    expect(article).toMatchObject({ url: 'https://news.example/news/cafe-owners-protest' });
  });

  it('GIVEN a relative canonical link without a page URL THEN there is no URL', () => {
    const article = readHtmlArticle(utf8(page('<link rel="canonical" href="/news/cafe">')), 'page.html');
    expect(article).toMatchObject({ url: null });
  });
});

describe('front matter written by the article library', () => {
  it('GIVEN an added time and a pilcrow block THEN added is read and the block is ignored', () => {
    const text = [
      '---',
      'title: Café owners protest',
      'added: 2026-12-01T16:00:00.000Z',
      'pilcrow:',
      '  hash: sha256:abc',
      '  feed_item: https://news.example/1',
      '---',
      'Owners of the café protested on Monday against the new terrace fees.',
    ].join('\n');
    expect(splitFrontMatter(text)).toMatchObject({ frontMatter: { title: 'Café owners protest', added: '2026-12-01T16:00:00.000Z' } });
    expect(parseArticle(text, 'cafe.md')).toMatchObject({ added: '2026-12-01T16:00:00.000Z', paragraphs: [{ n: 1 }] });
  });

  it('GIVEN an added key that is not text THEN it is ignored rather than refusing the article', () => {
    const text = '---\ntitle: T\nadded: [1, 2]\n---\nOwners of the café protested on Monday against the new terrace fees.';
    const article = parseArticle(text, 'cafe.md');
    expect(article).toMatchObject({ title: 'T' });
    expect(article).not.toHaveProperty('added');
  });
});
