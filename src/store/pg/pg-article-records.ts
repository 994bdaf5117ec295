/** Server articles in PostgreSQL (tables `articles` and `article_keys`, unique per server). */
import type { Pool } from 'pg';
import { toArticleId } from '../../ingest/article-id.ts';
import type { ArticleRecord, ArticleRecords } from '../article-records.ts';
import { inTransaction } from './transaction.ts';

interface Row {
  guild_id: string;
  name: string;
  body: string;
  added_at: Date;
  keys: string[] | null;
}

const SELECT = `SELECT a.guild_id, a.name, a.body, a.added_at,
  (SELECT array_agg(k.key ORDER BY k.key) FROM article_keys k WHERE k.article_id = a.article_id) AS keys
  FROM articles a`;

function toRecord(row: Row): ArticleRecord {
  return { guildId: row.guild_id, name: row.name, body: row.body, addedAt: row.added_at.toISOString(), keys: row.keys ?? [] };
}

/** A violation of a unique constraint (another host stored the same story or name first). */
function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}

export function pgArticleRecords(pool: Pool): ArticleRecords {
  const existing = async (guildId: string, keys: readonly string[]): Promise<ArticleRecord | null> => {
    if (keys.length === 0) return null;
    const { rows } = await pool.query<Row>(
      `${SELECT} WHERE a.article_id = (SELECT article_id FROM article_keys WHERE guild_id = $1 AND key = ANY($2) LIMIT 1)`,
      [guildId, keys],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  };
  return {
    async add(article) {
      const keys = [...new Set(article.keys)];
      const before = await existing(article.guildId, keys);
      if (before) return { kind: 'existing', article: before };
      try {
        await inTransaction(pool, async (client) => {
          await client.query('INSERT INTO articles (guild_id, name, article_id, body, added_at) VALUES ($1, $2, $3, $4, $5)', [
            article.guildId,
            article.name,
            toArticleId(article.name),
            article.body,
            article.addedAt,
          ]);
          for (const key of keys)
            await client.query('INSERT INTO article_keys (guild_id, key, article_id) VALUES ($1, $2, $3)', [
              article.guildId,
              key,
              toArticleId(article.name),
            ]);
        });
        return { kind: 'stored' };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // Stored by another host meanwhile: the story (a key), else the name.
        const raced = await existing(article.guildId, keys);
        return raced ? { kind: 'existing', article: raced } : { kind: 'name-taken' };
      }
    },
    async remove(guildId, name) {
      const { rowCount } = await pool.query('DELETE FROM articles WHERE guild_id = $1 AND name = $2', [guildId, name]);
      return rowCount === 1;
    },
    async list(guildId) {
      const { rows } = await pool.query<Row>(`${SELECT} WHERE a.guild_id = $1 ORDER BY a.added_at, a.name`, [guildId]);
      return rows.map(toRecord);
    },
    async guilds() {
      return (await pool.query<{ guild_id: string }>('SELECT DISTINCT guild_id FROM articles ORDER BY guild_id')).rows.map(
        (r) => r.guild_id,
      );
    },
  };
}
