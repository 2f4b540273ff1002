import path from 'node:path';
import type { InventoryRow } from '../classification/inventory.js';
import { ModelIndex, findCoveringIndex, qualifiedName } from '../model/model-queries.js';
import type { Column, DataClass, ReferentialAction, SchemaModel, Table } from '../model/schema-model.js';
import { relativePosix } from '../reporters/paths.js';

/**
 * What the diagram draws, derived from the model once: per table its sensitivity, per column
 * its markers, per resolved foreign key an edge. Layout and rendering read only this.
 */

/** `unclassified` = the classifier infers a sensitive class but nothing is declared. */
export type SensitivityClass = 'phi' | 'special' | 'pii' | 'credential' | 'unclassified';
export type ActionClass = ReferentialAction | 'undeclared';

/** Most sensitive first: a table takes the first class any of its columns has. */
export const SENSITIVITY_ORDER: readonly SensitivityClass[] = ['phi', 'special', 'pii', 'credential', 'unclassified'];
export const ACTION_ORDER: readonly ActionClass[] = ['cascade', 'set null', 'set default', 'restrict', 'no action', 'undeclared'];

export interface DiagramColumn {
  readonly name: string;
  readonly type: string;
  /** The type as the diagram prints it: `timestamptz`, `varchar(255)` (the panel shows `type`). */
  readonly shortType: string;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly foreignKey: boolean;
  readonly sensitivity?: SensitivityClass;
  /** For `unclassified`: what the classifier infers (`phi`); else the declared class. */
  readonly dataClass?: Exclude<DataClass, 'none'>;
  readonly category?: string;
  readonly confidence?: string;
  readonly encrypted: boolean;
  /** The column leads a foreign key with no covering index. */
  readonly unindexedForeignKey: boolean;
  /** json/jsonb with no declared document type. */
  readonly untypedJson: boolean;
}

export interface DiagramTable {
  readonly index: number;
  readonly name: string;
  readonly schema?: string;
  readonly qualified: string;
  /** Path relative to the report root, `/`-separated. */
  readonly file: string;
  readonly line: number;
  readonly columns: readonly DiagramColumn[];
  /** The most sensitive class among the columns and the table's declared default. */
  readonly sensitivity?: SensitivityClass;
  /** Every class present, most sensitive first (the header tags). */
  readonly classes: readonly SensitivityClass[];
  readonly undeclaredCount: number;
  readonly unindexedCount: number;
  readonly untypedCount: number;
}

export interface DiagramEdge {
  readonly index: number;
  /** The referenced table (drawn on the left: edges run parent → child). */
  readonly parent: number;
  /** The referencing table, which holds the FK. */
  readonly child: number;
  readonly columns: readonly string[];
  readonly targetColumns: readonly string[];
  /** Column rows the edge attaches to. */
  readonly childRow: number;
  readonly parentRow: number;
  readonly onDelete: ActionClass;
  readonly onUpdate?: ReferentialAction;
  readonly unindexed: boolean;
  readonly name?: string;
}

export interface DiagramModel {
  readonly tables: readonly DiagramTable[];
  readonly edges: readonly DiagramEdge[];
  /** FKs whose target is not in the loaded model: listed, not drawn. */
  readonly unresolved: readonly { readonly table: number; readonly columns: readonly string[]; readonly target: string }[];
}

export function buildDiagramModel(model: SchemaModel, inventory: readonly InventoryRow[], root: string): DiagramModel {
  const index = new ModelIndex(model);
  const encrypted = new Set(inventory.filter((r) => r.encrypted).map((r) => `${r.table}\u0000${r.column}`));
  const position = new Map<Table, number>(model.tables.map((t, i) => [t, i]));
  const tables: DiagramTable[] = [];
  const edges: DiagramEdge[] = [];
  const unresolved: { table: number; columns: readonly string[]; target: string }[] = [];

  model.tables.forEach((table, i) => {
    const qualified = qualifiedName(table);
    const fkLeads = new Map<string, boolean>();
    for (const fk of table.foreignKeys) {
      const lead = fk.columns[0];
      if (lead === undefined) continue;
      const unindexed = findCoveringIndex(table, fk.columns) === undefined;
      fkLeads.set(lead, (fkLeads.get(lead) ?? false) || unindexed);
    }
    const fkColumns = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
    const pkColumns = new Set(table.primaryKey?.columns ?? []);
    const columns = table.columns.map((column) => diagramColumn(column, {
      primaryKey: column.primaryKey || pkColumns.has(column.name),
      foreignKey: fkColumns.has(column.name),
      unindexed: fkLeads.get(column.name) === true,
      encrypted: encrypted.has(`${qualified}\u0000${column.name}`),
    }));
    const present = new Set(columns.map((c) => c.sensitivity).filter((s) => s !== undefined));
    const tableClass = table.governance?.dataClass;
    if (tableClass && tableClass !== 'none') present.add(tableClass);
    const classes = SENSITIVITY_ORDER.filter((s) => present.has(s));
    const file = relativePosix(root, table.span.file);
    tables.push({
      index: i,
      name: table.name,
      ...(table.schema !== undefined ? { schema: table.schema } : {}),
      qualified,
      file,
      line: table.span.start.line,
      columns,
      ...(classes[0] !== undefined ? { sensitivity: classes[0] } : {}),
      classes,
      undeclaredCount: columns.filter((c) => c.sensitivity === 'unclassified').length,
      unindexedCount: table.foreignKeys.filter((fk) => findCoveringIndex(table, fk.columns) === undefined).length,
      untypedCount: columns.filter((c) => c.untypedJson).length,
    });
  });

  model.tables.forEach((table, i) => {
    for (const fk of table.foreignKeys) {
      const target = index.targetOf(fk);
      const parent = target ? position.get(target) : undefined;
      if (!target || parent === undefined) {
        unresolved.push({ table: i, columns: fk.columns, target: `${fk.target.schema ? `${fk.target.schema}.` : ''}${fk.target.table ?? fk.target.codeName}` });
        continue;
      }
      edges.push({
        index: edges.length,
        parent,
        child: i,
        columns: fk.columns,
        targetColumns: fk.target.columns,
        childRow: Math.max(0, table.columns.findIndex((c) => c.name === fk.columns[0])),
        parentRow: Math.max(0, target.columns.findIndex((c) => c.name === fk.target.columns[0])),
        onDelete: fk.onDelete ?? 'undeclared',
        ...(fk.onUpdate ? { onUpdate: fk.onUpdate } : {}),
        unindexed: findCoveringIndex(table, fk.columns) === undefined,
        ...(fk.name ? { name: fk.name } : {}),
      });
    }
  });
  return { tables, edges, unresolved };
}

function diagramColumn(column: Column, facts: { primaryKey: boolean; foreignKey: boolean; unindexed: boolean; encrypted: boolean }): DiagramColumn {
  const declared = column.declared;
  const inferred = column.inferred;
  let sensitivity: SensitivityClass | undefined;
  let dataClass: Exclude<DataClass, 'none'> | undefined;
  let category: string | undefined;
  let confidence: string | undefined;
  // NOTE: mirrors buildInventory: a declaration wins (even `none`); any inference counts otherwise.
  if (declared) {
    if (declared.dataClass !== 'none') {
      sensitivity = declared.dataClass;
      dataClass = declared.dataClass;
      category = declared.category;
    }
  } else if (inferred && inferred.dataClass !== 'none') {
    sensitivity = 'unclassified';
    dataClass = inferred.dataClass;
    category = inferred.category;
    confidence = inferred.confidence;
  }
  return {
    name: column.name,
    type: column.type.sql,
    shortType: shortType(column.type.sql),
    nullable: column.nullable,
    primaryKey: facts.primaryKey,
    foreignKey: facts.foreignKey,
    ...(sensitivity ? { sensitivity } : {}),
    ...(dataClass ? { dataClass } : {}),
    ...(category ? { category } : {}),
    ...(confidence ? { confidence } : {}),
    encrypted: facts.encrypted,
    unindexedForeignKey: facts.unindexed,
    untypedJson: (column.type.name === 'json' || column.type.name === 'jsonb') && column.declaredType === undefined,
  };
}

const SHORT_TYPES: readonly (readonly [RegExp, string])[] = [
  [/^timestamp(\(\d+\))? without time zone/, 'timestamp$1'],
  [/^timestamp(\(\d+\))? with time zone/, 'timestamptz$1'],
  [/^time(\(\d+\))? without time zone/, 'time$1'],
  [/^time(\(\d+\))? with time zone/, 'timetz$1'],
  [/^character varying/, 'varchar'],
  [/^character\b/, 'char'],
  [/^double precision/, 'float8'],
];

/** PostgreSQL's own short spellings, so the boxes stay narrow. */
export function shortType(sql: string): string {
  for (const [pattern, short] of SHORT_TYPES) if (pattern.test(sql)) return sql.replace(pattern, short);
  return sql;
}

/**
 * Tables removed, transitively, when a row of `start` is deleted: children whose FK to a
 * removed table is ON DELETE CASCADE. Breadth-first, so `depth` is the shortest chain and
 * `via` the FK that reaches the table first. The client script runs the same walk.
 */
export function cascadeChain(diagram: DiagramModel, start: number): { readonly table: number; readonly depth: number; readonly via: number }[] {
  const children = new Map<number, DiagramEdge[]>();
  for (const edge of diagram.edges) {
    if (edge.onDelete !== 'cascade') continue;
    const list = children.get(edge.parent) ?? [];
    list.push(edge);
    children.set(edge.parent, list);
  }
  const seen = new Set([start]);
  const chain: { table: number; depth: number; via: number }[] = [];
  let frontier = [start];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const parent of frontier) {
      for (const edge of children.get(parent) ?? []) {
        if (seen.has(edge.child)) continue;
        seen.add(edge.child);
        chain.push({ table: edge.child, depth, via: edge.index });
        next.push(edge.child);
      }
    }
    frontier = next;
  }
  return chain;
}

/** Absolute path → what the report shows (relative to the root, `/`-separated). */
export function displayPath(root: string, file: string): string {
  return path.isAbsolute(file) ? relativePosix(root, file) : file.split(path.sep).join('/');
}
