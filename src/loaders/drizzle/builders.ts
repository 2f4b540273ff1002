import type { Dialect, SqlType } from '../../model/schema-model.js';
import { parsePgType } from './pg-types.js';
import { asBoolean, asNumber, asString, prop, type Value } from './values.js';

/** Import specifiers whose exports are Drizzle table and column builders. */
export function dialectOfModule(specifier: string): Dialect | 'common' | undefined {
  const match = /^drizzle-orm(?:\/(pg|mysql|sqlite|singlestore|gel)-core)?(?:\/.*)?$/.exec(specifier);
  if (!match) return undefined;
  switch (match[1]) {
    case 'pg':
    case 'gel':
      return 'postgresql';
    case 'mysql':
    case 'singlestore':
      return 'mysql';
    case 'sqlite':
      return 'sqlite';
    default:
      return 'common';
  }
}

export const TABLE_FUNCTIONS: Readonly<Record<string, Dialect>> = {
  pgTable: 'postgresql',
  gelTable: 'postgresql',
  mysqlTable: 'mysql',
  singlestoreTable: 'mysql',
  sqliteTable: 'sqlite',
};

export const TABLE_CREATORS: Readonly<Record<string, Dialect>> = {
  pgTableCreator: 'postgresql',
  mysqlTableCreator: 'mysql',
  singlestoreTableCreator: 'mysql',
  sqliteTableCreator: 'sqlite',
};

export const SCHEMA_FUNCTIONS: Readonly<Record<string, Dialect>> = {
  pgSchema: 'postgresql',
  mysqlSchema: 'mysql',
  mysqlDatabase: 'mysql',
};

export const CONSTRAINT_FUNCTIONS = new Set(['index', 'uniqueIndex', 'primaryKey', 'foreignKey', 'unique', 'check']);

/** Drizzle exports that declare no tables or columns; the loader passes over them quietly. */
export const IGNORED_FUNCTIONS = new Set([
  'relations',
  'pgPolicy',
  'pgRole',
  'pgView',
  'pgMaterializedView',
  'pgSequence',
  'mysqlView',
  'sqliteView',
  'alias',
  'getTableColumns',
  'eq',
  'and',
  'or',
]);

/** Column builders per dialect, mapped to the SQL type the database reports (Postgres `format_type`). */
const PG_SIMPLE: Readonly<Record<string, string>> = {
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
  serial: 'integer',
  smallserial: 'smallint',
  bigserial: 'bigint',
  boolean: 'boolean',
  text: 'text',
  real: 'real',
  doublePrecision: 'double precision',
  json: 'json',
  jsonb: 'jsonb',
  uuid: 'uuid',
  date: 'date',
  inet: 'inet',
  cidr: 'cidr',
  macaddr: 'macaddr',
  macaddr8: 'macaddr8',
  point: 'point',
  line: 'line',
  bytea: 'bytea',
  citext: 'citext',
};

const MYSQL_SIMPLE: Readonly<Record<string, string>> = {
  int: 'int',
  tinyint: 'tinyint',
  smallint: 'smallint',
  mediumint: 'mediumint',
  bigint: 'bigint',
  serial: 'serial',
  boolean: 'boolean',
  text: 'text',
  tinytext: 'tinytext',
  mediumtext: 'mediumtext',
  longtext: 'longtext',
  real: 'real',
  float: 'float',
  double: 'double',
  json: 'json',
  date: 'date',
  year: 'year',
  blob: 'blob',
};

const SQLITE_SIMPLE: Readonly<Record<string, string>> = {
  integer: 'integer',
  int: 'integer',
  text: 'text',
  real: 'real',
  numeric: 'numeric',
  blob: 'blob',
};

export function isColumnBuilder(dialect: Dialect, name: string): boolean {
  switch (dialect) {
    case 'postgresql':
      return name in PG_SIMPLE || PG_PARAMETRIC.has(name);
    case 'mysql':
      return name in MYSQL_SIMPLE || MYSQL_PARAMETRIC.has(name);
    case 'sqlite':
      return name in SQLITE_SIMPLE;
  }
}

const PG_PARAMETRIC = new Set([
  'varchar',
  'char',
  'numeric',
  'decimal',
  'time',
  'timestamp',
  'interval',
  'vector',
  'halfvec',
  'sparsevec',
  'bit',
  'geometry',
]);
const MYSQL_PARAMETRIC = new Set(['varchar', 'char', 'decimal', 'numeric', 'datetime', 'timestamp', 'time', 'binary', 'varbinary', 'mysqlEnum', 'singlestoreEnum']);

/**
 * Tables that Drizzle packages declare (`import { authUsers } from 'drizzle-orm/supabase'`). They
 * are never created by the project's migrations but are valid foreign-key targets; column keys map
 * to SQL names.
 */
export interface ExternalTable {
  readonly name: string;
  readonly schema: string;
  readonly columns: Readonly<Record<string, string>>;
}

export const EXTERNAL_TABLES: Readonly<Record<string, ExternalTable>> = {
  authUsers: {
    name: 'users',
    schema: 'auth',
    columns: {
      id: 'id',
      email: 'email',
      phone: 'phone',
      emailConfirmedAt: 'email_confirmed_at',
      phoneConfirmedAt: 'phone_confirmed_at',
      lastSignInAt: 'last_sign_in_at',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  },
  realtimeMessages: { name: 'messages', schema: 'realtime', columns: { id: 'id', topic: 'topic', extension: 'extension' } },
  usersSync: {
    name: 'users_sync',
    schema: 'neon_auth',
    columns: { rawJson: 'raw_json', id: 'id', name: 'name', email: 'email', createdAt: 'created_at', deletedAt: 'deleted_at', updatedAt: 'updated_at' },
  },
};

/** Builders that imply NOT NULL and a sequence default. */
export const SERIAL_BUILDERS = new Set(['serial', 'smallserial', 'bigserial']);

/** Builders whose values are JSON documents (SQLite/MySQL text or blob in json mode included by the caller). */
export const JSON_TYPES = new Set(['json', 'jsonb']);

export interface TypeInput {
  readonly dialect: Dialect;
  readonly builder: string;
  readonly config?: Value;
  readonly arrayDimensions: number;
  /** SQL name of the enum type (schema-qualified outside `public`). */
  readonly enumName?: string;
  /** The enum type as `format_type` spells it (quoted where Postgres quotes it). */
  readonly enumSql?: string;
  readonly customDataType?: string;
}

/** The SQL type a builder produces, spelled the way the database reports it. */
export function sqlTypeOf(input: TypeInput): Omit<SqlType, 'builder' | 'custom'> {
  const base = baseType(input);
  const arrayDimensions = input.arrayDimensions + (base.arrayDimensions ?? 0);
  return {
    name: base.name,
    params: base.params,
    arrayDimensions,
    // NOTE: Postgres records no array dimensions: integer[][] is reported as integer[].
    sql: base.sql + (arrayDimensions > 0 ? '[]' : ''),
    ...(input.enumName ? { enumName: input.enumName } : {}),
  };
}

function baseType({ dialect, builder, config, enumName, enumSql, customDataType }: TypeInput): {
  name: string;
  params: (number | string)[];
  sql: string;
  arrayDimensions?: number;
} {
  const simple = (name: string) => ({ name, params: [], sql: name });
  if (builder === 'enum') return enumName ? { name: enumName, params: [], sql: enumSql ?? enumName } : simple('unknown');
  if (builder === 'custom' && dialect === 'postgresql') {
    const parsed = parsePgType(customDataType ?? 'unknown');
    const sql = parsed.arrayDimensions > 0 ? parsed.sql.slice(0, -2) : parsed.sql;
    return { name: parsed.name, params: [...parsed.params], sql, arrayDimensions: parsed.arrayDimensions };
  }
  if (builder === 'custom') {
    const sql = (customDataType ?? 'unknown').trim();
    const match = /^([^(]+?)\s*\((.*)\)\s*$/.exec(sql);
    if (!match) return simple(normaliseTypeName(sql.toLowerCase()));
    return { name: normaliseTypeName(match[1]!.toLowerCase()), params: match[2]!.split(',').map((p) => p.trim()), sql: sql.toLowerCase() };
  }
  const length = asNumber(prop(config, 'length'));
  const precision = asNumber(prop(config, 'precision'));
  const scale = asNumber(prop(config, 'scale'));
  if (dialect === 'postgresql') {
    if (builder in PG_SIMPLE) return simple(PG_SIMPLE[builder]!);
    switch (builder) {
      case 'varchar':
        return length === undefined ? simple('character varying') : { name: 'character varying', params: [length], sql: `character varying(${length})` };
      case 'char':
        // NOTE: Postgres char without a length is character(1).
        return { name: 'character', params: [length ?? 1], sql: `character(${length ?? 1})` };
      case 'numeric':
      case 'decimal':
        if (precision !== undefined && scale !== undefined) return { name: 'numeric', params: [precision, scale], sql: `numeric(${precision},${scale})` };
        if (precision !== undefined) return { name: 'numeric', params: [precision], sql: `numeric(${precision},0)` };
        return simple('numeric');
      case 'time':
      case 'timestamp': {
        const tz = asBoolean(prop(config, 'withTimezone')) === true;
        const p = precision === undefined ? '' : `(${precision})`;
        const name = `${builder}${tz ? ' with time zone' : ' without time zone'}`;
        return { name, params: precision === undefined ? [] : [precision], sql: `${builder}${p}${tz ? ' with time zone' : ' without time zone'}` };
      }
      case 'interval': {
        const fields = asString(prop(config, 'fields'));
        const p = precision === undefined ? '' : `(${precision})`;
        return { name: 'interval', params: precision === undefined ? [] : [precision], sql: `interval${fields ? ` ${fields}` : ''}${p}` };
      }
      case 'vector':
      case 'halfvec':
      case 'sparsevec':
      case 'bit': {
        const dimensions = asNumber(prop(config, 'dimensions'));
        return dimensions === undefined ? simple(builder) : { name: builder, params: [dimensions], sql: `${builder}(${dimensions})` };
      }
      case 'geometry':
        // NOTE: drizzle-orm 0.45 declares every geometry column as `geometry(point)` whatever its
        // config; PostGIS reports the type name in its own casing.
        return { name: 'geometry', params: ['Point'], sql: 'geometry(Point)' };
    }
  }
  if (dialect === 'mysql') {
    if (builder in MYSQL_SIMPLE) return simple(MYSQL_SIMPLE[builder]!);
    switch (builder) {
      case 'varchar':
      case 'char':
      case 'binary':
      case 'varbinary':
        return length === undefined ? simple(builder) : { name: builder, params: [length], sql: `${builder}(${length})` };
      case 'decimal':
      case 'numeric':
        return precision === undefined ? simple('decimal') : { name: 'decimal', params: [precision, scale ?? 0], sql: `decimal(${precision},${scale ?? 0})` };
      case 'datetime':
      case 'timestamp':
      case 'time': {
        const fsp = asNumber(prop(config, 'fsp'));
        return fsp === undefined ? simple(builder) : { name: builder, params: [fsp], sql: `${builder}(${fsp})` };
      }
      case 'mysqlEnum':
      case 'singlestoreEnum':
        return simple('enum');
    }
  }
  if (dialect === 'sqlite' && builder in SQLITE_SIMPLE) return simple(SQLITE_SIMPLE[builder]!);
  return simple(builder.toLowerCase());
}

/** Canonical Postgres spellings for type names written by hand (customType `dataType()`, SQLAlchemy). */
export function normaliseTypeName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  const aliases: Record<string, string> = {
    int: 'integer',
    int4: 'integer',
    int2: 'smallint',
    int8: 'bigint',
    serial4: 'integer',
    serial8: 'bigint',
    serial: 'integer',
    bigserial: 'bigint',
    smallserial: 'smallint',
    bool: 'boolean',
    varchar: 'character varying',
    'char varying': 'character varying',
    char: 'character',
    bpchar: 'character',
    float4: 'real',
    float8: 'double precision',
    'double': 'double precision',
    decimal: 'numeric',
    timestamp: 'timestamp without time zone',
    timestamptz: 'timestamp with time zone',
    time: 'time without time zone',
    timetz: 'time with time zone',
  };
  return aliases[n] ?? n;
}
