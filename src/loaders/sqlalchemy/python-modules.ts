import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { dottedName, type PyExpr, type PyModuleAst, type PyStmt } from './python-ast.js';

export type ClassStmt = PyStmt & { readonly kind: 'class' };
export type DefStmt = PyStmt & { readonly kind: 'def' };
export type AssignStmt = PyStmt & { readonly kind: 'assign' };

export interface PyModule {
  readonly file: string;
  readonly ast: PyModuleAst;
  /** Dotted module name relative to the package root: `clinic.models.patients`. */
  readonly dotted: string;
  /** Directory that holds the top-level package (what would be on sys.path). */
  readonly root: string;
  readonly isPackage: boolean;
  /** Local name → what it is bound to, from module-level statements (last binding wins). */
  readonly bindings: Map<string, Binding>;
  /** Modules star-imported at module level (`from sqlalchemy import *`), as import keys. */
  readonly starImports: readonly string[];
  /** Position in import order: a module's dependencies get lower ranks (they run first). */
  rank: number;
}

export type Binding =
  | { readonly kind: 'import'; readonly module: string; readonly name?: string; readonly stmt: PyStmt }
  | { readonly kind: 'class'; readonly stmt: ClassStmt }
  | { readonly kind: 'def'; readonly stmt: DefStmt }
  | { readonly kind: 'assign'; readonly stmt: AssignStmt; readonly value?: PyExpr; readonly annotation?: PyExpr };

export interface ClassRef {
  readonly module: PyModule;
  readonly stmt: ClassStmt;
}

/** What a name or attribute chain refers to, found without running any code. */
export type Resolved =
  | { readonly kind: 'external'; readonly path: string }
  | { readonly kind: 'module'; readonly module: PyModule }
  | { readonly kind: 'class'; readonly ref: ClassRef }
  | { readonly kind: 'def'; readonly module: PyModule; readonly stmt: DefStmt }
  | { readonly kind: 'value'; readonly module: PyModule; readonly name: string; readonly expr: PyExpr }
  /** An attribute of an instance of a known external class: `db.Column` on `db = SQLAlchemy()`. */
  | { readonly kind: 'instanceAttr'; readonly of: string; readonly instance: { readonly module: PyModule; readonly expr: PyExpr }; readonly attr: string }
  | { readonly kind: 'unknown'; readonly reason: string };

/** Module-level bindings of one file, nested blocks (`if TYPE_CHECKING:`, `try:`) included. */
export function collectBindings(body: readonly PyStmt[], into: Map<string, Binding> = new Map()): Map<string, Binding> {
  for (const stmt of body) {
    switch (stmt.kind) {
      case 'import':
        for (const m of stmt.modules) {
          // NOTE: `import a.b` binds `a` (the top package); `import a.b as c` binds c to a.b.
          if (m.asName) into.set(m.asName, { kind: 'import', module: m.name, stmt });
          else into.set(m.name.split('.')[0]!, { kind: 'import', module: m.name.split('.')[0]!, stmt });
        }
        break;
      case 'from':
        if (stmt.star) into.set(`*${into.size}`, { kind: 'import', module: fromModuleKey(stmt.level, stmt.module), name: '*', stmt });
        for (const n of stmt.names) into.set(n.asName ?? n.name, { kind: 'import', module: fromModuleKey(stmt.level, stmt.module), name: n.name, stmt });
        break;
      case 'class':
        into.set(stmt.name, { kind: 'class', stmt });
        break;
      case 'def':
        into.set(stmt.name, { kind: 'def', stmt });
        break;
      case 'assign':
        for (const target of stmt.targets) {
          if (target.kind === 'name') into.set(target.id, { kind: 'assign', stmt, ...(stmt.value ? { value: stmt.value } : {}), ...(stmt.annotation ? { annotation: stmt.annotation } : {}) });
        }
        break;
      case 'block':
        collectBindings(stmt.body, into);
        break;
      default:
        break;
    }
  }
  return into;
}

/** Relative imports are kept as `.`-prefixed keys until they are resolved against a module. */
function fromModuleKey(level: number, module: string): string {
  return `${'.'.repeat(level)}${module}`;
}

/** The directory that would be on sys.path for `file`: the parent of its top-level package. */
export function packageRootOf(file: string): { root: string; dotted: string; isPackage: boolean } {
  const isPackage = path.basename(file) === '__init__.py';
  const parts: string[] = isPackage ? [] : [path.basename(file, '.py')];
  let dir = path.dirname(file);
  while (existsSync(path.join(dir, '__init__.py'))) {
    parts.unshift(path.basename(dir));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { root: dir, dotted: parts.join('.'), isPackage };
}

/** Absolute dotted name of an import key seen in `from`, or undefined when it climbs above the root. */
export function absoluteModuleName(key: string, from: PyModule): string | undefined {
  const level = /^\.*/.exec(key)![0].length;
  if (level === 0) return key;
  const rest = key.slice(level);
  const parts = from.dotted === '' ? [] : from.dotted.split('.');
  // NOTE: `from . import x` in a package's __init__ is relative to the package itself.
  const packageParts = from.isPackage ? parts : parts.slice(0, -1);
  const base = packageParts.slice(0, packageParts.length - (level - 1));
  if (level - 1 > packageParts.length) return undefined;
  return [...base, ...(rest ? rest.split('.') : [])].join('.');
}

/**
 * File for an absolute dotted module name under the package root (for a file outside any
 * package, its own folder: what `python file.py` puts on sys.path).
 * NOTE: Python 3 has no implicit relative imports, so a package's own folder is not searched:
 * `import enum` inside a package with an enum.py beside it is still the standard library.
 */
export function moduleFile(dotted: string, from: PyModule): string | undefined {
  const rel = dotted.split('.');
  const asFile = path.join(from.root, ...rel) + '.py';
  if (isFile(asFile)) return asFile;
  const asPackage = path.join(from.root, ...rel, '__init__.py');
  if (isFile(asPackage)) return asPackage;
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface ModuleHost {
  /** Parses (once) and returns the module in `file`, or undefined when it cannot be read. */
  module(file: string): PyModule | undefined;
}

/**
 * Resolves names to local classes, functions, values and external dotted paths. Follows
 * imports between loaded files; anything from an unreadable or external module stays a path.
 */
export class Resolver {
  constructor(private readonly host: ModuleHost) {}

  resolve(expr: PyExpr, module: PyModule, depth = 0): Resolved {
    if (depth > 25) return { kind: 'unknown', reason: 'the name is defined in terms of itself' };
    if (expr.kind === 'name') return this.resolveName(expr.id, module, depth);
    if (expr.kind === 'attr') {
      const base = this.resolve(expr.object, module, depth + 1);
      return this.member(base, expr.name, depth);
    }
    if (expr.kind === 'call') {
      // NOTE: a call result is only followed for `registry().generate_base()`-style chains via the caller.
      return { kind: 'unknown', reason: 'it is the result of a call' };
    }
    return { kind: 'unknown', reason: `it is a ${expr.kind} expression` };
  }

  private readonly names = new Map<PyModule, Map<string, Resolved>>();

  /** Module-level names are bound once, so their resolution is cached per module. */
  resolveName(name: string, module: PyModule, depth = 0): Resolved {
    let cache = this.names.get(module);
    if (!cache) {
      cache = new Map();
      this.names.set(module, cache);
    }
    const cached = cache.get(name);
    if (cached) return cached;
    const resolved = this.resolveNameUncached(name, module, depth);
    // NOTE: a result cut short by the depth guard is not cached; a later, shallower lookup may succeed.
    if (depth === 0 || resolved.kind !== 'unknown') cache.set(name, resolved);
    return resolved;
  }

  private resolveNameUncached(name: string, module: PyModule, depth: number): Resolved {
    const binding = module.bindings.get(name);
    if (!binding) {
      for (const key of module.starImports) {
        const absolute = absoluteModuleName(key, module);
        if (absolute === undefined) continue;
        const target = this.localModule(absolute, module);
        if (target && target.bindings.has(name)) return this.resolveName(name, target, depth + 1);
        // NOTE: a star import from a package we do not read (sqlalchemy) may define any name.
        if (!target && !key.startsWith('.')) return { kind: 'external', path: `${absolute}.${name}` };
      }
      if (BUILTINS.has(name)) return { kind: 'external', path: `builtins.${name}` };
      return { kind: 'unknown', reason: `\`${name}\` is not defined or imported in ${path.basename(module.file)}` };
    }
    switch (binding.kind) {
      case 'class':
        return { kind: 'class', ref: { module, stmt: binding.stmt } };
      case 'def':
        return { kind: 'def', module, stmt: binding.stmt };
      case 'assign': {
        if (!binding.value) return { kind: 'unknown', reason: `\`${name}\` has no value` };
        const value = binding.value;
        // NOTE: aliases (`Str = String`, `sa_types = sqlalchemy.types`) resolve to their target.
        if (value.kind === 'name' || value.kind === 'attr') {
          const target = this.resolve(value, module, depth + 1);
          if (target.kind !== 'unknown') return target;
        }
        return { kind: 'value', module, name, expr: value };
      }
      case 'import':
        return this.resolveImport(binding, module, depth);
    }
  }

  private resolveImport(binding: Binding & { kind: 'import' }, module: PyModule, depth: number): Resolved {
    const absolute = absoluteModuleName(binding.module, module);
    if (absolute === undefined) return { kind: 'unknown', reason: `the relative import \`${binding.module}\` climbs above the package root` };
    if (binding.name === undefined) {
      const target = this.localModule(absolute, module);
      return target ? { kind: 'module', module: target } : { kind: 'external', path: absolute };
    }
    const target = this.localModule(absolute, module);
    if (!target) {
      if (binding.module.startsWith('.')) return { kind: 'unknown', reason: `cannot find the module \`${binding.module}\` next to ${path.basename(module.file)}` };
      return { kind: 'external', path: `${absolute}.${binding.name}` };
    }
    if (target.bindings.has(binding.name)) return this.resolveName(binding.name, target, depth + 1);
    const submodule = this.localModule(`${absolute}.${binding.name}`, module);
    if (submodule) return { kind: 'module', module: submodule };
    return { kind: 'unknown', reason: `\`${binding.name}\` is not defined in ${path.relative(module.root, target.file) || target.file}` };
  }

  private readonly files = new Map<string, string | null>();

  localModule(absolute: string, from: PyModule): PyModule | undefined {
    // NOTE: cached per package root: every `Column`, `Integer`... resolves through its import.
    const key = `${from.root}\0${absolute}`;
    let file = this.files.get(key);
    if (file === undefined) {
      file = moduleFile(absolute, from) ?? null;
      this.files.set(key, file);
    }
    return file ? this.host.module(file) : undefined;
  }

  member(base: Resolved, name: string, depth: number): Resolved {
    switch (base.kind) {
      case 'external':
        return { kind: 'external', path: `${base.path}.${name}` };
      case 'module':
        if (base.module.bindings.has(name)) return this.resolveName(name, base.module, depth + 1);
        {
          const sub = this.localModule(`${base.module.dotted}.${name}`, base.module);
          if (sub) return { kind: 'module', module: sub };
        }
        return { kind: 'unknown', reason: `\`${name}\` is not defined in ${path.basename(base.module.file)}` };
      case 'value': {
        if (base.expr.kind === 'call') {
          const callee = this.resolve(base.expr.callee, base.module, depth + 1);
          if (callee.kind === 'external') return { kind: 'instanceAttr', of: callee.path, instance: { module: base.module, expr: base.expr }, attr: name };
        }
        return { kind: 'unknown', reason: `\`${base.name}.${name}\` is computed at run time` };
      }
      case 'instanceAttr':
        return { kind: 'unknown', reason: `\`${base.attr}.${name}\` is computed at run time` };
      case 'class':
        return { kind: 'unknown', reason: `\`${base.ref.stmt.name}.${name}\` is a class attribute` };
      default:
        return base.kind === 'unknown' ? base : { kind: 'unknown', reason: `\`${name}\` is computed at run time` };
    }
  }

  /** Dotted external path of a callee or type, or undefined when it is local or unknown. */
  externalPath(expr: PyExpr, module: PyModule): string | undefined {
    const resolved = this.resolve(expr, module);
    return resolved.kind === 'external' ? resolved.path : undefined;
  }
}

const BUILTINS = new Set(['int', 'str', 'float', 'bool', 'bytes', 'dict', 'list', 'tuple', 'set', 'frozenset', 'object', 'type', 'len', 'print']);

/** Text of an expression in its module, or its dotted name when it is one. */
export function exprText(module: PyModule, expr: PyExpr): string {
  return dottedName(expr) ?? module.ast.text.slice(expr.from, expr.to);
}
