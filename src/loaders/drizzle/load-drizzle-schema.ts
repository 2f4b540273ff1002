import path from 'node:path';
import {
  REFERENTIAL_ACTIONS,
  type CheckConstraint,
  type Column,
  type ColumnDefault,
  type DocTag,
  type EnumType,
  type ForeignKey,
  type ForeignKeyFixAnchor,
  type Index,
  type IndexElement,
  type PrimaryKey,
  type ReferentialAction,
  type Table,
  type UniqueConstraint,
} from '../../model/schema-model.js';
import type { Span } from '../../model/span.js';
import type { LoadProblem } from '../load-problem.js';
import { readSourceFile, type ReadResult } from '../source-file.js';
import { spanOfNode, spanOfRange } from '../spans.js';
import { loadTypeScript, type TS } from '../typescript.js';
import { timed } from '../../lint/timing.js';
import { SERIAL_BUILDERS, sqlTypeOf, type ExternalTable } from './builders.js';
import { Evaluator, type EvaluatorHost, type ModuleInfo } from './evaluator.js';
import { DrizzleFixAnchors } from './fix-anchors.js';
import { ModuleResolver } from './module-resolver.js';
import { formatUserTypeName } from './pg-types.js';
import { parseModule } from './parse-module.js';
import { asString, effectiveProps, prop, type ColumnState, type ConstraintState, type EnumDecl, type ObjectProp, type TableDecl, type Value } from './values.js';

export type Casing = 'snake_case' | 'camelCase';

export interface LoaderStats {
  readonly filesRead: number;
  readonly filesParsed: number;
  readonly evaluationSteps: number;
}

export interface DrizzleLoadOptions {
  /** How Drizzle derives SQL names for columns declared without one (drizzle config `casing`). */
  readonly casing?: Casing;
  /** Reads a source file; the fix runner passes edited texts that are not on disk yet. Default: the file system. */
  readonly readSource?: (file: string) => ReadResult;
}

export interface DrizzleLoadResult {
  readonly tables: Table[];
  readonly enums: EnumType[];
  /** Every file parsed, roots and the files they import. */
  readonly files: string[];
  readonly problems: LoadProblem[];
  /** Files with syntax errors: rule diagnostics in them are withheld. */
  readonly filesWithSyntaxErrors: Set<string>;
  /** Work counts (files read and parsed, expressions evaluated), for linear-growth tests. */
  readonly stats: LoaderStats;
}

const DRIZZLE_IMPORT = /['"]drizzle-orm(?:\/[^'"]*)?['"]/;

/** Cheap pre-parse check used for folder inputs: does the text import Drizzle at all? */
export function mightBeDrizzleSchema(text: string): boolean {
  return DRIZZLE_IMPORT.test(text);
}

/**
 * Loads Drizzle schema files into the intermediate model, syntactically: no type checker,
 * no module resolution beyond relative imports and tsconfig paths, and no code execution.
 */
export function loadDrizzleSchema(rootFiles: readonly string[], options: DrizzleLoadOptions = {}): DrizzleLoadResult {
  return new DrizzleLoader(options).load(rootFiles);
}

interface ReadTable {
  readonly decl: TableDecl;
  readonly table: MutableTable;
  /** Column property key → column. */
  readonly byKey: Map<string, MutableColumn>;
  /**
   * Column property key → the name Drizzle gives the column before casing applies (the explicit
   * name, else the key). Drizzle builds unique-constraint names from it.
   */
  readonly drizzleNameByKey: Map<string, string>;
  readonly pendingForeignKeys: PendingForeignKey[];
  readonly constraints: ConstraintState[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableColumn = Mutable<Column>;
type MutableTable = Omit<Mutable<Table>, 'columns' | 'foreignKeys' | 'indexes' | 'uniqueConstraints' | 'checks' | 'primaryKeyDeclarations'> & {
  columns: MutableColumn[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
  uniqueConstraints: UniqueConstraint[];
  checks: CheckConstraint[];
  primaryKeyDeclarations: PrimaryKey[];
};

interface PendingForeignKey {
  readonly span: Span;
  readonly declaredVia: 'column' | 'table';
  readonly explicitName?: string;
  readonly columns: readonly { readonly decl: TableDecl; readonly key: string }[];
  readonly target: { readonly decl?: TableDecl; readonly external?: ExternalTable; readonly codeName: string; readonly keys: readonly string[] };
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly fix?: ForeignKeyFixAnchor;
}

class DrizzleLoader implements EvaluatorHost {
  readonly ts = loadTypeScript();
  private readonly resolver = new ModuleResolver(this.ts);
  private readonly modules = new Map<string, ModuleInfo | null>();
  private readonly evaluator = new Evaluator(this);
  private readonly anchors = new DrizzleFixAnchors(this.ts, (file) => this.modules.get(file) ?? undefined);
  private readonly tableDecls: TableDecl[] = [];
  private readonly enumDecls: EnumDecl[] = [];
  private readonly problems: LoadProblem[] = [];
  private readonly syntaxErrors = new Set<string>();
  private readonly reported = new Set<string>();
  private filesRead = 0;
  private filesParsed = 0;

  constructor(private readonly options: DrizzleLoadOptions) {}

  load(rootFiles: readonly string[]): DrizzleLoadResult {
    const roots = rootFiles.map((f) => path.resolve(f));
    const reached = timed('load: read and parse', () => this.reachableModules(roots));
    // NOTE: every reached module is searched, not only those importing Drizzle directly: tables
    // are also built through local helpers and modules that re-export Drizzle's builders.
    timed('load: evaluate', () => {
      for (const module of reached) {
        for (const [name, initializer] of module.declarations) {
          if (this.isCallLike(initializer)) this.evaluator.lookupTopLevel(module, name);
        }
      }
    });

    const exported = this.exportedDecls(reached);

    const read: ReadTable[] = [];
    const byDecl = new Map<TableDecl, ReadTable>();
    timed('load: read tables', () => {
      for (let i = 0; i < this.tableDecls.length; i++) {
        const decl = this.tableDecls[i]!;
        const table = this.readTable(decl);
        if (table) {
          read.push(table);
          byDecl.set(decl, table);
        }
      }
    });
    for (const table of read) {
      this.readConstraints(table);
      const [primaryKey] = table.table.primaryKeyDeclarations;
      if (primaryKey) table.table.primaryKey = primaryKey;
    }
    for (const table of read) this.linkForeignKeys(table, byDecl, exported);

    const tables: Table[] = [];
    for (const r of read) {
      if (exported.has(r.decl)) {
        tables.push(r.table as Table);
      } else {
        this.problem(
          'schema-lint/unsupported-syntax',
          r.decl.declarationNode ?? r.decl.node,
          `Table \`${r.table.name}\` is not exported, so drizzle-kit does not create it; schema-lint leaves it out of the model.`,
          'Export the table from its schema file if it belongs in the database.',
        );
      }
    }
    tables.sort(compareBySpan);
    const enums: EnumType[] = [];
    for (const decl of this.enumDecls) {
      const read = this.readEnum(decl);
      if (exported.has(decl)) enums.push(...read);
      else if (read[0]) {
        this.problem(
          'schema-lint/unsupported-syntax',
          decl.node,
          `Enum \`${read[0].name}\` is not exported, so drizzle-kit does not create it; schema-lint leaves it out of the model.`,
          'Export the enum from its schema file; columns of this type cannot be created without it.',
        );
      }
    }
    enums.sort(compareBySpan);
    return {
      tables,
      enums,
      files: [...this.modules.values()].flatMap((m) => (m ? [m.file] : [])),
      problems: this.problems,
      filesWithSyntaxErrors: this.syntaxErrors,
      stats: { filesRead: this.filesRead, filesParsed: this.filesParsed, evaluationSteps: this.evaluator.steps },
    };
  }

  // ── EvaluatorHost ──────────────────────────────────────────────────────────

  module(file: string): ModuleInfo | undefined {
    const cached = this.modules.get(file);
    if (cached !== undefined) return cached ?? undefined;
    this.filesRead++;
    const result = (this.options.readSource ?? readSourceFile)(file);
    if (!result.ok) {
      this.problems.push(result.problem);
      this.modules.set(file, null);
      return undefined;
    }
    const ts = this.ts;
    const kind = file.endsWith('.tsx') || file.endsWith('.jsx') ? ts.ScriptKind.TSX : file.endsWith('.js') || file.endsWith('.mjs') || file.endsWith('.cjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    this.filesParsed++;
    const sourceFile = ts.createSourceFile(file, result.text, ts.ScriptTarget.Latest, true, kind);
    const parseDiagnostics = (sourceFile as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    if (parseDiagnostics.length > 0) {
      this.syntaxErrors.add(file);
      for (const diagnostic of parseDiagnostics.slice(0, 5)) {
        this.problems.push({
          id: 'schema-lint/parse-error',
          severity: 'error',
          message: `Syntax error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}.`.replace(/\.\.$/, '.'),
          help: 'Fix the syntax error; schema-lint withholds findings for a file that does not parse.',
          span: spanOfRange(sourceFile, diagnostic.start, diagnostic.start + diagnostic.length),
        });
      }
    }
    const module = parseModule(ts, file, sourceFile);
    this.modules.set(file, module);
    return module;
  }

  moduleFor(specifier: string, fromFile: string): ModuleInfo | undefined {
    const file = this.resolver.resolve(specifier, fromFile);
    if (!file || file.includes(`${path.sep}node_modules${path.sep}`) || file.endsWith('.d.ts')) return undefined;
    return this.module(file);
  }

  onTable(decl: TableDecl): void {
    this.tableDecls.push(decl);
  }

  onEnum(decl: EnumDecl): void {
    this.enumDecls.push(decl);
  }

  // ── discovery ──────────────────────────────────────────────────────────────

  /** Roots plus every local module they import or re-export, transitively. */
  private reachableModules(roots: readonly string[]): ModuleInfo[] {
    const seen = new Set<string>();
    const order: ModuleInfo[] = [];
    const queue = [...roots];
    for (let next = 0; next < queue.length; next++) {
      const file = queue[next]!;
      if (seen.has(file)) continue;
      seen.add(file);
      const module = this.module(file);
      if (!module) continue;
      order.push(module);
      const specifiers = [
        ...[...module.imports.values()].map((i) => i.specifier),
        ...[...module.exports.values()].flatMap((e) => ('specifier' in e ? [e.specifier] : [])),
        ...module.starExports,
      ];
      for (const specifier of new Set(specifiers)) {
        const target = this.resolver.resolve(specifier, file);
        if (!target || seen.has(target) || target.includes(`${path.sep}node_modules${path.sep}`) || target.endsWith('.d.ts')) continue;
        // NOTE: follow a dependency only when it can declare schema objects.
        if (module.importsDrizzle || this.mayDeclareSchema(target)) queue.push(target);
      }
    }
    return order;
  }

  /**
   * Tables and enums bound to an export of their module. NOTE: drizzle-kit creates only tables and
   * enums it finds among the exports of the schema files; one kept in a local variable never
   * reaches the database.
   */
  private exportedDecls(modules: readonly ModuleInfo[]): Set<TableDecl | EnumDecl> {
    const exported = new Set<TableDecl | EnumDecl>();
    for (const module of modules) {
      for (const entry of module.exports.values()) {
        if (!('local' in entry)) continue;
        const declaration = module.declarations.get(entry.local);
        if (!declaration || this.ts.isFunctionDeclaration(declaration)) continue;
        const value = this.evaluator.lookupTopLevel(module, entry.local);
        if (value.kind === 'table' || value.kind === 'enum') exported.add(value.decl);
      }
    }
    return exported;
  }

  private mayDeclareSchema(file: string): boolean {
    const module = this.module(file);
    return !!module && (module.importsDrizzle || module.starExports.length > 0 || [...module.exports.values()].some((e) => 'specifier' in e));
  }

  private isCallLike(node: TS.Node): boolean {
    const ts = this.ts;
    let current = node;
    while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    }
    return ts.isCallExpression(current);
  }

  // ── reading ────────────────────────────────────────────────────────────────

  private problem(id: LoadProblem['id'], at: TS.Node | Span, message: string, help?: string): void {
    const span = 'kind' in at ? spanOfNode(at) : at;
    const key = `${id}:${span.file}:${span.start.line}:${span.start.column}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ id, severity: 'warn', message, ...(help ? { help } : {}), span });
  }

  private readTable(decl: TableDecl): ReadTable | undefined {
    const ts = this.ts;
    let name = asString(decl.name);
    if (name !== undefined && decl.transform?.kind === 'function') {
      name = asString(this.evaluator.invoke(decl.transform, [{ kind: 'string', value: name }], decl.node));
    }
    const exportName = decl.exportName ?? '(anonymous)';
    if (name === undefined) {
      this.problem('schema-lint/unresolved-reference', decl.node.arguments[0] ?? decl.node, `Cannot determine the SQL name of table \`${exportName}\`: ${decl.name.kind === 'unknown' ? decl.name.reason : 'it is not a string'}.`, 'Pass the table name as a string literal.');
      return undefined;
    }
    let columnsValue = decl.columns;
    if (columnsValue.kind === 'function') columnsValue = this.evaluator.invoke(columnsValue, [{ kind: 'namespace', dialect: decl.dialect }], decl.node);
    if (columnsValue.kind !== 'object') {
      this.problem('schema-lint/unresolved-reference', decl.node.arguments[1] ?? decl.node, `Cannot read the columns of table \`${name}\`: ${columnsValue.kind === 'unknown' ? columnsValue.reason : 'they are not an object literal'}.`);
      return undefined;
    }

    const tableSpan = this.tableSpan(decl);
    const table: MutableTable = {
      kind: 'table',
      source: 'drizzle',
      dialect: decl.dialect,
      name,
      ...(decl.schema !== undefined ? { schema: decl.schema } : {}),
      exportName,
      columns: [],
      primaryKeyDeclarations: [],
      foreignKeys: [],
      indexes: [],
      uniqueConstraints: [],
      checks: [],
      docTags: decl.declarationNode ? this.docTags(decl.declarationNode) : [],
      span: tableSpan,
    };
    const tableFix = this.anchors.table(decl);
    if (tableFix) table.fix = tableFix;
    const read: ReadTable = { decl, table, byKey: new Map(), drizzleNameByKey: new Map(), pendingForeignKeys: [], constraints: [] };

    for (const property of effectiveProps(columnsValue)) {
      const column = this.readColumn(property, read);
      if (column) {
        table.columns.push(column);
        read.byKey.set(property.key, column);
      }
    }
    return read;
  }

  /**
   * `pgTable('users'` — or, for a table built inside a helper (`generateTable('users', ...)`),
   * the helper call at the binding, so every table points at its own declaration.
   */
  private tableSpan(decl: TableDecl): Span {
    const ts = this.ts;
    let call: TS.CallExpression = decl.node;
    const declaration = decl.declarationNode;
    const sf = declaration?.getSourceFile();
    if (declaration && sf && (sf !== decl.node.getSourceFile() || decl.node.pos < declaration.pos || decl.node.end > declaration.end)) {
      let site: TS.Node | undefined = ts.isVariableDeclaration(declaration) ? declaration.initializer : ts.isExportAssignment(declaration) ? declaration.expression : undefined;
      while (site && (ts.isParenthesizedExpression(site) || ts.isAsExpression(site) || ts.isSatisfiesExpression(site) || ts.isNonNullExpression(site))) site = site.expression;
      // NOTE: `helper(...).enableRLS()` — the innermost call is the helper call.
      while (site && ts.isCallExpression(site) && ts.isPropertyAccessExpression(site.expression) && ts.isCallExpression(site.expression.expression)) site = site.expression.expression;
      if (site && ts.isCallExpression(site)) call = site;
    }
    const file = call.getSourceFile();
    const first = call.arguments[0];
    return spanOfRange(file, call.expression.getStart(file), first ? first.end : call.end);
  }

  private readColumn(property: ObjectProp, read: ReadTable): MutableColumn | undefined {
    const { table } = read;
    const value = property.value;
    if (value.kind !== 'column') {
      const reason = value.kind === 'unknown' ? value.reason : `it is a ${value.kind} value, not a column builder`;
      if (property.key.startsWith('...')) {
        this.problem('schema-lint/unresolved-reference', property.node, `Cannot resolve the spread \`${property.key}\` in table \`${table.name}\`: ${reason}.`, 'Spread a plain object of column builders declared in this project.');
      } else {
        this.problem('schema-lint/unresolved-reference', property.node, `Cannot determine column \`${property.key}\` of table \`${table.name}\`: ${reason}.`, 'Declare the column with a Drizzle column builder imported from drizzle-orm, or a helper defined in this project.');
      }
      return undefined;
    }
    const state = value.state;
    const ts = this.ts;
    const sqlName = state.nameArg ?? applyCasing(property.key, this.options.casing);
    const drizzleName = state.nameArg ?? property.key;
    read.drizzleNameByKey.set(property.key, drizzleName);
    const enumName = state.enumDecl ? this.enumSqlName(state.enumDecl) : undefined;
    const enumSql = state.enumDecl ? this.enumFormatName(state.enumDecl) : undefined;
    const customDataType = state.custom ? (this.evaluator.customDataType(state.custom, state.config) ?? state.custom.dataType) : undefined;
    if (state.custom && customDataType === undefined) {
      this.problem(
        'schema-lint/unresolved-reference',
        state.baseNode,
        `Cannot determine the SQL type of column \`${table.name}.${sqlName}\`: \`${state.custom.name}.dataType()\` does not return a string known before run time.`,
        'Return a string literal (or a template of literal values) from the custom type\'s dataType().',
      );
    }
    const type = sqlTypeOf({
      dialect: state.dialect,
      builder: state.builder,
      ...(state.config ? { config: state.config } : {}),
      arrayDimensions: state.arrayDimensions,
      ...(enumName ? { enumName } : {}),
      ...(enumSql ? { enumSql } : {}),
      ...(customDataType ? { customDataType } : {}),
    });
    const isSerial = SERIAL_BUILDERS.has(state.builder);
    let columnDefault: ColumnDefault | undefined;
    if (state.default) {
      columnDefault =
        state.default.kind === 'literal'
          ? { kind: 'literal', value: state.default.value ?? null, text: state.default.text }
          : { kind: state.default.kind, text: state.default.text };
    }
    if (isSerial && state.dialect === 'postgresql') {
      const seq = `${table.schema && table.schema !== 'public' ? `${table.schema}.` : ''}${table.name}_${sqlName}_seq`;
      columnDefault = { kind: 'sql', text: `nextval('${seq}'::regclass)` };
    }
    const sf = property.node.getSourceFile();
    const column: MutableColumn = {
      kind: 'column',
      name: sqlName,
      propertyKey: property.key,
      type: {
        ...type,
        builder: state.custom ? `customType:${state.custom.name}` : state.builder,
        ...(state.custom
          ? {
              custom: {
                name: state.custom.name,
                writeCalls: state.custom.writeCalls,
                readCalls: state.custom.readCalls,
                ...(state.custom.literalKey ? { literalKey: { value: state.custom.literalKey.value, span: spanOfNode(state.custom.literalKey.node) } } : {}),
              },
            }
          : {}),
      },
      // NOTE: PRIMARY KEY, serial and identity columns are NOT NULL in the database.
      nullable: !(state.notNull || state.primaryKey || isSerial || state.identity || (state.dialect === 'mysql' && state.builder === 'serial')),
      ...(columnDefault ? { default: columnDefault } : {}),
      primaryKey: !!state.primaryKey,
      unique: !!state.unique || (state.dialect === 'mysql' && state.builder === 'serial'),
      ...(state.identity ? { identity: state.identity } : {}),
      ...(state.generated !== undefined ? { generated: state.generated } : {}),
      ...(state.declaredType !== undefined ? { declaredType: state.declaredType } : {}),
      typeSpan: spanOfNode(state.baseNode),
      docTags: this.docTags(property.node),
      span: spanOfRange(sf, property.node.getStart(sf), property.node.end),
      ...(property.viaSpread ? { inheritedFrom: `${spanOfNode(property.viaSpread).file}:${spanOfNode(property.viaSpread).start.line}` } : {}),
    };
    const columnFix = this.anchors.column(property, state, read.decl);
    if (columnFix) column.fix = columnFix;
    if (state.primaryKey) {
      table.primaryKeyDeclarations.push({ kind: 'primaryKey', declaredVia: 'column', name: `${table.name}_pkey`, columns: [sqlName], span: spanOfMethod(ts, state.primaryKey.node) });
    }
    if (state.unique) {
      table.uniqueConstraints.push({
        kind: 'unique',
        declaredVia: 'column',
        name: state.unique.name ?? `${table.name}_${drizzleName}_unique`,
        columns: [sqlName],
        nullsNotDistinct: state.unique.nullsNotDistinct,
        span: spanOfMethod(ts, state.unique.node),
      });
    }
    for (const reference of state.references) this.readColumnReference(reference, property.key, read);
    return column;
  }

  private readColumnReference(reference: ColumnState['references'][number], key: string, read: ReadTable): void {
    const ts = this.ts;
    const call = reference.node;
    const span = spanOfMethod(ts, ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call);
    let targetValue: Value = reference.thunk;
    if (targetValue.kind === 'function') targetValue = this.evaluator.invoke(targetValue, [], call);
    const actions = reference.actions;
    const onDelete = this.action(prop(actions, 'onDelete'), span);
    const onUpdate = this.action(prop(actions, 'onUpdate'), span);
    const explicitName = asString(prop(actions, 'name'));
    const fix = this.anchors.references(call, read.decl);
    const base = {
      span,
      declaredVia: 'column' as const,
      ...(explicitName ? { explicitName } : {}),
      columns: [{ decl: read.decl, key }],
      ...(onDelete ? { onDelete } : {}),
      ...(onUpdate ? { onUpdate } : {}),
      ...(fix ? { fix } : {}),
    };
    if (targetValue.kind === 'columnRef') {
      read.pendingForeignKeys.push({ ...base, target: { decl: targetValue.decl, codeName: targetValue.decl.exportName ?? '(anonymous)', keys: [targetValue.key] } });
      return;
    }
    if (targetValue.kind === 'externalColumn') {
      read.pendingForeignKeys.push({ ...base, target: { external: targetValue.table, codeName: targetValue.codeName, keys: [targetValue.key] } });
      return;
    }
    const thunkNode = call.arguments[0];
    const body = thunkNode && (ts.isArrowFunction(thunkNode) || ts.isFunctionExpression(thunkNode)) ? thunkNode.body : thunkNode;
    const access = body && ts.isPropertyAccessExpression(body) && isNameChain(ts, body.expression) ? body : undefined;
    if (access && targetValue.kind === 'unknown' && targetValue.external) {
      // NOTE: the target is imported from a module schema-lint does not load (a package, a
      // missing file): keep the FK with its code name; no-unresolved-fk decides what to say.
      read.pendingForeignKeys.push({ ...base, target: { codeName: access.expression.getText(), keys: [access.name.text] } });
      return;
    }
    this.problem(
      'schema-lint/unresolved-reference',
      span,
      `Cannot resolve the target of the foreign key on \`${read.table.name}.${key}\`${targetValue.kind === 'unknown' ? `: ${targetValue.reason}` : ''}.`,
      'Reference the target column directly: `.references(() => users.id)`.',
    );
  }

  private action(value: Value | undefined, node: TS.Node | Span): ReferentialAction | undefined {
    if (!value || value.kind === 'undefined') return undefined;
    const text = asString(value)?.toLowerCase();
    if (text && (REFERENTIAL_ACTIONS as readonly string[]).includes(text)) return text as ReferentialAction;
    this.problem('schema-lint/unresolved-reference', node, `Cannot read the referential action${text ? ` "${text}"` : ''}: expected one of ${REFERENTIAL_ACTIONS.map((a) => `'${a}'`).join(', ')}.`);
    return undefined;
  }

  private readConstraints(read: ReadTable): void {
    const { decl, table } = read;
    if (!decl.extra) return;
    let extra = decl.extra;
    if (extra.kind === 'function') extra = this.evaluator.invoke(extra, [{ kind: 'tableColumns', decl }], decl.node);
    if (extra.kind !== 'array' && extra.kind !== 'object' && extra.kind !== 'undefined') {
      this.problem('schema-lint/unresolved-reference', decl.node.arguments[2] ?? decl.node, `Cannot read the extra configuration of table \`${table.name}\`${extra.kind === 'unknown' ? `: ${extra.reason}` : ''}.`);
      return;
    }
    // NOTE: Drizzle reads an array with `.flat(1)` and an object with `Object.values`.
    const entries: { value: Value; node: TS.Node }[] =
      extra.kind === 'array'
        ? extra.items.flatMap((i) => (i.value.kind === 'array' ? i.value.items.map((n) => ({ value: n.value, node: n.node })) : [{ value: i.value, node: i.node }]))
        : extra.kind === 'object'
          ? effectiveProps(extra).map((p) => ({ value: p.value, node: p.node }))
          : [];
    for (const entry of entries) {
      const value = entry.value;
      if (value.kind === 'constraint') this.readConstraint(value.state, read);
      else if (value.kind === 'ignored' || value.kind === 'undefined' || value.kind === 'null' || value.kind === 'boolean') continue;
      else if (value.kind === 'object' && extra.kind === 'array') {
        // NOTE: `(t) => [{ pk: primaryKey(...) }]` — Drizzle skips objects inside the array, so
        // nothing in it reaches the database (a pattern copied from older Auth.js docs).
        const names = value.props.filter((p) => p.value.kind === 'constraint').map((p) => p.key);
        this.problem(
          'schema-lint/unsupported-syntax',
          entry.node,
          `Drizzle ignores this object inside the extra-configuration array of table \`${table.name}\`${names.length > 0 ? `: ${names.map((n) => `\`${n}\``).join(', ')} ${names.length === 1 ? 'is' : 'are'} not created` : ''}.`,
          'Put the constraints directly in the array: `(t) => [primaryKey({ columns: [...] })]`.',
        );
      } else {
        this.problem(
          'schema-lint/unresolved-reference',
          entry.node,
          `Cannot understand this entry in the extra configuration of table \`${table.name}\`${value.kind === 'unknown' ? `: ${value.reason}` : ''}.`,
          'Use index(), uniqueIndex(), primaryKey(), foreignKey(), unique() or check() from drizzle-orm.',
        );
      }
    }
  }

  private readConstraint(state: ConstraintState, read: ReadTable): void {
    const { table } = read;
    const span = spanOfNode(state.node);
    const own = (values: readonly Value[], what: string): string[] | undefined => {
      const names: string[] = [];
      for (const value of values) {
        if (value.kind === 'columnRef' && value.decl === read.decl && read.byKey.has(value.key)) {
          names.push(read.byKey.get(value.key)!.name);
        } else {
          this.problem('schema-lint/unresolved-reference', state.node, `Cannot resolve a column of the ${what} on table \`${table.name}\`${value.kind === 'columnRef' ? `: \`${value.key}\` is not a column of this table` : ''}.`);
          return undefined;
        }
      }
      return names;
    };
    switch (state.type) {
      case 'primaryKey': {
        const columns = own(state.columns, 'primary key');
        if (!columns) return;
        table.primaryKeyDeclarations.push({ kind: 'primaryKey', declaredVia: 'table', name: state.name ?? `${table.name}_${columns.join('_')}_pk`, columns, span });
        // NOTE: Postgres makes every primary-key column NOT NULL.
        for (const column of table.columns) if (columns.includes(column.name)) column.nullable = false;
        return;
      }
      case 'unique': {
        const columns = own(state.columns, 'unique constraint');
        if (!columns) return;
        // NOTE: Drizzle names unique constraints after the columns' names before casing.
        const drizzleNames = state.columns.map((c) => (c.kind === 'columnRef' ? read.drizzleNameByKey.get(c.key) : undefined) ?? '?');
        table.uniqueConstraints.push({
          kind: 'unique',
          declaredVia: 'table',
          name: state.name ?? `${table.name}_${drizzleNames.join('_')}_unique`,
          columns,
          nullsNotDistinct: state.nullsNotDistinct,
          span,
        });
        return;
      }
      case 'check':
        table.checks.push({ kind: 'check', ...(state.name ? { name: state.name } : {}), expression: state.expression, span });
        return;
      case 'index': {
        const elements: IndexElement[] = [];
        for (const [i, value] of state.columns.entries()) {
          if (value.kind === 'columnRef' && value.decl === read.decl && read.byKey.has(value.key)) elements.push({ kind: 'column', column: read.byKey.get(value.key)!.name });
          else if (value.kind === 'sql') elements.push({ kind: 'expression', text: value.text });
          else if (value.kind === 'columnRef') {
            const owner = value.decl === read.decl ? undefined : (value.decl.exportName ?? asString(value.decl.name));
            this.problem(
              'schema-lint/unresolved-reference',
              state.node,
              owner
                ? `Index on table \`${table.name}\` refers to \`${owner}.${value.key}\`, a column of another table.`
                : `Index on table \`${table.name}\` refers to \`${value.key}\`, which is not a column of this table.`,
            );
            return;
          } else {
            this.problem(
              'schema-lint/unresolved-reference',
              state.node,
              `Cannot resolve element \`${state.columnTexts?.[i] ?? i + 1}\` of an index on table \`${table.name}\`${value.kind === 'unknown' ? `: ${value.reason}` : ''}; it is read as an expression.`,
              'Pass columns of the table (`t.column`) or a sql`...` expression to .on().',
            );
            elements.push({ kind: 'expression', text: state.columnTexts?.[i] ?? '?' });
          }
        }
        const columnNames = elements.map((e) => (e.kind === 'column' ? e.column : 'expr'));
        table.indexes.push({
          kind: 'index',
          name: state.name ?? `${table.name}_${columnNames.join('_')}_index`,
          explicitName: state.name !== undefined,
          elements,
          unique: state.unique,
          ...(state.where !== undefined ? { where: state.where } : {}),
          ...(state.method !== undefined ? { method: state.method } : {}),
          span,
        });
        return;
      }
      case 'foreignKey': {
        const columns: { decl: TableDecl; key: string }[] = [];
        for (const value of state.columns) {
          if (value.kind !== 'columnRef') {
            this.problem('schema-lint/unresolved-reference', state.node, `Cannot resolve the columns of a foreign key on table \`${table.name}\`.`);
            return;
          }
          columns.push({ decl: value.decl, key: value.key });
        }
        const targets = state.foreignColumns;
        const first = targets[0];
        const onDelete = state.onDelete ? this.action(state.onDelete, state.node) : undefined;
        const onUpdate = state.onUpdate ? this.action(state.onUpdate, state.node) : undefined;
        const fix = this.anchors.foreignKeyChain(state.node, read.decl);
        const actions = { ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}), ...(fix ? { fix } : {}) };
        if (first?.kind === 'externalColumn' && targets.every((t) => t.kind === 'externalColumn' && t.table === first.table)) {
          read.pendingForeignKeys.push({
            span,
            declaredVia: 'table',
            ...(state.name ? { explicitName: state.name } : {}),
            columns,
            target: { external: first.table, codeName: first.codeName, keys: targets.map((t) => (t as { key: string }).key) },
            ...actions,
          });
          return;
        }
        if (!first || first.kind !== 'columnRef' || targets.some((t) => t.kind !== 'columnRef' || t.decl !== first.decl)) {
          this.problem('schema-lint/unresolved-reference', state.node, `Cannot resolve the referenced columns of a foreign key on table \`${table.name}\`.`, 'List columns of one table in `foreignColumns`: `foreignColumns: [users.id]`.');
          return;
        }
        read.pendingForeignKeys.push({
          span,
          declaredVia: 'table',
          ...(state.name ? { explicitName: state.name } : {}),
          columns,
          target: { decl: first.decl, codeName: first.decl.exportName ?? '(anonymous)', keys: targets.map((t) => (t as { key: string }).key) },
          ...actions,
        });
        return;
      }
    }
  }

  private linkForeignKeys(read: ReadTable, byDecl: Map<TableDecl, ReadTable>, exported: ReadonlySet<TableDecl | EnumDecl>): void {
    const { table } = read;
    for (const pending of read.pendingForeignKeys) {
      const columns: string[] = [];
      for (const { decl, key } of pending.columns) {
        const owner = byDecl.get(decl);
        const column = owner?.byKey.get(key);
        if (!column || owner !== read) {
          this.problems.push({ id: 'schema-lint/unresolved-reference', severity: 'warn', message: `Foreign key on table \`${table.name}\` uses \`${key}\`, which is not a column of this table.`, span: pending.span });
          columns.length = 0;
          break;
        }
        columns.push(column.name);
      }
      if (columns.length === 0) continue;
      const targetRead = pending.target.decl ? byDecl.get(pending.target.decl) : undefined;
      const external = pending.target.external;
      const targetColumns = pending.target.keys.map((key) => (external ? external.columns[key] : targetRead?.byKey.get(key)?.name));
      // NOTE: a package's table (Supabase `auth.users`) is known but not part of the model.
      const resolved = !!targetRead && exported.has(targetRead.decl) && targetColumns.every((c) => c !== undefined);
      const targetTable = external ?? targetRead?.table;
      const fk: ForeignKey = {
        kind: 'foreignKey',
        name: pending.explicitName ?? `${[table.name, ...columns, targetTable?.name ?? pending.target.codeName, ...targetColumns.map((c, i) => c ?? pending.target.keys[i]!)].join('_')}_fk`,
        explicitName: pending.explicitName !== undefined,
        columns,
        target: {
          ...(targetTable ? { table: targetTable.name } : {}),
          ...(targetTable?.schema !== undefined ? { schema: targetTable.schema } : {}),
          codeName: pending.target.codeName,
          columns: targetColumns.map((c, i) => c ?? pending.target.keys[i]!),
          resolved,
        },
        ...(pending.onDelete ? { onDelete: pending.onDelete } : {}),
        ...(pending.onUpdate ? { onUpdate: pending.onUpdate } : {}),
        declaredVia: pending.declaredVia,
        span: pending.span,
        ...(pending.fix ? { fix: pending.fix } : {}),
      };
      table.foreignKeys.push(fk);
    }
  }

  private readEnum(decl: EnumDecl): EnumType[] {
    const name = asString(decl.name);
    if (name === undefined) {
      this.problem('schema-lint/unresolved-reference', decl.node, 'Cannot determine the SQL name of this enum: it is computed at run time.');
      return [];
    }
    const values = decl.values.kind === 'array' ? decl.values.items.flatMap((i) => (i.value.kind === 'string' ? [i.value.value] : [])) : [];
    return [
      {
        kind: 'enum',
        name,
        ...(decl.schema !== undefined ? { schema: decl.schema } : {}),
        exportName: decl.exportName ?? name,
        values,
        span: spanOfNode(decl.node),
      },
    ];
  }

  private enumSqlName(decl: EnumDecl): string | undefined {
    const name = asString(decl.name);
    if (name === undefined) return undefined;
    return decl.schema && decl.schema !== 'public' ? `${decl.schema}.${name}` : name;
  }

  private enumFormatName(decl: EnumDecl): string | undefined {
    const name = asString(decl.name);
    return name === undefined ? undefined : formatUserTypeName(name, decl.schema);
  }

  private docTags(node: TS.Node): DocTag[] {
    return readDocTags(this.ts, node);
  }
}

/** `users`, `billing.plans`: identifiers joined by property access, nothing computed. */
function isNameChain(ts: typeof TS, node: TS.Expression): boolean {
  if (ts.isIdentifier(node)) return true;
  return ts.isPropertyAccessExpression(node) && isNameChain(ts, node.expression);
}

/** Span from a method name to the end of its call: `references(() => users.id)`. */
function spanOfMethod(ts: typeof TS, nameNode: TS.Node): Span {
  const sf = nameNode.getSourceFile();
  let end = nameNode.end;
  const access = nameNode.parent;
  if (access && ts.isPropertyAccessExpression(access) && access.parent && ts.isCallExpression(access.parent)) end = access.parent.end;
  return spanOfRange(sf, nameNode.getStart(sf), end);
}

/** Drizzle's own conversion (drizzle-orm/casing.js): words are digit/lower runs, acronyms, Capitalised runs. */
export function applyCasing(key: string, casing: Casing | undefined): string {
  if (!casing) return key;
  const words = key.replace(/['\u2019]/g, '').match(/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g) ?? [];
  if (casing === 'snake_case') return words.map((w) => w.toLowerCase()).join('_');
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : `${w[0]!.toUpperCase()}${w.slice(1)}`)).join('');
}

function compareBySpan(a: { span: Span }, b: { span: Span }): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column;
}

/**
 * JSDoc tags written just before a node. NOTE: a `/** ... *\/` on the same line as the previous
 * property (`{ a: 1, /** @phi x *\/ b: 2 }`) is, to TypeScript, a trailing comment of the comma, and
 * ts.getJSDocTags misses it; so read both comment kinds before the node and parse the last JSDoc.
 */
export function readDocTags(ts: typeof TS, target: TS.Node): DocTag[] {
  // NOTE: a table's JSDoc sits before `export const`, on the statement, not the declaration.
  const node = ts.isVariableDeclaration(target) && ts.isVariableDeclarationList(target.parent) && target.parent.declarations.length === 1 ? target.parent.parent : target;
  const sf = node.getSourceFile();
  const text = sf.text;
  const start = node.getStart(sf);
  const ranges = [...(ts.getTrailingCommentRanges(text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(text, node.pos) ?? [])]
    .filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia && r.end <= start && text.startsWith('/**', r.pos) && !text.startsWith('/**/', r.pos))
    .sort((a, b) => a.pos - b.pos);
  const last = ranges.at(-1);
  if (!last) return [];
  // parseIsolatedJSDocComment is public at run time but missing from the typings.
  const parse = (ts as unknown as { parseIsolatedJSDocComment(text: string, start: number, length: number): { jsDoc: TS.JSDoc } | undefined }).parseIsolatedJSDocComment;
  const parsed = parse(text, last.pos, last.end - last.pos);
  return (parsed?.jsDoc.tags ?? []).map((tag: TS.JSDocTag) => ({
    tag: tag.tagName.text,
    text: (ts.getTextOfJSDocComment(tag.comment) ?? '').trim(),
    span: spanOfRange(sf, tag.pos, tag.end),
  }));
}
