export type DbCheckErrorCode =
  /** Neither a database URL nor a migrations folder was given. */
  | 'no-source'
  /** The schema code declares tables, none of them for PostgreSQL. */
  | 'unsupported-dialect'
  | 'invalid-url'
  | 'connection-failed'
  | 'introspection-failed'
  | 'unsupported-server'
  | 'migrations-not-found'
  | 'invalid-migrations'
  | 'embedded-database-failed';

/**
 * A failure that prevents the comparison (as opposed to a difference, which is a diagnostic).
 * The message never contains credentials: connection details are masked before they get here.
 */
export class DbCheckError extends Error {
  override readonly name = 'DbCheckError';

  constructor(
    readonly code: DbCheckErrorCode,
    message: string,
    /** What to try next, as an imperative sentence. */
    readonly hint?: string,
  ) {
    super(message);
  }
}
