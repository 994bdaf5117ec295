/**
 * `npx tsx bench/train-attribution-misses.ts [DIR] [--show CATEGORY]`: the speaker misses on the
 * PolNeAR training articles (../shared/articles/dev-polnear/train by default), counted by
 * category, to find the largest general kinds of miss to fix (look for patterns on train, measure
 * on dev). A miss is a found quotation whose gold speaker is explicit or a resolved pronoun and
 * shares no name word with the answer, as the scorer counts. Its category: the gold basis, the
 * step that answered (a sieve step, the model, or nobody), and for explicit speakers whether the
 * answer is another name of the annotated source ("Clinton spokesman Brian Fallon": the gold takes
 * the first name CoreNLP found there) or a description cut short. `--show` prints the misses of
 * one category with their paragraph. The committed model's weights are used, so on train (its
 * own training data) the figures are a little better than on unseen text.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseArticle } from '../src/analysis/analyse-article.ts';
import { loadArticles } from '../src/ingest/load-articles.ts';
import { readGoldQuotes, shareNameWord, wordF1 } from './polnear-gold.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({ options: { show: { type: 'string' } }, allowPositionals: true });
const dir = resolve(root, positionals[0] ?? '../shared/articles/dev-polnear/train');
const loaded = await loadArticles(dir);
if (loaded.error) {
  process.stderr.write(`train-attribution-misses: ${loaded.error}\n`);
  process.exit(1);
}
const counts = new Map<string, number>();
let scored = 0;
for (const article of loaded.articles) {
  const gold = readGoldQuotes(article);
  if (gold === null) continue;
  const { quotes } = analyseArticle(article);
  for (const g of gold) {
    if (g.marks !== 'double' || (g.words ?? 0) < 4 || g.speech === false || g.paragraph == null) continue;
    if (!['explicit', 'pronoun'].includes(g.speaker_basis) || g.unsure) continue;
    const best = quotes.map((q) => ({ q, f: wordF1(g.text, q.text) })).sort((a, b) => b.f - a.f)[0];
    if (!best || best.f < 0.6) continue;
    scored++;
    const answer = best.q.speaker;
    if (g.speaker === null ? answer === null : shareNameWord(g.speaker, answer ?? '')) continue;
    const step = answer === null ? 'nobody' : (best.q.reason ?? '').includes('model [') ? 'model' : best.q.attribution;
    const source = g.speaker_basis === 'explicit' && answer !== null && shareNameWord(g.speaker_surface ?? '', answer);
    const kind = source ? (/^\p{Ll}/u.test(answer) ? 'description cut short' : 'another name of the source') : step;
    const category = `${g.speaker_basis}: ${kind}`;
    counts.set(category, (counts.get(category) ?? 0) + 1);
    if (values.show === category) {
      const text = article.paragraphs.find((p) => p.n === best.q.paragraph)?.text ?? '';
      process.stdout.write(
        `${article.id} ¶${best.q.paragraph}: gold ${g.speaker} (${g.speaker_surface}) → ${answer}\n  ${text.slice(0, 400)}\n`,
      );
    }
  }
}
const misses = [...counts.values()].reduce((a, b) => a + b, 0);
process.stdout.write(`${scored - misses}/${scored} right, ${misses} misses\n`);
for (const [category, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`${String(n).padStart(5)}  ${category}\n`);
