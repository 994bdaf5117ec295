/**
 * The parse step's named rules and the word lists behind them, on made-up news sentences: the
 * rule and reason each entity carries, title abbreviations, contractions, descriptions before a
 * given name, and the reporting verbs in every form.
 */
import { describe, expect, it } from 'vitest';
import type { Entity, Quote } from '../../src/model/analysis.ts';
import { analyseArticle } from '../../src/analysis/analyse-article.ts';
import { ASKING_VERBS, SPEECH_VERBS } from '../../src/analysis/name-cues.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import commonWords from '../../src/analysis/word-lists/common-words.json' with { type: 'json' };
import names from '../../src/analysis/word-lists/names.json' with { type: 'json' };
import organisations from '../../src/analysis/word-lists/organisations.json' with { type: 'json' };
import places from '../../src/analysis/word-lists/places.json' with { type: 'json' };
import reportingVerbs from '../../src/analysis/word-lists/reporting-verbs.json' with { type: 'json' };
import roles from '../../src/analysis/word-lists/roles.json' with { type: 'json' };
import titles from '../../src/analysis/word-lists/titles.json' with { type: 'json' };
import { articleFromParagraphs } from '../support/article-from-paragraphs.ts';

const analyse = (paragraphs: string[]): { entities: Entity[]; quotes: Quote[] } => analyseArticle(articleFromParagraphs('x', paragraphs));
const named = (entities: Entity[], name: string): Entity => {
  const found = entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} among ${entities.map((e) => e.name).join(', ')}`);
  return found;
};
const speakerOf = (quotes: Quote[], start: string): string | null | undefined => quotes.find((q) => q.text.startsWith(start))?.speaker;

describe('each entity says which rule made it and why', () => {
  it.each([
    ['Anna Rose Whitley opened the exhibition on Monday.', 'Anna Rose Whitley', 'person', 'known-first-name', '"Anna" is a first name'],
    ['Foreign Minister Tove Lindqvist met her counterpart.', 'Tove Lindqvist', 'person', 'title-before-name', '"Foreign Minister"'],
    ['NATO officials met on Monday.', 'NATO', 'organisation', 'acronym', '"NATO" is an acronym'],
    ['The Harbour Trust opened a new quay.', 'Harbour Trust', 'organisation', 'organisation-head-word', '"Trust"'],
    ['Maria Keller, a historian, called it unprecedented.', 'Maria Keller', 'person', 'role-after-name', '"a historian"'],
  ])('GIVEN "%s" THEN %s is a %s by the rule %s', (text, name, kind, rule, reason) => {
    const entity = named(analyse([text]).entities, name);
    expect(entity.kind).toBe(kind);
    expect(entity.reason?.rule).toBe(rule);
    expect(entity.reason?.text).toContain(reason);
  });
});

describe('title abbreviations with their period', () => {
  it.each([
    ['“This is a sad day,” said Rep. Jane Stone (D-Ore.), head of the caucus.', 'This is a sad day', 'Jane Stone', 'Rep.'],
    ['“It is over,” said Del. Mara Quill, who sits on the committee.', 'It is over', 'Mara Quill', 'Del.'],
    ['“We will rebuild,” said the Rev. Tom Orly, of the Baptist church.', 'We will rebuild', 'Tom Orly', 'Rev.'],
    ['“The vote was fair,” said Lt. Gov. Ada Brennan on Tuesday.', 'The vote was fair', 'Ada Brennan', 'Lt. Gov.'],
  ])('GIVEN %j THEN "%s" is by %s, whose role is "%s"', (text, quote, name, role) => {
    const { entities, quotes } = analyse([text]);
    expect(named(entities, name).roles.map((r) => r.text)).toContain(role);
    expect(speakerOf(quotes, quote)).toBe(name);
  });

  it('GIVEN "Del." before a name THEN the sentence does not end at its period', () => {
    const article = articleFromParagraphs('x', ['“It is over,” Del. Mara Quill said on Friday.']);
    expect(splitSentences(article)).toHaveLength(1);
  });

  it('GIVEN "Mr. King" THEN the title word after the honorific is his surname and he is the speaker', () => {
    const { entities, quotes } = analyse(['“It is about time,” said Mr. King, who leads the group.']);
    expect(named(entities, 'Mr. King').kind).toBe('person');
    expect(speakerOf(quotes, 'It is about time')).toBe('Mr. King');
  });
});

describe('what is not part of a name', () => {
  it('GIVEN a name followed by a contraction THEN the contraction is neither part of the name nor a name', () => {
    const names = analyse(['“We won,” said Pamela Ortiz I’m told.']).entities.map((e) => e.name);
    expect(names).toEqual(['Pamela Ortiz']);
  });

  it.each([
    ['Republican Dana Whitfield called the plan "a disgrace".', 'Dana Whitfield'],
    ['“It is over,” said White House Press Secretary Josh Irving.', 'Josh Irving'],
  ])('GIVEN "%s" THEN the person is %s', (text, name) => {
    const people = analyse([text]).entities.filter((e) => e.kind === 'person');
    expect(people.map((e) => e.name)).toEqual([name]);
  });

  it('GIVEN "the Kremlin said" THEN it is an organisation, and "the Dutchman said" names nobody', () => {
    const { entities } = analyse(['The Kremlin said the talks would go on.', '“We created chances,” the Dutchman said.']);
    expect(entities.map((e) => [e.name, e.kind])).toEqual([['Kremlin', 'organisation']]);
  });

  it.each([
    ['Varga openly admitted that his pick was a gamble.', 'Varga'],
    ['Holt quickly agreed with the plan.', 'Holt'],
    ['Marsh later told reporters he was tired.', 'Marsh'],
  ])('GIVEN "%s" (an adverb between a lone surname and its verb) THEN %s is a person', (text, name) => {
    const { entities } = analyse(['The debate was on Sunday.', text]);
    expect(entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([name]);
  });

  it('GIVEN "Varga openly admitted …" then "“…,” he said" THEN the quote is Varga\'s', () => {
    const { quotes } = analyse([
      'The debate was on Sunday.',
      'Varga openly admitted that his pick was a gamble. “With an eye to the vote, I chose it,” he said.',
    ]);
    expect(speakerOf(quotes, 'With an eye')).toBe('Varga');
  });

  it('GIVEN "the Varga campaign said" after "Peter Varga" THEN Varga stays the person, and "he" is him', () => {
    const { entities, quotes } = analyse([
      'Peter Varga wants to be mayor of the port town.',
      'In a letter, the Varga campaign said the race was close, and the Varga claim to have won new voters was repeated.',
      'Varga seemed tired on Tuesday night when he spoke to the crowd.',
      'He vowed to “keep up the fight in every ward of the town, and in the harbour,” and left.',
    ]);
    expect(entities.filter((e) => e.name.includes('Varga')).map((e) => [e.name, e.kind])).toEqual([['Peter Varga', 'person']]);
    expect(speakerOf(quotes, 'keep up the fight')).toBe('Peter Varga');
  });
});

describe('the reporting verbs', () => {
  it.each([
    'said',
    'tells',
    'added',
    'reasoned',
    'characterized',
    'concluded',
    'commented',
    'wrote',
    'written',
    'continued',
    'defended',
    'described',
    'argued',
    'explained',
    'insisted',
    'noted',
    'warned',
    'admitted',
    'replied',
    'responded',
    'claimed',
    'declared',
    'announced',
    'acknowledged',
    'tweeted',
    'posted',
    'quipped',
  ])('GIVEN "%s" THEN it is a reporting verb', (verb) => {
    expect(SPEECH_VERBS.has(verb)).toBe(true);
  });

  it('GIVEN "asked" THEN it is a verb of asking, kept apart from the reporting verbs', () => {
    expect(ASKING_VERBS.has('asked')).toBe(true);
    expect(SPEECH_VERBS.has('asked')).toBe(false);
  });
});

describe('the word lists', () => {
  const files = { commonWords, names, organisations, places, reportingVerbs, roles, titles };
  const lists = Object.entries(files).flatMap(([file, data]) =>
    Object.entries(data.lists as Record<string, { source: string; words: string[] }>).map(
      ([name, list]) => [`${file}.${name}`, list] as const,
    ),
  );

  it.each(lists)('GIVEN %s THEN it says where its entries come from and holds lower-case words once each', (_name, list) => {
    expect(list.source.length).toBeGreaterThan(20);
    for (const word of list.words) expect(word).toBe(word.toLowerCase());
    expect(new Set(list.words).size).toBe(list.words.length);
  });

  it('GIVEN the entries grown from single sample articles THEN none is left', () => {
    const all = new Set(lists.flatMap(([, list]) => list.words));
    for (const word of ['preston', 'kendal', 'muddy', 'volodimir', 'sektor', 'barack', 'rishi', 'sviatlana'])
      expect(all).not.toContain(word);
  });
});

describe('places that are also names', () => {
  it('GIVEN "terminating at Preston or Carlisle" THEN the town is no person, while "Preston said" is one', () => {
    expect(analyse(['Other services are terminating at Preston or Carlisle.']).entities.map((e) => e.name)).toEqual([]);
    expect(analyse(['“We are sorry,” Preston said.']).entities.map((e) => [e.name, e.kind])).toEqual([['Preston', 'person']]);
  });
});
