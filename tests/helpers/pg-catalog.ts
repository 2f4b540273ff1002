import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import type { ModelJson } from '../../src/model/model-json.js';
import type { ReferentialAction } from '../../src/model/schema-model.js';

type ModelTableJson = ModelJson['tables'][number];

/** A table as the Postgres catalog reports it, in the shape `toModelJson` gives a model table. */
export interface CatalogTable {
  readonly name: string;
  readonly schema: string;
  readonly columns: readonly { readonly name: string; readonly type: string; readonly nullable: boolean }[];
  readonly primaryKey: readonly string[] | null;
  readonly foreignKeys: readonly (Omit<ModelTableJson['foreignKeys'][number], 'onDelete' | 'onUpdate'> & {
    readonly name: string;
    readonly onDelete: ReferentialAction;
    readonly onUpdate: ReferentialAction;
  })[];
  /** Indexes other than those backing the primary key and unique constraints. */
  readonly indexes: readonly CatalogIndex[];
  readonly uniqueConstraints: readonly { readonly name: string; readonly columns: readonly string[] }[];
}

export interface CatalogIndex {
  readonly name: string;
  /** Leading plain columns, up to the first expression (what `indexColumns` gives for the model). */
  readonly columns: readonly string[];
  /** Number of expression elements. */
  readonly expressions: number;
  readonly unique: boolean;
  /** Partial-index predicate as Postgres deparses it. */
  readonly where: string | null;
  readonly method: string;
}

export interface CatalogSnapshot {
  readonly tables: readonly CatalogTable[];
  /** Enum types, as `ModelJson['enums']` spells them (values in declaration order). */
  readonly enums: readonly { readonly name: string; readonly schema: string; readonly values: readonly string[] }[];
  /** Foreign keys no valid index covers (splinter's `unindexed_foreign_keys`, prefix matching), as `foreignKeyKey` strings. */
  readonly uncoveredForeignKeys: readonly string[];
}

/** The key a foreign key is compared by: `schema.table(a,b)->target(x,y)`. */
export function foreignKeyKey(table: { readonly schema: string | null; readonly name: string }, fk: { readonly columns: readonly string[]; readonly referencedTable: string; readonly referencedColumns: readonly string[] }): string {
  return `${table.schema ?? 'public'}.${table.name}(${fk.columns.join(',')})->${fk.referencedTable}(${fk.referencedColumns.join(',')})`;
}

/** Schema for extensions, kept across resets; on the search path so `citext` reads unqualified. */
const EXTENSION_SCHEMA = 'extensions';

/**
 * Extensions schemas in the wild rely on (Supabase and Neon enable them by default): citext
 * columns, `uuid_generate_v4()` and `gen_random_bytes()` defaults, `gin_trgm_ops` indexes.
 * NOTE: pgvector and PostGIS are not available in PGlite; fixtures leave `vector`/`geometry` out.
 */
const EXTENSIONS = ['citext', 'pg_trgm', 'pgcrypto', 'uuid-ossp'];

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/**
 * An embedded PostgreSQL (PGlite) for differential tests. Booting costs seconds, so one instance
 * serves many fixtures: `reset()` drops every user schema between them.
 */
export class PgCatalog {
  private constructor(private readonly db: PGlite) {}

  static async start(): Promise<PgCatalog> {
    const db = new PGlite({ extensions: { citext, pg_trgm, pgcrypto, uuid_ossp } });
    await db.waitReady;
    await db.exec(`CREATE SCHEMA ${EXTENSION_SCHEMA};`);
    for (const extension of EXTENSIONS) await db.exec(`CREATE EXTENSION ${quoteIdent(extension)} SCHEMA ${EXTENSION_SCHEMA};`);
    const catalog = new PgCatalog(db);
    await catalog.reset();
    return catalog;
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Drops every user schema (tables, types, sequences with it) and recreates an empty `public`. */
  async reset(): Promise<void> {
    const schemas = await this.db.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', $1) AND nspname NOT LIKE 'pg\\_%'`,
      [EXTENSION_SCHEMA],
    );
    const drops = schemas.rows.map((r) => `DROP SCHEMA ${quoteIdent(r.nspname)} CASCADE;`).join('\n');
    await this.db.exec(`${drops}\nCREATE SCHEMA public;\nSET search_path TO public, ${EXTENSION_SCHEMA};`);
  }

  /**
   * Applies migration statements one by one. Schemas the tables need are created first:
   * drizzle-kit emits CREATE SCHEMA only for exported `pgSchema` objects.
   */
  async apply(statements: readonly string[], schemas: readonly string[] = []): Promise<void> {
    for (const schema of schemas) await this.db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};`);
    for (const statement of statements) {
      if (/^\s*CREATE SCHEMA\s/i.test(statement)) {
        await this.db.exec(statement.replace(/^\s*CREATE SCHEMA\s+(?!IF NOT EXISTS)/i, 'CREATE SCHEMA IF NOT EXISTS '));
        continue;
      }
      try {
        await this.db.exec(statement);
      } catch (error) {
        throw new Error(`Postgres refused a drizzle-kit statement: ${(error as Error).message}\n${statement}`, { cause: error });
      }
    }
  }

  /** Runs SQL as is (a fixture's setup: tables that exist before the migration). */
  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  /** `schema.name` of every user table now in the database. */
  async tableNames(): Promise<string[]> {
    const result = await this.db.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', $1) AND n.nspname NOT LIKE 'pg\\_%'`,
      [EXTENSION_SCHEMA],
    );
    return result.rows.map((r) => r.name);
  }

  /** The catalog, leaving out `exclude` tables (given as `schema.name`, e.g. those a setup created). */
  async read(exclude: readonly string[] = []): Promise<CatalogSnapshot> {
    const snapshot = await this.readAll();
    if (exclude.length === 0) return snapshot;
    const skip = new Set(exclude);
    return {
      ...snapshot,
      tables: snapshot.tables.filter((t) => !skip.has(`${t.schema}.${t.name}`)),
      uncoveredForeignKeys: snapshot.uncoveredForeignKeys.filter((key) => !skip.has(key.slice(0, key.indexOf('(')))),
    };
  }

  private async readAll(): Promise<CatalogSnapshot> {
    const rows = await this.db.query<{ doc: CatalogTable[] | null }>(TABLES_QUERY, [EXTENSION_SCHEMA]);
    const tables = (rows.rows[0]?.doc ?? []).map((t) => ({
      ...t,
      foreignKeys: t.foreignKeys.map((fk) => ({
        ...fk,
        onDelete: ACTIONS[fk.onDelete as string] ?? fk.onDelete,
        onUpdate: ACTIONS[fk.onUpdate as string] ?? fk.onUpdate,
      })),
    }));
    const uncovered = await this.db.query<{ schema: string; name: string; columns: string[]; referencedTable: string; referencedColumns: string[] }>(UNCOVERED_QUERY, [EXTENSION_SCHEMA]);
    const enums = await this.db.query<{ name: string; schema: string; values: string[] }>(ENUMS_QUERY, [EXTENSION_SCHEMA]);
    return {
      tables,
      enums: enums.rows,
      uncoveredForeignKeys: uncovered.rows.map((r) => foreignKeyKey(r, r)).sort(),
    };
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `schema.table` outside `public`, as the model spells referenced tables. */
const QUALIFIED = `CASE WHEN rn.nspname = 'public' THEN rc.relname ELSE rn.nspname || '.' || rc.relname END`;

const TABLES_QUERY = `
WITH rels AS (
  SELECT c.oid, c.relname, n.nspname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p')
     AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', $1)
     AND n.nspname NOT LIKE 'pg\\_%'
)
SELECT json_agg(json_build_object(
  'name', r.relname,
  'schema', r.nspname,
  'columns', (
    SELECT coalesce(json_agg(json_build_object(
             'name', a.attname,
             'type', format_type(a.atttypid, a.atttypmod),
             'nullable', NOT a.attnotnull) ORDER BY a.attnum), '[]'::json)
      FROM pg_attribute a
     WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped),
  'primaryKey', (
    SELECT json_agg(a.attname ORDER BY k.ord)
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
     WHERE c.conrelid = r.oid AND c.contype = 'p'),
  'foreignKeys', (
    SELECT coalesce(json_agg(json_build_object(
             'name', c.conname,
             'columns', (SELECT json_agg(a.attname ORDER BY k.ord)
                           FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
             'referencedTable', ${QUALIFIED},
             'referencedColumns', (SELECT json_agg(a.attname ORDER BY k.ord)
                                     FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
             'onDelete', c.confdeltype,
             'onUpdate', c.confupdtype) ORDER BY c.conname), '[]'::json)
      FROM pg_constraint c
      JOIN pg_class rc ON rc.oid = c.confrelid
      JOIN pg_namespace rn ON rn.oid = rc.relnamespace
     WHERE c.conrelid = r.oid AND c.contype = 'f'),
  'indexes', (
    SELECT coalesce(json_agg(json_build_object(
             'name', ic.relname,
             'columns', (SELECT coalesce(json_agg(a.attname ORDER BY k.ord), '[]'::json)
                           FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY AS k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                          WHERE k.ord <= i.indnkeyatts
                            AND k.ord < coalesce((SELECT min(z.ord) FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY AS z(attnum, ord) WHERE z.attnum = 0), 2147483647)),
             'expressions', (SELECT count(*) FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) AS z(attnum) WHERE z.attnum = 0),
             'unique', i.indisunique,
             'where', pg_get_expr(i.indpred, i.indrelid),
             'method', am.amname) ORDER BY ic.relname), '[]'::json)
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
     WHERE i.indrelid = r.oid
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))),
  'uniqueConstraints', (
    SELECT coalesce(json_agg(json_build_object(
             'name', c.conname,
             'columns', (SELECT json_agg(a.attname ORDER BY k.ord)
                           FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)) ORDER BY c.conname), '[]'::json)
      FROM pg_constraint c
     WHERE c.conrelid = r.oid AND c.contype = 'u')
) ORDER BY r.nspname, r.relname) AS doc
FROM rels r`;

const ENUMS_QUERY = `
SELECT t.typname AS name, n.nspname AS schema, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS values
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_enum e ON e.enumtypid = t.oid
 WHERE n.nspname <> $1
 GROUP BY n.nspname, t.typname
 ORDER BY n.nspname, t.typname`;

/**
 * NOTE: supabase splinter's \`unindexed_foreign_keys\`, with prefix matching: an FK is covered when
 * its columns are, in order, the leading key columns of some valid index (PK and unique-constraint
 * indexes included; partial indexes count).
 */
const UNCOVERED_QUERY = `
SELECT n.nspname AS schema, cl.relname AS name,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
       ${QUALIFIED} AS "referencedTable",
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "referencedColumns"
  FROM pg_constraint c
  JOIN pg_class cl ON cl.oid = c.conrelid
  JOIN pg_namespace n ON n.oid = cl.relnamespace
  JOIN pg_class rc ON rc.oid = c.confrelid
  JOIN pg_namespace rn ON rn.oid = rc.relnamespace
 WHERE c.contype = 'f'
   AND n.nspname <> $1
   AND NOT EXISTS (
     SELECT 1 FROM pg_index i
      WHERE i.indrelid = c.conrelid
        AND i.indisvalid
        AND cardinality(c.conkey) <= i.indnkeyatts
        AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] = c.conkey)
 ORDER BY 1, 2`;
