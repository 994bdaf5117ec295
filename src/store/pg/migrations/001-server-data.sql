-- Everything that belongs to a server and cannot be recomputed (issue 19). Caches stay local.

-- A server's feed subscriptions: the record is the feeds.json entry (validated when read);
-- the lease says which process checks the feed now, until when.
CREATE TABLE feeds (
  guild_id text NOT NULL,
  feed_id text NOT NULL,
  record jsonb NOT NULL,
  lease_owner text,
  lease_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (guild_id, feed_id)
);

-- A server's daily round-up (the digest.json object); last_slot is the slot last posted, the
-- claim who is posting which slot now.
CREATE TABLE digest_schedules (
  guild_id text PRIMARY KEY,
  schedule jsonb NOT NULL,
  last_slot timestamptz,
  claimed_slot timestamptz,
  claimed_by text,
  claim_until timestamptz
);

-- The announcement outbox: what waits to be posted (key = server + article), and a claim while a
-- process posts it.
CREATE TABLE announcement_queue (
  key text PRIMARY KEY,
  guild_id text,
  item jsonb NOT NULL,
  claimed_by text,
  claim_until timestamptz
);

-- Every announcement made (server + article): never posted again. Pruned by age.
CREATE TABLE announced (
  key text PRIMARY KEY,
  guild_id text,
  announced_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX announced_by_age ON announced (announced_at);

-- Articles added to a server: the Markdown file as written in file mode. article_id (the file
-- name without its extension) is unique across servers, as file names are across the data folder.
CREATE TABLE articles (
  guild_id text NOT NULL,
  name text NOT NULL,
  article_id text NOT NULL UNIQUE,
  body text NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (guild_id, name)
);

-- The keys an article is a duplicate by within its server (canonical URL, the address fetched,
-- feed + item id, content hash): unique per server, so two hosts never store one story twice.
CREATE TABLE article_keys (
  guild_id text NOT NULL,
  key text NOT NULL,
  article_id text NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
  PRIMARY KEY (guild_id, key)
);
