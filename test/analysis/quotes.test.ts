import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import type { Quote } from '../../src/model/analysis.ts';
import { findEntities } from '../../src/analysis/entities.ts';
import { findQuoteSpans } from '../../src/analysis/quote-spans.ts';
import { findQuotes } from '../../src/analysis/quotes.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { articleFromParagraphs, devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

const quotesOf = (article: Article): Quote[] => {
  const sentences = splitSentences(article);
  return findQuotes(article, sentences, findEntities(article, sentences));
};
/** [paragraph, start of the quoted text, kind, speaker, speakerId, attribution] */
type Row = [number, string, Quote['kind'], string | null, string | null, Quote['attribution']];
const rowsOf = (quotes: Quote[]): Row[] =>
  quotes.map((q) => [q.paragraph, q.text.slice(0, 25), q.kind, q.speaker, q.speakerId, q.attribution]);

describe('findQuotes on the bundled article', () => {
  const quotes = quotesOf(seedArticle());
  const rows = rowsOf(quotes);

  it.each<Row>([
    [2, 'extremists', 'scare', 'Moscow', null, 'said'],
    [4, 'There is confirmed inform', 'full', 'Sergei Lavrov', 'sergei-lavrov', 'said'],
    [5, 'There are camps in Ukrain', 'full', 'Sergei Lavrov', 'sergei-lavrov', 'continuation'],
    [6, 'does not step out of line', 'partial', 'Vladimir Putin', 'vladimir-putin', 'context'],
    [9, 'Those who try to provoke ', 'full', 'Sergei Lavrov', 'sergei-lavrov', 'said'],
    [12, 'According to our estimate', 'full', 'Sergei Lavrov', 'sergei-lavrov', 'added'],
    [21, 'moderate', 'scare', 'Vladimir Putin', 'vladimir-putin', 'said'],
    [22, 'contingent of members of ', 'partial', 'Vladimir Putin', 'vladimir-putin', 'said'],
    [23, 'I did, but we also agreed', 'full', 'Vladimir Putin', 'vladimir-putin', 'said'],
    [25, 'obligations', 'scare', null, null, 'none'],
    [26, 'help each other in defens', 'partial', 'Vladimir Putin', 'vladimir-putin', 'said'],
    [27, 'external aggression', 'scare', null, null, 'none'],
    [36, 'older brother', 'scare', null, null, 'none'],
    [38, 'We condemn the pressure t', 'full', 'Sergei Lavrov', 'sergei-lavrov', 'said'],
    [39, 'are being imposed dubious', 'partial', 'Sergei Lavrov', 'sergei-lavrov', 'said'],
    [40, 'destructive', 'scare', 'Sergei Lavrov', 'sergei-lavrov', 'said'],
    [41, 'moderate', 'scare', 'Moscow', null, 'said'],
    [41, 'neutral', 'scare', 'Moscow', null, 'said'],
  ])('GIVEN the quote in ¶%i "%s…" THEN it is %s, by %s', (...row) => {
    expect(rows).toContainEqual(row);
  });

  it('GIVEN the whole article THEN exactly those 18 quotes are found, in order of appearance', () => {
    expect(quotes).toHaveLength(18);
    const paragraphs = quotes.map((q) => q.paragraph);
    expect([...paragraphs].sort((a, b) => a - b)).toEqual(paragraphs);
  });

  it('GIVEN "…," he added after a paragraph about Lukashenko THEN the speaker is the last quoted speaker, Lavrov', () => {
    expect(quotes.find((q) => q.paragraph === 12)?.speakerId).toBe('sergei-lavrov');
  });

  it('GIVEN quoted text THEN it has no quotation marks and no trailing comma', () => {
    const fourth = quotes.find((q) => q.paragraph === 4)!;
    expect(fourth.text).toBe('There is confirmed information that these activities are being promoted from Ukraine');
    for (const q of quotes) expect(q.text).not.toMatch(/^["“']|["”',]$/u);
  });
});

describe('findQuotes on the Wikinews articles', () => {
  it.each<[Parameters<typeof devArticle>[0], Row[]]>([
    [
      'wikinews-20070223-train',
      [
        [3, "It's our understanding th", 'full', 'Brian Mitchelhill', 'brian-mitchelhill', 'said'],
        [4, 'A train has crashed betwe', 'full', 'a spokeswoman for the British Transport Police', null, 'said'],
        [6, 'At the moment, we have re', 'full', 'an unnamed ambulance official', null, 'said'],
        [7, 'The carriage I am in is c', 'full', 'Caroline Thomson', 'caroline-thomson', 'said'],
        [7, 'Where I am there are some', 'full', 'Caroline Thomson', 'caroline-thomson', 'continuation'],
        [9, 'critical condition', 'scare', null, null, 'none'],
        [11, 'built like a tank', 'partial', 'Richard Branson', 'richard-branson', 'said'],
      ],
    ],
    ['wikinews-20070306-drain', [[8, "Things like this don't ha", 'full', 'Eric Haddox', 'eric-haddox', 'said']]],
    [
      'wikinews-20160706-telescope',
      [
        [2, 'great scientific and tech', 'partial', 'Xi Jinping', 'xi-jinping', 'said'],
        [3, 'sound electromagnetic wav', 'partial', 'Li Yuecheng', 'li-yuecheng', 'said'],
        [5, 'potential to discover an ', 'partial', 'Peng Bo', 'peng-bo', 'said'],
      ],
    ],
    [
      'wikinews-20160714-UN',
      [
        [4, 'high seas', 'scare', null, null, 'none'],
        // "UNCLOS allows countries to exclude themselves from "compulsory binding procedures …" as defined in
        // Part XV": the convention's own words, which the ranker gives to the convention named as the sentence's subject.
        [
          5,
          'compulsory binding proced',
          'partial',
          'United Nations Convention on the Law of the Sea',
          'united-nations-convention-on-the-law-of-the-sea',
          'context',
        ],
        [6, 'ill-founded', 'scare', 'Chinese government', 'chinese-government', 'said'],
        [6, 'China neither accepts nor', 'partial', 'Chinese government', 'chinese-government', 'said'],
        [6, 'milestone decision', 'scare', 'Philippine government', 'philippine-government', 'said'],
        [6, 'important contribution to', 'partial', 'The US', null, 'said'],
      ],
    ],
  ])('GIVEN %s THEN every quote is found with its speaker', (name, expected) => {
    expect(rowsOf(quotesOf(devArticle(name)))).toEqual(expected);
  });
});

describe('findQuotes on constructed text', () => {
  it.each<[string, string[], Row[]]>([
    [
      'a quote split over two paragraphs, left open',
      ['Prime Minister Jane Doe said: “We will win this election.', '“And we will govern for everyone,” she added.'],
      [[1, 'We will win this election', 'full', 'Jane Doe', 'jane-doe', 'added']],
    ],
    [
      '"according to X"',
      ['According to Dr. Ahmed Khan, “the virus is spreading fast.”'],
      [[1, 'the virus is spreading fa', 'partial', 'Ahmed Khan', 'ahmed-khan', 'according-to']],
    ],
    [
      '"he said" after another person is introduced in the same paragraph',
      [
        '“It is over,” John Smith, the club’s chairman, said on Monday. “We lost.”',
        'Smith’s rival, Tom Brown, disagreed. "Nonsense," he said.',
      ],
      [
        [1, 'It is over', 'full', 'John Smith', 'john-smith', 'said'],
        [1, 'We lost.', 'full', 'John Smith', 'john-smith', 'continuation'],
        [2, 'Nonsense', 'full', 'Tom Brown', 'tom-brown', 'added'],
      ],
    ],
    ['a question with a lowercase attribution', ['"Why?" asked Maria Lopez.'], [[1, 'Why?', 'full', 'Maria Lopez', 'maria-lopez', 'said']]],
    [
      'a colon with no speech verb',
      ['The minister, Tom Hale: "We are ready."'],
      [[1, 'We are ready.', 'full', 'Tom Hale', 'tom-hale', 'colon']],
    ],
    [
      'nobody indicated',
      ['Three casualties are said to be in a "critical condition".'],
      [[1, 'critical condition', 'scare', null, null, 'none']],
    ],
    ['apostrophes that are not quotes', ["The drivers' union said it wasn't the workers' fault."], []],
    [
      'British single quotes with an age and an appositive',
      ['‘We will fight this decision all the way,’ said Karen Walsh, 52, a mother of three.'],
      [[1, 'We will fight this decisi', 'full', 'Karen Walsh', 'karen-walsh', 'said']],
    ],
    [
      'British straight single quotes broken by the attribution',
      ["Union leader Mick Lynch spoke first. 'We simply can't pay more than we have,' Tom Hale added, 'without cutting jobs.'"],
      [
        [1, "We simply can't pay more ", 'full', 'Tom Hale', 'tom-hale', 'said'],
        [1, 'without cutting jobs.', 'scare', 'Tom Hale', 'tom-hale', 'said'],
      ],
    ],
    [
      'an unnamed speaker referred to again with "the"',
      ['A Network Rail spokesperson said the offer was fair.', '"We cannot pay more," the spokesperson added.'],
      [[2, 'We cannot pay more', 'full', 'A Network Rail spokesperson', null, 'said']],
    ],
    [
      'a bare "the spokesman" with no earlier description',
      ['"We are looking into it," the spokesman said.'],
      [[1, 'We are looking into it', 'full', 'the spokesman', null, 'said']],
    ],
    [
      'a quote broken by its attribution',
      ['“We will win,” said Jane Doe, “and we will govern for everyone.”'],
      [
        [1, 'We will win', 'full', 'Jane Doe', 'jane-doe', 'said'],
        [1, 'and we will govern for ev', 'partial', 'Jane Doe', 'jane-doe', 'said'],
      ],
    ],
    [
      'a pronoun that cannot be resolved (no continuation guess)',
      ['‘We will fight,’ said Karen Walsh.', '“We will win,” he said.'],
      [
        [1, 'We will fight', 'full', 'Karen Walsh', 'karen-walsh', 'said'],
        [2, 'We will win', 'full', null, null, 'none'],
      ],
    ],
    [
      'an unnamed speaker described by a noun phrase',
      [
        'A spokesman for Tesco said: "We are aware of the issue."',
        'Goldman Sachs analysts wrote that rates would "likely pause".',
        "It's unfair, campaigners say, and they're 'furious'.",
      ],
      [
        [1, 'We are aware of the issue', 'full', 'A spokesman for Tesco', null, 'said'],
        [2, 'likely pause', 'scare', 'Goldman Sachs analysts', null, 'said'],
        [3, 'furious', 'scare', 'campaigners', null, 'said'],
      ],
    ],
    [
      'a name after a preposition before the speaker',
      ['Speaking to the BBC, Dr. Sarah Jones of the University of Oxford said: "This is a landmark study."'],
      [[1, 'This is a landmark study.', 'full', 'Sarah Jones', 'sarah-jones', 'said']],
    ],
    [
      '"she told" opening a paragraph after a paragraph about her',
      ['Health Minister Sarah Lee visited the hospital on Monday.', '"The staff have been incredible," she told the BBC. "I am grateful."'],
      [
        [2, 'The staff have been incre', 'full', 'Sarah Lee', 'sarah-lee', 'added'],
        [2, 'I am grateful.', 'full', 'Sarah Lee', 'sarah-lee', 'continuation'],
      ],
    ],
    [
      'a quote running over three paragraphs',
      ['Jane Fox, who chairs the group, said: "We were never consulted.', '"Nobody asked us.', '"Now it is too late," she said.'],
      [[1, 'We were never consulted. ', 'full', 'Jane Fox', 'jane-fox', 'added']],
    ],
    [
      '"according to" a source that is not an entity',
      ['The suspect was "armed and dangerous", according to police.', 'According to local media, the fire was "out of control".'],
      [
        [1, 'armed and dangerous', 'scare', 'police', null, 'according-to'],
        [2, 'out of control', 'scare', 'local media', null, 'according-to'],
      ],
    ],
    [
      'a participle after an object',
      ['The head of the local radio station spoke to the broadcaster NTV about the flood, saying "The water came in minutes."'],
      [[1, 'The water came in minutes', 'full', 'The head of the local radio station', null, 'said']],
    ],
    [
      '"he added" in a paragraph that first names someone else',
      ['"We will appeal," said Jane Doe.', 'Jimbo Wales declined to comment but his lawyer wrote to the court. He added "No more."'],
      [
        [1, 'We will appeal', 'full', 'Jane Doe', 'jane-doe', 'said'],
        [2, 'No more.', 'full', 'Jimbo Wales', 'jimbo-wales', 'said'],
      ],
    ],
    [
      '"she added:" after the subject of the sentence before',
      ['Mrs. May told MPs that she would not resign. She added: "My job is to deliver Brexit."'],
      [[1, 'My job is to deliver Brex', 'full', 'Mrs. May', 'mrs-may', 'said']],
    ],
  ])('GIVEN %s THEN the quotes and speakers are right', (_name, paragraphs, expected) => {
    expect(rowsOf(quotesOf(articleFromParagraphs('x', paragraphs)))).toEqual(expected);
  });

  it('GIVEN a quote split over two paragraphs THEN one quote is returned with both parts', () => {
    const quotes = quotesOf(articleFromParagraphs('x', ['She said: "We will win.', '"And we will govern."']));
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toBe('We will win. And we will govern.');
  });

  it('GIVEN a closed quote followed by a paragraph that opens with a quote THEN they are two quotes, the second a continuation', () => {
    const quotes = quotesOf(articleFromParagraphs('x', ['"We will win," said Jane Doe.', '"And we will govern."']));
    expect(quotes.map((q) => [q.paragraph, q.speakerId, q.attribution])).toEqual([
      [1, 'jane-doe', 'said'],
      [2, 'jane-doe', 'continuation'],
    ]);
  });
});

describe('findQuoteSpans', () => {
  it('GIVEN curly, straight and single quotes THEN each span is located without its marks', () => {
    const spans = findQuoteSpans(articleFromParagraphs('x', ['He called it “bad” and "worse", his \'older brother\' said.']));
    expect(spans.map((s) => [s.text, s.single])).toEqual([
      ['bad', false],
      ['worse', false],
      ['older brother', true],
    ]);
  });
});
