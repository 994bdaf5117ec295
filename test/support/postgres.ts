/**
 * A PostgreSQL database of its own for a test file: created with a random name on the local
 * server (127.0.0.1:5432, trust auth, or TEST_DATABASE_URL's server) and dropped after. Without a
 * server the tests that need one are skipped with the reason; under CI (CI=true) that is a failure,
 * so CI always runs them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = { url: string; drop(): Promise<void> } | { skip: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pilcrow_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    await admin.end().catch(() => undefined);
    const reason = `no PostgreSQL at ${new URL(ADMIN_URL).host} (${err instanceof Error ? err.message : String(err)})`;
    if (process.env.CI === 'true') throw new Error(`${reason}: under CI the PostgreSQL tests must run`, { cause: err });
    console.warn(`skipping the PostgreSQL tests: ${reason}`);
    return { skip: reason };
  }
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
