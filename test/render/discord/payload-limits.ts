import type { DiscordPayload } from '../../../src/render/discord/discord-payload.ts';
import { embedLength } from '../../../src/render/discord/discord-payload.ts';

/** Every way a payload breaks Discord's limits or Pilcrow's rules (empty when it is fine). */
export function payloadViolations(payload: DiscordPayload): string[] {
  const v: string[] = [];
  if (!payload.allowedMentions || payload.allowedMentions.parse.length !== 0) v.push('mentions not disabled');
  if ((payload.content ?? '').length > 2000) v.push('content > 2000');
  if (payload.embeds.length > 10) v.push('> 10 embeds');
  let total = 0;
  for (const e of payload.embeds) {
    if ((e.title ?? '').length > 256) v.push('title > 256');
    if ((e.description ?? '').length > 4096) v.push('description > 4096');
    if ((e.fields ?? []).length > 25) v.push('> 25 fields');
    for (const f of e.fields ?? []) {
      if (f.name.length > 256 || f.name.length === 0) v.push(`field name ${f.name.length}`);
      if (f.value.length > 1024 || f.value.length === 0) v.push(`field value ${f.value.length}`);
    }
    if ((e.footer?.text ?? '').length > 2048) v.push('footer > 2048');
    total += embedLength(e);
  }
  if (total > 6000) v.push(`embed total ${total} > 6000`);
  if (payload.components.length > 5) v.push('> 5 rows');
  const ids = new Set<string>();
  for (const row of payload.components) {
    if (row.components.length > 5) v.push('> 5 buttons in a row');
    for (const b of row.components) {
      if ('custom_id' in b) {
        if (b.custom_id.length > 100) v.push(`custom id ${b.custom_id.length}`);
        if (ids.has(b.custom_id)) v.push(`duplicate custom id ${b.custom_id}`);
        ids.add(b.custom_id);
      }
      if ((b.label ?? '').length > 80) v.push('label > 80');
    }
  }
  return v;
}

/** All text a member would read in a payload. */
export function payloadText(payload: DiscordPayload): string {
  return [
    payload.content ?? '',
    ...payload.embeds.flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join('\n');
}
