import { readFileSync } from 'node:fs';
import type { Extension, PGlite } from '@electric-sql/pglite';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { Span } from '../model/span.js';
import { DbCheckError } from './db-check-error.js';
import { DB_CHECK_ID } from './ids.js';
import type { MigrationFile, MigrationSet } from './migrations.js';
import { lineLocator, splitSqlStatements, type SqlStatement } from './sql-statements.js';

export interface MigrationProgress {
  /** Migrations applied so far. */
  readonly applied: number;
  readonly total: number;
  /** The migration about to be applied; the last one once `applied === total`. */
  readonly name: string;
}

export interface EmbeddedDatabase {
  readonly db: PGlite;
  readonly applied: number;
  /** Set when a migration failed; nothing after it was applied. */
  readonly failure?: Diagnostic;
}

/**
 * Contrib extensions PGlite ships, by the name `CREATE EXTENSION` uses. Loaded only when a
 * migration creates them: each one costs start-up time.
 */
const CONTRIB: Readonly<Record<string, () => Promise<Extension>>> = {
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  moddatetime: async () => (await import('@electric-sql/pglite/contrib/moddatetime')).moddatetime,
};

/**
 * Starts an in-memory PostgreSQL (PGlite) and applies the migrations in order, one statement at
 * a time. The first failing statement stops it and becomes a diagnostic pointing at its line.
 */
export async function applyMigrations(set: MigrationSet, onProgress?: (event: MigrationProgress) => void): Promise<EmbeddedDatabase> {
  const texts = new Map<MigrationFile, string>();
  for (const migration of set.migrations) {
    if (!migration.exists) continue;
    try {
      texts.set(migration, readFileSync(migration.file, 'utf8'));
    } catch (error) {
      throw new DbCheckError('invalid-migrations', `Cannot read migration ${migration.file}: ${(error as Error).message}`);
    }
  }
  const db = await startPglite([...texts.values()]);
  const total = set.migrations.length;
  let applied = 0;
  try {
    for (const migration of set.migrations) {
      onProgress?.({ applied, total, name: migration.name });
      const sql = texts.get(migration);
      if (sql === undefined) return { db, applied, failure: missingMigrationDiagnostic(set, migration) };
      const statements = splitSqlStatements(sql);
      for (const statement of statements) {
        try {
          await db.exec(statement.text);
        } catch (error) {
          return { db, applied, failure: failedStatementDiagnostic(migration, sql, statement, error) };
        }
      }
      applied++;
    }
    onProgress?.({ applied, total, name: set.migrations[total - 1]?.name ?? '' });
    return { db, applied };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function startPglite(sources: readonly string[]): Promise<PGlite> {
  const wanted = new Set<string>();
  for (const sql of sources) {
    for (const match of sql.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?(?:"([^"]+)"|([\w-]+))/gi)) wanted.add((match[1] ?? match[2]!).toLowerCase());
  }
  try {
    const extensions: Record<string, Extension> = {};
    for (const name of wanted) {
      const load = CONTRIB[name];
      if (load) extensions[name.replace(/\W/g, '_')] = await load();
    }
    const { PGlite } = await import('@electric-sql/pglite');
    return await PGlite.create({ extensions });
  } catch (error) {
    throw new DbCheckError('embedded-database-failed', `Cannot start the embedded PostgreSQL (PGlite): ${(error as Error).message}`);
  }
}

function failedStatementDiagnostic(migration: MigrationFile, sql: string, statement: SqlStatement, error: unknown): Diagnostic {
  const { message, position, code } = describeError(error);
  const lineOf = lineLocator(sql);
  // NOTE: Postgres reports a syntax error's position as a 1-based character offset into the statement.
  const offset = position !== undefined && position >= 1 && position <= statement.text.length ? statement.offset + position - 1 : statement.offset;
  const line = lineOf(offset);
  const lineStart = sql.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = sql.indexOf('\n', offset) === -1 ? sql.length : sql.indexOf('\n', offset);
  const span: Span = {
    file: migration.file,
    start: { line, column: offset - lineStart + 1 },
    end: { line, column: Math.max(offset - lineStart + 2, lineEnd - lineStart + 1) },
  };
  const firstLine = statement.text.split('\n')[0]!.trim();
  const excerpt = firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine;
  return {
    ruleId: DB_CHECK_ID.migrationFailed,
    messageId: 'statementFailed',
    severity: 'error',
    message: `Migration ${migration.name} failed at line ${statement.line} (${excerpt}): ${message.replace(/\.$/, '')}. The database was not compared with the schema code.`,
    help: helpFor(message),
    span,
    identity: `migration:${migration.name}:${statement.line}`,
    properties: { migration: migration.name, line: statement.line, statement: statement.text, error: message, ...(code ? { sqlState: code } : {}) },
  };
}

/** A migration drizzle-kit's journal lists whose file does not exist, pointing at the journal entry. */
export function missingMigrationDiagnostic(set: MigrationSet, migration: MigrationFile): Diagnostic {
  const journal = set.journal ?? migration.file;
  let line = 1;
  try {
    const text = readFileSync(journal, 'utf8');
    const tag = migration.name.replace(/\.sql$/, '');
    const at = text.indexOf(`"${tag}"`);
    if (at !== -1) line = lineLocator(text)(at);
  } catch {
    // NOTE: the journal was read moments ago; line 1 will do if it vanished since.
  }
  return {
    ruleId: DB_CHECK_ID.migrationFailed,
    messageId: 'missingFile',
    severity: 'error',
    message: `Migration ${migration.name}, listed in drizzle-kit's journal, does not exist. The database was not compared with the schema code.`,
    help: 'Restore the migration file from version control, or regenerate the migrations with `drizzle-kit generate`; do not edit meta/_journal.json by hand.',
    span: { file: journal, start: { line, column: 1 }, end: { line, column: 1 } },
    identity: `migration:${migration.name}:missing`,
    properties: { migration: migration.name },
  };
}

function describeError(error: unknown): { message: string; position?: number; code?: string } {
  if (error && typeof error === 'object') {
    const e = error as { message?: unknown; position?: unknown; code?: unknown };
    const position = e.position === undefined || e.position === null ? undefined : Number(e.position);
    return {
      message: typeof e.message === 'string' ? e.message : String(error),
      ...(position !== undefined && Number.isFinite(position) ? { position } : {}),
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
    };
  }
  return { message: String(error) };
}

function helpFor(message: string): string {
  const extension = /extension "([^"]+)"|control file ".*\/([\w-]+)\.control"/.exec(message);
  if (extension) {
    return `The embedded PostgreSQL (PGlite) does not ship the extension ${extension[1] ?? extension[2]}. Check this project against a real database instead: \`schema-lint db-check --database-url ...\`.`;
  }
  if (/role "[^"]+" does not exist/.test(message)) {
    return 'The embedded PostgreSQL has no roles besides its own user. Check this project against a real database instead: `schema-lint db-check --database-url ...`.';
  }
  return 'Fix the migration: it fails the same way on a real database built from these migrations. Then run db-check again.';
}
