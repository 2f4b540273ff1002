import { LEXICON } from './lexicon.js';

/**
 * Tokens → the words the rules read: abbreviations expanded (`nm` → name, `disch` → discharge),
 * numbers dropped (`address_line_1`), and neighbours joined when together they form one
 * vocabulary word (`check`+`in` → checkin, `zip`+`code` → zipcode, `e`+`mail` → email).
 */
export function normalizeWords(tokens: readonly string[]): string[] {
  const lexicon = LEXICON;
  const expanded: string[] = [];
  for (const token of tokens) {
    if (/^\d+$/.test(token)) continue;
    const long = lexicon.abbreviations.get(token);
    if (long) expanded.push(...long);
    else expanded.push(token);
  }
  const words: string[] = [];
  for (let i = 0; i < expanded.length; i++) {
    const word = expanded[i] as string;
    const next = expanded[i + 1];
    if (next !== undefined && lexicon.compounds.has(word + next)) {
      words.push(word + next);
      i++;
    } else {
      words.push(word);
    }
  }
  return words;
}
