import type { QuoteAnswer, QuoteItem } from '../model/answer.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import type { Quote } from '../model/analysis.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { toQuoteItem, uniqueCitations } from './article-ref.ts';
import { matchEntities } from './name-match.ts';
import { resolveArticle } from './resolve-article.ts';
import { hasWordCharacter, normaliseUserText } from './user-text.ts';

export interface QuoteOptions {
  speaker?: string;
  about?: string;
  article?: string;
}

/** Paragraph hits considered when filtering quotes by topic. */
const ABOUT_PARAGRAPHS = 50;

interface Candidate {
  owner: AnalysedArticle;
  quote: Quote;
  rank: number;
}

/** Direct quotations, optionally by one speaker and/or about a topic, each with speaker and citation. */
export function quote(corpus: Corpus, options: QuoteOptions): QuoteAnswer | UserError {
  const speaker = options.speaker === undefined ? '' : normaliseUserText(options.speaker);
  const about = options.about === undefined ? '' : normaliseUserText(options.about);
  if (options.speaker !== undefined && !hasWordCharacter(speaker)) return userError('bad-option', 'speaker needs a name, e.g. /quote speaker:Lavrov.');
  if (options.about !== undefined && !hasWordCharacter(about)) return userError('bad-option', 'about needs a word or two, e.g. /quote about:Ukraine.');
  const resolved = resolveArticle(corpus, options.article);
  if (resolved && 'error' in resolved) return resolved;
  const scope = resolved ? [resolved] : corpus.articles;
  const articleId = resolved?.article.id;

  let candidates: Candidate[] = scope.flatMap((owner) => owner.analysis.quotes.map((q, i) => ({ owner, quote: q, rank: i })));
  if (speaker) {
    const { matches, near } = matchEntities(corpus, speaker, articleId, 10);
    const wanted = new Set(matches.map((m) => `${m.article.article.id}\u0000${m.entity.id}`));
    const words = speaker.toLowerCase().split(' ');
    const bySpeaker = candidates.filter(({ owner, quote: q }) =>
      q.speakerId
        ? wanted.has(`${owner.article.id}\u0000${q.speakerId}`)
        : q.speaker !== null && words.every((w) => q.speaker!.toLowerCase().includes(w)),
    );
    if (bySpeaker.length === 0) {
      const quoted = quotedSpeakers(candidates);
      const matched = matches[0]?.entity.name;
      return matched
        ? userError('not-found', `${matched} is mentioned but not quoted directly${resolved ? ' in that article' : ''}.`, quoted)
        : userError('not-found', `Nobody called "${speaker.slice(0, 100)}" is quoted${resolved ? ' in that article' : ''}.`, near.length > 0 ? near : quoted);
    }
    candidates = bySpeaker;
  }
  if (about) {
    const hits = corpus.search.paragraphs(about, { article: articleId, limit: ABOUT_PARAGRAPHS });
    const score = new Map(hits.map((h) => [`${h.article}\u0000${h.paragraph}`, h.score]));
    const aboutLower = about.toLowerCase();
    const relevant = candidates
      .map((c) => {
        const s = score.get(`${c.owner.article.id}\u0000${c.quote.paragraph}`) ?? (c.quote.text.toLowerCase().includes(aboutLower) ? 1 : undefined);
        return s === undefined ? null : { ...c, rank: -s };
      })
      .filter((c): c is Candidate => c !== null)
      .sort((a, b) => a.rank - b.rank);
    if (relevant.length === 0) {
      return userError('not-found', `No quotes about "${about.slice(0, 100)}"${speaker ? ` from ${speaker.slice(0, 60)}` : ''}.`);
    }
    candidates = relevant;
  }
  if (candidates.length === 0) return userError('not-found', resolved ? 'That article has no direct quotations.' : 'The articles have no direct quotations.');
  const quotes: QuoteItem[] = candidates.map(({ owner, quote: q }) => toQuoteItem(owner.article.id, q, owner.analysis.entities));
  return {
    command: 'quote',
    speaker: speaker || null,
    about: about || null,
    quotes,
    citations: uniqueCitations(quotes),
  };
}

/** Names of the speakers quoted among the candidates, most quoted first (for suggestions). */
function quotedSpeakers(candidates: Candidate[]): string[] {
  const counts = new Map<string, number>();
  for (const { owner, quote: q } of candidates) {
    const name = q.speakerId ? owner.analysis.entities.find((e) => e.id === q.speakerId)?.name : null;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n]) => n);
}
