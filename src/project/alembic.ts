import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SyntaxNode } from '@lezer/common';
import { LineMap, parsePython, type PyExpr, type PyStmt } from '../loaders/sqlalchemy/python-ast.js';
import type { AlembicConfigureCall, MissingModelModule } from '../model/schema-model.js';
import type { Span } from '../model/span.js';
import { findUrlCredentials, type FoundCredential } from './credentials.js';
import { callArgs, calleeOf, childList, dotted, stringValue, type PySource } from './python-source.js';

/** One `key = value` of an ini file, with the value's offsets in the file text. */
export interface IniEntry {
  readonly section: string;
  readonly key: string;
  readonly value: string;
  readonly keyFrom: number;
  readonly valueFrom: number;
  readonly valueTo: number;
}

/**
 * Parses an ini file the way Python's configparser reads alembic.ini: `[section]`, `key = value`
 * or `key: value`, full-line `#`/`;` comments, indented continuation lines.
 */
export function parseIni(text: string): IniEntry[] {
  const entries: IniEntry[] = [];
  let section = '';
  let offset = 0;
  let last: { section: string; key: string; value: string; keyFrom: number; valueFrom: number; valueTo: number } | undefined;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const body = line.replace(/\r$/, '');
    const trimmed = body.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (/^\s/.test(body) && last) {
      last.value += `\n${trimmed}`;
      last.valueTo = lineStart + body.length;
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      section = header[1]!.trim();
      last = undefined;
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s?(.*)$/.exec(body);
    if (!kv) continue;
    const keyFrom = lineStart + body.indexOf(kv[1]!);
    const rawValue = kv[2]!;
    const valueFrom = lineStart + body.length - rawValue.length + (rawValue.length - rawValue.trimStart().length);
    last = { section, key: kv[1]!.trim(), value: rawValue.trim(), keyFrom, valueFrom, valueTo: lineStart + body.trimEnd().length };
    entries.push(last);
  }
  return entries;
}

/** alembic.ini facts: where env.py lives, sys.path additions, and literal URLs with passwords. */
export interface AlembicIniScan {
  readonly file: string;
  /** Absolute folder of the migration environment (`script_location`), if configured. */
  readonly scriptDir?: string;
  /** Span of the `script_location` line. */
  readonly scriptLocationSpan?: Span;
  readonly scriptLocation?: string;
  readonly versionDirs: readonly string[];
  readonly sysPath: readonly string[];
  readonly credentials: readonly (FoundCredential & { readonly span: Span })[];
  /** `sqlalchemy.url` is set (to anything) in the ini. */
  readonly hasUrl: boolean;
}

export function scanAlembicIni(file: string, text: string): AlembicIniScan {
  const dir = path.dirname(file);
  const lines = new LineMap(text);
  const entries = parseIni(text);
  const here = (value: string) => value.replace(/%\(here\)s/g, dir);
  const main = entries.filter((e) => e.section === 'alembic');
  const scriptLocation = main.find((e) => e.key === 'script_location');
  const credentials: (FoundCredential & { span: Span })[] = [];
  for (const entry of entries) {
    for (const found of findUrlCredentials(entry.value)) {
      const start = entry.valueFrom + found.start;
      credentials.push({ ...found, start, end: start + (found.end - found.start), span: lines.span(file, { from: start, to: start + (found.end - found.start) }) });
    }
  }
  const resolveDir = (value: string) => {
    const expanded = here(value.trim());
    // NOTE: `package:folder` names a package resource; resolve it as a folder next to the ini.
    const resource = /^([A-Za-z_][\w.]*):(.+)$/.exec(expanded);
    const relative = resource && !/^[A-Za-z]:[\\/]/.test(expanded) ? path.join(...resource[1]!.split('.'), resource[2]!) : expanded;
    return path.resolve(dir, relative);
  };
  const versionLocations = main.find((e) => e.key === 'version_locations');
  const separator = main.find((e) => e.key === 'version_path_separator')?.value ?? 'space';
  const splitter = separator === 'os' ? path.delimiter : separator === ':' || separator === ';' ? separator : /[\s,]+/;
  const prepend = main.find((e) => e.key === 'prepend_sys_path');
  return {
    file,
    ...(scriptLocation ? { scriptDir: resolveDir(scriptLocation.value), scriptLocation: scriptLocation.value, scriptLocationSpan: lines.span(file, { from: scriptLocation.keyFrom, to: scriptLocation.valueTo }) } : {}),
    versionDirs: versionLocations ? versionLocations.value.split(splitter).filter(Boolean).map(resolveDir) : [],
    sysPath: prepend ? prepend.value.split(/[\s:;]+/).filter(Boolean).map((p) => path.resolve(dir, here(p))) : [dir],
    credentials,
    hasUrl: main.some((e) => e.key === 'sqlalchemy.url' && e.value !== ''),
  };
}

/** pyproject.toml `[tool.alembic] script_location = "..."` (Alembic 1.16+), read line by line. */
export function scanPyprojectAlembic(file: string, text: string): { scriptDir: string; span: Span } | undefined {
  const lines = text.split('\n');
  let inSection = false;
  let offset = 0;
  const map = new LineMap(text);
  for (const line of lines) {
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) {
      inSection = trimmed.replace(/\s+/g, '') === '[tool.alembic]';
      continue;
    }
    if (!inSection) continue;
    const match = /^script_location\s*=\s*["']([^"']+)["']/.exec(trimmed);
    if (match) {
      const dir = path.dirname(file);
      return { scriptDir: path.resolve(dir, match[1]!.replace(/%\(here\)s/g, dir)), span: map.span(file, { from: start + line.indexOf('script_location'), to: start + line.length }) };
    }
  }
  return undefined;
}

/** Does this Python source import Alembic's `context` (what every env.py does)? */
export function isAlembicEnv(text: string): boolean {
  const ast = parsePython(text);
  return allStatements(ast.body).some(
    (s) => (s.kind === 'from' && s.module === 'alembic' && s.names.some((n) => n.name === 'context')) || (s.kind === 'from' && s.module === 'alembic.context') || (s.kind === 'import' && s.modules.some((m) => m.name === 'alembic.context')),
  );
}

export interface EnvScan {
  readonly envSpan: Span;
  /**
   * target_metadata is built from names env.py imports (`Base.metadata`, `[a.metadata, b.metadata]`),
   * so the imports show which models it holds. False for metadata from the running application
   * (Flask-Migrate's `current_app.extensions["migrate"].db`) or a function: their imports are invisible.
   */
  readonly metadataFromImports: boolean;
  readonly targetMetadata?: Span;
  readonly targetMetadataNone?: Span;
  readonly configureCalls: readonly AlembicConfigureCall[];
  readonly database: EnvDatabaseUrl;
}

export interface EnvDatabaseUrl {
  readonly span: Span;
  readonly urlSource: 'environment' | 'config-file' | 'unknown';
  readonly variable?: string;
  readonly failsWhenMissing: boolean;
  readonly readAs?: string;
}

const ENV_GET = /^(?:os\.)?(?:getenv|environ\.get)$/;
const URL_VARIABLE = /DATABASE|DB_|_DB|^DB$|SQLALCHEMY|POSTGRES|^PG|DSN|_URL$|_URI$/i;

/**
 * env.py facts: target_metadata, `context.configure(...)` calls, and where the URL comes from.
 * `os.environ["X"]` fails clearly (KeyError names the variable); `os.getenv("X")` or
 * `os.environ.get("X")` does only when a later `if not url: raise ...` / `assert url` checks it;
 * with a default it never fails.
 */
export function scanEnvPy(src: PySource): EnvScan {
  const ast = parsePython(src.text);
  let targetMetadata: Span | undefined;
  let targetMetadataNone: Span | undefined;
  let metadataFromImports = true;
  const importedNames = src.importedNames();
  for (const statement of allStatements(ast.body)) {
    if (statement.kind !== 'assign' || !statement.value) continue;
    if (!statement.targets.some((t) => t.kind === 'name' && t.id === 'target_metadata')) continue;
    const span = src.span(statement.from, statement.to);
    if (statement.value.kind === 'none') {
      targetMetadataNone = span;
      targetMetadata = undefined;
    } else {
      targetMetadata = span;
      metadataFromImports = rootNames(statement.value).every((name) => name !== undefined && importedNames.has(name));
    }
  }
  const configureCalls: AlembicConfigureCall[] = [];
  for (const call of src.nodes('CallExpression')) {
    const callee = calleeOf(src, call);
    const imported = src.importedNames().get(callee);
    if (callee !== 'context.configure' && imported !== 'alembic.context.configure') continue;
    const args = callArgs(src, call);
    const flag = (name: string) => {
      const arg = args.find((a) => a.name === name);
      // NOTE: a callable or a settings value compares too; only a missing argument, False or None does not.
      return arg !== undefined && arg.value.name !== 'None' && !(arg.value.name === 'Boolean' && src.src(arg.value) === 'False');
    };
    const target = args.find((a) => a.name === 'target_metadata');
    if (!targetMetadata && target && target.value.name !== 'None' && !(target.value.name === 'VariableName' && src.src(target.value) === 'target_metadata')) {
      targetMetadata = src.span(target.value.from, target.value.to);
      const root = dotted(src, target.value)?.split('.')[0];
      metadataFromImports = root !== undefined && importedNames.has(root);
    }
    configureCalls.push({ span: src.span(call.from, call.firstChild?.to ?? call.to), compareType: flag('compare_type'), compareServerDefault: flag('compare_server_default'), spreadsKeywords: args.some((a) => a.star === '**') });
  }
  const alembicImport = allStatements(ast.body).find((s) => (s.kind === 'from' && s.module.startsWith('alembic')) || (s.kind === 'import' && s.modules.some((m) => m.name.startsWith('alembic'))));
  const envSpan = alembicImport ? src.span(alembicImport.from, alembicImport.to) : src.span(0, 0);
  return { envSpan, metadataFromImports, ...(targetMetadata ? { targetMetadata } : {}), ...(targetMetadataNone ? { targetMetadataNone } : {}), configureCalls, database: envDatabaseUrl(src, envSpan) };
}

/** The names an expression is built from: `Base.metadata` → Base; a list → each; a call or anything else → undefined. */
function rootNames(expr: PyExpr): (string | undefined)[] {
  if (expr.kind === 'name') return [expr.id];
  if (expr.kind === 'attr') return rootNames(expr.object);
  if (expr.kind === 'list' || expr.kind === 'tuple') return expr.items.flatMap(rootNames);
  return [undefined];
}

function envDatabaseUrl(src: PySource, fallback: Span): EnvDatabaseUrl {
  for (const node of src.nodes('CallExpression', 'MemberExpression')) {
    let variable: string | undefined;
    let subscript = false;
    let withDefault = false;
    if (node.name === 'CallExpression' && ENV_GET.test(calleeOf(src, node))) {
      const args = callArgs(src, node);
      variable = stringValue(src, args[0]?.value);
      withDefault = args.length > 1;
    } else if (node.name === 'MemberExpression' && node.getChild('[') && /^(?:os\.)?environ$/.test(dotted(src, node.firstChild) ?? '')) {
      const key = childList(node).find((c) => c.name === 'String');
      variable = stringValue(src, key);
      subscript = true;
    }
    if (variable === undefined || !URL_VARIABLE.test(variable)) continue;
    const span = statementSpan(src, node);
    if (subscript) return { span, urlSource: 'environment', variable, failsWhenMissing: true };
    // NOTE: never quote the default in messages: it may be a URL with a password.
    if (withDefault) return { span, urlSource: 'environment', variable, failsWhenMissing: false, readAs: `\`${calleeOf(src, node)}()\` and a fallback default` };
    if (checkedLater(src, node)) return { span, urlSource: 'environment', variable, failsWhenMissing: true };
    return { span, urlSource: 'environment', variable, failsWhenMissing: false, readAs: `\`${calleeOf(src, node)}()\` and no check` };
  }
  // NOTE: a URL from the application's settings object (pydantic-settings and the like) validates itself.
  for (const call of src.nodes('CallExpression')) {
    if (!/(?:^|\.)set_main_option$|(?:^|\.)set_section_option$/.test(calleeOf(src, call))) continue;
    const args = callArgs(src, call);
    if (args.some((a) => stringValue(src, a.value) === 'sqlalchemy.url')) return { span: statementSpan(src, call), urlSource: 'unknown', failsWhenMissing: true };
  }
  return { span: fallback, urlSource: 'config-file', failsWhenMissing: true };
}

/** The read is assigned to a name that a later `if not name: raise/sys.exit()` or `assert name` checks. */
function checkedLater(src: PySource, read: SyntaxNode): boolean {
  let statement: SyntaxNode | null = read;
  while (statement && statement.parent && statement.parent.name !== 'Body' && statement.parent.name !== 'Script') statement = statement.parent;
  if (!statement) return false;
  // NOTE: `if not os.getenv("DATABASE_URL"): raise ...` checks the read itself.
  if (statement.name === 'IfStatement' || statement.name === 'AssertStatement') return true;
  const target = statement.name === 'AssignStatement' && statement.firstChild?.name === 'VariableName' ? src.src(statement.firstChild) : undefined;
  if (!target) return false;
  for (let next = statement.nextSibling; next; next = next.nextSibling) {
    if (next.name !== 'IfStatement' && next.name !== 'AssertStatement') continue;
    const condition = childList(next).find((c) => c.name !== 'if' && c.name !== 'assert');
    if (!condition || !mentionsName(src, condition, target)) continue;
    if (next.name === 'AssertStatement') return true;
    const body = next.getChild('Body');
    if (body && childList(body).some((s) => s.name === 'RaiseStatement' || (s.name === 'ExpressionStatement' && /^(?:sys\.exit|exit|quit)$/.test(s.firstChild?.name === 'CallExpression' ? calleeOf(src, s.firstChild) : '')))) return true;
  }
  return false;
}

function mentionsName(src: PySource, node: SyntaxNode, name: string): boolean {
  if (node.name === 'VariableName' && src.src(node) === name) return true;
  for (let c = node.firstChild; c; c = c.nextSibling) if (mentionsName(src, c, name)) return true;
  return false;
}

function statementSpan(src: PySource, node: SyntaxNode): Span {
  let statement: SyntaxNode = node;
  while (statement.parent && statement.parent.name !== 'Body' && statement.parent.name !== 'Script') statement = statement.parent;
  // NOTE: for a compound statement, the header line is enough.
  const end = statement.name === 'IfStatement' || statement.name === 'WithStatement' ? Math.min(statement.to, node.to) : statement.to;
  return src.span(statement.from, end);
}

// ── which model modules env.py imports ──────────────────────────────────────

/**
 * The Python files env.py imports, transitively: `import a.b` (and the packages `a`, `a.b`),
 * `from a.b import c` (and submodule `a.b.c` when it exists), relative imports. Modules resolve
 * against `roots` (alembic.ini's folder and prepend_sys_path, the folder above the migration
 * environment, the repository root, src/). Dynamic imports (importlib, pkgutil, __import__) are
 * recorded: the folder that does them counts as imported whole.
 */
export function importClosure(envFile: string, roots: readonly string[]): { files: ReadonlySet<string>; dynamicDirs: readonly string[] } {
  const files = new Set<string>();
  const dynamicDirs: string[] = [];
  const queue = [envFile];
  fileCache.clear();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const ast = parsePython(text);
    const statements = allStatements(ast.body);
    if (usesDynamicImports(statements)) dynamicDirs.push(path.dirname(file));
    for (const statement of statements) {
      if (statement.kind === 'import') {
        for (const m of statement.modules) queue.push(...resolveWithParents(m.name, roots));
      } else if (statement.kind === 'from') {
        // NOTE: names are submodules only under a local package (or namespace folder); `from sqlalchemy import Column` costs no lookups.
        const base = statement.level > 0 ? relativeBase(file, statement.level) : roots.find((root) => isDirectory(path.join(root, ...statement.module.split('.'))) || isFile(`${path.join(root, ...statement.module.split('.'))}.py`));
        if (base === undefined) continue;
        queue.push(...resolveIn(base, statement.module));
        if (!isDirectory(path.join(base, ...(statement.module ? statement.module.split('.') : [])))) continue;
        for (const name of statement.names) queue.push(...resolveIn(base, statement.module ? `${statement.module}.${name.name}` : name.name).slice(-1));
      }
    }
  }
  return { files, dynamicDirs };
}

function relativeBase(file: string, level: number): string {
  let dir = path.dirname(file);
  for (let i = 1; i < level; i++) dir = path.dirname(dir);
  return dir;
}

function resolveIn(base: string, dottedName: string): string[] {
  const parts = dottedName ? dottedName.split('.') : [];
  const out: string[] = [];
  // NOTE: importing a.b.c runs a/__init__.py and a/b/__init__.py first.
  for (let i = 1; i <= parts.length; i++) {
    const file = moduleFileIn(base, parts.slice(0, i));
    if (file) out.push(file);
  }
  if (parts.length === 0 && isFile(path.join(base, '__init__.py'))) out.push(path.join(base, '__init__.py'));
  return out;
}

function resolveWithParents(dottedName: string, roots: readonly string[]): string[] {
  for (const root of roots) {
    const found = resolveIn(root, dottedName);
    if (found.length > 0) return found;
  }
  return [];
}

function moduleFileIn(base: string, parts: readonly string[]): string | undefined {
  const asFile = `${path.join(base, ...parts)}.py`;
  if (isFile(asFile)) return asFile;
  const asPackage = path.join(base, ...parts, '__init__.py');
  if (isFile(asPackage)) return asPackage;
  return undefined;
}

/** stat results during one closure walk: the same paths are tried from many modules. */
const fileCache = new Map<string, 'file' | 'directory' | 'none'>();

function kindOf(file: string): 'file' | 'directory' | 'none' {
  let kind = fileCache.get(file);
  if (kind === undefined) {
    try {
      const stat = statSync(file);
      kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'none';
    } catch {
      kind = 'none';
    }
    fileCache.set(file, kind);
  }
  return kind;
}

function isFile(file: string): boolean {
  return kindOf(file) === 'file';
}

function isDirectory(file: string): boolean {
  return kindOf(file) === 'directory';
}

function usesDynamicImports(statements: readonly PyStmt[]): boolean {
  let found = false;
  const visitExpr = (expr: unknown): void => {
    if (found || !expr || typeof expr !== 'object') return;
    const e = expr as { kind?: string; callee?: { kind: string }; [key: string]: unknown };
    if (e.kind === 'call') {
      const name = calleeName(e.callee as never);
      if (name && /^(?:importlib\.import_module|import_module|__import__|pkgutil\.(?:iter_modules|walk_packages)|iter_modules|walk_packages|importlib\.util\.spec_from_file_location)$/.test(name)) {
        found = true;
        return;
      }
    }
    for (const value of Object.values(e)) {
      if (Array.isArray(value)) value.forEach(visitExpr);
      else if (value && typeof value === 'object') visitExpr(value);
    }
  };
  for (const statement of statements) visitExpr(statement);
  return found;
}

function calleeName(expr: { kind: string; id?: string; name?: string; object?: unknown } | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'name') return expr.id;
  if (expr.kind === 'attr') {
    const base = calleeName(expr.object as never);
    return base === undefined ? undefined : `${base}.${expr.name}`;
  }
  return undefined;
}

/** Every statement, including those nested in blocks, functions and classes. */
export function allStatements(body: readonly PyStmt[]): PyStmt[] {
  const out: PyStmt[] = [];
  const visit = (list: readonly PyStmt[]) => {
    for (const statement of list) {
      out.push(statement);
      if (statement.kind === 'block' || statement.kind === 'def' || statement.kind === 'class') visit(statement.body);
    }
  };
  visit(body);
  return out;
}

/** Folders Python would import from when Alembic runs env.py. */
export function envImportRoots(envFile: string, ini: AlembicIniScan | undefined, root: string): string[] {
  const scriptDir = path.dirname(envFile);
  const roots = [...(ini?.sysPath ?? []), ...(ini ? [path.dirname(ini.file)] : []), path.dirname(scriptDir), root, path.join(root, 'src'), path.join(root, 'app'), scriptDir];
  return [...new Set(roots)].filter((r) => existsSync(r));
}

/** Dotted module name of a file under one of the roots. */
export function moduleName(file: string, roots: readonly string[]): string {
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    return rel.replace(/\.py$/, '').split(path.sep).filter((p) => p !== '__init__').join('.');
  }
  return path.basename(file, '.py');
}

/** Model modules (files defining SQLAlchemy tables) that env.py does not import. */
export function missingModelModules(
  closure: { files: ReadonlySet<string>; dynamicDirs: readonly string[] },
  modelFiles: ReadonlyMap<string, { readonly span: Span; readonly tables: readonly string[] }>,
  roots: readonly string[],
): { imported: string[]; missing: MissingModelModule[] } {
  const imported: string[] = [];
  const missing: MissingModelModule[] = [];
  for (const [file, info] of [...modelFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const module = moduleName(file, roots);
    const covered = closure.files.has(file) || closure.dynamicDirs.some((dir) => file.startsWith(dir + path.sep));
    if (covered) imported.push(module);
    else missing.push({ module, span: info.span, tables: info.tables });
  }
  return { imported, missing };
}

