/**
 * The word vectors this process uses, once prepared (see prepare-word-vectors.ts): indexes built
 * or loaded afterwards get a semantic path, queries get embedded. Null until then, or when the
 * vectors are unavailable: search is then lexical only. Set once at start-up by the entry points
 * (terminal, bot, rebuild worker); tests pass vectors explicitly instead.
 */
import type { WordVectors } from './word-vectors.ts';

let active: WordVectors | null = null;

/** The process's word vectors, or null (lexical search only). */
export function activeWordVectors(): WordVectors | null {
  return active;
}

/** Makes `vectors` the process's word vectors (null turns the semantic path off). */
export function useWordVectors(vectors: WordVectors | null): void {
  active = vectors;
}
