import { indexColumns, qualifiedName } from './model-queries.js';
import type { ReferentialAction, SchemaModel } from './schema-model.js';

/**
 * The documented JSON shape of `schema-lint model` (version 1). SQL names throughout;
 * `null` for an action that was not declared (which the database treats as 'no action').
 */
export interface ModelJson {
  readonly version: 1;
  readonly tables: readonly {
    readonly name: string;
    /** Database schema; 'public' for Postgres tables outside any pgSchema, null for MySQL/SQLite. */
    readonly schema: string | null;
    readonly source: string;
    readonly exportName: string;
    readonly file: string;
    readonly line: number;
    readonly columns: readonly { readonly name: string; readonly type: string; readonly nullable: boolean; readonly default: string | null; readonly primaryKey: boolean; readonly unique: boolean }[];
    readonly primaryKey: readonly string[] | null;
    readonly foreignKeys: readonly {
      readonly name: string | null;
      readonly columns: readonly string[];
      readonly referencedTable: string;
      readonly referencedColumns: readonly string[];
      readonly onDelete: ReferentialAction | null;
      readonly onUpdate: ReferentialAction | null;
    }[];
    readonly indexes: readonly { readonly name: string | null; readonly columns: readonly string[]; readonly expressions: readonly string[]; readonly unique: boolean; readonly where: string | null }[];
    readonly uniqueConstraints: readonly { readonly name: string | null; readonly columns: readonly string[] }[];
    readonly checks: readonly { readonly name: string | null; readonly expression: string }[];
  }[];
  readonly enums: readonly { readonly name: string; readonly schema: string | null; readonly values: readonly string[] }[];
}

export function toModelJson(model: SchemaModel, relativePath: (file: string) => string): ModelJson {
  return {
    version: 1,
    tables: model.tables.map((t) => ({
      name: t.name,
      schema: t.dialect === 'postgresql' ? (t.schema ?? 'public') : (t.schema ?? null),
      source: t.source,
      exportName: t.exportName,
      file: relativePath(t.span.file),
      line: t.span.start.line,
      columns: t.columns.map((c) => ({
        name: c.name,
        type: c.type.sql,
        nullable: c.nullable,
        default: c.default && c.default.kind !== 'application' ? c.default.text : null,
        primaryKey: c.primaryKey,
        unique: c.unique,
      })),
      primaryKey: t.primaryKey ? t.primaryKey.columns : null,
      foreignKeys: t.foreignKeys.map((fk) => ({
        name: fk.name ?? null,
        columns: fk.columns,
        referencedTable: qualifiedName({ name: fk.target.table ?? fk.target.codeName, schema: fk.target.schema }),
        referencedColumns: fk.target.columns,
        onDelete: fk.onDelete ?? null,
        onUpdate: fk.onUpdate ?? null,
      })),
      indexes: t.indexes.map((i) => ({
        name: i.name ?? null,
        columns: indexColumns(i),
        expressions: i.elements.flatMap((e) => (e.kind === 'expression' ? [e.text] : [])),
        unique: i.unique,
        where: i.where ?? null,
      })),
      uniqueConstraints: t.uniqueConstraints.map((u) => ({ name: u.name ?? null, columns: u.columns })),
      checks: t.checks.map((c) => ({ name: c.name ?? null, expression: c.expression })),
    })),
    enums: model.enums.map((e) => ({ name: e.name, schema: e.schema ?? null, values: e.values })),
  };
}
