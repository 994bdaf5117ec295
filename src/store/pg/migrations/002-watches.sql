-- A server's watches (/watch, issue 22): the watches.json object ({version, watches}), validated when read.
CREATE TABLE watches (
  guild_id text PRIMARY KEY,
  watches jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
