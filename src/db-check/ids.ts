import type { ReservedIdDoc } from '../engine/reserved-ids.js';

/** Reserved ids of `schema-lint db-check` diagnostics: differences between schema code and a database. */
export const DB_CHECK_ID = {
  missingTable: 'schema-lint/db-missing-table',
  extraTable: 'schema-lint/db-extra-table',
  missingColumn: 'schema-lint/db-missing-column',
  extraColumn: 'schema-lint/db-extra-column',
  columnType: 'schema-lint/db-column-type',
  nullability: 'schema-lint/db-nullability',
  default: 'schema-lint/db-default',
  primaryKey: 'schema-lint/db-primary-key',
  foreignKey: 'schema-lint/db-foreign-key',
  fkAction: 'schema-lint/db-fk-action',
  missingIndex: 'schema-lint/db-missing-index',
  extraIndex: 'schema-lint/db-extra-index',
  enumValues: 'schema-lint/db-enum',
  migrationFailed: 'schema-lint/db-migration-failed',
} as const;

export type DbCheckId = (typeof DB_CHECK_ID)[keyof typeof DB_CHECK_ID];

const RESOLVE = [
  'How to resolve: decide which side is right. If the schema code is right, generate a migration',
  '(`drizzle-kit generate`, `alembic revision --autogenerate`) and apply it to the database. If the',
  'database is right (a hotfix applied by hand, say), change the schema code to match it, then generate',
  'a migration so other environments follow.',
].join('\n');

const ABOUT = [
  '`schema-lint db-check` compares the tables declared in schema code with a database: a live one',
  '(`--database-url` or DATABASE_URL; read-only catalog queries) or an embedded PostgreSQL built by',
  'applying the project\'s migrations (`--migrations`). Only PostgreSQL tables are compared, in the',
  'schemas the code uses plus `public` unless `--schema` is given.',
].join('\n');

function explain(...lines: string[]): string {
  return [...lines, '', ABOUT, '', RESOLVE].join('\n');
}

/** Descriptions and explain texts, in the shape of `RESERVED_IDS` (src/engine/reserved-ids.ts). */
export const DB_CHECK_IDS: readonly ReservedIdDoc[] = [
  {
    id: DB_CHECK_ID.missingTable,
    description: 'A table declared in schema code does not exist in the database',
    explain: explain(
      'The schema code declares a table that the database (or the database built from the migrations)',
      'does not have. Queries that use the table fail at run time; with `--migrations`, the migrations',
      'were not generated after the table was added.',
    ),
  },
  {
    id: DB_CHECK_ID.extraTable,
    description: 'A table in the database is not declared in schema code',
    explain: explain(
      'The database has a table, in one of the compared schemas, that no schema code declares. It may be',
      'left over from a removed feature, created by hand, or declared in code schema-lint was not given.',
      'Tables owned by extensions (PostGIS `spatial_ref_sys`), partitions and the bookkeeping tables of',
      'migration tools (`__drizzle_migrations`, `alembic_version`, ...) are not reported.',
    ),
  },
  {
    id: DB_CHECK_ID.missingColumn,
    description: 'A column declared in schema code does not exist in the database',
    explain: explain(
      'The schema code declares a column that the table in the database does not have. Inserts and selects',
      'that name the column fail. Indexes, keys and foreign keys on the column are not reported separately.',
    ),
  },
  {
    id: DB_CHECK_ID.extraColumn,
    description: 'A column in the database is not declared in schema code',
    explain: explain(
      'The table in the database has a column the schema code does not declare. If it is NOT NULL without a',
      'default, inserts made through the ORM fail. Indexes, keys and foreign keys on the column are not',
      'reported separately.',
    ),
  },
  {
    id: DB_CHECK_ID.columnType,
    description: 'A column has a different type in the database than in schema code',
    explain: explain(
      'Types are compared the way PostgreSQL `format_type()` prints them, after normalising spellings:',
      '`varchar` is `character varying`, `serial` is `integer` with a sequence default, `timestamptz(3)` is',
      '`timestamp(3) with time zone`, precision 6 is the default precision of time types, arrays of any',
      'dimension are one array type, and enum types are compared by schema and name.',
    ),
  },
  {
    id: DB_CHECK_ID.nullability,
    description: 'A column is nullable on one side and NOT NULL on the other',
    explain: explain(
      'A column that is NOT NULL in code but nullable in the database lets rows with NULL in, which the',
      'application types do not expect; the other way round, inserts that omit the value fail. Columns of',
      'a primary key are NOT NULL in the database whether or not the code says so.',
    ),
  },
  {
    id: DB_CHECK_ID.default,
    description: 'A column has a different default in the database than in schema code',
    explain: explain(
      'Defaults are compared loosely, because PostgreSQL stores a default as an expression and prints it',
      'its own way: casts (`\'x\'::text`), parentheses, quoting and `CURRENT_TIMESTAMP` versus `now()` are',
      'ignored, serial sequences match any `nextval(...)`, and identity and generated columns are compared',
      'by kind. A difference is reported only when it is certain; this diagnostic is a warning.',
    ),
  },
  {
    id: DB_CHECK_ID.primaryKey,
    description: 'A table has a different primary key in the database than in schema code',
    explain: explain(
      'The columns of the primary key differ (or one side has none). Constraint names are not compared.',
    ),
  },
  {
    id: DB_CHECK_ID.foreignKey,
    description: 'A foreign key exists on one side only, or references a different table',
    explain: explain(
      'Foreign keys are matched by their columns and the table and columns they reference, not by',
      'constraint name. A foreign key missing in the database no longer protects the relation; one missing',
      'in code is invisible to reviewers and to rules such as require-fk-index.',
    ),
  },
  {
    id: DB_CHECK_ID.fkAction,
    description: 'A foreign key has a different ON DELETE or ON UPDATE action in the database',
    explain: explain(
      'The referential action differs. An action the code does not declare means NO ACTION, which is what',
      'the database then does. RESTRICT and NO ACTION differ only for deferred constraints, but are still',
      'reported: the code should say what the database does.',
    ),
  },
  {
    id: DB_CHECK_ID.missingIndex,
    description: 'An index or unique constraint declared in schema code does not exist in the database',
    explain: explain(
      'Indexes are matched by their key columns or expressions, uniqueness, access method and partial',
      'predicate, not by name alone; a unique constraint and a unique index on the same columns are',
      'equivalent. A missing index slows queries; a missing unique index or constraint lets duplicates in.',
    ),
  },
  {
    id: DB_CHECK_ID.extraIndex,
    description: 'An index or unique constraint in the database is not declared in schema code',
    explain: explain(
      'The database has an index that no index, unique index or unique constraint in schema code matches',
      '(indexes backing the primary key are compared as the primary key). Indexes created by hand are lost',
      'when the database is rebuilt from migrations.',
    ),
  },
  {
    id: DB_CHECK_ID.enumValues,
    description: 'An enum type used by schema code is missing or has different values in the database',
    explain: explain(
      'The enum type a column uses does not exist in the database, or its labels differ in content or',
      'order. Writing a value the database does not know fails; order matters for comparisons and sorting.',
    ),
  },
  {
    id: DB_CHECK_ID.migrationFailed,
    description: 'A migration could not be applied to the embedded PostgreSQL',
    explain: [
      'With `--migrations`, schema-lint applies the project\'s migrations, in order, to an embedded',
      'PostgreSQL (PGlite). A statement failed: the diagnostic names the file, the line and the error.',
      'Applying stops there and the database is not compared with the schema code, because a partly',
      'migrated database would produce misleading differences.',
      '',
      'The embedded PostgreSQL has no roles besides its own user and only the contrib extensions PGlite',
      'ships (citext, pgcrypto, uuid-ossp, pg_trgm, hstore, ltree, ...). Migrations that need others',
      '(PostGIS, pgvector, Supabase roles) cannot be checked this way; run `schema-lint db-check` against',
      'a real database with `--database-url` instead. Otherwise fix the migration: it would fail in',
      'production as well.',
    ].join('\n'),
  },
];
