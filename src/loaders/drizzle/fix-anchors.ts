import type { ColumnFixAnchor, Dialect, DrizzleTableAnchor, ForeignKeyFixAnchor, ListAnchor, SourceStyle, TableFixAnchor, ValueSlot } from '../../model/schema-model.js';
import { detectEol, detectIndentUnit, indentBefore } from '../../fix/source-text.js';
import type { TS } from '../typescript.js';
import { dialectOfModule } from './builders.js';
import type { ModuleInfo } from './evaluator.js';
import type { ColumnState, ObjectProp, TableDecl } from './values.js';

/**
 * Fix anchors for Drizzle declarations: where rules may insert or replace text. Every anchor is
 * left out unless the code it points at belongs to this one table, written in its own declaration:
 * an edit inside a helper function or a shared spread object would change other tables too.
 */
export class DrizzleFixAnchors {
  private readonly styles = new Map<string, SourceStyle>();
  /** Per file and dialect: every table of a file shares its imports (and a large file has thousands). */
  private readonly scopes = new Map<string, Pick<DrizzleTableAnchor, 'builders' | 'coreImport' | 'jsonImport'>>();

  constructor(
    private readonly ts: typeof TS,
    private readonly moduleOf: (file: string) => ModuleInfo | undefined,
  ) {}

  table(decl: TableDecl): TableFixAnchor | undefined {
    if (!this.ownsDeclaration(decl)) return undefined;
    const call = decl.node;
    const sf = call.getSourceFile();
    const columnsArg = call.arguments[1];
    const module = this.moduleOf(sf.fileName);
    if (!columnsArg || !module) return undefined;
    const extraArg = call.arguments[2];
    const key = `${sf.fileName}\0${decl.dialect}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      const core = this.coreImport(sf, decl.dialect);
      scope = { builders: this.builders(module, decl.dialect), ...(core ? { coreImport: core.list } : {}), ...(core?.json ? { jsonImport: core.json } : {}) };
      this.scopes.set(key, scope);
    }
    const drizzle: DrizzleTableAnchor = {
      args: this.callArgs(call),
      ...(extraArg ? { extraConfig: this.extraConfig(extraArg) } : {}),
      ...scope,
    };
    return { style: this.style(sf), drizzle };
  }

  column(property: ObjectProp, state: ColumnState, decl: TableDecl): ColumnFixAnchor | undefined {
    const ts = this.ts;
    const node = property.node;
    if (property.viaSpread || !this.ownsDeclaration(decl) || !within(node, decl.node)) return undefined;
    const sf = node.getSourceFile();
    const start = node.getStart(sf);
    const indent = indentBefore(sf.text, start);
    const doc = lastJsDoc(ts, node);
    const base = state.baseNode;
    let builder: ColumnFixAnchor['builder'];
    if (ts.isCallExpression(base) && within(base, node)) {
      const callee = base.expression;
      const module = this.moduleOf(sf.fileName);
      if (ts.isIdentifier(callee)) {
        const imported = module?.imports.get(callee.text);
        const dialect = imported ? dialectOfModule(imported.specifier) : undefined;
        builder = { callee: { start: callee.getStart(sf), end: callee.end }, name: callee.text, via: dialect !== undefined && dialect !== 'common' && imported!.imported !== '*' ? 'named' : 'other', end: base.end };
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        const owner = callee.expression.text;
        const imported = module?.imports.get(owner);
        const namespace = imported?.imported === '*' && dialectOfModule(imported.specifier) !== undefined;
        const param = this.columnsParam(decl);
        builder = { callee: { start: callee.name.getStart(sf), end: callee.name.end }, name: callee.name.text, via: namespace || param === owner ? 'member' : 'other', end: base.end };
      } else {
        builder = { callee: { start: callee.getStart(sf), end: callee.end }, name: callee.getText(sf), via: 'other', end: base.end };
      }
    }
    return {
      style: this.style(sf),
      start,
      ...(indent !== undefined ? { indent } : {}),
      ...(doc ? { docComment: doc } : {}),
      ...(builder ? { builder } : {}),
    };
  }

  /** `.references(() => users.id, { ... })` written on a column of this table. */
  references(call: TS.CallExpression, decl: TableDecl): ForeignKeyFixAnchor | undefined {
    const ts = this.ts;
    if (!this.ownsDeclaration(decl) || !within(call, decl.node)) return undefined;
    const sf = call.getSourceFile();
    const base = { style: this.style(sf), syntax: 'references' as const, args: this.callArgs(call) };
    const second = call.arguments[1];
    if (!second) return base;
    const plain =
      ts.isObjectLiteralExpression(second) &&
      second.properties.every((p) => (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) || ts.isShorthandPropertyAssignment(p));
    if (!plain) return { ...base, optionsOpaque: true };
    const object = second as TS.ObjectLiteralExpression;
    const slot = (key: string): ValueSlot | undefined => {
      const property = [...object.properties].reverse().find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key);
      if (!property) return undefined;
      if (ts.isPropertyAssignment(property)) return { start: property.initializer.getStart(sf), end: property.initializer.end, empty: isUndefinedLiteral(ts, property.initializer) };
      return { start: property.getStart(sf), end: property.end, empty: false };
    };
    const onDeleteSlot = slot('onDelete');
    const onUpdateSlot = slot('onUpdate');
    return {
      ...base,
      options: this.list(sf, object.getStart(sf) + 1, object.end - 1, object.properties),
      ...(onDeleteSlot ? { onDeleteSlot } : {}),
      ...(onUpdateSlot ? { onUpdateSlot } : {}),
    };
  }

  /** `foreignKey({ ... }).onUpdate(...)` in this table's extra configuration; `node` is the outermost call. */
  foreignKeyChain(node: TS.Node, decl: TableDecl): ForeignKeyFixAnchor | undefined {
    const ts = this.ts;
    if (!this.ownsDeclaration(decl) || !within(node, decl.node)) return undefined;
    const sf = node.getSourceFile();
    const slots: { onDeleteSlot?: ValueSlot; onUpdateSlot?: ValueSlot } = {};
    let current: TS.Node = node;
    while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      const name = current.expression.name.text;
      if (name === 'onDelete' || name === 'onUpdate') {
        const arg = current.arguments[0];
        const slot: ValueSlot = arg ? { start: arg.getStart(sf), end: arg.end, empty: isUndefinedLiteral(ts, arg) } : { start: current.arguments.pos, end: current.arguments.pos, empty: true };
        // NOTE: the outermost call wins when a chain sets an action twice; record that one.
        if (name === 'onDelete') slots.onDeleteSlot ??= slot;
        else slots.onUpdateSlot ??= slot;
      }
      current = current.expression.expression;
    }
    return { style: this.style(sf), syntax: 'foreignKey', chainEnd: node.end, ...slots };
  }

  style(sf: TS.SourceFile): SourceStyle {
    let style = this.styles.get(sf.fileName);
    if (!style) {
      style = { file: sf.fileName, eol: detectEol(sf.text), quote: this.quoteOf(sf), indentUnit: detectIndentUnit(sf.text) };
      this.styles.set(sf.fileName, style);
    }
    return style;
  }

  /**
   * NOTE: the table is declared at its binding (`export const posts = pgTable(...)`), not inside a
   * helper that builds several tables; only then is its code its own to edit.
   */
  private ownsDeclaration(decl: TableDecl): boolean {
    const declaration = decl.declarationNode;
    return !!declaration && within(decl.node, declaration);
  }

  private columnsParam(decl: TableDecl): string | undefined {
    const columns = decl.node.arguments[1];
    const ts = this.ts;
    if (!columns || !(ts.isArrowFunction(columns) || ts.isFunctionExpression(columns))) return undefined;
    const param = columns.parameters[0];
    return param && ts.isIdentifier(param.name) ? param.name.text : undefined;
  }

  private callArgs(call: TS.CallExpression): ListAnchor {
    return this.list(call.getSourceFile(), call.arguments.pos, call.end - 1, call.arguments);
  }

  private list(sf: TS.SourceFile, open: number, close: number, items: readonly TS.Node[]): ListAnchor {
    const last = items[items.length - 1];
    if (!last) return { open, close };
    const indent = indentBefore(sf.text, last.getStart(sf));
    return { open, close, lastItemEnd: last.end, ...(indent !== undefined ? { itemIndent: indent } : {}) };
  }

  private extraConfig(arg: TS.Expression): DrizzleTableAnchor['extraConfig'] {
    const ts = this.ts;
    if (!ts.isArrowFunction(arg) && !ts.isFunctionExpression(arg)) return 'opaque';
    const param = arg.parameters[0];
    if (!param || !ts.isIdentifier(param.name)) return 'opaque';
    let body: TS.Node | undefined = arg.body;
    if (ts.isBlock(body)) {
      const returns = body.statements.filter((s) => ts.isReturnStatement(s));
      // NOTE: only a body that ends in its single return: other paths could return another list.
      if (returns.length !== 1 || body.statements[body.statements.length - 1] !== returns[0]) return 'opaque';
      body = (returns[0] as TS.ReturnStatement).expression;
    }
    while (body && ts.isParenthesizedExpression(body)) body = body.expression;
    if (!body) return 'opaque';
    const sf = arg.getSourceFile();
    if (ts.isArrayLiteralExpression(body)) {
      return { form: 'array', list: this.list(sf, body.getStart(sf) + 1, body.end - 1, body.elements), param: param.name.text, keys: [] };
    }
    if (ts.isObjectLiteralExpression(body)) {
      const keys: string[] = [];
      for (const p of body.properties) {
        // NOTE: a spread may hold any key; a new property could silently replace one of its indexes.
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return 'opaque';
        keys.push(p.name.text);
      }
      return { form: 'object', list: this.list(sf, body.getStart(sf) + 1, body.end - 1, body.properties), param: param.name.text, keys };
    }
    return 'opaque';
  }

  /** How the file names the builders fixes add: a named import or a namespace member; null when the name is taken. */
  private builders(module: ModuleInfo, dialect: Dialect): DrizzleTableAnchor['builders'] {
    const named = new Map<string, string>();
    let namespace: string | undefined;
    for (const [local, imported] of module.imports) {
      if (dialectOfModule(imported.specifier) !== dialect || imported.specifier === 'drizzle-orm') continue;
      if (imported.imported === '*') namespace ??= local;
      else if (!named.has(imported.imported)) named.set(imported.imported, local);
    }
    const out: { -readonly [K in 'index' | 'jsonb']?: string | null } = {};
    for (const name of ['index', 'jsonb'] as const) {
      const ref = named.get(name) ?? (namespace ? `${namespace}.${name}` : undefined);
      if (ref !== undefined) out[name] = ref;
      else if (module.declarations.has(name) || module.imports.has(name)) out[name] = null;
    }
    return out;
  }

  private coreImport(sf: TS.SourceFile, dialect: Dialect): { list: ListAnchor; json?: DrizzleTableAnchor['jsonImport'] } | undefined {
    const ts = this.ts;
    for (const statement of sf.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      if (specifier === 'drizzle-orm' || dialectOfModule(specifier) !== dialect) continue;
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (!clause || clause.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
      const elements = bindings.elements;
      const index = elements.findIndex((e) => !e.isTypeOnly && (e.propertyName ?? e.name).text === 'json');
      const element = elements[index];
      let json: DrizzleTableAnchor['jsonImport'];
      if (element) {
        const local = element.name.text;
        const next = elements[index + 1];
        const previous = elements[index - 1];
        const start = element.getStart(sf);
        const removal = next ? { start, end: next.getStart(sf) } : previous ? { start: previous.end, end: element.end } : { start, end: element.end };
        const mentions = sf.text.match(new RegExp(`(?<![\\w$])${local.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
        json = { local, element: { start, end: element.end }, removal, uses: Math.max(0, mentions - 1) };
      }
      return { list: this.list(sf, bindings.getStart(sf) + 1, bindings.end - 1, elements), ...(json ? { json } : {}) };
    }
    return undefined;
  }

  private quoteOf(sf: TS.SourceFile): "'" | '"' {
    const ts = this.ts;
    let first: TS.StringLiteral | undefined;
    for (const statement of sf.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      first ??= statement.moduleSpecifier;
      if (dialectOfModule(statement.moduleSpecifier.text) !== undefined) {
        first = statement.moduleSpecifier;
        break;
      }
    }
    return first && sf.text[first.getStart(sf)] === '"' ? '"' : "'";
  }
}

function within(node: TS.Node, container: TS.Node): boolean {
  return node.getSourceFile() === container.getSourceFile() && node.pos >= container.pos && node.end <= container.end;
}

function isUndefinedLiteral(ts: typeof TS, node: TS.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'undefined';
  return ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression);
}

/** The last `/** ... *\/` block between the previous token and the node (same rule as readDocTags). */
function lastJsDoc(ts: typeof TS, node: TS.Node): ColumnFixAnchor['docComment'] {
  const sf = node.getSourceFile();
  const text = sf.text;
  const start = node.getStart(sf);
  const ranges = [...(ts.getTrailingCommentRanges(text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(text, node.pos) ?? [])]
    .filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia && r.end <= start && text.startsWith('/**', r.pos) && !text.startsWith('/**/', r.pos))
    .sort((a, b) => a.pos - b.pos);
  const last = ranges.at(-1);
  if (!last) return undefined;
  const close = last.end - 2;
  let closeStart = close;
  while (closeStart > last.pos + 3 && (text[closeStart - 1] === ' ' || text[closeStart - 1] === '\t')) closeStart--;
  const closeIndent = indentBefore(text, close);
  return { start: last.pos, end: last.end, closeStart, ...(closeIndent !== undefined ? { closeIndent } : {}) };
}
