/**
 * The parsing libraries, each loaded at its first use instead of with the code that uses it: a
 * start from a warm cache parses no article file, so the bot and the terminal start without them
 * (chrono-node, linkedom, Readability, yaml and feedsmith: about 1 s of CPU at every start together; measured
 * in docs/benchmarks.md, start-up). Their callers are synchronous (parsing is pure), so they are
 * required (their CommonJS builds, the same code) rather than imported.
 */
import { createRequire } from 'node:module';
import type * as MozillaReadability from '@mozilla/readability';
import type * as Chrono from 'chrono-node';
import type * as Feedsmith from 'feedsmith';
import type * as Linkedom from 'linkedom';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);

/**
 * Every package src/ingest/ uses (the parsers below, and pos's lexicon in dangling-words.ts): their
 * versions key the cache of parsed articles (a test checks the list against the imports).
 */
export const INGEST_PACKAGES = ['@mozilla/readability', 'chrono-node', 'feedsmith', 'linkedom', 'pos', 'yaml'] as const;

let chrono: typeof Chrono | undefined;
let linkedom: typeof Linkedom | undefined;
let readability: typeof MozillaReadability | undefined;
let yaml: typeof Yaml | undefined;
let feedsmith: typeof Feedsmith | undefined;

/** chrono-node: dates written in words. */
export function loadChrono(): typeof Chrono {
  return (chrono ??= require('chrono-node') as typeof Chrono);
}

/** linkedom: HTML into a DOM (pages, feed item summaries). */
export function loadLinkedom(): typeof Linkedom {
  return (linkedom ??= require('linkedom') as typeof Linkedom);
}

/** Mozilla Readability: the main text of a page. */
export function loadReadability(): typeof MozillaReadability {
  return (readability ??= require('@mozilla/readability') as typeof MozillaReadability);
}

/** yaml: front matter. */
export function loadYaml(): typeof Yaml {
  return (yaml ??= require('yaml') as typeof Yaml);
}

/** feedsmith: RSS, Atom, RDF and JSON feeds. */
export function loadFeedsmith(): typeof Feedsmith {
  return (feedsmith ??= require('feedsmith') as typeof Feedsmith);
}
