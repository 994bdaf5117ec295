/**
 * The PostgreSQL connection (DATABASE_URL) of a process: a small pool, checked and migrated at
 * start, so an unreachable database is one clear line before anything else starts.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import { migrate } from './migrate.ts';

export interface Database {
  pool: Pool;
  /** This process among the hosts sharing the database (host name, pid, a random part): who holds a lease or a claim. */
  owner: string;
  /** Migrations applied by this start (none when the schema was current). */
  applied: string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Told when an idle connection breaks (the database restarted, the network dropped): the pool reconnects on the next query. */
  onError?: (err: Error) => void;
  /** How long a connection attempt may take, in ms; default 5000. */
  connectTimeoutMs?: number;
}

/** Connects, checks the connection and applies pending migrations; an error value (one line, no password) when it cannot. */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<Database | { error: string }> {
  // Imported here: a process without DATABASE_URL never loads the client (a sixth of a second of CPU at every start).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
  pool.on('error', (err) => options.onError?.(err));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    return { error: `cannot reach the database at ${describeDatabase(url)} (DATABASE_URL): ${describeError(err)}` };
  }
  let applied: string[];
  try {
    applied = await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    return { error: `cannot prepare the database at ${describeDatabase(url)}: ${describeError(err)}` };
  }
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  return { pool, owner, applied, close: () => pool.end() };
}

/** host:port/database of a connection URL, never its password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}

function describeError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describeError(err.errors[0]);
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message || String(code);
}
