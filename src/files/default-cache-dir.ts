import { fileURLToPath } from 'node:url';

/** `.cache/` at the repository root (gitignored): the one default of CACHE_DIR. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));
