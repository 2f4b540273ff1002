import path from 'node:path';
import { qualifiedName, tableKey } from '../model/model-queries.js';
import type { Table } from '../model/schema-model.js';
import type { DiagnosticProperties } from './diagnostic.js';
import type { ReportNode } from './define-rule.js';

/**
 * Identity of a model node, stable across edits that only move code:
 * built from SQL names, never from positions.
 */
export function nodeIdentity(node: ReportNode, table: Table | undefined): string {
  const owner = table ? tableKey(table.name, table.schema) : '';
  switch (node.kind) {
    case 'table':
      return `table:${tableKey(node.name, node.schema)}`;
    case 'column':
      return `column:${owner}.${node.name}`;
    case 'foreignKey':
      return `fk:${owner}(${node.columns.join(',')})->${tableKey(node.target.table ?? node.target.codeName, node.target.schema)}(${node.target.columns.join(',')})`;
    case 'index':
      return `index:${owner}:${node.name ?? node.elements.map((e) => (e.kind === 'column' ? e.column : e.text)).join(',')}`;
    case 'primaryKey':
      return `pk:${owner}(${node.columns.join(',')})`;
    case 'unique':
      return `unique:${owner}(${node.columns.join(',')})`;
    case 'enum':
      return `enum:${tableKey(node.name, node.schema)}`;
    // NOTE: project facts have no SQL identity; their descriptions name repository-relative paths.
    case 'migrationMechanism':
      return `mechanism:${node.tool}:${node.description}`;
    case 'schemaWrite':
      return `schema-write:${node.operation}:${node.description}`;
    case 'alembicEnv':
      return `alembic-env:${path.basename(path.dirname(node.span.file))}/${path.basename(node.span.file)}`;
    case 'databaseConfig':
      return `database-config:${node.tool}:${node.description}`;
    case 'hardcodedCredential':
      return `credential:${node.masked}:${path.basename(node.span.file)}`;
  }
}

/** The `table` / `columns` / `referenced*` properties every diagnostic carries. */
export function nodeProperties(node: ReportNode, table: Table | undefined): DiagnosticProperties {
  switch (node.kind) {
    case 'table':
      return { table: qualifiedName(node), columns: [] };
    case 'column':
      return { table: table && qualifiedName(table), columns: [node.name] };
    case 'foreignKey':
      return {
        table: table && qualifiedName(table),
        columns: node.columns,
        referencedTable: qualifiedName({ name: node.target.table ?? node.target.codeName, schema: node.target.schema }),
        referencedColumns: node.target.columns,
      };
    case 'index':
      return {
        table: table && qualifiedName(table),
        columns: node.elements.flatMap((e) => (e.kind === 'column' ? [e.column] : [])),
      };
    case 'primaryKey':
    case 'unique':
      return { table: table && qualifiedName(table), columns: node.columns };
    case 'enum':
      return { enum: qualifiedName(node) };
    case 'migrationMechanism':
      return { tool: node.tool };
    case 'schemaWrite':
      return { operation: node.operation, guarded: node.guarded };
    case 'alembicEnv':
      return {};
    case 'databaseConfig':
      return { tool: node.tool, urlSource: node.urlSource };
    case 'hardcodedCredential':
      return { masked: node.masked };
  }
}

/** `posts.author_id → users.id`, for messages. */
export function describeForeignKey(
  fk: { readonly columns: readonly string[]; readonly target: { readonly table?: string; readonly codeName: string; readonly schema?: string; readonly columns: readonly string[] } },
  table: Table,
): string {
  const cols = (names: readonly string[]) => (names.length === 1 ? names[0] : `(${names.join(', ')})`);
  const target = qualifiedName({ name: fk.target.table ?? fk.target.codeName, schema: fk.target.schema });
  return `${qualifiedName(table)}.${cols(fk.columns)} → ${target}.${cols(fk.target.columns)}`;
}
