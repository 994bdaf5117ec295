/** A set of the words of a space- or newline-separated list (the form word lists are written in here). */
export const toWordSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter((w) => w.length > 0));
