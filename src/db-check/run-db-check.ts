import type { Diagnostic } from '../engine/diagnostic.js';
import type { SchemaModel } from '../model/schema-model.js';
import { readCatalog, type DatabaseCatalog } from './catalog.js';
import { compareCatalog } from './compare.js';
import { maskDatabaseUrl } from './connection-url.js';
import { DbCheckError } from './db-check-error.js';
import { applyMigrations, missingMigrationDiagnostic, type MigrationProgress } from './embedded-database.js';
import { connect, introspectionError } from './live-database.js';
import { readMigrations, type MigrationsFormat } from './migrations.js';

export interface DbCheckOptions {
  readonly model: SchemaModel;
  /** A live PostgreSQL to compare with; the caller resolves DATABASE_URL. Wins over `migrationsDir`. */
  readonly databaseUrl?: string;
  /** Migrations to apply to an embedded PostgreSQL (PGlite) when no URL is given. */
  readonly migrationsDir?: string;
  /** Schemas to compare; default: the schemas the model's tables use, plus `public`. */
  readonly schemas?: readonly string[];
  /** Per catalog query, in ms; default 10 s; 0 disables it (as `statement_timeout = 0` does). */
  readonly statementTimeoutMs?: number;
  /** For connecting to a live database; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Called before each migration is applied, and once more when all are (`applied === total`). */
  readonly onProgress?: (event: MigrationProgress) => void;
}

export type DbCheckSource =
  | {
      readonly kind: 'database';
      /** The URL with its password masked: `postgres://user:***@host:5432/db`. */
      readonly description: string;
    }
  | {
      readonly kind: 'migrations';
      /** `3 drizzle-kit migrations in drizzle (embedded PostgreSQL)`. */
      readonly description: string;
      /** Absolute path of the migrations folder. */
      readonly directory: string;
      readonly format: MigrationsFormat;
      readonly migrations: number;
      readonly applied: number;
    };

export interface DbCheckResult {
  /** One diagnostic per difference, sorted by file, line and column. */
  readonly diagnostics: Diagnostic[];
  readonly source: DbCheckSource;
  /** The schemas compared. */
  readonly schemas: readonly string[];
  /** False when a migration failed to apply: `diagnostics` then holds that failure only. */
  readonly compared: boolean;
  /** `server_version` of the database compared (PGlite reports its PostgreSQL version). */
  readonly serverVersion?: string;
  readonly tables: {
    /** PostgreSQL tables of the model in the compared schemas. */
    readonly code: number;
    /** Tables in the compared schemas of the database. */
    readonly database: number;
    /** Tables present on both sides. */
    readonly matched: number;
  };
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Compares the model with a live database (read-only catalog queries) or with the database its
 * migrations build. Differences are diagnostics; anything that prevents the comparison
 * (no source, connection refused, no migrations) throws a `DbCheckError` without credentials.
 */
export async function runDbCheck(options: DbCheckOptions): Promise<DbCheckResult> {
  const dialects = new Set(options.model.tables.map((t) => t.dialect));
  if (dialects.size > 0 && !dialects.has('postgresql')) {
    throw new DbCheckError('unsupported-dialect', `db-check compares PostgreSQL schemas; the schema code declares ${[...dialects].sort().join(' and ')} tables only.`);
  }
  const schemas = comparedSchemas(options);
  const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const url = options.databaseUrl?.trim();
  if (url) {
    const client = await connect(url, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, statementTimeoutMs);
    let catalog: DatabaseCatalog;
    try {
      catalog = await readCatalog(client, schemas, statementTimeoutMs);
    } catch (error) {
      throw introspectionError(error, url);
    } finally {
      await client.end().catch(() => undefined);
    }
    return finish(options.model, catalog, 'database', { kind: 'database', description: maskDatabaseUrl(url) });
  }
  if (options.migrationsDir) {
    const set = readMigrations(options.migrationsDir);
    const source = (applied: number): DbCheckSource => ({
      kind: 'migrations',
      description: `${set.migrations.length} ${set.format === 'drizzle-kit' ? 'drizzle-kit ' : ''}migration${set.migrations.length === 1 ? '' : 's'} in ${options.migrationsDir} (embedded PostgreSQL)`,
      directory: set.directory,
      format: set.format,
      migrations: set.migrations.length,
      applied,
    });
    const notCompared = (failure: Diagnostic, applied: number): DbCheckResult => ({
      diagnostics: [failure],
      source: source(applied),
      schemas,
      compared: false,
      tables: { code: codeTableCount(options.model, schemas), database: 0, matched: 0 },
    });
    // NOTE: a hole in drizzle-kit's journal is found before starting the embedded database.
    const missing = set.migrations.find((m) => !m.exists);
    if (missing) return notCompared(missingMigrationDiagnostic(set, missing), 0);
    const embedded = await applyMigrations(set, options.onProgress);
    try {
      if (embedded.failure) return notCompared(embedded.failure, embedded.applied);
      let catalog: DatabaseCatalog;
      try {
        catalog = await readCatalog(embedded.db, schemas, statementTimeoutMs);
      } catch (error) {
        if (error instanceof DbCheckError) throw error;
        throw new DbCheckError('introspection-failed', `Reading the catalog of the embedded PostgreSQL failed: ${(error as Error).message}`);
      }
      return finish(options.model, catalog, 'migrations', source(embedded.applied));
    } finally {
      await embedded.db.close().catch(() => undefined);
    }
  }
  throw new DbCheckError('no-source', 'db-check needs a database to compare with: a database URL or a migrations folder.', 'Pass --database-url (or set DATABASE_URL), or --migrations <folder>.');
}

function finish(model: SchemaModel, catalog: DatabaseCatalog, origin: 'database' | 'migrations', source: DbCheckSource): DbCheckResult {
  const result = compareCatalog({ model, catalog, origin });
  return {
    diagnostics: result.diagnostics,
    source,
    schemas: catalog.schemas,
    compared: true,
    serverVersion: catalog.serverVersion,
    tables: { code: result.codeTables, database: result.databaseTables, matched: result.matchedTables },
  };
}

function comparedSchemas(options: DbCheckOptions): string[] {
  if (options.schemas && options.schemas.length > 0) return [...new Set(options.schemas)].sort();
  const schemas = new Set(['public']);
  for (const table of options.model.tables) if (table.dialect === 'postgresql') schemas.add(table.schema ?? 'public');
  return [...schemas].sort();
}

function codeTableCount(model: SchemaModel, schemas: readonly string[]): number {
  const wanted = new Set(schemas);
  return model.tables.filter((t) => t.dialect === 'postgresql' && wanted.has(t.schema ?? 'public')).length;
}
