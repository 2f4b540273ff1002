import {
  ABBREVIATIONS,
  ALPHANUMERIC_TERMS,
  CLINICAL_SUFFIXES,
  GENERAL_WORDS,
  IRREGULAR_PLURALS,
  ROLE_WORDS,
  TABLE_WORDS,
  TERM_GROUPS,
} from './vocabulary.js';
import type { TermGroup } from './vocabulary.js';

/**
 * Lookups built once from the vocabulary. Everything the classifier asks per token is a
 * Set or Map lookup, so classifying a column costs time linear in its number of tokens
 * (segmentation of one run-together token is quadratic in its length, which is bounded).
 */

export interface TermMatch {
  /** The phrase as stored: lemmatised words joined by spaces. */
  readonly phrase: string;
  readonly group: TermGroup;
}

export type RoleName = keyof typeof ROLE_WORDS;
export type TableRole = keyof typeof TABLE_WORDS;

export interface Lexicon {
  /** Lemmatised phrase → the term group it belongs to. The first declaration of a phrase wins. */
  readonly terms: ReadonlyMap<string, TermMatch>;
  readonly maxPhraseWords: number;
  /** Every word the vocabulary knows: segmentation pieces, plural stems, known tails. */
  readonly known: ReadonlySet<string>;
  /** Words that may be joined with their neighbour (`check`+`in` → `checkin`, `zip`+`code` → `zipcode`). */
  readonly compounds: ReadonlySet<string>;
  readonly roles: { readonly [K in RoleName]: ReadonlySet<string> };
  readonly tables: { readonly [K in TableRole]: ReadonlySet<string> };
  readonly abbreviations: ReadonlyMap<string, readonly string[]>;
  readonly irregular: ReadonlyMap<string, string>;
  readonly alphanumeric: ReadonlySet<string>;
  readonly suffixes: readonly { readonly suffix: string; readonly except: ReadonlySet<string> }[];
}

const MAX_ALPHANUMERIC_PIECES = 4;
export const ALPHANUMERIC_WINDOW = MAX_ALPHANUMERIC_PIECES;

function buildLexicon(): Lexicon {
  const rawWords = new Set<string>();
  const addWords = (text: string): void => {
    for (const word of text.split(' ')) if (word) rawWords.add(word);
  };
  for (const group of TERM_GROUPS) for (const term of group.terms) addWords(term);
  for (const list of Object.values(ROLE_WORDS)) for (const entry of list) addWords(entry);
  for (const list of Object.values(TABLE_WORDS)) for (const entry of list) addWords(entry);
  for (const word of GENERAL_WORDS) addWords(word);
  for (const [short, long] of Object.entries(ABBREVIATIONS)) {
    addWords(short);
    addWords(long);
  }
  for (const [plural, singular] of Object.entries(IRREGULAR_PLURALS)) {
    addWords(plural);
    addWords(singular);
  }
  for (const term of ALPHANUMERIC_TERMS) rawWords.add(term);

  const irregular = new Map(Object.entries(IRREGULAR_PLURALS));
  const known: ReadonlySet<string> = rawWords;
  const abbreviations = new Map<string, readonly string[]>();
  for (const [short, long] of Object.entries(ABBREVIATIONS)) {
    abbreviations.set(short, long.split(' ').map((w) => lemmatize(w, known, irregular)));
  }
  // Vocabulary phrases get the same normalisation as column names, so `fl nm` and `fl_nm` meet.
  const normalisePhrase = (text: string): string =>
    text
      .split(' ')
      .filter((w) => w.length > 0)
      .flatMap((w) => {
        const lemma = lemmatize(w, known, irregular);
        return abbreviations.get(lemma) ?? abbreviations.get(w) ?? [lemma];
      })
      .join(' ');

  const terms = new Map<string, TermMatch>();
  const compounds = new Set<string>();
  let maxPhraseWords = 1;
  for (const group of TERM_GROUPS) {
    for (const term of group.terms) {
      const phrase = normalisePhrase(term);
      if (!terms.has(phrase)) terms.set(phrase, { phrase, group });
      const words = phrase.split(' ').length;
      if (words > maxPhraseWords) maxPhraseWords = words;
      if (words === 1) compounds.add(phrase);
    }
  }
  for (const entry of TABLE_WORDS.health) if (!entry.includes(' ')) compounds.add(entry);
  for (const entry of TABLE_WORDS.communication) if (!entry.includes(' ')) compounds.add(entry);

  const toSet = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(normalisePhrase));
  const roles = Object.fromEntries(
    Object.entries(ROLE_WORDS).map(([name, list]) => [name, toSet(list)]),
  ) as { [K in RoleName]: ReadonlySet<string> };
  const tables = Object.fromEntries(
    Object.entries(TABLE_WORDS).map(([name, list]) => [name, toSet(list)]),
  ) as { [K in TableRole]: ReadonlySet<string> };

  return {
    terms,
    maxPhraseWords,
    known,
    compounds,
    roles,
    tables,
    abbreviations,
    irregular,
    alphanumeric: new Set(ALPHANUMERIC_TERMS),
    suffixes: CLINICAL_SUFFIXES.map((s) => ({ suffix: s.suffix, except: new Set(s.except) })),
  };
}

/**
 * Plural → singular with rules, not a hand-made map: `-ies`→`-y`, `-ses`→`-sis` (diagnoses,
 * metastases), `-es`, `-s`. A candidate the vocabulary knows is preferred, so `addresses`
 * becomes `address` and `doses` becomes `dose`; an unknown word gets the plain rule.
 */
export function lemmatize(word: string, known: ReadonlySet<string>, irregular: ReadonlyMap<string, string>): string {
  const listed = irregular.get(word);
  if (listed !== undefined) return listed;
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;

  const candidates: string[] = [];
  if (word.endsWith('ies') && word.length > 4) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ses')) candidates.push(`${word.slice(0, -2)}is`);
  candidates.push(word.slice(0, -1));
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  for (const candidate of candidates) if (known.has(candidate)) return candidate;

  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

export const LEXICON: Lexicon = buildLexicon();
