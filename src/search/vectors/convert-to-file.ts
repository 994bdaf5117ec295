import { writeFileAtomically } from '../../files/write-file-atomically.ts';
import { convertEmbeddings } from './convert-embeddings.ts';
import { encodeVectorFile } from './vector-file.ts';

/** Converts the embeddings JSON `source` into the binary vector file `target` (written atomically). */
export async function convertToFile(source: string, target: string): Promise<void> {
  await writeFileAtomically(target, encodeVectorFile(await convertEmbeddings(source)));
}
