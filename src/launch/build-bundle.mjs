// Builds the project's own code (src/, commands/) into ES modules with esbuild, packages left as
// imports of node_modules: what `bin/pilcrow.mjs` runs, so that a started process loads plain
// JavaScript without tsx's module hooks (issues 19 and 23: ~1 s of CPU less per process start).
// Plain JavaScript itself: it runs before anything could compile TypeScript.
//
// Two things a bundle would otherwise change are kept as they are from source:
//   - `import.meta.url` (and .dirname, .filename) of each project file is replaced by that
//     file's own location, so every file found next to its source (commands/, migrations/, the
//     worker boot files, the hashes of source folders in cache keys) is found as under tsx;
//   - the command files, which src/bot/load-commands.ts imports from the commands/ folder it
//     lists, are listed at build time into the module BUNDLED_COMMANDS (src/bot/bundled-commands.ts).
import { readdirSync, statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The entries `bin/pilcrow.mjs` starts (what the npm scripts run). */
export const PROCESS_ENTRIES = [
  'src/main.ts',
  'src/cli.ts',
  'src/add.ts',
  'src/migrate-to-postgres.ts',
  'src/bot/bot-main.ts',
  'src/bot/sharded.ts',
  'src/bot/deploy-commands.ts',
  'src/bot/print-invite.ts',
];

/** The modules the boot files of workers and helper processes import (src/launch/import-worker-module.mjs). */
export const WORKER_ENTRIES = ['src/engine/rebuild-worker.ts', 'src/search/vectors/convert-to-file.ts'];

/** Every entry of the build. */
export const PROJECT_ENTRIES = [...PROCESS_ENTRIES, ...WORKER_ENTRIES];

/** The file of the build that `entry` (a path from the root, of PROJECT_ENTRIES) becomes. */
export function builtFile(entry) {
  return entry.replace(/\.[mc]?[jt]s$/, '.mjs');
}

/** The commands folder, and the module that stands for its listing in a bundle. */
export const PROJECT_COMMANDS = { folder: 'commands', module: 'src/bot/bundled-commands.ts' };

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.js': 'js', '.mjs': 'js', '.json': 'json' };
const IMPORT_META = /\bimport\.meta\.(url|dirname|filename)\b/g;

/** The files of a commands folder a bundle includes (load-commands.ts then applies its own rule). */
export function listCommandFiles(folder) {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => entry.name)
    .sort();
}

/** The module BUNDLED_COMMANDS: each command file's name and a function importing it. */
function commandsModule(folder) {
  const lines = listCommandFiles(folder).map(
    (name) => `  [${JSON.stringify(name)}, () => import(${JSON.stringify(path.join(folder, name))})],`,
  );
  return `export const BUNDLED_COMMANDS = new Map([\n${lines.join('\n')}\n]);\n`;
}

/** Replaces `import.meta.url`, `.dirname` and `.filename` with those of `file` (its source). */
export function withSourceLocation(text, file) {
  const values = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
  return text.replace(IMPORT_META, (_, key) => JSON.stringify(values[key]));
}

/**
 * The plugin loading the project's files: each read after a stat of it (its size and mtime go
 * into `inputs`, so a file changed during the build is seen as changed at the next start).
 */
function projectFiles(root, commands, inputs) {
  const commandsModulePath = path.join(root, commands.module);
  return {
    name: 'pilcrow-project-files',
    setup(on) {
      on.onLoad({ filter: /\.(m?ts|m?js|json)$/ }, (args) => {
        if (args.path.split(path.sep).includes('node_modules')) return undefined;
        inputs[path.relative(root, args.path)] = stamp(args.path);
        if (args.path === commandsModulePath) {
          return { contents: commandsModule(path.join(root, commands.folder)), loader: 'js', resolveDir: path.dirname(args.path) };
        }
        const loader = LOADERS[path.extname(args.path)];
        const text = readFileSync(args.path, 'utf8');
        return { contents: loader === 'json' ? text : withSourceLocation(text, args.path), loader };
      });
    },
  };
}

/** What says a file changed: its size and modification time. */
export function stamp(file) {
  const stats = statSync(file);
  return [stats.mtimeMs, stats.size];
}

/**
 * Builds `entries` (paths from `root`) into memory, for a folder at the depth of `outdir` (the
 * source maps name the sources relatively). Resolves with the output files (path relative to the
 * build folder, contents, esbuild's hash) and the project files read (path from root → stamp);
 * rejects with esbuild's error (its `errors` list the problems) when the code does not build.
 */
export async function buildBundle({ root, entries, outdir, commands = PROJECT_COMMANDS }) {
  const inputs = {};
  // Imported only to build (~0.15 s of CPU): a start that reuses the last build does without it.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outbase: root,
    outdir,
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    // ES modules whatever package.json says (the build lives under node_modules/.cache).
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
    plugins: [projectFiles(root, commands, inputs)],
  });
  const files = result.outputFiles.map((file) => ({ path: path.relative(outdir, file.path), contents: file.contents, hash: file.hash }));
  return { files, inputs };
}
