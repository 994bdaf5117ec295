import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Docker cannot build here, so the rules that make the shipped image safe are checked on the
 * files themselves: no secret or host folder in the build context, production dependencies
 * only, a non-root user that can write its volumes.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The Dockerfile's instructions (continuation lines joined, comments dropped), split by stage. */
function stages(): Array<Array<{ op: string; args: string }>> {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const result: Array<Array<{ op: string; args: string }>> = [];
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === 'FROM') result.push([]);
    result.at(-1)?.push({ op: op.toUpperCase(), args: rest.join(' ') });
  }
  return result;
}

/** Whether .dockerignore leaves `name` out of the build context (its patterns in order, `!` re-includes). */
function ignored(name: string): boolean {
  let out = false;
  for (const raw of read('.dockerignore').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = negated ? line.slice(1) : line;
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/.*)?$`);
    if (re.test(name)) out = !negated;
  }
  return out;
}

describe('the build context', () => {
  it.each(['.env', '.env.production', 'node_modules', 'node_modules/tsx/package.json', '.cache', '.cache/vectors.bin', '.git', 'test'])(
    'GIVEN %s THEN .dockerignore keeps it out of the image',
    (name) => expect(ignored(name)).toBe(true),
  );

  it.each(['src/main.ts', 'commands/quote.ts', 'package.json', 'package-lock.json', 'data'])(
    'GIVEN %s THEN it is sent to the build',
    (name) => expect(ignored(name)).toBe(false),
  );
});

describe('the Dockerfile', () => {
  const all = stages();
  const final = all.at(-1)!;

  it('GIVEN its stages THEN dependencies are installed from the lockfile without dev dependencies, in a stage of their own', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.flat().some((i) => i.op === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args))).toBe(true);
    expect(final.some((i) => i.op === 'COPY' && i.args.includes('--from='))).toBe(true);
  });

  it('GIVEN the final stage THEN it never copies the whole context, and every path it copies exists', () => {
    for (const { op, args } of final.filter((i) => i.op === 'COPY' && !i.args.includes('--from='))) {
      const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const sources = parts.slice(0, -1);
      expect(sources, `${op} ${args}`).not.toContain('.');
      for (const source of sources) expect(existsSync(path.join(root, source)), source).toBe(true);
    }
  });

  it('GIVEN the final stage THEN it runs as a non-root user who owns every volume', () => {
    const users = final.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!;
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const userAt = final.findIndex((i) => i.op === 'USER' && i.args === user);
    expect(final.slice(userAt).some((i) => i.op === 'RUN')).toBe(false);
    const volumes = final.filter((i) => i.op === 'VOLUME').flatMap((i) => JSON.parse(i.args) as string[]);
    expect(volumes.length).toBeGreaterThan(0);
    // Owned by the user: `RUN … chown user[:group] /a /b` or `COPY --chown=user[:group] … /dest`.
    const owned = final.flatMap(({ op, args }) => {
      if (op === 'COPY') return new RegExp(`--chown=${user}(:|\\s)`).test(args) ? [args.split(/\s+/).at(-1)!] : [];
      return [...args.matchAll(/chown\s+(\S+?)(?::\S+)?\s+((?:\/\S+\s*)+)/g)].flatMap((m) =>
        m[1] === user ? m[2]!.trim().split(/\s+/) : [],
      );
    });
    for (const volume of volumes) expect(owned, volume).toContain(volume);
  });

  it('GIVEN the environment it sets THEN articles and state live on the volumes', () => {
    const env = final
      .filter((i) => i.op === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toContain('DATA_DIR=/data');
    expect(env).toContain('CACHE_DIR=/state');
    expect(final.some((i) => i.op === 'CMD' && i.args.includes('src/main.ts'))).toBe(true);
  });

  it('GIVEN the final stage THEN the code is built into the image after it is copied, and the command starts that build', () => {
    const buildAt = final.findIndex((i) => i.op === 'RUN' && /node bin\/pilcrow\.mjs --build/.test(i.args));
    expect(buildAt).toBeGreaterThan(-1);
    const copied = final.slice(0, buildAt).filter((i) => i.op === 'COPY' && !i.args.includes('--from='));
    for (const folder of ['bin', 'src', 'commands']) expect(copied.some((i) => i.args.startsWith(`${folder} `))).toBe(true);
    expect(copied.length).toBeGreaterThan(0);
    expect(final.slice(0, buildAt).some((i) => i.op === 'COPY' && i.args.includes('--from=') && i.args.includes('node_modules'))).toBe(
      true,
    );
    expect(final.find((i) => i.op === 'CMD')?.args).toBe('["node", "bin/pilcrow.mjs", "src/main.ts"]');
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, any> };

  it('GIVEN the several-hosts setup THEN the bot waits for a healthy PostgreSQL and reads its secrets from .env, never inline', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:15/);
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    const bot = compose.services.bot;
    expect(bot.depends_on.postgres.condition).toBe('service_healthy');
    expect(bot.env_file).toBe('.env');
    expect(bot.environment.DATABASE_URL).toMatch(/^postgres:\/\/\S+@postgres:5432\//);
    expect(Object.keys(bot.environment)).not.toContain('DISCORD_TOKEN');
  });
});
