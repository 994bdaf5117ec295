// Types of build-bundle.mjs (plain JavaScript: it runs before anything compiles TypeScript), for the tests.

/** The entries bin/pilcrow.mjs starts (what the npm scripts run). */
export declare const PROCESS_ENTRIES: readonly string[];
/** The modules the boot files of workers and helper processes import. */
export declare const WORKER_ENTRIES: readonly string[];
/** Every entry of the build. */
export declare const PROJECT_ENTRIES: readonly string[];
/** The commands folder, and the module that stands for its listing in a bundle. */
export declare const PROJECT_COMMANDS: { folder: string; module: string };
/** The files of a commands folder a bundle includes. */
export declare function listCommandFiles(folder: string): string[];
/** Replaces `import.meta.url`, `.dirname` and `.filename` in `text` with those of `file`. */
export declare function withSourceLocation(text: string, file: string): string;
/** The file of the build that `entry` (a path from the root) becomes. */
export declare function builtFile(entry: string): string;
