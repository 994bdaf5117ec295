import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatQuality, measureQuality, parsePeopleScore, parseSummaryScore } from '../../bench/measure-quality.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the quality bench', () => {
  it('GIVEN no scorers THEN the bundled article is measured against its expectations and the report says what was skipped', async () => {
    const report = await measureQuality({ root, scorers: false });
    const b = report.bundled;
    expect(b.article).toBe('putin-belarus-transition');
    expect(b.paragraphs).toEqual({ got: 41, expected: 41 });
    for (const [x, y] of [b.people, b.roles, b.whoPeople, b.organisations, b.expectedQuotes, b.speakers, b.questions]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(y);
    }
    expect(b.people[1]).toBe(7);
    expect(b.quotes.expected).toBe(18);
    expect(report.dev).toEqual({ available: false, reason: 'skipped with --no-scorers' });
    const table = formatQuality(report);
    expect(table).toMatch(/Bundled article \(putin-belarus-transition\)/);
    expect(table).toMatch(/speakers right\s+\d+\/\d+/);
    expect(table).toMatch(/Development set: not measured \(skipped with --no-scorers\)/);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('GIVEN a shared directory that is not there THEN it says the scorer is absent instead of failing', async () => {
    const report = await measureQuality({ root, shared: '/nonexistent/shared' });
    expect(report.dev).toEqual({ available: false, reason: '/nonexistent/shared/eval/score-people-quotes.mjs not found' });
    expect(report.summary).toMatchObject({ available: false });
    expect(formatQuality(report)).toMatch(
      /Development set: not measured \(\/nonexistent\/shared\/eval\/score-people-quotes\.mjs not found\)/,
    );
  });

  it('GIVEN an unknown flag THEN the command line says so and exits 2', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/quality.ts', '--colour'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--colour/);
    expect(r.stderr).toMatch(/usage: npm run bench:quality/);
  });
});

describe('reading the scorers', () => {
  const PEOPLE = [
    'document                      people   roles  quotes speakers',
    'GUM_bio_byron                    5/6     1/2       -        -',
    'GUM_interview_ants               2/3       -     3/3      2/2',
    'TOTAL                          7/9     1/2     3/3      2/2',
    'people R 7/9 · roles 1/2 · quotes R 3/3 · speakers 2/2',
  ].join('\n');

  it('GIVEN the people scorer output THEN totals and per-document rows', () => {
    expect(parsePeopleScore(PEOPLE, 'dev-gum')).toEqual({
      available: true,
      directory: 'dev-gum',
      people: [7, 9],
      roles: [1, 2],
      quotes: [3, 3],
      speakers: [2, 2],
      documents: [
        { document: 'GUM_bio_byron', people: [5, 6], roles: [1, 2], quotes: null, speakers: null },
        { document: 'GUM_interview_ants', people: [2, 3], roles: null, quotes: [3, 3], speakers: [2, 2] },
      ],
    });
  });

  it('GIVEN the summary scorer output THEN ours and lead', () => {
    expect(
      parseSummaryScore(
        'document\tours R1\tlead R1\nx\t30.0\t31.0\nsummary (3 points, 38 documents) · ours R1 37.6 R2 17.3 · lead-3 R1 36.4 R2 17.9\n',
      ),
    ).toEqual({
      available: true,
      points: 3,
      documents: 38,
      ours: { r1: 37.6, r2: 17.3 },
      lead: { r1: 36.4, r2: 17.9 },
    });
  });

  it.each([[''], ['no such directory: /x'], ['Error: npm run ask printed nothing']])(
    'GIVEN the output %j THEN not available, with the reason',
    (out) => {
      expect(parsePeopleScore(out, 'd')).toMatchObject({ available: false });
      expect(parseSummaryScore(out)).toMatchObject({ available: false });
    },
  );
});
