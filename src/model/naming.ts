/** Words of an identifier: snake_case, kebab-case, camelCase and PascalCase, lower-cased. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when any word (or adjacent pair joined, `check`+`in`) of the identifier is in `words`. */
export function hasAnyWord(identifier: string, words: ReadonlySet<string>): boolean {
  const parts = identifierWords(identifier);
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]!;
    if (words.has(word) || words.has(word.replace(/s$/, ''))) return true;
    const next = parts[i + 1];
    if (next && (words.has(word + next) || words.has(`${word}${next}`.replace(/s$/, '')))) return true;
  }
  return false;
}
