import { maskDatabaseUrl } from '../db-check/connection-url.js';

/** A password found in a piece of text (a string literal's source, an ini value), by offsets in that text. */
export interface FoundCredential {
  readonly masked: string;
  readonly start: number;
  readonly end: number;
  readonly form: 'url' | 'dsn';
  readonly localHost: boolean;
}

/**
 * URL schemes of databases (with an optional SQLAlchemy `+driver`). `driver://` and
 * `dialect+driver://` (Alembic's and SQLAlchemy's documentation templates) are not schemes.
 */
const DATABASE_SCHEME = /^(?:postgres|postgresql|pgsql|mysql|mariadb|mssql|sqlserver|oracle|cockroachdb|redshift|snowflake|clickhouse|timescaledb|yugabytedb|db2|ibm_db_sa|mongodb|mongodb\+srv|redis|rediss)(?:\+[a-z0-9_]+)?$/i;

/** Cheap text check before any parsing: a URL with a `user:password@` part, a `password` option given a literal, or a DSN's `password=`. */
export const CREDENTIAL_HINT = /:\/\/[^\s'"`/@]*:[^\s'"`@]+@|\bpassword["']?\s*[:=]\s*[rbuRBU]?['"`]|\bpassword=[^\s'"`$%{<]/i;

/**
 * Finds database URLs with a literal password in `text`. Placeholders are not secrets:
 *
 * - template syntax in the password: `${DB_PASSWORD}`, `$DB_PASSWORD`, `%(DB_PASS)s`, `{password}`, `<password>`, `[password]`;
 * - masks (`***`, `xxx`), upper-case variable names (`PASSWORD`, `DB_PASS`), and the words
 *   `changeme`, `your_password`, `password_here`, ...;
 * - documentation templates with a placeholder host (`@host/`, `@host:port/`, `@<host>/`).
 *
 * NOTE: `user:password@localhost/dbname` is a finding: in code it is a password the application
 * really uses when nothing else is configured. Whether a localhost URL is tolerated in tests is
 * the rule's decision (`localHost` is recorded).
 */
export function findUrlCredentials(text: string): FoundCredential[] {
  const found: FoundCredential[] = [];
  const schemeRe = /([a-z][a-z0-9+.-]*):\/\//gi;
  for (const match of text.matchAll(schemeRe)) {
    if (!DATABASE_SCHEME.test(match[1]!)) continue;
    const urlStart = match.index;
    let urlEnd = urlStart + match[0].length;
    while (urlEnd < text.length && !/[\s'"`]/.test(text[urlEnd]!)) urlEnd++;
    const url = text.slice(urlStart, urlEnd);
    const authorityStart = match[0].length;
    const query = url.indexOf('?', authorityStart);
    const beforeQuery = query === -1 ? url : url.slice(0, query);
    // NOTE: the userinfo ends at the last '@' before the query: an unencoded '@' in a password is common.
    const at = beforeQuery.lastIndexOf('@');
    if (at <= authorityStart) continue;
    const userinfo = beforeQuery.slice(authorityStart, at);
    const colon = userinfo.indexOf(':');
    if (colon === -1) continue;
    const password = userinfo.slice(colon + 1);
    const hostPort = /^(\[[^\]]*\]|[^/:?#]*)(?::([^/?#]*))?/.exec(beforeQuery.slice(at + 1))!;
    const host = hostPort[1] ?? '';
    const port = hostPort[2];
    if (password === '' || isPlaceholderPassword(password) || isPlaceholderHost(host, port)) continue;
    const start = urlStart + authorityStart + colon + 1;
    found.push({ masked: maskDatabaseUrl(url), start, end: start + password.length, form: 'url', localHost: isLocalHost(host) });
  }
  return found;
}

/**
 * A libpq keyword/value connection string with a literal password: `host=db user=app password=s3cret dbname=health`.
 * Only when the text also names a host, user or database, so prose mentioning "password=" is not one.
 */
export function findDsnCredential(text: string): FoundCredential | undefined {
  if (!/\b(?:host|hostaddr|dbname|user)\s*=/.test(text)) return undefined;
  const match = /\bpassword\s*=\s*('(?:[^'\\]|\\.)*'|[^\s'"]+)/.exec(text);
  if (!match) return undefined;
  const raw = match[1]!;
  const quoted = raw.startsWith("'");
  const password = quoted ? raw.slice(1, -1) : raw;
  if (password === '' || isPlaceholderPassword(password)) return undefined;
  const start = match.index + match[0].length - raw.length + (quoted ? 1 : 0);
  const host = /\bhost\s*=\s*([^\s'"]+)/.exec(text)?.[1] ?? '';
  const body = text.trim().replace(/^[rRbBuUfF]*(?:'''|"""|['"`])/, '').replace(/(?:'''|"""|['"`])$/, '');
  return { masked: maskDatabaseUrl(body.trim()), start, end: start + password.length, form: 'dsn', localHost: isLocalHost(host) };
}

const PLACEHOLDER_WORDS = new Set([
  'changeme',
  'change_me',
  'change-me',
  'changethis',
  'change_this',
  'your_password',
  'yourpassword',
  'your-password',
  'your_db_password',
  'password_here',
  'passwordhere',
  'secret_here',
  'mypassword',
  'my_password',
  'replace_me',
  'replaceme',
  'todo',
  'none',
  'null',
]);

/** Passwords that are placeholders, not secrets (see findUrlCredentials). */
export function isPlaceholderPassword(password: string): boolean {
  if (/\$\{|^\$[A-Za-z_]|%\(|%s|\{[^}]*\}|^<.*>$|^\[.*\]$/.test(password)) return true;
  if (/^[*xX•.#_-]+$/.test(password)) return true;
  if (/^[A-Z]+(?:_[A-Z]+)*$/.test(password)) return true;
  return PLACEHOLDER_WORDS.has(password.toLowerCase());
}

function isPlaceholderHost(host: string, port: string | undefined): boolean {
  if (/^(?:host|hostname|your[-_]?host|your[-_]?server|<.*>|\$\{.*\}|\{.*\}|%\(.*\)s)$/i.test(host)) return true;
  // NOTE: `host:port` in a documentation template; a real port is digits (or a template itself).
  return port !== undefined && port !== '' && !/^\d+$/.test(port) && !/\$\{|\{|%\(/.test(port);
}

export function isLocalHost(host: string): boolean {
  return /^(?:localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0)$/i.test(host);
}

/** `app:***@db.example.com:5432/health` from the parts of a connection options object or `URL.create(...)`. */
export function maskedFromParts(parts: { readonly scheme?: string; readonly user?: string; readonly host?: string; readonly port?: string; readonly database?: string }): string {
  const authority = `${parts.user ?? ''}:***@${parts.host ?? ''}${parts.port ? `:${parts.port}` : ''}`;
  const database = parts.database ? `/${parts.database}` : '';
  return parts.scheme ? `${parts.scheme}://${authority}${database}` : `${authority}${database}`;
}
