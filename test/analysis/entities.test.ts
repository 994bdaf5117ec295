import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import type { Entity } from '../../src/model/analysis.ts';
import { findEntities, toEntityId } from '../../src/analysis/entities.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { articleFromParagraphs, devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

const entitiesOf = (article: Article): Entity[] => findEntities(article, splitSentences(article));
const byName = (entities: Entity[], name: string): Entity => {
  const found = entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} among ${entities.map((e) => e.name).join(', ')}`);
  return found;
};
const paragraphsOf = (e: Entity): number[] => e.mentions.map((m) => m.paragraph);

describe('findEntities on the bundled article', () => {
  const entities = entitiesOf(seedArticle());

  it.each([
    ['Sergei Lavrov', 'person', 'Foreign Minister'],
    ['Vladimir Putin', 'person', 'Russian President'],
    ['Alexander Lukashenko', 'person', 'Belarusian President'],
    ['Vladimir Makei', 'person', 'his Belarusian counterpart'],
    ['Volodimir Zelensky', 'person', 'Ukrainian President'],
    ['Mikhail Mishustin', 'person', 'Russian Prime Minister'],
    ['Viktor Khrenin', 'person', 'Belarusian Defense Minister'],
  ])('GIVEN %s THEN it is a %s whose role is "%s" as written', (name, kind, role) => {
    const e = byName(entities, name);
    expect(e.kind).toBe(kind);
    expect(e.roles.map((r) => r.text)).toContain(role);
  });

  it.each([
    ['NATO'],
    ['OSCE'],
    ['EU'],
    ['UN'],
    ['Collective Security Treaty Organization'],
    ['Pravy Sektor'],
    ['Trizub'],
    ['S14'],
    ['National Corps'],
    ['Rossia-1'],
    ['Wagner'],
    ['Warsaw Pact'],
  ])('GIVEN %s THEN it is an organisation', (name) => {
    expect(byName(entities, name).kind).toBe('organisation');
  });

  it('GIVEN places and nationalities THEN none of them is a person or organisation', () => {
    const names = entities.map((e) => e.name);
    for (const place of [
      'Moscow',
      'Minsk',
      'Ukraine',
      'Belarus',
      'Russia',
      'Kazakhstan',
      'Republic of Belarus',
      'Donbas',
      'Russian',
      'Belarusian',
      'August',
      'September',
    ]) {
      expect(names).not.toContain(place);
    }
  });

  it('GIVEN parenthesised acronyms and translations THEN they become aliases', () => {
    expect(byName(entities, 'Collective Security Treaty Organization').aliases).toContain('CSTO');
    expect(byName(entities, 'Pravy Sektor').aliases).toContain('Right Sector');
    expect(byName(entities, 'Trizub').aliases).toContain('Trident Stepan Bandera');
    expect(entities.map((e) => e.name)).not.toContain('Stepan Bandera');
  });

  it('GIVEN bare surnames and role references THEN they are merged into the full name', () => {
    const lavrov = byName(entities, 'Sergei Lavrov');
    expect(lavrov.aliases).toEqual(expect.arrayContaining(['Lavrov', 'the Russian Foreign Minister']));
    expect(paragraphsOf(lavrov)).toEqual(expect.arrayContaining([4, 7, 9, 20, 38, 40]));
    const lukashenko = byName(entities, 'Alexander Lukashenko');
    expect(lukashenko.aliases).toEqual(expect.arrayContaining(['Lukashenko', 'the Belarusian president']));
    expect(lukashenko.mentions[0]).toEqual({ paragraph: 11, text: 'Lukashenko' });
    const putin = byName(entities, 'Vladimir Putin');
    expect(putin.aliases).toContain('Putin');
    expect(paragraphsOf(putin)).toEqual(expect.arrayContaining([6, 21, 22, 23, 26]));
  });

  it('GIVEN "The Russian Chancellor" with no chancellor named anywhere THEN no entity is invented for it', () => {
    expect(entities.some((e) => /chancellor/iu.test(e.name))).toBe(false);
  });

  it('GIVEN pronouns THEN they are resolved to the person they mean', () => {
    const lavrov = byName(entities, 'Sergei Lavrov');
    expect(lavrov.mentions).toEqual(
      expect.arrayContaining([
        { paragraph: 7, text: 'he' },
        { paragraph: 12, text: 'he' },
      ]),
    );
    const putin = byName(entities, 'Vladimir Putin');
    expect(putin.mentions).toEqual(expect.arrayContaining([{ paragraph: 22, text: 'him' }]));
    expect(byName(entities, 'Alexander Lukashenko').mentions).not.toContainEqual({ paragraph: 12, text: 'he' });
  });

  it('GIVEN the entities THEN ids are unique kebab-case names and mentions are in reading order', () => {
    const ids = entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byName(entities, 'Sergei Lavrov').id).toBe('sergei-lavrov');
    for (const e of entities) {
      expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const ps = paragraphsOf(e);
      expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    }
  });
});

describe('findEntities on the Wikinews articles', () => {
  it.each([
    ['wikinews-20070223-train', 'Brian Mitchelhill', 'a spokesman for the Cumbria Fire and Rescue squad'],
    ['wikinews-20070223-train', 'Caroline Thomson', 'a BBC executive'],
    ['wikinews-20070223-train', 'Richard Branson', 'Virgin owner'],
    ['wikinews-20070223-train', 'Ian Black', 'driver'],
    ['wikinews-20070306-drain', 'Eric Haddox', 'a civil engineer'],
    ['wikinews-20160706-telescope', 'Xi Jinping', 'Chinese President'],
    ['wikinews-20160706-telescope', 'Li Yuecheng', 'senior party official'],
    ['wikinews-20160706-telescope', 'Peng Bo', 'NAO Radio Astronomy Technology Laboratory director'],
  ] as const)('GIVEN %s THEN %s is a person with the role "%s"', (article, name, role) => {
    const e = byName(entitiesOf(devArticle(article)), name);
    expect(e.kind).toBe('person');
    expect(e.roles.map((r) => r.text)).toContain(role);
  });

  it.each([
    [
      'wikinews-20070223-train',
      ['Virgin Trains', 'British Transport Police', 'BBC', 'Rail Accident Investigation Branch', 'Network Rail', 'Royal Air Force'],
    ],
    ['wikinews-20160706-telescope', ['Chinese government', 'NAO Radio Astronomy Technology Laboratory']],
    [
      'wikinews-20160714-UN',
      ['United Nations', 'Chinese government', 'Philippine government', 'United Nations Convention on the Law of the Sea'],
    ],
  ] as const)('GIVEN %s THEN its organisations are found', (article, names) => {
    const entities = entitiesOf(devArticle(article));
    for (const name of names) expect(byName(entities, name).kind).toBe('organisation');
  });

  it('GIVEN "Teenagers Irma and David Soyos and their father, 53-year old Domingo Soyos" THEN three people with the shared surname', () => {
    const entities = entitiesOf(devArticle('wikinews-20070306-drain'));
    expect(entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([
      'Irma Soyos',
      'David Soyos',
      'Domingo Soyos',
      'Eric Haddox',
    ]);
    expect(byName(entities, 'Domingo Soyos').roles.map((r) => r.text)).toEqual(['their father']);
  });

  it('GIVEN "Mr Branson" and "Mr. Haddox" THEN they merge into the full names', () => {
    const branson = byName(entitiesOf(devArticle('wikinews-20070223-train')), 'Richard Branson');
    expect(branson.aliases).toEqual(expect.arrayContaining(['Branson', 'Mr Branson']));
    const haddox = byName(entitiesOf(devArticle('wikinews-20070306-drain')), 'Eric Haddox');
    expect(haddox.aliases).toContain('Mr. Haddox');
    expect(paragraphsOf(haddox)).toEqual([3, 3, 4, 8, 11]);
  });

  it('GIVEN an acronym defined in parentheses THEN later bare uses are mentions of the organisation', () => {
    const entities = entitiesOf(devArticle('wikinews-20160714-UN'));
    const unclos = byName(entities, 'United Nations Convention on the Law of the Sea');
    expect(unclos.aliases).toContain('UNCLOS');
    expect(paragraphsOf(unclos)).toEqual([3, 3, 4, 5]);
    expect(byName(entities, 'United Nations').aliases).toContain('UN');
    expect(entities.map((e) => e.name)).not.toContain('UNCLOS');
  });

  it('GIVEN the acronym of something that is not an organisation ("… Telescope (FAST)") THEN it is not an entity', () => {
    const names = entitiesOf(devArticle('wikinews-20160706-telescope')).map((e) => e.name);
    expect(names).not.toContain('FAST');
    expect(names).not.toContain('China');
    expect(names).not.toContain('Puerto Rico');
  });
});

describe('findEntities on constructed text', () => {
  it.each([
    [
      'a name with a particle',
      ['Mr. Jean-Claude van Damme, a Belgian actor, arrived. Van Damme told reporters: "I love it."'],
      'Jean-Claude van Damme',
      'a Belgian actor',
    ],
    ['a possessive appositive', ["The company's boss, Anna Berg, called the deal a disaster."], 'Anna Berg', "The company's boss"],
    ['an honorific with a title', ['A spokesman, Colonel Peter Hall, said it was over.'], 'Peter Hall', 'Colonel'],
    [
      'a title with "of" after a country',
      ['U.S. Secretary of State Antony Blinken on Tuesday urged China to act.'],
      'Antony Blinken',
      'U.S. Secretary of State',
    ],
    ['a compass-word nationality', ['He met South Korean President Yoon Suk-yeol in Seoul.'], 'Yoon Suk-yeol', 'South Korean President'],
    ['police ranks', ['Det Supt John Smith of Greater Manchester Police said it was over.'], 'John Smith', 'Det Supt'],
    [
      'a role noun phrase before the name',
      ['Chinese Foreign Ministry spokesman Wang Wenbin rejected the criticism.'],
      'Wang Wenbin',
      'Chinese Foreign Ministry spokesman',
    ],
    [
      'a name with two particles',
      ['“This is a historic day,” said Ursula von der Leyen, the President of the European Commission.'],
      'Ursula von der Leyen',
      'the President of the European Commission',
    ],
    ['a Dutch name with two particles', ['Coach Louis van der Berg said the team was ready.'], 'Louis van der Berg', 'Coach'],
    [
      'an occupation missing from the role list, opening the sentence',
      ['Kenji Sato, a seismologist at the University of Tokyo, said aftershocks were likely.'],
      'Kenji Sato',
      'a seismologist at the University of Tokyo',
    ],
    ['an agent noun after a name', ['Maria Keller, a historian, called it unprecedented.'], 'Maria Keller', 'a historian'],
  ])('GIVEN %s THEN the person and role are read', (_name, paragraphs, name, role) => {
    const e = byName(entitiesOf(articleFromParagraphs('x', paragraphs)), name);
    expect(e.kind).toBe('person');
    expect(e.roles.map((r) => r.text)).toContain(role);
  });

  it('GIVEN "Smith’s rival, Tom Brown" THEN the possessive name is not the subject that "he" refers to', () => {
    const entities = entitiesOf(
      articleFromParagraphs('x', ['“It is over,” John Smith said.', 'Smith’s rival, Tom Brown, disagreed. "Nonsense," he said.']),
    );
    expect(byName(entities, 'Tom Brown').mentions).toContainEqual({ paragraph: 2, text: 'he' });
  });

  it('GIVEN a sentence-opening common word THEN it is not part of a name', () => {
    const names = entitiesOf(articleFromParagraphs('x', ['Meanwhile President Maria Lopez said it. Witnesses said so.'])).map(
      (e) => e.name,
    );
    expect(names).toEqual(['Maria Lopez']);
  });

  it('GIVEN "the White House said", "the Dutchman said" and "a spokesman for Tesco said" THEN only the organisations are entities', () => {
    const entities = entitiesOf(
      articleFromParagraphs('x', [
        'The White House said it would respond.',
        '"We created chances," the Dutchman said.',
        'A spokesman for Tesco said it was sorry.',
      ]),
    );
    expect(entities.map((e) => [e.name, e.kind])).toEqual([
      ['White House', 'organisation'],
      ['Tesco', 'organisation'],
    ]);
  });

  it('GIVEN "Mrs. May" THEN the month name is a person named with her honorific, and "she" is her', () => {
    const entities = entitiesOf(articleFromParagraphs('x', ['Mrs. May told MPs in May that she would not resign.']));
    expect(entities).toHaveLength(1);
    expect(entities[0]!.name).toBe('Mrs. May');
    expect(entities[0]!.mentions).toContainEqual({ paragraph: 1, text: 'she' });
  });

  it('GIVEN a pronoun in an opening clause THEN it points at the person named after it', () => {
    const entities = entitiesOf(
      articleFromParagraphs('x', [
        'Labour leader Keir Starmer spoke first.',
        'Asked whether she would stand again, Ms Ardern replied that she would not.',
      ]),
    );
    expect(byName(entities, 'Ms Ardern').mentions.map((m) => m.text)).toEqual(['she', 'Ms Ardern', 'she']);
    expect(byName(entities, 'Keir Starmer').mentions.map((m) => m.text)).toEqual(['Keir Starmer']);
  });

  it('GIVEN "He said that “… Peter Marsh …,” …" THEN "he" is the person before, not the name inside the quotation', () => {
    const entities = entitiesOf(
      articleFromParagraphs('x', [
        'Councillor Tom Berg spoke at the harbour on Tuesday.',
        'He said that “we will not let Peter Marsh sell the harbour to anyone,” and left.',
      ]),
    );
    expect(byName(entities, 'Tom Berg').mentions.map((m) => m.text)).toEqual(['Tom Berg', 'He']);
    expect(byName(entities, 'Peter Marsh').mentions.map((m) => m.text)).toEqual(['Peter Marsh']);
  });

  it('GIVEN "the minister" after "Health Minister Sarah Lee" THEN it is her; "the French president" with no French president named is nobody', () => {
    const entities = entitiesOf(
      articleFromParagraphs('x', [
        'Health Minister Sarah Lee met Former President George Bush.',
        'The minister said it went well.',
        'The French president said nothing.',
      ]),
    );
    expect(byName(entities, 'Sarah Lee').mentions).toContainEqual({ paragraph: 2, text: 'The minister' });
    expect(byName(entities, 'George Bush').mentions.map((m) => m.paragraph)).toEqual([1]);
  });

  it('GIVEN names with accents THEN ids are plain kebab-case', () => {
    expect(toEntityId('José Álvarez-Núñez')).toBe('jose-alvarez-nunez');
  });
});
