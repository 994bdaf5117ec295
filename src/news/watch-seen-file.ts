import { z } from 'zod';
import { readStateFile } from '../files/read-state-file.ts';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import type { SeenArticles } from './watch-alerts.ts';

/** The file's name in the cache directory when not sharded (src/news/process-files.ts names each shard's). */
export const WATCH_SEEN_FILE = 'watch-seen.json';

const seenSchema = z.object({ version: z.literal(1), articles: z.array(z.string().max(1000)) });

/**
 * The articles the watch alerts knew when the process last ran, in a file of the cache directory
 * (one per shard, like the outbox): at the next start the articles not in it arrived while the
 * bot was down and are matched once. Missing or invalid: nothing is caught up (the first start).
 */
export function watchSeenFile(file: string): SeenArticles {
  return {
    async read() {
      const read = await readStateFile(file, seenSchema);
      return read.kind === 'valid' ? read.data.articles : null;
    },
    async write(ids) {
      const body = { version: 1, articles: [...ids].sort() };
      await writeFileAtomically(file, `${JSON.stringify(body)}\n`, { durable: true });
    },
  };
}
