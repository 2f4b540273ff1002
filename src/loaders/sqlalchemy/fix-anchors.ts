import type { ListAnchor, SourceStyle, SqlAlchemyTableAnchor, ValueSlot } from '../../model/schema-model.js';
import { detectEol, detectIndentUnit, indentBefore, lineStart, nextLineStart } from '../../fix/source-text.js';
import type { PyExpr, PyStmt, Range } from './python-ast.js';
import type { ClassStmt, PyModule, Resolver } from './python-modules.js';

/**
 * Fix anchors for SQLAlchemy declarations, from the Python syntax tree's offsets (UTF-16 string
 * indices of the text as read). Like the Drizzle ones, they are only made for code a table owns:
 * not for columns inherited from mixins or `__table_args__` declared on a base class.
 */

const styles = new WeakMap<PyModule, SourceStyle>();

export function pythonStyle(module: PyModule): SourceStyle {
  let style = styles.get(module);
  if (!style) {
    const text = module.ast.text;
    // NOTE: Python has no quoted import; the table name's quote is the file's habit for strings.
    const match = /__tablename__\s*=\s*(['"])/.exec(text) ?? /\b(?:ForeignKey|Column|Table|Index)\(\s*(['"])/.exec(text);
    style = { file: module.file, eol: detectEol(text), quote: match?.[1] === "'" ? "'" : '"', indentUnit: detectIndentUnit(text) };
    styles.set(module, style);
  }
  return style;
}

/** The arguments of a call: just after its `(` to its `)`. */
export function callArgs(text: string, call: PyExpr & { kind: 'call' }): ListAnchor | undefined {
  let open = call.callee.to;
  while (open < call.to && /\s/.test(text[open]!)) open++;
  if (text[open] !== '(' || text[call.to - 1] !== ')') return undefined;
  return list(text, open + 1, call.to - 1, call.args);
}

/** A dict, tuple or list literal written with its brackets. */
export function bracketed(text: string, expr: PyExpr): ListAnchor | undefined {
  const brackets: Partial<Record<PyExpr['kind'], string>> = { dict: '{}', tuple: '()', list: '[]' };
  const pair = brackets[expr.kind];
  if (!pair || text[expr.from] !== pair[0] || text[expr.to - 1] !== pair[1]) return undefined;
  const items: readonly Range[] = expr.kind === 'dict' ? expr.entries : expr.kind === 'tuple' || expr.kind === 'list' ? expr.items : [];
  return list(text, expr.from + 1, expr.to - 1, items);
}

export function list(text: string, open: number, close: number, items: readonly Range[]): ListAnchor {
  const last = items[items.length - 1];
  if (!last) return { open, close };
  const indent = indentBefore(text, last.from);
  return { open, close, lastItemEnd: last.to, ...(indent !== undefined ? { itemIndent: indent } : {}) };
}

/** A keyword argument already present (`ondelete=None`). */
export function keywordSlot(call: PyExpr & { kind: 'call' }, name: string): ValueSlot | undefined {
  const arg = call.args.find((a) => a.name === name);
  return arg ? { start: arg.value.from, end: arg.value.to, empty: arg.value.kind === 'none' } : undefined;
}

/**
 * How the module spells `Index`, and the `from sqlalchemy import ...` list where it can be added.
 * `flaskDb` is the Flask-SQLAlchemy instance the table uses (`db` of `db.Model`, `db.Table`).
 * NOTE: only imports from sqlalchemy are resolved: resolving others would load modules the
 * loader does not otherwise read.
 */
export function indexInScope(module: PyModule, resolver: Resolver, flaskDb: string | undefined): Pick<SqlAlchemyTableAnchor, 'indexCallee' | 'sqlalchemyImport'> {
  let byDb = scopes.get(module);
  if (!byDb) scopes.set(module, (byDb = new Map()));
  let scope = byDb.get(flaskDb);
  if (!scope) byDb.set(flaskDb, (scope = computeIndexScope(module, resolver, flaskDb)));
  return scope;
}

/** Per module (and Flask instance): every table of a module shares its imports. */
const scopes = new WeakMap<PyModule, Map<string | undefined, Pick<SqlAlchemyTableAnchor, 'indexCallee' | 'sqlalchemyImport'>>>();

function computeIndexScope(module: PyModule, resolver: Resolver, flaskDb: string | undefined): Pick<SqlAlchemyTableAnchor, 'indexCallee' | 'sqlalchemyImport'> {
  let callee: string | undefined;
  let viaModule: string | undefined;
  for (const [name, binding] of module.bindings) {
    if (name.startsWith('*') || binding.kind !== 'import' || !/^sqlalchemy(\.|$)/.test(binding.module)) continue;
    const resolved = resolver.resolveName(name, module);
    if (resolved.kind !== 'external') continue;
    if (/^sqlalchemy(?:\.schema|\.sql\.schema)?\.Index$/.test(resolved.path)) callee ??= name;
    else if (resolved.path === 'sqlalchemy') viaModule ??= name;
  }
  const indexCallee = callee ?? (viaModule ? `${viaModule}.Index` : flaskDb ? `${flaskDb}.Index` : undefined);
  const sqlalchemyImport = indexCallee ? undefined : fromImportList(module);
  // NOTE: a module-level `Index` that is something else would shadow an added import.
  if (!indexCallee && module.bindings.has('Index')) return {};
  return { ...(indexCallee ? { indexCallee } : {}), ...(sqlalchemyImport ? { sqlalchemyImport } : {}) };
}

/** The names of the first top-level `from sqlalchemy import a, b` (or its parenthesised form). */
function fromImportList(module: PyModule): ListAnchor | undefined {
  const text = module.ast.text;
  for (const stmt of module.ast.body) {
    if (stmt.kind !== 'from' || stmt.level !== 0 || stmt.module !== 'sqlalchemy' || stmt.star || stmt.names.length === 0) continue;
    const header = /\bimport\s*(\()?/.exec(text.slice(stmt.from, stmt.names[0]!.from));
    if (!header) continue;
    if (header[1]) {
      const close = text.lastIndexOf(')', stmt.to);
      if (close < stmt.names[stmt.names.length - 1]!.to) continue;
      return list(text, stmt.from + header.index + header[0].length, close, stmt.names);
    }
    // NOTE: without parentheses the names share one logical line: never start a new line there.
    const last = stmt.names[stmt.names.length - 1]!;
    return { open: stmt.names[0]!.from, close: last.to, lastItemEnd: last.to };
  }
  return undefined;
}

/** Where `__table_args__` of a class can take an index: its own literal, or a new line in the body. */
export function classTableArgs(module: PyModule, stmt: ClassStmt, inherited: boolean): Pick<SqlAlchemyTableAnchor, 'tableArgs' | 'bodyInsert'> {
  const text = module.ast.text;
  const own = [...stmt.body].reverse().find((s) => s.kind === 'assign' && s.targets.some((t) => t.kind === 'name' && t.id === '__table_args__'));
  const declared = stmt.body.some((s) => s.kind === 'def' && s.name === '__table_args__');
  if (declared) return { tableArgs: 'opaque' };
  if (own) {
    const value = own.kind === 'assign' ? own.value : undefined;
    if (value?.kind === 'dict' && text[value.from] === '{') return { tableArgs: { form: 'dict', range: { start: value.from, end: value.to } } };
    if (value && (value.kind === 'tuple' || value.kind === 'list')) {
      const anchor = bracketed(text, value);
      if (!anchor) return { tableArgs: 'opaque' };
      const last = value.items[value.items.length - 1];
      const beforeDict = last?.kind === 'dict';
      const insertAt = beforeDict ? last.from : (anchor.lastItemEnd ?? anchor.open);
      return { tableArgs: { form: value.kind, list: anchor, insertAt, beforeDict } };
    }
    return { tableArgs: 'opaque' };
  }
  // NOTE: a new __table_args__ would hide the one the class inherits.
  if (inherited) return { tableArgs: 'opaque' };
  const bodyInsert = bodyInsertPoint(text, stmt);
  return bodyInsert ? { bodyInsert } : {};
}

/** After `__tablename__` (or a docstring), else before the first statement of the body. */
function bodyInsertPoint(text: string, stmt: ClassStmt): SqlAlchemyTableAnchor['bodyInsert'] {
  const first = stmt.body[0];
  if (!first) return undefined;
  const tablename = stmt.body.find((s) => s.kind === 'assign' && s.targets.some((t) => t.kind === 'name' && t.id === '__tablename__'));
  const docstring = first.kind === 'expr' && first.value.kind === 'string' ? first : undefined;
  const after: PyStmt | undefined = tablename ?? docstring;
  if (after) {
    const indent = indentBefore(text, after.from);
    if (indent === undefined || indent === '') return undefined;
    const offset = nextLineStart(text, after.to);
    const atEnd = offset === text.length && !/[\r\n]$/.test(text);
    return { offset, indent, ...(atEnd ? { newlineFirst: true } : {}) };
  }
  const indent = indentBefore(text, first.from);
  if (indent === undefined || indent === '') return undefined;
  return { offset: lineStart(text, first.from), indent };
}
