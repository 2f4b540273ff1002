import { ALPHANUMERIC_WINDOW, LEXICON, lemmatize } from './lexicon.js';
import type { Lexicon } from './lexicon.js';
import { memoizeString } from './memo.js';

const MIN_SEGMENTABLE = 5;
const MAX_SEGMENTABLE = 40;

/**
 * Split an identifier into lower-case word tokens, singularised:
 * `dateOfBirth` → date, of, birth; `ICD10_CODE` → icd, 10, code; `firstname` → first, name;
 * `Diagnoses` → diagnosis. Words the vocabulary knows are never split (`passport` stays whole).
 */
export function tokenize(identifier: string): string[] {
  return tokenizeCached(identifier).slice();
}

const tokenizeCached = memoizeString((identifier: string): readonly string[] => {
  const lexicon = LEXICON;
  const tokens: string[] = [];
  for (const piece of splitIdentifier(identifier)) {
    if (/^\d+$/.test(piece) || lexicon.alphanumeric.has(piece)) {
      tokens.push(piece);
      continue;
    }
    const lemma = lemmatize(piece, lexicon.known, lexicon.irregular);
    if (lexicon.known.has(piece) || lexicon.known.has(lemma)) {
      tokens.push(lemma);
      continue;
    }
    const segments = segment(piece) ?? (lemma !== piece ? segment(lemma) : undefined);
    if (segments) tokens.push(...segments);
    else tokens.push(lemma);
  }
  return tokens;
});

/**
 * Split on separators, camelCase and letter/digit boundaries, lower-case, then glue back
 * pieces that form a known alphanumeric term (`hb`,`a`,`1`,`c` → `hba1c`).
 */
export function splitIdentifier(identifier: string): string[] {
  return splitCached(identifier).slice();
}

const splitCached = memoizeString((identifier: string): readonly string[] => {
  const lexicon = LEXICON;
  const spaced = identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
  const pieces = spaced
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p.length > 0)
    .map((p) => p.toLowerCase());

  const merged: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    let taken = 1;
    for (let width = Math.min(ALPHANUMERIC_WINDOW, pieces.length - i); width >= 2; width--) {
      const joined = pieces.slice(i, i + width).join('');
      if (/\d/.test(joined) && lexicon.alphanumeric.has(joined)) {
        taken = width;
        break;
      }
    }
    merged.push(taken === 1 ? (pieces[i] as string) : pieces.slice(i, i + taken).join(''));
    i += taken;
  }
  return merged;
});

/**
 * Dynamic-programming segmentation of a run-together word (`dischtime`, `reasondescription`)
 * into known words of at least two letters. Fewest pieces wins; ties go to the longest first
 * piece (`modelname` is model+name, not mode+lname). At most one piece may have two letters
 * (`dateofbirth` = date+of+birth), so short words cannot shred an unknown word (`abdomen` is
 * not ab+do+men). Returns undefined when no full segmentation exists.
 */
export function segment(word: string): string[] | undefined {
  const lexicon = LEXICON;
  const n = word.length;
  if (n < MIN_SEGMENTABLE || n > MAX_SEGMENTABLE) return undefined;
  const INF = Number.POSITIVE_INFINITY;
  // best[k][i]: fewest pieces for word[i..] using at most k two-letter pieces; next[k][i]: end of the first piece.
  const best = [new Array<number>(n + 1).fill(INF), new Array<number>(n + 1).fill(INF)] as const;
  const next = [new Array<number>(n + 1).fill(-1), new Array<number>(n + 1).fill(-1)] as const;
  best[0][n] = 0;
  best[1][n] = 0;
  for (let i = n - 2; i >= 0; i--) {
    for (let end = n; end >= i + 2; end--) {
      const piece = word.slice(i, end);
      if (!isKnownPiece(piece, lexicon)) continue;
      const short = piece.length === 2 ? 1 : 0;
      for (let k = short; k <= 1; k++) {
        const rest = best[(k - short) as 0 | 1][end] as number;
        if (rest + 1 < (best[k as 0 | 1][i] as number)) {
          best[k as 0 | 1][i] = rest + 1;
          next[k as 0 | 1][i] = end;
        }
      }
    }
  }
  if (best[1][0] === INF) return undefined;
  const pieces: string[] = [];
  let k: 0 | 1 = 1;
  for (let i = 0; i < n; ) {
    const end = next[k][i] as number;
    const piece = word.slice(i, end);
    if (piece.length === 2) k = 0;
    pieces.push(piece);
    i = end;
  }
  if (pieces.length < 2) return undefined;
  return pieces.map((p) => lemmatize(p, lexicon.known, lexicon.irregular));
}

function isKnownPiece(piece: string, lexicon: Lexicon): boolean {
  return lexicon.known.has(piece) || lexicon.known.has(lemmatize(piece, lexicon.known, lexicon.irregular));
}
