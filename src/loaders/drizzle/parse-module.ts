import type { TS } from '../typescript.js';
import { dialectOfModule } from './builders.js';
import type { ModuleInfo } from './evaluator.js';

/** Collects a file's top-level bindings, imports and exports: one pass over top-level statements. */
export function parseModule(ts: typeof TS, file: string, sourceFile: TS.SourceFile): ModuleInfo {
  const declarations = new Map<string, TS.Node>();
  const declarationNodes = new Map<string, TS.Node>();
  const imports = new Map<string, { specifier: string; imported: string }>();
  const exports = new Map<string, { local: string } | { specifier: string; imported: string }>();
  const starExports: string[] = [];
  let importsDrizzle = false;

  const hasExport = (node: TS.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const hasDefault = (node: TS.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (!ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (dialectOfModule(specifier) !== undefined) importsDrizzle = true;
      if (clause.name) imports.set(clause.name.text, { specifier, imported: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, imported: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (element.isTypeOnly) continue;
          imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      const exported = hasExport(statement);
      for (const declaration of statement.declarationList.declarations) {
        const required = declaration.initializer ? requiredSpecifier(ts, declaration.initializer) : undefined;
        if (required !== undefined) {
          // NOTE: CommonJS schema files: `const { pgTable } = require('drizzle-orm/pg-core')`.
          if (dialectOfModule(required) !== undefined) importsDrizzle = true;
          if (ts.isIdentifier(declaration.name)) imports.set(declaration.name.text, { specifier: required, imported: '*' });
          else if (ts.isObjectBindingPattern(declaration.name)) {
            for (const element of declaration.name.elements) {
              if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
              const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
              imports.set(element.name.text, { specifier: required, imported });
            }
          }
          continue;
        }
        if (ts.isIdentifier(declaration.name)) {
          const name = declaration.name.text;
          if (declaration.initializer) declarations.set(name, declaration.initializer);
          declarationNodes.set(name, declaration);
          if (exported) exports.set(name, { local: name });
        } else if (declaration.initializer) {
          // NOTE: `const { a, b } = helpers` — each name reads a member of the initializer.
          bindDestructured(ts, declaration.name, declaration.initializer, declarations, declarationNodes, exported ? exports : undefined);
        }
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      declarations.set(statement.name.text, statement);
      declarationNodes.set(statement.name.text, statement);
      if (hasExport(statement)) exports.set(hasDefault(statement) ? 'default' : statement.name.text, { local: statement.name.text });
    } else if (ts.isEnumDeclaration(statement)) {
      declarations.set(statement.name.text, statement);
      declarationNodes.set(statement.name.text, statement);
      if (hasExport(statement)) exports.set(statement.name.text, { local: statement.name.text });
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      // NOTE: a local module that re-exports Drizzle's builders (`export * from 'drizzle-orm/pg-core'`).
      if (specifier !== undefined && dialectOfModule(specifier) !== undefined) importsDrizzle = true;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) starExports.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier) exports.set(clause.name.text, { specifier, imported: '*' });
      } else {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const local = (element.propertyName ?? element.name).text;
          exports.set(element.name.text, specifier ? { specifier, imported: local } : { local });
        }
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      readCommonJsExport(ts, statement.expression, declarations, declarationNodes, exports);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      declarations.set('default', statement.expression);
      declarationNodes.set('default', statement);
      exports.set('default', { local: 'default' });
    }
  }

  return { file, sourceFile, declarations, declarationNodes, imports, exports, starExports, importsDrizzle };
}

function bindDestructured(
  ts: typeof TS,
  pattern: TS.BindingName,
  source: TS.Expression,
  declarations: Map<string, TS.Node>,
  declarationNodes: Map<string, TS.Node>,
  exports: Map<string, { local: string } | { specifier: string; imported: string }> | undefined,
): void {
  if (!ts.isObjectBindingPattern(pattern)) return;
  for (const element of pattern.elements) {
    if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
    const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
    // A synthetic `source.key` expression, evaluated like any member access.
    const access = ts.factory.createPropertyAccessExpression(source, key);
    Object.assign(access, { parent: source.parent, pos: element.pos, end: element.end });
    declarations.set(element.name.text, access);
    declarationNodes.set(element.name.text, element);
    if (exports) exports.set(element.name.text, { local: element.name.text });
  }
}

/** `require('x')` (possibly wrapped in parentheses or a cast): the specifier. */
function requiredSpecifier(ts: typeof TS, node: TS.Expression): string | undefined {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  if (!ts.isCallExpression(current) || !ts.isIdentifier(current.expression) || current.expression.text !== 'require') return undefined;
  const [arg] = current.arguments;
  return arg && ts.isStringLiteral(arg) ? arg.text : undefined;
}

/** `module.exports = { users }`, `module.exports.users = ...`, `exports.users = ...`. */
function readCommonJsExport(
  ts: typeof TS,
  assignment: TS.BinaryExpression,
  declarations: Map<string, TS.Node>,
  declarationNodes: Map<string, TS.Node>,
  exports: Map<string, { local: string } | { specifier: string; imported: string }>,
): void {
  const target = assignment.left;
  const value = assignment.right;
  const isModuleExports = (n: TS.Node) =>
    ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'module' && n.name.text === 'exports';
  const bind = (key: string, initializer: TS.Expression, node: TS.Node) => {
    if (ts.isIdentifier(initializer)) {
      exports.set(key, { local: initializer.text });
      return;
    }
    const local = `module.exports.${key}`;
    declarations.set(local, initializer);
    declarationNodes.set(local, node);
    exports.set(key, { local });
  };
  if (isModuleExports(target)) {
    if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        if (ts.isShorthandPropertyAssignment(property)) exports.set(property.name.text, { local: property.name.text });
        else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) bind(property.name.text, property.initializer, property);
      }
    } else {
      bind('default', value, assignment);
    }
    return;
  }
  if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))) {
    bind(target.name.text, value, assignment);
  }
}
