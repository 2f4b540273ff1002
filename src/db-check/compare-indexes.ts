import { qualifiedName } from '../model/model-queries.js';
import type { Table } from '../model/schema-model.js';
import type { Span } from '../model/span.js';
import type { CatalogIndex, CatalogTable } from './catalog.js';
import type { DriftDiagnostics } from './drift-diagnostics.js';
import { normaliseExpression } from './normalise.js';

/** Which tables and columns exist on one side only, for not reporting what follows from them. */
export interface Presence {
  /** The table exists on one side only. */
  isTableAbsent(key: string): boolean;
  /** The column exists on one side only. */
  isAbsent(key: string, column: string): boolean;
}

export interface IndexShape {
  readonly name?: string;
  readonly unique: boolean;
  readonly method: string;
  /** Per element: the column name, or undefined for an expression. */
  readonly columns: readonly (string | undefined)[];
  /** Uniqueness, method, key elements and predicate, in order: equal signatures are the same index. */
  readonly signature: string;
  /** Uniqueness, method and which elements are columns (and which): for indexes paired by name. */
  readonly structure: string;
  /** Tokens of expressions and predicate, sorted, without deparse noise: for indexes paired by name. */
  readonly looseTokens: string;
  /** Every column the index uses; for code indexes, column names found in its expressions too. */
  readonly uses: readonly string[];
  readonly description: string;
}

/**
 * Matches the code's indexes and unique constraints with the table's indexes in the database:
 * first by signature (uniqueness, method, key elements, predicate; never by name), then, for what
 * is left, by name, which also catches an index changed under the same name.
 */
export function compareIndexes(key: string, code: Table, db: CatalogTable, presence: Presence, report: DriftDiagnostics): void {
  const renames = new Map<string, string>();
  for (const column of code.columns) if (column.propertyKey !== column.name) renames.set(column.propertyKey, column.name);
  const columnNames = new Set(code.columns.map((c) => c.name));
  const codeShapes: { shape: IndexShape; span: Span }[] = [];
  for (const index of code.indexes) {
    const elements = index.elements.map((e) => (e.kind === 'column' ? { column: e.column } : { expression: e.text }));
    codeShapes.push({ shape: indexShape(code, index.name, index.unique, index.method ?? 'btree', elements, index.where, renames, columnNames, index.unique ? 'unique index' : 'index'), span: index.span });
  }
  for (const unique of code.uniqueConstraints) {
    const elements = unique.columns.map((column) => ({ column }));
    codeShapes.push({ shape: indexShape(code, unique.name, true, 'btree', elements, undefined, renames, columnNames, 'unique constraint'), span: unique.span });
  }
  const dbShapes = db.indexes.map((index) => catalogIndexShape(code, index));

  const dbBySignature = new Map<string, IndexShape[]>();
  for (const shape of dbShapes) pushTo(dbBySignature, shape.signature, shape);
  const codeLeft: typeof codeShapes = [];
  for (const entry of codeShapes) {
    if (!dbBySignature.get(entry.shape.signature)?.shift()) codeLeft.push(entry);
  }
  const dbByName = new Map<string, IndexShape>();
  for (const list of dbBySignature.values()) for (const shape of list) dbByName.set(shape.name!, shape);
  const involvesAbsent = (shape: IndexShape) => shape.uses.some((c) => presence.isAbsent(key, c));
  for (const entry of codeLeft) {
    const { shape } = entry;
    const named = shape.name === undefined ? undefined : dbByName.get(shape.name);
    if (named) {
      dbByName.delete(named.name!);
      if (involvesAbsent(shape) || involvesAbsent(named)) continue;
      // NOTE: Postgres deparses expressions and predicates its own way (`x IN (...)` becomes
      // `x = ANY (ARRAY[...])`); an index of the same name and shape whose tokens agree is the same.
      if (named.structure === shape.structure && named.looseTokens === shape.looseTokens) continue;
      report.indexDiffers(code, shape, named, entry.span);
      continue;
    }
    if (involvesAbsent(shape)) continue;
    report.missingIndex(code, shape, entry.span);
  }
  for (const shape of dbByName.values()) {
    if (involvesAbsent(shape)) continue;
    report.extraIndex(code, shape);
  }
}

function indexShape(
  table: Table,
  name: string | undefined,
  unique: boolean,
  method: string,
  elements: readonly ({ column: string } | { expression: string })[],
  where: string | undefined,
  renames: ReadonlyMap<string, string>,
  columnNames: ReadonlySet<string>,
  kind: string,
): IndexShape {
  const keys = elements.map((e) => ('column' in e ? e.column : expressionKey(e.expression, renames)));
  const predicate = where === undefined ? '' : expressionKey(where, renames);
  const uses = new Set<string>();
  for (const e of elements) {
    if ('column' in e) uses.add(e.column);
  }
  for (const token of [...keys, predicate].join(' ').split(' ')) if (columnNames.has(token)) uses.add(token);
  return {
    ...(name !== undefined ? { name } : {}),
    unique,
    method: method.toLowerCase(),
    columns: elements.map((e) => ('column' in e ? e.column : undefined)),
    signature: signatureOf(unique, method, keys, predicate),
    structure: structureOf(unique, method, elements.map((e) => ('column' in e ? e.column : undefined)), where !== undefined),
    looseTokens: looseTokensOf(keys, elements.map((e) => 'column' in e), predicate),
    uses: [...uses],
    description: describeIndex(kind, name, table, elements.map((e) => ('column' in e ? e.column : e.expression)), where),
  };
}

function catalogIndexShape(table: Table, index: CatalogIndex): IndexShape {
  const keys = index.elements.map((e) => (e.kind === 'column' ? e.column : expressionKey(e.text, new Map())));
  const predicate = index.predicate === undefined ? '' : expressionKey(index.predicate, new Map());
  const kind = index.uniqueConstraint ? 'unique constraint' : index.unique ? 'unique index' : 'index';
  return {
    name: index.name,
    unique: index.unique,
    method: index.method,
    columns: index.elements.map((e) => (e.kind === 'column' ? e.column : undefined)),
    signature: signatureOf(index.unique, index.method, keys, predicate),
    structure: structureOf(index.unique, index.method, index.elements.map((e) => (e.kind === 'column' ? e.column : undefined)), index.predicate !== undefined),
    looseTokens: looseTokensOf(keys, index.elements.map((e) => e.kind === 'column'), predicate),
    uses: index.columns,
    description: describeIndex(kind, index.name, table, index.elements.map((e) => (e.kind === 'column' ? e.column : e.text)), index.predicate),
  };
}

function signatureOf(unique: boolean, method: string, keys: readonly string[], predicate: string): string {
  return `${unique ? 'unique' : 'index'} ${method.toLowerCase()} (${keys.join(' | ')}) where ${predicate}`;
}

function structureOf(unique: boolean, method: string, columns: readonly (string | undefined)[], hasPredicate: boolean): string {
  return `${unique ? 'unique' : 'index'} ${method.toLowerCase()} (${columns.map((c) => c ?? '<expression>').join(',')}) ${hasPredicate ? 'partial' : ''}`;
}

/** NOTE: words Postgres adds or drops when it deparses: `x IN (a, b)` is `x = ANY (ARRAY[a, b])`. */
const DEPARSE_NOISE = new Set(['in', 'any', 'array', '=']);

function looseTokensOf(keys: readonly string[], isColumn: readonly boolean[], predicate: string): string {
  const tokens = [...keys.filter((_, i) => !isColumn[i]), predicate].join(' ').split(' ');
  return tokens
    .filter((t) => t !== '' && !DEPARSE_NOISE.has(t))
    .sort()
    .join(' ');
}

/**
 * Tokens of an index expression or predicate, in order, without parentheses, casts or table
 * qualification: `lower((email)::text)` and `lower("email")` both give `lower email`.
 */
function expressionKey(text: string, renames: ReadonlyMap<string, string>): string {
  let renamed = text;
  if (renames.size > 0) {
    // NOTE: the code may refer to a column by its property key; the catalog uses the SQL name.
    renamed = text.replace(/"((?:[^"]|"")*)"|\b([A-Za-z_][\w$]*)\b/g, (whole: string, quoted: string | undefined, bare: string | undefined) => {
      const target = renames.get(quoted ?? bare ?? '');
      return target === undefined ? whole : `"${target}"`;
    });
  }
  const normalised = normaliseExpression(renamed).replace(/\b[a-z_][a-z0-9_$]*\.(?=[a-z_])/g, '');
  return (normalised.match(/'(?:[^']|'')*'|[a-z_][a-z0-9_$]*|\d+(?:\.\d+)?|[<>=!~]+|[-+*/%|&]/g) ?? []).join(' ');
}

function describeIndex(kind: string, name: string | undefined, table: Table, elements: readonly string[], where: string | undefined): string {
  return `${kind}${name ? ` ${name}` : ''} on ${qualifiedName(table)} (${elements.join(', ')})${where ? ` WHERE ${where}` : ''}`;
}

export function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

