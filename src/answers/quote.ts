import type { QuoteAnswer, QuoteItem } from '../model/answer.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { uniqueCitations } from './article-ref.ts';
import { speakerEntityKeys } from './gather-person.ts';
import { matchEntities } from './name-match.ts';
import { findQuotesContaining, quoteCatalogue } from './quote-catalogue.ts';
import { resolveArticle } from './resolve-article.ts';
import { hasWordCharacter, normaliseUserText } from './user-text.ts';

export interface QuoteOptions {
  speaker?: string;
  about?: string;
  article?: string;
}

/** Paragraph hits considered when filtering quotes by topic. */
const ABOUT_PARAGRAPHS = 50;

/**
 * Direct quotations, optionally by one speaker and/or about a topic, each with speaker and
 * citation. Served from the corpus's quote catalogue, so the work is what the answer holds.
 */
export function quote(corpus: Corpus, options: QuoteOptions): QuoteAnswer | UserError {
  const speaker = options.speaker === undefined ? '' : normaliseUserText(options.speaker);
  const about = options.about === undefined ? '' : normaliseUserText(options.about);
  if (options.speaker !== undefined && !hasWordCharacter(speaker))
    return userError('bad-option', 'speaker needs a name, e.g. /quote speaker:Lavrov.');
  if (options.about !== undefined && !hasWordCharacter(about))
    return userError('bad-option', 'about needs a word or two, e.g. /quote about:Ukraine.');
  const resolved = resolveArticle(corpus, options.article);
  if (resolved && 'error' in resolved) return resolved;
  const articleId = resolved?.article.id;
  const catalogue = quoteCatalogue(corpus);
  // The quotes in scope are items[from, to): one article's, or all of them.
  const [from, to] = articleId === undefined ? [0, catalogue.items.length] : (catalogue.ranges.get(articleId) ?? [0, 0]);
  const inScope = (i: number): boolean => i >= from && i < to;

  /** Positions in catalogue.items of the quotes chosen so far, in order; null = every quote in scope. */
  let chosen: number[] | null = null;
  if (speaker) {
    const { matches, near } = matchEntities(corpus, speaker, articleId, 10);
    const words = speaker.toLowerCase().split(' ');
    const picked = new Set<number>();
    // The person across articles (same name, or an unambiguous variant), as the name index grouped them.
    for (const key of speakerEntityKeys(matches, articleId)) {
      for (const i of catalogue.bySpeaker.get(key) ?? []) if (inScope(i)) picked.add(i);
    }
    for (const { speaker: name, indices } of catalogue.namedOnly) {
      if (words.every((w) => name.includes(w))) for (const i of indices) if (inScope(i)) picked.add(i);
    }
    if (picked.size === 0) {
      const quoted = resolved ? quotedSpeakers(resolved) : [...catalogue.topSpeakers];
      const matched = articleId === undefined ? (matches[0]?.hit.group?.name ?? matches[0]?.entity.name) : matches[0]?.entity.name;
      return matched
        ? userError('not-found', `${matched} is mentioned but not quoted directly${resolved ? ' in that article' : ''}.`, quoted)
        : userError(
            'not-found',
            `Nobody called "${speaker.slice(0, 100)}" is quoted${resolved ? ' in that article' : ''}.`,
            near.length > 0 ? near : quoted,
          );
    }
    chosen = [...picked].sort((a, b) => a - b);
  }
  if (about) {
    const allowed = chosen ? new Set(chosen) : null;
    const wanted = (i: number): boolean => inScope(i) && (allowed === null || allowed.has(i));
    // A quote in a paragraph the search found takes that paragraph's score; one whose own
    // words contain the topic scores 1.
    const scores = new Map<number, number>();
    for (const i of findQuotesContaining(catalogue, about)) if (wanted(i)) scores.set(i, 1);
    for (const hit of corpus.search.paragraphs(about, { article: articleId, limit: ABOUT_PARAGRAPHS })) {
      for (const i of catalogue.byParagraph.get(`${hit.article}\u0000${hit.paragraph}`) ?? []) if (wanted(i)) scores.set(i, hit.score);
    }
    if (scores.size === 0) {
      return userError('not-found', `No quotes about "${about.slice(0, 100)}"${speaker ? ` from ${speaker.slice(0, 60)}` : ''}.`);
    }
    chosen = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
  }
  if (chosen === null && from === to)
    return userError('not-found', resolved ? 'That article has no direct quotations.' : 'The articles have no direct quotations.');
  // Every quote of the corpus is the catalogue's own (read-only) lists, not copies of them: a
  // copy of ~50,000 quotes and citations cost ~1 ms each and up to ~10 ms when it set off a collection.
  const whole = chosen === null && from === 0 && to === catalogue.items.length;
  const quotes: readonly QuoteItem[] = chosen
    ? chosen.map((i) => catalogue.items[i]!)
    : whole
      ? catalogue.items
      : catalogue.items.slice(from, to);
  return {
    command: 'quote',
    speaker: speaker || null,
    about: about || null,
    quotes,
    citations: whole ? catalogue.citations : uniqueCitations(quotes),
  };
}

/** Names of the speakers quoted in an article, most quoted first (for suggestions). */
function quotedSpeakers(owner: AnalysedArticle): string[] {
  const names = new Map(owner.analysis.entities.map((e) => [e.id, e.name]));
  const counts = new Map<string, number>();
  for (const q of owner.analysis.quotes) {
    const name = q.speakerId ? names.get(q.speakerId) : undefined;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([n]) => n);
}
