import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../model/span.js';
import type { LoadProblem } from './load-problem.js';
import { readSourceFile } from './source-file.js';
import { spanOfNode } from './spans.js';
import { loadTypeScript, type TS } from './typescript.js';

export const DRIZZLE_CONFIG_NAMES = ['drizzle.config.ts', 'drizzle.config.mts', 'drizzle.config.cts', 'drizzle.config.js', 'drizzle.config.mjs', 'drizzle.config.cjs', 'drizzle.config.json'];

export interface DrizzleConfigFacts {
  readonly file: string;
  /** `schema` entries (paths or globs), as written, relative to the config's directory. */
  readonly schema: readonly string[];
  readonly casing?: 'snake_case' | 'camelCase';
  readonly dialect?: string;
  readonly out?: string;
  /** Where the config object is, for diagnostics about the config itself. */
  readonly span: Span;
  readonly problems: readonly LoadProblem[];
}

/** The drizzle config in `dir`, if any. */
export function findDrizzleConfig(dir: string): string | undefined {
  for (const name of DRIZZLE_CONFIG_NAMES) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Reads `schema`, `casing`, `dialect` and `out` from a drizzle config without running it:
 * `export default defineConfig({...})`, `export default {...} satisfies Config`, or
 * `module.exports = {...}`. Values must be literals; anything else becomes a problem.
 */
export function readDrizzleConfig(file: string): DrizzleConfigFacts {
  const read = readSourceFile(file);
  const start = { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  if (!read.ok) return { file, schema: [], span: start, problems: [read.problem] };
  if (file.endsWith('.json')) return readJsonConfig(file, read.text, start);

  const ts = loadTypeScript();
  const sourceFile = ts.createSourceFile(file, read.text, ts.ScriptTarget.Latest, true);
  const object = findConfigObject(ts, sourceFile);
  if (!object) {
    return {
      file,
      schema: [],
      span: start,
      problems: [{ id: 'schema-lint/unsupported-syntax', severity: 'warn', message: `Cannot find the configuration object in ${path.basename(file)}.`, help: 'Export it as `export default defineConfig({ schema: "./src/db/schema.ts", ... })`.', span: start }],
    };
  }
  const problems: LoadProblem[] = [];
  const facts: { schema: string[]; casing?: 'snake_case' | 'camelCase'; dialect?: string; out?: string } = { schema: [] };
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    const key = property.name.text;
    const value = property.initializer;
    const literal = (node: TS.Expression) => (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined);
    if (key === 'schema') {
      const entries = ts.isArrayLiteralExpression(value) ? [...value.elements] : [value];
      for (const entry of entries) {
        const text = literal(entry);
        if (text !== undefined) facts.schema.push(text);
        else problems.push({ id: 'schema-lint/unsupported-syntax', severity: 'warn', message: 'The drizzle config `schema` entry is not a string literal, so schema-lint cannot tell which files it names.', help: 'Pass the schema files to schema-lint, or set `include` in schema-lint.config.json.', span: spanOfNode(entry) });
      }
    } else if (key === 'casing') {
      const text = literal(value);
      if (text === 'snake_case' || text === 'camelCase') facts.casing = text;
    } else if (key === 'dialect' || key === 'out') {
      const text = literal(value);
      if (text !== undefined) facts[key] = text;
    }
  }
  return { file, ...facts, span: spanOfNode(object), problems };
}

function findConfigObject(ts: typeof TS, sourceFile: TS.SourceFile): TS.ObjectLiteralExpression | undefined {
  const unwrap = (node: TS.Expression | undefined): TS.ObjectLiteralExpression | undefined => {
    while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) node = node.expression;
    if (!node) return undefined;
    if (ts.isObjectLiteralExpression(node)) return node;
    if (ts.isCallExpression(node)) return unwrap(node.arguments[0]);
    if (ts.isIdentifier(node)) return localObject(node.text);
    return undefined;
  };
  const localObject = (name: string): TS.ObjectLiteralExpression | undefined => {
    for (const statement of sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name) return unwrap(d.initializer);
      }
    }
    return undefined;
  };
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) return unwrap(statement.expression);
    if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      statement.expression.left.getText(sourceFile) === 'module.exports'
    ) {
      return unwrap(statement.expression.right);
    }
  }
  return undefined;
}

function readJsonConfig(file: string, text: string, span: Span): DrizzleConfigFacts {
  try {
    const json = JSON.parse(text) as { schema?: string | string[]; casing?: string; dialect?: string; out?: string };
    const schema = typeof json.schema === 'string' ? [json.schema] : Array.isArray(json.schema) ? json.schema.filter((s) => typeof s === 'string') : [];
    return {
      file,
      schema,
      ...(json.casing === 'snake_case' || json.casing === 'camelCase' ? { casing: json.casing } : {}),
      ...(typeof json.dialect === 'string' ? { dialect: json.dialect } : {}),
      ...(typeof json.out === 'string' ? { out: json.out } : {}),
      span,
      problems: [],
    };
  } catch (error) {
    return { file, schema: [], span, problems: [{ id: 'schema-lint/parse-error', severity: 'error', message: `${path.basename(file)} is not valid JSON: ${(error as Error).message}.`, span }] };
  }
}
