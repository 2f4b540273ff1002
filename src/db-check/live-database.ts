import type { Client } from 'pg';
import { maskDatabaseUrl, scrubSecrets } from './connection-url.js';
import { DbCheckError } from './db-check-error.js';

/**
 * Connects to a live PostgreSQL. Every error is reworded without the password: drivers and the
 * network stack put host names, ports and sometimes the URL itself into their messages.
 */
export async function connect(url: string, connectTimeoutMs: number, statementTimeoutMs: number): Promise<Client> {
  // NOTE: a string that is not a URL is never echoed, nor handed to the driver, which might.
  if (!/^(?:postgres|postgresql|socket):\/\//i.test(url) && !url.startsWith('/')) {
    throw new DbCheckError('invalid-url', 'The database URL is not a postgres:// URL.', 'Use the form postgres://user:password@host:5432/database.');
  }
  const masked = maskDatabaseUrl(url);
  const pg = await import('pg');
  const ClientClass = (pg.default ?? pg).Client;
  let client: Client;
  try {
    client = new ClientClass({
      connectionString: url,
      connectionTimeoutMillis: connectTimeoutMs,
      // NOTE: a client-side limit too, for a server that accepts the connection and then hangs.
      ...(statementTimeoutMs > 0 ? { query_timeout: statementTimeoutMs + connectTimeoutMs } : {}),
      application_name: 'schema-lint db-check',
    });
  } catch (error) {
    throw new DbCheckError('invalid-url', `Invalid database URL ${masked}: ${scrubSecrets((error as Error).message, url)}`, 'Use the form postgres://user:password@host:5432/database.');
  }
  // NOTE: without a listener, a connection dropped by the server is an uncaught 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DbCheckError('connection-failed', `Cannot connect to ${masked}: ${reason(error, url, connectTimeoutMs)}`, hintFor(error));
  }
  return client;
}

/** An error of a query on a live connection, without credentials. */
export function introspectionError(error: unknown, url: string): DbCheckError {
  if (error instanceof DbCheckError) return error;
  const code = (error as { code?: unknown }).code;
  const message = scrubSecrets(String((error as Error).message ?? error), url);
  if (code === '57014') return new DbCheckError('introspection-failed', `Reading the catalog of ${maskDatabaseUrl(url)} timed out: ${message}`, 'Raise the statement timeout, or check the database when it is less busy.');
  return new DbCheckError('introspection-failed', `Reading the catalog of ${maskDatabaseUrl(url)} failed: ${message}`, 'Check that the user may read pg_catalog (any role can, by default).');
}

function reason(error: unknown, url: string, connectTimeoutMs: number): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = scrubSecrets(typeof e.message === 'string' ? e.message : String(error), url);
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused (is the server running and listening on that host and port?).';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name could not be resolved.';
    case 'ETIMEDOUT':
      return `no answer within ${connectTimeoutMs} ms.`;
    case '28P01':
    case '28000':
      return `authentication failed (${message}).`;
    case '3D000':
      return `${message}.`;
    default:
      return /timeout/i.test(message) ? `no answer within ${connectTimeoutMs} ms.` : `${message.replace(/\.$/, '')}.`;
  }
}

function hintFor(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === '28P01' || code === '28000') return 'Check the user name and password in the URL (or DATABASE_URL).';
  if (code === '3D000') return 'Check the database name at the end of the URL.';
  return 'Check the host, port and network access; for TLS-only servers add ?sslmode=require to the URL.';
}
