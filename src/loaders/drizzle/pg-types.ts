/**
 * Postgres spellings: how `format_type()` and `quote_ident()` write type names, so the model's
 * `sqlType.sql` reads exactly as the catalog reports it.
 */

/** Keywords `quote_ident` quotes: every category but UNRESERVED (Postgres 18 `pg_get_keywords()`). */
const QUOTED_KEYWORDS = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast char character check ' +
    'coalesce collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema ' +
    'current_time current_timestamp current_user dec decimal default deferrable desc distinct do else end except exists extract false fetch ' +
    'float for foreign freeze from full grant greatest group grouping having ilike in initially inner inout int integer intersect interval ' +
    'into is isnull join json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table ' +
    'json_value lateral leading least left like limit localtime localtimestamp merge_action national natural nchar none normalize not notnull ' +
    'null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary real references returning ' +
    'right row select session_user setof similar smallint some substring symmetric system_user table tablesample then time timestamp to ' +
    'trailing treat trim true union unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat ' +
    'xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/** `quote_ident`: quotes a name unless it is lower-case identifier characters and not a reserved word. */
export function quoteIdentifier(name: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(name) && !QUOTED_KEYWORDS.has(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A user-defined type as `format_type` names it: schema-qualified outside `public`, quoted as needed. */
export function formatUserTypeName(name: string, schema?: string): string {
  const base = quoteIdentifier(name);
  return schema && schema !== 'public' ? `${quoteIdentifier(schema)}.${base}` : base;
}

export interface ParsedPgType {
  /** Canonical base name: 'integer', 'character varying', 'timestamp with time zone', 'citext'. */
  readonly name: string;
  readonly params: readonly (number | string)[];
  readonly arrayDimensions: number;
  /** What `format_type` prints for it. */
  readonly sql: string;
}

/** Real type names (pg_type.typname) and SQL spellings, mapped to the names `format_type` prints. */
const ALIASES: Readonly<Record<string, string>> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  int2: 'smallint',
  smallint: 'smallint',
  int8: 'bigint',
  bigint: 'bigint',
  serial: 'integer',
  serial4: 'integer',
  smallserial: 'smallint',
  serial2: 'smallint',
  bigserial: 'bigint',
  serial8: 'bigint',
  bool: 'boolean',
  boolean: 'boolean',
  float4: 'real',
  real: 'real',
  float8: 'double precision',
  double: 'double precision',
  'double precision': 'double precision',
  varchar: 'character varying',
  'char varying': 'character varying',
  'character varying': 'character varying',
  char: 'character',
  character: 'character',
  bpchar: 'bpchar',
  decimal: 'numeric',
  numeric: 'numeric',
  varbit: 'bit varying',
  'bit varying': 'bit varying',
  timestamp: 'timestamp without time zone',
  'timestamp without time zone': 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  'timestamp with time zone': 'timestamp with time zone',
  time: 'time without time zone',
  'time without time zone': 'time without time zone',
  timetz: 'time with time zone',
  'time with time zone': 'time with time zone',
};

/**
 * Parses a type written by hand (customType `dataType()`, raw SQL) and spells it the way
 * `format_type` reports it: `varchar(255)` → `character varying(255)`, `timestamptz(3)` →
 * `timestamp(3) with time zone`, `numeric(10, 2)` → `numeric(10,2)`, `int4[]` → `integer[]`.
 */
export function parsePgType(written: string): ParsedPgType {
  let text = written.trim();
  let arrayDimensions = 0;
  for (;;) {
    const array = /\s*(?:\[\s*\d*\s*\]|\barray(?:\s*\[\s*\d*\s*\])?)$/i.exec(text);
    if (!array || array.index === 0) break;
    arrayDimensions++;
    text = text.slice(0, array.index).trimEnd();
  }
  // NOTE: `timestamp(3) with time zone` carries its precision before the zone clause.
  const match = /^(.+?)\s*(?:\(([^)]*)\))?\s*((?:with|without)\s+time\s+zone)?$/is.exec(text);
  const rawName = (match?.[1] ?? text).trim();
  const rawParams = match?.[2];
  const zone = match?.[3]?.toLowerCase().replace(/\s+/g, ' ');
  const params = rawParams === undefined ? [] : rawParams.split(',').map((p) => p.trim()).filter((p) => p !== '').map((p) => (/^-?\d+$/.test(p) ? Number(p) : p));
  const quoted = /^"(.*)"$/s.exec(rawName);
  const lower = quoted ? undefined : rawName.toLowerCase().replace(/\s+/g, ' ');
  let name = quoted ? quoted[1]!.replace(/""/g, '"') : (ALIASES[lower!] ?? lower!);
  if (name === 'float') name = typeof params[0] === 'number' && params[0] <= 24 ? 'real' : 'double precision';
  if (zone) name = name.replace(/ (?:with|without) time zone$/, '') + ` ${zone}`;
  const base = quoted ? quoteIdentifier(name) : baseSql(name, params);
  const arraySuffix = arrayDimensions > 0 ? '[]' : '';
  return { name, params: normalisedParams(name, params), arrayDimensions, sql: base + arraySuffix };
}

function normalisedParams(name: string, params: readonly (number | string)[]): (number | string)[] {
  if (name === 'real' || name === 'double precision') return [];
  if (name === 'numeric' && params.length === 1) return [params[0]!, 0];
  if ((name === 'character' || name === 'bit') && params.length === 0) return [1];
  return [...params];
}

function baseSql(name: string, params: readonly (number | string)[]): string {
  const list = params.join(',');
  const timeZone = /^(timestamp|time) (with(?:out)? time zone)$/.exec(name);
  if (timeZone) return params.length > 0 ? `${timeZone[1]}(${list}) ${timeZone[2]}` : name;
  switch (name) {
    case 'numeric':
      if (params.length === 1) return `numeric(${params[0]},0)`;
      return params.length > 0 ? `numeric(${list})` : 'numeric';
    case 'character':
    case 'bit':
      // NOTE: char and bit without a length mean a length of 1.
      return `${name}(${params.length > 0 ? list : 1})`;
    case 'double precision':
    case 'real':
      // NOTE: float(p) is real for p <= 24, double precision above; the precision is not kept.
      return name;
    default:
      return params.length > 0 ? `${name}(${list})` : name;
  }
}
