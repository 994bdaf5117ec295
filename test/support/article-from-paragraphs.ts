import { readFileSync } from 'node:fs';
import type { Article } from '../../src/model/article.ts';

/** Builds an Article from already-clean paragraph texts, numbered 1..N (for tests of later stages). */
export function articleFromParagraphs(id: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  return {
    id,
    file: `${id}.txt`,
    title: null,
    kicker: null,
    source: null,
    url: null,
    published: null,
    tags: [],
    related: [],
    headings: [],
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })),
    ...extra,
  };
}

const fixtures = new URL('../fixtures/', import.meta.url);

/** What ingestion must make of the bundled article (test/fixtures/seed-expected.json). */
export function seedExpected(): {
  title: string;
  kicker: string;
  tags: string[];
  related: string[];
  headings: Article['headings'];
  paragraphs: string[];
} {
  return JSON.parse(readFileSync(new URL('seed-expected.json', fixtures), 'utf8'));
}

/** The bundled article as ingestion must produce it (test/fixtures/seed-expected.json). */
export function seedArticle(): Article {
  const expected = seedExpected();
  return articleFromParagraphs('putin-belarus-transition', expected.paragraphs, {
    title: expected.title,
    kicker: expected.kicker,
    tags: expected.tags,
    related: expected.related,
    headings: expected.headings,
  });
}

/** A Wikinews dev article (test/fixtures/articles/NAME.txt); they are clean: one paragraph per blank-line block. */
export function devArticle(
  name: 'wikinews-20070223-train' | 'wikinews-20070306-drain' | 'wikinews-20160706-telescope' | 'wikinews-20160714-UN',
): Article {
  const text = readFileSync(new URL(`articles/${name}.txt`, fixtures), 'utf8');
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return articleFromParagraphs(name, paragraphs);
}

/** The real articles of the fixtures: the bundled one and the four Wikinews articles (tests and benchmark corpora). */
export function fixtureArticles(): Article[] {
  return [
    seedArticle(),
    devArticle('wikinews-20070223-train'),
    devArticle('wikinews-20070306-drain'),
    devArticle('wikinews-20160706-telescope'),
    devArticle('wikinews-20160714-UN'),
  ];
}
