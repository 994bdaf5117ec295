import { describe, expect, it } from 'vitest';
import { chooseCanonicalUrl, cleanUrl, parseHttpUrl, toUrlKey } from '../../src/library/canonical-url.ts';
import { hashParagraphs } from '../../src/library/content-hash.ts';

describe('parseHttpUrl', () => {
  it.each([
    ['HTTPS://News.Example:443/feed.xml?utm_source=x#top', 'https://news.example/feed.xml?utm_source=x'],
    ['  http://news.example:8080/rss  ', 'http://news.example:8080/rss'],
    ['not a url', null],
    ['ftp://news.example/feed', null],
    ['/relative/feed', null],
  ])('GIVEN %s THEN it reads as %s (fragment and default port dropped, parameters kept)', (raw, href) => {
    expect(parseHttpUrl(raw)?.href ?? null).toBe(href);
  });
});

describe('cleanUrl', () => {
  it.each([
    ['https://News.Example.COM/a/Story?id=7#comments', 'https://news.example.com/a/Story?id=7'],
    ['https://news.example/story?utm_source=x&utm_medium=y&id=7&fbclid=abc', 'https://news.example/story?id=7'],
    ['https://news.example/story?gclid=1&mc_cid=2&igshid=3', 'https://news.example/story'],
    ['https://news.example/2024/story/index.html', 'https://news.example/2024/story/'],
    ['https://user:secret@news.example/story', 'https://news.example/story'],
    ['  https://news.example/story  ', 'https://news.example/story'],
  ])('GIVEN %s THEN it is stored as %s', (url, clean) => {
    expect(cleanUrl(url)).toBe(clean);
  });

  it.each(['not a url', 'ftp://news.example/story', 'javascript:alert(1)', '/relative/story'])('GIVEN %s THEN it is no URL', (url) => {
    expect(cleanUrl(url)).toBeNull();
  });
});

describe('toUrlKey', () => {
  it.each([
    ['http://www.news.example/story/', 'https://news.example/story'],
    ['https://news.example/story?b=2&a=1', 'https://news.example/story?a=1&b=2&utm_campaign=z'],
    ['https://news.example/', 'https://news.example'],
  ])('GIVEN %s and %s THEN they are the same address', (a, b) => {
    expect(toUrlKey(a)).toBe(toUrlKey(b));
  });

  it.each([
    ['https://news.example/story?id=1', 'https://news.example/story?id=2'],
    ['https://news.example/Story', 'https://news.example/story'],
    ['https://one.news.example/story', 'https://two.news.example/story'],
  ])('GIVEN %s and %s THEN they are different addresses', (a, b) => {
    expect(toUrlKey(a)).not.toBe(toUrlKey(b));
  });
});

describe('chooseCanonicalUrl', () => {
  it.each([
    { declared: 'https://news.example/story', final: 'https://amp.news.example/story.amp', chosen: 'https://news.example/story' },
    { declared: null, final: 'https://news.example/story?utm_source=rss', chosen: 'https://news.example/story' },
    { declared: 'https://news.example/', final: 'https://news.example/2024/story', chosen: 'https://news.example/2024/story' },
    { declared: 'https://news.example/', final: 'https://news.example/', chosen: 'https://news.example/' },
  ])('GIVEN the page declares $declared at $final THEN the canonical URL is $chosen', ({ declared, final, chosen }) => {
    expect(chooseCanonicalUrl(declared, final)).toBe(chosen);
  });
});

describe('hashParagraphs', () => {
  const hash = (...texts: string[]) => hashParagraphs(texts.map((text) => ({ text })));
  it('GIVEN the same text with other quotes, case, spacing and punctuation THEN the hash is the same', () => {
    expect(hash('“We will rebuild,” the mayor said.', 'The vote was 7–2.')).toBe(
      hash('"we will  rebuild" the Mayor said', 'The vote was 7-2'),
    );
  });
  it('GIVEN a changed word or paragraphs in another order THEN the hash differs', () => {
    expect(hash('The vote was seven to two.')).not.toBe(hash('The vote was seven to three.'));
    expect(hash('First.', 'Second.')).not.toBe(hash('Second.', 'First.'));
  });
});
