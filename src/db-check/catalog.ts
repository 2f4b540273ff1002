import type { ReferentialAction } from '../model/schema-model.js';
import { DbCheckError } from './db-check-error.js';

/** What both node-postgres' `Client` and PGlite offer. */
export interface Queryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface CatalogColumn {
  readonly name: string;
  /** As `format_type(atttypid, atttypmod)` prints it. */
  readonly type: string;
  readonly notNull: boolean;
  /** `pg_get_expr` of the default; undefined when none (generation expressions are not defaults). */
  readonly default?: string;
  readonly identity?: 'always' | 'by default';
  readonly generated: boolean;
  /** Set when the type (or the array's element type) is an enum. */
  readonly enumType?: { readonly schema: string; readonly name: string };
  readonly isArray: boolean;
}

export interface CatalogForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedSchema: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
}

export interface CatalogIndex {
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  /** Key elements in order: a plain column, or an expression as `pg_get_indexdef` prints it. */
  readonly elements: readonly ({ readonly kind: 'column'; readonly column: string } | { readonly kind: 'expression'; readonly text: string })[];
  readonly predicate?: string;
  /** Backs a UNIQUE constraint (rather than being a CREATE INDEX). */
  readonly uniqueConstraint: boolean;
  /** Every column the index uses: keys, expressions, predicate. */
  readonly columns: readonly string[];
}

export interface CatalogTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly CatalogColumn[];
  readonly primaryKey?: { readonly name: string; readonly columns: readonly string[] };
  readonly foreignKeys: readonly CatalogForeignKey[];
  readonly indexes: readonly CatalogIndex[];
}

export interface DatabaseCatalog {
  readonly serverVersion: string;
  readonly schemas: readonly string[];
  readonly tables: readonly CatalogTable[];
  /** Labels of every enum type in the database, in sort order, keyed `schema.name`. */
  readonly enums: ReadonlyMap<string, readonly string[]>;
}

/** PostgreSQL 12 added pg_attribute.attgenerated; older servers are out of support. */
const MINIMUM_SERVER_VERSION = 120000;

/**
 * Reads tables, columns, keys, indexes and enums of the given schemas from the system catalogs.
 * NOTE: everything runs in one READ ONLY transaction with statement and lock timeouts, and is
 * rolled back: the check can never write, and never waits long behind a lock.
 */
export async function readCatalog(db: Queryable, schemas: readonly string[], statementTimeoutMs: number): Promise<DatabaseCatalog> {
  // NOTE: 0 disables the timeout, as it does in Postgres.
  const timeout = Number.isFinite(statementTimeoutMs) && statementTimeoutMs >= 0 ? Math.floor(statementTimeoutMs) : 10_000;
  await db.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await db.query(`SET LOCAL statement_timeout = ${timeout}`);
    await db.query(`SET LOCAL lock_timeout = ${timeout}`);
    const version = (await db.query<{ num: string; version: string }>(VERSION_QUERY)).rows[0];
    if (!version || Number(version.num) < MINIMUM_SERVER_VERSION) {
      throw new DbCheckError('unsupported-server', `db-check needs PostgreSQL 12 or newer; the server reports ${version?.version ?? 'no version'}.`);
    }
    const params = [[...schemas]];
    const tables = await db.query<TableRow>(TABLES_QUERY, params);
    const columns = await db.query<ColumnRow>(COLUMNS_QUERY, params);
    const constraints = await db.query<ConstraintRow>(CONSTRAINTS_QUERY, params);
    const indexes = await db.query<IndexRow>(INDEXES_QUERY, params);
    const enums = await db.query<EnumRow>(ENUMS_QUERY);
    return {
      serverVersion: version.version,
      schemas: [...schemas],
      tables: assemble(tables.rows, columns.rows, constraints.rows, indexes.rows),
      enums: new Map(enums.rows.map((e) => [`${e.schema}.${e.name}`, e.labels])),
    };
  } finally {
    // NOTE: a failed ROLLBACK (the connection is gone) must not hide the error that caused it.
    await db.query('ROLLBACK').catch(() => undefined);
  }
}

interface TableRow {
  schema: string;
  name: string;
}

interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  type: string;
  not_null: boolean;
  default: string | null;
  identity: string;
  generated: boolean;
  is_enum: boolean;
  type_schema: string;
  type_name: string;
  is_array: boolean;
}

interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: 'p' | 'f';
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
}

interface IndexRow {
  schema: string;
  table: string;
  name: string;
  unique: boolean;
  method: string;
  predicate: string | null;
  unique_constraint: boolean;
  elements: { column: string | null; definition: string }[] | string;
  depends_on: string[];
}

interface EnumRow {
  schema: string;
  name: string;
  labels: string[];
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

function assemble(tableRows: TableRow[], columnRows: ColumnRow[], constraintRows: ConstraintRow[], indexRows: IndexRow[]): CatalogTable[] {
  interface Building {
    schema: string;
    name: string;
    columns: CatalogColumn[];
    primaryKey?: { name: string; columns: string[] };
    foreignKeys: CatalogForeignKey[];
    indexes: CatalogIndex[];
  }
  const byKey = new Map<string, Building>();
  for (const row of tableRows) byKey.set(`${row.schema}.${row.name}`, { schema: row.schema, name: row.name, columns: [], foreignKeys: [], indexes: [] });
  for (const row of columnRows) {
    const table = byKey.get(`${row.schema}.${row.table}`);
    if (!table) continue;
    table.columns.push({
      name: row.name,
      type: row.type,
      notNull: row.not_null,
      ...(row.default !== null ? { default: row.default } : {}),
      ...(row.identity === 'a' ? { identity: 'always' as const } : row.identity === 'd' ? { identity: 'by default' as const } : {}),
      generated: row.generated,
      ...(row.is_enum ? { enumType: { schema: row.type_schema, name: row.type_name } } : {}),
      isArray: row.is_array,
    });
  }
  for (const row of constraintRows) {
    const table = byKey.get(`${row.schema}.${row.table}`);
    if (!table) continue;
    if (row.type === 'p') {
      table.primaryKey = { name: row.name, columns: row.columns };
    } else if (row.ref_schema !== null && row.ref_table !== null) {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        referencedSchema: row.ref_schema,
        referencedTable: row.ref_table,
        referencedColumns: row.ref_columns,
        onDelete: ACTIONS[row.on_delete] ?? 'no action',
        onUpdate: ACTIONS[row.on_update] ?? 'no action',
      });
    }
  }
  for (const row of indexRows) {
    const table = byKey.get(`${row.schema}.${row.table}`);
    if (!table) continue;
    const raw = typeof row.elements === 'string' ? (JSON.parse(row.elements) as { column: string | null; definition: string }[]) : row.elements;
    const elements = raw.map((e) => (e.column !== null ? { kind: 'column' as const, column: e.column } : { kind: 'expression' as const, text: e.definition }));
    const columns = new Set([...elements.flatMap((e) => (e.kind === 'column' ? [e.column] : [])), ...row.depends_on]);
    table.indexes.push({
      name: row.name,
      unique: row.unique,
      method: row.method,
      elements,
      ...(row.predicate !== null ? { predicate: row.predicate } : {}),
      uniqueConstraint: row.unique_constraint,
      columns: [...columns],
    });
  }
  return [...byKey.values()];
}

const VERSION_QUERY = `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version`;

/** NOTE: partitions are compared through their parent; tables owned by an extension (PostGIS spatial_ref_sys) are not the project's. */
const TABLE_FILTER = `
  c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
     WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;

const TABLES_QUERY = `SELECT n.nspname AS schema, c.relname AS name
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE ${TABLE_FILTER}
 ORDER BY 1, 2`;

const COLUMNS_QUERY = `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS default,
       a.attidentity::text AS identity,
       a.attgenerated <> '' AS generated,
       et.typtype = 'e' AS is_enum,
       en.nspname AS type_schema,
       et.typname AS type_name,
       t.typcategory = 'A' AS is_array
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
  JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
 WHERE ${TABLE_FILTER}
   AND a.attnum > 0
   AND NOT a.attisdropped
 ORDER BY 1, 2, a.attnum`;

const CONSTRAINTS_QUERY = `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype::text AS type,
       ARRAY(SELECT a.attname::text
               FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
              ORDER BY k.ord) AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       ARRAY(SELECT a.attname::text
               FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
              ORDER BY k.ord) AS ref_columns,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
  FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
 WHERE ${TABLE_FILTER}
   AND con.contype IN ('p', 'f')
 ORDER BY 1, 2, 3`;

/**
 * NOTE: indexes backing the primary key are compared as the primary key, and exclusion
 * constraints are not modelled; invalid indexes (a failed CREATE INDEX CONCURRENTLY) serve no
 * query, so they count as missing.
 */
const INDEXES_QUERY = `SELECT n.nspname AS schema, c.relname AS table, ic.relname AS name,
       i.indisunique AS unique, am.amname AS method,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       con.contype IS NOT NULL AS unique_constraint,
       (SELECT json_agg(json_build_object(
                 'column', a.attname,
                 'definition', pg_catalog.pg_get_indexdef(i.indexrelid, k.ord, true)) ORDER BY k.ord)
          FROM generate_series(1, i.indnkeyatts::int) AS k(ord)
          LEFT JOIN pg_catalog.pg_attribute a
            ON a.attrelid = i.indrelid AND i.indkey[k.ord - 1] <> 0 AND a.attnum = i.indkey[k.ord - 1]) AS elements,
       ARRAY(SELECT DISTINCT a.attname::text
               FROM pg_catalog.pg_depend d
               JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
              WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid
                AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = i.indrelid
                AND d.refobjsubid > 0) AS depends_on
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_constraint con
    ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
 WHERE ${TABLE_FILTER}
   AND i.indisvalid
   AND (con.contype IS NULL OR con.contype = 'u')
 ORDER BY 1, 2, 3`;

const ENUMS_QUERY = `SELECT n.nspname AS schema, t.typname AS name,
       ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype = 'e'`;
