/**
 * Memoises a pure function of one string. Column names repeat across tables (`id`, `created_at`,
 * `user_id`, `notes`), so classifying a large schema tokenises far fewer distinct names than
 * columns. The cache is bounded so a long-lived process cannot grow it without limit.
 */
export function memoizeString<T>(fn: (input: string) => T, limit = 50_000): (input: string) => T {
  const cache = new Map<string, T>();
  return (input) => {
    const hit = cache.get(input);
    if (hit !== undefined) return hit;
    const value = fn(input);
    if (cache.size >= limit) cache.clear();
    cache.set(input, value);
    return value;
  };
}
