import type { WatchTestAnswer } from '../watch/watch-test.ts';

/** `/watch test` in the terminal: the watch, then one line per article that would fire, cited. */
export function renderWatchTestText(answer: WatchTestAnswer): string {
  const what =
    answer.spec.kind === 'person'
      ? `person ${answer.spec.person}${answer.spec.quotedOnly ? ' (quoted only)' : ''}`
      : `topic “${answer.spec.topic}”`;
  const n = answer.alerts.length + answer.more;
  if (n === 0) return `A watch on ${what} would fire for none of the loaded articles.`;
  const lines = [`A watch on ${what} would fire for ${n} loaded article${n === 1 ? '' : 's'}:`, ''];
  for (const a of answer.alerts) {
    const how = a.kind === 'topic' ? 'about it' : a.quoted ? `${a.label} quoted` : `${a.label} named`;
    const cite = a.paragraph === null ? 'headline' : `¶ ${a.paragraph}`;
    lines.push(`  • ${a.title} [${a.articleId}] — ${how}: “${a.excerpt}” (${cite})`);
  }
  if (answer.more > 0) lines.push(`  …and ${answer.more} more.`);
  return lines.join('\n');
}
