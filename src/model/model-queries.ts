import type { Column, ForeignKey, Index, PrimaryKey, SchemaModel, Table, UniqueConstraint } from './schema-model.js';

export type KeyLike = PrimaryKey | UniqueConstraint | Index;

/** `schema.table` when the table is not in the default schema, else `table`. */
export function qualifiedName(table: { readonly name: string; readonly schema?: string }): string {
  return table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
}

/** Key for table lookups: always schema-qualified, with the default schema spelled out. */
export function tableKey(name: string, schema?: string): string {
  return `${schema ?? 'public'}.${name}`;
}

/** Column names of an index, or undefined at the first expression element. */
export function indexColumns(index: Index): readonly string[] {
  const names: string[] = [];
  for (const element of index.elements) {
    if (element.kind !== 'column') break;
    names.push(element.column);
  }
  return names;
}

/** Every column list whose prefix can serve lookups on the table: PK, unique constraints, indexes. */
export function keyLikeColumnLists(table: Table): { readonly source: KeyLike; readonly columns: readonly string[] }[] {
  const lists: { source: KeyLike; columns: readonly string[] }[] = [];
  if (table.primaryKey) lists.push({ source: table.primaryKey, columns: table.primaryKey.columns });
  for (const unique of table.uniqueConstraints) lists.push({ source: unique, columns: unique.columns });
  for (const index of table.indexes) lists.push({ source: index, columns: indexColumns(index) });
  return lists;
}

/**
 * The first PK, unique constraint or index whose leading columns are `columns`, in order.
 * NOTE: this is splinter's `unindexed_foreign_keys` definition with prefix matching: an index on
 * (a, b) covers an FK on (a), not one on (b); an index on (b, a) does not cover an FK on (a, b).
 * Partial indexes count, as they do in the catalog query.
 */
export function findCoveringIndex(
  table: Table,
  columns: readonly string[],
  options: { readonly includePartial?: boolean } = {},
): KeyLike | undefined {
  if (columns.length === 0) return undefined;
  for (const { source, columns: candidate } of keyLikeColumnLists(table)) {
    if (options.includePartial === false && source.kind === 'index' && source.where) continue;
    if (candidate.length < columns.length) continue;
    if (columns.every((column, i) => candidate[i] === column)) return source;
  }
  return undefined;
}

/** Lookups built once per model, so rules stay linear in schema size. */
export class ModelIndex {
  private readonly tables = new Map<string, Table>();
  private readonly columns = new Map<Table, Map<string, Column>>();

  constructor(readonly model: SchemaModel) {
    for (const table of model.tables) {
      const key = tableKey(table.name, table.schema);
      if (!this.tables.has(key)) this.tables.set(key, table);
    }
  }

  table(name: string, schema?: string): Table | undefined {
    return this.tables.get(tableKey(name, schema));
  }

  column(table: Table, name: string): Column | undefined {
    let byName = this.columns.get(table);
    if (!byName) {
      byName = new Map(table.columns.map((c) => [c.name, c]));
      this.columns.set(table, byName);
    }
    return byName.get(name);
  }

  /** The table an FK points to, when it exists in the model. */
  targetOf(fk: ForeignKey): Table | undefined {
    return fk.target.table === undefined ? undefined : this.table(fk.target.table, fk.target.schema);
  }
}
