/**
 * Discord's message limits, in one frozen object. Renderers stay within them; tests check
 * every payload against them.
 */
export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** All text of all embeds of one message together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
});

/** How much of the limits Pilcrow's own layouts use (headroom for titles, footers, fields). */
export const LAYOUT = Object.freeze({
  /** Budget of an embed description that holds a page of items. */
  pageDescription: 3500,
  /** A paragraph snippet in /related results, in characters before escaping. */
  snippet: 280,
});
