/**
 * Run under `tsx` by rebuild-under-tsx.test.ts: opens a watched store on the directory given,
 * adds an article, and prints the speakers of its quotes once the worker's rebuild is in.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../../src/answers/run-command.ts';
import { openCorpusStore } from '../../../src/engine/corpus-store.ts';

const [dataDir, cacheDir] = process.argv.slice(2) as [string, string];
const store = await openCorpusStore({ dataDir, cacheDir, watch: true, pollMs: 100 });
if ('error' in store) throw new Error(store.error);
const changed = new Promise((resolve) => store.onChange(resolve));
writeFileSync(
  path.join(dataDir, 'floods.txt'),
  'Floods closed the river road on Friday.\n\n"We have never seen water this high," said Fire Chief Tom Reyes.\n',
);
await changed;
const answer = runCommand(store.current(), 'quote', { speaker: 'reyes' });
process.stdout.write(`${JSON.stringify({ answer })}\n`);
store.close();
