import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { runAddCommand } from '../src/cli/add-command.ts';
import { NEWS_SITE_PATHS as PATHS, startNewsSite, type NewsSite } from './support/news-site/start-news-site.ts';
import { childEnv, entryCommand } from './support/spawn-entry.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const train = join(repo, 'test/fixtures/articles/wikinews-20070223-train.txt');

/**
 * Runs `npm run add` as a real process (`node bin/pilcrow.mjs src/add.ts <args>`, or from source through the tsx command:
 * test/support/spawn-entry.ts), with only the environment given.
 */
function runAdd(
  args: string[],
  env: Record<string, string> = {},
  fromSource = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, commandArgs] = entryCommand('src/add.ts', args, { fromSource });
  return new Promise((resolve) => {
    execFile(command, commandArgs, { cwd: repo, env: childEnv(env), timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let site: NewsSite;
let dataDir: string;
beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-add-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run add, as a process', () => {
  it('GIVEN a text file THEN it is stored and the id, title and paragraph count are printed; adding it again names the same id', async () => {
    const first = await runAdd([train, '--data', dataDir], {}, true);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      `Added wikinews-20070223-train: (no headline) (13 paragraphs) → ${join(dataDir, 'wikinews-20070223-train.md')}\n`,
    );
    const again = await runAdd([train, '--data', dataDir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      id: 'wikinews-20070223-train',
      title: null,
      paragraphs: 13,
      file: join(dataDir, 'wikinews-20070223-train.md'),
      existed: true,
    });
  });

  it('GIVEN a link to a page on 127.0.0.1 and ALLOW_PRIVATE_URLS=true THEN it is fetched and stored in the server folder', async () => {
    const result = await runAdd([site.url(PATHS.article), '--guild', '123456789012345678', '--json'], {
      ALLOW_PRIVATE_URLS: 'true',
      DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { id: string; title: string; paragraphs: number; file: string; existed: boolean };
    expect(json).toMatchObject({
      id: 'ferry-crews-in-port-callan-walk-out-over-night-shift-rosters',
      title: 'Ferry crews in Port Callan walk out over night-shift rosters',
      existed: false,
    });
    expect(json.file).toBe(join(dataDir, 'guilds', '123456789012345678', `${json.id}.md`));
  });

  it('GIVEN a link to 127.0.0.1 without ALLOW_PRIVATE_URLS THEN it is refused as JSON with exit code 1', async () => {
    const result = await runAdd([site.url(PATHS.article), '--data', dataDir, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'bad-url', message: expect.any(String) } });
    expect(await readdir(dataDir)).toEqual([]);
  });
});

describe('npm run add, its arguments and refusals', () => {
  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await runAddCommand({
      argv,
      env,
      cwd: dataDir,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      clock: () => Date.parse('2026-12-01T12:00:00Z'),
    });
    return { code, stdout, stderr };
  };

  it.each([
    { name: 'no link or file', argv: [], message: /Give one link or file/ },
    { name: 'two files', argv: ['a.txt', 'b.txt'], message: /only one/ },
    { name: 'a guild id that is not one', argv: ['a.txt', '--guild', '../x'], message: /--guild needs a Discord server id/ },
    { name: 'an unknown flag', argv: ['a.txt', '--force'], message: /Unknown option '--force'/ },
    { name: '--data without a directory', argv: ['a.txt', '--data', ''], message: /--data needs a directory/ },
  ])('GIVEN $name THEN it is a usage error: exit 2 with the usage line', async ({ argv, message }) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: npm run add --');
  });

  it.each([
    { name: 'a missing file', file: 'missing.txt', content: null, code: 'bad-file', message: /No such file/ },
    { name: 'a PDF', file: 'report.pdf', content: '%PDF-1.7', code: 'bad-file', message: /not a \.txt, \.md or \.html file/ },
    {
      name: 'a page with only a menu',
      file: 'menu.md',
      content: '# Menu\n\n- Home\n- News\n',
      code: 'not-an-article',
      message: /no body paragraphs/,
    },
  ])('GIVEN $name THEN --json prints the error and the exit code is 1', async ({ file, content, code, message }) => {
    if (content !== null) await writeFile(join(dataDir, file), content);
    const result = await run([file, '--json', '--data', join(dataDir, 'library')]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code, message: expect.stringMatching(message) } });
  });

  it('GIVEN a refusal without --json THEN the message goes to standard error', async () => {
    const result = await run(['missing.txt', '--data', dataDir]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `pilcrow: No such file: ${join(dataDir, 'missing.txt')}\n` });
  });

  it('GIVEN a bad ALLOW_PRIVATE_URLS THEN the configuration error exits 2', async () => {
    const result = await run(['a.txt'], { ALLOW_PRIVATE_URLS: 'maybe' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ALLOW_PRIVATE_URLS must be true or false/);
  });
});
