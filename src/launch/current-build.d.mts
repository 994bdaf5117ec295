// Types of current-build.mjs (plain JavaScript: it runs before anything compiles TypeScript), for the tests.

/** The folder of a build of `entries` from the files as they are now: the last one, or a new one (`built`). */
export declare function ensureBuild(options: {
  root: string;
  cacheDir: string;
  entries: readonly string[];
  commands?: { folder: string; module: string };
}): Promise<{ dir: string; built: boolean }>;

/** Marks the build in `dir` as run by this process until it exits (no prune removes it meanwhile). */
export declare function markInUse(dir: string): void;
