/**
 * Attribution and name shapes found while measuring on real text (the dev sets), each written
 * here as a made-up news sentence of the same shape.
 */
import { describe, expect, it } from 'vitest';
import type { Entity, Quote } from '../../src/model/analysis.ts';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

const analyse = (paragraphs: string[]): { entities: Entity[]; quotes: Quote[] } => analyseArticle(articleFromParagraphs('x', paragraphs));
const speakerOf = (quotes: Quote[], start: string): string | null | undefined => quotes.find((q) => q.text.startsWith(start))?.speaker;
const peopleOf = (entities: Entity[]): string[] => entities.filter((e) => e.kind === 'person').map((e) => e.name);

describe('speakers stated in other ways than "X said"', () => {
  it.each([
    ['a passive agent', ['The old town was described by the travel writer Anna Holm as "a jewel on the river".'], 'a jewel', 'Anna Holm'],
    [
      'a quote attributed to someone',
      ['There is a line attributed to Mark Twain — "The reports of my death are greatly exaggerated."'],
      'The reports',
      'Mark Twain',
    ],
    ['a dash after the quote', ['"We have brains, not oil." — Dov Shamir, on the economy of the region.'], 'We have brains', 'Dov Shamir'],
    [
      '"in her own words"',
      ['Clara Voss waited nine hours at the airport.', 'The delay left her, in her own words, "exhausted and furious".'],
      'exhausted',
      'Clara Voss',
    ],
    [
      'a phrasal reporting verb after the quote',
      [
        'Mayor Tom Hale and Councillor Ruth Vance met on Monday.',
        '“They are all here because of the free food,” Vance said with a laugh.',
        '“You know, it happens every single day,” Hale went on, as if he had not heard her.',
      ],
      'You know',
      'Tom Hale',
    ],
    [
      'a phrasal reporting verb before the quote',
      [
        'Mayor Tom Hale and Councillor Ruth Vance met on Monday.',
        'Hale said the plan would fail. Vance shot back at the mayor: “If they vote against us, they lose the town.”',
      ],
      'If they vote',
      'Ruth Vance',
    ],
    [
      '"in Hale\'s view" before the quote',
      [
        'The vote was held on Monday, and Tom Hale lost it.',
        'In Hale’s view, the result was “a sign of deep anger among ordinary voters.”',
      ],
      'a sign of deep anger',
      'Tom Hale',
    ],
    [
      '"in Hale\'s view" after the quote',
      ['The vote was held on Monday, and Tom Hale lost it.', '“It is a failure across the board, from roads to schools,” in Hale’s view.'],
      'It is a failure',
      'Tom Hale',
    ],
    [
      '"in her view" before the quote',
      ['Ruth Vance spoke after the count.', 'In her view, the party had “lost its way with the voters of the north.”'],
      'lost its way',
      'Ruth Vance',
    ],
    [
      'a quote after a sentence of reported speech',
      ['Mayor Tom Hale recalled that the river rose overnight. "The water was at the door by dawn."'],
      'The water',
      'Tom Hale',
    ],
    [
      '"he" that continues the subject, not the person he met',
      [
        'Kofi Mensah moved to Leeds, where he met the young painter Ruth Lind.',
        'About his new friend he wrote, "She paints like nobody else."',
      ],
      'She paints',
      'Kofi Mensah',
    ],
    ['"I" before a quote, which names nobody', ['When fans stop me, I say, "Thanks for reading."'], 'Thanks', null],
    [
      '"he said" after a paragraph about someone else than the last quoted speaker',
      [
        '"We will open the new bridge in May," said Mayor Tom Berg.',
        'Council member Peter Lind criticised the timetable at the meeting on Monday.',
        '"Nobody on the council has seen the budget for this bridge yet," he said.',
      ],
      'Nobody on the council',
      'Peter Lind',
    ],
    [
      '"he told reporters" after reported speech ("X noted that …") with no quotation marks',
      [
        '"The harbour will stay open all winter," said Erik Dahl, the port director.',
        'The union leader Jonas Berg noted that the ferries had been cancelled twice.',
        '"Our members have heard this promise every single year," he told reporters.',
      ],
      'Our members',
      'Jonas Berg',
    ],
    [
      'a speaker named after a possessive of the person talked about, who is named all around',
      [
        'Tomas Weiss was born in Graz in 1901. His father sent him to a boarding school, where he wrote his first poems.',
        'In 1925 Weiss moved to Vienna. He quarrelled with his publisher, and he left the city two years later.',
        'Weiss\' cousin, Paul Marat, when asked about the quarrel, mentioned that Weiss "had been insulted in front of the whole board." Weiss himself wrote to his sister about it.',
        'Weiss died in Salzburg in 1950.',
      ],
      'had been insulted',
      'Paul Marat',
    ],
    [
      'a contracted pronoun subject ("He’s said")',
      ['Senator Tom Ruud campaigned in Ohio on Monday.', 'He’s said that the plan is "a big, big problem for the farmers here".'],
      'a big, big problem',
      'Tom Ruud',
    ],
    [
      '"he added": goes on from the last quoted speaker',
      [
        '"We will open the new bridge in May," said Mayor Tom Berg.',
        'Council member Peter Lind criticised the timetable at the meeting on Monday.',
        '"The budget was approved by the council in March," he added.',
      ],
      'The budget was',
      'Tom Berg',
    ],
  ])('GIVEN %s (%j) THEN "%s…" is by %s', (_case, paragraphs, start, speaker) => {
    expect(speakerOf(analyse(paragraphs).quotes, start)).toBe(speaker);
  });

  it('GIVEN a stray closing-shaped quotation mark THEN the quotes after it are still found and attributed', () => {
    const { quotes } = analyse(['When she was young," the family moved north. "It was cold there", Ilse Brandt said.']);
    expect(speakerOf(quotes, 'It was cold there')).toBe('Ilse Brandt');
  });
});

describe('names in unusual shapes, and words that are not names', () => {
  it.each([
    ['a self-introduction', ["And I'm Dana Whitfield, the other founder."], 'Whitfield'],
    ['a nickname inside the name', ['Their son, Robert "Bobby" Tanaka, plays in goal.'], 'Tanaka'],
    ["an editor's brackets inside the name", ['He lost to [Walter F.] Mondale in 1984.'], 'Mondale'],
    ['a part played', ['She later starred as Hope in the series.'], 'Hope'],
  ])('GIVEN %s (%j) THEN a person named with "%s" is found', (_case, paragraphs, word) => {
    expect(peopleOf(analyse(paragraphs).entities).some((name) => name.split(/\s+/).includes(word))).toBe(true);
  });

  it.each([
    ["We've seen it before, and We'll see it again, said the coach."],
    ['Armies cannot conquer science. Moments like that stay with you.'],
    ['He served until the end of the American Revolution.'],
  ])('GIVEN "%s" THEN no person is invented', (text) => {
    expect(peopleOf(analyse([text]).entities)).toEqual([]);
  });
});

describe('media named with a head noun', () => {
  it('GIVEN "Kvarter Magazine" and "the Fjord Gazette" THEN they are organisations, so "he" cannot mean them', () => {
    const { entities } = analyse([
      'We put adverts in Kvarter Magazine and in the Fjord Gazette last spring.',
      'Kvarter Magazine sent us two readers. Kvarter Magazine later ran a story about the shop.',
    ]);
    for (const name of ['Kvarter Magazine', 'Fjord Gazette'])
      expect(entities.find((e) => e.name.endsWith(name))?.kind).toBe('organisation');
  });
});

describe('a plural noun for people opening a sentence', () => {
  it('GIVEN "Teenagers Jon Moe and Per Dahl …" THEN the people are Jon Moe and Per Dahl, not "Teenagers Jon Moe"', () => {
    const { entities } = analyse([
      'Teenagers Jon Moe and Per Dahl stayed at the clinic all night.',
      'Moe said the generator failed twice.',
    ]);
    const people = peopleOf(entities);
    expect(people).toContain('Jon Moe');
    expect(people.some((name) => name.startsWith('Teenagers'))).toBe(false);
  });
});

describe('a sentence adverb is no speaker', () => {
  it.each([
    ['an -ly adverb before a description', ['Unfortunately, the mayor told us, "the ferry will not sail this week."'], 'the mayor'],
    ['an -ly adverb before a titled name', ['Sadly, Councillor Ann Moe said, "the library will close in June."'], 'Ann Moe'],
  ])('GIVEN %s THEN the speaker is the subject after it, and the adverb is no person', (_shape, paragraphs, speaker) => {
    const { entities, quotes } = analyse(paragraphs);
    expect(quotes[0]?.speaker).toBe(speaker);
    expect(peopleOf(entities).some((name) => /ly$/u.test(name))).toBe(false);
  });

  it('GIVEN a surname ending in -ly ("Donnelly said") THEN it stays a name', () => {
    const { quotes } = analyse(['Maura Donnelly runs the bakery.', 'Donnelly said, "we bake from four in the morning."']);
    expect(quotes[0]?.speaker).toBe('Maura Donnelly');
  });
});

describe('a word that qualifies the role before a name', () => {
  it('GIVEN "said Municipal pollster Ole Brun" THEN the speaker is Ole Brun, not "Municipal"', () => {
    const { quotes } = analyse(['"The numbers look grim today," said Municipal pollster Ole Brun. "Nobody expected this."']);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ole Brun', 'Ole Brun']);
  });
});

describe('a clause opening with "he" or "she" before a colon', () => {
  it('GIVEN "She then addressed the crowd again: …" THEN the speaker is who "she" is, not the clause', () => {
    const { quotes } = analyse([
      'Mayor Ann Holt met the strikers on Friday.',
      'She then addressed the crowd again: "We will not give up on this harbour."',
    ]);
    expect(quotes[0]?.speaker).toBe('Ann Holt');
  });
});

describe('a run of vox-pop quotes, each followed by a dash and a name', () => {
  it.each([['—'], ['―']])(
    'GIVEN quotes each signed "%s Name" THEN each gets its own name, and no name runs into the next quote',
    (dash) => {
      const { entities, quotes } = analyse([
        `"We need more buses at night." ${dash} Lena Ahl "The trains are always late." ${dash} Omar Haddad "Nobody listens to us." ${dash} Per Moe`,
      ]);
      expect(quotes.map((q) => q.speaker)).toEqual(['Lena Ahl', 'Omar Haddad', 'Per Moe']);
      expect(peopleOf(entities)).toContain('Lena Ahl');
    },
  );

  it('GIVEN a nickname in quotation marks inside a name THEN the name still holds it', () => {
    expect(peopleOf(analyse(['Finley "Finn" Polmar scored twice in the final.']).entities)).toContain('Finley Finn Polmar');
  });
});

describe('a party or group noun before a full name', () => {
  it('GIVEN "Democrat Jane Roe said" THEN the person is Jane Roe', () => {
    const { entities, quotes } = analyse(['Democrat Jane Roe said, "We will win this seat back in the spring."']);
    expect(peopleOf(entities)).toEqual(['Jane Roe']);
    expect(quotes[0]?.speaker).toBe('Jane Roe');
  });
});
