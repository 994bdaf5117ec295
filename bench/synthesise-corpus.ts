/**
 * Big benchmark corpora generated from real article text: sentences of the bundled and
 * Wikinews articles shuffled into new paragraphs and articles, and the people in them renamed
 * with recombined first names and surnames, all from a fixed-seed PRNG so runs compare.
 * The quotes the sources' analysis found travel with their sentences (speakers renamed), so
 * quote-heavy commands cost on a synthetic corpus what they would on a real archive.
 */
import type { Entity, Quote, RankedSentence, Sentence } from '../src/model/analysis.ts';
import type { AnalysedArticle } from '../src/model/corpus.ts';
import { articleFromParagraphs } from '../test/support/article-from-paragraphs.ts';
import { createSeededRandom, type SeededRandom } from './seeded-random.ts';

interface Person {
  full: string;
  first: string;
  surname: string;
}

interface PoolSentence {
  text: string;
  /** Source people this sentence names (full name or surname). */
  people: Person[];
  /** Source quotes inside this sentence, with the source person who spoke them (if a known person). */
  quotes: Array<{ quote: Quote; speaker: Person | null }>;
}

/** Splits text into sentences (bench only: a simple rule is enough to recombine text). */
export function splitIntoSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’]?)\s+(?=["“]?[A-Z0-9])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A corpus of `targetParagraphs` paragraphs: the source articles themselves first, then
 * synthetic articles of 15–60 paragraphs made of their recombined sentences.
 */
export function synthesiseCorpus(sources: readonly AnalysedArticle[], targetParagraphs: number, seed = 20260829): AnalysedArticle[] {
  return synthesise(sources, { paragraphs: targetParagraphs }, seed);
}

/**
 * A corpus of exactly `articleCount` articles (the sources first, then synthetic ones of
 * 15–60 paragraphs), e.g. an archive of 2,000 articles for the load benchmark.
 */
export function synthesiseArticles(sources: readonly AnalysedArticle[], articleCount: number, seed = 20260829): AnalysedArticle[] {
  return synthesise(sources, { articles: articleCount }, seed).slice(0, Math.max(0, articleCount));
}

function synthesise(
  sources: readonly AnalysedArticle[],
  target: { paragraphs?: number; articles?: number },
  seed: number,
): AnalysedArticle[] {
  const random = createSeededRandom(seed);
  const corpus: AnalysedArticle[] = [...sources];
  let total = sources.reduce((sum, s) => sum + s.article.paragraphs.length, 0);
  const people = collectPeople(sources);
  const organisations = sources.flatMap((s) => s.analysis.entities.filter((e) => e.kind === 'organisation'));
  const pool: PoolSentence[] = sources.flatMap((s) => {
    const speakerOf = (q: Quote): Person | null => {
      const name = q.speakerId ? s.analysis.entities.find((e) => e.id === q.speakerId)?.name : undefined;
      return people.find((person) => person.full === name) ?? null;
    };
    return s.article.paragraphs.flatMap((p) =>
      splitIntoSentences(p.text).map((text) => ({
        text,
        people: people.filter((person) => text.includes(person.surname)),
        quotes: s.analysis.quotes
          .filter((q) => q.paragraph === p.n && q.text.length > 0 && text.includes(q.text))
          .map((quote) => ({ quote, speaker: speakerOf(quote) })),
      })),
    );
  });
  const firsts = [...new Set(people.map((p) => p.first))];
  const surnames = [...new Set(people.map((p) => p.surname))];
  const more = (): boolean => (target.articles !== undefined ? corpus.length < target.articles : total < (target.paragraphs ?? 0));
  for (let k = 1; more(); k++) {
    const size = target.articles !== undefined ? random.int(15, 60) : Math.min(random.int(15, 60), (target.paragraphs ?? 0) - total);
    corpus.push(synthesiseArticle(`synthetic-${k}`, size, pool, organisations, { firsts, surnames }, random));
    total += size;
  }
  return corpus;
}

function synthesiseArticle(
  id: string,
  size: number,
  pool: readonly PoolSentence[],
  organisations: readonly Entity[],
  names: { firsts: string[]; surnames: string[] },
  random: SeededRandom,
): AnalysedArticle {
  const cast = new Map<string, Person>();
  const renameIn = (raw: string, sentence: PoolSentence) => {
    let text = raw;
    for (const person of sentence.people) {
      let actor = cast.get(person.full);
      if (!actor) {
        actor = inventPerson(names, random);
        cast.set(person.full, actor);
      }
      text = text.split(person.full).join(actor.full).split(person.surname).join(actor.surname);
    }
    return text;
  };
  const rename = (sentence: PoolSentence) => renameIn(sentence.text, sentence);
  const paragraphs: string[] = [];
  const carried: Array<{ quote: Quote; speaker: Person | null; paragraph: number; sentence: PoolSentence }> = [];
  for (let i = 0; i < size; i++) {
    const count = random.int(1, 3);
    const texts: string[] = [];
    for (let j = 0; j < count; j++) {
      const sentence = random.pick(pool);
      texts.push(rename(sentence));
      for (const q of sentence.quotes) carried.push({ ...q, paragraph: i + 1, sentence });
    }
    paragraphs.push(texts.join(' '));
  }
  const titleWords = rename(random.pick(pool))
    .replace(/[.!?"“”]+$/u, '')
    .split(/\s+/)
    .slice(0, 10);
  const article = articleFromParagraphs(id, paragraphs, { title: titleWords.join(' ') });
  const body = paragraphs.join('\n');
  const entities: Entity[] = [...cast.values()]
    .filter((p) => body.includes(p.surname))
    .map((p) => ({
      id: slug(p.full),
      name: p.full,
      kind: 'person',
      roles: [],
      aliases: [p.surname],
      mentions: article.paragraphs.filter((para) => para.text.includes(p.surname)).map((para) => ({ paragraph: para.n, text: p.surname })),
    }));
  const seen = new Set(entities.map((e) => e.id));
  for (const org of organisations) {
    if (!seen.has(org.id) && [org.name, ...org.aliases].some((n) => body.includes(n))) {
      entities.push({ ...org, roles: [], mentions: [] });
      seen.add(org.id);
    }
  }
  const ranking: RankedSentence[] = article.paragraphs.slice(0, 8).map((p, index) => ({
    paragraph: p.n,
    index: 0,
    text: splitIntoSentences(p.text)[0] ?? p.text,
    score: 1 / (index + 1),
  }));
  const quotes: Quote[] = carried.map(({ quote, speaker, paragraph, sentence }) => {
    const actor = speaker ? cast.get(speaker.full) : undefined;
    const known = actor && entities.some((e) => e.id === slug(actor.full));
    return {
      ...quote,
      text: renameIn(quote.text, sentence),
      paragraph,
      speakerId: known ? slug(actor.full) : null,
      speaker: actor ? actor.full : quote.speakerId ? null : quote.speaker,
    };
  });
  return { article, analysis: { sentences: sentencesOf(article.paragraphs), entities, quotes, ranking } };
}

/** The sentences of paragraphs with their offsets (a stand-in analysis that caches validate as plausible). */
function sentencesOf(paragraphs: ReadonlyArray<{ n: number; text: string }>): Sentence[] {
  return paragraphs.flatMap((p) => {
    let from = 0;
    return splitIntoSentences(p.text).map((text, index) => {
      const start = Math.max(0, p.text.indexOf(text, from));
      from = start + text.length;
      return { paragraph: p.n, index, text, start, end: Math.min(p.text.length, start + text.length) };
    });
  });
}

/** A new person: a known first name and a surname spliced from two known surnames. */
function inventPerson(names: { firsts: string[]; surnames: string[] }, random: SeededRandom): Person {
  const first = names.firsts.length > 0 ? random.pick(names.firsts) : 'Alex';
  const a = names.surnames.length > 0 ? random.pick(names.surnames) : 'Smith';
  const b = names.surnames.length > 0 ? random.pick(names.surnames) : 'Jones';
  const surname = a.slice(0, Math.ceil(a.length / 2)) + b.slice(Math.floor(b.length / 2)).toLowerCase();
  return { full: `${first} ${surname}`, first, surname };
}

/**
 * People of the sources: from their analysis when it found persons with first and last names,
 * otherwise capitalised word pairs whose words never appear in lower case (a rough stand-in).
 */
function collectPeople(sources: readonly AnalysedArticle[]): Person[] {
  const fromAnalysis = sources.flatMap((s) => s.analysis.entities.filter((e) => e.kind === 'person').map((e) => e.name));
  const names = fromAnalysis.length > 0 ? fromAnalysis : guessNames(sources);
  const people = new Map<string, Person>();
  for (const full of names) {
    const words = full.split(/\s+/);
    if (words.length < 2) continue;
    people.set(full, { full, first: words[0]!, surname: words[words.length - 1]! });
  }
  return [...people.values()];
}

function guessNames(sources: readonly AnalysedArticle[]): string[] {
  const text = sources.flatMap((s) => s.article.paragraphs.map((p) => p.text)).join('\n');
  const lower = new Set(text.match(/\b[a-z]+\b/g) ?? []);
  const pairs = text.match(/\b[A-Z][a-z]+ [A-Z][a-z]{2,}\b/g) ?? [];
  return [...new Set(pairs)].filter((pair) => pair.split(' ').every((w) => !lower.has(w.toLowerCase())));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
