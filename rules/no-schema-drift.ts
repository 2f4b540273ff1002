import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import type { RelatedLocation } from '../src/engine/diagnostic.js';
import { qualifiedName, tableKey } from '../src/model/model-queries.js';
import type { Column, ForeignKey, Index, SourceKind, Table } from '../src/model/schema-model.js';
import type { Span } from '../src/model/span.js';

/**
 * Disallow a table whose Drizzle and SQLAlchemy definitions disagree.
 *
 * ## Why it matters
 * A repository with both a TypeScript and a Python service often declares the same table twice:
 * `pgTable("doctors", ...)` in Drizzle and `class Doctor(Base)` in SQLAlchemy. The database can only
 * match one of them. Where they differ, one service reads a column that does not exist, writes NULL
 * into a column the other declares NOT NULL, or truncates values to the shorter `varchar`; and each
 * ORM's migration tool "fixes" the database back to its own definition. The rule compares tables with
 * the same SQL name and schema: columns, types (as PostgreSQL spells them), nullability, the primary
 * key, foreign keys and their actions (an action not declared is NO ACTION), and indexes and unique
 * keys by their columns (names differ by convention between the ORMs). Each difference is reported at
 * both definitions.
 *
 * ## Examples
 * ```project invalid
 * --- drizzle.config.ts
 * export default defineConfig({ schema: './shared/schema.ts', dialect: 'postgresql' });
 * --- shared/schema.ts
 * import { pgTable, serial, varchar } from 'drizzle-orm/pg-core';
 * export const doctors = pgTable('doctors', {
 *   id: serial('id').primaryKey(),
 *   specialty: varchar('specialty', { length: 100 }).notNull(),
 * });
 * --- app/models.py
 * from sqlalchemy import Column, Integer, String
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * class Doctor(Base):
 *     __tablename__ = "doctors"
 *     id = Column(Integer, primary_key=True)
 *     specialty = Column(String(255))
 * ```
 * ```project valid
 * --- drizzle.config.ts
 * export default defineConfig({ schema: './shared/schema.ts', dialect: 'postgresql' });
 * --- shared/schema.ts
 * import { pgTable, serial, varchar } from 'drizzle-orm/pg-core';
 * export const doctors = pgTable('doctors', {
 *   id: serial('id').primaryKey(),
 *   specialty: varchar('specialty', { length: 100 }).notNull(),
 * });
 * --- app/models.py
 * from sqlalchemy import Column, Integer, String
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * class Doctor(Base):
 *     __tablename__ = "doctors"
 *     id = Column(Integer, primary_key=True)
 *     specialty = Column(String(100), nullable=False)
 * ```
 *
 * ## Options
 * - `ignoreTables`: SQL names (`schema.table` outside `public`) of tables not compared.
 * - `compareIndexes` (default `true`): also compare indexes and unique keys.
 *
 * ## How to fix
 * Decide which definition matches the database (`schema-lint db-check` tells), make the other agree
 * — the column builder in Drizzle, `Column(...)`/`mapped_column(...)` in SQLAlchemy — and let one
 * migration tool own the table.
 *
 * ## References
 * - PostgreSQL documentation, `format_type()` (the type spellings compared)
 */
export default defineRule({
  id: 'no-schema-drift',
  meta: {
    description: 'Disallow differences between Drizzle and SQLAlchemy definitions of the same table',
    category: 'migrations',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    tags: ['correctness'],
    messages: {
      columnMissing: (d: DriftData & { column: string }) => `Column ${d.table}.${d.column} exists in ${d.has} but not in ${d.lacks} (${d.lacksPath}).`,
      columnType: (d: DriftData & { column: string; hereValue: string; thereValue: string }) => `Column ${d.table}.${d.column} is ${d.hereValue} in ${d.here} but ${d.thereValue} in ${d.there} (${d.therePath}).`,
      nullability: (d: DriftData & { column: string; hereValue: string; thereValue: string }) => `Column ${d.table}.${d.column} is ${d.hereValue} in ${d.here} but ${d.thereValue} in ${d.there} (${d.therePath}).`,
      primaryKey: (d: DriftData & { hereValue: string; thereValue: string }) => `Table ${d.table} has primary key ${d.hereValue} in ${d.here} but ${d.thereValue} in ${d.there} (${d.therePath}).`,
      foreignKeyMissing: (d: DriftData & { fk: string }) => `Foreign key ${d.fk} exists in ${d.has} but not in ${d.lacks} (${d.lacksPath}).`,
      foreignKeyDiffers: (d: DriftData & { fk: string; hereValue: string; thereValue: string }) => `Foreign key ${d.fk} has ${d.hereValue} in ${d.here} but ${d.thereValue} in ${d.there} (${d.therePath}).`,
      indexMissing: (d: DriftData & { index: string }) => `${d.index} exists in ${d.has} but not in ${d.lacks} (${d.lacksPath}).`,
    },
    help: 'Make the two definitions agree (check which one matches the database with `schema-lint db-check`), then let one migration tool own the table.',
    helpBySource: {
      drizzle: 'Make the two definitions agree: fix the column builder here or `Column(...)` in the SQLAlchemy model (`schema-lint db-check` tells which matches the database), then let one migration tool own the table.',
      sqlalchemy: 'Make the two definitions agree: fix `Column(...)`/`mapped_column(...)` here or the Drizzle column builder (`schema-lint db-check` tells which matches the database), then let one migration tool own the table.',
    },
  },
  options: z.object({ ignoreTables: z.array(z.string()).default([]), compareIndexes: z.boolean().default(true) }).strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreTables);
    return {
      model(model) {
        const pairs = new Map<string, { drizzle?: Table; sqlalchemy?: Table }>();
        for (const table of model.tables) {
          if (ignored.has(qualifiedName(table))) continue;
          const key = tableKey(table.name, table.schema);
          const pair = pairs.get(key) ?? {};
          // NOTE: a table declared twice in one ORM is another rule's business; compare the first.
          if (!pair[table.source]) pair[table.source] = table;
          pairs.set(key, pair);
        }
        const secretsByFile = new Map<string, Span[]>();
        for (const c of model.project?.credentials ?? []) secretsByFile.set(c.span.file, [...(secretsByFile.get(c.span.file) ?? []), c.secret]);
        for (const { drizzle, sqlalchemy } of pairs.values()) {
          if (!drizzle || !sqlalchemy) continue;
          compareTables(drizzle, sqlalchemy, {
            compareIndexes: options.compareIndexes,
            // NOTE: each descriptor's data is built for its messageId in compareTables; the cast only joins the union.
            report: (descriptor) => context.report({ ...descriptor, secrets: secretsByFile.get(descriptor.span.file) ?? [] } as never),
          });
        }
      },
    };
  },
});

export interface DriftData {
  readonly table: string;
  readonly here: string;
  readonly there: string;
  readonly therePath: string;
  readonly has: string;
  readonly lacks: string;
  readonly lacksPath: string;
}

type Side = { readonly table: Table; readonly name: string; readonly path: string };

interface DriftReport {
  readonly node: Table | Column | ForeignKey | Index;
  readonly table: Table;
  readonly messageId: 'columnMissing' | 'columnType' | 'nullability' | 'primaryKey' | 'foreignKeyMissing' | 'foreignKeyDiffers' | 'indexMissing';
  readonly data: Record<string, string>;
  readonly span: Span;
  readonly key: string;
  readonly related: readonly RelatedLocation[];
}

const ORM_NAMES: Readonly<Record<SourceKind, string>> = { drizzle: 'Drizzle', sqlalchemy: 'SQLAlchemy' };

function compareTables(drizzle: Table, sqlalchemy: Table, env: { compareIndexes: boolean; report: (d: DriftReport) => void }): void {
  const [pathA, pathB] = relativePaths(drizzle.span.file, sqlalchemy.span.file);
  const a: Side = { table: drizzle, name: ORM_NAMES.drizzle, path: pathA };
  const b: Side = { table: sqlalchemy, name: ORM_NAMES.sqlalchemy, path: pathB };
  const tableName = qualifiedName(drizzle);
  const base = (here: Side, there: Side) => ({ table: tableName, here: here.name, there: there.name, therePath: there.path, has: here.name, lacks: there.name, lacksPath: there.path });
  /** One diagnostic per side: at `hereNode` of each side, pointing at the other. */
  const both = (
    messageId: DriftReport['messageId'],
    aspect: string,
    nodes: readonly [DriftReport['node'], DriftReport['node']],
    data: (here: Side, there: Side) => Record<string, string>,
  ) => {
    const sides = [a, b] as const;
    for (let i = 0; i < 2; i++) {
      const here = sides[i]!;
      const there = sides[1 - i]!;
      const node = nodes[i]!;
      const other = nodes[1 - i]!;
      env.report({
        node,
        table: here.table,
        messageId,
        data: { ...base(here, there), ...data(here, there) },
        span: spanOf(node, here.table),
        key: `drift:${here.table.source}:${aspect}`,
        related: [{ span: spanOf(other, there.table), message: `The ${there.name} definition.` }],
      });
    }
  };
  /** Something only one side has: reported at it, and at the other side's table. */
  const oneSided = (messageId: DriftReport['messageId'], aspect: string, owner: Side, node: DriftReport['node'], data: Record<string, string>) => {
    const other = owner === a ? b : a;
    const has = { has: owner.name, lacks: other.name, lacksPath: other.path };
    env.report({ node, table: owner.table, messageId, data: { ...base(owner, other), ...has, ...data }, span: spanOf(node, owner.table), key: `drift:${owner.table.source}:${aspect}`, related: [{ span: other.table.span, message: `The ${other.name} definition.` }] });
    env.report({ node: other.table, table: other.table, messageId, data: { ...base(other, owner), ...has, ...data }, span: other.table.span, key: `drift:${other.table.source}:${aspect}`, related: [{ span: spanOf(node, owner.table), message: `Declared in ${owner.name}.` }] });
  };

  const columnsA = new Map(drizzle.columns.map((c) => [c.name, c]));
  const columnsB = new Map(sqlalchemy.columns.map((c) => [c.name, c]));
  for (const column of drizzle.columns) if (!columnsB.has(column.name)) oneSided('columnMissing', `column:${column.name}`, a, column, { column: column.name });
  for (const column of sqlalchemy.columns) if (!columnsA.has(column.name)) oneSided('columnMissing', `column:${column.name}`, b, column, { column: column.name });
  for (const [name, ca] of columnsA) {
    const cb = columnsB.get(name);
    if (!cb) continue;
    const typeOf = (c: Column) => c.type.sql;
    if (typeOf(ca) !== typeOf(cb)) {
      both('columnType', `type:${name}`, [ca, cb], (here) => ({ column: name, hereValue: here === a ? typeOf(ca) : typeOf(cb), thereValue: here === a ? typeOf(cb) : typeOf(ca) }));
    }
    if (ca.nullable !== cb.nullable) {
      const word = (c: Column) => (c.nullable ? 'nullable' : 'NOT NULL');
      both('nullability', `nullable:${name}`, [ca, cb], (here) => ({ column: name, hereValue: here === a ? word(ca) : word(cb), thereValue: here === a ? word(cb) : word(ca) }));
    }
  }

  const pk = (t: Table) => (t.primaryKey ? `(${t.primaryKey.columns.join(', ')})` : 'none');
  if (pk(drizzle) !== pk(sqlalchemy)) {
    both('primaryKey', 'primary-key', [drizzle, sqlalchemy], (here) => ({ hereValue: here === a ? pk(drizzle) : pk(sqlalchemy), thereValue: here === a ? pk(sqlalchemy) : pk(drizzle) }));
  }

  const fkKey = (fk: ForeignKey) => fk.columns.join(',');
  const fksB = new Map(sqlalchemy.foreignKeys.map((fk) => [fkKey(fk), fk]));
  const fksA = new Map(drizzle.foreignKeys.map((fk) => [fkKey(fk), fk]));
  const fkName = (fk: ForeignKey) => `${tableName}.${cols(fk.columns)} → ${qualifiedName({ name: fk.target.table ?? fk.target.codeName, ...(fk.target.schema ? { schema: fk.target.schema } : {}) })}.${cols(fk.target.columns)}`;
  for (const fk of drizzle.foreignKeys) if (!fksB.has(fkKey(fk))) oneSided('foreignKeyMissing', `fk:${fkKey(fk)}`, a, fk, { fk: fkName(fk) });
  for (const fk of sqlalchemy.foreignKeys) if (!fksA.has(fkKey(fk))) oneSided('foreignKeyMissing', `fk:${fkKey(fk)}`, b, fk, { fk: fkName(fk) });
  for (const [key, fa] of fksA) {
    const fb = fksB.get(key);
    if (!fb) continue;
    const target = (fk: ForeignKey) => `references ${qualifiedName({ name: fk.target.table ?? fk.target.codeName, ...(fk.target.schema ? { schema: fk.target.schema } : {}) })}.${cols(fk.target.columns)}`;
    const action = (fk: ForeignKey, which: 'onDelete' | 'onUpdate') => `${which === 'onDelete' ? 'ON DELETE' : 'ON UPDATE'} ${(fk[which] ?? 'no action').toUpperCase()}`;
    const aspects: [string, (fk: ForeignKey) => string][] = [
      ['target', target],
      ['on-delete', (fk) => action(fk, 'onDelete')],
      ['on-update', (fk) => action(fk, 'onUpdate')],
    ];
    for (const [aspect, describe] of aspects) {
      if (describe(fa) === describe(fb)) continue;
      both('foreignKeyDiffers', `fk:${key}:${aspect}`, [fa, fb], (here) => ({ fk: fkName(fa), hereValue: here === a ? describe(fa) : describe(fb), thereValue: here === a ? describe(fb) : describe(fa) }));
    }
  }

  if (!env.compareIndexes) return;
  const keysOf = (t: Table) => {
    const plain = new Map<string, { node: Table | Index; label: string }>();
    const unique = new Map<string, { node: Table | Index | Column; label: string }>();
    for (const index of t.indexes) {
      if (index.elements.some((e) => e.kind !== 'column')) continue;
      const columns = index.elements.map((e) => (e.kind === 'column' ? e.column : ''));
      const key = `${columns.join(',')}${index.where ? ' partial' : ''}`;
      (index.unique ? unique : plain).set(key, { node: index, label: `${index.unique ? 'Unique index' : 'Index'} on ${tableName}(${columns.join(', ')})${index.where ? ' (partial)' : ''}` });
    }
    for (const u of t.uniqueConstraints) {
      const column = u.declaredVia === 'column' && u.columns.length === 1 ? t.columns.find((c) => c.name === u.columns[0]) : undefined;
      unique.set(u.columns.join(','), { node: column ?? t, label: `Unique key on ${tableName}(${u.columns.join(', ')})` });
    }
    return { plain, unique };
  };
  const ka = keysOf(drizzle);
  const kb = keysOf(sqlalchemy);
  for (const [kind, mapA, mapB] of [['index', ka.plain, kb.plain], ['unique', ka.unique, kb.unique]] as const) {
    for (const [key, entry] of mapA) if (!mapB.has(key)) oneSided('indexMissing', `${kind}:${key}`, a, entry.node as DriftReport['node'], { index: entry.label });
    for (const [key, entry] of mapB) if (!mapA.has(key)) oneSided('indexMissing', `${kind}:${key}`, b, entry.node as DriftReport['node'], { index: entry.label });
  }
}

/** Where to point for a node: a column from a shared helper or mixin is reported at its table, not at the helper. */
function spanOf(node: DriftReport['node'], table: Table): Span {
  return node.kind === 'column' && node.inheritedFrom !== undefined ? table.span : node.span;
}

function cols(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `(${names.join(', ')})`;
}

/**
 * The two files relative to their deepest common folder (`/` separators): `shared/schema.ts` and
 * `app/models/doctor.py` in a repository, whatever the working directory.
 */
function relativePaths(first: string, second: string): [string, string] {
  const a = first.replace(/\\/g, '/').split('/');
  const b = second.replace(/\\/g, '/').split('/');
  let common = 0;
  while (common < a.length - 1 && common < b.length - 1 && a[common] === b[common]) common++;
  return [a.slice(common).join('/'), b.slice(common).join('/')];
}
