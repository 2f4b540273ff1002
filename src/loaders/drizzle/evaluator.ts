import type { Dialect } from '../../model/schema-model.js';
import type { TS } from '../typescript.js';
import {
  CONSTRAINT_FUNCTIONS,
  EXTERNAL_TABLES,
  IGNORED_FUNCTIONS,
  SCHEMA_FUNCTIONS,
  SERIAL_BUILDERS,
  TABLE_CREATORS,
  TABLE_FUNCTIONS,
  dialectOfModule,
  isColumnBuilder,
} from './builders.js';
import {
  UNDEFINED,
  asString,
  effectiveProps,
  prop,
  unknown,
  type ArrayItem,
  type ColumnState,
  type ConstraintState,
  type CustomTypeDecl,
  type EnumDecl,
  type FunctionNode,
  type ObjectProp,
  type Scope,
  type TableDecl,
  type Value,
} from './values.js';

/** One parsed source file and its top-level bindings. */
export interface ModuleInfo {
  readonly file: string;
  readonly sourceFile: TS.SourceFile;
  /** Local top-level declarations: name → initializer (or the function declaration). */
  readonly declarations: Map<string, TS.Node>;
  /** Declaration node per local name (the VariableDeclaration / FunctionDeclaration), for JSDoc and spans. */
  readonly declarationNodes: Map<string, TS.Node>;
  /** Imported local name → where it comes from. */
  readonly imports: Map<string, { readonly specifier: string; readonly imported: string }>;
  /** Exported name → local name, or a re-export from another module. */
  readonly exports: Map<string, { readonly local: string } | { readonly specifier: string; readonly imported: string }>;
  readonly starExports: readonly string[];
  /** The file imports Drizzle builders (a cheap signal that it may declare tables). */
  readonly importsDrizzle: boolean;
}

export interface EvaluatorHost {
  readonly ts: typeof TS;
  /** Parses (once) the module a specifier points to, or undefined for packages and missing files. */
  moduleFor(specifier: string, fromFile: string): ModuleInfo | undefined;
  module(file: string): ModuleInfo | undefined;
  onTable(decl: TableDecl): void;
  onEnum(decl: EnumDecl): void;
}

const MAX_DEPTH = 64;

/**
 * Evaluates schema expressions symbolically. Memoises every top-level binding, so a table
 * evaluated from several files is one TableDecl, and detects cycles (a binding that refers to
 * itself while being evaluated yields `unknown`).
 */
export class Evaluator {
  private readonly ts: typeof TS;
  private readonly memo = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  private readonly moduleScopes = new Map<string, Scope>();
  private nextTableId = 1;
  private depth = 0;

  constructor(private readonly host: EvaluatorHost) {
    this.ts = host.ts;
  }

  moduleScope(module: ModuleInfo): Scope {
    let scope = this.moduleScopes.get(module.file);
    if (!scope) {
      scope = { file: module.file, lookup: (name) => this.lookupTopLevel(module, name) };
      this.moduleScopes.set(module.file, scope);
    }
    return scope;
  }

  /** Value of a top-level binding, evaluated once. */
  lookupTopLevel(module: ModuleInfo, name: string): Value {
    const key = `${module.file}\0${name}`;
    const memoised = this.memo.get(key);
    if (memoised) return memoised;
    if (this.inProgress.has(key)) return { kind: 'unknown', node: module.sourceFile, reason: `\`${name}\` refers to itself while it is being defined` };
    this.inProgress.add(key);
    let value: Value;
    try {
      value = this.evaluateTopLevel(module, name);
    } finally {
      this.inProgress.delete(key);
    }
    this.memo.set(key, value);
    return value;
  }

  private evaluateTopLevel(module: ModuleInfo, name: string): Value {
    const imported = module.imports.get(name);
    if (imported) return this.importedValue(imported.specifier, imported.imported, module.file);
    const node = module.declarations.get(name);
    if (!node) {
      if (name === 'undefined') return UNDEFINED;
      return { kind: 'unknown', node: module.sourceFile, reason: `\`${name}\` is not declared in ${module.file}` };
    }
    const scope = this.moduleScope(module);
    if (this.ts.isFunctionDeclaration(node)) return { kind: 'function', node, scope };
    if (this.ts.isEnumDeclaration(node)) return this.evaluateEnumDeclaration(node);
    const value = this.evaluate(node as TS.Expression, scope);
    const declarationNode = module.declarationNodes.get(name);
    if (value.kind === 'table' && value.decl.exportName === undefined) {
      value.decl.exportName = name;
      value.decl.declarationNode = declarationNode;
    }
    if (value.kind === 'enum' && value.decl.exportName === undefined) value.decl.exportName = name;
    return value;
  }

  /** Value of `imported` as exported by the module `specifier` resolves to. */
  importedValue(specifier: string, imported: string, fromFile: string, seen = new Set<string>()): Value {
    const dialect = dialectOfModule(specifier);
    if (dialect !== undefined) {
      if (imported === '*') return dialect === 'common' ? { kind: 'namespace', dialect: 'postgresql' } : { kind: 'namespace', dialect };
      return this.drizzleExport(imported, dialect);
    }
    const target = this.host.moduleFor(specifier, fromFile);
    if (!target) {
      return {
        kind: 'unknown',
        node: this.host.module(fromFile)!.sourceFile,
        reason: `\`${imported}\` is imported from '${specifier}', which schema-lint does not load`,
        external: true,
      };
    }
    if (imported === '*') return { kind: 'module', file: target.file };
    return this.exportedValue(target, imported, seen);
  }

  private drizzleExport(name: string, dialect: Dialect | 'common'): Value {
    const external = dialect === 'common' || dialect === 'postgresql' ? EXTERNAL_TABLES[name] : undefined;
    return external ? { kind: 'externalTable', codeName: name, table: external } : { kind: 'drizzle', name, dialect };
  }

  exportedValue(module: ModuleInfo, name: string, seen = new Set<string>()): Value {
    const key = `${module.file}\0${name}`;
    if (seen.has(key)) return { kind: 'unknown', node: module.sourceFile, reason: `circular re-export of \`${name}\`` };
    seen.add(key);
    const entry = module.exports.get(name);
    if (entry) {
      if ('local' in entry) return this.lookupTopLevel(module, entry.local);
      return this.importedValue(entry.specifier, entry.imported, module.file, seen);
    }
    for (const specifier of module.starExports) {
      if (dialectOfModule(specifier) !== undefined) continue;
      const target = this.host.moduleFor(specifier, module.file);
      if (!target) continue;
      const value = this.exportedValue(target, name, seen);
      if (value.kind !== 'unknown') return value;
    }
    // NOTE: `export * from 'drizzle-orm/pg-core'` in a local module: any other name is Drizzle's.
    const drizzleStar = module.starExports.find((specifier) => dialectOfModule(specifier) !== undefined);
    if (drizzleStar !== undefined) return this.importedValue(drizzleStar, name, module.file, seen);
    return { kind: 'unknown', node: module.sourceFile, reason: `\`${name}\` is not exported by ${module.file}` };
  }

  /** Expressions evaluated so far: a work count for the linear-growth regression test. */
  steps = 0;

  evaluate(node: TS.Node, scope: Scope): Value {
    this.steps++;
    if (this.depth > MAX_DEPTH) return unknown(node, 'the expression nests too deeply to follow');
    this.depth++;
    try {
      return this.evaluateInner(node, scope);
    } finally {
      this.depth--;
    }
  }

  private evaluateInner(node: TS.Node, scope: Scope): Value {
    const ts = this.ts;
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return { kind: 'string', value: (node as TS.StringLiteral).text };
      case ts.SyntaxKind.NumericLiteral:
        return { kind: 'number', value: Number((node as TS.NumericLiteral).text) };
      case ts.SyntaxKind.TrueKeyword:
        return { kind: 'boolean', value: true };
      case ts.SyntaxKind.FalseKeyword:
        return { kind: 'boolean', value: false };
      case ts.SyntaxKind.NullKeyword:
        return { kind: 'null' };
      case ts.SyntaxKind.Identifier:
        return (node as TS.Identifier).text === 'undefined' ? UNDEFINED : scope.lookup((node as TS.Identifier).text);
      case ts.SyntaxKind.TemplateExpression:
        return this.evaluateTemplate(node as TS.TemplateExpression, scope);
      case ts.SyntaxKind.PrefixUnaryExpression: {
        const unary = node as TS.PrefixUnaryExpression;
        const operand = this.evaluate(unary.operand, scope);
        if (operand.kind === 'number' && unary.operator === ts.SyntaxKind.MinusToken) return { kind: 'number', value: -operand.value };
        if (operand.kind === 'number' && unary.operator === ts.SyntaxKind.PlusToken) return operand;
        if (unary.operator === ts.SyntaxKind.ExclamationToken) {
          const truth = truthiness(operand);
          if (truth !== undefined) return { kind: 'boolean', value: !truth };
        }
        return unknown(node, 'unsupported unary expression');
      }
      case ts.SyntaxKind.TypeOfExpression: {
        const operand = this.evaluate((node as TS.TypeOfExpression).expression, scope);
        const type = typeOfValue(operand);
        return type === undefined ? unknown(node, 'typeof a value known only at run time') : { kind: 'string', value: type };
      }
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
        return this.evaluate((node as TS.ParenthesizedExpression).expression, scope);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.evaluateObject(node as TS.ObjectLiteralExpression, scope);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.evaluateArray(node as TS.ArrayLiteralExpression, scope);
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        return { kind: 'function', node: node as FunctionNode, scope };
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as TS.PropertyAccessExpression;
        const target = this.evaluate(access.expression, scope);
        // NOTE: `config?.length` on a missing config is undefined, not an error.
        if ((target.kind === 'undefined' || target.kind === 'null') && (access.flags & ts.NodeFlags.OptionalChain) !== 0) return UNDEFINED;
        return this.member(target, access.name.text, node);
      }
      case ts.SyntaxKind.ElementAccessExpression: {
        const access = node as TS.ElementAccessExpression;
        const key = this.evaluate(access.argumentExpression, scope);
        if (key.kind === 'string') return this.member(this.evaluate(access.expression, scope), key.value, node);
        if (key.kind === 'number') {
          const target = this.evaluate(access.expression, scope);
          if (target.kind === 'array') return target.items[key.value]?.value ?? UNDEFINED;
        }
        return unknown(node, 'computed member access');
      }
      case ts.SyntaxKind.CallExpression:
        return this.evaluateCall(node as TS.CallExpression, scope);
      case ts.SyntaxKind.TaggedTemplateExpression:
        return this.evaluateTaggedTemplate(node as TS.TaggedTemplateExpression, scope);
      case ts.SyntaxKind.BinaryExpression:
        return this.evaluateBinary(node as TS.BinaryExpression, scope);
      case ts.SyntaxKind.ConditionalExpression: {
        const conditional = node as TS.ConditionalExpression;
        const condition = this.evaluate(conditional.condition, scope);
        if (condition.kind === 'boolean') return this.evaluate(condition.value ? conditional.whenTrue : conditional.whenFalse, scope);
        return unknown(node, 'a conditional expression whose condition is only known at run time');
      }
      default:
        return unknown(node, `unsupported ${ts.SyntaxKind[node.kind]} expression`);
    }
  }

  private evaluateTemplate(node: TS.TemplateExpression, scope: Scope): Value {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const part = this.evaluate(span.expression, scope);
      if (part.kind === 'string' || part.kind === 'number' || part.kind === 'boolean') text += String(part.value);
      else return unknown(span.expression, 'a template literal with a value known only at run time');
      text += span.literal.text;
    }
    return { kind: 'string', value: text };
  }

  private evaluateBinary(node: TS.BinaryExpression, scope: Scope): Value {
    const ts = this.ts;
    const op = node.operatorToken.kind;
    const left = this.evaluate(node.left, scope);
    // NOTE: the short-circuit operators evaluate the right side only when JavaScript would.
    if (op === ts.SyntaxKind.QuestionQuestionToken) return left.kind === 'undefined' || left.kind === 'null' ? this.evaluate(node.right, scope) : left;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const truth = truthiness(left);
      if (truth === undefined) return unknown(node, 'a logical expression whose value is known only at run time');
      return truth === (op === ts.SyntaxKind.BarBarToken) ? left : this.evaluate(node.right, scope);
    }
    const right = this.evaluate(node.right, scope);
    const primitive = (v: Value): v is Value & { kind: 'string' | 'number' | 'boolean' | 'null' | 'undefined' } =>
      v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' || v.kind === 'null' || v.kind === 'undefined';
    const raw = (v: Value & { kind: 'string' | 'number' | 'boolean' | 'null' | 'undefined' }) =>
      v.kind === 'null' ? null : v.kind === 'undefined' ? undefined : v.value;
    if (primitive(left) && primitive(right)) {
      const a = raw(left);
      const b = raw(right);
      switch (op) {
        case ts.SyntaxKind.EqualsEqualsEqualsToken:
          return { kind: 'boolean', value: a === b };
        case ts.SyntaxKind.ExclamationEqualsEqualsToken:
          return { kind: 'boolean', value: a !== b };
        case ts.SyntaxKind.EqualsEqualsToken:
          return { kind: 'boolean', value: a == b };
        case ts.SyntaxKind.ExclamationEqualsToken:
          return { kind: 'boolean', value: a != b };
      }
    }
    if ((left.kind === 'string' || left.kind === 'number') && (right.kind === 'string' || right.kind === 'number')) {
      if (op === ts.SyntaxKind.PlusToken) {
        if (left.kind === 'number' && right.kind === 'number') return { kind: 'number', value: left.value + right.value };
        return { kind: 'string', value: String(left.value) + String(right.value) };
      }
      if (left.kind === 'number' && right.kind === 'number') {
        switch (op) {
          case ts.SyntaxKind.MinusToken:
            return { kind: 'number', value: left.value - right.value };
          case ts.SyntaxKind.AsteriskToken:
            return { kind: 'number', value: left.value * right.value };
          case ts.SyntaxKind.SlashToken:
            return { kind: 'number', value: left.value / right.value };
          case ts.SyntaxKind.LessThanToken:
            return { kind: 'boolean', value: left.value < right.value };
          case ts.SyntaxKind.LessThanEqualsToken:
            return { kind: 'boolean', value: left.value <= right.value };
          case ts.SyntaxKind.GreaterThanToken:
            return { kind: 'boolean', value: left.value > right.value };
          case ts.SyntaxKind.GreaterThanEqualsToken:
            return { kind: 'boolean', value: left.value >= right.value };
        }
      }
    }
    return unknown(node, 'a binary expression whose value is known only at run time');
  }

  private evaluateObject(node: TS.ObjectLiteralExpression, scope: Scope): Value {
    const ts = this.ts;
    const props: ObjectProp[] = [];
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = this.propertyName(property.name, scope);
        if (key === undefined) continue;
        props.push({ key, value: this.evaluate(property.initializer, scope), node: property, file: scope.file });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        props.push({ key: property.name.text, value: scope.lookup(property.name.text), node: property, file: scope.file });
      } else if (ts.isSpreadAssignment(property)) {
        const spread = this.evaluate(property.expression, scope);
        if (spread.kind === 'object') {
          for (const p of spread.props) props.push({ ...p, viaSpread: p.viaSpread ?? property });
        } else if ((spread.kind === 'tableColumns' || spread.kind === 'table') && this.columnKeys(spread.decl)) {
          // NOTE: `{ ...t }` of a table (or of the extra-config parameter) copies its columns.
          for (const key of this.columnKeys(spread.decl)!) {
            props.push({ key, value: { kind: 'columnRef', decl: spread.decl, key, node: property }, node: property, file: scope.file, viaSpread: property });
          }
        } else {
          props.push({ key: `...${property.expression.getText(node.getSourceFile())}`, value: spread.kind === 'unknown' ? spread : unknown(property, 'spread of a value that is not an object'), node: property, file: scope.file, viaSpread: property });
        }
      } else if (ts.isMethodDeclaration(property)) {
        const key = this.propertyName(property.name, scope);
        if (key !== undefined) props.push({ key, value: { kind: 'function', node: property, scope }, node: property, file: scope.file });
      }
    }
    return { kind: 'object', props };
  }

  private propertyName(name: TS.PropertyName, scope: Scope): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
    if (ts.isComputedPropertyName(name)) return asString(this.evaluate(name.expression, scope));
    return undefined;
  }

  private evaluateArray(node: TS.ArrayLiteralExpression, scope: Scope): Value {
    const items: ArrayItem[] = [];
    for (const element of node.elements) {
      if (this.ts.isSpreadElement(element)) {
        const spread = this.evaluate(element.expression, scope);
        if (spread.kind === 'array') items.push(...spread.items);
        else items.push({ value: spread.kind === 'unknown' ? spread : unknown(element, 'spread of a value that is not an array'), node: element });
      } else {
        items.push({ value: this.evaluate(element, scope), node: element });
      }
    }
    return { kind: 'array', items };
  }

  private evaluateEnumDeclaration(node: TS.EnumDeclaration): Value {
    const props: ObjectProp[] = [];
    for (const member of node.members) {
      const key = this.ts.isIdentifier(member.name) || this.ts.isStringLiteral(member.name) ? member.name.text : undefined;
      if (key === undefined) continue;
      const init = member.initializer;
      const value: Value = init && (this.ts.isStringLiteral(init) || this.ts.isNoSubstitutionTemplateLiteral(init)) ? { kind: 'string', value: init.text } : unknown(member, 'numeric enum member');
      props.push({ key, value, node: member, file: node.getSourceFile().fileName });
    }
    return { kind: 'object', props };
  }

  /** `target.name` */
  member(target: Value, name: string, node: TS.Node): Value {
    switch (target.kind) {
      case 'object':
        return prop(target, name) ?? UNDEFINED;
      case 'namespace':
        return this.drizzleExport(name, target.dialect);
      case 'externalTable':
        return { kind: 'externalColumn', codeName: target.codeName, table: target.table, key: name };
      case 'module': {
        const module = this.host.module(target.file);
        return module ? this.exportedValue(module, name) : unknown(node, `cannot read ${target.file}`);
      }
      case 'table':
        if (name === 'enableRLS' || name === 'withRLS') return { kind: 'method', target, name };
        if (name.startsWith('$') || name === '_') return { kind: 'ignored', what: `table.${name}` };
        return { kind: 'columnRef', decl: target.decl, key: name, node };
      case 'tableColumns':
        return { kind: 'columnRef', decl: target.decl, key: name, node };
      case 'enum':
        if (name === 'enumValues') return target.decl.values;
        return unknown(node, `enum member ${name}`);
      case 'drizzle':
        if (name === 'withRLS' && target.name in TABLE_FUNCTIONS) return target;
        return { kind: 'method', target, name };
      case 'dbSchema':
      case 'column':
      case 'constraint':
      case 'columnRef':
      case 'tableFactory':
        return { kind: 'method', target, name };
      case 'unknown':
        return target;
      default:
        return unknown(node, `cannot read \`${name}\` of a ${target.kind} value`);
    }
  }

  private evaluateTaggedTemplate(node: TS.TaggedTemplateExpression, scope: Scope): Value {
    const tag = this.evaluate(node.tag, scope);
    if (tag.kind === 'drizzle' && tag.name === 'sql') return { kind: 'sql', text: this.sqlText(node.template, scope) };
    return unknown(node, 'tagged template');
  }

  /** Text of a `sql` template, with column references written as quoted SQL names. */
  sqlText(template: TS.TemplateLiteral, scope: Scope): string {
    if (this.ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
    let text = template.head.text;
    for (const span of template.templateSpans) {
      text += this.sqlFragment(this.evaluate(span.expression, scope), span.expression);
      text += span.literal.text;
    }
    return text;
  }

  private sqlFragment(value: Value, node: TS.Node): string {
    switch (value.kind) {
      case 'string':
        return `'${value.value.replace(/'/g, "''")}'`;
      case 'number':
      case 'boolean':
        return String(value.value);
      case 'sql':
        return value.text;
      case 'columnRef':
        return `"${value.key}"`;
      case 'table':
        return `"${asString(value.decl.name) ?? value.decl.exportName ?? 'table'}"`;
      default:
        return `\${${node.getText(node.getSourceFile())}}`;
    }
  }

  private evaluateCall(node: TS.CallExpression, scope: Scope): Value {
    const builtin = this.callBuiltin(node, scope);
    if (builtin) return builtin;
    const callee = this.evaluate(node.expression, scope);
    const args = node.arguments;
    switch (callee.kind) {
      case 'function':
        return this.invoke(callee, args.map((a) => this.evaluateArgument(a, scope)), node);
      case 'drizzle':
        return this.callDrizzle(callee.name, callee.dialect, node, scope);
      case 'tableFactory':
        return this.createTable(node, scope, callee.dialect, callee.schema, callee.transform);
      case 'method':
        return this.callMethod(callee.target, callee.name, node, scope);
      case 'enum':
        return this.columnFromEnum(callee.decl, node, scope);
      case 'customType':
        return this.columnFromCustomType(callee.info, node, scope);
      case 'column':
        return callee;
      case 'ignored':
        return callee;
      case 'unknown':
        return callee;
      default:
        return unknown(node, `cannot call a ${callee.kind} value`);
    }
  }

  /** Property keys of a table's columns object (the callback form evaluated with the builders). */
  private columnKeys(decl: TableDecl): string[] | undefined {
    let columns = decl.columns;
    if (columns.kind === 'function') columns = this.invoke(columns, [{ kind: 'namespace', dialect: decl.dialect }], decl.node);
    return columns.kind === 'object' ? effectiveProps(columns).map((p) => p.key) : undefined;
  }

  /** `Object.values(x)`, `Object.keys(x)` (enum values from a TS enum or constant object). */
  private callBuiltin(node: TS.CallExpression, scope: Scope): Value | undefined {
    const ts = this.ts;
    const callee = node.expression;
    if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
    const method = callee.name.text;
    if (method !== 'values' && method !== 'keys') return undefined;
    const [arg] = node.arguments;
    const target = arg ? this.evaluate(arg, scope) : UNDEFINED;
    if (target.kind === 'object') {
      return { kind: 'array', items: effectiveProps(target).map((p) => ({ value: method === 'keys' ? { kind: 'string', value: p.key } : p.value, node: p.node })) };
    }
    if (target.kind === 'array' && method === 'values') return target;
    return unknown(node, `Object.${method} of a value known only at run time`);
  }

  private evaluateArgument(arg: TS.Expression, scope: Scope): Value {
    return this.ts.isSpreadElement(arg) ? unknown(arg, 'spread argument') : this.evaluate(arg, scope);
  }

  /** Calls a function value: binds parameters, then evaluates the returned expression. */
  invoke(fn: Value & { kind: 'function' }, args: readonly Value[], callNode: TS.Node): Value {
    const ts = this.ts;
    const vars = new Map<string, Value>();
    const scope: Scope = {
      file: fn.scope.file,
      lookup: (name) => (vars.has(name) ? vars.get(name)! : fn.scope.lookup(name)),
    };
    fn.node.parameters.forEach((param, i) => {
      let arg = args[i] ?? UNDEFINED;
      if (param.dotDotDotToken) arg = { kind: 'array', items: args.slice(i).map((value) => ({ value, node: callNode })) };
      if (arg.kind === 'undefined' && param.initializer) arg = this.evaluate(param.initializer, scope);
      this.bindName(param.name, arg, vars, scope);
    });
    const body = fn.node.body;
    if (!body) return unknown(callNode, 'function without a body');
    if (!ts.isBlock(body)) return this.evaluate(body, scope);
    return this.runStatements(body.statements, scope, vars) ?? UNDEFINED;
  }

  /**
   * Runs a function body far enough to find its result: declarations, `return`, and `if` with
   * a condition known statically. Returns undefined when the statements end without returning.
   */
  private runStatements(statements: readonly TS.Statement[], scope: Scope, vars: Map<string, Value>): Value | undefined {
    const ts = this.ts;
    // NOTE: function declarations are hoisted.
    for (const statement of statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) vars.set(statement.name.text, { kind: 'function', node: statement, scope });
    }
    for (const statement of statements) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (declaration.initializer) this.bindName(declaration.name, this.evaluate(declaration.initializer, scope), vars, scope);
        }
      } else if (ts.isReturnStatement(statement)) {
        return statement.expression ? this.evaluate(statement.expression, scope) : UNDEFINED;
      } else if (ts.isIfStatement(statement)) {
        const condition = truthiness(this.evaluate(statement.expression, scope));
        if (condition === undefined) return unknown(statement, 'a function whose result depends on a condition known only at run time');
        const branch = condition ? statement.thenStatement : statement.elseStatement;
        const result = branch ? this.runStatements(ts.isBlock(branch) ? branch.statements : [branch], scope, vars) : undefined;
        if (result) return result;
      } else if (ts.isBlock(statement)) {
        const result = this.runStatements(statement.statements, scope, vars);
        if (result) return result;
      } else if (
        !ts.isFunctionDeclaration(statement) &&
        !ts.isExpressionStatement(statement) &&
        !ts.isEmptyStatement(statement) &&
        !ts.isTypeAliasDeclaration(statement) &&
        !ts.isInterfaceDeclaration(statement)
      ) {
        return unknown(statement, 'a function whose result depends on control flow');
      }
    }
    return undefined;
  }

  private bindName(name: TS.BindingName, value: Value, vars: Map<string, Value>, scope: Scope): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      vars.set(name.text, value);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        const key = element.propertyName
          ? this.propertyName(element.propertyName, scope)
          : ts.isIdentifier(element.name)
            ? element.name.text
            : undefined;
        let member = key === undefined ? UNDEFINED : value.kind === 'unknown' ? value : this.member(value, key, element);
        if (member.kind === 'undefined' && element.initializer) member = this.evaluate(element.initializer, scope);
        this.bindName(element.name, member, vars, scope);
      }
      return;
    }
    name.elements.forEach((element, i) => {
      if (ts.isOmittedExpression(element)) return;
      const item = value.kind === 'array' ? (value.items[i]?.value ?? UNDEFINED) : value.kind === 'unknown' ? value : UNDEFINED;
      this.bindName(element.name, item, vars, scope);
    });
  }

  private callDrizzle(name: string, dialect: Dialect | 'common', node: TS.CallExpression, scope: Scope): Value {
    const d: Dialect = dialect === 'common' ? 'postgresql' : dialect;
    if (name === 'sql') return unknown(node, 'sql called as a function');
    if (name in TABLE_FUNCTIONS) return this.createTable(node, scope, TABLE_FUNCTIONS[name]!, undefined, undefined);
    if (name in TABLE_CREATORS) {
      const transform = node.arguments[0] ? this.evaluate(node.arguments[0], scope) : undefined;
      return { kind: 'tableFactory', dialect: TABLE_CREATORS[name]!, ...(transform ? { transform } : {}) };
    }
    if (name in SCHEMA_FUNCTIONS) {
      const schemaName = asString(node.arguments[0] && this.evaluate(node.arguments[0], scope));
      return schemaName === undefined ? unknown(node, 'a schema whose name is known only at run time') : { kind: 'dbSchema', name: schemaName, dialect: SCHEMA_FUNCTIONS[name]! };
    }
    if (name === 'pgEnum' || name === 'gelEnum') return this.createEnum(node, scope, 'postgresql', undefined);
    if (name === 'customType') return this.createCustomType(node, scope);
    if (CONSTRAINT_FUNCTIONS.has(name)) return this.createConstraint(name, node, scope);
    if (IGNORED_FUNCTIONS.has(name)) return { kind: 'ignored', what: name };
    if (name === 'mysqlEnum' || name === 'singlestoreEnum') return this.createColumn('mysqlEnum', 'mysql', node, scope);
    if (isColumnBuilder(d, name)) return this.createColumn(name, d, node, scope);
    return { kind: 'ignored', what: name };
  }

  private createTable(node: TS.CallExpression, scope: Scope, dialect: Dialect, schema: string | undefined, transform: Value | undefined): Value {
    const [nameArg, columnsArg, extraArg] = node.arguments;
    if (!nameArg || !columnsArg) return unknown(node, 'a table call without a name and columns');
    const decl: TableDecl = {
      id: this.nextTableId++,
      file: scope.file,
      node,
      scope,
      dialect,
      ...(schema !== undefined ? { schema } : {}),
      name: this.evaluate(nameArg, scope),
      ...(transform ? { transform } : {}),
      columns: this.evaluate(columnsArg, scope),
      ...(extraArg ? { extra: this.evaluate(extraArg, scope) } : {}),
    };
    this.host.onTable(decl);
    return { kind: 'table', decl };
  }

  private createEnum(node: TS.CallExpression, scope: Scope, dialect: Dialect, schema: string | undefined): Value {
    const [nameArg, valuesArg] = node.arguments;
    const decl: EnumDecl = {
      file: scope.file,
      node,
      dialect,
      ...(schema !== undefined ? { schema } : {}),
      name: nameArg ? this.evaluate(nameArg, scope) : UNDEFINED,
      values: valuesArg ? this.enumValues(this.evaluate(valuesArg, scope)) : UNDEFINED,
    };
    this.host.onEnum(decl);
    return { kind: 'enum', decl };
  }

  /** pgEnum accepts an array of strings or (newer Drizzle) an object such as a TS string enum. */
  private enumValues(values: Value): Value {
    if (values.kind === 'object') return { kind: 'array', items: values.props.map((p) => ({ value: p.value, node: p.node })) };
    return values;
  }

  private createCustomType(node: TS.CallExpression, scope: Scope): Value {
    const ts = this.ts;
    const config = node.arguments[0];
    const name = this.bindingNameOf(node) ?? 'customType';
    const writeCalls: string[] = [];
    const readCalls: string[] = [];
    let dataTypeFn: (Value & { kind: 'function' }) | undefined;
    let literalKey: CustomTypeDecl['literalKey'];
    if (config && ts.isObjectLiteralExpression(config)) {
      for (const property of config.properties) {
        const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        const body = ts.isMethodDeclaration(property)
          ? property.body
          : ts.isPropertyAssignment(property) && (ts.isArrowFunction(property.initializer) || ts.isFunctionExpression(property.initializer))
            ? property.initializer.body
            : undefined;
        if (!key || !body) continue;
        if (key === 'dataType') {
          const fn = ts.isMethodDeclaration(property) ? property : (property as TS.PropertyAssignment).initializer;
          dataTypeFn = { kind: 'function', node: fn as FunctionNode, scope };
        }
        // NOTE: collect the calls of both paths; keep the first literal key found (the write path).
        const found = key === 'toDriver' ? this.collectCalls(body, writeCalls) : key === 'fromDriver' ? this.collectCalls(body, readCalls) : undefined;
        literalKey ??= found;
      }
    }
    const info: CustomTypeDecl = { file: scope.file, node, name, ...(dataTypeFn ? { dataTypeFn } : {}), writeCalls, readCalls, ...(literalKey ? { literalKey } : {}) };
    const dataType = this.customDataType(info, undefined);
    return { kind: 'customType', info: dataType === undefined ? info : { ...info, dataType } };
  }

  /** The SQL type a custom type's `dataType(config)` returns for one column's config. */
  customDataType(info: CustomTypeDecl, config: Value | undefined): string | undefined {
    if (!info.dataTypeFn) return undefined;
    const result = this.invoke(info.dataTypeFn, [config ?? UNDEFINED], info.node);
    return result.kind === 'string' ? result.value : undefined;
  }

  /** Name of the variable a call is assigned to: `const encryptedText = customType(...)`. */
  private bindingNameOf(node: TS.Node): string | undefined {
    const ts = this.ts;
    let current: TS.Node | undefined = node.parent;
    while (current && !ts.isVariableDeclaration(current) && !ts.isSourceFile(current)) current = current.parent;
    return current && ts.isVariableDeclaration(current) && ts.isIdentifier(current.name) ? current.name.text : undefined;
  }

  /** Records names of functions called in a body; returns a string literal passed as a key, if any. */
  private collectCalls(body: TS.Node, into: string[]): CustomTypeDecl['literalKey'] {
    const ts = this.ts;
    let literalKey: CustomTypeDecl['literalKey'];
    const visit = (n: TS.Node): void => {
      if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        const callee = n.expression;
        const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (calleeName) into.push(calleeName);
        // NOTE: a literal string beside the value in an encrypt/decrypt call is a hard-coded key.
        if (calleeName && /crypt|cipher|seal|kms/i.test(calleeName)) {
          for (const arg of n.arguments ?? []) {
            if ((ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && arg.text.length >= 8) literalKey = { value: arg.text, node: arg };
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(body);
    return literalKey;
  }

  private createConstraint(name: string, node: TS.CallExpression, scope: Scope): Value {
    const args = node.arguments.map((a) => this.evaluate(a, scope));
    const file = scope.file;
    switch (name) {
      case 'index':
      case 'uniqueIndex': {
        const indexName = asString(args[0]);
        return { kind: 'constraint', state: { type: 'index', file, node, unique: name === 'uniqueIndex', ...(indexName ? { name: indexName } : {}), columns: [] } };
      }
      case 'primaryKey': {
        const first = args[0];
        if (first?.kind === 'object') {
          const columns = prop(first, 'columns');
          const pkName = asString(prop(first, 'name'));
          return { kind: 'constraint', state: { type: 'primaryKey', file, node, ...(pkName ? { name: pkName } : {}), columns: columns?.kind === 'array' ? columns.items.map((i) => i.value) : [] } };
        }
        // NOTE: the deprecated positional form primaryKey(t.a, t.b).
        return { kind: 'constraint', state: { type: 'primaryKey', file, node, columns: args } };
      }
      case 'foreignKey': {
        const config = args[0];
        const columns = prop(config, 'columns');
        const foreignColumns = prop(config, 'foreignColumns');
        const fkName = asString(prop(config, 'name'));
        return {
          kind: 'constraint',
          state: {
            type: 'foreignKey',
            file,
            node,
            ...(fkName ? { name: fkName } : {}),
            columns: columns?.kind === 'array' ? columns.items.map((i) => i.value) : [],
            foreignColumns: foreignColumns?.kind === 'array' ? foreignColumns.items.map((i) => i.value) : [],
          },
        };
      }
      case 'unique': {
        const uniqueName = asString(args[0]);
        return { kind: 'constraint', state: { type: 'unique', file, node, ...(uniqueName ? { name: uniqueName } : {}), columns: [], nullsNotDistinct: false } };
      }
      default: {
        const checkName = asString(args[0]);
        const expression = args[1]?.kind === 'sql' ? args[1].text : node.arguments[1]?.getText() ?? '';
        return { kind: 'constraint', state: { type: 'check', file, node, ...(checkName ? { name: checkName } : {}), expression } };
      }
    }
  }

  private createColumn(builder: string, dialect: Dialect, node: TS.CallExpression, scope: Scope, extra: Partial<ColumnState> = {}): Value {
    const args = node.arguments.map((a) => this.evaluate(a, scope));
    let nameArg: string | undefined;
    let config: Value | undefined;
    if (args[0]?.kind === 'string') {
      nameArg = args[0].value;
      config = args[1];
    } else {
      config = args[0];
    }
    if (builder === 'mysqlEnum') config = undefined;
    const state: ColumnState = {
      file: scope.file,
      dialect,
      builder,
      // NOTE: Drizzle treats an empty name like no name: the property key (after casing) is used.
      ...(nameArg ? { nameArg } : {}),
      ...(config && config.kind !== 'undefined' ? { config } : {}),
      baseNode: node,
      notNull: false,
      arrayDimensions: 0,
      references: [],
      ...(SERIAL_BUILDERS.has(builder) && dialect === 'postgresql' ? { default: { kind: 'sql' as const, text: 'nextval' } } : {}),
      ...extra,
    };
    return { kind: 'column', state };
  }

  private columnFromEnum(decl: EnumDecl, node: TS.CallExpression, scope: Scope): Value {
    return this.createColumn('enum', decl.dialect, node, scope, { enumDecl: decl });
  }

  private columnFromCustomType(info: CustomTypeDecl, node: TS.CallExpression, scope: Scope): Value {
    return this.createColumn('custom', 'postgresql', node, scope, { custom: info });
  }

  private callMethod(target: Value, name: string, node: TS.CallExpression, scope: Scope): Value {
    switch (target.kind) {
      case 'dbSchema':
        if (name === 'table') return this.createTable(node, scope, target.dialect, target.name, undefined);
        if (name === 'enum') return this.createEnum(node, scope, target.dialect, target.name);
        return { kind: 'ignored', what: `schema.${name}` };
      case 'table':
        return target; // enableRLS()
      case 'drizzle':
        if (target.name === 'sql') return { kind: 'sql', text: this.sqlRawText(node, scope) };
        if (name === 'withRLS' && target.name in TABLE_FUNCTIONS) return this.createTable(node, scope, TABLE_FUNCTIONS[target.name]!, undefined, undefined);
        return { kind: 'ignored', what: `${target.name}.${name}` };
      case 'column':
        return this.columnMethod(target.state, name, node, scope);
      case 'constraint':
        return this.constraintMethod(target.state, name, node, scope);
      case 'columnRef':
        // NOTE: .asc(), .desc(), .nullsFirst(), .op('...') in index definitions keep the column.
        return target;
      case 'tableFactory':
        return unknown(node, `${name} on a table factory`);
      default:
        return unknown(node, `cannot call ${name}`);
    }
  }

  private sqlRawText(node: TS.CallExpression, scope: Scope): string {
    const first = node.arguments[0];
    const value = first ? this.evaluate(first, scope) : UNDEFINED;
    return value.kind === 'string' ? value.value : (first?.getText() ?? '');
  }

  private columnMethod(state: ColumnState, name: string, node: TS.CallExpression, scope: Scope): Value {
    const args = () => node.arguments.map((a) => this.evaluate(a, scope));
    const next = (changes: Partial<ColumnState>): Value => ({ kind: 'column', state: { ...state, ...changes } });
    const methodNode = (this.ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node) as TS.Node;
    switch (name) {
      case 'notNull':
        return next({ notNull: true });
      case 'primaryKey': {
        const config = args()[0];
        return next({ primaryKey: { node: methodNode, ...(config ? { config } : {}) }, notNull: true });
      }
      case 'unique': {
        const [uniqueName, config] = args();
        const nulls = asString(prop(config, 'nulls'));
        return next({ unique: { node: methodNode, ...(asString(uniqueName) ? { name: asString(uniqueName)! } : {}), nullsNotDistinct: nulls === 'not distinct' } });
      }
      case 'default': {
        const value = args()[0];
        if (!value) return next({});
        if (value.kind === 'sql') return next({ default: { kind: 'sql', text: value.text } });
        if (value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean') return next({ default: { kind: 'literal', text: JSON.stringify(value.value), value: value.value } });
        if (value.kind === 'null') return next({ default: { kind: 'literal', text: 'null', value: null } });
        return next({ default: { kind: 'literal', text: node.arguments[0]!.getText() } });
      }
      case 'defaultNow':
        return next({ default: { kind: 'sql', text: 'now()' } });
      case 'defaultRandom':
        return next({ default: { kind: 'sql', text: 'gen_random_uuid()' } });
      case '$default':
      case '$defaultFn':
        return next({ default: { kind: 'application', text: node.arguments[0]?.getText() ?? '' } });
      case 'references': {
        const [thunkNode, actionsNode] = node.arguments;
        if (!thunkNode) return next({});
        const reference = {
          thunk: this.evaluate(thunkNode, scope),
          ...(actionsNode ? { actions: this.evaluate(actionsNode, scope) } : {}),
          node,
          file: scope.file,
        };
        return next({ references: [...state.references, reference] });
      }
      case 'array':
        return next({ arrayDimensions: state.arrayDimensions + 1 });
      case '$type': {
        const typeArg = node.typeArguments?.[0];
        return typeArg ? next({ declaredType: typeArg.getText() }) : next({});
      }
      case 'generatedAlwaysAs': {
        const value = args()[0];
        const text = value?.kind === 'sql' ? value.text : value?.kind === 'string' ? value.value : (node.arguments[0]?.getText() ?? '');
        return next({ generated: text });
      }
      case 'generatedAlwaysAsIdentity':
        return next({ identity: 'always', notNull: true });
      case 'generatedByDefaultAsIdentity':
        return next({ identity: 'by default', notNull: true });
      case 'autoincrement':
        return next({ autoIncrement: true });
      default:
        // NOTE: $onUpdate, $onUpdateFn, $comment, onUpdateNow and other runtime-only modifiers
        // do not change the table the database sees.
        return next({});
    }
  }

  private constraintMethod(state: ConstraintState, name: string, node: TS.CallExpression, scope: Scope): Value {
    const args = () => node.arguments.map((a) => this.evaluate(a, scope));
    const next = (changes: Partial<ConstraintState>): Value => ({ kind: 'constraint', state: { ...state, ...changes, node } as ConstraintState });
    switch (state.type) {
      case 'index':
        if (name === 'on' || name === 'onOnly') return next({ columns: args(), columnTexts: node.arguments.map((a) => a.getText()) });
        if (name === 'using') {
          const [method, ...columns] = args();
          return next({ columns, columnTexts: node.arguments.slice(1).map((a) => a.getText()), ...(asString(method) ? { method: asString(method)! } : {}) });
        }
        if (name === 'where') {
          const value = args()[0];
          return next({ where: value?.kind === 'sql' ? value.text : (node.arguments[0]?.getText() ?? '') });
        }
        return next({});
      case 'unique':
        if (name === 'on') return next({ columns: args() });
        if (name === 'nullsNotDistinct') return next({ nullsNotDistinct: true });
        return next({});
      case 'foreignKey':
        if (name === 'onDelete') return next({ onDelete: args()[0] ?? UNDEFINED });
        if (name === 'onUpdate') return next({ onUpdate: args()[0] ?? UNDEFINED });
        return next({});
      default:
        return next({});
    }
  }
}

/** JavaScript truthiness of a value, or undefined when it is known only at run time. */
function truthiness(value: Value): boolean | undefined {
  switch (value.kind) {
    case 'boolean':
      return value.value;
    case 'string':
      return value.value !== '';
    case 'number':
      return value.value !== 0 && !Number.isNaN(value.value);
    case 'null':
    case 'undefined':
      return false;
    case 'unknown':
    case 'method':
      return undefined;
    default:
      return true;
  }
}

/** `typeof` of a value, or undefined when it is known only at run time. */
function typeOfValue(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return value.kind;
    case 'null':
    case 'array':
    case 'object':
      return 'object';
    case 'function':
      return 'function';
    default:
      return undefined;
  }
}
