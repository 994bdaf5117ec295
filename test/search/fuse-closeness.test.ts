import Fuse, { type IFuseOptions } from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { cleanQuery } from '../../src/search/clean-query.ts';
import { cutAtWord } from '../../src/search/clamp-results.ts';
import { fuseCloseness, type ClosenessDoc } from '../../src/search/fuse-closeness.ts';
import { MAX_FUSE_PATTERN_CHARS, NAME_FUSE_OPTIONS, PARAGRAPH_FUSE_OPTIONS } from '../../src/search/search-settings.ts';
import { fixtureArticles } from '../support/article-from-paragraphs.ts';
import { SEED_TOPIC_QUERIES } from './topic-queries.ts';

/** What the re-rankers used before: a Fuse over the docs, its score per id. */
function fuseScores(
  pattern: string,
  docs: readonly ClosenessDoc[],
  options: IFuseOptions<{ text: string }> = PARAGRAPH_FUSE_OPTIONS,
): Map<number, number> {
  const scores = new Map<number, number>();
  for (const result of new Fuse(docs, { ...options }).search(pattern)) scores.set(result.item.id, result.score ?? 1);
  return scores;
}

const paragraphs: ClosenessDoc[] = fixtureArticles()
  .flatMap((a) => a.paragraphs.map((p) => p.text))
  .map((text, id) => ({ id, text }));

/** Patterns as the re-ranker gets them: cleaned, cut at a word to fuse.js's 32 characters. */
const asPattern = (query: string) => cutAtWord(cleanQuery(query).text, MAX_FUSE_PATTERN_CHARS);

/** Words and word pairs of every third paragraph, some with a typo (a letter dropped, doubled or swapped), and in capitals. */
function patternsFrom(docs: readonly ClosenessDoc[]): string[] {
  const out: string[] = [];
  docs.forEach(({ text }, i) => {
    const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{3,}$/.test(w));
    if (i % 3 !== 0 || words.length < 2) return;
    const a = words[i % words.length]!;
    const b = words[(i * 7 + 3) % words.length]!;
    const k = 1 + (i % (a.length - 1));
    out.push(a, `${a} ${b}`, a.slice(0, k) + a.slice(k + 1), a.slice(0, k) + a[k] + a.slice(k), `${b.toUpperCase()} ${a}`);
  });
  return out;
}

describe('fuse.js closeness without a Fuse per query', () => {
  it('GIVEN the topic queries and words of real paragraphs, typos included THEN every score is fuse.js’s own', () => {
    const patterns = [...SEED_TOPIC_QUERIES.map(([q]) => asPattern(q)), ...patternsFrom(paragraphs)];
    expect(patterns.length).toBeGreaterThan(120);
    for (const pattern of patterns) {
      expect([pattern, fuseCloseness(pattern, paragraphs)]).toEqual([pattern, fuseScores(pattern, paragraphs)]);
    }
  });

  const written: ClosenessDoc[] = [
    'Zelenskíy told reporters the talks “had not moved” — and Łukasz Nowak agreed.',
    'The mayor of Straße called the plan «a disaster», then left for Ørsted’s plant.',
    'ZELENSKIY SPOKE FIRST; THE COUNCIL VOTED LATER.',
    '   ',
    'wagner mercenaries',
    'Prices rose 5 % in São Paulo … and fell in İstanbul.',
  ].map((text, id) => ({ id, text }));

  it.each([
    ['an accented word', 'zelenskiy talks'],
    ['a word typed with its accent', 'zelenskíy'],
    ['a capitalised accented word', 'Łukasz'],
    ['a letter fuse.js replaces', 'strasse'],
    ['a dotted capital I', 'İstanbul'],
    ['a word of a text in capitals', 'council voted'],
    ['a text equal to the pattern', 'wagner mercenaries'],
    ['a pattern in capitals', 'WAGNER'],
    ['punctuation fuse.js keeps', 'a disaster'],
  ])('GIVEN %s THEN the scores are fuse.js’s own', (_, pattern) => {
    expect(fuseCloseness(pattern, written)).toEqual(fuseScores(pattern, written));
  });

  const names: ClosenessDoc[] = [
    'Sergei Lavrov',
    'Vladimir Putin',
    'Mikhail Mishustin',
    'Volodymyr Zelenskiy',
    'Zelenskíy',
    'the Russian President',
    'Li Keqiang',
    'British Transport Police',
    'Virgin Trains',
    'Łukasz Nowak',
    'Ms. O’Neill',
    'NATO',
  ].map((text, id) => ({ id, text }));

  it.each(['lavrof', 'putin', 'mishustn', 'zelensky', 'zelenskíy', 'russian presdent', 'li k', 'virgin', 'lukasz', 'oneill', 'nato', 'x'])(
    'GIVEN the name query "%s" THEN the scores with the name options are fuse.js’s own',
    (pattern) => {
      expect(fuseCloseness(pattern, names, NAME_FUSE_OPTIONS)).toEqual(fuseScores(pattern, names, NAME_FUSE_OPTIONS));
    },
  );

  it('GIVEN any character between two letters THEN it is folded as fuse.js folds it', () => {
    // A character fuse.js strips makes "a?b" equal to the pattern "ab"; one it keeps is an edit too many.
    const docs: ClosenessDoc[] = [];
    for (let code = 128; code < 0x10000; code++) {
      if (code < 0xd800 || code > 0xdfff) docs.push({ id: code, text: `a${String.fromCharCode(code)}b` });
    }
    expect(fuseCloseness('ab', docs)).toEqual(fuseScores('ab', docs));
  });
});
