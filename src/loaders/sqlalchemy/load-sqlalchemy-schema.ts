import path from 'node:path';
import {
  REFERENTIAL_ACTIONS,
  type CheckConstraint,
  type Column,
  type ColumnDefault,
  type ColumnFixAnchor,
  type EnumType,
  type ForeignKey,
  type ForeignKeyFixAnchor,
  type Index,
  type IndexElement,
  type PrimaryKey,
  type ReferentialAction,
  type SqlType,
  type Table,
  type TableFixAnchor,
  type UniqueConstraint,
} from '../../model/schema-model.js';
import type { Span } from '../../model/span.js';
import type { LoadProblem } from '../load-problem.js';
import { readSourceFile, type ReadResult } from '../source-file.js';
import { bracketed, callArgs, classTableArgs, indexInScope, keywordSlot, pythonStyle } from './fix-anchors.js';
import { indentBefore } from '../../fix/source-text.js';
import { dottedName, parsePython, type PyArg, type PyExpr, type PyStmt, type Range } from './python-ast.js';
import { collectBindings, exprText, moduleFile, packageRootOf, Resolver, type AssignStmt, type ClassRef, type ClassStmt, type DefStmt, type PyModule, type Resolved } from './python-modules.js';
import {
  builtinSqlType,
  isSqlAlchemyPath,
  JSON_TYPE_NAMES,
  SA2_ANNOTATION_TYPES,
  SQLMODEL_ANNOTATION_TYPES,
  typeFromSpelling,
  UNKNOWN_TYPE,
  withArray,
  type BaseSqlType,
  type Literal,
  type TypeArgs,
} from './sqlalchemy-types.js';

export interface SqlAlchemyLoadResult {
  tables: Table[];
  enums: EnumType[];
  /** Every file parsed: the roots and the local modules they import. */
  files: string[];
  problems: LoadProblem[];
  /** Files with syntax errors: rule diagnostics in them are withheld. */
  filesWithSyntaxErrors: Set<string>;
}

const SQLALCHEMY_HINT = /^[ \t]*(?:from|import)[ \t]+(?:sqlalchemy|sqlmodel|flask_sqlalchemy)\b|\b(?:__tablename__|mapped_column\(|db\.Model\b|db\.Column\()/m;

/** Cheap pre-parse check used for folder inputs: does the text look like SQLAlchemy model code? */
export function mightBeSqlAlchemySchema(text: string): boolean {
  return SQLALCHEMY_HINT.test(text);
}

/**
 * Loads SQLAlchemy (declarative, imperative, Flask-SQLAlchemy, SQLModel) model files into
 * the intermediate model, syntactically: Python code is parsed, never imported or run.
 */
export interface SqlAlchemyLoadOptions {
  /** Reads a source file; the fix runner passes edited texts that are not on disk yet. Default: the file system. */
  readonly readSource?: (file: string) => ReadResult;
}

export function loadSqlAlchemySchema(rootFiles: readonly string[], options: SqlAlchemyLoadOptions = {}): SqlAlchemyLoadResult {
  return new SqlAlchemyLoader(options).load(rootFiles);
}

// ── internal shapes ─────────────────────────────────────────────────────────

type Flavour = 'declarative' | 'flask' | 'sqlmodel';

interface DeclRoot {
  readonly flavour: Flavour;
  readonly naming?: NamingConvention;
  /** `type_annotation_map` entries by the text of their key; undefined = the Base declares none. */
  readonly typeMap?: ReadonlyMap<string, { readonly module: PyModule; readonly expr: PyExpr }>;
  readonly typeMapUnreadable?: boolean;
}

type Role = 'root' | 'mapped' | 'abstract' | 'mixin' | 'sqlmodelBase' | 'typeDecorator' | 'enum' | 'other';

interface ClassInfo {
  readonly ref: ClassRef;
  readonly role: Role;
  readonly root?: DeclRoot;
  /** Local base classes, in declaration order. */
  readonly bases: readonly ClassInfo[];
  readonly isTable: boolean;
}

type NamingConvention = Readonly<Record<string, string>>;

interface TypeInfo {
  readonly base: BaseSqlType;
  readonly builder: string;
  readonly enumName?: string;
  readonly custom?: SqlType['custom'];
  /** A typed JSON wrapper (TypeDecorator over JSON): the text of its type expression. */
  readonly declaredJsonType?: string;
  readonly fromForeignKey?: boolean;
}

type FkTarget =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'class'; readonly ref: ClassRef; readonly attr: string }
  | { readonly kind: 'table'; readonly key: string; readonly codeName: string; readonly column: string };

interface FkPlan {
  readonly module: PyModule;
  readonly range: Range;
  readonly columns: readonly string[];
  readonly targets: readonly FkTarget[];
  readonly name?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly declaredVia: 'column' | 'table';
  readonly fix?: ForeignKeyFixAnchor;
}

interface ColumnPlan {
  key: string;
  name: string;
  readonly module: PyModule;
  readonly range: Range;
  type?: TypeInfo;
  typeRange?: Range;
  typeModule?: PyModule;
  nullable?: boolean;
  annotationNullable?: boolean;
  primaryKey?: Range;
  unique?: Range;
  index?: Range;
  serverDefault?: ColumnDefault;
  appDefault?: ColumnDefault;
  info?: Record<string, unknown>;
  readonly fks: FkPlan[];
  autoincrement?: boolean;
  identity?: 'always' | 'by default';
  computed?: string;
  declaredType?: string;
  inheritedFrom?: string;
  order: number[];
  fix?: ColumnFixAnchor;
}

interface ConstraintPlan {
  readonly module: PyModule;
  readonly range: Range;
  readonly kind: 'index' | 'unique' | 'primaryKey' | 'check' | 'foreignKey';
  readonly name?: string;
  readonly columns: readonly (string | { readonly expression: string })[];
  readonly unique?: boolean;
  readonly nullsNotDistinct?: boolean;
  readonly where?: string;
  readonly method?: string;
  readonly expression?: string;
  readonly fk?: FkPlan;
}

interface TablePlan {
  readonly module: PyModule;
  readonly name: string;
  readonly schema?: string;
  readonly exportName: string;
  readonly range: Range;
  readonly naming?: NamingConvention;
  readonly columns: ColumnPlan[];
  readonly constraints: ConstraintPlan[];
  /** Attributes that may be columns but could not be read (already reported). */
  readonly unreadable: Set<string>;
  info?: Record<string, unknown>;
  readonly classStmt?: ClassStmt;
  readonly tableKey?: string;
  /** The code this table owns (its class or Table call): fix anchors outside it are dropped. */
  readonly ownRange: Range;
  fix?: TableFixAnchor;
}

type MutableTable = Omit<Table, 'columns' | 'foreignKeys' | 'indexes' | 'uniqueConstraints' | 'checks' | 'primaryKeyDeclarations' | 'primaryKey'> & {
  columns: Column[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
  uniqueConstraints: UniqueConstraint[];
  checks: CheckConstraint[];
  primaryKeyDeclarations: PrimaryKey[];
  primaryKey?: PrimaryKey;
};

const NOT_COLUMNS = new Set([
  'relationship',
  'Relationship',
  'backref',
  'synonym',
  'association_proxy',
  'composite',
  'query_expression',
  'dynamic_loader',
  'hybrid_property',
  'column_property',
  'validates',
  'deferred',
  'WriteOnlyMapped',
]);

const TABLE_ARG_SKIP = new Set(['__tablename__', '__table_args__', '__abstract__', '__mapper_args__', '__table__', 'metadata', 'registry', 'type_annotation_map', 'model_config', 'Config', 'query_class', '__bind_key__']);

class SqlAlchemyLoader {
  private readonly modules = new Map<string, PyModule | null>();
  private readonly resolver = new Resolver({ module: (file) => this.module(file) });
  private readonly problems: LoadProblem[] = [];
  private readonly reported = new Set<string>();
  private readonly syntaxErrors = new Set<string>();
  private readonly classInfos = new Map<ClassStmt, ClassInfo>();
  private readonly enums = new Map<string, EnumType>();
  private nextRank = 0;

  constructor(private readonly options: SqlAlchemyLoadOptions = {}) {}

  load(rootFiles: readonly string[]): SqlAlchemyLoadResult {
    const roots = rootFiles.map((f) => path.resolve(f));
    const reached = this.reachableModules(roots);
    const plans: TablePlan[] = [];
    for (const module of reached) {
      for (const stmt of topLevel(module.ast.body)) {
        if (stmt.kind === 'class') {
          const plan = this.readClass({ module, stmt });
          if (plan) plans.push(plan);
        } else if (stmt.kind === 'assign' && stmt.value?.kind === 'call' && stmt.targets.length === 1 && stmt.targets[0]!.kind === 'name') {
          const target = stmt.targets[0] as PyExpr & { kind: 'name' };
          if (this.isTableCall(stmt.value, module)) {
            const plan = this.readTableCall(stmt.value, module, target.id, `${module.file}#${target.id}`);
            if (plan) plans.push(plan);
          }
        }
      }
    }
    const tables = this.buildTables(plans);
    return {
      tables: tables.sort(compareBySpan),
      enums: [...this.enums.values()].sort(compareBySpan),
      files: [...this.modules.values()].flatMap((m) => (m ? [m.file] : [])),
      problems: this.problems,
      filesWithSyntaxErrors: this.syntaxErrors,
    };
  }

  // ── modules ────────────────────────────────────────────────────────────────

  private readonly texts = new Map<string, ReturnType<typeof readSourceFile>>();

  /** Reads each file once, whether for the pre-parse check or for parsing. */
  private read(file: string): ReturnType<typeof readSourceFile> {
    let result = this.texts.get(file);
    if (!result) {
      result = (this.options.readSource ?? readSourceFile)(file);
      this.texts.set(file, result);
    }
    return result;
  }

  module(file: string): PyModule | undefined {
    const cached = this.modules.get(file);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.read(file);
    if (!result.ok) {
      this.problems.push(result.problem);
      this.modules.set(file, null);
      return undefined;
    }
    const ast = parsePython(result.text);
    const { root, dotted, isPackage } = packageRootOf(file);
    const bindings = collectBindings(ast.body);
    const starImports = [...bindings.entries()].flatMap(([key, b]) => (key.startsWith('*') && b.kind === 'import' ? [b.module] : []));
    const module: PyModule = { file, ast, root, dotted, isPackage, bindings, starImports, rank: -1 };
    this.modules.set(file, module);
    if (ast.errors.length > 0) {
      this.syntaxErrors.add(file);
      for (const error of ast.errors.slice(0, 5)) {
        this.problems.push({
          id: 'schema-lint/parse-error',
          severity: 'error',
          message: `Syntax error: ${error.message}.`,
          help: 'Fix the syntax error; schema-lint withholds findings for a file that does not parse.',
          span: ast.lines.span(file, error.range),
        });
      }
    }
    return module;
  }

  /** Roots plus the local modules they import (depth first, so ranks follow Python's import order). */
  private reachableModules(roots: readonly string[]): PyModule[] {
    const order: PyModule[] = [];
    const visiting = new Set<string>();
    const visit = (file: string): void => {
      if (visiting.has(file)) return;
      visiting.add(file);
      const module = this.module(file);
      if (!module) return;
      for (const stmt of topLevel(module.ast.body)) {
        for (const target of this.importedFiles(stmt, module)) {
          if (visiting.has(target)) continue;
          // NOTE: follow only modules that can declare models; an app's views and services are skipped unparsed.
          const text = this.read(target);
          if (text.ok && mightBeSqlAlchemySchema(text.text)) visit(target);
        }
      }
      module.rank = this.nextRank++;
      order.push(module);
    };
    for (const root of roots) visit(root);
    return order;
  }

  private importedFiles(stmt: PyStmt, module: PyModule): string[] {
    const files: string[] = [];
    // NOTE: locate files without parsing them; only those that pass the pre-parse check are parsed.
    const add = (dotted: string | undefined): void => {
      if (dotted === undefined || dotted === '') return;
      const file = moduleFile(dotted, module);
      if (file) files.push(file);
    };
    if (stmt.kind === 'import') for (const m of stmt.modules) add(m.name);
    if (stmt.kind === 'from') {
      const key = `${'.'.repeat(stmt.level)}${stmt.module}`;
      const level = stmt.level;
      const base = level === 0 ? stmt.module : absoluteFrom(key, module);
      add(base);
      // NOTE: `from . import patients` imports the submodule itself.
      if (base !== undefined) for (const n of stmt.names) add(`${base ? `${base}.` : ''}${n.name}`);
    }
    return files;
  }

  // ── problems ───────────────────────────────────────────────────────────────

  private span(module: PyModule, range: Range): Span {
    return module.ast.lines.span(module.file, range);
  }

  private problem(id: LoadProblem['id'], module: PyModule, range: Range, message: string, help?: string): void {
    const span = this.span(module, range);
    const key = `${id}:${span.file}:${span.start.line}:${span.start.column}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ id, severity: 'warn', message, ...(help ? { help } : {}), span });
  }

  // ── classes ────────────────────────────────────────────────────────────────

  private classInfo(ref: ClassRef, depth = 0): ClassInfo {
    const cached = this.classInfos.get(ref.stmt);
    if (cached) return cached;
    // NOTE: placeholder breaks cycles (`class A(B)` / `class B(A)` cannot run, but must not hang us).
    const placeholder: ClassInfo = { ref, role: 'other', bases: [], isTable: false };
    this.classInfos.set(ref.stmt, placeholder);
    const bases: ClassInfo[] = [];
    let root: DeclRoot | undefined;
    let isRoot = false;
    let sawTypeDecorator = false;
    let sawEnum = false;
    let sqlmodel = false;
    for (const arg of ref.stmt.bases) {
      if (arg.name !== undefined || arg.star) continue;
      const resolved = this.resolver.resolve(arg.value, ref.module);
      if (resolved.kind === 'class') {
        const info = depth > 30 ? placeholder : this.classInfo(resolved.ref, depth + 1);
        bases.push(info);
        if (info.root && !root) root = info.root;
        if (info.role === 'typeDecorator') sawTypeDecorator = true;
        if (info.role === 'enum') sawEnum = true;
        if (info.root?.flavour === 'sqlmodel') sqlmodel = true;
        continue;
      }
      const base = this.baseKind(resolved, ref.module);
      if (base === 'declarativeBase') {
        isRoot = true;
        root = this.rootFromClassBody(ref);
      } else if (base === 'sqlmodel') {
        sqlmodel = true;
        root ??= { flavour: 'sqlmodel' };
      } else if (base === 'typeDecorator') sawTypeDecorator = true;
      else if (base === 'enum') sawEnum = true;
      else if (base && typeof base === 'object') root ??= base;
    }
    for (const decorator of ref.stmt.decorators) {
      const resolved = this.resolver.resolve(decorator.kind === 'call' ? decorator.callee : decorator, ref.module);
      if (resolved.kind === 'instanceAttr' && resolved.of.endsWith('.registry') && resolved.attr.startsWith('mapped')) root ??= { flavour: 'declarative' };
    }
    const tableKeyword = ref.stmt.bases.find((a) => a.name === 'table');
    const isTable = tableKeyword?.value.kind === 'bool' && tableKeyword.value.value;
    let role: Role;
    if (isRoot) role = 'root';
    else if (sawTypeDecorator) role = 'typeDecorator';
    else if (sawEnum) role = 'enum';
    else if (root) {
      const abstract = classAttr(ref.stmt, '__abstract__');
      if (abstract?.value?.kind === 'bool' && abstract.value.value) role = 'abstract';
      else if (sqlmodel || root.flavour === 'sqlmodel') role = isTable ? 'mapped' : 'sqlmodelBase';
      else role = 'mapped';
    } else role = 'mixin';
    const info: ClassInfo = { ref, role, ...(root ? { root } : {}), bases, isTable: !!isTable };
    this.classInfos.set(ref.stmt, info);
    return info;
  }

  /** What an external (or value) base class means for the class that lists it. */
  private baseKind(resolved: Resolved, module: PyModule): 'declarativeBase' | 'sqlmodel' | 'typeDecorator' | 'enum' | DeclRoot | undefined {
    if (resolved.kind === 'external') {
      const last = resolved.path.split('.').pop()!;
      if (resolved.path.startsWith('sqlalchemy') && (last === 'DeclarativeBase' || last === 'DeclarativeBaseNoMeta')) return 'declarativeBase';
      if (resolved.path.startsWith('sqlmodel') && last === 'SQLModel') return 'sqlmodel';
      if (resolved.path.startsWith('sqlalchemy') && (last === 'TypeDecorator' || last === 'UserDefinedType')) return 'typeDecorator';
      if (resolved.path.startsWith('enum.')) return 'enum';
      return undefined;
    }
    if (resolved.kind === 'instanceAttr' && resolved.of.startsWith('flask_sqlalchemy') && resolved.attr === 'Model') {
      return { flavour: 'flask', ...this.namingOfCall(resolved.instance.expr, resolved.instance.module) };
    }
    if (resolved.kind === 'instanceAttr' && resolved.attr === 'TypeDecorator') return 'typeDecorator';
    if (resolved.kind === 'value' && resolved.expr.kind === 'call') {
      const callee = this.resolver.resolve(resolved.expr.callee, resolved.module);
      if (callee.kind === 'external' && callee.path.endsWith('declarative_base')) return { flavour: 'declarative', ...this.namingOfCall(resolved.expr, resolved.module) };
      if (callee.kind === 'instanceAttr' && callee.attr === 'generate_base') return { flavour: 'declarative', ...this.namingOfCall(callee.instance.expr, callee.instance.module) };
    }
    return undefined;
  }

  /** `class Base(DeclarativeBase)`: its `metadata = MetaData(naming_convention=...)` and `type_annotation_map`. */
  private rootFromClassBody(ref: ClassRef): DeclRoot {
    let naming: NamingConvention | undefined;
    let typeMapExpr: PyExpr | undefined;
    const metadata = classAttr(ref.stmt, 'metadata');
    if (metadata?.value) naming = this.namingOfMetadata(metadata.value, ref.module);
    typeMapExpr = classAttr(ref.stmt, 'type_annotation_map')?.value;
    const registry = classAttr(ref.stmt, 'registry')?.value;
    if (!typeMapExpr && registry?.kind === 'call') typeMapExpr = keyword(registry, 'type_annotation_map');
    const root: { flavour: Flavour; naming?: NamingConvention; typeMap?: Map<string, { module: PyModule; expr: PyExpr }>; typeMapUnreadable?: boolean } = { flavour: 'declarative' };
    if (naming) root.naming = naming;
    if (typeMapExpr) {
      const dict = this.literalDictExpr(typeMapExpr, ref.module);
      if (dict) {
        root.typeMap = new Map(dict.entries.flatMap((e) => (e.key ? [[exprText(ref.module, e.key), { module: ref.module, expr: e.value }] as const] : [])));
      } else root.typeMapUnreadable = true;
    }
    return root;
  }

  private namingOfCall(call: PyExpr, module: PyModule): { naming?: NamingConvention } {
    if (call.kind !== 'call') return {};
    const metadata = keyword(call, 'metadata');
    const naming = metadata ? this.namingOfMetadata(metadata, module) : undefined;
    return naming ? { naming } : {};
  }

  private namingOfMetadata(expr: PyExpr, module: PyModule): NamingConvention | undefined {
    let call = expr;
    let home = module;
    if (expr.kind === 'name') {
      const resolved = this.resolver.resolve(expr, module);
      if (resolved.kind === 'value') {
        call = resolved.expr;
        home = resolved.module;
      }
    }
    if (call.kind !== 'call') return undefined;
    const conventionExpr = keyword(call, 'naming_convention');
    if (!conventionExpr) return undefined;
    const dict = this.literalDictExpr(conventionExpr, home);
    const value = dict ? this.literal(dict, home) : undefined;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.problem('schema-lint/unresolved-reference', home, conventionExpr, 'Cannot read this naming_convention: it is not a literal dict, so constraint names use the database defaults.', 'Declare the naming convention as a dict literal (or a module-level name bound to one).');
      return undefined;
    }
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as NamingConvention;
  }

  private literalDictExpr(expr: PyExpr, module: PyModule): (PyExpr & { kind: 'dict' }) | undefined {
    if (expr.kind === 'dict') return expr;
    if (expr.kind === 'name') {
      const resolved = this.resolver.resolve(expr, module);
      if (resolved.kind === 'value' && resolved.expr.kind === 'dict') return resolved.expr;
    }
    return undefined;
  }

  /** Local classes in method resolution order (C3), the class itself first. */
  private mro(info: ClassInfo): ClassInfo[] {
    const merge = (seqs: ClassInfo[][]): ClassInfo[] | undefined => {
      const result: ClassInfo[] = [];
      const lists = seqs.map((s) => [...s]).filter((s) => s.length > 0);
      while (lists.length > 0) {
        const head = lists.map((l) => l[0]!).find((candidate) => !lists.some((l) => l.indexOf(candidate) > 0));
        if (!head) return undefined;
        result.push(head);
        for (const l of lists) if (l[0] === head) l.shift();
        for (let i = lists.length - 1; i >= 0; i--) if (lists[i]!.length === 0) lists.splice(i, 1);
      }
      return result;
    };
    const seen = new Set<ClassInfo>();
    const linearize = (c: ClassInfo, depth: number): ClassInfo[] => {
      if (seen.has(c) || depth > 30) return [c];
      seen.add(c);
      const merged = merge([...c.bases.map((b) => linearize(b, depth + 1)), [...c.bases]]);
      seen.delete(c);
      return [c, ...(merged ?? c.bases)];
    };
    return linearize(info, 0);
  }

  private readClass(ref: ClassRef): TablePlan | undefined {
    const info = this.classInfo(ref);
    if (info.role !== 'mapped' || !info.root) return undefined;
    const { stmt, module } = ref;
    const mro = this.mro(info);
    const mappedAncestor = mro.slice(1).find((c) => c.role === 'mapped');
    const ownTable = classAttr(stmt, '__table__');
    const range = { from: stmt.from, to: headerEnd(stmt) };
    if (ownTable?.value?.kind === 'call') {
      return this.readTableCall(ownTable.value, module, stmt.name, undefined, stmt, info.root.naming);
    }
    const name = this.tableName(info, mro, mappedAncestor);
    if (name === undefined) return undefined;
    if (name === null) {
      const hasColumns = stmt.body.some((s) => s.kind === 'assign' && s.value?.kind === 'call');
      if (hasColumns) {
        this.problem('schema-lint/unsupported-syntax', module, stmt.nameRange, `Class \`${stmt.name}\` has no \`__tablename__\` and maps onto its parent's table (single-table inheritance); schema-lint does not add its columns to \`${mappedAncestor?.ref.stmt.name}\`.`, 'Declare the columns on the parent class, or give the subclass its own `__tablename__`.');
      }
      return undefined;
    }
    const plan: TablePlan = {
      module,
      name: name.name,
      ...(name.schema ? { schema: name.schema } : {}),
      exportName: stmt.name,
      range,
      ...(info.root.naming ? { naming: info.root.naming } : {}),
      columns: [],
      constraints: [],
      unreadable: new Set(),
      classStmt: stmt,
      ownRange: { from: stmt.from, to: stmt.to },
    };
    this.readClassColumns(info, mro, plan);
    const tableArgs = this.lookupTableArgs(mro);
    if (tableArgs) this.readTableArgs(tableArgs.expr, tableArgs.module, plan);
    const ownArgs = classAttr(stmt, '__table_args__') !== undefined || stmt.body.some((s) => s.kind === 'def' && s.name === '__table_args__');
    plan.fix = { style: pythonStyle(module), sqlalchemy: { ...indexInScope(module, this.resolver, info.root.flavour === 'flask' ? mro.map((c) => flaskInstanceOf(c.ref.stmt)).find((db) => db !== undefined && module.bindings.has(db)) : undefined), ...classTableArgs(module, stmt, tableArgs !== undefined && !ownArgs) } };
    return plan;
  }

  /** The SQL name for a mapped class; null = single-table inheritance, undefined = reported. */
  private tableName(info: ClassInfo, mro: ClassInfo[], mappedAncestor: ClassInfo | undefined): { name: string; schema?: string } | null | undefined {
    const { stmt, module } = info.ref;
    const own = classAttr(stmt, '__tablename__');
    if (own?.value) {
      const value = this.literal(own.value, module);
      if (typeof value === 'string') return { name: value };
      this.problem('schema-lint/unresolved-reference', module, own.value, `Cannot determine the table name of \`${stmt.name}\`: \`__tablename__\` is not a string literal.`, 'Assign a string literal to `__tablename__`.');
      return undefined;
    }
    for (const c of mro.slice(1)) {
      if (c.role === 'mapped') break;
      const declared = c.ref.stmt.body.find((s): s is DefStmt => s.kind === 'def' && s.name === '__tablename__');
      if (declared) {
        const returned = returnExpr(declared);
        // NOTE: the common declared_attr pattern `return cls.__name__.lower()`.
        if (returned && /^cls\.__name__\.lower\(\)$/.test(exprText(c.ref.module, returned).replace(/\s+/g, ''))) return { name: stmt.name.toLowerCase() };
        this.problem('schema-lint/unresolved-reference', c.ref.module, declared.nameRange, `Cannot determine the table name of \`${stmt.name}\`: \`${c.ref.stmt.name}.__tablename__\` is computed at run time.`, 'Set `__tablename__` to a string literal on each model class.');
        return undefined;
      }
      const inherited = classAttr(c.ref.stmt, '__tablename__');
      if (inherited?.value) {
        const value = this.literal(inherited.value, c.ref.module);
        if (typeof value === 'string') return { name: value };
      }
    }
    if (mappedAncestor) return null;
    if (info.root?.flavour === 'flask') return { name: camelToSnake(stmt.name) };
    if (info.root?.flavour === 'sqlmodel') return { name: stmt.name.toLowerCase() };
    this.problem('schema-lint/unresolved-reference', module, stmt.nameRange, `Class \`${stmt.name}\` is a mapped class without \`__tablename__\` or \`__table__\`; SQLAlchemy refuses to map it.`, 'Add `__tablename__ = "..."`, or set `__abstract__ = True` if it is a base class.');
    return undefined;
  }

  private lookupTableArgs(mro: ClassInfo[]): { expr: PyExpr; module: PyModule } | undefined {
    for (const c of mro) {
      const attr = classAttr(c.ref.stmt, '__table_args__');
      if (attr?.value) return { expr: attr.value, module: c.ref.module };
      const declared = c.ref.stmt.body.find((s): s is DefStmt => s.kind === 'def' && s.name === '__table_args__');
      if (declared) {
        const returned = returnExpr(declared);
        if (returned) return { expr: returned, module: c.ref.module };
      }
      if (c !== mro[0] && c.role === 'mapped') break;
    }
    return undefined;
  }

  private readClassColumns(info: ClassInfo, mro: ClassInfo[], plan: TablePlan): void {
    const flavour = info.root!.flavour;
    const byKey = new Map<string, ColumnPlan | null>();
    const owners: ClassInfo[] = [];
    for (const c of mro) {
      if (c !== info && (c.role === 'mapped' || c.role === 'root')) continue;
      owners.push(c);
    }
    // NOTE: Python attribute lookup: the first class in the MRO that defines a name wins.
    let sa2Style = false;
    for (const [ownerIndex, owner] of owners.entries()) {
      // NOTE: columns made while the class is built (SQLModel fields, declared_attr) come after
      // those created in class bodies, base classes' fields first (pydantic field order).
      let seq = (owners.length - ownerIndex) * 100_000;
      for (const stmt of owner.ref.stmt.body) {
        const entry = this.classColumn(stmt, owner, info, flavour, seq++);
        if (!entry) continue;
        if (byKey.has(entry.key)) continue;
        byKey.set(entry.key, entry.column);
        if (entry.unreadable) plan.unreadable.add(entry.key);
        if (entry.sa2) sa2Style = true;
      }
    }
    const columns = [...byKey.values()].filter((c): c is ColumnPlan => c !== null);
    if (sa2Style) {
      // NOTE: SQLAlchemy 2 puts the class's own mapped columns first, then those of its superclasses.
      const ownerIndex = (c: ColumnPlan) => (c.inheritedFrom === undefined ? 0 : 1 + owners.findIndex((o) => o.ref.stmt.name === c.inheritedFrom));
      columns.sort((a, b) => ownerIndex(a) - ownerIndex(b) || compareOrder([a.module.rank, a.range.from], [b.module.rank, b.range.from]));
    } else columns.sort((a, b) => compareOrder(a.order, b.order));
    plan.columns.push(...columns);
  }

  /** A column attribute in a class body; null = the name is taken by something that is not a column. */
  private classColumn(stmt: PyStmt, owner: ClassInfo, mapped: ClassInfo, flavour: Flavour, seq: number): { key: string; column: ColumnPlan | null; sa2: boolean; unreadable?: boolean } | undefined {
    const { module } = owner.ref;
    const inherited = owner !== mapped ? owner.ref.stmt.name : undefined;
    const generatedOrder = [mapped.ref.module.rank, mapped.ref.stmt.to, seq];
    const finish = (column: ColumnPlan | undefined, key: string, sa2: boolean) => {
      if (!column) return { key, column: null, sa2 };
      if (inherited) column.inheritedFrom = inherited;
      return { key, column, sa2 };
    };
    if (stmt.kind === 'def') {
      const decorated = stmt.decorators.some((d) => /(^|\.)declared_attr(\.|$)/.test(exprText(module, d.kind === 'call' ? d.callee : d)));
      if (!decorated || stmt.name.startsWith('__')) return undefined;
      const returned = returnExpr(stmt);
      if (!returned || returned.kind !== 'call') return { key: stmt.name, column: null, sa2: false };
      const kind = this.columnCallKind(returned, module);
      if (!kind) return { key: stmt.name, column: null, sa2: false };
      const column = this.readColumnCall(returned, module, stmt.name, kind, undefined, mapped, { from: stmt.from, to: stmt.to }, generatedOrder);
      return finish(column, stmt.name, kind === 'mapped_column');
    }
    if (stmt.kind !== 'assign' || stmt.targets.length !== 1 || stmt.targets[0]!.kind !== 'name') return undefined;
    const key = (stmt.targets[0] as PyExpr & { kind: 'name' }).id;
    if (key.startsWith('__') || TABLE_ARG_SKIP.has(key)) return undefined;
    const annotation = stmt.annotation;
    const mappedAnnotation = annotation ? this.unwrapMapped(annotation, module) : undefined;
    const range = { from: stmt.from, to: stmt.to };
    const value = stmt.value;
    if (value?.kind === 'call') {
      const kind = this.columnCallKind(value, module);
      if (kind === 'Field' && flavour === 'sqlmodel') {
        const sa = keyword(value, 'sa_column');
        if (sa?.kind === 'call') {
          const column = this.readColumnCall(sa, module, key, 'Column', undefined, mapped, range, [module.rank, sa.from, 0], annotation);
          return finish(column, key, false);
        }
        return finish(this.readSqlModelField(key, annotation, value, module, mapped, range, generatedOrder), key, false);
      }
      if (kind) {
        const call = this.unwrapColumnCall(value, module);
        const order = kind === 'Column' || kind === 'mapped_column' ? [module.rank, call.from, 0] : generatedOrder;
        return finish(this.readColumnCall(call, module, key, kind, mappedAnnotation, mapped, range, order), key, kind === 'mapped_column' || !!mappedAnnotation);
      }
      const callee = this.resolver.resolve(value.callee, module);
      if (callee.kind === 'def') {
        const returned = returnExpr(callee.stmt);
        const innerKind = returned?.kind === 'call' ? this.columnCallKind(returned, callee.module) : undefined;
        if (returned?.kind === 'call' && innerKind && value.args.length === 0) {
          return finish(this.readColumnCall(returned, callee.module, key, innerKind, mappedAnnotation, mapped, range, [module.rank, value.from, 0]), key, innerKind === 'mapped_column');
        }
        this.problem('schema-lint/unsupported-syntax', module, value, `Cannot tell whether \`${owner.ref.stmt.name}.${key}\` is a column: it is built by the helper \`${callee.stmt.name}()\`${value.args.length > 0 ? ' with arguments' : ''}.`, 'Declare the column with Column(...) or mapped_column(...) in the class body.');
        return { key, column: null, sa2: false, unreadable: true };
      }
      if (flavour === 'sqlmodel' && annotation && !isClassVar(annotation) && !this.isNotColumnCall(callee)) {
        return finish(this.readSqlModelField(key, annotation, undefined, module, mapped, range, generatedOrder, value), key, false);
      }
      return { key, column: null, sa2: false };
    }
    if (mappedAnnotation) {
      return finish(this.readColumnCall(undefined, module, key, 'mapped_column', mappedAnnotation, mapped, range, generatedOrder), key, true);
    }
    if (flavour === 'sqlmodel' && annotation && !isClassVar(annotation)) {
      return finish(this.readSqlModelField(key, annotation, undefined, module, mapped, range, generatedOrder, value), key, false);
    }
    return value ? { key, column: null, sa2: false } : undefined;
  }

  private isNotColumnCall(callee: Resolved): boolean {
    return (callee.kind === 'external' || callee.kind === 'instanceAttr') && NOT_COLUMNS.has(callee.kind === 'external' ? callee.path.split('.').pop()! : callee.attr);
  }

  /** `deferred(Column(...))` → the Column(...) call. */
  private unwrapColumnCall(call: PyExpr & { kind: 'call' }, module: PyModule): PyExpr & { kind: 'call' } {
    const callee = this.resolver.resolve(call.callee, module);
    const name = callee.kind === 'external' ? callee.path.split('.').pop() : undefined;
    const inner = call.args[0]?.value;
    return (name === 'deferred' || name === 'column_property') && inner?.kind === 'call' ? this.unwrapColumnCall(inner, module) : call;
  }

  private columnCallKind(call: PyExpr & { kind: 'call' }, module: PyModule): 'Column' | 'mapped_column' | 'Field' | undefined {
    const callee = this.resolver.resolve(call.callee, module);
    const name = callee.kind === 'external' ? (isSqlAlchemyPath(callee.path) ? callee.path.split('.').pop() : undefined) : callee.kind === 'instanceAttr' && callee.of.startsWith('flask_sqlalchemy') ? callee.attr : undefined;
    if (name === 'Column') return 'Column';
    if (name === 'mapped_column') return 'mapped_column';
    if (name === 'Field' && callee.kind === 'external' && callee.path.startsWith('sqlmodel')) return 'Field';
    // NOTE: column_property(Column(...)) and deferred(Column(...)) still add the wrapped column.
    if ((name === 'deferred' || name === 'column_property') && call.args[0]?.value.kind === 'call') return this.columnCallKind(call.args[0].value, module);
    return undefined;
  }

  /** `Mapped[X]` → X's facts (nullable, type source), else undefined. */
  private unwrapMapped(annotation: PyExpr, module: PyModule): { inner: PyExpr; optional: boolean; module: PyModule } | undefined {
    let expr = annotation;
    if (expr.kind === 'string') {
      // NOTE: quoted annotations (`"Mapped[Optional[str]]"`) are parsed as a tiny module.
      const parsed = parsePython(expr.value).body[0];
      if (parsed?.kind !== 'expr') return undefined;
      expr = shiftRange(parsed.value, expr.from + 1);
    }
    if (expr.kind !== 'subscript') return undefined;
    const head = this.resolver.resolve(expr.object, module);
    const headName = head.kind === 'external' ? head.path.split('.').pop() : dottedName(expr.object)?.split('.').pop();
    if (headName !== 'Mapped' || expr.items.length !== 1) return undefined;
    const { inner, optional } = stripOptional(expr.items[0]!, (e) => this.typingName(e, module));
    return { inner, optional, module };
  }

  private typingName(expr: PyExpr, module: PyModule): string | undefined {
    const resolved = this.resolver.resolve(expr, module);
    if (resolved.kind === 'external') return resolved.path.replace(/^(typing|typing_extensions|builtins)\./, '');
    return dottedName(expr);
  }

  // ── columns ────────────────────────────────────────────────────────────────

  private readColumnCall(
    call: (PyExpr & { kind: 'call' }) | undefined,
    module: PyModule,
    key: string,
    kind: 'Column' | 'mapped_column' | 'Field',
    mapped: { inner: PyExpr; optional: boolean; module: PyModule } | undefined,
    owner: ClassInfo | undefined,
    range: Range,
    order: number[],
    sqlmodelAnnotation?: PyExpr,
  ): ColumnPlan | undefined {
    let args = call?.args ?? [];
    let name = key;
    let annotated: (PyExpr & { kind: 'call' }) | undefined;
    let inner = mapped?.inner;
    // NOTE: `Mapped[int_pk]` with `int_pk = Annotated[int, mapped_column(primary_key=True)]`.
    if (inner && mapped) {
      const alias = this.annotatedAlias(inner, mapped.module);
      if (alias) {
        inner = alias.inner;
        annotated = alias.column;
      }
    }
    if (annotated) args = [...annotated.args.filter((a) => a.name === undefined || !args.some((b) => b.name === a.name)), ...args];
    const positional = args.filter((a) => a.name === undefined && !a.star);
    const column: ColumnPlan = { key, name, module, range, fks: [], order };
    let rest = positional;
    if (rest[0]?.value.kind === 'string') {
      name = rest[0].value.value;
      rest = rest.slice(1);
    }
    const typeArg = keyword(call, 'type_') ?? keyword(call, 'sa_type');
    const typeCandidates = typeArg ? [typeArg, ...rest.map((a) => a.value)] : rest.map((a) => a.value);
    for (const candidate of typeCandidates) {
      const item = this.schemaItem(candidate, module);
      if (item === 'foreignKey') {
        const fk = this.readForeignKeyCall(candidate as PyExpr & { kind: 'call' }, module, [name]);
        if (fk) column.fks.push(fk);
        continue;
      }
      if (item === 'identity') {
        column.identity = keyword(candidate as PyExpr & { kind: 'call' }, 'always')?.kind === 'bool' && (keyword(candidate as PyExpr & { kind: 'call' }, 'always') as { value: boolean }).value ? 'always' : 'by default';
        continue;
      }
      if (item === 'computed') {
        const first = (candidate as PyExpr & { kind: 'call' }).args[0]?.value;
        column.computed = first ? this.sqlText(first, module) : '';
        continue;
      }
      if (item === 'sequence' || item === 'other') continue;
      if (column.type) continue;
      column.type = this.readType(candidate, module);
      column.typeRange = candidate;
      column.typeModule = module;
    }
    column.name = keywordString(call, 'name') ?? name;
    const keyArg = keywordString(call, 'key');
    if (keyArg) column.key = keyArg;
    if (!column.type && mapped && inner) {
      column.type = this.typeFromAnnotation(inner, mapped.module, owner?.root, column, mapped.inner);
      column.typeRange = inner;
      column.typeModule = mapped.module;
    }
    if (!column.type && sqlmodelAnnotation) {
      const stripped = stripOptional(sqlmodelAnnotation, (e) => this.typingName(e, module));
      column.annotationNullable = stripped.optional;
    }
    if (mapped) column.annotationNullable = mapped.optional;
    const flag = (k: string): { range: Range; value: boolean | undefined } | undefined => {
      const arg = args.find((a) => a.name === k);
      if (!arg) return undefined;
      const v = this.literal(arg.value, module);
      if (typeof v !== 'boolean') {
        this.problem('schema-lint/unresolved-reference', module, arg, `Cannot read \`${k}=\` on column \`${key}\`: it is not a literal True or False.`);
        return { range: arg, value: undefined };
      }
      return { range: arg, value: v };
    };
    const pk = flag('primary_key');
    if (pk?.value) column.primaryKey = pk.range;
    const nullable = flag('nullable');
    if (nullable?.value !== undefined) column.nullable = nullable.value;
    const unique = flag('unique');
    if (unique?.value) column.unique = unique.range;
    const index = flag('index');
    if (index?.value) column.index = index.range;
    const auto = args.find((a) => a.name === 'autoincrement');
    if (auto && auto.value.kind === 'bool') column.autoincrement = auto.value.value;
    const serverDefault = args.find((a) => a.name === 'server_default');
    if (serverDefault && serverDefault.value.kind !== 'none') column.serverDefault = this.serverDefault(serverDefault.value, module);
    const appDefault = args.find((a) => a.name === 'default' || a.name === 'insert_default' || a.name === 'default_factory');
    if (appDefault && appDefault.value.kind !== 'none') column.appDefault = { kind: 'application', text: exprText(module, appDefault.value) };
    const info = args.find((a) => a.name === 'info');
    if (info) column.info = this.infoDict(info.value, module, `column \`${key}\``);
    if (column.type && JSON_TYPE_NAMES.has(column.type.base.name)) {
      if (column.type.declaredJsonType) column.declaredType = column.type.declaredJsonType;
      else if (inner && isTypedJsonAnnotation(inner, (e) => this.typingName(e, mapped!.module))) column.declaredType = exprText(mapped!.module, inner);
      else if (sqlmodelAnnotation) {
        const stripped = stripOptional(sqlmodelAnnotation, (e) => this.typingName(e, module)).inner;
        if (isTypedJsonAnnotation(stripped, (e) => this.typingName(e, module))) column.declaredType = exprText(module, stripped);
      }
    }
    if (!annotated) column.fix = this.columnAnchor(call, module, range, false);
    if (!column.type && column.fks.length > 0) column.type = { base: UNKNOWN_TYPE, builder: 'ForeignKey', fromForeignKey: true };
    if (!column.type) {
      this.problem('schema-lint/unresolved-reference', module, call ?? range, `Cannot determine the type of column \`${key}\`: no type is passed${mapped ? ' and the Mapped[] annotation has none' : ''}.`, 'Pass a SQLAlchemy type as the first argument.');
      column.type = { base: UNKNOWN_TYPE, builder: 'unknown' };
    }
    return column;
  }

  private annotatedAlias(expr: PyExpr, module: PyModule): { inner: PyExpr; column?: PyExpr & { kind: 'call' } } | undefined {
    let target: PyExpr = expr;
    let home = module;
    if (expr.kind === 'name') {
      const resolved = this.resolver.resolve(expr, module);
      if (resolved.kind !== 'value') return undefined;
      target = resolved.expr;
      home = resolved.module;
    }
    if (target.kind !== 'subscript' || this.typingName(target.object, home) !== 'Annotated') return undefined;
    const [inner, ...extras] = target.items;
    if (!inner) return undefined;
    const column = extras.find((e): e is PyExpr & { kind: 'call' } => e.kind === 'call' && this.columnCallKind(e, home) === 'mapped_column');
    return { inner, ...(column ? { column } : {}) };
  }

  private readSqlModelField(
    key: string,
    annotation: PyExpr | undefined,
    call: (PyExpr & { kind: 'call' }) | undefined,
    module: PyModule,
    owner: ClassInfo,
    range: Range,
    order: number[],
    plainDefault?: PyExpr,
  ): ColumnPlan | undefined {
    if (!annotation) return undefined;
    const { inner, optional } = stripOptional(annotation, (e) => this.typingName(e, module));
    const column: ColumnPlan = { key, name: key, module, range, fks: [], order };
    const maxLength = keyword(call, 'max_length');
    const typeName = this.pythonTypeName(inner, module);
    const sa = typeName ? SQLMODEL_ANNOTATION_TYPES[typeName] : undefined;
    const saType = keyword(call, 'sa_type');
    if (saType) {
      column.type = this.readType(saType, module);
    } else if (sa) {
      const args: TypeArgs = { positional: [], keywords: new Map<string, Literal | undefined>(sa === 'AutoString' && maxLength ? [['length', this.literal(maxLength, module) as Literal]] : sa === 'Numeric' ? [['precision', this.literal(keyword(call, 'max_digits') ?? NONE, module) as Literal], ['scale', this.literal(keyword(call, 'decimal_places') ?? NONE, module) as Literal]] : []) };
      column.type = { base: builtinSqlType(sa, args) ?? UNKNOWN_TYPE, builder: sa };
    } else {
      const resolved = this.resolver.resolve(inner, module);
      if (resolved.kind === 'class' && this.classInfo(resolved.ref).role === 'enum') column.type = this.enumType(resolved.ref, undefined, inner, module);
    }
    if (!column.type) {
      this.problem('schema-lint/unresolved-reference', module, inner, `Cannot determine the SQL type of SQLModel field \`${key}\`: SQLModel has no column type for \`${exprText(module, inner)}\`.`, 'Pass `sa_column=Column(<type>)` or `sa_type=<type>` to Field().');
      column.type = { base: UNKNOWN_TYPE, builder: 'unknown' };
    }
    column.typeRange = inner;
    column.typeModule = module;
    column.annotationNullable = optional;
    const bool = (k: string): Range | undefined => {
      const arg = call?.args.find((a) => a.name === k);
      return arg && arg.value.kind === 'bool' && arg.value.value ? arg : undefined;
    };
    const pk = bool('primary_key');
    if (pk) column.primaryKey = pk;
    const unique = bool('unique');
    if (unique) column.unique = unique;
    const index = bool('index');
    if (index) column.index = index;
    const nullable = keyword(call, 'nullable');
    if (nullable?.kind === 'bool') column.nullable = nullable.value;
    if (call) column.fix = this.columnAnchor(call, module, range, true);
    const foreignKey = call?.args.find((a) => a.name === 'foreign_key');
    if (foreignKey && foreignKey.value.kind === 'string') {
      const onDelete = this.action(keyword(call, 'ondelete'), module);
      const fix = this.foreignKeyAnchor(call!, module, true);
      column.fks.push({ module, range: foreignKey, columns: [key], targets: [{ kind: 'string', text: foreignKey.value.value }], declaredVia: 'column', ...(onDelete ? { onDelete } : {}), ...(fix ? { fix } : {}) });
      if (!sa && !saType) column.type = { base: UNKNOWN_TYPE, builder: 'ForeignKey', fromForeignKey: true };
    }
    const defaultArg = call?.args.find((a) => a.name === 'default' || a.name === 'default_factory') ?? (call ? undefined : plainDefault ? { value: plainDefault } : undefined);
    if (defaultArg && defaultArg.value.kind !== 'none' && defaultArg.value.kind !== 'ellipsis') column.appDefault = { kind: 'application', text: exprText(module, defaultArg.value) };
    const kwargs = keyword(call, 'sa_column_kwargs');
    if (kwargs?.kind === 'dict') {
      for (const entry of kwargs.entries) {
        const k = entry.key?.kind === 'string' ? entry.key.value : undefined;
        if (k === 'server_default') column.serverDefault = this.serverDefault(entry.value, module);
        else if (k === 'info') column.info = this.infoDict(entry.value, module, `column \`${key}\``);
        else if (k === 'nullable' && entry.value.kind === 'bool') column.nullable = entry.value.value;
      }
    }
    if (column.type && JSON_TYPE_NAMES.has(column.type.base.name) && isTypedJsonAnnotation(inner, (e) => this.typingName(e, module))) column.declaredType = exprText(module, inner);
    return column;
  }

  /** Dotted Python type of an annotation: `datetime.datetime`, `uuid.UUID`, `int`. */
  private pythonTypeName(expr: PyExpr, module: PyModule): string | undefined {
    const resolved = this.resolver.resolve(expr, module);
    if (resolved.kind === 'external') return resolved.path.replace(/^builtins\./, '');
    if (expr.kind === 'subscript') return this.pythonTypeName(expr.object, module);
    return undefined;
  }

  private typeFromAnnotation(inner: PyExpr, module: PyModule, root: DeclRoot | undefined, column: ColumnPlan, written: PyExpr = inner): TypeInfo | undefined {
    const text = exprText(module, inner);
    // NOTE: the map is keyed by what is written: `Mapped[str_255]` matches `str_255`, not `str`.
    const mappedType = root?.typeMap?.get(exprText(module, written)) ?? root?.typeMap?.get(text) ?? (inner.kind === 'subscript' ? root?.typeMap?.get(exprText(module, inner.object)) : undefined);
    if (mappedType) return this.readType(mappedType.expr, mappedType.module);
    const resolved = this.resolver.resolve(inner.kind === 'subscript' ? inner.object : inner, module);
    if (resolved.kind === 'class' && this.classInfo(resolved.ref).role === 'enum') return this.enumType(resolved.ref, undefined, inner, module);
    const typeName = this.pythonTypeName(inner, module);
    if (typeName === 'typing.Literal' || typeName === 'Literal') return undefined;
    const sa = typeName ? SA2_ANNOTATION_TYPES[typeName] : undefined;
    if (sa) return { base: builtinSqlType(sa)!, builder: sa };
    if (typeName === 'dict' || typeName === 'list' || typeName === 'typing.Dict' || typeName === 'typing.List' || typeName === 'typing.Any') {
      if (!root?.typeMap && !root?.typeMapUnreadable) {
        this.problem(
          'schema-lint/unsupported-syntax',
          module,
          inner,
          `Column \`${column.key}\` is annotated \`Mapped[${text}]\` without a type: SQLAlchemy 2's default type map has no entry for \`${text}\`, so mapping fails at run time; schema-lint assumes JSON.`,
          'Pass the type explicitly (`mapped_column(JSONB)`), or map it in the Base\'s `type_annotation_map`.',
        );
      }
      return { base: builtinSqlType('JSON')!, builder: 'JSON' };
    }
    if (resolved.kind === 'unknown' || resolved.kind === 'external' || resolved.kind === 'class') {
      this.problem('schema-lint/unresolved-reference', module, inner, `Cannot determine the SQL type of column \`${column.key}\` from the annotation \`${text}\`: it is not in SQLAlchemy's default type map.`, 'Pass the type to mapped_column(), or add it to the Base\'s `type_annotation_map`.');
    }
    return undefined;
  }

  private schemaItem(expr: PyExpr, module: PyModule): 'foreignKey' | 'identity' | 'computed' | 'sequence' | 'other' | undefined {
    if (expr.kind !== 'call') return undefined;
    const callee = this.resolver.resolve(expr.callee, module);
    const name = callee.kind === 'external' ? callee.path.split('.').pop() : callee.kind === 'instanceAttr' ? callee.attr : undefined;
    switch (name) {
      case 'ForeignKey':
        return 'foreignKey';
      case 'Identity':
        return 'identity';
      case 'Computed':
        return 'computed';
      case 'Sequence':
        return 'sequence';
      case 'CheckConstraint':
      case 'UniqueConstraint':
      case 'FetchedValue':
        return 'other';
      default:
        return undefined;
    }
  }

  // ── types ──────────────────────────────────────────────────────────────────

  private readType(expr: PyExpr, module: PyModule, depth = 0): TypeInfo {
    const call = expr.kind === 'call' ? expr : undefined;
    const target = call ? call.callee : expr;
    const resolved = this.resolver.resolve(target, module);
    const unknown = (reason: string): TypeInfo => {
      this.problem('schema-lint/unresolved-reference', module, expr, `Cannot determine the column type \`${exprText(module, expr)}\`: ${reason}.`, 'Use a type from sqlalchemy, sqlalchemy.dialects.postgresql or a TypeDecorator defined in this project.');
      return { base: UNKNOWN_TYPE, builder: exprText(module, target) };
    };
    if (depth > 10) return unknown('the type alias chain is too deep');
    let typeName: string | undefined;
    if (resolved.kind === 'external' && isSqlAlchemyPath(resolved.path)) typeName = resolved.path.split('.').pop();
    else if (resolved.kind === 'instanceAttr' && resolved.of.startsWith('flask_sqlalchemy')) typeName = resolved.attr;
    if (typeName) return this.builtinType(typeName, call, module, expr) ?? unknown(`\`${typeName}\` is not a type schema-lint knows`);
    if (resolved.kind === 'value') {
      if (call) return unknown('it calls a value, not a type');
      return this.readType(resolved.expr, resolved.module, depth + 1);
    }
    if (resolved.kind === 'class') {
      const info = this.classInfo(resolved.ref);
      if (info.role === 'typeDecorator') return this.typeDecorator(info, call, module, expr);
      if (info.role === 'enum') return unknown(`\`${resolved.ref.stmt.name}\` is a Python enum; wrap it in Enum(${resolved.ref.stmt.name})`);
      return unknown(`\`${resolved.ref.stmt.name}\` is not a SQLAlchemy type`);
    }
    if (resolved.kind === 'external') return unknown(`it comes from \`${resolved.path.split('.')[0]}\`, which schema-lint does not read`);
    return unknown(resolved.kind === 'unknown' ? resolved.reason : 'it is not a type');
  }

  private builtinType(typeName: string, call: (PyExpr & { kind: 'call' }) | undefined, module: PyModule, expr: PyExpr): TypeInfo | undefined {
    if (typeName === 'Enum' || typeName === 'ENUM') return this.enumCall(call, module, expr);
    if (typeName === 'ARRAY') {
      const item = call?.args.find((a) => a.name === undefined || a.name === 'item_type');
      if (!item) return undefined;
      const inner = this.readType(item.value, module);
      const dims = this.literal(keyword(call, 'dimensions') ?? NONE, module);
      return { ...inner, base: withArray(inner.base, typeof dims === 'number' ? dims : 1), builder: 'ARRAY' };
    }
    if (typeName === 'StringEncryptedType' || typeName === 'EncryptedType' || typeName === 'StringEncryptedType') return this.encryptedType(typeName, call, module);
    const args = this.typeArgs(call, module);
    const base = builtinSqlType(typeName, args);
    return base ? { base, builder: typeName } : undefined;
  }

  private typeArgs(call: (PyExpr & { kind: 'call' }) | undefined, module: PyModule): TypeArgs {
    if (!call) return { positional: [], keywords: new Map() };
    const positional: (Literal | undefined)[] = [];
    const keywords = new Map<string, Literal | undefined>();
    for (const arg of call.args) {
      const value = this.literal(arg.value, module);
      const lit: Literal | undefined = value === null ? null : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
      if (arg.name) keywords.set(arg.name, lit);
      else positional.push(lit);
    }
    return { positional, keywords };
  }

  private enumCall(call: (PyExpr & { kind: 'call' }) | undefined, module: PyModule, expr: PyExpr): TypeInfo | undefined {
    if (!call) return undefined;
    const first = call.args.find((a) => a.name === undefined)?.value;
    if (first && first.kind !== 'string') {
      const resolved = this.resolver.resolve(first, module);
      if (resolved.kind === 'class') return this.enumType(resolved.ref, call, expr, module);
    }
    const values = call.args.filter((a) => a.name === undefined && a.value.kind === 'string').map((a) => (a.value as { value: string }).value);
    const name = keywordString(call, 'name');
    if (keyword(call, 'native_enum')?.kind === 'bool' && !(keyword(call, 'native_enum') as { value: boolean }).value) {
      const length = Math.max(0, ...values.map((v) => v.length));
      return { base: builtinSqlType('String', { positional: [length], keywords: new Map() })!, builder: 'Enum' };
    }
    if (!name) {
      this.problem('schema-lint/unresolved-reference', module, call, 'This Enum has no `name=`; PostgreSQL needs a named type, so SQLAlchemy cannot create it.', 'Pass `name="..."` to Enum().');
      return { base: UNKNOWN_TYPE, builder: 'Enum' };
    }
    this.registerEnum(name, values, module, call, this.bindingName(module, call) ?? name, keywordString(call, 'schema'));
    return { base: { name, params: [], arrayDimensions: 0, sql: name }, builder: 'Enum', enumName: name };
  }

  private enumType(ref: ClassRef, call: (PyExpr & { kind: 'call' }) | undefined, expr: PyExpr, module: PyModule): TypeInfo {
    // NOTE: SQLAlchemy names the type after the lower-cased class and stores member *names*
    // unless values_callable says otherwise.
    const name = keywordString(call, 'name') ?? ref.stmt.name.toLowerCase();
    const useValues = !!keyword(call, 'values_callable');
    const members = ref.stmt.body.flatMap((s) => (s.kind === 'assign' && s.targets.length === 1 && s.targets[0]!.kind === 'name' && !s.targets[0]!.id.startsWith('_') && s.value ? [{ name: s.targets[0]!.id, value: s.value }] : []));
    const values = members.map((m) => (useValues && m.value.kind === 'string' ? m.value.value : m.name));
    if (keyword(call, 'native_enum')?.kind === 'bool' && !(keyword(call, 'native_enum') as { value: boolean }).value) {
      const length = Math.max(0, ...values.map((v) => v.length));
      return { base: builtinSqlType('String', { positional: [length], keywords: new Map() })!, builder: 'Enum' };
    }
    this.registerEnum(name, values, ref.module, { from: ref.stmt.from, to: headerEnd(ref.stmt) }, ref.stmt.name, keywordString(call, 'schema'));
    return { base: { name, params: [], arrayDimensions: 0, sql: name }, builder: 'Enum', enumName: name };
  }

  private registerEnum(name: string, values: string[], module: PyModule, range: Range, exportName: string, schema: string | undefined): void {
    if (this.enums.has(name)) return;
    this.enums.set(name, { kind: 'enum', name, ...(schema ? { schema } : {}), exportName, values, span: this.span(module, range) });
  }

  private bindingName(module: PyModule, expr: PyExpr): string | undefined {
    for (const [name, binding] of module.bindings) if (binding.kind === 'assign' && binding.value === expr) return name;
    return undefined;
  }

  private encryptedType(typeName: string, call: (PyExpr & { kind: 'call' }) | undefined, module: PyModule): TypeInfo {
    const positional = call?.args.filter((a) => a.name === undefined) ?? [];
    const keyExpr = keyword(call, 'key') ?? positional[1]?.value;
    const length = this.literal(keyword(call, 'length') ?? NONE, module);
    // NOTE: sqlalchemy_utils stores StringEncryptedType as String and the deprecated EncryptedType as LargeBinary.
    const base = typeName === 'EncryptedType' ? builtinSqlType('LargeBinary')! : builtinSqlType('String', { positional: [typeof length === 'number' ? length : undefined], keywords: new Map() })!;
    const engine = keyword(call, 'engine') ?? positional[2]?.value;
    const engineName = engine ? (dottedName(engine)?.split('.').pop() ?? 'AesEngine') : 'AesEngine';
    return {
      base,
      builder: typeName,
      custom: {
        name: typeName,
        writeCalls: [`${engineName}.encrypt`],
        readCalls: [`${engineName}.decrypt`],
        ...(keyExpr?.kind === 'string' ? { literalKey: { value: keyExpr.value, span: this.span(module, keyExpr) } } : {}),
      },
    };
  }

  private typeDecorator(info: ClassInfo, call: (PyExpr & { kind: 'call' }) | undefined, module: PyModule, expr: PyExpr): TypeInfo {
    const { stmt, module: home } = info.ref;
    let impl: TypeInfo | undefined;
    for (const c of this.mro(info)) {
      const implAttr = classAttr(c.ref.stmt, 'impl');
      if (implAttr?.value) {
        impl = this.readType(implAttr.value, c.ref.module);
        break;
      }
      const colSpec = c.ref.stmt.body.find((s): s is DefStmt => s.kind === 'def' && s.name === 'get_col_spec');
      const returned = colSpec ? returnExpr(colSpec) : undefined;
      if (returned?.kind === 'string' && !returned.formatted) {
        impl = { base: typeFromSpelling(returned.value), builder: c.ref.stmt.name };
        break;
      }
    }
    const writeCalls: string[] = [];
    const readCalls: string[] = [];
    let literalKey: { value: string; span: Span } | undefined;
    for (const c of this.mro(info)) {
      for (const s of c.ref.stmt.body) {
        if (s.kind !== 'def') continue;
        if (s.name === 'process_bind_param') literalKey = this.collectCalls(s.body, writeCalls, c.ref.module) ?? literalKey;
        if (s.name === 'process_result_value') literalKey = this.collectCalls(s.body, readCalls, c.ref.module) ?? literalKey;
      }
    }
    // NOTE: a literal passed as `key=`/`secret=` (or positionally to an *Encrypted*/*Cipher* type) is a hard-coded key.
    for (const arg of call?.args ?? []) {
      const keyLike = arg.name !== undefined ? /key|secret|password/i.test(arg.name) : /crypt|cipher|secret/i.test(stmt.name);
      if (keyLike && arg.value.kind === 'string' && !arg.value.formatted && arg.value.value.length >= 8) literalKey = { value: arg.value.value, span: this.span(module, arg.value) };
    }
    const base = impl?.base ?? UNKNOWN_TYPE;
    if (!impl) this.problem('schema-lint/unresolved-reference', home, stmt.nameRange, `Cannot determine the SQL type of TypeDecorator \`${stmt.name}\`: it has no literal \`impl\`.`, 'Set `impl = <SQLAlchemy type>` on the class.');
    const isJson = JSON_TYPE_NAMES.has(base.name);
    return {
      base,
      builder: stmt.name,
      ...(impl?.enumName ? { enumName: impl.enumName } : {}),
      custom: { name: stmt.name, writeCalls, readCalls, ...(literalKey ? { literalKey } : {}) },
      ...(isJson ? { declaredJsonType: exprText(module, expr) } : {}),
    };
  }

  /** Names of functions called in a method body; returns a literal key passed to an encrypt/decrypt call. */
  private collectCalls(body: readonly PyStmt[], into: string[], module: PyModule): { value: string; span: Span } | undefined {
    let literalKey: { value: string; span: Span } | undefined;
    const visitExpr = (e: PyExpr | undefined): void => {
      if (!e) return;
      switch (e.kind) {
        case 'call': {
          const name = e.callee.kind === 'attr' ? e.callee.name : e.callee.kind === 'name' ? e.callee.id : undefined;
          if (name) into.push(name);
          // NOTE: a literal string beside the value in an encrypt/decrypt call is a hard-coded key.
          if (name && /crypt|cipher|seal|kms|fernet/i.test(name)) {
            for (const arg of e.args) if (arg.value.kind === 'string' && arg.value.value.length >= 8) literalKey = { value: arg.value.value, span: this.span(module, arg.value) };
          }
          visitExpr(e.callee);
          for (const arg of e.args) visitExpr(arg.value);
          return;
        }
        case 'attr':
          return visitExpr(e.object);
        case 'subscript':
          visitExpr(e.object);
          return e.items.forEach(visitExpr);
        case 'binary':
          visitExpr(e.left);
          return visitExpr(e.right);
        case 'unary':
          return visitExpr(e.operand);
        case 'tuple':
        case 'list':
        case 'set':
          return e.items.forEach(visitExpr);
        case 'dict':
          return e.entries.forEach((en) => {
            visitExpr(en.key);
            visitExpr(en.value);
          });
        case 'starred':
          return visitExpr(e.value);
        case 'other': {
          // NOTE: conditional expressions and the like are kept as text: re-parse to find calls.
          const inner = parsePython(module.ast.text.slice(e.from, e.to)).body[0];
          if (inner?.kind === 'expr' && inner.value.kind !== 'other') visitExpr(shiftRange(inner.value, e.from));
          else if (inner?.kind === 'expr') {
            for (const m of module.ast.text.slice(e.from, e.to).matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) {
              const n = m[1]!.split('.').pop()!;
              if (!['if', 'else', 'not', 'and', 'or', 'lambda'].includes(n)) into.push(n);
            }
          }
          return;
        }
        default:
          return;
      }
    };
    const visit = (stmts: readonly PyStmt[]): void => {
      for (const s of stmts) {
        if (s.kind === 'return' || s.kind === 'expr') visitExpr(s.value);
        else if (s.kind === 'assign') visitExpr(s.value);
        else if (s.kind === 'block') visit(s.body);
      }
    };
    visit(body);
    return literalKey;
  }

  // ── defaults, info, literals ───────────────────────────────────────────────

  private serverDefault(expr: PyExpr, module: PyModule): ColumnDefault | undefined {
    if (expr.kind === 'string' && !expr.formatted) return { kind: 'literal', value: expr.value, text: `'${expr.value.replace(/'/g, "''")}'` };
    if (expr.kind === 'call') {
      const callee = this.resolver.resolve(expr.callee, module);
      const name = callee.kind === 'external' ? callee.path.split('.').pop() : callee.kind === 'instanceAttr' ? callee.attr : undefined;
      if ((name === 'text' || name === 'literal_column') && expr.args[0]?.value.kind === 'string') return { kind: 'sql', text: expr.args[0].value.value };
      if (name === 'true' || name === 'false') return { kind: 'sql', text: name };
      if (name === 'FetchedValue' || name === 'DefaultClause') return undefined;
    }
    return { kind: 'sql', text: this.sqlText(expr, module) };
  }

  /** SQL for `func.now()`-style expressions; the source text when it is not one. */
  private sqlText(expr: PyExpr, module: PyModule): string {
    if (expr.kind === 'string') return expr.value;
    if (expr.kind === 'call') {
      const name = dottedName(expr.callee);
      const match = name ? /(?:^|\.)func\.(\w+)$/.exec(name) : null;
      if (match) {
        const fn = match[1]!.toLowerCase();
        if (fn === 'current_timestamp' || fn === 'current_date' || fn === 'current_time' || fn === 'localtimestamp') return fn.toUpperCase();
        return `${fn}(${expr.args.map((a) => this.sqlText(a.value, module)).join(', ')})`;
      }
      if (name && /(^|\.)text$/.test(name) && expr.args[0]?.value.kind === 'string') return expr.args[0].value.value;
    }
    return exprText(module, expr);
  }

  private infoDict(expr: PyExpr, module: PyModule, owner: string): Record<string, unknown> | undefined {
    const value = this.literal(expr, module, (bad) => this.problem('schema-lint/unsupported-syntax', module, bad, `Skipped \`${exprText(module, bad)}\` in the \`info\` of ${owner}: schema-lint reads literal values only.`, 'Use literal strings, numbers, booleans, lists and dicts in `info`.'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    if (value === undefined && expr.kind !== 'dict') this.problem('schema-lint/unsupported-syntax', module, expr, `Cannot read the \`info\` of ${owner}: it is not a dict literal.`);
    return undefined;
  }

  /** Python literal → JSON-like value; undefined when not a literal (onSkip is told about dropped parts). */
  private literal(expr: PyExpr, module: PyModule, onSkip?: (expr: PyExpr) => void, depth = 0): unknown {
    switch (expr.kind) {
      case 'string':
        return expr.formatted ? undefined : expr.value;
      case 'number':
        return expr.value;
      case 'bool':
        return expr.value;
      case 'none':
        return null;
      case 'unary':
        if (expr.op === '-' && expr.operand.kind === 'number') return -expr.operand.value;
        return undefined;
      case 'tuple':
      case 'list': {
        const out: unknown[] = [];
        for (const item of expr.items) {
          const v = this.literal(item, module, onSkip, depth + 1);
          if (v === undefined) onSkip?.(item);
          else out.push(v);
        }
        return out;
      }
      case 'dict': {
        const out: Record<string, unknown> = {};
        for (const entry of expr.entries) {
          const key = entry.key ? this.literal(entry.key, module) : undefined;
          const v = this.literal(entry.value, module, onSkip, depth + 1);
          if ((typeof key !== 'string' && typeof key !== 'number') || v === undefined) {
            onSkip?.(v === undefined ? entry.value : (entry.key ?? entry.value));
            continue;
          }
          out[String(key)] = v;
        }
        return out;
      }
      case 'name': {
        if (depth > 5) return undefined;
        const resolved = this.resolver.resolve(expr, module);
        if (resolved.kind === 'value') return this.literal(resolved.expr, resolved.module, onSkip, depth + 1);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private action(expr: PyExpr | undefined, module: PyModule): ReferentialAction | undefined {
    if (!expr || expr.kind === 'none') return undefined;
    const text = this.literal(expr, module);
    const lower = typeof text === 'string' ? text.trim().toLowerCase().replace(/\s+/g, ' ') : undefined;
    if (lower && (REFERENTIAL_ACTIONS as readonly string[]).includes(lower)) return lower as ReferentialAction;
    const expected = `expected one of ${REFERENTIAL_ACTIONS.map((a) => `'${a.toUpperCase()}'`).join(', ')}`;
    if (lower === undefined) {
      this.problem('schema-lint/unresolved-reference', module, expr, `Cannot read the referential action \`${exprText(module, expr)}\`: it is not a string literal (${expected}).`, 'Write the action as a string literal, e.g. `ondelete="CASCADE"`.');
    } else this.problem('schema-lint/unresolved-reference', module, expr, `Unknown referential action "${lower}": ${expected}.`);
    return undefined;
  }

  /** The column's declaration; without a call (`name: Mapped[str]`), only where it is. */
  private columnAnchor(call: (PyExpr & { kind: 'call' }) | undefined, module: PyModule, range: Range, sqlmodelField: boolean): ColumnFixAnchor | undefined {
    const text = module.ast.text;
    const indent = indentBefore(text, range.from);
    if (!call) return { style: pythonStyle(module), start: range.from, ...(indent !== undefined ? { indent } : {}) };
    const args = callArgs(text, call);
    if (!args) return undefined;
    const info = keyword(call, 'info');
    const infoAnchor = info ? bracketed(text, info) : undefined;
    return {
      style: pythonStyle(module),
      start: range.from,
      ...(indent !== undefined ? { indent } : {}),
      call: args,
      keywords: call.args.flatMap((a) => (a.name ? [a.name] : a.star === '**' ? ['**'] : [])),
      ...(infoAnchor && info?.kind === 'dict' ? { info: infoAnchor } : {}),
      ...(sqlmodelField ? { sqlmodelField: true } : {}),
    };
  }

  private foreignKeyAnchor(call: PyExpr & { kind: 'call' }, module: PyModule, sqlmodelField: boolean): ForeignKeyFixAnchor | undefined {
    const args = callArgs(module.ast.text, call);
    if (!args) return undefined;
    const onDeleteSlot = keywordSlot(call, 'ondelete');
    const onUpdateSlot = keywordSlot(call, 'onupdate');
    return {
      style: pythonStyle(module),
      syntax: 'sqlalchemy',
      args,
      ...(onDeleteSlot ? { onDeleteSlot } : {}),
      ...(onUpdateSlot ? { onUpdateSlot } : {}),
      ...(call.args.some((a) => a.star === '**') ? { optionsOpaque: true } : {}),
      ...(sqlmodelField ? { sqlmodelField: true } : {}),
    };
  }

  // ── foreign keys ───────────────────────────────────────────────────────────

  private readForeignKeyCall(call: PyExpr & { kind: 'call' }, module: PyModule, columns: readonly string[]): FkPlan | undefined {
    const targetExpr = call.args.find((a) => a.name === undefined || a.name === 'column')?.value;
    const target = targetExpr ? this.fkTarget(targetExpr, module) : undefined;
    if (!target) {
      this.problem('schema-lint/unresolved-reference', module, call, `Cannot resolve the target of this ForeignKey${targetExpr ? ` (\`${exprText(module, targetExpr)}\`)` : ''}: use "table.column" or a column of a model defined in the loaded files.`);
      return undefined;
    }
    const onDelete = this.action(keyword(call, 'ondelete'), module);
    const onUpdate = this.action(keyword(call, 'onupdate'), module);
    const name = keywordString(call, 'name');
    const fix = this.foreignKeyAnchor(call, module, false);
    return { module, range: call, columns, targets: [target], declaredVia: 'column', ...(name ? { name } : {}), ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}), ...(fix ? { fix } : {}) };
  }

  private fkTarget(expr: PyExpr, module: PyModule): FkTarget | undefined {
    if (expr.kind === 'string' && !expr.formatted) return { kind: 'string', text: expr.value };
    if (expr.kind !== 'attr') return undefined;
    // `User.id`
    const owner = this.resolver.resolve(expr.object, module);
    if (owner.kind === 'class') return { kind: 'class', ref: owner.ref, attr: expr.name };
    // `users.c.id` / `User.__table__.c.id`
    if (expr.object.kind === 'attr' && (expr.object.name === 'c' || expr.object.name === 'columns')) {
      const base = expr.object.object;
      if (base.kind === 'attr' && base.name === '__table__') {
        const cls = this.resolver.resolve(base.object, module);
        if (cls.kind === 'class') return { kind: 'class', ref: cls.ref, attr: expr.name };
      }
      const table = this.resolver.resolve(base, module);
      if (table.kind === 'value') return { kind: 'table', key: `${table.module.file}#${table.name}`, codeName: table.name, column: expr.name };
      return { kind: 'table', key: '', codeName: exprText(module, base), column: expr.name };
    }
    return undefined;
  }

  // ── tables and constraints ─────────────────────────────────────────────────

  private isTableCall(call: PyExpr & { kind: 'call' }, module: PyModule): boolean {
    const callee = this.resolver.resolve(call.callee, module);
    if (callee.kind === 'external') return isSqlAlchemyPath(callee.path) && callee.path.endsWith('.Table');
    return callee.kind === 'instanceAttr' && callee.of.startsWith('flask_sqlalchemy') && callee.attr === 'Table';
  }

  private readTableCall(call: PyExpr & { kind: 'call' }, module: PyModule, exportName: string, tableKey?: string, classStmt?: ClassStmt, classNaming?: NamingConvention): TablePlan | undefined {
    const positional = call.args.filter((a) => a.name === undefined && !a.star);
    const nameArg = positional[0];
    const name = nameArg ? this.literal(nameArg.value, module) : undefined;
    if (typeof name !== 'string') {
      this.problem('schema-lint/unresolved-reference', module, nameArg ?? call, `Cannot determine the SQL name of table \`${exportName}\`: it is not a string literal.`, 'Pass the table name as a string literal.');
      return undefined;
    }
    let rest = positional.slice(1);
    let naming = classNaming;
    const callee = this.resolver.resolve(call.callee, module);
    const flaskDb = callee.kind === 'instanceAttr' ? callee.instance : undefined;
    if (flaskDb) naming = this.namingOfCall(flaskDb.expr, flaskDb.module).naming;
    if (rest[0] && rest[0].value.kind !== 'call') {
      // NOTE: the MetaData argument: `metadata_obj`, `Base.metadata`, `db.metadata`.
      const metadata = rest[0].value;
      naming = this.namingOfTableMetadata(metadata, module) ?? naming;
      rest = rest.slice(1);
    } else if (!flaskDb && rest[0]?.value.kind === 'call' && this.columnCallKind(rest[0].value as PyExpr & { kind: 'call' }, module) === undefined && this.constraintKind(rest[0].value as PyExpr & { kind: 'call' }, module) === undefined) {
      naming = this.namingOfMetadata(rest[0].value, module) ?? naming;
      rest = rest.slice(1);
    }
    const schema = keywordString(call, 'schema');
    const plan: TablePlan = {
      module,
      name,
      ...(schema ? { schema } : {}),
      exportName,
      range: { from: call.from, to: nameArg!.to },
      ...(naming ? { naming } : {}),
      columns: [],
      constraints: [],
      unreadable: new Set(),
      ...(classStmt ? { classStmt } : {}),
      ...(tableKey ? { tableKey } : {}),
      ownRange: { from: call.from, to: call.to },
    };
    const lastPositional = call.args.filter((a) => a.name === undefined && !a.star).at(-1)!;
    const itemIndent = indentBefore(module.ast.text, lastPositional.from);
    const flaskDbName = flaskDb && call.callee.kind === 'attr' && call.callee.object.kind === 'name' ? call.callee.object.id : undefined;
    plan.fix = { style: pythonStyle(module), sqlalchemy: { ...indexInScope(module, this.resolver, flaskDbName), tableCall: { insertAt: lastPositional.to, ...(itemIndent !== undefined ? { itemIndent } : {}) } } };
    for (const arg of rest) {
      const value = arg.value;
      if (value.kind === 'call') {
        const kind = this.columnCallKind(value, module);
        if (kind === 'Column') {
          const first = value.args[0]?.value;
          const key = first?.kind === 'string' ? first.value : '?';
          if (first?.kind !== 'string') {
            this.problem('schema-lint/unresolved-reference', module, value, `A Column in Table(\`${name}\`) needs its name as the first argument.`);
            continue;
          }
          const column = this.readColumnCall(value, module, key, 'Column', undefined, undefined, value, [module.rank, value.from, 0]);
          if (column) plan.columns.push(column);
          continue;
        }
        if (this.readConstraint(value, module, plan)) continue;
      }
      this.problem('schema-lint/unsupported-syntax', module, arg, `Cannot understand this argument of Table(\`${name}\`): expected Column(...), Index(...) or a constraint.`);
    }
    const info = keyword(call, 'info');
    if (info) plan.info = this.infoDict(info, module, `table \`${name}\``);
    return plan;
  }

  private namingOfTableMetadata(expr: PyExpr, module: PyModule): NamingConvention | undefined {
    if (expr.kind === 'attr' && expr.name === 'metadata') {
      const owner = this.resolver.resolve(expr.object, module);
      if (owner.kind === 'class') return this.classInfo(owner.ref).root?.naming;
      if (owner.kind === 'value' && owner.expr.kind === 'call') {
        const kind = this.baseKind(owner, module);
        if (kind && typeof kind === 'object') return kind.naming;
        return this.namingOfCall(owner.expr, owner.module).naming;
      }
      return undefined;
    }
    return this.namingOfMetadata(expr, module);
  }

  private readTableArgs(expr: PyExpr, module: PyModule, plan: TablePlan): void {
    const items: PyExpr[] = expr.kind === 'tuple' || expr.kind === 'list' ? [...expr.items] : [expr];
    for (const item of items) {
      if (item.kind === 'dict') {
        for (const entry of item.entries) {
          const key = entry.key?.kind === 'string' ? entry.key.value : undefined;
          if (key === 'info') plan.info = this.infoDict(entry.value, module, `table \`${plan.name}\``);
          else if (key === 'schema') {
            const schema = this.literal(entry.value, module);
            if (typeof schema === 'string') (plan as { schema?: string }).schema = schema;
          }
        }
        continue;
      }
      if (item.kind === 'call' && this.readConstraint(item, module, plan)) continue;
      this.problem('schema-lint/unsupported-syntax', module, item, `Cannot understand this entry of \`__table_args__\` on \`${plan.exportName}\`: expected Index(...), a constraint, or a trailing dict.`, 'Use Index, UniqueConstraint, PrimaryKeyConstraint, ForeignKeyConstraint or CheckConstraint from sqlalchemy.');
    }
  }

  private constraintKind(call: PyExpr & { kind: 'call' }, module: PyModule): ConstraintPlan['kind'] | undefined {
    const callee = this.resolver.resolve(call.callee, module);
    const name = callee.kind === 'external' && isSqlAlchemyPath(callee.path) ? callee.path.split('.').pop() : callee.kind === 'instanceAttr' && callee.of.startsWith('flask_sqlalchemy') ? callee.attr : undefined;
    switch (name) {
      case 'Index':
        return 'index';
      case 'UniqueConstraint':
        return 'unique';
      case 'PrimaryKeyConstraint':
        return 'primaryKey';
      case 'CheckConstraint':
        return 'check';
      case 'ForeignKeyConstraint':
        return 'foreignKey';
      default:
        return undefined;
    }
  }

  private readConstraint(call: PyExpr & { kind: 'call' }, module: PyModule, plan: TablePlan): boolean {
    const kind = this.constraintKind(call, module);
    if (!kind) return false;
    const positional = call.args.filter((a) => a.name === undefined && !a.star).map((a) => a.value);
    let name = keywordString(call, 'name');
    const columnOf = (e: PyExpr): string | { expression: string } => {
      if (e.kind === 'string') return e.value;
      if (e.kind === 'attr' && (e.object.kind === 'name' || e.object.kind === 'attr')) {
        const base = e.object.kind === 'attr' && e.object.name === 'c' ? e.object.object : e.object;
        const owner = this.resolver.resolve(base, module);
        if (owner.kind === 'class' || owner.kind === 'value' || (base.kind === 'name' && base.id === 'cls')) return e.name;
      }
      return { expression: this.sqlText(e, module) };
    };
    switch (kind) {
      case 'index': {
        const [first, ...cols] = positional;
        if (first?.kind === 'string') name = first.value;
        else if (first && first.kind !== 'none') cols.unshift(first);
        const where = keyword(call, 'postgresql_where');
        const using = keywordString(call, 'postgresql_using');
        const unique = keyword(call, 'unique');
        plan.constraints.push({ module, range: call, kind, ...(name ? { name } : {}), columns: cols.map(columnOf), unique: unique?.kind === 'bool' && unique.value, ...(where ? { where: this.sqlText(where, module) } : {}), ...(using ? { method: using } : {}) });
        return true;
      }
      case 'unique':
      case 'primaryKey': {
        const nullsNotDistinct = keyword(call, 'postgresql_nulls_not_distinct');
        plan.constraints.push({ module, range: call, kind, ...(name ? { name } : {}), columns: positional.map(columnOf), ...(nullsNotDistinct?.kind === 'bool' && nullsNotDistinct.value ? { nullsNotDistinct: true } : {}) });
        return true;
      }
      case 'check': {
        const sql = positional[0] ?? keyword(call, 'sqltext');
        plan.constraints.push({ module, range: call, kind, ...(name ? { name } : {}), columns: [], expression: sql ? this.sqlText(sql, module) : '' });
        return true;
      }
      case 'foreignKey': {
        const [cols, refs] = [positional[0] ?? keyword(call, 'columns'), positional[1] ?? keyword(call, 'refcolumns')];
        const list = (e: PyExpr | undefined) => (e && (e.kind === 'list' || e.kind === 'tuple') ? e.items : undefined);
        const columnItems = list(cols);
        const refItems = list(refs);
        if (!columnItems || !refItems) {
          this.problem('schema-lint/unresolved-reference', module, call, `Cannot read this ForeignKeyConstraint on \`${plan.name}\`: its columns are not list literals.`);
          return true;
        }
        const targets = refItems.map((r) => this.fkTarget(r, module));
        if (targets.some((t) => t === undefined)) {
          this.problem('schema-lint/unresolved-reference', module, call, `Cannot resolve the referenced columns of a ForeignKeyConstraint on \`${plan.name}\`.`, 'List referenced columns as "table.column" strings.');
          return true;
        }
        const onDelete = this.action(keyword(call, 'ondelete'), module);
        const onUpdate = this.action(keyword(call, 'onupdate'), module);
        const fix = this.foreignKeyAnchor(call, module, false);
        const fk: FkPlan = {
          module,
          range: call,
          columns: columnItems.map((c) => {
            const col = columnOf(c);
            return typeof col === 'string' ? col : col.expression;
          }),
          targets: targets as FkTarget[],
          declaredVia: 'table',
          ...(name ? { name } : {}),
          ...(onDelete ? { onDelete } : {}),
          ...(onUpdate ? { onUpdate } : {}),
          ...(fix ? { fix } : {}),
        };
        plan.constraints.push({ module, range: call, kind, ...(name ? { name } : {}), columns: fk.columns, fk });
        return true;
      }
    }
  }

  // ── building the model ─────────────────────────────────────────────────────

  private buildTables(plans: TablePlan[]): MutableTable[] {
    const byName = new Map<string, TablePlan>();
    const byClass = new Map<ClassStmt, TablePlan>();
    const byKey = new Map<string, TablePlan>();
    for (const plan of plans) {
      const key = `${plan.schema ?? ''}.${plan.name}`;
      if (!byName.has(key)) byName.set(key, plan);
      if (plan.classStmt) byClass.set(plan.classStmt, plan);
      if (plan.tableKey) byKey.set(plan.tableKey, plan);
    }
    const column = (plan: TablePlan | undefined, keyOrName: string) => plan?.columns.find((c) => c.key === keyOrName) ?? plan?.columns.find((c) => c.name === keyOrName);
    const resolveTarget = (target: FkTarget): { plan?: TablePlan; table?: string; schema?: string; codeName: string; column: string; col?: ColumnPlan } => {
      if (target.kind === 'string') {
        const parts = target.text.split('.');
        const col = parts.pop() ?? '';
        const table = parts.pop() ?? '';
        const schema = parts.length > 0 ? parts.join('.') : undefined;
        const plan = byName.get(`${schema ?? ''}.${table}`);
        const c = column(plan, col);
        return { ...(plan ? { plan } : {}), table, ...(schema ? { schema } : {}), codeName: table, column: c?.name ?? col, ...(c ? { col: c } : {}) };
      }
      if (target.kind === 'class') {
        const plan = byClass.get(target.ref.stmt);
        const c = column(plan, target.attr);
        return { ...(plan ? { plan, table: plan.name, ...(plan.schema ? { schema: plan.schema } : {}) } : {}), codeName: target.ref.stmt.name, column: c?.name ?? target.attr, ...(c ? { col: c } : {}) };
      }
      const plan = byKey.get(target.key);
      const c = column(plan, target.column);
      return { ...(plan ? { plan, table: plan.name, ...(plan.schema ? { schema: plan.schema } : {}) } : {}), codeName: target.codeName, column: c?.name ?? target.column, ...(c ? { col: c } : {}) };
    };
    // NOTE: SQLAlchemy copies the referenced column's type onto an FK column declared without one.
    for (let pass = 0; pass < 3; pass++) {
      for (const plan of plans) {
        for (const col of plan.columns) {
          if (!col.type?.fromForeignKey) continue;
          const fk = col.fks[0] ?? plan.constraints.find((c) => c.fk?.columns.includes(col.name))?.fk;
          const index = fk ? Math.max(0, fk.columns.indexOf(col.name)) : 0;
          const target = fk?.targets[index] ? resolveTarget(fk.targets[index]!) : undefined;
          if (target?.col?.type && !target.col.type.fromForeignKey) col.type = { ...target.col.type, builder: 'ForeignKey', fromForeignKey: false };
        }
      }
    }
    return plans.map((plan) => this.buildTable(plan, resolveTarget));
  }

  private buildTable(plan: TablePlan, resolveTarget: (t: FkTarget) => { plan?: TablePlan; table?: string; schema?: string; codeName: string; column: string; col?: ColumnPlan }): MutableTable {
    const { module } = plan;
    const naming = plan.naming;
    const table: MutableTable = {
      kind: 'table',
      source: 'sqlalchemy',
      dialect: dialectOf(plan.module),
      name: plan.name,
      ...(plan.schema ? { schema: plan.schema } : {}),
      exportName: plan.exportName,
      columns: [],
      primaryKeyDeclarations: [],
      foreignKeys: [],
      indexes: [],
      uniqueConstraints: [],
      checks: [],
      docTags: [],
      ...(plan.info ? { info: plan.info } : {}),
      span: this.span(module, plan.range),
      ...(plan.fix ? { fix: plan.fix } : {}),
    };
    const owned = (m: PyModule, range: Range) => m === plan.module && range.from >= plan.ownRange.from && range.to <= plan.ownRange.to;
    const byName = new Map(plan.columns.map((c) => [c.name, c]));
    const sqlName = (ref: string): string | undefined => plan.columns.find((c) => c.key === ref)?.name ?? (byName.has(ref) ? ref : undefined);
    const pkColumns = new Set<string>();
    const tablePk = plan.constraints.find((c) => c.kind === 'primaryKey');
    const columnPk = plan.columns.filter((c) => c.primaryKey);
    // NOTE: a PrimaryKeyConstraint replaces the columns' primary_key=True flags.
    if (tablePk) {
      for (const col of tablePk.columns) if (typeof col === 'string') pkColumns.add(sqlName(col) ?? col);
    } else {
      for (const c of columnPk) pkColumns.add(c.name);
    }

    // NOTE: SQLAlchemy's "autoincrement" column: the single integer primary-key column that is
    // not a foreign key; on Postgres it becomes SERIAL/BIGSERIAL (a sequence default).
    const pkPlans = plan.columns.filter((c) => pkColumns.has(c.name));
    const serial = pkPlans.length === 1 && pkPlans[0]!.autoincrement !== false && !pkPlans[0]!.identity && !pkPlans[0]!.serverDefault && pkPlans[0]!.fks.length === 0 && ['integer', 'bigint', 'smallint'].includes(pkPlans[0]!.type?.base.name ?? '') && pkPlans[0]!.type?.base.arrayDimensions === 0 && !plan.constraints.some((c) => c.fk?.columns.includes(pkPlans[0]!.name)) ? pkPlans[0] : undefined;

    const conv = (kind: 'pk' | 'fk' | 'uq' | 'ix' | 'ck', tokens: Record<string, string>, fallback: string | undefined, explicit: string | undefined): string | undefined => {
      const template = naming?.[kind] ?? naming?.[NAMING_ALIASES[kind]!];
      if (template && (explicit === undefined || template.includes('%(constraint_name)s'))) {
        const rendered = renderConvention(template, { ...tokens, ...(explicit !== undefined ? { constraint_name: explicit } : {}) });
        if (rendered !== undefined) return rendered;
      }
      return explicit ?? fallback;
    };
    const columnTokens = (cols: readonly string[]): Record<string, string> => ({
      table_name: plan.name,
      column_0_name: cols[0] ?? '',
      column_0_label: `${plan.name}_${cols[0] ?? ''}`,
      column_0_key: cols[0] ?? '',
      column_0N_name: cols.join(''),
      column_0_N_name: cols.join('_'),
      column_0N_label: cols.map((c) => `${plan.name}_${c}`).join(''),
      column_0_N_label: cols.map((c) => `${plan.name}_${c}`).join('_'),
    });

    for (const c of plan.columns) {
      const type = c.type ?? { base: UNKNOWN_TYPE, builder: 'unknown' };
      const isPk = pkColumns.has(c.name);
      // NOTE: SQLAlchemy makes primary-key columns NOT NULL; otherwise nullable defaults to True,
      // except SQLAlchemy 2 `Mapped[X]` and SQLModel fields, where only Optional[X] is nullable.
      const nullable = isPk ? false : (c.nullable ?? c.annotationNullable ?? true);
      let columnDefault: ColumnDefault | undefined = c.serverDefault ?? c.appDefault;
      if (c === serial) {
        const seq = `${plan.schema ? `${plan.schema}.` : ''}${plan.name}_${c.name}_seq`;
        columnDefault = { kind: 'sql', text: `nextval('${seq}'::regclass)` };
      }
      const sqlType: SqlType = {
        ...type.base,
        builder: type.builder,
        ...(type.enumName ? { enumName: type.enumName } : {}),
        ...(type.custom ? { custom: type.custom } : {}),
      };
      table.columns.push({
        kind: 'column',
        name: c.name,
        propertyKey: c.key,
        type: sqlType,
        nullable,
        ...(columnDefault ? { default: columnDefault } : {}),
        primaryKey: !!c.primaryKey,
        unique: !!c.unique,
        ...(c.identity ? { identity: c.identity } : {}),
        ...(c.computed !== undefined ? { generated: c.computed } : {}),
        ...(c.declaredType !== undefined ? { declaredType: c.declaredType } : {}),
        ...(c.typeRange && c.typeModule ? { typeSpan: this.span(c.typeModule, c.typeRange) } : {}),
        docTags: [],
        ...(c.info ? { info: c.info } : {}),
        ...(c.inheritedFrom ? { inheritedFrom: c.inheritedFrom } : {}),
        span: this.span(c.module, c.range),
        // NOTE: the call itself must be in the class: a helper def's Column(...) serves other tables too.
        ...(c.fix && !c.inheritedFrom && owned(c.module, c.range) && (!c.fix.call || owned(c.module, { from: c.fix.call.open, to: c.fix.call.close })) ? { fix: c.fix } : {}),
      });
      if (c.unique && !c.index) {
        table.uniqueConstraints.push({ kind: 'unique', declaredVia: 'column', name: conv('uq', columnTokens([c.name]), `${plan.name}_${c.name}_key`, undefined), columns: [c.name], nullsNotDistinct: false, span: this.span(c.module, c.unique) });
      }
      if (c.index) {
        // NOTE: index=True with unique=True makes one unique index and no unique constraint.
        table.indexes.push({ kind: 'index', name: conv('ix', columnTokens([c.name]), `ix_${plan.name}_${c.name}`, undefined), explicitName: false, elements: [{ kind: 'column', column: c.name }], unique: !!c.unique, span: this.span(c.module, c.index) });
      }
    }
    if (columnPk.length > 0) {
      const cols = columnPk.map((c) => c.name);
      const first = columnPk[0]!;
      table.primaryKeyDeclarations.push({ kind: 'primaryKey', declaredVia: 'column', name: conv('pk', columnTokens(cols), `${plan.name}_pkey`, undefined), columns: cols, span: this.span(first.module, first.primaryKey!) });
    }

    const fkPlans: FkPlan[] = [...plan.columns.flatMap((c) => c.fks.map((fk) => ({ ...fk, columns: [c.name] }))), ...plan.constraints.flatMap((c) => (c.fk ? [c.fk] : []))];
    for (const constraint of plan.constraints) {
      const span = this.span(constraint.module, constraint.range);
      const names: string[] = [];
      const elements: IndexElement[] = [];
      let bad = false;
      for (const col of constraint.columns) {
        if (typeof col !== 'string') {
          elements.push({ kind: 'expression', text: col.expression });
          continue;
        }
        const resolved = sqlName(col);
        if (resolved === undefined) {
          // NOTE: a column that could not be read was reported already; its constraints go quietly.
          if (!plan.unreadable.has(col)) this.problem('schema-lint/unresolved-reference', constraint.module, constraint.range, `${CONSTRAINT_LABEL[constraint.kind]} on \`${plan.name}\` names \`${col}\`, which is not a column of this table.`);
          bad = true;
          continue;
        }
        names.push(resolved);
        elements.push({ kind: 'column', column: resolved });
      }
      if (bad) continue;
      switch (constraint.kind) {
        case 'primaryKey':
          table.primaryKeyDeclarations.push({ kind: 'primaryKey', declaredVia: 'table', name: conv('pk', columnTokens(names), `${plan.name}_pkey`, constraint.name), columns: names, span });
          break;
        case 'unique':
          table.uniqueConstraints.push({ kind: 'unique', declaredVia: 'table', name: conv('uq', columnTokens(names), `${plan.name}_${names.join('_')}_key`, constraint.name), columns: names, nullsNotDistinct: !!constraint.nullsNotDistinct, span });
          break;
        case 'index': {
          const label = names.length > 0 ? names : ['expr'];
          table.indexes.push({
            kind: 'index',
            name: conv('ix', columnTokens(label), constraint.name ?? `ix_${plan.name}_${label.join('_')}`, constraint.name),
            explicitName: constraint.name !== undefined,
            elements,
            unique: !!constraint.unique,
            ...(constraint.where !== undefined ? { where: constraint.where } : {}),
            ...(constraint.method !== undefined ? { method: constraint.method } : {}),
            span,
          });
          break;
        }
        case 'check': {
          const name = constraint.name !== undefined ? conv('ck', { table_name: plan.name }, constraint.name, constraint.name) : undefined;
          table.checks.push({ kind: 'check', ...(name ? { name } : {}), expression: constraint.expression ?? '', span });
          break;
        }
        case 'foreignKey':
          break;
      }
    }
    // NOTE: a primary key declared on columns and again with PrimaryKeyConstraint: SQLAlchemy
    // keeps the table-level one; both stay in primaryKeyDeclarations for rules to see.
    table.primaryKey = table.primaryKeyDeclarations.find((p) => p.declaredVia === 'table') ?? table.primaryKeyDeclarations[0];
    const tableLevel = table.primaryKeyDeclarations.find((p) => p.declaredVia === 'table');
    const columnLevel = table.primaryKeyDeclarations.find((p) => p.declaredVia === 'column');
    if (tableLevel && columnLevel) {
      // NOTE: SQLAlchemy lets PrimaryKeyConstraint replace primary_key=True flags (with a
      // warning when they differ), so the table still has one primary key.
      table.primaryKeyDeclarations = [tableLevel];
      if (!sameColumns(tableLevel.columns, columnLevel.columns)) {
        this.problems.push({
          id: 'schema-lint/unsupported-syntax',
          severity: 'warn',
          message: `Table \`${plan.name}\` marks (${columnLevel.columns.join(', ')}) with primary_key=True but declares PrimaryKeyConstraint(${tableLevel.columns.join(', ')}); SQLAlchemy uses the constraint.`,
          help: 'Declare the primary key in one place.',
          span: columnLevel.span,
        });
      }
    }

    for (const fk of fkPlans) {
      const columns: string[] = [];
      for (const col of fk.columns) {
        const resolved = sqlName(col);
        if (resolved === undefined) {
          this.problem('schema-lint/unresolved-reference', fk.module, fk.range, `Foreign key on \`${plan.name}\` uses \`${col}\`, which is not a column of this table.`);
          columns.length = 0;
          break;
        }
        columns.push(resolved);
      }
      if (columns.length === 0) continue;
      if (fk.targets.length !== columns.length) {
        this.problem('schema-lint/unresolved-reference', fk.module, fk.range, `Foreign key on \`${plan.name}\` lists ${columns.length} column(s) but ${fk.targets.length} referenced column(s).`, 'List one referenced column per local column.');
        continue;
      }
      const targets = fk.targets.map(resolveTarget);
      const first = targets[0]!;
      const resolved = targets.every((t) => t.plan !== undefined && t.plan === first.plan && t.col !== undefined);
      const targetTable = first.plan?.name ?? first.table;
      const targetSchema = first.plan ? first.plan.schema : first.schema;
      const targetColumns = targets.map((t) => t.column);
      const name = conv(
        'fk',
        { ...columnTokens(columns), referred_table_name: targetTable ?? first.codeName, referred_column_0_name: targetColumns[0] ?? '', referred_column_0N_name: targetColumns.join(''), referred_column_0_N_name: targetColumns.join('_') },
        `${plan.name}_${columns.join('_')}_fkey`,
        fk.name,
      );
      table.foreignKeys.push({
        kind: 'foreignKey',
        ...(name ? { name } : {}),
        explicitName: fk.name !== undefined,
        columns,
        target: {
          ...(targetTable !== undefined && targetTable !== '' ? { table: targetTable } : {}),
          ...(targetSchema ? { schema: targetSchema } : {}),
          codeName: first.codeName,
          columns: targetColumns,
          resolved,
        },
        ...(fk.onDelete ? { onDelete: fk.onDelete } : {}),
        ...(fk.onUpdate ? { onUpdate: fk.onUpdate } : {}),
        declaredVia: fk.declaredVia,
        span: this.span(fk.module, fk.range),
        ...(fk.fix && owned(fk.module, fk.range) ? { fix: fk.fix } : {}),
      });
    }
    return table;
  }
}

// ── helpers ──────────────────────────────────────────────────────────────────

const NONE: PyExpr = { kind: 'none', from: 0, to: 0 };

const NAMING_ALIASES: Readonly<Record<string, string>> = { pk: 'primary_key', fk: 'foreign_key', uq: 'unique_constraint', ix: 'index', ck: 'check_constraint' };

const CONSTRAINT_LABEL: Readonly<Record<ConstraintPlan['kind'], string>> = {
  index: 'Index',
  unique: 'UniqueConstraint',
  primaryKey: 'PrimaryKeyConstraint',
  check: 'CheckConstraint',
  foreignKey: 'ForeignKeyConstraint',
};

/** `%(table_name)s`-style tokens; undefined when the template uses a token we cannot fill. */
function renderConvention(template: string, tokens: Readonly<Record<string, string>>): string | undefined {
  let missing = false;
  const out = template.replace(/%\((\w+)\)s/g, (_, token: string) => {
    const value = tokens[token];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : out;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c) => b.includes(c));
}

/** Postgres unless the module imports types from another SQLAlchemy dialect and none from postgresql. */
function dialectOf(module: PyModule): Table['dialect'] {
  const dialects = new Set<string>();
  for (const binding of module.bindings.values()) {
    const match = binding.kind === 'import' ? /^sqlalchemy\.dialects(?:\.(\w+))?/.exec(binding.module) : null;
    if (!match) continue;
    const name = match[1] ?? (binding.kind === 'import' ? binding.name : undefined);
    if (name) dialects.add(name);
  }
  if (dialects.has('postgresql')) return 'postgresql';
  if (dialects.has('mysql') || dialects.has('mariadb')) return 'mysql';
  if (dialects.has('sqlite')) return 'sqlite';
  return 'postgresql';
}

function topLevel(body: readonly PyStmt[]): PyStmt[] {
  return body.flatMap((s) => (s.kind === 'block' ? topLevel(s.body) : [s]));
}

function classAttr(stmt: ClassStmt, name: string): AssignStmt | undefined {
  let found: AssignStmt | undefined;
  for (const s of stmt.body) if (s.kind === 'assign' && s.targets.some((t) => t.kind === 'name' && t.id === name)) found = s;
  return found;
}

function returnExpr(def: DefStmt): PyExpr | undefined {
  for (const s of def.body) if (s.kind === 'return') return s.value;
  return undefined;
}

function keyword(call: (PyExpr & { kind: 'call' }) | undefined, name: string): PyExpr | undefined {
  return call?.args.find((a: PyArg) => a.name === name)?.value;
}

function keywordString(call: (PyExpr & { kind: 'call' }) | undefined, name: string): string | undefined {
  const value = keyword(call, name);
  return value?.kind === 'string' && !value.formatted ? value.value : undefined;
}

/** `db` of `class Visit(db.Model)`: the Flask-SQLAlchemy instance a model's `db.Index` comes from. */
function flaskInstanceOf(stmt: ClassStmt): string | undefined {
  for (const base of stmt.bases) {
    if (base.name === undefined && base.value.kind === 'attr' && base.value.name === 'Model' && base.value.object.kind === 'name') return base.value.object.id;
  }
  return undefined;
}

function headerEnd(stmt: ClassStmt): number {
  const lastBase = stmt.bases[stmt.bases.length - 1];
  return lastBase ? lastBase.to + 1 : stmt.nameRange.to;
}

function isClassVar(annotation: PyExpr): boolean {
  const head = annotation.kind === 'subscript' ? annotation.object : annotation;
  return /(^|\.)ClassVar$/.test(dottedName(head) ?? '');
}

/** Strips `Optional[X]`, `X | None`, `Union[X, None]`; reports whether None was allowed. */
function stripOptional(expr: PyExpr, typingName: (e: PyExpr) => string | undefined): { inner: PyExpr; optional: boolean } {
  if (expr.kind === 'subscript') {
    const head = typingName(expr.object);
    if (head === 'Optional' && expr.items.length === 1) return { inner: stripOptional(expr.items[0]!, typingName).inner, optional: true };
    if (head === 'Union') {
      const rest = expr.items.filter((i) => i.kind !== 'none');
      if (rest.length === 1 && rest.length < expr.items.length) return { inner: rest[0]!, optional: true };
    }
  }
  if (expr.kind === 'binary' && expr.op === '|') {
    if (expr.right.kind === 'none') return { inner: stripOptional(expr.left, typingName).inner, optional: true };
    if (expr.left.kind === 'none') return { inner: stripOptional(expr.right, typingName).inner, optional: true };
  }
  return { inner: expr, optional: false };
}

const UNTYPED_JSON = new Set(['dict', 'Dict', 'typing.Dict', 'Any', 'typing.Any', 'object', 'list', 'List', 'typing.List', 'JSON', 'Json', 'Mapping', 'typing.Mapping', 'MutableMapping', 'Sequence', 'typing.Sequence', 'tuple', 'Tuple']);
const CONTAINERS = new Set(['dict', 'Dict', 'typing.Dict', 'Mapping', 'typing.Mapping', 'MutableMapping', 'list', 'List', 'typing.List', 'Sequence', 'typing.Sequence', 'tuple', 'Tuple', 'set', 'Set']);

/** Whether a JSON column's annotation names a shape (`Vitals`, `list[Reading]`) or only `dict`/`Any`. */
function isTypedJsonAnnotation(expr: PyExpr, typingName: (e: PyExpr) => string | undefined): boolean {
  const { inner } = stripOptional(expr, typingName);
  if (inner.kind === 'string') return inner.value.trim() !== '' && !UNTYPED_JSON.has(inner.value.trim());
  if (inner.kind === 'subscript') {
    const head = typingName(inner.object) ?? '';
    if (head === 'Annotated' && inner.items[0]) return isTypedJsonAnnotation(inner.items[0], typingName);
    if (CONTAINERS.has(head)) {
      // NOTE: dict[str, Any] is untyped; dict[str, Reading] and list[Reading] describe their items.
      const valueType = head.toLowerCase().includes('dict') || head.includes('Mapping') ? inner.items[inner.items.length - 1] : inner.items[0];
      return !!valueType && isTypedJsonAnnotation(valueType, typingName);
    }
    return true;
  }
  if (inner.kind === 'binary' && inner.op === '|') return isTypedJsonAnnotation(inner.left, typingName) && isTypedJsonAnnotation(inner.right, typingName);
  if (inner.kind === 'name' || inner.kind === 'attr') {
    const name = typingName(inner) ?? '';
    return !UNTYPED_JSON.has(name) && !UNTYPED_JSON.has(name.split('.').pop()!);
  }
  return false;
}

/** Flask-SQLAlchemy 3's default `__tablename__`: CamelCase → snake_case. */
export function camelToSnake(name: string): string {
  return name.replace(/((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))/g, '_$1').toLowerCase().replace(/^_+/, '');
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function compareBySpan(a: { span: Span }, b: { span: Span }): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column;
}

/** Moves the offsets of an expression parsed from a substring back into file coordinates. */
function shiftRange<T extends PyExpr>(expr: T, delta: number): T {
  const shift = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shift);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = (k === 'from' || k === 'to') && typeof v === 'number' ? v + delta : shift(v);
      return out;
    }
    return value;
  };
  return shift(expr) as T;
}

function absoluteFrom(key: string, module: PyModule): string | undefined {
  const level = /^\.*/.exec(key)![0].length;
  const rest = key.slice(level);
  const parts = module.dotted === '' ? [] : module.dotted.split('.');
  const packageParts = module.isPackage ? parts : parts.slice(0, -1);
  if (level - 1 > packageParts.length) return undefined;
  return [...packageParts.slice(0, packageParts.length - (level - 1)), ...(rest ? rest.split('.') : [])].join('.');
}

