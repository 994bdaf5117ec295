/**
 * Versioned migrations: the numbered SQL files of `migrations/` (`001-name.sql`, …), each applied
 * once, in order, in a transaction of its own, recorded in `schema_migrations`. Several hosts
 * starting at once take turns under an advisory lock, so each file runs once.
 * (A runner of our own rather than node-pg-migrate: it is 60 lines, and node-pg-migrate 9 requires
 * Node ≥ 20.11, a floor "Node 20" does not promise.)
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Arbitrary, fixed: the advisory lock key migrations are applied under. */
const LOCK_KEY = 0x70696c63; // "pilc"

const FILE = /^(\d{3})-[\w-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations of a folder, in order of version; two files with one version is a bug. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => FILE.test(name)).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const version = Number(FILE.exec(name)![1]);
    if (migrations.some((m) => m.version === version)) throw new Error(`two migrations numbered ${version}: ${name}`);
    migrations.push({ version, name, sql: await readFile(`${dir}${dir.endsWith('/') ? '' : '/'}${name}`, 'utf8') });
  }
  return migrations;
}

/** Applies the migrations not yet applied; returns the names of those it applied. */
export async function migrate(pool: Pool, migrations?: readonly Migration[]): Promise<string[]> {
  const wanted = migrations ?? (await readMigrations());
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const applied: string[] = [];
      for (const migration of wanted) {
        if (done.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${migration.name} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
