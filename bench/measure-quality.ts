/**
 * People, roles, quotes and speakers, measured: on the bundled article against what a reader
 * wrote down (bench/seed-people-quotes.json), in process; and on the development set through the
 * shared scorers (../shared/eval/*.mjs), run as they are when they exist.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { analyseArticle } from '../src/analysis/analyse-article.ts';
import { runCommand } from '../src/answers/run-command.ts';
import { toCorpus } from '../src/engine/load-corpus.ts';
import { parseArticle } from '../src/ingest/parse-article.ts';
import type { QuoteAnswer, WhoAnswer } from '../src/model/answer.ts';
import { buildSearchIndex } from '../src/search/build-search-index.ts';

/** x of y. */
export type Count = [number, number];

export interface BundledQuality {
  article: string;
  paragraphs: { got: number; expected: number };
  /** Expected people that the analysis has as people, by full name. */
  people: Count;
  /** Of those, the ones with the expected role as written. */
  roles: Count;
  /** Expected people that `/who name:<name>` answers as that person. */
  whoPeople: Count;
  organisations: Count;
  /** Places and nationalities the analysis took for a person or organisation (should be none). */
  wrongEntities: string[];
  entities: { people: number; organisations: number };
  quotes: { got: number; expected: number };
  /** Expected quotes found (same paragraph, same opening words). */
  expectedQuotes: Count;
  /** Of those, the ones whose speaker is the expected one (or null when the article does not say). */
  speakers: Count;
  /** Quotes the analysis attributes to someone (speaker not null). */
  attributed: number;
  /** Questions whose answer cites the expected paragraph. */
  questions: Count;
  misses: string[];
}

export interface ScorerRow {
  document: string;
  people: Count | null;
  roles: Count | null;
  quotes: Count | null;
  speakers: Count | null;
}

export type DevQuality =
  | { available: false; reason: string }
  | { available: true; directory: string; people: Count; roles: Count; quotes: Count; speakers: Count; documents: ScorerRow[] };

export type SummaryQuality =
  | { available: false; reason: string }
  | { available: true; points: number; documents: number; ours: { r1: number; r2: number }; lead: { r1: number; r2: number } };

export interface QualityReport {
  bundled: BundledQuality;
  dev: DevQuality;
  summary: SummaryQuality;
}

export interface QualityOptions {
  /** The project root (where package.json is). */
  root: string;
  /** Where the shared scorers and articles are; default <root>/../shared. */
  shared?: string;
  /** Run the shared scorers (slow: they call the CLI on every document). Default true. */
  scorers?: boolean;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

const Expectations = z.object({
  article: z.string(),
  people: z.array(z.object({ name: z.string(), role: z.string() })),
  organisations: z.array(z.string()),
  notEntities: z.array(z.string()),
  quotes: z.array(z.object({ paragraph: z.number().int(), start: z.string(), speaker: z.string().nullable() })),
  questions: z.array(z.object({ command: z.string(), options: z.record(z.string(), z.string()), cites: z.number().int() })),
});

/** Longest a scorer may run before it is stopped. */
const SCORER_TIMEOUT_MS = 20 * 60_000;

/** Measures everything; the scorers only when they and their articles exist (else says why). */
export async function measureQuality(options: QualityOptions): Promise<QualityReport> {
  const progress = options.progress ?? (() => undefined);
  const shared = resolve(options.root, options.shared ?? '../shared');
  progress('bundled article');
  const bundled = measureBundled(options.root);
  const scorers = options.scorers ?? true;
  const people = join(shared, 'eval', 'score-people-quotes.mjs');
  const summary = join(shared, 'eval', 'score-summary.mjs');
  const devDir = join(shared, 'articles', 'dev-gum');
  const absent = (what: string): { available: false; reason: string } => ({
    available: false,
    reason: scorers ? `${what} not found` : 'skipped with --no-scorers',
  });
  let dev: DevQuality = absent(existsSync(people) ? devDir : people);
  let summaryQuality: SummaryQuality = absent(existsSync(summary) ? devDir : summary);
  if (scorers && existsSync(devDir)) {
    if (existsSync(people)) {
      progress(`${people} (people, roles, quotes, speakers on ${devDir})`);
      dev = parsePeopleScore(await runScorer(options.root, people, [devDir]), devDir);
    }
    if (existsSync(summary)) {
      progress(`${summary} (summaries on ${devDir})`);
      summaryQuality = parseSummaryScore(await runScorer(options.root, summary, [devDir]));
    }
  }
  return { bundled, dev, summary: summaryQuality };
}

/** The bundled article, ingested, analysed and indexed as the product does it, compared with the expectations. */
export function measureBundled(root: string): BundledQuality {
  const expected = Expectations.parse(JSON.parse(readFileSync(new URL('seed-people-quotes.json', import.meta.url), 'utf8')));
  const seedParagraphs = z
    .object({ paragraphs: z.array(z.string()) })
    .parse(JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'seed-expected.json'), 'utf8'))).paragraphs.length;
  const file = `${expected.article}.txt`;
  const parsed = parseArticle(readFileSync(join(root, 'data', file), 'utf8'), file);
  if ('reason' in parsed) throw new Error(`the bundled article does not load: ${parsed.reason}`);
  const analysed = [{ article: parsed, analysis: analyseArticle(parsed) }];
  const corpus = toCorpus({ articles: analysed, search: buildSearchIndex(analysed) }, []);
  const { entities, quotes } = analysed[0]!.analysis;
  const misses: string[] = [];
  const byName = new Map(entities.map((e) => [e.name, e]));

  let people = 0;
  let roles = 0;
  let whoPeople = 0;
  for (const p of expected.people) {
    const e = byName.get(p.name);
    if (e?.kind === 'person') people++;
    else misses.push(`person ${p.name}: ${e ? e.kind : 'not found'}`);
    if (e?.kind === 'person' && e.roles.some((r) => r.text === p.role)) roles++;
    else if (e?.kind === 'person') misses.push(`role of ${p.name}: "${p.role}" not among ${JSON.stringify(e.roles.map((r) => r.text))}`);
    const who = runCommand(corpus, 'who', { name: p.name });
    if (!('error' in who) && (who as WhoAnswer).kind === 'person' && who.command === 'who' && who.name === p.name) whoPeople++;
    else misses.push(`/who name:${p.name} → ${'error' in who ? who.error.code : `${(who as WhoAnswer).kind} ${(who as WhoAnswer).name}`}`);
  }
  const organisations = expected.organisations.filter((name) => byName.get(name)?.kind === 'organisation').length;
  for (const name of expected.organisations)
    if (byName.get(name)?.kind !== 'organisation') misses.push(`organisation ${name}: ${byName.get(name)?.kind ?? 'not found'}`);
  const wrongEntities = expected.notEntities.filter((name) => byName.has(name));

  const answer = runCommand(corpus, 'quote', {});
  const items = 'error' in answer ? [] : (answer as QuoteAnswer).quotes;
  let found = 0;
  let speakers = 0;
  for (const q of expected.quotes) {
    const got = items.find((i) => i.paragraph === q.paragraph && i.text.startsWith(q.start.trim()));
    if (!got) {
      misses.push(`quote ¶ ${q.paragraph} "${q.start}…" not found`);
      continue;
    }
    found++;
    if (sameSpeaker(got.speaker, q.speaker)) speakers++;
    else misses.push(`speaker of ¶ ${q.paragraph} "${q.start}…": ${got.speaker ?? 'none'}, expected ${q.speaker ?? 'none'}`);
  }
  let answered = 0;
  for (const q of expected.questions) {
    const answer = runCommand(corpus, q.command, q.options);
    const asked = `/${q.command} ${Object.entries(q.options)
      .map(([k, v]) => `${k}:${v}`)
      .join(' ')}`;
    if (!('error' in answer) && answer.citations.some((c) => c.paragraph === q.cites)) answered++;
    else
      misses.push(
        `${asked} does not cite ¶ ${q.cites}: ${'error' in answer ? answer.error.message : `cites ${answer.citations.map((c) => c.paragraph).join(', ')}`}`,
      );
  }
  return {
    article: expected.article,
    paragraphs: { got: parsed.paragraphs.length, expected: seedParagraphs },
    people: [people, expected.people.length],
    roles: [roles, expected.people.length],
    whoPeople: [whoPeople, expected.people.length],
    organisations: [organisations, expected.organisations.length],
    wrongEntities,
    entities: {
      people: entities.filter((e) => e.kind === 'person').length,
      organisations: entities.filter((e) => e.kind === 'organisation').length,
    },
    quotes: { got: quotes.length, expected: expected.quotes.length },
    expectedQuotes: [found, expected.quotes.length],
    speakers: [speakers, found],
    attributed: quotes.filter((q) => q.speaker !== null).length,
    questions: [answered, expected.questions.length],
    misses,
  };
}

/** Both null, or the expected speaker's last name is a word of the one found ("Lavrov" in "Sergei Lavrov"). */
function sameSpeaker(got: string | null, expected: string | null): boolean {
  if (got === null || expected === null) return got === expected;
  const last = expected.toLowerCase().split(/\s+/).pop()!;
  return got
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .includes(last);
}

async function runScorer(root: string, script: string, args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [script, ...args], {
    cwd: root,
    maxBuffer: 1 << 26,
    timeout: SCORER_TIMEOUT_MS,
  });
  return stdout;
}

const cell = (text: string): Count | null => {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/** score-people-quotes.mjs output: its per-document table and its last line of totals. */
export function parsePeopleScore(stdout: string, directory: string): DevQuality {
  const total = /people R (\d+)\/(\d+) · roles (\d+)\/(\d+) · quotes R (\d+)\/(\d+) · speakers (\d+)\/(\d+)/.exec(stdout);
  if (!total) return { available: false, reason: `score-people-quotes.mjs printed no totals: ${stdout.trim().split('\n').pop() ?? ''}` };
  const n = total.slice(1).map(Number);
  const documents: ScorerRow[] = [];
  for (const line of stdout.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 5 || parts[0] === 'document' || parts[0] === 'TOTAL' || !/^(\d+\/\d+|-)$/.test(parts[1]!)) continue;
    documents.push({
      document: parts[0]!,
      people: cell(parts[1]!),
      roles: cell(parts[2]!),
      quotes: cell(parts[3]!),
      speakers: cell(parts[4]!),
    });
  }
  return {
    available: true,
    directory,
    people: [n[0]!, n[1]!],
    roles: [n[2]!, n[3]!],
    quotes: [n[4]!, n[5]!],
    speakers: [n[6]!, n[7]!],
    documents,
  };
}

/** score-summary.mjs output: its last line. */
export function parseSummaryScore(stdout: string): SummaryQuality {
  const m = /summary \((\d+) points, (\d+) documents\) · ours R1 ([\d.]+) R2 ([\d.]+) · lead-\d+ R1 ([\d.]+) R2 ([\d.]+)/.exec(stdout);
  if (!m) return { available: false, reason: `score-summary.mjs printed no totals: ${stdout.trim().split('\n').pop() ?? ''}` };
  const [points, documents, r1, r2, l1, l2] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { available: true, points, documents, ours: { r1, r2 }, lead: { r1: l1, r2: l2 } };
}

/** The report as a readable table. */
export function formatQuality(report: QualityReport): string {
  const b = report.bundled;
  const pct = ([x, y]: Count) => (y === 0 ? '-' : `${((100 * x) / y).toFixed(1)} %`);
  const count = (c: Count) => `${c[0]}/${c[1]}`.padEnd(9) + pct(c);
  const rows: Array<[string, string]> = [
    ['paragraphs', `${b.paragraphs.got} (expected ${b.paragraphs.expected})`],
    ['people (as persons)', count(b.people)],
    ['roles as written', count(b.roles)],
    ['/who answers the person', count(b.whoPeople)],
    ['organisations', count(b.organisations)],
    ['places taken for names', b.wrongEntities.length === 0 ? '0' : `${b.wrongEntities.length}: ${b.wrongEntities.join(', ')}`],
    ['entities', `${b.entities.people} people, ${b.entities.organisations} organisations`],
    ['quotes', `${b.quotes.got} (expected ${b.quotes.expected}); ${b.attributed} with a speaker`],
    ['expected quotes found', count(b.expectedQuotes)],
    ['speakers right', count(b.speakers)],
    ['answers cite the right ¶', count(b.questions)],
  ];
  const lines = [`Bundled article (${b.article})`, ...rows.map(([k, v]) => `  ${k.padEnd(28)} ${v}`)];
  if (b.misses.length > 0) lines.push('  misses:', ...b.misses.map((m) => `    ${m}`));
  lines.push('');
  const d = report.dev;
  if (d.available) {
    lines.push(`Development set (${d.directory}, ../shared/eval/score-people-quotes.mjs)`);
    for (const [k, c] of [
      ['people recall', d.people],
      ['role accuracy', d.roles],
      ['quote recall', d.quotes],
      ['speaker accuracy', d.speakers],
    ] as const) {
      lines.push(`  ${k.padEnd(28)} ${count(c)}`);
    }
  } else {
    lines.push(`Development set: not measured (${d.reason})`);
  }
  const s = report.summary;
  lines.push(
    s.available
      ? `Summaries (../shared/eval/score-summary.mjs, ${s.points} points, ${s.documents} documents): ours R1 ${s.ours.r1} R2 ${s.ours.r2} · lead-${s.points} R1 ${s.lead.r1} R2 ${s.lead.r2}`
      : `Summaries: not measured (${s.reason})`,
  );
  return lines.join('\n');
}
