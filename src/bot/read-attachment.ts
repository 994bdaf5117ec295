import { userError, type UserError } from '../model/user-error.ts';
import type { FetchPage } from '../web/fetch-page.ts';

/** The largest article file a member may attach, in bytes (as the safe fetcher's default cap). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** File name endings /article add file: accepts. */
const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];
/**
 * Content types Discord may report for those (parameters such as charset ignored); none reported
 * is fine too, and so is octet-stream (unknown to Discord): the library checks the bytes are text.
 */
const ACCEPTED_TYPES = /^(text\/[a-z0-9.+-]+|application\/xhtml\+xml|application\/octet-stream)$/;

/** An attachment as discord.js resolves it (only what is checked). */
export interface AttachmentInfo {
  name: string;
  size: number;
  url: string;
  contentType: string | null;
}

/** A downloaded article file. */
export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
  contentType: string | null;
}

/** Why an attachment was not taken, before anything is downloaded: its name, size or type. Null when it may be downloaded. */
export function checkAttachment(attachment: AttachmentInfo): UserError<'bad-file' | 'too-large'> | null {
  const name = attachment.name.slice(0, 100);
  const lower = attachment.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ending) => lower.endsWith(ending))) {
    return userError('bad-file', `I can only add .txt, .md or .html files as articles; "${name}" is not one.`);
  }
  if (!Number.isFinite(attachment.size) || attachment.size > MAX_ATTACHMENT_BYTES) {
    const mb = (attachment.size / (1024 * 1024)).toFixed(1);
    return userError('too-large', `"${name}" is ${mb} MB; article files may be at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.`);
  }
  if (attachment.size === 0) return userError('bad-file', `"${name}" is empty.`);
  const type = attachment.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '' && !ACCEPTED_TYPES.test(type)) {
    return userError('bad-file', `"${name}" is ${type.slice(0, 60)}, not text: I can only add .txt, .md or .html files as articles.`);
  }
  return null;
}

/**
 * Downloads an attached article file once its name, size and type passed checkAttachment,
 * through the safe fetcher (http(s) only, address checks, the same size and time caps).
 */
export async function readAttachment(
  attachment: AttachmentInfo,
  fetchPage: FetchPage,
): Promise<AttachedFile | UserError<'bad-file' | 'too-large' | 'fetch-failed'>> {
  const refused = checkAttachment(attachment);
  if (refused) return refused;
  const result = await fetchPage(attachment.url, { accept: 'attachment', maxBytes: MAX_ATTACHMENT_BYTES });
  if (result.kind === 'refused') {
    const code = result.refusal.code === 'too-large' ? 'too-large' : result.refusal.code === 'wrong-type' ? 'bad-file' : 'fetch-failed';
    return userError(code, `I could not download "${attachment.name.slice(0, 100)}": ${result.refusal.message}`);
  }
  if (result.kind !== 'page') return userError('fetch-failed', `I could not download "${attachment.name.slice(0, 100)}".`);
  return { name: attachment.name, bytes: result.page.bytes, contentType: attachment.contentType ?? result.page.contentType };
}
