/**
 * The command files of commands/ in a build started by bin/pilcrow.mjs: file name → its import.
 * src/launch/build-bundle.mjs replaces this module with the folder's listing at build time, since
 * a bundle has no folder of TypeScript files to import from; run from source it is null and
 * src/bot/load-commands.ts lists the folder itself.
 */
export const BUNDLED_COMMANDS: ReadonlyMap<string, () => Promise<unknown>> | null = null;
