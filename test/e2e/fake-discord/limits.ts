/**
 * Discord's documented limits for message payloads, grouped by the object Discord's API reference
 * states them on (message, embed, component, autocomplete choice). Written here again on purpose,
 * not imported from src/render/discord/discord-limits.ts: the fake is the independent check of
 * what the renderers send, so a wrong figure in the code under test must not be a wrong figure here.
 */
export const DISCORD_LIMITS = Object.freeze({
  message: { content: 2000, embeds: 10, actionRows: 5 },
  /** `total`: all text of all embeds of one message together. */
  embed: { title: 256, description: 4096, fields: 25, footerText: 2048, authorName: 256, total: 6000 },
  field: { name: 256, value: 1024 },
  actionRow: { buttons: 5 },
  component: { customId: 100, buttonLabel: 80 },
  autocomplete: { choices: 25, choiceName: 100, choiceValue: 100 },
});

/** Length in characters as Discord counts them (UTF-16 code units, like JS). */
function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/** Violations of the embed limits, each prefixed with the embed's position. */
function checkEmbed(embed: any, index: number): { violations: string[]; textLength: number } {
  const violations: string[] = [];
  const at = `embeds[${index}]`;
  const over = (what: string, value: unknown, max: number): void => {
    if (lengthOf(value) > max) violations.push(`${at}.${what} is ${lengthOf(value)} characters (max ${max})`);
  };
  over('title', embed?.title, DISCORD_LIMITS.embed.title);
  over('description', embed?.description, DISCORD_LIMITS.embed.description);
  over('footer.text', embed?.footer?.text, DISCORD_LIMITS.embed.footerText);
  over('author.name', embed?.author?.name, DISCORD_LIMITS.embed.authorName);
  const fields: any[] = Array.isArray(embed?.fields) ? embed.fields : [];
  if (fields.length > DISCORD_LIMITS.embed.fields) {
    violations.push(`${at} has ${fields.length} fields (max ${DISCORD_LIMITS.embed.fields})`);
  }
  let textLength = lengthOf(embed?.title) + lengthOf(embed?.description) + lengthOf(embed?.footer?.text) + lengthOf(embed?.author?.name);
  fields.forEach((field, f) => {
    const name = field?.name;
    const value = field?.value;
    if (lengthOf(name) === 0) violations.push(`${at}.fields[${f}].name is empty`);
    if (lengthOf(value) === 0) violations.push(`${at}.fields[${f}].value is empty`);
    over(`fields[${f}].name`, name, DISCORD_LIMITS.field.name);
    over(`fields[${f}].value`, value, DISCORD_LIMITS.field.value);
    textLength += lengthOf(name) + lengthOf(value);
  });
  return { violations, textLength };
}

/** Violations of the component limits (action rows of buttons). */
function checkComponents(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  const violations: string[] = [];
  if (components.length > DISCORD_LIMITS.message.actionRows) {
    violations.push(`${components.length} action rows (max ${DISCORD_LIMITS.message.actionRows})`);
  }
  components.forEach((row: any, r: number) => {
    const children: any[] = Array.isArray(row?.components) ? row.components : [];
    const buttons = children.filter((c) => c?.type === 2);
    if (buttons.length > DISCORD_LIMITS.actionRow.buttons) {
      violations.push(`components[${r}] has ${buttons.length} buttons (max ${DISCORD_LIMITS.actionRow.buttons})`);
    }
    children.forEach((child, c) => {
      const at = `components[${r}].components[${c}]`;
      if (lengthOf(child?.custom_id) > DISCORD_LIMITS.component.customId) {
        violations.push(`${at}.custom_id is ${lengthOf(child.custom_id)} characters (max ${DISCORD_LIMITS.component.customId})`);
      }
      if (child?.type === 2 && lengthOf(child?.label) > DISCORD_LIMITS.component.buttonLabel) {
        violations.push(`${at}.label is ${lengthOf(child.label)} characters (max ${DISCORD_LIMITS.component.buttonLabel})`);
      }
      if (child?.type === 2 && child?.style !== 5 && child?.style !== 6 && lengthOf(child?.custom_id) === 0) {
        violations.push(`${at} is a button without custom_id`);
      }
    });
  });
  return violations;
}

/** Violations of an autocomplete result (`{choices}`). */
function checkChoices(choices: unknown): string[] {
  if (!Array.isArray(choices)) return [];
  const violations: string[] = [];
  if (choices.length > DISCORD_LIMITS.autocomplete.choices) {
    violations.push(`${choices.length} autocomplete choices (max ${DISCORD_LIMITS.autocomplete.choices})`);
  }
  choices.forEach((choice: any, i: number) => {
    const name = lengthOf(choice?.name);
    if (name < 1 || name > DISCORD_LIMITS.autocomplete.choiceName) {
      violations.push(`choices[${i}].name is ${name} characters (must be 1..${DISCORD_LIMITS.autocomplete.choiceName})`);
    }
    if (typeof choice?.value === 'string' && choice.value.length > DISCORD_LIMITS.autocomplete.choiceValue) {
      violations.push(`choices[${i}].value is ${choice.value.length} characters (max ${DISCORD_LIMITS.autocomplete.choiceValue})`);
    }
  });
  return violations;
}

/**
 * Lists the ways a message body (or interaction callback `data`, or autocomplete `{choices}`)
 * breaks Discord's hard limits — what real Discord would reject with 50035 Invalid Form Body.
 * Does not include the project's allowed_mentions rule; see {@link checkMessage}.
 */
export function checkDiscordLimits(body: any): string[] {
  if (body === null || typeof body !== 'object') return [];
  const violations: string[] = [];
  if (lengthOf(body.content) > DISCORD_LIMITS.message.content) {
    violations.push(`content is ${lengthOf(body.content)} characters (max ${DISCORD_LIMITS.message.content})`);
  }
  const embeds: any[] = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > DISCORD_LIMITS.message.embeds) violations.push(`${embeds.length} embeds (max ${DISCORD_LIMITS.message.embeds})`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const checked = checkEmbed(embed, i);
    violations.push(...checked.violations);
    total += checked.textLength;
  });
  if (total > DISCORD_LIMITS.embed.total) {
    violations.push(`embeds hold ${total} characters in total (max ${DISCORD_LIMITS.embed.total})`);
  }
  violations.push(...checkComponents(body.components), ...checkChoices(body.choices));
  return violations;
}

/**
 * Lists every violation of Discord's limits in an outgoing message body, plus the project
 * rule that a message (anything with content, embeds or components) carries
 * `allowed_mentions` with an empty (or absent) `parse` list. An autocomplete result `{choices}` is
 * checked for choice limits only. An empty list means the body is fine.
 */
export function checkMessage(body: any): string[] {
  const violations = checkDiscordLimits(body);
  if (body === null || typeof body !== 'object') return ['body is not an object'];
  const isMessage = 'content' in body || 'embeds' in body || 'components' in body;
  if (isMessage) {
    const parse = body.allowed_mentions?.parse;
    if (body.allowed_mentions === undefined) violations.push('allowed_mentions is missing');
    else if (parse !== undefined && (!Array.isArray(parse) || parse.length > 0)) {
      violations.push('allowed_mentions.parse is not empty');
    }
  }
  return violations;
}
