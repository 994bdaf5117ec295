// Entry of the background word-vector conversion, run as a detached child process
// (`node convert-process.mjs <source.json> <target.bin>`): a process that only prints a digest and
// exits is not held back by it, and the conversion still completes for the next start.
import { importWorkerModule } from '../../launch/import-worker-module.mjs';

const { convertToFile } = await importWorkerModule(import.meta.url, 'src/search/vectors/convert-to-file.ts', './convert-to-file.ts');
await convertToFile(process.argv[2], process.argv[3]);
