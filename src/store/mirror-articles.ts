/**
 * The local copy of the servers' articles a host owns: before the corpus loads, each owned
 * server's folder `DATA_DIR/guilds/<id>/` is made to match the database (missing or changed files
 * written, article files the database no longer has removed), so a host that takes over a server
 * (a lost host, a reshard) or starts on a fresh machine serves its articles. Caches are then
 * rebuilt from these files as from any.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/write-file-atomically.ts';
import { listGuildFolders, scopeFolder } from '../model/guilds-folder.ts';
import type { ArticleRecords } from './article-records.ts';

/** Article files by extension, as the loader reads them. */
const ARTICLE_FILE = /\.(?:md|markdown|txt|html?)$/i;

export interface MirrorReport {
  guilds: number;
  written: number;
  removed: number;
}

export async function mirrorServerArticles(
  records: ArticleRecords,
  dataDir: string,
  ownsGuild: (guildId: string) => boolean,
): Promise<MirrorReport> {
  const report: MirrorReport = { guilds: 0, written: 0, removed: 0 };
  const recorded = await records.guilds();
  const owned = new Set(recorded.filter(ownsGuild));
  const local = (await listGuildFolders(dataDir).catch(() => [] as string[])).filter(ownsGuild);
  // A database with no article at all beside a folder of server articles is a file install not moved yet: nothing is removed.
  if (recorded.length === 0) {
    for (const guildId of local)
      if ((await readdir(scopeFolder(dataDir, guildId)).catch(() => [] as string[])).some((name) => ARTICLE_FILE.test(name)))
        throw new Error(
          `DATA_DIR has server articles (${scopeFolder(dataDir, guildId)}) and the database none: copy them with npm run migrate-to-postgres first (nothing was removed)`,
        );
  }
  // Servers with a local folder but no article left in the database lose their copies too.
  for (const guildId of local) owned.add(guildId);
  for (const guildId of owned) {
    report.guilds += 1;
    const folder = scopeFolder(dataDir, guildId);
    const wanted = new Map((await records.list(guildId)).map((article) => [article.name, article.body]));
    for (const [name, body] of wanted) {
      const current = await readFile(join(folder, name), 'utf8').catch(() => null);
      if (current === body) continue;
      await writeFileAtomically(join(folder, name), body);
      report.written += 1;
    }
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      if (!ARTICLE_FILE.test(name) || wanted.has(name)) continue;
      await rm(join(folder, name), { force: true });
      report.removed += 1;
    }
  }
  return report;
}
