/**
 * Reading a JSON state file Pilcrow keeps (digest state, announcement outbox, digest schedules,
 * feeds): read, parsed and validated with the caller's zod schema, with what was found told
 * apart so that each caller decides what a missing, unreadable or invalid file means for it.
 * The read counterpart of writeFileAtomically; a leaf any code that keeps a file may use.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';

/** What reading a state file found. */
export type StateFileRead<T> =
  | { kind: 'missing' }
  /** It exists but cannot be read (permissions, a directory…): the error's message and code (EACCES, EISDIR…). */
  | { kind: 'unreadable'; problem: string; code: string | undefined }
  /** Over the size limit, not JSON, or not the schema's shape: why (the first issue's path and message). */
  | { kind: 'invalid'; problem: string }
  | { kind: 'valid'; data: T };

/** Options for {@link readStateFile}. */
export interface ReadStateFileOptions {
  /** A file larger than `bytes` is not read: it is invalid with `problem`. Default: no limit. */
  limit?: { bytes: number; problem: string };
}

/** Reads and validates a JSON state file. Never throws for what is on disk. */
export async function readStateFile<S extends z.ZodType>(
  file: string,
  schema: S,
  options: ReadStateFileOptions = {},
): Promise<StateFileRead<z.output<S>>> {
  let text: string;
  try {
    const { limit } = options;
    if (limit && (await stat(file)).size > limit.bytes) return { kind: 'invalid', problem: limit.problem };
    text = await readFile(file, 'utf8');
  } catch (err) {
    return describeReadError(err);
  }
  return parseState(text, schema);
}

/** {@link readStateFile}, synchronously (for a small file read once, before a first listing). */
export function readStateFileSync<S extends z.ZodType>(
  file: string,
  schema: S,
  options: ReadStateFileOptions = {},
): StateFileRead<z.output<S>> {
  let text: string;
  try {
    const { limit } = options;
    if (limit && statSync(file).size > limit.bytes) return { kind: 'invalid', problem: limit.problem };
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return describeReadError(err);
  }
  return parseState(text, schema);
}

function describeReadError(err: unknown): { kind: 'missing' } | { kind: 'unreadable'; problem: string; code: string | undefined } {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { kind: 'missing' };
  return { kind: 'unreadable', problem: err instanceof Error ? err.message : String(err), code };
}

function parseState<S extends z.ZodType>(
  text: string,
  schema: S,
): { kind: 'invalid'; problem: string } | { kind: 'valid'; data: z.output<S> } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', problem: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', problem: `${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'wrong shape'}` };
  }
  return { kind: 'valid', data: parsed.data };
}
