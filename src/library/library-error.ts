/** The refusals of the article library: errors the user caused, as values. */
import { userError, type UserError } from '../model/user-error.ts';

export type LibraryErrorCode =
  | 'bad-url' // not an http(s) URL, or one Pilcrow may not fetch (a private address)
  | 'fetch-failed' // the site did not give the page (HTTP error, timeout, too large, wrong type, network)
  | 'not-an-article' // a page or file with no article text in it
  | 'bad-file' // not a .txt, .md or .html file, binary, not UTF-8, malformed front matter
  | 'too-large' // a file over the size limit
  | 'unknown-article' // no article with that id in that scope
  | 'write-failed'; // the data folder could not be written

export type LibraryError = UserError<LibraryErrorCode>;

export function libraryError(code: LibraryErrorCode, message: string): LibraryError {
  return userError<LibraryErrorCode>(code, message);
}
