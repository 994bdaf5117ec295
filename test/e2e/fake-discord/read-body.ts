import type { IncomingMessage } from 'node:http';

/** A file part of a multipart request. */
export interface ReceivedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** A request body as the fake understands it. */
export interface ReceivedBody {
  /** The JSON body, or the multipart `payload_json` part parsed; null when there is none. */
  json: any;
  /** Files of a multipart body (empty otherwise). */
  files: ReceivedFile[];
}

/** Reads the whole request into memory. */
function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a multipart/form-data body: `payload_json` becomes the JSON, other parts are files. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<ReceivedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: ReceivedFile[] = [];
  let json: any = null;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value);
      continue;
    }
    files.push({ field, filename: value.name, contentType: value.type, size: value.size });
  }
  return { json, files };
}

/**
 * Reads a REST request body: JSON, or multipart/form-data with a `payload_json` part.
 * Throws (the caller answers 400) when the body cannot be parsed.
 */
export async function readBody(req: IncomingMessage): Promise<ReceivedBody> {
  const raw = await readRaw(req);
  if (raw.length === 0) return { json: null, files: [] };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}
