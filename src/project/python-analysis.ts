import path from 'node:path';
import type { SyntaxNode } from '@lezer/common';
import type { SchemaWriteOperation } from '../model/schema-model.js';
import { findDsnCredential, findUrlCredentials, isLocalHost, isPlaceholderPassword, maskedFromParts, type FoundCredential } from './credentials.js';
import { callArgs, calleeOf, childList, dotted, stringNodes, stringValue, type PySource } from './python-source.js';
import { findDdl } from './sql-ddl.js';

/** A schema write found in code, before it becomes a SchemaWrite fact. */
export interface FoundWrite {
  readonly operation: SchemaWriteOperation;
  readonly code: string;
  readonly from: number;
  readonly to: number;
  readonly guard?: string;
}

/** A credential found in code, with absolute offsets of the secret. */
export interface FoundCodeCredential extends Omit<FoundCredential, 'form'> {
  readonly form: 'url' | 'dsn' | 'password-option';
}

const EXECUTE_METHODS = new Set(['execute', 'exec_driver_sql', 'executescript', 'executemany', 'exec_', 'run_sql', 'raw']);
const SUBPROCESS_CALLS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen', 'os.system', 'os.popen']);
const CONNECT_CALLEES = /(?:^|\.)(?:create|connect|create_pool|create_engine|create_async_engine|Pool|Connection|ConnectionPool|SimpleConnectionPool|ThreadedConnectionPool|URL)$/;

/**
 * Schema writes in a Python file: `metadata.create_all()`/`drop_all()`, `__table__.create()`,
 * DDL executed through `execute(...)`/`text(...)`, and migrations applied from start-up code
 * (Alembic `command.upgrade`, Flask-Migrate `upgrade()`, `alembic upgrade` in a subprocess).
 */
export function findPythonWrites(src: PySource, rel: string): FoundWrite[] {
  const writes: FoundWrite[] = [];
  const startup = isPythonStartupFile(src, rel);
  const imports = src.importedNames();
  for (const call of src.nodes('CallExpression')) {
    const callee = calleeOf(src, call);
    const segments = callee.split('.');
    const last = segments[segments.length - 1]!;
    const head = imports.get(segments[0]!);
    const full = head ? [head, ...segments.slice(1)].join('.') : callee;
    let operation: SchemaWriteOperation | undefined;
    let code = `${callee}()`;
    if ((last === 'create_all' || last === 'drop_all') && segments.length > 1) {
      operation = last === 'create_all' ? 'create_all' : 'drop_all';
    } else if (/(?:^|\.)__table__\.(?:create|drop)$/.test(callee)) {
      operation = last === 'create' ? 'create_all' : 'drop_all';
    } else if (EXECUTE_METHODS.has(last) && segments.length > 1) {
      const args = callArgs(src, call);
      const first = args.find((a) => a.name === undefined && a.star === undefined) ?? args.find((a) => a.name === 'statement' || a.name === 'sql' || a.name === 'query');
      const ddl = first ? ddlOf(src, first.value, 0) : undefined;
      if (ddl) {
        operation = 'ddl-statement';
        code = ddl;
      }
    } else if (startup && (/^alembic\.command\.upgrade$/.test(full) || full === 'flask_migrate.upgrade' || (callee === 'command.upgrade' && [...imports.values()].some((m) => m.startsWith('alembic'))))) {
      operation = 'migrate-at-boot';
    } else if (startup && SUBPROCESS_CALLS.has(full)) {
      const words = stringNodes(call).map((s) => stringValue(src, s) ?? '').join(' ');
      if (/\balembic\b/.test(words) && /\bupgrade\b/.test(words)) {
        operation = 'migrate-at-boot';
        code = 'alembic upgrade';
      }
    }
    if (!operation) continue;
    const guard = findGuard(src, call, 0);
    writes.push({ operation, code, from: call.from, to: call.to, ...(guard ? { guard } : {}) });
  }
  // NOTE: async SQLAlchemy passes the method instead of calling it: `await conn.run_sync(Base.metadata.create_all)`.
  for (const member of src.nodes('MemberExpression')) {
    const name = dotted(src, member);
    const last = name?.split('.').pop();
    if (!name || (last !== 'create_all' && last !== 'drop_all') || member.parent?.name !== 'ArgList') continue;
    const call = member.parent.parent!;
    const guard = findGuard(src, call, 0);
    writes.push({ operation: last === 'create_all' ? 'create_all' : 'drop_all', code: `${name}()`, from: call.from, to: call.to, ...(guard ? { guard } : {}) });
  }
  return writes.sort((a, b) => a.from - b.from);
}

/** The DDL summary of a statement argument: a literal, text("..."), a variable holding one, or SQL read from a `.sql` file. */
function ddlOf(src: PySource, node: SyntaxNode, depth: number): string | undefined {
  if (depth > 4) return undefined;
  switch (node.name) {
    case 'String':
    case 'FormatString':
    case 'ContinuedString':
      return findDdl(literalBody(src, node))?.summary;
    case 'ParenthesizedExpression': {
      const inner = node.firstChild?.nextSibling;
      return inner ? ddlOf(src, inner, depth + 1) : undefined;
    }
    case 'BinaryExpression': {
      const left = node.firstChild;
      const right = node.lastChild;
      return (left && ddlOf(src, left, depth + 1)) ?? (right && right !== left ? ddlOf(src, right, depth + 1) : undefined);
    }
    case 'VariableName': {
      const value = src.resolveName(src.src(node), node);
      return value ? ddlOf(src, value, depth + 1) : undefined;
    }
    case 'CallExpression': {
      const args = callArgs(src, node);
      for (const arg of args) {
        const value = stringValue(src, arg.value);
        if (value !== undefined && isSchemaSqlFile(value.trim())) return `SQL from ${path.basename(value.trim())}`;
      }
      const first = args.find((a) => a.name === undefined && a.star === undefined);
      const fromArg = first ? ddlOf(src, first.value, depth + 1) : undefined;
      if (fromArg) return fromArg;
      const callee = node.firstChild;
      return callee?.name === 'MemberExpression' && callee.firstChild ? ddlOf(src, callee.firstChild, depth + 1) : undefined;
    }
    case 'MemberExpression':
      return node.firstChild ? ddlOf(src, node.firstChild, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/**
 * A `.sql` file executed from code is DDL when its name says so (schema.sql, init.sql,
 * create_tables.sql, 001_setup.sql); `report.sql` is a query. NOTE: decided by name, the file is not read.
 */
export function isSchemaSqlFile(name: string): boolean {
  return /\.sql$/i.test(name) && /schema|init|create|table|ddl|bootstrap|setup|migrat/i.test(path.basename(name));
}

/** The text between the quotes of a string literal (each part of an implicitly concatenated one). */
export function literalBody(src: PySource, node: SyntaxNode): string {
  if (node.name === 'ContinuedString') return childList(node).map((c) => literalBody(src, c)).join(' ');
  const raw = src.src(node);
  const open = /^[rRbBuUfF]*('''|"""|'|")/.exec(raw);
  if (!open) return raw;
  const quote = open[1]!;
  return raw.slice(open[0].length, raw.endsWith(quote) && raw.length >= open[0].length + quote.length ? raw.length - quote.length : raw.length);
}

/**
 * Application start-up code: a file that builds or runs the web application, or is conventionally
 * its entry point. A migration runner script (`migrate.py`) is not.
 */
function isPythonStartupFile(src: PySource, rel: string): boolean {
  const base = path.posix.basename(rel);
  if (/migrat/i.test(base)) return false;
  if (/^(?:main|app|wsgi|asgi|server|__main__|application|startup)\.py$/.test(base)) return true;
  for (const call of src.nodes('CallExpression')) {
    const callee = calleeOf(src, call);
    if (/^(?:FastAPI|Flask|Starlette|Quart|Sanic|Litestar)$|(?:^|\.)(?:run_app|on_event)$|^uvicorn\.run$|^app\.run$|^create_app$/.test(callee)) return true;
  }
  return false;
}

// ── guards ──────────────────────────────────────────────────────────────────

const ENV_READ = /^(?:os\.)?(?:environ|getenv)(?:\.|$)|^os\.environ/;
const SETTINGS = /^(?:settings|config|conf|cfg|app\.config|current_app\.config|get_settings|Config|env)\./;
const CLI = /^(?:sys\.argv|(?:args|options|opts|cli_args|parsed_args|arguments|ns|params)\.)/;
const CONFIRM_CALL = /(?:^|\.)(?:input|confirm|prompt|ask|ask_yes_no|confirmation)$/;
const HELPER_CALL = /confirm|approv|allow|is_(?:prod|production|dev|development|local|test|testing|staging|ci)\b|environment|getenv|require_env/i;
const EXIT_CALL = /^(?:sys\.exit|exit|quit|os\._exit|abort|typer\.Exit|click\.Abort|parser\.error)$/;

/**
 * The explicit environment or approval check a schema write runs behind, as source text, or undefined.
 *
 * A guard is an enclosing `if` (or an earlier `if ...: raise/return/sys.exit()` / `assert`) whose
 * condition reads the environment (`os.environ`, `os.getenv`), a settings or config flag, a command-line
 * argument, or asks for confirmation (`input()`, `click.confirm()`); or a confirmation decorator
 * (`@click.confirmation_option`). When the write sits in a function, every call of that function in
 * the file must be guarded. NOTE: `if __name__ == "__main__":` alone is not a guard: it only says the
 * file was run as a script, not where it points.
 */
export function findGuard(src: PySource, node: SyntaxNode, depth: number): string | undefined {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.name === 'IfStatement') {
      for (const c of childList(parent)) {
        if (c.from >= child.from) break;
        if (isCondition(c) && hasGuardEvidence(src, c, 0)) return shorten(src.src(c));
      }
    }
    if (parent.name === 'Body' || parent.name === 'Script') {
      for (let s = child.prevSibling; s; s = s.prevSibling) {
        const guard = earlyExitGuard(src, s);
        if (guard) return guard;
      }
    }
    if (parent.name === 'FunctionDefinition') {
      const decorated = parent.parent?.name === 'DecoratedStatement' ? parent.parent : undefined;
      for (const decorator of decorated?.getChildren('Decorator') ?? []) {
        if (/confirmation_option|confirm/i.test(src.src(decorator))) return shorten(src.src(decorator));
      }
      const nameNode = parent.getChild('VariableName');
      if (nameNode && depth < 3) {
        const name = src.src(nameNode);
        const calls = src.nodes('CallExpression').filter((c) => {
          const callee = calleeOf(src, c);
          return (callee === name || callee.endsWith(`.${name}`)) && !(c.from >= parent.from && c.to <= parent.to);
        });
        if (calls.length > 0) {
          const guards = calls.map((c) => findGuard(src, c, depth + 1));
          if (guards.every((g) => g !== undefined)) return guards[0];
        }
      }
    }
  }
  return undefined;
}

function isCondition(node: SyntaxNode): boolean {
  return node.name !== 'if' && node.name !== 'elif' && node.name !== 'else' && node.name !== 'Body' && node.name !== ':' && !node.type.isError;
}

/** `if <guard>: raise/return/sys.exit()`, `assert <guard>`, or a confirmation call before the write. */
function earlyExitGuard(src: PySource, statement: SyntaxNode): string | undefined {
  if (statement.name === 'IfStatement') {
    const condition = childList(statement).find(isCondition);
    const body = statement.getChild('Body');
    if (condition && body && exits(src, body) && hasGuardEvidence(src, condition, 0)) return shorten(src.src(condition));
  } else if (statement.name === 'AssertStatement') {
    const condition = childList(statement).find((c) => c.name !== 'assert');
    if (condition && hasGuardEvidence(src, condition, 0)) return shorten(src.src(condition));
  } else if (statement.name === 'ExpressionStatement') {
    const call = statement.firstChild;
    if (call?.name === 'CallExpression') {
      const callee = calleeOf(src, call);
      if (CONFIRM_CALL.test(callee) || HELPER_CALL.test(callee.split('.').pop() ?? '')) return shorten(src.src(call));
    }
  }
  return undefined;
}

function exits(src: PySource, body: SyntaxNode): boolean {
  for (const statement of childList(body)) {
    if (statement.name === 'RaiseStatement' || statement.name === 'ReturnStatement') return true;
    if (statement.name === 'ExpressionStatement' && statement.firstChild?.name === 'CallExpression' && EXIT_CALL.test(calleeOf(src, statement.firstChild))) return true;
  }
  return false;
}

/** Whether an expression reads the environment, a settings flag, a CLI argument or a confirmation. */
export function hasGuardEvidence(src: PySource, node: SyntaxNode, depth: number): boolean {
  let found = false;
  const visit = (n: SyntaxNode) => {
    if (found) return;
    if (n.name === 'VariableName' || n.name === 'MemberExpression') {
      const name = dotted(src, n) ?? (n.name === 'MemberExpression' ? dotted(src, n.firstChild) : undefined);
      if (name !== undefined && name !== '__name__') {
        if (ENV_READ.test(name) || SETTINGS.test(name) || CLI.test(name) || name === 'sys.argv') {
          found = true;
          return;
        }
        if (n.name === 'VariableName' && depth < 3) {
          const value = src.resolveName(name, n);
          if (value && hasGuardEvidence(src, value, depth + 1)) {
            found = true;
            return;
          }
          // NOTE: an upper-case flag imported from the project's settings (`from app.config import ALLOW_SCHEMA_WRITES`).
          if (!value && /^[A-Z][A-Z0-9_]*$/.test(name) && src.importedNames().has(name)) {
            found = true;
            return;
          }
        }
      }
    }
    if (n.name === 'CallExpression') {
      const callee = calleeOf(src, n);
      if (CONFIRM_CALL.test(callee) || HELPER_CALL.test(callee.split('.').pop() ?? '')) {
        found = true;
        return;
      }
    }
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(node);
  return found;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

// ── credentials ─────────────────────────────────────────────────────────────

/**
 * Literal database passwords in a Python file: connection URLs and libpq DSNs in string literals,
 * and `password="..."` passed to a connection call (`URL.create`, `psycopg2.connect`, ...) or
 * written in a dict next to `host`/`user`.
 */
export function findPythonCredentials(src: PySource): FoundCodeCredential[] {
  const found: FoundCodeCredential[] = [];
  for (const node of src.nodes('String', 'FormatString')) {
    if (node.parent?.name === 'FormatString') continue;
    const raw = src.src(node);
    const urls = findUrlCredentials(raw).map((c) => ({ ...c, start: c.start + node.from, end: c.end + node.from }));
    found.push(...urls);
    if (urls.length === 0 && /password/i.test(raw)) {
      const dsn = findDsnCredential(raw);
      if (dsn) found.push({ ...dsn, start: dsn.start + node.from, end: dsn.end + node.from });
    }
  }
  for (const call of src.nodes('CallExpression')) {
    const args = callArgs(src, call);
    const password = args.find((a) => a.name === 'password' || a.name === 'passwd');
    if (!password || (password.value.name !== 'String')) continue;
    const callee = calleeOf(src, call);
    const named = new Map(args.filter((a) => a.name !== undefined).map((a) => [a.name!, stringValue(src, a.value)] as const));
    if (!CONNECT_CALLEES.test(callee) && !['host', 'user', 'username', 'database', 'dbname', 'db'].some((k) => named.has(k))) continue;
    const firstPositional = args.find((a) => a.name === undefined && a.star === undefined);
    const scheme = named.get('drivername') ?? (/(?:^|\.)URL(?:\.create)?$/.test(callee) && firstPositional ? stringValue(src, firstPositional.value) : undefined);
    const credential = passwordLiteral(src, password.value, {
      ...(scheme ? { scheme } : {}),
      ...optional('user', named.get('username') ?? named.get('user')),
      ...optional('host', named.get('host')),
      ...optional('port', named.get('port')),
      ...optional('database', named.get('database') ?? named.get('dbname') ?? named.get('db')),
    });
    if (credential) found.push(credential);
  }
  for (const dict of src.nodes('DictionaryExpression')) {
    const entries = dictEntries(src, dict);
    const password = entries.get('password');
    if (!password || password.name !== 'String' || !['host', 'user', 'username', 'database', 'dbname'].some((k) => entries.has(k))) continue;
    const value = (k: string) => {
      const node = entries.get(k);
      return node ? stringValue(src, node) : undefined;
    };
    const credential = passwordLiteral(src, password, { ...optional('user', value('user') ?? value('username')), ...optional('host', value('host')), ...optional('port', value('port')), ...optional('database', value('database') ?? value('dbname')) });
    if (credential) found.push(credential);
  }
  return found;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value !== undefined && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}

function passwordLiteral(src: PySource, node: SyntaxNode, parts: Parameters<typeof maskedFromParts>[0]): FoundCodeCredential | undefined {
  const value = stringValue(src, node);
  if (value === undefined || value === '' || isPlaceholderPassword(value)) return undefined;
  const raw = src.src(node);
  const open = /^[rRbBuU]*('''|"""|'|")/.exec(raw);
  const start = node.from + (open ? open[0].length : 0);
  const end = node.to - (open ? open[1]!.length : 0);
  return { masked: maskedFromParts(parts), start, end: Math.max(start, end), form: 'password-option', localHost: isLocalHost(parts.host ?? '') };
}

function dictEntries(src: PySource, dict: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  const items = childList(dict).filter((c) => c.name !== '{' && c.name !== '}' && c.name !== ',' && c.name !== ':' && c.name !== 'Comment');
  for (let i = 0; i + 1 < items.length; i += 2) {
    // NOTE: `**spread` is one token and one expression, not a key and a value.
    if (items[i]!.name === '**') continue;
    const key = stringValue(src, items[i]);
    if (key !== undefined) out.set(key, items[i + 1]!);
  }
  return out;
}
