/**
 * The ten patterns of issue 8 (people and quotes on any news article), each a table of
 * made-up news sentences: who is a person, with which role, and who said each quote.
 */
import { describe, expect, it } from 'vitest';
import type { Entity, Quote } from '../../src/model/analysis.ts';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

const analyse = (paragraphs: string[]): { entities: Entity[]; quotes: Quote[] } => analyseArticle(articleFromParagraphs('x', paragraphs));
const people = (entities: Entity[]): Entity[] => entities.filter((e) => e.kind === 'person');
const personNamed = (entities: Entity[], name: string): Entity | undefined => people(entities).find((e) => e.name === name);
/** The speaker of the first quote whose text starts with `start`. */
const speakerOf = (quotes: Quote[], start: string): string | null | undefined => quotes.find((q) => q.text.startsWith(start))?.speaker;

describe('1. a title glued to the name', () => {
  it.each([
    ['Shadow Health Secretary Jane Roe said the plan would fail.', 'Jane Roe', 'Shadow Health Secretary'],
    ['CEO of the Harbour Trust Sam Lee told reporters the port would stay open.', 'Sam Lee', 'CEO of the Harbour Trust'],
    ['Deputy Mayor Priya Natarajan opened the bridge on Friday.', 'Priya Natarajan', 'Deputy Mayor'],
    ['Head coach Marco Bellini was sacked on Sunday.', 'Marco Bellini', 'Head coach'],
    ['Board chair Priya Raman said the terminal was unsafe.', 'Priya Raman', 'Board chair'],
    ['Club treasurer Dawit Bekele resigned on Monday.', 'Dawit Bekele', 'Club treasurer'],
    ['Economist Aiko Tanaka said the forecasts were optimistic.', 'Aiko Tanaka', 'Economist'],
    ['Economist Dr. Aiko Tanaka said the forecasts were optimistic.', 'Aiko Tanaka', 'Economist'],
    ['The forecasts were checked by the economist Dr Aiko Tanaka.', 'Aiko Tanaka', 'economist'],
    ['Substitute Chan Wai-ming restored the lead on the hour.', 'Chan Wai-ming', 'Substitute'],
    ['The manager confirmed that defender Tomás de Vries would miss the match.', 'Tomás de Vries', 'defender'],
  ])('GIVEN "%s" THEN %s is a person whose role is "%s"', (text, name, role) => {
    const { entities } = analyse([text]);
    const person = personNamed(entities, name);
    expect(person?.roles.map((r) => r.text)).toContain(role);
    expect(entities.some((e) => e.kind === 'organisation' && e.name.includes(name))).toBe(false);
  });

  it.each([
    ['CEO of the Harbour Trust Sam Lee told reporters: "We stay open."', 'Sam Lee'],
    ['Shadow Health Secretary Jane Roe said: "This plan will fail."', 'Jane Roe'],
  ])('GIVEN "%s" THEN the speaker is %s, not the title', (text, speaker) => {
    expect(speakerOf(analyse([text]).quotes, '')).toBe(speaker);
  });
});

describe('1b. an honorific is how a person is addressed, not a role', () => {
  it.each([
    [
      ['Board chair Priya Raman said the terminal was unsafe.', 'Ms Raman rejected that, telling reporters the engineers were clear.'],
      'Priya Raman',
    ],
    [['Councillor Tom Whitfield called the vote a betrayal.', 'Mr Whitfield said he would ask for a review.'], 'Tom Whitfield'],
    [['Ruth Okafor won the seat.', 'Mrs. Okafor thanked her volunteers.'], 'Ruth Okafor'],
  ])('GIVEN %j THEN %s has no role "Ms", "Mr" or "Mrs"', (paragraphs, name) => {
    const person = personNamed(analyse(paragraphs).entities, name);
    expect(person).toBeDefined();
    expect(person!.roles.map((r) => r.text.replace(/\.$/, '').toLowerCase())).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(?:ms|mr|mrs)$/)]),
    );
  });
});

describe('2. an organisation in the appositive does not take the quote', () => {
  it.each([
    ['Jane Roe, ACU associate professor of history, said, "The archive changes everything."', 'Jane Roe'],
    ['Tom Baker, a spokesman for the NHS trust, said: "Beds are full."', 'Tom Baker'],
    ['Ruth Okoye, chief economist at Barclays, said "rates will fall" next year.', 'Ruth Okoye'],
  ])('GIVEN "%s" THEN the speaker is %s', (text, speaker) => {
    expect(speakerOf(analyse([text]).quotes, '')).toBe(speaker);
  });
});

describe('3. name variants are one person', () => {
  it.each([
    [
      ['Jane Roe chairs the inquiry.', 'Ms Roe said the hearings would resume.', 'Mrs. Roe later left.', 'Roe declined to comment.'],
      'Jane Roe',
      ['Ms Roe', 'Mrs. Roe', 'Roe'],
    ],
    [
      ['Jane Roe chairs the inquiry.', 'The hearings resumed on Monday.', 'Witnesses were called.', 'Ms Rowe said she was satisfied.'],
      'Jane Roe',
      ['Ms Rowe'],
    ],
    [['Councillor Martin Feltham spoke first.', 'Mr Feltam said the budget was fair.'], 'Martin Feltham', ['Mr Feltam']],
  ])('GIVEN %j THEN %s has the variants %j', (paragraphs, name, variants) => {
    const { entities } = analyse(paragraphs);
    const person = personNamed(entities, name);
    expect(person?.aliases).toEqual(expect.arrayContaining(variants));
    expect(people(entities)).toHaveLength(1);
  });

  it('GIVEN two different people with similar surnames THEN they are not merged', () => {
    const { entities } = analyse(['Jane Roe met Tom Rowe.', 'Roe and Rowe disagreed.']);
    expect(
      people(entities)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Jane Roe', 'Tom Rowe']);
  });
});

describe('4. names are not cut short', () => {
  it.each([
    ['"We will rebuild," Nora Rivers said.', 'Nora Rivers'],
    ['Nora Rivers said: "We will rebuild."', 'Nora Rivers'],
    ['"It was close," said James Woods.', 'James Woods'],
    ['"It was close," said Helen Fields, the coach.', 'Helen Fields'],
  ])('GIVEN "%s" THEN the speaker is %s', (text, name) => {
    const { entities, quotes } = analyse([text]);
    expect(personNamed(entities, name)).toBeDefined();
    expect(speakerOf(quotes, '')).toBe(name);
  });
});

describe('5. pronouns and continuations across paragraphs', () => {
  it.each([
    [
      [
        'Judge Amelia Hart said the case was "deeply troubling".',
        'The court then adjourned for lunch.',
        'She continued: "No family should go through this."',
      ],
      'No family',
      'Amelia Hart',
    ],
    [['"We were never told," said Mark Ellis, a farmer.', 'He said: "Nobody came to see the fields."'], 'Nobody came', 'Mark Ellis'],
    [
      ['The authors say the data are incomplete.', 'They call for "a national register of every case".'],
      'a national register',
      'The authors',
    ],
    [['Karen Walsh said the flood came at night.', '"We lost everything," she said.'], 'We lost everything', 'Karen Walsh'],
    [
      [
        'Emeka Okafor scored twice on Saturday.',
        'Rovers manager Sarah Delacroix-Hunt praised her striker. "Emeka was outstanding today. He works harder than anyone," she said.',
      ],
      'Emeka was outstanding',
      'Sarah Delacroix-Hunt',
    ],
    [
      [
        'Coach Helen Marsh praised her goalkeeper. "Kofi kept us in the game. He was brilliant," she said.',
        'She continued: "We take one game at a time."',
      ],
      'We take one game',
      'Helen Marsh',
    ],
  ])('GIVEN %j THEN "%s…" is attributed to %s', (paragraphs, start, speaker) => {
    expect(speakerOf(analyse(paragraphs).quotes, start)).toBe(speaker);
  });
});

describe('6. descriptions are speakers, and a common word alone is never a name', () => {
  it.each([
    [['One reader admitted the puzzle beat her, writing "I gave up after an hour".'], 'I gave up', 'One reader'],
    [['Critics said the law was "a gift to landlords".'], 'a gift to landlords', 'Critics'],
    [['Residents say the new road is "a disaster waiting to happen".'], 'a disaster waiting', 'Residents'],
  ])('GIVEN %j THEN "%s…" is by the description "%s"', (paragraphs, start, speaker) => {
    const { entities, quotes } = analyse(paragraphs);
    expect(speakerOf(quotes, start)?.toLowerCase()).toBe(speaker.toLowerCase());
    expect(entities.filter((e) => e.name === speaker.split(' ')[0])).toEqual([]);
  });

  it.each([
    [['Critics said the law was "a gift to landlords".'], 'critics'],
    [['Residents say the new road is "a disaster waiting to happen".'], 'residents'],
  ])('GIVEN %j THEN the speaker is the description "%s", in lower case like any common word', (paragraphs, speaker) => {
    expect(analyse(paragraphs).quotes[0]?.speaker).toBe(speaker);
  });

  it.each([
    ['One', 'One reader admitted the puzzle beat her.'],
    ['Critics', 'Critics said the law was unfair.'],
    ['CEO', 'CEO pay rose again this year, the report found.'],
    ['Mail', 'Mail deliveries were delayed across the region.'],
    ['Officials', 'Officials declined to comment.'],
  ])('GIVEN a sentence opening with "%s" THEN it is not a person or organisation', (word, text) => {
    expect(analyse([text]).entities.map((e) => e.name)).not.toContain(word);
  });
});

describe('7. "X of Y": the person speaks, Y is the role', () => {
  it.each([
    ['John Smith of The Daily Courier called it "a shameful day for the town".', 'a shameful day', 'John Smith', 'of The Daily Courier'],
    ['Anita Desai of the Refugee Council said "the numbers are rising".', 'the numbers', 'Anita Desai', 'of the Refugee Council'],
  ])('GIVEN "%s" THEN "%s…" is by %s, whose role is "%s"', (text, start, speaker, role) => {
    const { entities, quotes } = analyse([text]);
    expect(speakerOf(quotes, start)).toBe(speaker);
    expect(personNamed(entities, speaker)?.roles.map((r) => r.text)).toContain(role);
    expect(people(entities).map((e) => e.name)).toEqual([speaker]);
  });
});

describe('8. documents as sources', () => {
  it.each([
    [
      ['The Ministry of Health issued new rules.', 'The ministry\'s letter reads "all clinics must reopen by June".'],
      'all clinics',
      'Ministry of Health',
    ],
    [['A leaked memo seen by the paper says "staff cuts are unavoidable".'], 'staff cuts', 'A leaked memo'],
    [['The report states that the river is "at its lowest level in a century".'], 'at its lowest', 'The report'],
  ])('GIVEN %j THEN "%s…" comes from %s', (paragraphs, start, speaker) => {
    expect(speakerOf(analyse(paragraphs).quotes, start)?.toLowerCase()).toBe(speaker.toLowerCase());
  });
});

describe('9. titles that point back', () => {
  it.each([
    [
      [
        'Chilean Foreign Minister Sergio Alvarado met his counterpart on Monday.',
        'The Chilean Chancellor said the talks had "opened a new chapter".',
      ],
      'opened a new chapter',
      'Sergio Alvarado',
    ],
    [
      ['Foreign Minister Sergio Alvarado met his counterpart on Monday.', 'The top diplomat said the talks were "frank".'],
      'frank',
      'Sergio Alvarado',
    ],
    [
      ['Finance Minister Ama Owusu presented the budget.', 'The minister said it was "a budget for growth".'],
      'a budget for growth',
      'Ama Owusu',
    ],
  ])('GIVEN %j THEN "%s" is by %s', (paragraphs, start, speaker) => {
    expect(speakerOf(analyse(paragraphs).quotes, start)).toBe(speaker);
  });

  it('GIVEN "the Peruvian Chancellor" right after a Chilean minister THEN it is left unresolved rather than guessed', () => {
    const { quotes } = analyse([
      'Chilean Foreign Minister Sergio Alvarado met his counterpart on Monday.',
      'The Peruvian Chancellor said the talks had "opened a new chapter".',
    ]);
    expect(speakerOf(quotes, 'opened a new chapter')).not.toBe('Sergio Alvarado');
  });

  it('GIVEN "the Chancellor" with two foreign ministers named THEN it is left unresolved rather than guessed', () => {
    const { quotes } = analyse([
      'Foreign Minister Sergio Alvarado met Foreign Minister Ana Lopes.',
      'The chancellor said the talks were "frank".',
    ]);
    expect(speakerOf(quotes, 'frank')).not.toBe('Sergio Alvarado');
    expect(speakerOf(quotes, 'frank')).not.toBe('Ana Lopes');
  });
});

describe('10. people wherever news puts them', () => {
  it.each([
    ['Okafor scored twice before Lindqvist pulled one back in the 80th minute.', ['Okafor', 'Lindqvist']],
    [
      'The candidates are Maria Gonzalez, Chan Wai-ming, Tobias Eriksen and Fatima Bello.',
      ['Maria Gonzalez', 'Chan Wai-ming', 'Tobias Eriksen', 'Fatima Bello'],
    ],
    ['The prize went to J.R. Ellison, ahead of T. Harlan Boyd.', ['J.R. Ellison', 'T. Harlan Boyd']],
    ['De Vries and Ben Salah shared the stage with von der Leyen in Brussels.', ['De Vries', 'Ben Salah', 'von der Leyen']],
    ['The novel was praised by the critic Ingrid Halvorsen.', ['Ingrid Halvorsen']],
    ['Quarterback Deshawn Pruitt threw for 300 yards as Tennessee beat Georgia.', ['Deshawn Pruitt']],
    ['Meanwhile Priya Natarajan opened the bridge.', ['Priya Natarajan']],
  ])('GIVEN "%s" THEN the people are %j', (text, names) => {
    const found = people(analyse([text]).entities).map((e) => e.name);
    expect(found).toEqual(expect.arrayContaining(names));
    for (const place of ['Brussels', 'Tennessee', 'Georgia']) expect(found).not.toContain(place);
    expect(found.filter((name) => name.startsWith('Meanwhile '))).toEqual([]);
  });
});
