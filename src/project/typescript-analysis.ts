import path from 'node:path';
import { loadTypeScript, type TS } from '../loaders/typescript.js';
import { findDsnCredential, findUrlCredentials, isLocalHost, isPlaceholderPassword, maskedFromParts } from './credentials.js';
import { isSchemaSqlFile, type FoundCodeCredential, type FoundWrite } from './python-analysis.js';
import { findDdl } from './sql-ddl.js';

/** A parsed TypeScript/JavaScript file (syntax only, no type checker). */
export interface TsSource {
  readonly ts: typeof TS;
  readonly sourceFile: TS.SourceFile;
}

export function parseTsSource(file: string, text: string): TsSource {
  const ts = loadTypeScript();
  const kind = /\.[cm]?jsx?$/.test(file) ? (file.endsWith('x') ? ts.ScriptKind.JSX : ts.ScriptKind.JS) : file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { ts, sourceFile: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

/**
 * Whether any string or template literal in the text passes `test`: a pre-check with TypeScript's
 * scanner (no syntax tree), so DDL or a URL in a comment or a type does not cost a parse.
 */
export function someStringLiteral(text: string, test: (literal: string) => boolean): boolean {
  const ts = loadTypeScript();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  // NOTE: a `}` closing a template substitution must be rescanned as the template's continuation.
  const braces: number[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.OpenBraceToken) {
      if (braces.length > 0) braces[braces.length - 1]!++;
    } else if (token === ts.SyntaxKind.CloseBraceToken && braces.length > 0) {
      if (braces[braces.length - 1] === 0) {
        token = scanner.reScanTemplateToken(false);
        if (token === ts.SyntaxKind.TemplateTail) braces.pop();
      } else braces[braces.length - 1]!--;
    } else if (token === ts.SyntaxKind.TemplateHead) {
      braces.push(0);
    }
    if (
      (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral || token === ts.SyntaxKind.TemplateHead || token === ts.SyntaxKind.TemplateMiddle || token === ts.SyntaxKind.TemplateTail) &&
      test(scanner.getTokenText())
    ) {
      return true;
    }
  }
  return false;
}

/** Method names that send a SQL string to the database, across drivers and ORMs. */
const EXECUTE_METHODS = new Set(['query', 'execute', 'exec', 'run', 'raw', 'unsafe', '$executeRaw', '$executeRawUnsafe', '$queryRaw', '$queryRawUnsafe', 'executeQuery', 'none', 'any', 'batch', 'executeSql', 'multi']);
const KNEX_SCHEMA = /\.schema\.(?:createTable|createTableIfNotExists|alterTable|table|dropTable|dropTableIfExists)$/;
const SERVER_CALL = /(?:^|\.)(?:listen|createServer|serve)$|^(?:express|Fastify|fastify|NestFactory\.create|Bun\.serve|Deno\.serve|createApp|createHTTPServer)$/;

/**
 * Schema writes and literal credentials in a TypeScript/JavaScript file. Writes: DDL in sql`...`
 * templates or passed to `query()`/`execute()`/`sql.raw()`, knex `schema.createTable()`, TypeORM
 * `synchronize: true`, `sequelize.sync()`, and drizzle-orm's `migrate()` in start-up code.
 */
export function findTypeScriptFacts(source: TsSource, rel: string): { writes: FoundWrite[]; credentials: FoundCodeCredential[] } {
  const { ts, sourceFile } = source;
  const writes: FoundWrite[] = [];
  const credentials: FoundCodeCredential[] = [];
  const migrateNames = new Set<string>();
  const importsTypeOrm = sourceFile.statements.some((s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && /^(?:typeorm|@nestjs\/typeorm)$/.test(s.moduleSpecifier.text));
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/^drizzle-orm\/(?:[\w-]+\/)*migrator$/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 'migrate') migrateNames.add(element.name.text);
  }
  const migrateCalls: TS.CallExpression[] = [];
  let startup = isStartupName(rel);
  const write = (operation: FoundWrite['operation'], code: string, node: TS.Node) => {
    const guard = findTsGuard(source, node, 0);
    writes.push({ operation, code, from: node.getStart(sourceFile), to: node.getEnd(), ...(guard ? { guard } : {}) });
  };

  const visit = (node: TS.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && /^(?:sql|SQL)$/.test(lastName(ts, node.tag) ?? '')) {
      const ddl = findDdl(templateText(ts, node.template));
      if (ddl) write('ddl-statement', ddl.summary, node);
    } else if (ts.isCallExpression(node)) {
      const callee = calleeText(ts, node.expression);
      const last = lastName(ts, node.expression);
      if (callee !== undefined && SERVER_CALL.test(callee)) startup = true;
      if (last !== undefined && (EXECUTE_METHODS.has(last) || callee === 'sql.raw') && node.arguments[0] && !ts.isTaggedTemplateExpression(node.arguments[0])) {
        const ddl = ddlOfTs(source, node.arguments[0], 0);
        if (ddl) write('ddl-statement', ddl, node);
      } else if (callee !== undefined && KNEX_SCHEMA.test(callee)) {
        const table = node.arguments[0] && (ts.isStringLiteral(node.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0])) ? node.arguments[0].text : '';
        write('ddl-statement', `${callee.split('.').pop()}(${table ? `'${table}'` : ''})`, node);
      } else if (callee === 'sequelize.sync') {
        write('create_all', 'sequelize.sync()', node);
      } else if (ts.isIdentifier(node.expression) && migrateNames.has(node.expression.text)) {
        migrateCalls.push(node);
      }
    } else if (ts.isNewExpression(node) && /^(?:Hono|Elysia|Koa|ApolloServer)$/.test(lastName(ts, node.expression) ?? '')) {
      startup = true;
    } else if (ts.isFunctionDeclaration(node) && node.name?.text === 'register' && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      // NOTE: Next.js runs `export function register()` of instrumentation.ts once at server start.
      startup = true;
    } else if (importsTypeOrm && ts.isPropertyAssignment(node) && propertyName(ts, node.name) === 'synchronize' && node.initializer.kind === ts.SyntaxKind.TrueKeyword) {
      write('create_all', 'TypeORM synchronize: true', node);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const raw = node.getText(sourceFile);
      const offset = node.getStart(sourceFile);
      const urls = findUrlCredentials(raw);
      for (const c of urls) credentials.push({ ...c, start: c.start + offset, end: c.end + offset });
      if (urls.length === 0 && /password/i.test(raw)) {
        const dsn = findDsnCredential(raw);
        if (dsn) credentials.push({ ...dsn, start: dsn.start + offset, end: dsn.end + offset });
      }
      if (ts.isTemplateExpression(node)) {
        for (const span of node.templateSpans) visit(span.expression);
      }
      return;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const credential = passwordOption(source, node);
      if (credential) credentials.push(credential);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (startup && !isRunnerScript(rel)) for (const call of migrateCalls) write('migrate-at-boot', `${calleeText(ts, call.expression) ?? 'migrate'}()`, call);
  writes.sort((a, b) => a.from - b.from);
  return { writes, credentials };
}

function isStartupName(rel: string): boolean {
  const base = path.posix.basename(rel);
  return /^(?:server|main|app|index|start|instrumentation|bootstrap|boot)\.[cm]?[jt]sx?$/.test(base) && !isRunnerScript(rel);
}

/** A script run on purpose (`tsx scripts/migrate.ts`), not on every start: its migrate() call is the migration tool. */
function isRunnerScript(rel: string): boolean {
  return /migrat|seed|setup|reset|init-?db/i.test(path.posix.basename(rel)) || /(?:^|\/)(?:scripts?|bin|tools)\//.test(rel);
}

function ddlOfTs(source: TsSource, node: TS.Expression, depth: number): string | undefined {
  const { ts } = source;
  if (depth > 4) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (isSchemaSqlFile(node.text.trim())) return `SQL from ${path.basename(node.text.trim())}`;
    return findDdl(node.text)?.summary;
  }
  if (ts.isTemplateExpression(node)) return findDdl(templateText(ts, node))?.summary;
  if (ts.isTaggedTemplateExpression(node)) return findDdl(templateText(ts, node.template))?.summary;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node)) return ddlOfTs(source, node.expression, depth + 1);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return ddlOfTs(source, node.left, depth + 1) ?? ddlOfTs(source, node.right, depth + 1);
  if (ts.isIdentifier(node)) {
    const init = constInitializer(source, node.text);
    return init ? ddlOfTs(source, init, depth + 1) : undefined;
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    for (const arg of node.arguments ?? []) {
      const found = ddlOfTs(source, arg, depth + 1);
      if (found) return found;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) return ddlOfTs(source, node.expression.expression, depth + 1);
  }
  return undefined;
}

/** A template's text with `${...}` replaced by a placeholder word, for DDL detection. */
function templateText(ts: typeof TS, template: TS.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return template.head.text + template.templateSpans.map((s) => `x ${s.literal.text}`).join('');
}

const initializers = new WeakMap<TS.SourceFile, Map<string, TS.Expression>>();

/** The initializer of the first variable declared with this name anywhere in the file (one walk per file). */
function constInitializer(source: TsSource, name: string): TS.Expression | undefined {
  const { ts, sourceFile } = source;
  let map = initializers.get(sourceFile);
  if (!map) {
    const found = new Map<string, TS.Expression>();
    const visit = (node: TS.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !found.has(node.name.text)) found.set(node.name.text, node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    initializers.set(sourceFile, (map = found));
  }
  return map.get(name);
}

export function calleeText(ts: typeof TS, node: TS.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) {
    const base = calleeText(ts, node.expression);
    return base === undefined ? undefined : `${base}.${node.name.text}`;
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isCallExpression(node)) {
    const base = calleeText(ts, node.expression);
    return base === undefined ? undefined : `${base}()`;
  }
  if (ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node)) return calleeText(ts, node.expression);
  return undefined;
}

function lastName(ts: typeof TS, node: TS.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

export function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** `{ host: 'db', user: 'app', password: 's3cret' }`: a connection options object with a literal password. */
function passwordOption(source: TsSource, object: TS.ObjectLiteralExpression): FoundCodeCredential | undefined {
  const { ts, sourceFile } = source;
  const values = new Map<string, TS.Expression>();
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = propertyName(ts, property.name);
    if (key !== undefined) values.set(key, property.initializer);
  }
  const password = values.get('password');
  if (!password || !(ts.isStringLiteral(password) || ts.isNoSubstitutionTemplateLiteral(password))) return undefined;
  if (!['host', 'user', 'username', 'database', 'port', 'server', 'connectionString'].some((k) => values.has(k))) return undefined;
  if (password.text === '' || isPlaceholderPassword(password.text)) return undefined;
  const literal = (key: string) => {
    const value = values.get(key);
    if (!value) return undefined;
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) || ts.isNumericLiteral(value)) return value.text;
    return undefined;
  };
  const parts = {
    ...optional('user', literal('user') ?? literal('username')),
    ...optional('host', literal('host') ?? literal('server')),
    ...optional('port', literal('port')),
    ...optional('database', literal('database')),
  };
  const start = password.getStart(sourceFile) + 1;
  return { masked: maskedFromParts(parts), start, end: password.getEnd() - 1, form: 'password-option', localHost: isLocalHost(parts.host ?? '') };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value !== undefined && value !== '' ? ({ [key]: value } as Record<K, string>) : {};
}

// ── guards ──────────────────────────────────────────────────────────────────

const ENV_TEXT = /^(?:process\.env|import\.meta\.env|Deno\.env|Bun\.env|process\.argv|env\.|config\.|settings\.|argv|args\.|options\.|opts\.|flags\.|cli\.)/;
const CONFIRM_CALL = /(?:^|\.)(?:confirm|prompt|question|ask|select)$/;
const HELPER_CALL = /confirm|approv|allow|isProd|isProduction|isDev|isDevelopment|isTest|isLocal|requireEnv|assertEnv|ensureEnv/i;

/**
 * The explicit environment or approval check a write runs behind (see findGuard in
 * python-analysis.ts for the rules): an enclosing `if`, a ternary or `&&`, an earlier
 * `if (...) throw/return/process.exit()`, or guarded call sites of the enclosing function.
 */
export function findTsGuard(source: TsSource, node: TS.Node, depth: number): string | undefined {
  const { ts, sourceFile } = source;
  let child: TS.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression && hasTsGuardEvidence(source, parent.expression, 0)) return shorten(parent.expression.getText(sourceFile));
    if (ts.isConditionalExpression(parent) && child !== parent.condition && hasTsGuardEvidence(source, parent.condition, 0)) return shorten(parent.condition.getText(sourceFile));
    if (ts.isBinaryExpression(parent) && child === parent.right && (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) && hasTsGuardEvidence(source, parent.left, 0)) {
      return shorten(parent.left.getText(sourceFile));
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent)) {
      const statements = parent.statements;
      const index = statements.indexOf(child as TS.Statement);
      for (let i = index - 1; i >= 0; i--) {
        const guard = tsEarlyExit(source, statements[i]!);
        if (guard) return guard;
      }
    }
    if ((ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isArrowFunction(parent) || ts.isMethodDeclaration(parent)) && depth < 3) {
      const name = functionName(ts, parent);
      if (name) {
        const calls: TS.CallExpression[] = [];
        const fn = parent;
        const collect = (n: TS.Node): void => {
          if (n === fn) return;
          if (ts.isCallExpression(n) && lastName(ts, n.expression) === name) calls.push(n);
          ts.forEachChild(n, collect);
        };
        collect(sourceFile);
        if (calls.length > 0) {
          const guards = calls.map((c) => findTsGuard(source, c, depth + 1));
          if (guards.every((g) => g !== undefined)) return guards[0];
        }
      }
    }
  }
  return undefined;
}

function functionName(ts: typeof TS, fn: TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (ts.isMethodDeclaration(fn)) return propertyName(ts, fn.name);
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return propertyName(ts, parent.name);
  return undefined;
}

function tsEarlyExit(source: TsSource, statement: TS.Statement): string | undefined {
  const { ts, sourceFile } = source;
  if (ts.isIfStatement(statement) && tsExits(ts, statement.thenStatement) && hasTsGuardEvidence(source, statement.expression, 0)) return shorten(statement.expression.getText(sourceFile));
  if (ts.isExpressionStatement(statement)) {
    let expression = statement.expression;
    if (ts.isAwaitExpression(expression)) expression = expression.expression;
    if (ts.isCallExpression(expression)) {
      const callee = calleeText(ts, expression.expression) ?? '';
      if (CONFIRM_CALL.test(callee) || HELPER_CALL.test(callee.split('.').pop() ?? '') || (/^(?:assert|invariant|assert\.ok|ok)$/.test(callee) && expression.arguments.some((a) => hasTsGuardEvidence(source, a, 0)))) {
        return shorten(expression.getText(sourceFile));
      }
    }
  }
  return undefined;
}

function tsExits(ts: typeof TS, statement: TS.Statement): boolean {
  const list = ts.isBlock(statement) ? [...statement.statements] : [statement];
  return list.some((s) => ts.isThrowStatement(s) || ts.isReturnStatement(s) || (ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && /^(?:process\.exit|Deno\.exit)$/.test(calleeText(ts, s.expression.expression) ?? '')));
}

/** Whether an expression reads the environment, a settings flag, a CLI argument or a confirmation. */
export function hasTsGuardEvidence(source: TsSource, node: TS.Node, depth: number): boolean {
  const { ts, sourceFile } = source;
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
      if (ENV_TEXT.test(n.getText(sourceFile))) {
        found = true;
        return;
      }
    }
    if (ts.isIdentifier(n) && depth < 3 && !(n.parent && ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      if (/^(?:argv|flags)$/.test(n.text)) {
        found = true;
        return;
      }
      const init = constInitializer(source, n.text);
      if (init && init !== node && hasTsGuardEvidence(source, init, depth + 1)) {
        found = true;
        return;
      }
    }
    if (ts.isCallExpression(n)) {
      const callee = calleeText(ts, n.expression) ?? '';
      if (CONFIRM_CALL.test(callee) || HELPER_CALL.test(callee.split('.').pop() ?? '')) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}
