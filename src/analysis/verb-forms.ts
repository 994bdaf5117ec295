/**
 * Every form of English verbs from their base forms: compromise's conjugation ("write" →
 * "writes", "wrote", "writing", "written"), and the regular endings where compromise gives a form
 * no ending ("tweet" → past "tweet": "tweeted"; "quip" → "quipped").
 */
import nlp from 'compromise';

type Conjugation = Record<string, string | undefined>;
const methods = nlp.methods() as { two: { transform: { verb: { conjugate: (verb: string, model: unknown) => Conjugation } } } };
const MODEL = nlp.model();

/** The forms of a verb wanted: the base, the third person, the past, the past participle and (optionally) the "-ing" form. */
export type VerbForm = 'Infinitive' | 'PresentTense' | 'PastTense' | 'Participle' | 'Gerund';

/** The regular forms of a base verb: "-s", "-ed", "-ing" with English spelling rules (reply → replies, replied; quip → quipped). */
function regularForms(base: string): Record<'PresentTense' | 'PastTense' | 'Gerund', string> {
  if (/[^aeiou]y$/u.test(base)) {
    const stem = base.slice(0, -1);
    return { PresentTense: `${stem}ies`, PastTense: `${stem}ied`, Gerund: `${base}ing` };
  }
  if (/e$/u.test(base)) return { PresentTense: `${base}s`, PastTense: `${base}d`, Gerund: `${base.slice(0, -1)}ing` };
  const sibilant = /(?:s|x|z|ch|sh)$/u.test(base);
  // One short syllable ending consonant-vowel-consonant doubles its last letter: quip → quipped, dub → dubbed.
  const doubled = /^(?:qu|[^aeiou])*[aeiou][^aeiouwxy]$/u.test(base) ? base + base.at(-1)! : base;
  return { PresentTense: sibilant ? `${base}es` : `${base}s`, PastTense: `${doubled}ed`, Gerund: `${doubled}ing` };
}

/** British spelling doubles a final "l" after one vowel: "label" → "labelled", "cancel" → "cancelling". */
function britishForms(base: string): string[] {
  return /[^aeiou][aeiou]l$/u.test(base) ? [`${base}led`, `${base}ling`] : [];
}

/** The forms of the base verbs given, all lower case. */
export function verbForms(bases: Iterable<string>, forms: VerbForm[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const base of bases) {
    const conjugated = methods.two.transform.verb.conjugate(base, MODEL);
    const regular = regularForms(base);
    for (const form of forms) {
      const word = form === 'Infinitive' ? base : conjugated[form];
      if (word && word !== base) out.add(word.toLowerCase());
      else if (form === 'Infinitive') out.add(base);
      else if (form !== 'Participle') out.add(regular[form]);
    }
    if (forms.includes('PastTense')) for (const word of britishForms(base)) out.add(word);
  }
  return out;
}
