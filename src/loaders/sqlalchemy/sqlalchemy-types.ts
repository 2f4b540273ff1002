import type { SqlType } from '../../model/schema-model.js';
import { normaliseTypeName } from '../drizzle/builders.js';

export type Literal = string | number | boolean | null;

export interface TypeArgs {
  readonly positional: readonly (Literal | undefined)[];
  readonly keywords: ReadonlyMap<string, Literal | undefined>;
}

export type BaseSqlType = Omit<SqlType, 'builder' | 'custom' | 'enumName'>;

const NO_ARGS: TypeArgs = { positional: [], keywords: new Map() };

/** Modules whose exports are SQLAlchemy column types (the dialect modules included). */
export function isSqlAlchemyPath(dotted: string): boolean {
  return /^(sqlalchemy|sqlmodel|sqlalchemy_utils|flask_sqlalchemy|pgvector)(\.|$)/.test(dotted);
}

/** Types with no parameters, keyed by SQLAlchemy class name, spelled as Postgres `format_type` reports them. */
const SIMPLE: Readonly<Record<string, string>> = {
  Text: 'text',
  UnicodeText: 'text',
  TEXT: 'text',
  CLOB: 'text',
  Integer: 'integer',
  INTEGER: 'integer',
  INT: 'integer',
  BigInteger: 'bigint',
  BIGINT: 'bigint',
  SmallInteger: 'smallint',
  SMALLINT: 'smallint',
  Boolean: 'boolean',
  BOOLEAN: 'boolean',
  Date: 'date',
  DATE: 'date',
  Interval: 'interval',
  INTERVAL: 'interval',
  LargeBinary: 'bytea',
  LARGEBINARY: 'bytea',
  BYTEA: 'bytea',
  BLOB: 'bytea',
  PickleType: 'bytea',
  JSON: 'json',
  JSONB: 'jsonb',
  UUID: 'uuid',
  Uuid: 'uuid',
  GUID: 'uuid',
  UUIDType: 'uuid',
  REAL: 'real',
  DOUBLE_PRECISION: 'double precision',
  DOUBLE: 'double precision',
  Double: 'double precision',
  INET: 'inet',
  CIDR: 'cidr',
  MACADDR: 'macaddr',
  MACADDR8: 'macaddr8',
  MONEY: 'money',
  OID: 'oid',
  REGCLASS: 'regclass',
  TSVECTOR: 'tsvector',
  TSQUERY: 'tsquery',
  CITEXT: 'citext',
  HSTORE: 'hstore',
  INT4RANGE: 'int4range',
  INT8RANGE: 'int8range',
  NUMRANGE: 'numrange',
  DATERANGE: 'daterange',
  TSRANGE: 'tsrange',
  TSTZRANGE: 'tstzrange',
  BIT: 'bit',
  EmailType: 'character varying(255)',
};

/** The Postgres type SQLAlchemy's DDL compiler emits for a type class, or undefined if unknown. */
export function builtinSqlType(className: string, args: TypeArgs = NO_ARGS): BaseSqlType | undefined {
  const simple = (name: string): BaseSqlType => ({ name, params: [], arrayDimensions: 0, sql: name });
  const arg = (index: number, keyword: string): Literal | undefined => args.keywords.get(keyword) ?? args.positional[index];
  const num = (index: number, keyword: string): number | undefined => {
    const value = arg(index, keyword);
    return typeof value === 'number' ? value : undefined;
  };
  if (className === 'EmailType') return { name: 'character varying', params: [num(0, 'length') ?? 255], arrayDimensions: 0, sql: `character varying(${num(0, 'length') ?? 255})` };
  if (className in SIMPLE) return simple(SIMPLE[className]!);
  switch (className) {
    case 'String':
    case 'Unicode':
    case 'VARCHAR':
    case 'NVARCHAR':
    case 'AutoString': {
      const length = num(0, 'length');
      return length === undefined ? simple('character varying') : { name: 'character varying', params: [length], arrayDimensions: 0, sql: `character varying(${length})` };
    }
    case 'CHAR':
    case 'NCHAR': {
      // NOTE: Postgres CHAR without a length is character(1).
      const length = num(0, 'length') ?? 1;
      return { name: 'character', params: [length], arrayDimensions: 0, sql: `character(${length})` };
    }
    case 'Float':
    case 'FLOAT': {
      // NOTE: Postgres FLOAT(p) is real for p <= 24 and double precision otherwise (and without p).
      const precision = num(0, 'precision');
      return simple(precision !== undefined && precision <= 24 ? 'real' : 'double precision');
    }
    case 'Numeric':
    case 'NUMERIC':
    case 'DECIMAL': {
      const precision = num(0, 'precision');
      const scale = num(1, 'scale');
      if (precision === undefined) return simple('numeric');
      return { name: 'numeric', params: [precision, scale ?? 0], arrayDimensions: 0, sql: `numeric(${precision},${scale ?? 0})` };
    }
    case 'DateTime':
    case 'DATETIME':
    case 'TIMESTAMP':
    case 'Time':
    case 'TIME': {
      const base = className.toLowerCase().startsWith('time') && className.toLowerCase() !== 'timestamp' ? 'time' : 'timestamp';
      const tz = arg(0, 'timezone') === true;
      const precision = num(1, 'precision');
      const zone = tz ? ' with time zone' : ' without time zone';
      return {
        name: `${base}${zone}`,
        params: precision === undefined ? [] : [precision],
        arrayDimensions: 0,
        sql: `${base}${precision === undefined ? '' : `(${precision})`}${zone}`,
      };
    }
    case 'Vector': {
      const dimensions = num(0, 'dim');
      return dimensions === undefined ? simple('vector') : { name: 'vector', params: [dimensions], arrayDimensions: 0, sql: `vector(${dimensions})` };
    }
    default:
      return undefined;
  }
}

/** SQLAlchemy 2's default `type_annotation_map`: Python type → SQLAlchemy type class. */
export const SA2_ANNOTATION_TYPES: Readonly<Record<string, string>> = {
  int: 'Integer',
  float: 'Float',
  bool: 'Boolean',
  str: 'String',
  bytes: 'LargeBinary',
  'datetime.datetime': 'DateTime',
  'datetime.date': 'Date',
  'datetime.time': 'Time',
  'datetime.timedelta': 'Interval',
  'decimal.Decimal': 'Numeric',
  'uuid.UUID': 'Uuid',
};

/** SQLModel's `get_sqlalchemy_type`: Python type → SQLAlchemy type class. */
export const SQLMODEL_ANNOTATION_TYPES: Readonly<Record<string, string>> = {
  str: 'AutoString',
  float: 'Float',
  bool: 'Boolean',
  int: 'Integer',
  'datetime.datetime': 'DateTime',
  'datetime.date': 'Date',
  'datetime.timedelta': 'Interval',
  'datetime.time': 'Time',
  bytes: 'LargeBinary',
  'decimal.Decimal': 'Numeric',
  'ipaddress.IPv4Address': 'AutoString',
  'ipaddress.IPv4Network': 'AutoString',
  'ipaddress.IPv6Address': 'AutoString',
  'ipaddress.IPv6Network': 'AutoString',
  'pathlib.Path': 'AutoString',
  'pydantic.EmailStr': 'AutoString',
  'uuid.UUID': 'GUID',
};

/** Normalises a hand-written type spelling (`UserDefinedType.get_col_spec`) to `format_type`. */
export function typeFromSpelling(spelling: string): BaseSqlType {
  const sql = spelling.trim().toLowerCase();
  const match = /^([^(]+?)\s*\((.*)\)\s*$/.exec(sql);
  if (!match) {
    const name = normaliseTypeName(sql);
    return { name, params: [], arrayDimensions: 0, sql: name };
  }
  const name = normaliseTypeName(match[1]!);
  const params = match[2]!.split(',').map((p) => (/^\d+$/.test(p.trim()) ? Number(p.trim()) : p.trim()));
  return { name, params, arrayDimensions: 0, sql: `${name}(${params.join(',')})` };
}

export function withArray(base: BaseSqlType, dimensions: number): BaseSqlType {
  // NOTE: Postgres records no array dimensions: integer[][] is reported as integer[].
  return { ...base, arrayDimensions: dimensions, sql: `${base.sql}[]` };
}

export const UNKNOWN_TYPE: BaseSqlType = { name: 'unknown', params: [], arrayDimensions: 0, sql: 'unknown' };

export const JSON_TYPE_NAMES = new Set(['json', 'jsonb']);
