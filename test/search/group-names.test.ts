import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../src/model/analysis.ts';
import { entityKey, groupNames, type GroupableEntity } from '../../src/search/group-names.ts';
import { nameKey } from '../../src/search/name-search.ts';

/** [article, name, kind, mentions] */
type Row = [string, string, EntityKind, number];

const entitiesOf = (rows: Row[]): GroupableEntity[] =>
  rows.map(([article, name, kind, mentions]) => ({
    article,
    entityId: nameKey(name).replace(/ /g, '-'),
    name,
    key: nameKey(name),
    kind,
    mentions,
  }));

/** The group names each row ends up in, in row order. */
function groupedAs(rows: Row[]): string[] {
  const entities = entitiesOf(rows);
  const { byEntity } = groupNames(entities);
  return entities.map((e) => byEntity.get(entityKey(e.article, e.entityId))!.name);
}

describe('groupNames', () => {
  it.each<[string, Row[], string[]]>([
    [
      'the same full name in two articles is one person',
      [
        ['a', 'Maria Okonkwo', 'person', 3],
        ['b', 'Maria Okonkwo', 'person', 1],
      ],
      ['Maria Okonkwo', 'Maria Okonkwo'],
    ],
    [
      'a surname alone joins the only full name that has it',
      [
        ['a', 'Vladimir Putin', 'person', 5],
        ['b', 'Putin', 'person', 2],
      ],
      ['Vladimir Putin', 'Vladimir Putin'],
    ],
    [
      'a surname shared by two full names joins neither',
      [
        ['a', 'Maria Okonkwo', 'person', 5],
        ['b', 'Peter Okonkwo', 'person', 2],
        ['c', 'Okonkwo', 'person', 2],
      ],
      ['Maria Okonkwo', 'Peter Okonkwo', 'Okonkwo'],
    ],
    [
      'a name without its middle name joins the only longer one with the same first and last names',
      [
        ['a', 'John Fitzgerald Kennedy', 'person', 2],
        ['b', 'John Kennedy', 'person', 4],
      ],
      ['John Fitzgerald Kennedy', 'John Fitzgerald Kennedy'],
    ],
    [
      'accents and case do not make two people',
      [
        ['a', 'José Ramírez', 'person', 1],
        ['b', 'Jose Ramirez', 'person', 3],
      ],
      ['Jose Ramirez', 'Jose Ramirez'],
    ],
    [
      'a person and an organisation of the same name stay apart',
      [
        ['a', 'Wagner', 'organisation', 4],
        ['b', 'Wagner', 'person', 1],
      ],
      ['Wagner', 'Wagner'],
    ],
    [
      'organisations are grouped by their whole name only',
      [
        ['a', 'National Rail', 'organisation', 2],
        ['b', 'Network Rail', 'organisation', 2],
        ['c', 'Rail', 'organisation', 1],
      ],
      ['National Rail', 'Network Rail', 'Rail'],
    ],
  ])('GIVEN %s THEN the groups are as expected', (_what, rows, expected) => {
    expect(groupedAs(rows)).toEqual(expected);
  });

  it('GIVEN a person and an organisation of one name THEN they are two groups', () => {
    const entities = entitiesOf([
      ['a', 'Wagner', 'organisation', 4],
      ['b', 'Wagner', 'person', 1],
    ]);
    const { byEntity } = groupNames(entities);
    expect(byEntity.get(entityKey('a', 'wagner'))).not.toBe(byEntity.get(entityKey('b', 'wagner')));
  });

  it('GIVEN a group THEN its members are most mentioned first, its articles and mentions counted', () => {
    const entities = entitiesOf([
      ['a', 'Putin', 'person', 1],
      ['b', 'Vladimir Putin', 'person', 7],
      ['c', 'Vladimir Putin', 'person', 3],
    ]);
    const group = groupNames(entities).byEntity.get(entityKey('a', 'putin'))!;
    expect(group).toMatchObject({ name: 'Vladimir Putin', kind: 'person', articles: 3, mentions: 11 });
    expect(group.members.map((m) => m.article)).toEqual(['b', 'c', 'a']);
  });

  it('GIVEN many groups THEN the prominent list is ordered by mentions, each group once', () => {
    const { prominent } = groupNames(
      entitiesOf([
        ['a', 'Vladimir Putin', 'person', 4],
        ['b', 'Putin', 'person', 4],
        ['a', 'NATO', 'organisation', 6],
        ['b', 'Maria Okonkwo', 'person', 1],
      ]),
    );
    expect(prominent.map((g) => g.name)).toEqual(['Vladimir Putin', 'NATO', 'Maria Okonkwo']);
  });
});
