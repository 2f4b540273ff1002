import path from 'node:path';
import type { Span } from '../model/span.js';
import { spanOfNode } from '../loaders/spans.js';
import type { TS } from '../loaders/typescript.js';
import { calleeText, parseTsSource, propertyName, type TsSource } from './typescript-analysis.js';

/** What a drizzle config says about migrations and the database connection. */
export interface DrizzleConfigScan {
  /** The configuration object (or the whole file when it cannot be found). */
  readonly span: Span;
  /** `out` as written (drizzle-kit's default is `drizzle`). */
  readonly out: string;
  /** `strict: true`: drizzle-kit push asks for approval before every statement. */
  readonly strict: boolean;
  readonly database?: DrizzleDatabaseUrl;
}

export interface DrizzleDatabaseUrl {
  readonly span: Span;
  readonly urlSource: 'environment' | 'literal' | 'unknown';
  readonly variable?: string;
  readonly failsWhenMissing: boolean;
  readonly readAs?: string;
}

/**
 * Reads a drizzle config (TypeScript or JavaScript) syntactically. The database URL counts as
 * failing clearly when a top-level `if (!process.env.X) throw ...` (or `process.exit()`, `assert`,
 * `invariant`) checks it, or the expression throws itself (`?? (() => { throw ... })()`,
 * `requireEnv("X")`). A non-null assertion (`process.env.X!`), `as string` or a fallback does not:
 * drizzle-kit then fails later with a message about its own options, or connects elsewhere.
 */
export function scanDrizzleConfig(file: string, text: string): DrizzleConfigScan {
  if (file.endsWith('.json')) {
    let out = 'drizzle';
    try {
      const json = JSON.parse(text) as { out?: unknown };
      if (typeof json.out === 'string') out = json.out;
    } catch {
      // NOTE: the drizzle config reader reports invalid JSON already.
    }
    return { span: { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, out, strict: false };
  }
  const source = parseTsSource(file, text);
  const { ts, sourceFile } = source;
  const object = findConfigObject(ts, sourceFile);
  if (!object) return { span: { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, out: 'drizzle', strict: false };
  let out = 'drizzle';
  let strict = false;
  let database: DrizzleDatabaseUrl | undefined;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = propertyName(ts, property.name);
    const value = property.initializer;
    if (key === 'out' && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) out = value.text;
    if (key === 'strict') strict = value.kind === ts.SyntaxKind.TrueKeyword;
    if (key === 'dbCredentials' && ts.isObjectLiteralExpression(value)) {
      for (const credential of value.properties) {
        if (!ts.isPropertyAssignment(credential)) continue;
        const name = propertyName(ts, credential.name);
        if (name !== 'url' && name !== 'connectionString') continue;
        database = { span: spanOfNode(credential, sourceFile), ...readUrl(source, credential.initializer, object) };
      }
    }
  }
  return { span: spanOfNode(object, sourceFile), out, strict, ...(database ? { database } : {}) };
}

function findConfigObject(ts: typeof TS, sourceFile: TS.SourceFile): TS.ObjectLiteralExpression | undefined {
  const unwrap = (node: TS.Expression | undefined, depth = 0): TS.ObjectLiteralExpression | undefined => {
    while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) node = node.expression;
    if (!node || depth > 5) return undefined;
    if (ts.isObjectLiteralExpression(node)) return node;
    if (ts.isCallExpression(node)) return unwrap(node.arguments[0], depth + 1);
    if (ts.isIdentifier(node)) {
      const init = topLevelConst(ts, sourceFile, node.text);
      return init ? unwrap(init, depth + 1) : undefined;
    }
    return undefined;
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) return unwrap(statement.expression);
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && statement.expression.left.getText(sourceFile) === 'module.exports') {
      return unwrap(statement.expression.right);
    }
  }
  return undefined;
}

function topLevelConst(ts: typeof TS, sourceFile: TS.SourceFile, name: string): TS.Expression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer;
  }
  return undefined;
}

type UrlFacts = Omit<DrizzleDatabaseUrl, 'span'>;

function readUrl(source: TsSource, expression: TS.Expression, configObject: TS.Node): UrlFacts {
  const { ts, sourceFile } = source;
  const aliases: string[] = [];
  let readAs: string | undefined;
  let throws = false;
  let node: TS.Expression = expression;
  for (let depth = 0; depth < 8; depth++) {
    if (ts.isNonNullExpression(node)) {
      readAs ??= 'a non-null assertion (`!`)';
      node = node.expression;
    } else if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      readAs ??= 'a type assertion (`as string`)';
      node = node.expression;
    } else if (ts.isParenthesizedExpression(node)) {
      node = node.expression;
    } else if (ts.isTemplateExpression(node) && node.templateSpans.length === 1 && node.head.text === '' && node.templateSpans[0]!.literal.text === '') {
      node = node.templateSpans[0]!.expression;
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'String' && node.arguments[0]) {
      node = node.arguments[0];
    } else if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      if (throwsOrFails(ts, node.right)) throws = true;
      else readAs ??= 'a fallback value';
      node = node.left;
    } else if (ts.isIdentifier(node)) {
      const init = topLevelConst(ts, sourceFile, node.text);
      if (!init) break;
      aliases.push(node.text);
      node = init;
    } else break;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { urlSource: 'literal', failsWhenMissing: true };
  const variable = envVariable(ts, node);
  if (variable === undefined) {
    // NOTE: `requireEnv("DATABASE_URL")` and validated env modules (`env.DATABASE_URL`) are trusted to fail.
    if (ts.isCallExpression(node) && /require|must|assert|orthrow|strict|ensure/i.test(calleeText(ts, node.expression) ?? '')) {
      const arg = node.arguments[0];
      return { urlSource: 'environment', ...(arg && ts.isStringLiteral(arg) ? { variable: arg.text } : {}), failsWhenMissing: true };
    }
    return { urlSource: 'unknown', failsWhenMissing: true };
  }
  if (throws) return { urlSource: 'environment', variable, failsWhenMissing: true };
  const checked = sourceFile.statements.some((statement) => statement.getEnd() <= configObject.getStart(sourceFile) + 1 && checksVariable(source, statement, variable, aliases));
  if (checked) return { urlSource: 'environment', variable, failsWhenMissing: true };
  return { urlSource: 'environment', variable, failsWhenMissing: false, readAs: readAs ?? 'no check' };
}

function envVariable(ts: typeof TS, node: TS.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(node) && isProcessEnv(ts, node.expression)) return node.name.text;
  if (ts.isElementAccessExpression(node) && isProcessEnv(ts, node.expression) && ts.isStringLiteral(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

function isProcessEnv(ts: typeof TS, node: TS.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ((ts.isIdentifier(node.expression) && node.expression.text === 'process') || (ts.isMetaProperty(node.expression)));
}

function throwsOrFails(ts: typeof TS, node: TS.Node): boolean {
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(n)) found = true;
    else if (ts.isCallExpression(n) && /throw|fail|required|must|exit|panic/i.test(calleeText(ts, n.expression) ?? '')) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** `if (!process.env.X) throw ...`, `if (!url) process.exit(1)`, `assert(process.env.X)`, `invariant(url, ...)`. */
function checksVariable(source: TsSource, statement: TS.Statement, variable: string, aliases: readonly string[]): boolean {
  const { ts } = source;
  const mentions = (node: TS.Node): boolean => {
    let found = false;
    const visit = (n: TS.Node): void => {
      if (found) return;
      if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && envVariable(ts, n) === variable) found = true;
      else if (ts.isIdentifier(n) && aliases.includes(n.text)) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };
  if (ts.isIfStatement(statement)) return mentions(statement.expression) && throwsOrFails(ts, statement.thenStatement);
  if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression)) {
    const callee = calleeText(ts, statement.expression.expression) ?? '';
    return /^(?:assert|invariant|assert\.ok|ok|assertEnv|requireEnv)$/.test(callee) && statement.expression.arguments.some(mentions);
  }
  return false;
}

/** The migrations folder a drizzle config writes to, relative to the repository root. */
export function drizzleOutDir(configFile: string, out: string, root: string): string {
  return path.relative(root, path.resolve(path.dirname(configFile), out)).split(path.sep).join('/') || '.';
}
