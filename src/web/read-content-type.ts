import { MIMEType } from 'node:util';

/** A Content-Type header as its media type (lower case, no parameters) and its charset, if named. */
export function readContentType(header: string | null): { mediaType: string; charset: string | null } | null {
  if (header === null || header.trim() === '') return null;
  try {
    const type = new MIMEType(header.trim());
    const charset = type.params.get('charset')?.trim().toLowerCase() || null;
    return { mediaType: type.essence.toLowerCase(), charset };
  } catch {
    // Not a valid media type: keep what comes before the first ';' if it looks like one.
    const essence = header.split(';')[0]!.trim().toLowerCase();
    return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(essence) ? { mediaType: essence, charset: null } : null;
  }
}
