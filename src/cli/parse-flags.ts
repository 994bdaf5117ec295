import { parseArgs, type ParseArgsConfig } from 'node:util';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** What `--data` without a directory says, in every terminal command. */
const DATA_NEEDS_A_DIRECTORY = '--data needs a directory, e.g. --data ./data';

/**
 * A terminal command's flags and words, parsed strictly by node:util parseArgs. A flag the
 * command does not know, a flag without its value, or an empty `--data` is an error message for
 * a person (node's hint about positional arguments dropped), never a throw.
 */
export function parseFlags<const O extends FlagOptions>(argv: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('--data')) return { error: DATA_NEEDS_A_DIRECTORY };
    return { error: message.replace(/\. To specify a positional argument.*$/s, '.') };
  }
  const data: unknown = (parsed.values as Record<string, unknown>)['data'];
  if (typeof data === 'string' && data.trim() === '') return { error: DATA_NEEDS_A_DIRECTORY };
  return parsed;
}
