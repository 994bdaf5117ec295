/**
 * `npx tsx bench/watch-matching.ts [--shared DIR] [--misses]`: precision and recall of "the article
 * mentions person X" (a person watch firing, src/watch/match-watch.ts) on the development sets.
 *
 * - dev-gum: each document's gold `people` (named by a proper noun, with the paragraphs naming
 *   them). One watch per person, by the fullest gold name; a person of several documents (the same
 *   `gum_identity`) is one watch. Every watch is tried on every document: it should fire exactly
 *   on the documents whose gold lists that person.
 * - dev-polnear/dev has no people lists, only labelled speakers. One watch per speaker labelled
 *   with a name of two words or more (explicit or pronoun basis). Positive documents: those where
 *   the speaker is labelled, or where the full name is written in the text (middle names or
 *   initials between its first and last words allowed). A firing anywhere else
 *   (the article names only the surname, or another person) is counted as a false positive: a
 *   lower bound of precision, since "Mr. Trump" alone may well be Donald Trump.
 *
 * Each set is one corpus (the documents see each other: namesakes across documents count).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/engine/load-corpus.ts';
import type { Corpus } from '../src/model/corpus.ts';
import { nameWords } from '../src/search/index-words.ts';
import { matchWatch } from '../src/watch/match-watch.ts';

interface GoldPerson {
  name: string;
  mentions?: number[];
  in_title?: boolean;
  gum_identity?: string;
}
interface GoldQuote {
  speaker: string | null;
  speaker_basis: string;
  unsure?: boolean;
}
interface Gold {
  id: string;
  people?: GoldPerson[];
  quotes?: GoldQuote[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { shared: { type: 'string', default: '../shared' }, misses: { type: 'boolean' } },
  strict: true,
});
const shared = path.resolve(values.shared);
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pilcrow-watch-bench-'));
process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));

/** The name as a member would watch it: editorial brackets and quotation marks out, "Austen, Jane" (a reading list's order) as "Jane Austen". */
const clean = (name: string) =>
  name
    .replace(/[[\]"“”]/g, '')
    .replace(/^([^,]+), (?!(?:Jr|Sr|I{2,3}|IV)\b)([^,]+)$/, '$2 $1')
    .replace(/\s+/g, ' ')
    .trim();
const key = (name: string) => nameWords(clean(name)).join(' ');

async function load(dir: string): Promise<{ corpus: Corpus; golds: Array<Gold & { articleId: string; text: string }> }> {
  const loaded = await loadCorpus({ dataDir: dir, cacheDir, onWarning: () => undefined });
  if ('error' in loaded) throw new Error(loaded.error);
  const corpus = loaded.corpus;
  const byFile = new Map(corpus.articles.map((a) => [path.basename(a.article.file).replace(/\.[^.]+$/, ''), a.article]));
  const golds = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .flatMap((f) => {
      const gold = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Gold;
      const article = byFile.get(f.replace(/\.gold\.json$/, ''));
      if (!article) return [];
      const text = ` ${nameWords([article.title ?? '', ...article.paragraphs.map((p) => p.text)].join(' ')).join(' ')} `;
      return [{ ...gold, articleId: article.id, text }];
    });
  return { corpus, golds };
}

function score(corpus: Corpus, watches: Map<string, { name: string; positives: Set<string> }>, articleIds: string[]): Tally {
  const tally: Tally = { tp: 0, fp: 0, fn: 0, misses: [] };
  for (const { name, positives } of watches.values()) {
    for (const id of articleIds) {
      const fired = matchWatch(corpus, id, { kind: 'person', person: name, quotedOnly: false }) !== null;
      const gold = positives.has(id);
      if (fired && gold) tally.tp++;
      else if (fired) {
        tally.fp++;
        tally.misses.push(`FP ${name} fired in ${id}`);
      } else if (gold) {
        tally.fn++;
        tally.misses.push(`FN ${name} not found in ${id}`);
      }
    }
  }
  return tally;
}

async function gum(dir: string): Promise<Tally> {
  const { corpus, golds } = await load(dir);
  const watches = new Map<string, { name: string; positives: Set<string> }>();
  for (const g of golds) {
    for (const p of g.people ?? []) {
      if ((p.mentions ?? []).length === 0 && !p.in_title) continue;
      const identity = p.gum_identity ?? `${g.id}:${key(p.name)}`;
      const name = clean(p.name);
      const watch = watches.get(identity) ?? { name, positives: new Set<string>() };
      if (name.length > watch.name.length) watch.name = name;
      watch.positives.add(g.articleId);
      watches.set(identity, watch);
    }
  }
  return score(
    corpus,
    watches,
    golds.map((g) => g.articleId),
  );
}

async function polnear(dir: string): Promise<Tally> {
  const { corpus, golds } = await load(dir);
  const watches = new Map<string, { name: string; positives: Set<string> }>();
  for (const g of golds) {
    for (const q of g.quotes ?? []) {
      if (!q.speaker || q.unsure || !['explicit', 'pronoun'].includes(q.speaker_basis)) continue;
      const k = key(q.speaker);
      if (k.split(' ').length < 2) continue;
      const watch = watches.get(k) ?? { name: clean(q.speaker), positives: new Set<string>() };
      watch.positives.add(g.articleId);
      watches.set(k, watch);
    }
  }
  // Written out in full, with or without middle names or initials ("Donald J. Trump").
  for (const [k, watch] of watches) {
    const words = k.split(' ');
    const written = new RegExp(` ${words[0]}(?: \\S+){0,2} ${words[words.length - 1]} `);
    for (const g of golds) if (written.test(g.text)) watch.positives.add(g.articleId);
  }
  return score(
    corpus,
    watches,
    golds.map((g) => g.articleId),
  );
}

function report(label: string, t: Tally): void {
  const precision = t.tp / Math.max(1, t.tp + t.fp);
  const recall = t.tp / Math.max(1, t.tp + t.fn);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(`${label.padEnd(18)} precision ${pct(precision)} (${t.tp}/${t.tp + t.fp})  recall ${pct(recall)} (${t.tp}/${t.tp + t.fn})`);
  if (values.misses) for (const m of t.misses) console.log(`  ${m}`);
}

const gumDir = path.join(shared, 'articles/dev-gum');
const polnearDir = path.join(shared, 'articles/dev-polnear/dev');
if (!existsSync(gumDir) || !existsSync(polnearDir)) {
  console.error(`the development sets are not under ${shared}/articles (give --shared DIR)`);
  process.exit(2);
}
report('dev-gum', await gum(gumDir));
report('dev-polnear/dev', await polnear(polnearDir));
