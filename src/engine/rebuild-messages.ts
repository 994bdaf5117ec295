/**
 * The messages between the corpus store (main thread) and the rebuild worker. The worker keeps
 * its own copy of the corpus's articles: the main thread seeds it once, then sends only what
 * changed; the worker answers with the analyses of the changed articles and the new search index
 * as data (the main thread already holds every other analysis).
 */
import type { ArticleAnalysis } from '../model/analysis.ts';
import type { Article } from '../model/article.ts';
import type { SerialisedSearchIndex } from '../search/build-search-index.ts';
import type { SerialisedTermIndex } from '../search/term-index.ts';

/** Main thread → worker. */
export type RebuildRequest =
  /** The articles of the live corpus (replaces whatever the worker held). */
  | { type: 'seed'; articles: Article[] }
  /** Apply these changes to the held articles, analyse and index them; answered by `rebuilt` or `failed`. */
  | { type: 'rebuild'; id: number; changed: Article[]; removed: string[] };

/** Worker → main thread. */
export type RebuildReply =
  | {
      type: 'rebuilt';
      id: number;
      /** Ids of the corpus's articles in corpus order: the order the index was built in. */
      order: string[];
      /** Analyses of the articles that were sent as changed (and are in `order` in their new version). */
      analyses: Array<[id: string, analysis: ArticleAnalysis]>;
      /** Changed articles whose analysis failed: left out, or kept in their previous version (`kept`). */
      failed: FailedRebuild[];
      index: TransferredSearchIndex;
      /**
       * The index's name documents (`collectNameDocs`) as JSON chunks of NAME_DOCS_PER_CHUNK, so
       * the main thread need not collect them again: strings cross threads as plain copies,
       * JSON.parse is several times faster than structured clone of the same ~100k small
       * objects, and chunks let the main thread parse between turns of its event loop.
       */
      names: string[];
    }
  /** The rebuild threw; the worker kept its previous articles. */
  | { type: 'failed'; id: number; error: SentError }
  /** A cache problem that was worked around (for the log). */
  | { type: 'warning'; message: string; error?: SentError };

/** An article a rebuild could not analyse. */
export interface FailedRebuild {
  id: string;
  file: string;
  reason: string;
  /** Its previous version stays in the corpus (else it is left out). */
  kept: boolean;
}

/** Name documents per JSON chunk of a `rebuilt` reply (a few ms of parsing each at ~100k paragraphs). */
export const NAME_DOCS_PER_CHUNK = 500;

/** `docs` as JSON chunks of at most `size` each. */
export function toJsonChunks(docs: readonly unknown[], size = NAME_DOCS_PER_CHUNK): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < docs.length; i += size) chunks.push(JSON.stringify(docs.slice(i, i + size)));
  return chunks;
}

/** A term index whose postings are ArrayBuffers moved (transferred, not copied) to the main thread. */
export type TransferredTermIndex = { terms: string[] } & Record<Exclude<keyof SerialisedTermIndex, 'terms'>, ArrayBuffer>;

/** SerialisedSearchIndex with transferred postings; `loadSearchIndex` accepts it as it is. */
export interface TransferredSearchIndex {
  version: number;
  paragraphs: TransferredTermIndex;
  names: TransferredTermIndex;
  articles: TransferredTermIndex;
  /** Paragraph vectors (rows and scales transferred), when the worker had word vectors. */
  semantic?: Record<string, unknown>;
}

/** The index ready to post, and the buffers to transfer with it. Decoding base64 happens here, in the worker. */
export function toTransferredIndex(index: SerialisedSearchIndex): { index: TransferredSearchIndex; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const buffer = (base64: string): ArrayBuffer => {
    const bytes = Buffer.from(base64, 'base64');
    const out = new ArrayBuffer(bytes.length);
    new Uint8Array(out).set(bytes);
    transfer.push(out);
    return out;
  };
  const term = (t: SerialisedTermIndex): TransferredTermIndex => ({
    terms: t.terms,
    offsets: buffer(t.offsets),
    docs: buffer(t.docs),
    freqs: buffer(t.freqs),
    lengths: buffer(t.lengths),
  });
  const semantic = index.semantic
    ? { ...index.semantic, rows: buffer(index.semantic.rows as string), scales: buffer(index.semantic.scales as string) }
    : undefined;
  return {
    index: {
      version: index.version,
      paragraphs: term(index.paragraphs),
      names: term(index.names),
      articles: term(index.articles),
      ...(semantic ? { semantic } : {}),
    },
    transfer,
  };
}

/** An error as it crosses the thread boundary. */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
}

/** `err` as plain data that survives postMessage. */
export function toSentError(err: unknown): SentError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: String(err) };
}

/** A SentError back as an Error (stack kept) for logging. */
export function fromSentError(sent: SentError): Error {
  const err = new Error(sent.message);
  err.name = sent.name;
  if (sent.stack) err.stack = sent.stack;
  return err;
}

/** Articles sorted the way a corpus lists them: by file path. Both threads use it, so their orders agree. */
export function sortArticles<T extends { file: string }>(articles: Iterable<T>): T[] {
  return [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
