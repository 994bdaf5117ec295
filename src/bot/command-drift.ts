/**
 * Whether the commands Discord has registered are the ones this code would deploy. Discord adds
 * fields of its own (ids, versions, defaults such as `nsfw`), so both sides are reduced to what a
 * member sees and uses: names, descriptions, option names, types, whether required, autocomplete,
 * choices, limits and channel types, nested subcommands included.
 */

type Json = Record<string, unknown>;

const KEPT = ['name', 'description', 'type', 'required', 'autocomplete', 'min_value', 'max_value', 'min_length', 'max_length'];

function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v = value as Json;
  const out: Json = {};
  for (const key of KEPT) if (v[key] !== undefined && v[key] !== false) out[key] = v[key];
  if (Array.isArray(v.choices) && v.choices.length > 0) out.choices = (v.choices as Json[]).map((c) => [c.name, c.value]);
  if (Array.isArray(v.channel_types) && v.channel_types.length > 0) out.channel_types = [...(v.channel_types as number[])].sort();
  if (Array.isArray(v.options) && v.options.length > 0) out.options = (v.options as unknown[]).map(shape);
  return out;
}

/** The commands that differ: missing on Discord, left over on Discord, or changed. Empty when they agree. */
export function findCommandDrift(deployed: readonly unknown[], wanted: readonly unknown[]): string[] {
  const byName = (list: readonly unknown[]) => new Map(list.map((c) => [String((c as Json).name), JSON.stringify(shape(c))] as const));
  const have = byName(deployed);
  const want = byName(wanted);
  const drift: string[] = [];
  for (const [name, json] of want) {
    if (!have.has(name)) drift.push(`/${name} is not deployed`);
    else if (have.get(name) !== json) drift.push(`/${name} differs from this code's`);
  }
  for (const name of have.keys()) if (!want.has(name)) drift.push(`/${name} is deployed but not in this code`);
  return drift;
}
