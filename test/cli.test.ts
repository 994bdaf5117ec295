import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { entryCommand, REPO_ROOT as root } from './support/spawn-entry.ts';
import { copyWarmCache } from './support/warm-cache.ts';

const run = promisify(execFile);
const cacheDir = mkdtempSync(path.join(tmpdir(), 'pilcrow-cli-cache-'));
// The bundled article's analysis already cached (no test here is about a first analysis): no process analyses it.
beforeAll(() => copyWarmCache(cacheDir));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** How long a start from source (through the tsx command) may take on a loaded machine. */
const FROM_SOURCE_MS = 60_000;

/** `npm run ask -- <args>` as a process (node bin/pilcrow.mjs as npm runs it, or from source through the tsx command: test/support/spawn-entry.ts). */
async function cli(args: string[], input?: string, fromSource = false): Promise<Result> {
  const [command, commandArgs] = entryCommand('src/cli.ts', args, { fromSource });
  const child = run(command, commandArgs, {
    cwd: root,
    env: { ...process.env, CACHE_DIR: cacheDir, DATA_DIR: '' },
    // From source: two node processes and tsx's hooks, about twice the CPU of a start from the build.
    timeout: fromSource ? FROM_SOURCE_MS : 20_000,
  });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  } else {
    child.child.stdin!.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ask', () => {
  it(
    'GIVEN a question THEN readable text with citations',
    async () => {
      const r = await cli(['/quote speaker:Lavrov'], undefined, true);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Sergei Lavrov, Foreign Minister');
      expect(r.stdout).toMatch(/\(¶\u00a012\)/);
    },
    FROM_SOURCE_MS,
  );

  it('GIVEN --json THEN the documented JSON contract', async () => {
    const r = await cli(['--json', '/who', 'name:lukashenk']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ command: 'who', name: 'Alexander Lukashenko', kind: 'person' });
    expect(answer.citations[0]).toEqual({ article: 'putin-belarus-transition', paragraph: expect.any(Number) });
    expect(
      Array.isArray(answer.roles) && Array.isArray(answer.aliases) && Array.isArray(answer.mentions) && Array.isArray(answer.quotes),
    ).toBe(true);
  });

  it('GIVEN questions on standard input THEN one JSON answer per line, and a non-zero exit if any failed', async () => {
    const r = await cli([], '/summary length:2\n\n/related topic:mercenarys wagner\n/who name:qqqqqq\n');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ command: 'summary' });
    expect(lines[0].points).toHaveLength(2);
    expect(lines[1].results[0]).toMatchObject({ article: 'putin-belarus-transition', paragraph: 16 });
    expect(lines[2]).toMatchObject({ error: { code: 'not-found' } });
    expect(r.code).toBe(1);
  });

  it('GIVEN a bad question THEN a clear message on stderr and a non-zero exit', async () => {
    const r = await cli(['/weather city:Paris']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Unknown command "/weather"');
    const j = await cli(['--json', '/who']);
    expect(JSON.parse(j.stdout)).toMatchObject({ error: { code: 'bad-option' } });
    expect(j.code).not.toBe(0);
  });

  it('GIVEN a missing data directory THEN it says so', async () => {
    const r = await cli(['--data', '/nonexistent/pilcrow', '/summary']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('/nonexistent/pilcrow');
  });

  it('GIVEN a data directory with a bad file THEN the bad one is reported and the good one answers', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilcrow-cli-data-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      path.join(dir, 'good.md'),
      '---\ntitle: Council votes on budget\n---\n\nThe city council approved the budget on Monday.\n\n"It is a fair budget," said Mayor Jane Doe.\n',
    );
    writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    const r = await cli(['--data', dir, '--json', '/quote']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/bad\.txt/);
    expect(JSON.parse(r.stdout).quotes[0]).toMatchObject({ speaker: 'Jane Doe', article: 'good', paragraph: 2 });
  });
});

describe('npm run articles', () => {
  it('GIVEN --json THEN the cleaned, numbered articles', async () => {
    const r = await cli(['--articles', '--json']);
    expect(r.code).toBe(0);
    const { articles } = JSON.parse(r.stdout);
    expect(articles[0]).toMatchObject({ id: 'putin-belarus-transition', title: 'Putin delays the transition in Belarus to pilot it' });
    expect(articles[0].paragraphs).toHaveLength(41);
    expect(articles[0].headings).toEqual([{ before: 22, text: 'Russian boots on Belarusian soil' }]);
  });
});
