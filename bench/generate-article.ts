/**
 * A big article of ordinary sentences for size tests and benchmarks: the body paragraphs of real
 * articles repeated (each repetition numbered, so paragraphs differ) until `bytes` is reached,
 * either as paragraphs separated by blank lines or as one long line. Deterministic.
 */
export function generateArticleText(sources: readonly string[], bytes: number, shape: 'paragraphs' | 'line'): string {
  const paragraphs = sources
    .flatMap((text) => text.split(/\n\s*\n/))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 80 && /[.!?"”]$/.test(p));
  if (paragraphs.length === 0) throw new Error('generateArticleText needs source texts with paragraphs');
  const separator = shape === 'line' ? ' ' : '\n\n';
  const parts = ['Big article of ordinary sentences for size tests', ''];
  let length = parts.join('\n').length + 1;
  for (let i = 0; length < bytes; i++) {
    const paragraph = `${paragraphs[i % paragraphs.length]} (Part ${Math.floor(i / paragraphs.length) + 1}.)`;
    parts.push(paragraph);
    length += Buffer.byteLength(paragraph) + separator.length;
  }
  const [title, , ...body] = parts;
  const text = `${title}\n\n${body.join(separator)}\n`;
  return Buffer.byteLength(text) > bytes ? truncateToBytes(text, bytes) : text;
}

function truncateToBytes(text: string, bytes: number): string {
  const buffer = Buffer.from(text).subarray(0, bytes);
  const cut = buffer.toString('utf8').replace(/\uFFFD$/, '');
  const end = cut.lastIndexOf('. ');
  return `${end > 0 ? cut.slice(0, end + 1) : cut}\n`;
}
