import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROCESS_ENTRIES, PROJECT_ENTRIES, withSourceLocation } from '../../src/launch/build-bundle.mjs';
import { REPO_ROOT } from '../support/spawn-entry.ts';

/**
 * bin/pilcrow.mjs on a small project of its own (a temp folder with the launcher's files, esbuild
 * linked in, and tiny entries), so a test can change its sources while others run the real one.
 */
function makeProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pilcrow-launcher-'));
  cpSync(path.join(REPO_ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'src', 'launch'), path.join(root, 'src', 'launch'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(path.join(REPO_ROOT, 'node_modules', 'esbuild'), path.join(root, 'node_modules', 'esbuild'));
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  for (const entry of PROJECT_ENTRIES) write(entry, 'export {};\n');
  write('src/greeting.ts', "export const greeting: string = 'hello';\n");
  write('src/bot/bundled-commands.ts', 'export const BUNDLED_COMMANDS = null;\n');
  write('commands/hello.ts', "export const name = 'hello';\n");
  write('commands/_shared.ts', "export const name = 'shared';\n");
  // What the entry sees of itself and of the build: its location, its arguments, the commands built in, a worker's answer.
  write(
    'src/main.ts',
    `import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { greeting } from './greeting.ts';
import { BUNDLED_COMMANDS } from './bot/bundled-commands.ts';

const commands = [];
for (const [file, load] of BUNDLED_COMMANDS ?? []) commands.push([file, (await load()).name]);
const worker = process.argv.includes('--worker')
  ? await new Promise((resolve) => new Worker(new URL('./engine/boot.mjs', import.meta.url)).once('message', resolve))
  : null;
const isEntry = import.meta.url === pathToFileURL(process.argv[1]).href;
process.stdout.write(JSON.stringify({ greeting, url: import.meta.url, isEntry, args: process.argv.slice(2), commands, worker, build: process.env.PILCROW_BUNDLE }));
`,
  );
  // A worker's boot file as the project's: its module from the build of the process starting it (no tsx here to fall back on).
  write(
    'src/engine/boot.mjs',
    `import { parentPort } from 'node:worker_threads';
import { importWorkerModule } from '../launch/import-worker-module.mjs';
const { answer } = await importWorkerModule(import.meta.url, 'src/engine/rebuild-worker.ts', './rebuild-worker.ts');
parentPort.postMessage(answer());
`,
  );
  write(
    'src/engine/rebuild-worker.ts',
    "import { greeting } from '../greeting.ts';\nexport const answer = (): string => `${greeting} from the worker`;\n",
  );
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(root: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? '', TMPDIR: process.env.TMPDIR ?? '' };
    execFile(
      process.execPath,
      [path.join(root, 'bin', 'pilcrow.mjs'), ...args],
      { cwd: root, env, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const cacheOf = (root: string): string => path.join(root, 'node_modules', '.cache', 'pilcrow', 'build');
const builds = (root: string): string[] => readdirSync(cacheOf(root)).filter((name) => /^[0-9a-f]{16}$/.test(name));
const recordTime = (root: string): number => statSync(path.join(cacheOf(root), 'current.json')).mtimeMs;

/** Writes a file of the project, as an editor saving it would. */
function edit(root: string, file: string, text: string): void {
  const full = path.join(root, file);
  writeFileSync(full, text);
}

describe('bin/pilcrow.mjs', () => {
  it('GIVEN an entry THEN it runs from a build as if started itself: its own location, its arguments, the commands built in, a worker on the same build', async () => {
    const root = makeProject();
    const run = await launch(root, ['src/main.ts', 'one', '--worker']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const seen = JSON.parse(run.stdout);
    expect(seen).toMatchObject({
      greeting: 'hello',
      url: pathToFileURL(path.join(root, 'src', 'main.ts')).href,
      isEntry: true,
      args: ['one', '--worker'],
      // Every command file, in order; load-commands.ts leaves out those starting with _.
      commands: [
        ['_shared.ts', 'shared'],
        ['hello.ts', 'hello'],
      ],
      worker: 'hello from the worker',
    });
    expect(seen.build).toBe(path.join(cacheOf(root), builds(root)[0]!));
  });

  it('GIVEN no source changed THEN the next start reuses the build; GIVEN a source or the commands folder changed THEN it builds again', async () => {
    const root = makeProject();
    expect((await launch(root, ['src/main.ts'])).code).toBe(0);
    const first = recordTime(root);
    const again = await launch(root, ['src/main.ts']);
    expect(JSON.parse(again.stdout).greeting).toBe('hello');
    expect(recordTime(root)).toBe(first);
    expect(builds(root)).toHaveLength(1);

    edit(root, 'src/greeting.ts', "export const greeting: string = 'hello again';\n");
    const changed = await launch(root, ['src/main.ts']);
    expect(JSON.parse(changed.stdout).greeting).toBe('hello again');
    expect(builds(root)).toHaveLength(2);

    edit(root, 'commands/bye.ts', "export const name = 'bye';\n");
    const added = await launch(root, ['src/main.ts']);
    expect(JSON.parse(added.stdout).commands).toContainEqual(['bye.ts', 'bye']);
  });

  it('GIVEN four starts at once with no build THEN each runs a complete build, the same one, and no temporary folder is left', async () => {
    const root = makeProject();
    const runs = await Promise.all([1, 2, 3, 4].map(() => launch(root, ['src/main.ts'])));
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    const seen = runs.map((run) => JSON.parse(run.stdout));
    expect(new Set(seen.map((s) => s.build)).size).toBe(1);
    expect(seen.every((s) => s.greeting === 'hello')).toBe(true);
    expect(builds(root)).toHaveLength(1);
    expect(readdirSync(cacheOf(root)).filter((name) => name.startsWith('tmp-') || name.includes('.json.'))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(cacheOf(root), 'current.json'), 'utf8')).build).toBe(path.basename(seen[0].build));
  });

  it('GIVEN builds replaced over a day ago THEN the next build removes them, except one a live process runs (its workers load it later)', async () => {
    const root = makeProject();
    const dirOf = async (): Promise<string> => JSON.parse((await launch(root, ['src/main.ts'])).stdout).build as string;
    const used = await dirOf();
    edit(root, 'src/greeting.ts', "export const greeting: string = 'two';\n");
    const unused = await dirOf();
    edit(root, 'src/greeting.ts', "export const greeting: string = 'three';\n");
    const recent = await dirOf();
    // The first is run by a live process (this one); the second's only process has exited.
    mkdirSync(path.join(used, '.in-use'), { recursive: true });
    writeFileSync(path.join(used, '.in-use', String(process.pid)), '');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    for (const dir of [used, unused]) utimesSync(dir, twoDaysAgo, twoDaysAgo);
    expect(readdirSync(path.join(unused, '.in-use'))).toEqual([]);

    edit(root, 'src/greeting.ts', "export const greeting: string = 'four';\n");
    const current = await dirOf();
    expect(existsSync(current)).toBe(true);
    expect(existsSync(unused)).toBe(false);
    expect(existsSync(used)).toBe(true);
    // Replaced just now: kept a day for processes that may still run it.
    expect(existsSync(recent)).toBe(true);
  });

  it('GIVEN code that does not build THEN one line says where and why, and the exit is 1 without running anything', async () => {
    const root = makeProject();
    edit(root, 'src/greeting.ts', "export const greeting: string = 'hello'\nexport const = 2;\n");
    const run = await launch(root, ['src/main.ts']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^pilcrow: the code does not build: src\/greeting\.ts:2:\d+: [^\n]+\n$/);
  });

  it('GIVEN a file that is not an entry, or no entry THEN the usage, exit 2', async () => {
    const root = makeProject();
    const unknown = await launch(root, ['src/greeting.ts']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^pilcrow: src\/greeting\.ts is not one of the entries\nusage: /);
    // A worker's module is built, but it is no process of its own.
    expect((await launch(root, ['src/engine/rebuild-worker.ts'])).code).toBe(2);
    expect((await launch(root, [])).code).toBe(2);
  });

  it('GIVEN a start WHEN killed THEN it stops (the entry is the process: no relay in between)', async () => {
    const root = makeProject();
    edit(root, 'src/cli.ts', 'setInterval(() => {}, 1000);\nprocess.stdout.write("up\\n");\n');
    const child = spawn(process.execPath, [path.join(root, 'bin', 'pilcrow.mjs'), 'src/cli.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGTERM');
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGTERM');
  });
});

describe('the source locations in a build', () => {
  it('GIVEN import.meta.url, dirname and filename THEN each becomes the source file’s own, other text unchanged', () => {
    const file = path.join(path.sep, 'app', 'src', 'a b.ts');
    const text =
      "const u = new URL('./x/', import.meta.url);\nconst d = import.meta.dirname, f = import.meta.filename;\nimport.meta.resolve('y');\n";
    expect(withSourceLocation(text, file)).toBe(
      `const u = new URL('./x/', ${JSON.stringify(pathToFileURL(file).href)});\nconst d = ${JSON.stringify(path.dirname(file))}, f = ${JSON.stringify(file)};\nimport.meta.resolve('y');\n`,
    );
  });
});

describe('the npm scripts', () => {
  const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['start', 'start:sharded', 'ask', 'articles', 'add', 'deploy-commands', 'invite', 'migrate-to-postgres'])(
    'GIVEN npm run %s THEN it starts an entry through bin/pilcrow.mjs, without tsx',
    (name) => {
      const entry = /^node bin\/pilcrow\.mjs (\S+)/.exec(scripts[name] ?? '')?.[1];
      expect(PROCESS_ENTRIES).toContain(entry);
    },
  );
});
