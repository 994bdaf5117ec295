import path from 'node:path';
import { parseArgs } from 'node:util';

export interface CliArgs {
  /** Print answers (and errors) as JSON. */
  json: boolean;
  /** Print the cleaned, numbered articles instead of answering. */
  articles: boolean;
  help: boolean;
  /** The articles directory, absolute. */
  dataDir: string;
  /** The question given on the command line (its words joined), or null to read standard input. */
  question: string | null;
}

/**
 * The terminal front end's flags, parsed by node:util parseArgs: `--json`, `--articles`,
 * `--data DIR` (or `--data=DIR`), `--help`/`-h`; everything else is the question's words.
 * A flag Pilcrow does not know, or `--data` without a directory, is an error message.
 */
export function readCliArgs(argv: string[], defaultDataDir: string): CliArgs | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        articles: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        data: { type: 'string' },
      },
    });
  } catch (err) {
    const { code, message } = err as { code?: string; message: string };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('--data'))
      return { error: '--data needs a directory, e.g. --data ./data' };
    return { error: message.replace(/\. To specify a positional argument.*$/s, '.') };
  }
  const { values, positionals } = parsed;
  if (values.data !== undefined && values.data.trim() === '') return { error: '--data needs a directory, e.g. --data ./data' };
  return {
    json: values.json,
    articles: values.articles,
    help: values.help,
    dataDir: path.resolve(values.data ?? defaultDataDir),
    question: positionals.length > 0 ? positionals.join(' ') : null,
  };
}
