import { describe, expect, it } from 'vitest';
import { ArticleSearch } from '../../src/search/article-search.ts';
import { entityKey, groupNames, restrictNameGroups, type GroupableEntity } from '../../src/search/group-names.ts';
import { paragraphWords } from '../../src/search/index-words.ts';
import { NameSearch, collectNameDocs } from '../../src/search/name-search.ts';
import { ARTICLE_CANDIDATES, NAME_CANDIDATES, TERM_SCORING } from '../../src/search/search-settings.ts';
import { TermIndex, type TermExpansion } from '../../src/search/term-index.ts';
import { fixtureArticles } from '../support/article-from-paragraphs.ts';
import { fullCorpus } from '../support/corpus.ts';

/** Every sentence of the real fixture articles (the bundled article and four Wikinews stories). */
const sentences = fixtureArticles()
  .flatMap((a) => a.paragraphs.flatMap((p) => p.text.split(/(?<=[.!?])\s+(?=[A-Z"])/)))
  .filter((s) => s.length > 20);

describe('search restricted to some documents (what one server sees)', () => {
  it('GIVEN a visibility mask THEN the term index returns the best visible documents up to the limit, exactly as if the others were not there', () => {
    const index = TermIndex.build(sentences, paragraphWords);
    const loose = (): TermExpansion => ({ prefix: true, maxEdits: 1 });
    const visible = Uint8Array.from(sentences, (_, i) => (i % 3 === 0 ? 1 : 0));
    for (const words of [['putin'], ['china', 'telescope'], ['train', 'passengers'], ['government']]) {
      const everything = index.search(words, loose, TERM_SCORING, 10_000);
      const expected = everything.filter((m) => visible[m.id] === 1).slice(0, 4);
      expect(expected.length).toBeGreaterThan(0);
      expect(index.search(words, loose, TERM_SCORING, 4, undefined, visible)).toEqual(expected);
    }
  });

  it('GIVEN more headlines matching a misspelt word than the fuzzy candidate pool, the visible ones last THEN a restricted search still fills its limit with visible ones', () => {
    // Plumbing, not language: 4 × ARTICLE_CANDIDATES headlines that all match "councl" equally, so ties go to the lowest positions.
    const docs = Array.from({ length: ARTICLE_CANDIDATES * 4 }, (_, i) => ({ id: `a-${i}`, title: `Council meeting number ${i}` }));
    const search = ArticleSearch.build(docs);
    const visible = new Set(docs.slice(-10).map((d) => d.id));
    expect(search.search('councl meeting', 5).every((h) => !visible.has(h.article))).toBe(true);
    const hits = search.search('councl meeting', 5, visible);
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => visible.has(h.article))).toBe(true);
    expect(
      search
        .search('council', 20, visible)
        .map((h) => h.article)
        .sort(),
    ).toEqual([...visible].sort());
    expect(search.search('', 3, visible).map((h) => h.article)).toEqual(docs.slice(-10, -7).map((d) => d.id));
  });

  it('GIVEN more name strings matching a word than the candidate pool, the visible ones last THEN a restricted name search fills its limit from visible articles', () => {
    const owner = (i: number) => ({
      article: `a-${Math.floor(i / 25)}`,
      entityId: `e${i}`,
      name: `Councillor ${i}`,
      kind: 'person' as const,
      mentions: 1,
      role: false,
    });
    const docs = Array.from({ length: NAME_CANDIDATES * 2 }, (_, i) => ({
      id: i,
      text: `Councillor Number${i}`,
      key: `councillor number${i}`,
      owners: [owner(i)],
    }));
    const search = NameSearch.build(docs);
    const visible = new Set([`a-${Math.floor((docs.length - 1) / 25)}`]);
    expect(search.search('counciller', { limit: 5 }).every((h) => !visible.has(h.article))).toBe(true);
    const hits = search.search('counciller', { limit: 5, articles: visible });
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => visible.has(h.article) && h.group!.members.every((m) => visible.has(m.article)))).toBe(true);
  });

  it('GIVEN the real fixture names THEN a restricted name search keeps to visible articles and groups over them alone', () => {
    const corpus = fullCorpus();
    const search = NameSearch.build(collectNameDocs(corpus.articles));
    const visible = new Set(['wikinews-20160714-UN', 'wikinews-20070223-train', 'wikinews-20070306-drain']);
    for (const query of ['putin', 'chinese', 'president', 'un']) {
      const hits = search.search(query, { limit: 5, articles: visible });
      expect(hits.every((h) => visible.has(h.article))).toBe(true);
      for (const hit of hits) expect(hit.group!.members.every((m) => visible.has(m.article))).toBe(true);
    }
    expect(search.search('Lukashenko', { limit: 5, articles: visible })).toEqual([]);
    expect(search.search('Lukashenko', { limit: 5 }).length).toBeGreaterThan(0);
    const prominent = search.search('', { limit: 100, articles: visible });
    expect(prominent.length).toBeGreaterThan(0);
    expect(prominent.every((h) => h.group!.members.every((m) => visible.has(m.article)))).toBe(true);
  });

  it('GIVEN a group across articles restricted to some THEN members, counts and name are those of the articles kept, and an untouched group is the same object', () => {
    const entities: GroupableEntity[] = [
      { article: 'rail', entityId: 'e1', name: 'Maria Okonkwo', key: 'maria okonkwo', kind: 'person', mentions: 3 },
      { article: 'radio', entityId: 'e1', name: 'Okonkwo', key: 'okonkwo', kind: 'person', mentions: 2 },
      { article: 'radio', entityId: 'e2', name: 'Kremlin', key: 'kremlin', kind: 'organisation', mentions: 1 },
    ];
    const groups = groupNames(entities);
    const okonkwo = groups.byEntity.get(entityKey('radio', 'e1'))!;
    expect(okonkwo).toMatchObject({ name: 'Maria Okonkwo', articles: 2, mentions: 5 });
    const radio = restrictNameGroups(groups, new Set(['radio']));
    expect(radio.byEntity.get(entityKey('radio', 'e1'))).toMatchObject({
      id: okonkwo.id,
      name: 'Okonkwo',
      articles: 1,
      mentions: 2,
      members: [{ article: 'radio', entityId: 'e1', mentions: 2 }],
    });
    expect(radio.byEntity.has(entityKey('rail', 'e1'))).toBe(false);
    expect(radio.byEntity.get(entityKey('radio', 'e2'))).toBe(groups.byEntity.get(entityKey('radio', 'e2')));
    expect(radio.prominent.map((g) => g.name)).toEqual(['Okonkwo', 'Kremlin']);
    expect(restrictNameGroups(groups, new Set(['rail'])).prominent.map((g) => g.name)).toEqual(['Maria Okonkwo']);
  });
});
