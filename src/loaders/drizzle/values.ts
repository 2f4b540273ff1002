import type { Dialect } from '../../model/schema-model.js';
import type { TS } from '../typescript.js';
import type { ExternalTable } from './builders.js';

/**
 * Values of the small symbolic evaluator the Drizzle loader runs over syntax.
 * It understands exactly what schema code needs — literals, objects and spreads, arrays,
 * arrow-function helpers, Drizzle builder chains — and answers `unknown` for anything else.
 * Nothing is ever executed.
 */
export type Value =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'undefined' }
  | { readonly kind: 'array'; readonly items: readonly ArrayItem[] }
  | { readonly kind: 'object'; readonly props: readonly ObjectProp[] }
  | { readonly kind: 'function'; readonly node: FunctionNode; readonly scope: Scope }
  /** An export of drizzle-orm: `pgTable`, `integer`, `index`, `sql`, ... */
  | { readonly kind: 'drizzle'; readonly name: string; readonly dialect: Dialect | 'common' }
  /** `import * as p from 'drizzle-orm/pg-core'`, or the builders parameter of a columns callback. */
  | { readonly kind: 'namespace'; readonly dialect: Dialect }
  /** `import * as schema from './schema'`. */
  | { readonly kind: 'module'; readonly file: string }
  | { readonly kind: 'dbSchema'; readonly name: string; readonly dialect: Dialect }
  | { readonly kind: 'tableFactory'; readonly dialect: Dialect; readonly schema?: string; readonly transform?: Value }
  | { readonly kind: 'table'; readonly decl: TableDecl }
  /** The parameter of a table's extra-config callback: `t.authorId` is a column of this table. */
  | { readonly kind: 'tableColumns'; readonly decl: TableDecl }
  | { readonly kind: 'columnRef'; readonly decl: TableDecl; readonly key: string; readonly node: TS.Node }
  /** A table a Drizzle package declares (`authUsers` from 'drizzle-orm/supabase'), and its columns. */
  | { readonly kind: 'externalTable'; readonly codeName: string; readonly table: ExternalTable }
  | { readonly kind: 'externalColumn'; readonly codeName: string; readonly table: ExternalTable; readonly key: string }
  | { readonly kind: 'column'; readonly state: ColumnState }
  | { readonly kind: 'enum'; readonly decl: EnumDecl }
  | { readonly kind: 'customType'; readonly info: CustomTypeDecl }
  | { readonly kind: 'sql'; readonly text: string }
  | { readonly kind: 'constraint'; readonly state: ConstraintState }
  | { readonly kind: 'method'; readonly target: Value; readonly name: string }
  /** A known Drizzle construct that carries no schema facts (relations, policies, views). */
  | { readonly kind: 'ignored'; readonly what: string }
  /** `external`: the value comes from a module schema-lint does not load (a package). */
  | { readonly kind: 'unknown'; readonly node: TS.Node; readonly reason: string; readonly external?: boolean };

export type FunctionNode = TS.ArrowFunction | TS.FunctionExpression | TS.FunctionDeclaration | TS.MethodDeclaration;

export interface ArrayItem {
  readonly value: Value;
  readonly node: TS.Node;
}

export interface ObjectProp {
  readonly key: string;
  readonly value: Value;
  /** The property node (carries the span and JSDoc). */
  readonly node: TS.Node;
  readonly file: string;
  /** The `...helper` spread the property came through, if any. */
  readonly viaSpread?: TS.Node;
}

export interface Scope {
  readonly file: string;
  lookup(name: string): Value;
}

export interface TableDecl {
  readonly id: number;
  readonly file: string;
  readonly node: TS.CallExpression;
  readonly scope: Scope;
  readonly dialect: Dialect;
  readonly schema?: string;
  readonly name: Value;
  readonly transform?: Value;
  readonly columns: Value;
  readonly extra?: Value;
  /** The binding the table is assigned to (`export const users = ...`); set on discovery. */
  exportName?: string;
  /** The declaration node (for table-level JSDoc). */
  declarationNode?: TS.Node;
}

export interface EnumDecl {
  readonly file: string;
  readonly node: TS.CallExpression;
  readonly dialect: Dialect;
  readonly schema?: string;
  readonly name: Value;
  readonly values: Value;
  exportName?: string;
}

export interface CustomTypeDecl {
  readonly file: string;
  readonly node: TS.Node;
  readonly name: string;
  /** What `dataType()` returns without a column config. */
  readonly dataType?: string;
  readonly dataTypeFn?: Value & { readonly kind: 'function' };
  readonly writeCalls: readonly string[];
  readonly readCalls: readonly string[];
  readonly literalKey?: { readonly value: string; readonly node: TS.Node };
}

export interface ReferenceDecl {
  readonly thunk: Value;
  readonly actions?: Value;
  /** The `.references(...)` call. */
  readonly node: TS.CallExpression;
  readonly file: string;
}

export interface ColumnState {
  readonly file: string;
  readonly dialect: Dialect;
  /** Builder name as Drizzle exports it: 'varchar', 'serial', 'enum', 'custom'. */
  readonly builder: string;
  readonly nameArg?: string;
  readonly config?: Value;
  /** The base builder call: `varchar('email', { length: 255 })`. */
  readonly baseNode: TS.Node;
  readonly enumDecl?: EnumDecl;
  readonly custom?: CustomTypeDecl;
  readonly notNull: boolean;
  readonly primaryKey?: { readonly node: TS.Node; readonly config?: Value };
  readonly unique?: { readonly node: TS.Node; readonly name?: string; readonly nullsNotDistinct: boolean };
  readonly default?: { readonly kind: 'literal' | 'sql' | 'application'; readonly text: string; readonly value?: string | number | boolean | null };
  readonly identity?: 'always' | 'by default';
  readonly generated?: string;
  readonly autoIncrement?: boolean;
  readonly arrayDimensions: number;
  readonly declaredType?: string;
  readonly references: readonly ReferenceDecl[];
}

export type ConstraintState =
  | {
      readonly type: 'index';
      readonly file: string;
      readonly node: TS.Node;
      readonly unique: boolean;
      readonly name?: string;
      readonly columns: readonly Value[];
      /** Source text of each element, for expressions. */
      readonly columnTexts?: readonly string[];
      readonly method?: string;
      readonly where?: string;
    }
  | { readonly type: 'primaryKey'; readonly file: string; readonly node: TS.Node; readonly name?: string; readonly columns: readonly Value[] }
  | {
      readonly type: 'foreignKey';
      readonly file: string;
      readonly node: TS.Node;
      readonly name?: string;
      readonly columns: readonly Value[];
      readonly foreignColumns: readonly Value[];
      readonly onDelete?: Value;
      readonly onUpdate?: Value;
    }
  | { readonly type: 'unique'; readonly file: string; readonly node: TS.Node; readonly name?: string; readonly columns: readonly Value[]; readonly nullsNotDistinct: boolean }
  | { readonly type: 'check'; readonly file: string; readonly node: TS.Node; readonly name?: string; readonly expression: string };

export const UNDEFINED: Value = { kind: 'undefined' };

export function unknown(node: TS.Node, reason: string): Value {
  return { kind: 'unknown', node, reason };
}

export function asString(value: Value | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

export function asNumber(value: Value | undefined): number | undefined {
  return value?.kind === 'number' ? value.value : undefined;
}

export function asBoolean(value: Value | undefined): boolean | undefined {
  return value?.kind === 'boolean' ? value.value : undefined;
}

/** The last property named `key` (later properties override earlier ones, as in JS). */
export function prop(value: Value | undefined, key: string): Value | undefined {
  if (value?.kind !== 'object') return undefined;
  for (let i = value.props.length - 1; i >= 0; i--) {
    const p = value.props[i]!;
    if (p.key === key) return p.value;
  }
  return undefined;
}

/** Object properties with later duplicates winning, in first-seen order (JS semantics). */
export function effectiveProps(value: Value & { kind: 'object' }): ObjectProp[] {
  const byKey = new Map<string, ObjectProp>();
  // NOTE: a redefined key keeps the position of its first definition, as in JS objects.
  for (const p of value.props) byKey.set(p.key, p);
  return [...byKey.values()];
}
