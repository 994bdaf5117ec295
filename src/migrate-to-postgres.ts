/**
 * `npm run migrate-to-postgres`: copies a file install (DATA_DIR's server folders, CACHE_DIR's
 * outboxes) into the database of DATABASE_URL, then prints what it copied. Run it once, with the
 * bot stopped, before starting the hosts with DATABASE_URL; running it again copies nothing twice.
 */
import 'dotenv/config';
import { readConfig } from './config.ts';
import { migrateFilesToPostgres } from './migrate-files.ts';
import { describeDatabase, openDatabase } from './store/pg/open-database.ts';

async function main(): Promise<number> {
  const config = readConfig(process.env);
  if ('error' in config) {
    process.stderr.write(`migrate-to-postgres: ${config.error}\n`);
    return 1;
  }
  if (!config.databaseUrl) {
    process.stderr.write('migrate-to-postgres: set DATABASE_URL to the PostgreSQL database to copy into.\n');
    return 1;
  }
  const db = await openDatabase(config.databaseUrl);
  if ('error' in db) {
    process.stderr.write(`migrate-to-postgres: ${db.error}\n`);
    return 1;
  }
  try {
    const report = await migrateFilesToPostgres({ pool: db.pool, dataDir: config.dataDir, cacheDir: config.cacheDir });
    process.stdout.write(
      `Copied ${config.dataDir} and ${config.cacheDir} into ${describeDatabase(config.databaseUrl)}: ${report.servers} servers, ` +
        `${report.articles} articles, ${report.feeds} feeds, ${report.schedules} schedules, ${report.watches} watches, ${report.queued} queued announcements, ` +
        `${report.announced} announced keys.\n`,
    );
    for (const line of report.skipped) process.stdout.write(`  not copied: ${line}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`migrate-to-postgres: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
