/**
 * An error the user caused (bad option, nothing found): a value with a stable code and a
 * message meant for them, never thrown. Bugs throw ordinary Errors instead.
 */
export type UserErrorCode =
  | 'bad-option'
  | 'unknown-article'
  | 'not-found'
  | 'empty-corpus'
  | 'bad-syntax'
  | 'cooldown'
  | 'forbidden';

export interface UserError {
  error: {
    code: UserErrorCode;
    message: string;
    /** Closest matches to offer ("did you mean…"), when there are any. */
    suggestions?: string[];
  };
}

export function userError(code: UserErrorCode, message: string, suggestions?: string[]): UserError {
  return { error: suggestions && suggestions.length > 0 ? { code, message, suggestions } : { code, message } };
}

export function isUserError(value: unknown): value is UserError {
  return typeof value === 'object' && value !== null && 'error' in value;
}
