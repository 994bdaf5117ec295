import type { Answer, ArticleRef, Citation, QuoteItem, RoundupAnswer, WhoAnswer } from '../model/answer.ts';
import type { UserError } from '../model/user-error.ts';
import { describeDate } from './describe-date.ts';
import { describeMeaning } from './meaning-note.ts';
import { speakerHeading } from './speaker-heading.ts';

/** Column at which answer text is wrapped. */
const WIDTH = 96;

/** Wraps text to WIDTH columns, each line after the first indented by `indent`. */
function wrap(text: string, indent: string, firstIndent = indent): string {
  const words = text.split(/[ \t\n]+/).filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  for (const word of words) {
    const prefix = lines.length === 0 ? firstIndent : indent;
    if (line.length > prefix.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (line.length > prefix.length ? ' ' : '') + word;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** "(¶ 4)", or "(article-id ¶ 4)" when the answer cites several articles; never broken across lines. */
function cite(c: Citation, manyArticles: boolean): string {
  return manyArticles ? `(${c.article}\u00a0¶\u00a0${c.paragraph})` : `(¶\u00a0${c.paragraph})`;
}

function citesMany(citations: readonly Citation[]): boolean {
  return new Set(citations.map((c) => c.article)).size > 1;
}

function articleLine(ref: ArticleRef): string {
  const meta = [ref.source, ref.published ? describeDate(ref.published) : null, ref.url].filter(Boolean).join(' · ');
  return meta ? `${ref.title}\n${meta}` : ref.title;
}

function quoteLines(q: QuoteItem, many: boolean, explain: boolean): string {
  const who = q.speaker ? `— ${q.speaker}${q.role ? `, ${q.role}` : ''}` : '— speaker not stated';
  const lines = `${wrap(`“${q.text}”`, '    ', '  • ')}\n${wrap(`${who} ${cite(q, many)}`, '      ', '      ')}`;
  return explain && q.reason ? `${lines}\n${wrap(`why: ${q.reason}`, '        ', '      ')}` : lines;
}

/** How terminal text is written: `explain` adds why each quote's speaker was chosen (`--explain`). */
export interface TextOptions {
  explain?: boolean;
}

/** An answer as readable terminal text. */
export function renderAnswerText(answer: Answer, options: TextOptions = {}): string {
  const explain = options.explain ?? false;
  const many = citesMany(answer.citations);
  switch (answer.command) {
    case 'summary':
      return [
        `Summary of: ${articleLine(answer.article)}`,
        '',
        ...answer.points.map((p) => wrap(`${p.text} ${cite(p, many)}`, '    ', '  • ')),
      ].join('\n');
    case 'quote': {
      const speaker = speakerHeading(answer);
      const by = [speaker ? `by ${speaker}` : '', answer.about ? `about “${answer.about}”` : ''].filter(Boolean).join(' ');
      const n = answer.quotes.length;
      return [`${n} quote${n === 1 ? '' : 's'}${by ? ` ${by}` : ''}`, '', ...answer.quotes.map((q) => quoteLines(q, many, explain))].join(
        '\n',
      );
    }
    case 'who':
      return whoText(answer, explain);
    case 'related': {
      const lines = [`Related to “${answer.topic}”`, ''];
      for (const r of answer.results) {
        const why = describeMeaning(r);
        lines.push(wrap(`${r.text} ${cite(r, many)}${why ? ` (${why})` : ''}`, '    ', '  • '));
      }
      if (answer.articles.length > 0) lines.push('', 'Articles on this topic:', ...answer.articles.map((a) => `  • ${a.title} [${a.id}]`));
      return lines.join('\n');
    }
    case 'roundup':
      return roundupText(answer);
  }
}

/** The daily round-up: each article's headline, source line and cited points; how many are left out. */
function roundupText(answer: RoundupAnswer): string {
  const total = answer.articles.length + answer.moreArticles;
  const lines = [`Round-up: ${total} new article${total === 1 ? '' : 's'}${answer.since ? ` since ${answer.since}` : ''}`];
  for (const item of answer.articles) {
    lines.push('', articleLine(item.article), ...item.points.map((p) => wrap(`${p.text} ${cite(p, false)}`, '    ', '  • ')));
  }
  if (answer.moreArticles > 0) lines.push('', `…and ${answer.moreArticles} more.`);
  return lines.join('\n');
}

/** What the terminal says a mention-only answer is: words found, nothing known about them. */
export const MENTION_NOTE = 'found in the text, but Pilcrow does not know who or what this is';

/** A /who profile: one article as before; across articles, each article's paragraphs and roles. */
function whoText(answer: WhoAnswer, explain: boolean): string {
  const paragraphs = (mentions: readonly Citation[]) => mentions.map((m) => `¶\u00a0${m.paragraph}`).join(', ');
  const many = answer.articles.length > 1;
  if (answer.kind === 'mention') {
    const lines = [
      `“${answer.name}” — ${MENTION_NOTE}`,
      many ? `In ${answer.articles.length} articles:` : `In: ${answer.article.title}`,
      '',
    ];
    if (many)
      for (const a of answer.articles)
        lines.push(wrap(`• ${a.article.title} [${a.article.id}]: ${paragraphs(a.mentions)}`, '      ', '  '));
    else lines.push(wrap(`Found in: ${paragraphs(answer.mentions)}`, '  '));
    if (answer.moreArticles > 0) lines.push(`  … and ${answer.moreArticles} more article${answer.moreArticles === 1 ? '' : 's'}`);
    return lines.join('\n');
  }
  const lines = [
    `${answer.name} (${answer.kind})`,
    many
      ? `In ${answer.articles.length} articles${answer.moreArticles > 0 ? ` (and ${answer.moreArticles} more)` : ''}`
      : `In: ${answer.article.title}`,
    '',
  ];
  lines.push(
    answer.roles.length > 0 ? wrap(`Role: ${answer.roles.join('; ')}`, '  ') : `  Role: not stated in the article${many ? 's' : ''}`,
  );
  if (answer.aliases.length > 0) lines.push(wrap(`Also called: ${answer.aliases.join(', ')}`, '  '));
  if (answer.namesakes.length > 0) lines.push(wrap(`Others by that name: ${answer.namesakes.join(', ')}`, '  '));
  if (many) {
    lines.push('  Mentioned in:');
    for (const a of answer.articles) {
      const roles = a.roles.length > 0 ? ` (${a.roles.join('; ')})` : '';
      lines.push(wrap(`• ${a.article.title} [${a.article.id}]${roles}: ${paragraphs(a.mentions)}`, '      ', '    '));
    }
    if (answer.moreArticles > 0) lines.push(`    … and ${answer.moreArticles} more article${answer.moreArticles === 1 ? '' : 's'}`);
  } else {
    lines.push(wrap(`Mentioned in: ${paragraphs(answer.mentions)}`, '  '));
  }
  if (answer.quotes.length > 0) lines.push('', 'Quotes:', ...answer.quotes.map((q) => quoteLines(q, many, explain)));
  return lines.join('\n');
}

/** A user error as one or two lines for the terminal. */
export function renderErrorText(error: UserError): string {
  const { message, suggestions } = error.error;
  return suggestions && suggestions.length > 0 ? `${message}\nDid you mean: ${suggestions.join(', ')}?` : message;
}
