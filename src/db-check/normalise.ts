import { normaliseTypeName } from '../loaders/drizzle/builders.js';

/**
 * Spellings compared across the code and the catalog. Both sides go through the same functions,
 * so a normalisation can only make different spellings equal, never equal ones different.
 */

/** Identifier in a type or expression: plain or double-quoted. */
const IDENT = String.raw`(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)`;

/**
 * A type as `format_type` would print it, reduced to compare equal across spellings:
 * `varchar(255)` = `character varying(255)`, `timestamptz(6)` = `timestamp with time zone`,
 * `int4[][]` = `integer[]`, `public.citext` = `citext`.
 */
export function canonicalType(written: string): string {
  let text = written.trim();
  let array = false;
  for (;;) {
    const suffix = /\s*(?:\[\s*\d*\s*\]|\barray(?:\s*\[\s*\d*\s*\])?)$/i.exec(text);
    if (!suffix || suffix.index === 0) break;
    // NOTE: Postgres records no array dimensions: integer[][] is the type integer[].
    array = true;
    text = text.slice(0, suffix.index).trimEnd();
  }
  // NOTE: user-defined types print schema-qualified when their schema is not on the search path;
  // which schema is compared separately for enums, and ignored for other types.
  text = text.replace(new RegExp(`^${IDENT}\\s*\\.\\s*(?=${IDENT})`), '');
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return `"${quoted[1]!.replace(/""/g, '"')}"${array ? '[]' : ''}`;
  const match = /^(.+?)\s*(?:\(([^)]*)\))?\s*((?:with|without)\s+time\s+zone)?$/is.exec(text);
  const rawName = (match?.[1] ?? text).toLowerCase().replace(/\s+/g, ' ');
  const zone = match?.[3]?.toLowerCase().replace(/\s+/g, ' ');
  let params = (match?.[2] ?? '')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  let name = normaliseTypeName(rawName);
  if (name === 'float') name = params.length > 0 && Number(params[0]) <= 24 ? 'real' : 'double precision';
  if (name === 'timestamptz' || name === 'timetz') name = name === 'timestamptz' ? 'timestamp with time zone' : 'time with time zone';
  if (zone) name = `${name.replace(/ (?:with|without) time zone$/, '')} ${zone}`;
  if (name === 'timestamp' || name === 'time') name = `${name} without time zone`;
  switch (name) {
    case 'real':
    case 'double precision':
      params = [];
      break;
    case 'numeric':
      if (params.length === 1) params = [params[0]!, '0'];
      break;
    case 'character':
    case 'bit':
      // NOTE: char and bit without a length have length 1.
      if (params.length === 0) params = ['1'];
      break;
    case 'timestamp with time zone':
    case 'timestamp without time zone':
    case 'time with time zone':
    case 'time without time zone':
    case 'interval':
      // NOTE: 6 (microseconds) is both the default and the maximum precision of time types.
      if (params[0] === '6') params = [];
      break;
  }
  const list = params.length > 0 ? `(${params.join(',')})` : '';
  // NOTE: format_type puts the precision of time types before the zone: timestamp(3) with time zone.
  const timeZone = /^(timestamp|time) (with(?:out)? time zone)$/.exec(name);
  return `${timeZone && list ? `${timeZone[1]}${list} ${timeZone[2]}` : `${name}${list}`}${array ? '[]' : ''}`;
}

/** `schema.name` of an enum type written as `format_type` prints it: `billing.invoice_state`, `"Status"`. */
export function parseTypeReference(written: string): { readonly schema: string; readonly name: string } {
  const text = written.trim().replace(/(?:\s*\[\s*\d*\s*\])+$/, '');
  const parts = [...text.matchAll(new RegExp(IDENT, 'g'))].map((m) => unquote(m[0]));
  if (parts.length >= 2) return { schema: parts[parts.length - 2]!, name: parts[parts.length - 1]! };
  return { schema: 'public', name: parts[0] ?? text };
}

function unquote(identifier: string): string {
  const quoted = /^"((?:[^"]|"")*)"$/.exec(identifier);
  return quoted ? quoted[1]!.replace(/""/g, '"') : identifier;
}

/** What a database-side default reduces to for comparison. */
export type DefaultShape =
  | { readonly kind: 'none' }
  | { readonly kind: 'sequence' }
  | { readonly kind: 'identity'; readonly mode: 'always' | 'by default' }
  | { readonly kind: 'generated' }
  /** A literal value: string contents, number, boolean or null, spelled as text. */
  | { readonly kind: 'literal'; readonly value: string; readonly numeric: boolean }
  | { readonly kind: 'expression'; readonly normalised: string; readonly tokens: string };

/** Reduces a default expression (as `pg_get_expr` prints it, or as code writes it) to a comparable shape. */
export function defaultShape(expression: string): DefaultShape {
  const normalised = normaliseExpression(expression);
  if (/^nextval\(/.test(normalised)) return { kind: 'sequence' };
  const literal = literalOf(normalised);
  if (literal) return literal;
  return { kind: 'expression', normalised, tokens: tokenSkeleton(normalised) };
}

/** Whether two defaults are the same, or too differently spelled to tell (then: the same). */
export function sameDefault(a: DefaultShape, b: DefaultShape, columnType: string): boolean {
  if (a.kind !== b.kind) {
    // NOTE: a literal and an expression may be the same value spelled two ways ('{}' vs '{}'::jsonb
    // is handled by cast stripping; `now()` vs a timestamp literal is not): presence is certain,
    // the value is not.
    return (a.kind === 'literal' && b.kind === 'expression') || (a.kind === 'expression' && b.kind === 'literal');
  }
  switch (a.kind) {
    case 'none':
    case 'sequence':
    case 'generated':
      return true;
    case 'identity':
      return a.mode === (b as typeof a).mode;
    case 'literal': {
      const other = b as typeof a;
      if (a.value === other.value) return true;
      if (a.numeric && other.numeric) return Number(a.value) === Number(other.value);
      if (/^jsonb?(\[\])?$/.test(columnType)) {
        const left = parseJson(a.value);
        const right = parseJson(other.value);
        // NOTE: unparseable JSON on either side: in doubt, the same.
        return left === undefined || right === undefined || canonicalJson(left) === canonicalJson(right);
      }
      // NOTE: only text-like, enum, boolean and numeric values compare reliably as text; a date or
      // timestamp literal is printed normalised by Postgres ('2020-01-01 00:00:00').
      return !isTextComparable(columnType);
    }
    case 'expression': {
      const other = b as typeof a;
      return a.normalised === other.normalised || a.tokens === other.tokens;
    }
  }
}

/** The SQL text of a literal default the code gives as a value: `'nurse'`, `0`, `false`, `null`. */
export function literalSql(value: string | number | boolean | null, text: string): string | undefined {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (text.trim() === 'null') return 'null';
  // NOTE: an object or array literal (a JSON default) compares only when it is JSON as written.
  const parsed = parseJson(text);
  return parsed === undefined ? undefined : `'${JSON.stringify(parsed).replace(/'/g, "''")}'`;
}

/**
 * Lower-cases outside string literals, unquotes plain identifiers, removes casts, schema
 * qualification of function calls, typed-literal prefixes, redundant whitespace and outer
 * parentheses; maps the spellings of the current timestamp to `now()`.
 */
export function normaliseExpression(expression: string): string {
  const parts = splitStrings(expression.trim());
  let out = '';
  for (const [index, part] of parts.entries()) {
    if (part.string) {
      out += part.text;
      continue;
    }
    let text = part.text.toLowerCase();
    text = text.replace(/"([a-z_][a-z0-9_$]*)"/g, '$1');
    text = text.replace(CAST, '').replace(/!=/g, '<>');
    // NOTE: `interval '1 day'` and `'1 day'::interval` are the same constant.
    if (parts[index + 1]?.string) text = text.replace(/\b(?:interval|date|time|timestamp|timestamptz|text|uuid|json|jsonb|numeric|integer|bigint|boolean)\s*$/, '');
    text = text.replace(/\b[a-z_][a-z0-9_$]*\s*\.\s*(?=[a-z_][a-z0-9_$]*\s*\()/g, '');
    text = text.replace(/\b(?:current_timestamp|transaction_timestamp\(\s*\))(?!\s*\()/g, 'now()');
    text = text.replace(/\s+/g, ' ').replace(/\s*([(),=<>+\-*/|])\s*/g, '$1');
    out += text;
  }
  out = out.trim();
  for (;;) {
    const stripped = stripOuterParens(out);
    if (stripped === out) return out;
    out = stripped;
  }
}

/** A cast suffix: `::text`, `::character varying(40)`, `::"Status"[]`, `::billing.state`, `::timestamp(3) with time zone`. */
const CAST = new RegExp(
  String.raw`::\s*${IDENT}(?:\s*\.\s*${IDENT})?(?:\s+(?:varying|precision))?(?:\s*\([^)]*\))?(?:\s+(?:with|without)\s+time\s+zone)?(?:\s*\[\s*\d*\s*\])*`,
  'gi',
);

function splitStrings(text: string): { readonly text: string; readonly string: boolean }[] {
  const parts: { text: string; string: boolean }[] = [];
  let last = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === "'") {
          if (text[j + 1] === "'") j++;
          else break;
        }
      }
      if (i > last) parts.push({ text: text.slice(last, i), string: false });
      parts.push({ text: text.slice(i, j + 1), string: true });
      i = j + 1;
      last = i;
      continue;
    }
    i++;
  }
  if (last < text.length) parts.push({ text: text.slice(last), string: false });
  return parts;
}

function stripOuterParens(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  let level = 0;
  let offset = 0;
  for (const part of splitStrings(text)) {
    if (!part.string) {
      for (let i = 0; i < part.text.length; i++) {
        const ch = part.text[i];
        if (ch === '(') level++;
        else if (ch === ')') {
          level--;
          // NOTE: `(a)+(b)` starts and ends with parentheses that do not enclose it.
          if (level === 0 && offset + i < text.length - 1) return text;
        }
      }
    }
    offset += part.text.length;
  }
  return level === 0 ? text.slice(1, -1).trim() : text;
}

function literalOf(normalised: string): DefaultShape | undefined {
  const string = /^'((?:[^']|'')*)'$/.exec(normalised);
  if (string) {
    const value = string[1]!.replace(/''/g, "'");
    return { kind: 'literal', value, numeric: isNumeric(value) };
  }
  if (isNumeric(normalised)) return { kind: 'literal', value: normalised, numeric: true };
  if (normalised === 'true' || normalised === 'false' || normalised === 'null') return { kind: 'literal', value: normalised, numeric: false };
  return undefined;
}

function isNumeric(text: string): boolean {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text.trim());
}

function isTextComparable(columnType: string): boolean {
  const base = columnType.replace(/\[\]$/, '');
  if (/^(?:text|character varying|character|citext|boolean|smallint|integer|bigint|numeric|real|double precision|uuid)\b/.test(base)) return true;
  // NOTE: anything else unknown to this list is an enum or another user-defined type: text-like.
  return !/^(?:date|time|timestamp|interval|json|jsonb|bytea|inet|cidr|macaddr|point|line|money|bit|tsvector|xml)\b/.test(base);
}

/** Identifiers, numbers and string literals of an expression, sorted: tolerant of deparse formatting. */
function tokenSkeleton(normalised: string): string {
  const tokens: string[] = [];
  for (const part of splitStrings(normalised)) {
    if (part.string) tokens.push(part.text);
    else tokens.push(...(part.text.match(/[a-z_][a-z0-9_$]*|\d+(?:\.\d+)?|[<>=!]+|[-+*/%|&]/g) ?? []));
  }
  return tokens.sort().join(' ');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
