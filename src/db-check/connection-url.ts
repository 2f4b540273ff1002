const MASK = '***';

/** Query parameters libpq and node-postgres read secrets from. */
const SECRET_PARAMS = /([?&](?:password|sslpassword|sslkey)=)[^&#]*/gi;

/**
 * The URL with its password replaced by `***`: `postgres://user:***@host:5432/db`.
 * Works on the raw text, so a URL that does not parse (an unencoded `@` or `/` in the
 * password, a keyword/value string) is masked too.
 */
export function maskDatabaseUrl(url: string): string {
  const keywordValue = !/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim());
  if (keywordValue) return url.replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)/gi, `$1${MASK}`);
  const schemeEnd = url.indexOf('://') + 3;
  const query = url.indexOf('?', schemeEnd);
  const beforeQuery = query === -1 ? url : url.slice(0, query);
  const rest = query === -1 ? '' : url.slice(query);
  // NOTE: the userinfo ends at the last '@' before the query: passwords with an unencoded '@'
  // are common, database names with one are not.
  const at = beforeQuery.lastIndexOf('@');
  let masked = beforeQuery;
  if (at > schemeEnd) {
    const userinfo = beforeQuery.slice(schemeEnd, at);
    const colon = userinfo.indexOf(':');
    if (colon !== -1) masked = `${beforeQuery.slice(0, schemeEnd)}${userinfo.slice(0, colon)}:${MASK}${beforeQuery.slice(at)}`;
  }
  return masked + rest.replace(SECRET_PARAMS, `$1${MASK}`);
}

/** Every spelling of the URL's secrets that could appear in an error message. */
export function secretsOf(url: string): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value) return;
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // NOTE: a malformed escape stays as written.
    }
    secrets.add(encodeURIComponent(value));
  };
  const keyword = /\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|\S*)/gi;
  for (const match of url.matchAll(keyword)) add(match[1]!.replace(/^'|'$/g, ''));
  const schemeEnd = url.indexOf('://');
  if (schemeEnd !== -1) {
    const query = url.indexOf('?', schemeEnd + 3);
    const beforeQuery = query === -1 ? url : url.slice(0, query);
    const at = beforeQuery.lastIndexOf('@');
    if (at > schemeEnd + 3) {
      const userinfo = beforeQuery.slice(schemeEnd + 3, at);
      const colon = userinfo.indexOf(':');
      if (colon !== -1) add(userinfo.slice(colon + 1));
    }
    if (query !== -1) {
      for (const match of url.slice(query).matchAll(/[?&](?:password|sslpassword|sslkey)=([^&#]*)/gi)) add(match[1]);
    }
  }
  // NOTE: one-character "secrets" would mask every occurrence of that character in messages.
  return [...secrets].filter((s) => s.length > 1).sort((a, b) => b.length - a.length);
}

/** Replaces every secret (and the whole URL) in a message: for errors raised by drivers and the network. */
export function scrubSecrets(text: string, url: string): string {
  let scrubbed = url.length > 0 ? text.split(url).join(maskDatabaseUrl(url)) : text;
  for (const secret of secretsOf(url)) scrubbed = scrubbed.split(secret).join(MASK);
  return scrubbed;
}
