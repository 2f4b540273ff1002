import type { SqlType } from './schema-model.js';

/**
 * Whether PostgreSQL accepts a foreign key from a column of type `fk` to one of type `pk`.
 *
 * NOTE: Postgres needs an equality operator between the two types: either a cross-type operator in
 * the btree operator family of the referenced column's index (integer_ops covers smallint, integer
 * and bigint; datetime_ops covers date and both timestamps), or an implicit cast from the FK type to
 * the referenced type (integer → numeric, varchar → text). Otherwise `ALTER TABLE ... ADD FOREIGN
 * KEY` fails with "foreign key constraint ... cannot be implemented". The table below was checked
 * against a real Postgres in tests/model/type-compat.test.ts.
 *
 * Returns undefined when a type is unknown to schema-lint (custom or extension types).
 */
export function foreignKeyTypesCompatible(fk: SqlType, pk: SqlType): boolean | undefined {
  const fkArray = fk.arrayDimensions > 0;
  const pkArray = pk.arrayDimensions > 0;
  const a = baseName(fk);
  const b = baseName(pk);
  if (fkArray !== pkArray) return a === 'unknown' || b === 'unknown' ? undefined : false;
  if (a === b) return true;
  if (fkArray) return false; // arrays compare element types exactly
  if (fk.enumName || pk.enumName) return false;
  const fa = FAMILY[a];
  const fb = FAMILY[b];
  if (fa === undefined || fb === undefined) return undefined;
  if (fa === fb && CROSS_TYPE_FAMILIES.has(fa)) return true;
  return IMPLICIT_CASTS[a]?.has(b) ?? false;
}

function baseName(type: SqlType): string {
  if (type.enumName) return `enum:${type.enumName}`;
  if (type.custom) return 'unknown';
  return type.name;
}

/** btree operator family of each built-in type's default operator class. */
const FAMILY: Readonly<Record<string, string>> = {
  smallint: 'integer_ops',
  integer: 'integer_ops',
  bigint: 'integer_ops',
  real: 'float_ops',
  'double precision': 'float_ops',
  numeric: 'numeric_ops',
  text: 'text_ops',
  'character varying': 'text_ops',
  character: 'bpchar_ops',
  date: 'datetime_ops',
  'timestamp without time zone': 'datetime_ops',
  'timestamp with time zone': 'datetime_ops',
  'time without time zone': 'time_ops',
  'time with time zone': 'timetz_ops',
  interval: 'interval_ops',
  uuid: 'uuid_ops',
  boolean: 'bool_ops',
  bytea: 'bytea_ops',
  jsonb: 'jsonb_ops',
  inet: 'network_ops',
  cidr: 'network_ops',
  macaddr: 'macaddr_ops',
  macaddr8: 'macaddr8_ops',
  citext: 'citext_ops',
  money: 'money_ops',
  oid: 'oid_ops',
};

/** Families with cross-type equality operators between their member types. */
const CROSS_TYPE_FAMILIES = new Set(['integer_ops', 'float_ops', 'datetime_ops', 'text_ops', 'network_ops']);

/** Implicit casts (pg_cast.castcontext = 'i') from the FK type to the referenced type. */
const IMPLICIT_CASTS: Readonly<Record<string, ReadonlySet<string>>> = {
  smallint: new Set(['numeric', 'real', 'double precision']),
  integer: new Set(['numeric', 'real', 'double precision']),
  bigint: new Set(['numeric', 'real', 'double precision']),
  numeric: new Set(['real', 'double precision']),
  real: new Set(['double precision']),
  character: new Set(['text', 'character varying']),
  'character varying': new Set(['text', 'character']),
  text: new Set(['character', 'character varying']),
  'time without time zone': new Set(['interval', 'time with time zone']),
};
