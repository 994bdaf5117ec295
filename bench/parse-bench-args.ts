/** Command-line options of `npm run bench`. */
export interface BenchArgs {
  sizes: number[];
  queries: number;
  json: boolean;
}

/** Every size: the bundled article, ~1k, ~10k and ~100k paragraphs. */
export const DEFAULT_SIZES = [1, 1_000, 10_000, 100_000];
export const DEFAULT_QUERIES = 200;

/** Parses `--sizes 1,1000 --queries N --json`; an error message for anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | { error: string } {
  const args: BenchArgs = { sizes: DEFAULT_SIZES, queries: DEFAULT_QUERIES, json: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--json') {
      args.json = true;
    } else if (flag === '--sizes') {
      const sizes = (value() ?? '').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1))
        return { error: '--sizes wants positive integers, e.g. --sizes 1,1000' };
      args.sizes = sizes;
    } else if (flag === '--queries') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) return { error: '--queries wants a positive integer' };
      args.queries = n;
    } else {
      return { error: `unknown option ${flag} (use --sizes 1,1000 --queries N --json)` };
    }
  }
  return args;
}
