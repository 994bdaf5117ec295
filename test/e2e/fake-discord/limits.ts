/** Discord's documented limits for message payloads. */
export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
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
  over('title', embed?.title, DISCORD_LIMITS.embedTitle);
  over('description', embed?.description, DISCORD_LIMITS.embedDescription);
  over('footer.text', embed?.footer?.text, DISCORD_LIMITS.footerText);
  over('author.name', embed?.author?.name, DISCORD_LIMITS.authorName);
  const fields: any[] = Array.isArray(embed?.fields) ? embed.fields : [];
  if (fields.length > DISCORD_LIMITS.embedFields) {
    violations.push(`${at} has ${fields.length} fields (max ${DISCORD_LIMITS.embedFields})`);
  }
  let textLength = lengthOf(embed?.title) + lengthOf(embed?.description) + lengthOf(embed?.footer?.text) + lengthOf(embed?.author?.name);
  fields.forEach((field, f) => {
    const name = field?.name;
    const value = field?.value;
    if (lengthOf(name) === 0) violations.push(`${at}.fields[${f}].name is empty`);
    if (lengthOf(value) === 0) violations.push(`${at}.fields[${f}].value is empty`);
    over(`fields[${f}].name`, name, DISCORD_LIMITS.fieldName);
    over(`fields[${f}].value`, value, DISCORD_LIMITS.fieldValue);
    textLength += lengthOf(name) + lengthOf(value);
  });
  return { violations, textLength };
}

/** Violations of the component limits (action rows of buttons). */
function checkComponents(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  const violations: string[] = [];
  if (components.length > DISCORD_LIMITS.actionRows) {
    violations.push(`${components.length} action rows (max ${DISCORD_LIMITS.actionRows})`);
  }
  components.forEach((row: any, r: number) => {
    const children: any[] = Array.isArray(row?.components) ? row.components : [];
    const buttons = children.filter((c) => c?.type === 2);
    if (buttons.length > DISCORD_LIMITS.buttonsPerRow) {
      violations.push(`components[${r}] has ${buttons.length} buttons (max ${DISCORD_LIMITS.buttonsPerRow})`);
    }
    children.forEach((child, c) => {
      const at = `components[${r}].components[${c}]`;
      if (lengthOf(child?.custom_id) > DISCORD_LIMITS.customId) {
        violations.push(`${at}.custom_id is ${lengthOf(child.custom_id)} characters (max ${DISCORD_LIMITS.customId})`);
      }
      if (child?.type === 2 && lengthOf(child?.label) > DISCORD_LIMITS.buttonLabel) {
        violations.push(`${at}.label is ${lengthOf(child.label)} characters (max ${DISCORD_LIMITS.buttonLabel})`);
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
  if (choices.length > DISCORD_LIMITS.autocompleteChoices) {
    violations.push(`${choices.length} autocomplete choices (max ${DISCORD_LIMITS.autocompleteChoices})`);
  }
  choices.forEach((choice: any, i: number) => {
    const name = lengthOf(choice?.name);
    if (name < 1 || name > DISCORD_LIMITS.choiceName) {
      violations.push(`choices[${i}].name is ${name} characters (must be 1..${DISCORD_LIMITS.choiceName})`);
    }
    if (typeof choice?.value === 'string' && choice.value.length > DISCORD_LIMITS.choiceValue) {
      violations.push(`choices[${i}].value is ${choice.value.length} characters (max ${DISCORD_LIMITS.choiceValue})`);
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
  if (lengthOf(body.content) > DISCORD_LIMITS.content) {
    violations.push(`content is ${lengthOf(body.content)} characters (max ${DISCORD_LIMITS.content})`);
  }
  const embeds: any[] = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > DISCORD_LIMITS.embeds) violations.push(`${embeds.length} embeds (max ${DISCORD_LIMITS.embeds})`);
  let total = 0;
  embeds.forEach((embed, i) => {
    const checked = checkEmbed(embed, i);
    violations.push(...checked.violations);
    total += checked.textLength;
  });
  if (total > DISCORD_LIMITS.embedTotal) {
    violations.push(`embeds hold ${total} characters in total (max ${DISCORD_LIMITS.embedTotal})`);
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
