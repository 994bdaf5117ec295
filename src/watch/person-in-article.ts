import type { Entity, Quote } from '../model/analysis.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import { escapeRegExp } from '../analysis/escape-reg-exp.ts';
import { nameWords } from '../search/index-words.ts';
import { relateNames } from './same-person.ts';
import { clipExcerpt } from '../model/watch-spec.ts';

/** Where an article names (or quotes) a watched person. */
export interface PersonInArticle {
  /** The article's entities that are the person (none when only the full name was found in the text). */
  entityIds: string[];
  /** The first way the article names the person ("Lavrov", "the Russian President", "Vladimir Putin"). */
  variant: string;
  /** The person's first quotation in the article, or null. */
  quote: Quote | null;
  /** The paragraph of the quotation, else of the first mention; null when only the headline names the person. */
  paragraph: number | null;
  /** The quotation, else the sentence of the first mention (clipped). */
  excerpt: string;
}

/** Name-search hits looked at to tell whether a one-word name ("Okonkwo") also names someone else. */
const NAMESAKE_CANDIDATES = 25;

/**
 * The watched person in one article, or null. Each person entity of the article is compared by
 * its fullest name (relateNames, the rules that group people across articles): the same name or
 * a fuller/shorter form of it is the person; a one-word name ("Putin") is the person only when no
 * other person of the article or of the corpus has a longer name with that word that is not the
 * watched one (so "Okonkwo" alone stays apart when Maria and Peter Okonkwo are both known). An
 * entity with a different full name ("Peter Okonkwo") is never the person. When no entity matches,
 * a name of two words or more written out in the text still counts (the analysis may have missed
 * it; a full name is specific enough).
 */
export function personInArticle(corpus: Corpus, owner: AnalysedArticle, name: string): PersonInArticle | null {
  const watched = nameWords(name);
  if (watched.length === 0) return null;
  const people = owner.analysis.entities.filter((e) => e.kind === 'person');
  const namesakeCache = new Map<string, boolean>();
  const matched: Entity[] = [];
  for (const entity of people) {
    const words = nameWords(entity.name);
    const relation = relateNames(watched, words);
    if (relation === 'same') matched.push(entity);
    else if (relation === 'one-word') {
      const word = watched.length === 1 ? watched[0]! : words[0]!;
      const fuller = watched.length >= words.length ? watched : words;
      const key = `${word}\u0000${fuller.join(' ')}`;
      let ambiguous = namesakeCache.get(key);
      if (ambiguous === undefined) {
        ambiguous = hasNamesake(corpus, people, word, fuller);
        namesakeCache.set(key, ambiguous);
      }
      if (!ambiguous) matched.push(entity);
    }
  }
  if (matched.length === 0) return nameInText(owner, name, watched);
  const ids = new Set(matched.map((e) => e.id));
  const quote =
    owner.analysis.quotes
      .filter((q) => q.speakerId !== null && ids.has(q.speakerId) && q.kind !== 'scare' && q.text.trim() !== '')
      .sort((a, b) => a.paragraph - b.paragraph)[0] ?? null;
  const mention = firstNamedMention(matched);
  const variant = mention?.text ?? matched[0]!.name;
  if (quote) return { entityIds: [...ids], variant, quote, paragraph: quote.paragraph, excerpt: clipExcerpt(quote.text) };
  const paragraph = mention?.paragraph ?? firstParagraphOf(owner, variant) ?? 1;
  return { entityIds: [...ids], variant, quote: null, paragraph, excerpt: sentenceWith(owner, paragraph, variant) };
}

/** Whether another person (of the article, or any the corpus knows) has a name of two words or more with `word` that is not `fuller`. */
function hasNamesake(corpus: Corpus, people: readonly Entity[], word: string, fuller: readonly string[]): boolean {
  const other = (words: readonly string[]) => words.length >= 2 && words.includes(word) && relateNames(fuller, words) === 'different';
  if (people.some((e) => other(nameWords(e.name)))) return true;
  for (const hit of corpus.search.names(word, { limit: NAMESAKE_CANDIDATES })) {
    const entity = corpus.byId.get(hit.article)?.analysis.entities.find((e) => e.id === hit.entityId);
    if (entity?.kind !== 'person') continue;
    if (other(nameWords(entity.name)) || (hit.group && other(nameWords(hit.group.name)))) return true;
  }
  return false;
}

/** Pronouns and other lower-case mentions ("he", "the minister") say less than a name: the first capitalised one is the variant. */
function firstNamedMention(entities: readonly Entity[]): { text: string; paragraph: number } | undefined {
  const mentions = entities.flatMap((e) => e.mentions).sort((a, b) => a.paragraph - b.paragraph);
  return mentions.find((m) => /\p{Lu}/u.test(m.text)) ?? mentions[0];
}

function firstParagraphOf(owner: AnalysedArticle, text: string): number | undefined {
  return owner.article.paragraphs.find((p) => p.text.includes(text))?.n;
}

/** The sentence of the paragraph that holds `text`, else the paragraph, clipped. */
function sentenceWith(owner: AnalysedArticle, paragraph: number, text: string): string {
  const sentence = owner.analysis.sentences.find((s) => s.paragraph === paragraph && s.text.includes(text));
  const whole = owner.article.paragraphs.find((p) => p.n === paragraph)?.text ?? '';
  return clipExcerpt(sentence?.text ?? whole);
}

/**
 * The name written out where the analysis did not find the person: a name of two words or more
 * as its words in a row (folded as names are), or surname first as reading lists and indexes
 * write it ("Austen, Jane"); a one-word name only with its capital, as a whole word, and not
 * next to another capitalised word ("Shaw", not "shaw", "Shawcross" nor "George Bernard Shaw"). The headline first (paragraph null), then the paragraphs, then the crossheads.
 */
function nameInText(owner: AnalysedArticle, name: string, watched: readonly string[]): PersonInArticle | null {
  let found: (text: string) => boolean;
  if (watched.length >= 2) {
    const forms = [watched, [watched[watched.length - 1]!, ...watched.slice(0, -1)]].map((w) => ` ${w.join(' ')} `);
    found = (text) => {
      const words = ` ${nameWords(text).join(' ')} `;
      return forms.some((form) => words.includes(form));
    };
  } else {
    const word = name.trim();
    if (!/^\p{Lu}/u.test(word)) return null;
    // Not inside a run of capitalised words: "James" in "James Baker" or "Eve" in "Christmas Eve" is part of another name.
    const pattern = new RegExp(`(?<!\\p{Lu}[\\p{L}'’-]* )(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])(?! \\p{Lu})`, 'u');
    found = (text) => pattern.test(text);
  }
  if (owner.article.title && found(owner.article.title)) {
    return { entityIds: [], variant: name, quote: null, paragraph: null, excerpt: clipExcerpt(owner.article.title) };
  }
  for (const p of owner.article.paragraphs) {
    if (!found(p.text)) continue;
    return { entityIds: [], variant: name, quote: null, paragraph: p.n, excerpt: sentenceWith(owner, p.n, name) };
  }
  // A crosshead (an entry of a reading list is often taken for one) cites the paragraph it stands over.
  const heading = owner.article.headings.find((h) => found(h.text));
  return heading ? { entityIds: [], variant: name, quote: null, paragraph: heading.before, excerpt: clipExcerpt(heading.text) } : null;
}
