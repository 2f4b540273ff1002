import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type { Position, Span } from '../../model/span.js';

/**
 * A small Python syntax tree built from the @lezer/python concrete tree, holding only what
 * the SQLAlchemy loader reads. Offsets are JavaScript string indices, i.e. UTF-16 code units,
 * so spans need no byte or code-point conversion.
 */

export interface Range {
  readonly from: number;
  readonly to: number;
}

export type PyExpr =
  | (Range & { readonly kind: 'name'; readonly id: string })
  | (Range & { readonly kind: 'attr'; readonly object: PyExpr; readonly name: string })
  | (Range & { readonly kind: 'subscript'; readonly object: PyExpr; readonly items: readonly PyExpr[] })
  | (Range & { readonly kind: 'call'; readonly callee: PyExpr; readonly args: readonly PyArg[] })
  | (Range & { readonly kind: 'string'; readonly value: string; readonly formatted: boolean; readonly bytes: boolean })
  | (Range & { readonly kind: 'number'; readonly value: number })
  | (Range & { readonly kind: 'bool'; readonly value: boolean })
  | (Range & { readonly kind: 'none' })
  | (Range & { readonly kind: 'ellipsis' })
  | (Range & { readonly kind: 'tuple' | 'list' | 'set'; readonly items: readonly PyExpr[] })
  | (Range & { readonly kind: 'dict'; readonly entries: readonly PyDictEntry[] })
  | (Range & { readonly kind: 'binary'; readonly op: string; readonly left: PyExpr; readonly right: PyExpr })
  | (Range & { readonly kind: 'unary'; readonly op: string; readonly operand: PyExpr })
  | (Range & { readonly kind: 'starred'; readonly double: boolean; readonly value: PyExpr })
  /** Anything else (lambda, comprehension, conditional...): kept as source text. */
  | (Range & { readonly kind: 'other'; readonly node: string });

export interface PyArg extends Range {
  /** Keyword name for `k=v`; undefined for positional arguments. */
  readonly name?: string;
  readonly star?: '*' | '**';
  readonly value: PyExpr;
}

export interface PyDictEntry extends Range {
  /** undefined for `**spread`. */
  readonly key?: PyExpr;
  readonly value: PyExpr;
}

export interface PyImportName extends Range {
  readonly name: string;
  readonly asName?: string;
}

export type PyStmt =
  | (Range & { readonly kind: 'import'; readonly modules: readonly PyImportName[] })
  | (Range & { readonly kind: 'from'; readonly level: number; readonly module: string; readonly names: readonly PyImportName[]; readonly star: boolean })
  | (Range & { readonly kind: 'assign'; readonly targets: readonly PyExpr[]; readonly annotation?: PyExpr; readonly value?: PyExpr })
  | (Range & { readonly kind: 'class'; readonly name: string; readonly nameRange: Range; readonly decorators: readonly PyExpr[]; readonly bases: readonly PyArg[]; readonly body: readonly PyStmt[] })
  | (Range & { readonly kind: 'def'; readonly name: string; readonly nameRange: Range; readonly decorators: readonly PyExpr[]; readonly params: readonly string[]; readonly body: readonly PyStmt[] })
  | (Range & { readonly kind: 'return'; readonly value?: PyExpr })
  | (Range & { readonly kind: 'expr'; readonly value: PyExpr })
  /** if / try / with / for / while: nested statements, flattened (imports under `if TYPE_CHECKING:`). */
  | (Range & { readonly kind: 'block'; readonly body: readonly PyStmt[] })
  | (Range & { readonly kind: 'other' });

export interface PySyntaxError {
  readonly message: string;
  readonly range: Range;
}

export interface PyModuleAst {
  readonly text: string;
  readonly body: readonly PyStmt[];
  readonly errors: readonly PySyntaxError[];
  readonly lines: LineMap;
}

/** Parses Python source once; never throws (lezer recovers from every syntax error). */
export function parsePython(text: string): PyModuleAst {
  const tree = parser.parse(text);
  const converter = new Converter(text);
  const body = converter.statements(tree.topNode);
  const lines = new LineMap(text);
  return { text, body, errors: collectSyntaxErrors(tree.topNode, text, lines), lines };
}

/** Offset → 1-based line and UTF-16 column; Python ends lines at \n, \r\n and \r. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  span(file: string, range: Range): Span {
    return { file, start: this.position(range.from), end: this.position(Math.max(range.from, range.to)) };
  }
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const BRACKETED = new Set(['ArgList', 'ParamList', 'ParenthesizedExpression', 'TupleExpression', 'ArrayExpression', 'DictionaryExpression', 'SetExpression', 'MemberExpression']);

function collectSyntaxErrors(top: SyntaxNode, text: string, lines: LineMap): PySyntaxError[] {
  const errors: PySyntaxError[] = [];
  const seenLines = new Set<number>();
  let recoveredAt = -1;
  const cursor = top.cursor();
  do {
    if (!cursor.type.isError) continue;
    const node = cursor.node;
    // NOTE: after an unclosed bracket the parser resynchronises at the next statement; an
    // error right there is the same mistake (CPython reports it once).
    if (recoveredAt >= 0 && text.slice(recoveredAt, node.from).trim() === '') continue;
    if (inParenthesisedWith(node, text)) continue;
    const error = describeError(node, text);
    recoveredAt = error.message.endsWith('was never closed') ? node.to : -1;
    const line = lines.position(error.range.from).line;
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    errors.push(error);
  } while (cursor.next());
  return errors;
}

/**
 * NOTE: @lezer/python 1.1 does not know Python 3.10's parenthesised context managers
 * (`with (open(a) as f, open(b) as g):`); an error inside such a header is not a real one.
 */
function inParenthesisedWith(node: SyntaxNode, text: string): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.name !== 'WithStatement') continue;
    const header = /^with\s*\(([^:]|:(?!\s*(?:#.*)?$))*\)\s*:/m.exec(text.slice(parent.from, Math.min(parent.to, parent.from + 2000)));
    return header !== null && node.from < parent.from + header[0].length;
  }
  return false;
}

function describeError(node: SyntaxNode, text: string): PySyntaxError {
  // NOTE: like CPython, point an unclosed bracket at the bracket itself, not where recovery ended.
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (!BRACKETED.has(parent.name)) continue;
    const open = parent.name === 'MemberExpression' ? parent.getChild('[') : parent.firstChild;
    const opener = open ? text.slice(open.from, open.to) : '';
    const closer = CLOSERS[opener];
    if (closer && open && text.slice(parent.to - 1, parent.to) !== closer) {
      return { message: `'${opener}' was never closed`, range: { from: open.from, to: open.to } };
    }
    break;
  }
  const snippet = text.slice(node.from, node.to).split(/\r?\n|\r/)[0]!.trim();
  if (snippet) return { message: `invalid syntax near \`${snippet.length > 30 ? `${snippet.slice(0, 30)}…` : snippet}\``, range: { from: node.from, to: node.from + snippet.length } };
  if (node.from >= text.trimEnd().length) return { message: 'unexpected end of file', range: { from: node.from, to: node.from } };
  const next = /\S+/.exec(text.slice(node.from));
  const token = next ? next[0].slice(0, 30) : '';
  const at = next ? node.from + next.index : node.from;
  return { message: token ? `invalid syntax: unexpected \`${token}\`` : 'invalid syntax', range: { from: at, to: at + token.length } };
}

class Converter {
  constructor(private readonly text: string) {}

  private src(node: Range): string {
    return this.text.slice(node.from, node.to);
  }

  statements(parent: SyntaxNode): PyStmt[] {
    const out: PyStmt[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      // NOTE: `a = 1; b = 2` is one StatementGroup; its parts are ordinary statements.
      if (child.name === 'StatementGroup') {
        out.push(...this.statements(child));
        continue;
      }
      const statement = this.statement(child);
      if (statement) out.push(statement);
    }
    return out;
  }

  private statement(node: SyntaxNode): PyStmt | undefined {
    const range = { from: node.from, to: node.to };
    switch (node.name) {
      case 'ImportStatement':
        return this.importStatement(node);
      case 'AssignStatement':
        return this.assign(node);
      case 'ClassDefinition':
        return this.classDef(node, []);
      case 'FunctionDefinition':
        return this.functionDef(node, []);
      case 'DecoratedStatement': {
        const decorators: PyExpr[] = [];
        for (const decorator of node.getChildren('Decorator')) decorators.push(this.decorator(decorator));
        const inner = node.getChild('ClassDefinition') ?? node.getChild('FunctionDefinition');
        if (!inner) return { kind: 'other', ...range };
        return inner.name === 'ClassDefinition' ? this.classDef(inner, decorators, range) : this.functionDef(inner, decorators, range);
      }
      case 'ReturnStatement': {
        const value = this.firstExpression(node);
        return { kind: 'return', ...range, ...(value ? { value } : {}) };
      }
      case 'ExpressionStatement': {
        const value = this.firstExpression(node);
        return value ? { kind: 'expr', ...range, value } : { kind: 'other', ...range };
      }
      case 'IfStatement':
      case 'TryStatement':
      case 'WithStatement':
      case 'ForStatement':
      case 'WhileStatement':
        return { kind: 'block', ...range, body: node.getChildren('Body').flatMap((b) => this.statements(b)) };
      case 'Comment':
      case ':':
      case 'Body':
        return undefined;
      default:
        return node.type.isError ? undefined : { kind: 'other', ...range };
    }
  }

  private importStatement(node: SyntaxNode): PyStmt {
    const range = { from: node.from, to: node.to };
    const children: SyntaxNode[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    if (children[0]?.name === 'from') {
      let level = 0;
      let i = 1;
      const moduleParts: string[] = [];
      for (; i < children.length && children[i]!.name !== 'import'; i++) {
        const c = children[i]!;
        if (c.name === '.') {
          if (moduleParts.length === 0) level++;
        } else if (c.name === 'Ellipsis') level += 3;
        else if (c.name === 'VariableName') moduleParts.push(this.src(c));
      }
      const names: PyImportName[] = [];
      let star = false;
      for (i++; i < children.length; i++) {
        const c = children[i]!;
        if (c.name === '*') star = true;
        if (c.name !== 'VariableName') continue;
        const next = children[i + 1];
        if (next?.name === 'as' && children[i + 2]?.name === 'VariableName') {
          names.push({ name: this.src(c), asName: this.src(children[i + 2]!), from: c.from, to: children[i + 2]!.to });
          i += 2;
        } else names.push({ name: this.src(c), from: c.from, to: c.to });
      }
      return { kind: 'from', ...range, level, module: moduleParts.join('.'), names, star };
    }
    const modules: PyImportName[] = [];
    let current: { parts: string[]; from: number; to: number; asName?: string } | undefined;
    for (let i = 1; i < children.length; i++) {
      const c = children[i]!;
      if (c.name === 'VariableName') {
        if (children[i - 1]?.name === 'as' && current) current.asName = this.src(c);
        else if (children[i - 1]?.name === '.' && current) current.parts.push(this.src(c));
        else {
          if (current) modules.push(toImport(current));
          current = { parts: [this.src(c)], from: c.from, to: c.to };
        }
        if (current) current.to = c.to;
      }
    }
    if (current) modules.push(toImport(current));
    return { kind: 'import', ...range, modules };
  }

  private assign(node: SyntaxNode): PyStmt {
    const range = { from: node.from, to: node.to };
    const parts: PyExpr[] = [];
    let annotation: PyExpr | undefined;
    let isAugmented = false;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'TypeDef') {
        const inner = this.firstExpression(c);
        if (inner) annotation = inner;
      } else if (c.name === 'AssignOp' || c.name === ',' || c.name === 'Comment') {
        continue;
      } else if (c.name === 'UpdateOp') {
        isAugmented = true;
      } else {
        const expr = this.expression(c);
        if (expr) parts.push(expr);
      }
    }
    if (isAugmented) return { kind: 'other', ...range };
    // NOTE: `a, b = x, y` arrives as separate expressions around one `=`; keep the simple forms only.
    const equals = node.getChildren('AssignOp').length;
    if (equals === 0) return { kind: 'assign', ...range, targets: parts, ...(annotation ? { annotation } : {}) };
    if (parts.length !== equals + 1) return { kind: 'other', ...range };
    const value = parts[parts.length - 1]!;
    return { kind: 'assign', ...range, targets: parts.slice(0, -1), ...(annotation ? { annotation } : {}), value };
  }

  private classDef(node: SyntaxNode, decorators: PyExpr[], outer?: Range): PyStmt {
    const nameNode = node.getChild('VariableName');
    const argList = node.getChild('ArgList');
    const body = node.getChild('Body');
    return {
      kind: 'class',
      from: outer?.from ?? node.from,
      to: node.to,
      name: nameNode ? this.src(nameNode) : '',
      nameRange: nameNode ? { from: nameNode.from, to: nameNode.to } : { from: node.from, to: node.from },
      decorators,
      bases: argList ? this.args(argList) : [],
      body: body ? this.statements(body) : [],
    };
  }

  private functionDef(node: SyntaxNode, decorators: PyExpr[], outer?: Range): PyStmt {
    const nameNode = node.getChild('VariableName');
    const paramList = node.getChild('ParamList');
    const body = node.getChild('Body');
    const params: string[] = [];
    if (paramList) {
      for (let c = paramList.firstChild; c; c = c.nextSibling) {
        if (c.name === 'VariableName' && c.prevSibling?.name !== 'AssignOp') params.push(this.src(c));
      }
    }
    return {
      kind: 'def',
      from: outer?.from ?? node.from,
      to: node.to,
      name: nameNode ? this.src(nameNode) : '',
      nameRange: nameNode ? { from: nameNode.from, to: nameNode.to } : { from: node.from, to: node.from },
      decorators,
      params,
      body: body ? this.statements(body) : [],
    };
  }

  /** Decorators arrive flat (`@ a . b ArgList`); rebuild `a.b(...)`. */
  private decorator(node: SyntaxNode): PyExpr {
    let expr: PyExpr | undefined;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'VariableName' || c.name === 'PropertyName') {
        const name = this.src(c);
        expr = expr ? { kind: 'attr', object: expr, name, from: expr.from, to: c.to } : { kind: 'name', id: name, from: c.from, to: c.to };
      } else if (c.name === 'ArgList' && expr) {
        expr = { kind: 'call', callee: expr, args: this.args(c), from: expr.from, to: c.to };
      } else if (c.name !== 'At' && c.name !== '.' && !expr) {
        expr = this.expression(c);
      }
    }
    return expr ?? { kind: 'other', node: 'Decorator', from: node.from, to: node.to };
  }

  private firstExpression(node: SyntaxNode): PyExpr | undefined {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const expr = this.expression(c);
      if (expr) return expr;
    }
    return undefined;
  }

  private args(node: SyntaxNode): PyArg[] {
    const out: PyArg[] = [];
    let pendingName: SyntaxNode | undefined;
    let star: '*' | '**' | undefined;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === '(' || c.name === ')' || c.name === ',' || c.name === 'Comment') continue;
      if (c.name === '*' || c.name === '**') {
        star = c.name;
        continue;
      }
      if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp') {
        pendingName = c;
        continue;
      }
      if (c.name === 'AssignOp') continue;
      const value = this.expression(c);
      if (!value) continue;
      if (pendingName) {
        out.push({ name: this.src(pendingName), value, from: pendingName.from, to: value.to });
        pendingName = undefined;
      } else {
        out.push({ value, ...(star ? { star } : {}), from: value.from, to: value.to });
      }
      star = undefined;
    }
    return out;
  }

  expression(node: SyntaxNode): PyExpr | undefined {
    const range = { from: node.from, to: node.to };
    switch (node.name) {
      case 'VariableName':
        return { kind: 'name', id: this.src(node), ...range };
      case 'MemberExpression': {
        const objectNode = node.firstChild;
        const object = objectNode ? this.expression(objectNode) : undefined;
        if (!object) return { kind: 'other', node: node.name, ...range };
        const property = node.getChild('PropertyName');
        if (property && !node.getChild('[')) return { kind: 'attr', object, name: this.src(property), ...range };
        const items: PyExpr[] = [];
        for (let c = objectNode!.nextSibling; c; c = c.nextSibling) {
          if (c.name === '[' || c.name === ']' || c.name === ',') continue;
          if (c.name === ':') return { kind: 'other', node: 'Slice', ...range };
          const item = this.expression(c);
          if (item) items.push(item);
        }
        return { kind: 'subscript', object, items, ...range };
      }
      case 'CallExpression': {
        const calleeNode = node.firstChild;
        const callee = calleeNode ? this.expression(calleeNode) : undefined;
        const argList = node.getChild('ArgList');
        if (!callee) return { kind: 'other', node: node.name, ...range };
        return { kind: 'call', callee, args: argList ? this.args(argList) : [], ...range };
      }
      case 'String':
        return this.stringLiteral(node);
      case 'FormatString':
        return { kind: 'string', value: this.src(node), formatted: true, bytes: false, ...range };
      case 'ContinuedString': {
        const parts = node.getChildren('String').map((s) => this.stringLiteral(s));
        const formatted = node.getChildren('FormatString').length > 0;
        return { kind: 'string', value: parts.map((p) => p.value).join(''), formatted, bytes: parts.some((p) => p.bytes), ...range };
      }
      case 'Number': {
        const text = this.src(node).replace(/_/g, '');
        const value = /^0[xob]/i.test(text) ? Number(text) : Number.parseFloat(text);
        return { kind: 'number', value, ...range };
      }
      case 'Boolean':
        return { kind: 'bool', value: this.src(node) === 'True', ...range };
      case 'None':
        return { kind: 'none', ...range };
      case 'Ellipsis':
        return { kind: 'ellipsis', ...range };
      case 'ParenthesizedExpression': {
        const inner = this.firstExpression(node);
        return inner ?? { kind: 'tuple', items: [], ...range };
      }
      case 'TupleExpression':
      case 'ArrayExpression':
      case 'SetExpression': {
        const items: PyExpr[] = [];
        let star = false;
        for (let c = node.firstChild; c; c = c.nextSibling) {
          if (c.name === '*') {
            star = true;
            continue;
          }
          const item = this.expression(c);
          if (!item) continue;
          items.push(star ? { kind: 'starred', double: false, value: item, from: item.from - 1, to: item.to } : item);
          star = false;
        }
        return { kind: node.name === 'TupleExpression' ? 'tuple' : node.name === 'ArrayExpression' ? 'list' : 'set', items, ...range };
      }
      case 'DictionaryExpression': {
        const entries: PyDictEntry[] = [];
        let key: PyExpr | undefined;
        let spread = false;
        for (let c = node.firstChild; c; c = c.nextSibling) {
          if (c.name === '**') {
            spread = true;
            continue;
          }
          if (c.name === ':' || c.name === ',' || c.name === '{' || c.name === '}' || c.name === 'Comment') continue;
          const expr = this.expression(c);
          if (!expr) continue;
          if (spread) {
            entries.push({ value: expr, from: expr.from, to: expr.to });
            spread = false;
          } else if (!key) key = expr;
          else {
            entries.push({ key, value: expr, from: key.from, to: expr.to });
            key = undefined;
          }
        }
        return { kind: 'dict', entries, ...range };
      }
      case 'BinaryExpression': {
        const left = node.firstChild ? this.expression(node.firstChild) : undefined;
        const opNode = node.firstChild?.nextSibling;
        const right = node.lastChild ? this.expression(node.lastChild) : undefined;
        if (!left || !right || !opNode) return { kind: 'other', node: node.name, ...range };
        return { kind: 'binary', op: this.src(opNode), left, right, ...range };
      }
      case 'UnaryExpression': {
        const opNode = node.firstChild;
        const operand = node.lastChild ? this.expression(node.lastChild) : undefined;
        if (!opNode || !operand) return { kind: 'other', node: node.name, ...range };
        return { kind: 'unary', op: this.src(opNode), operand, ...range };
      }
      case 'Comment':
      case '(':
      case ')':
      case ',':
      case ':':
        return undefined;
      default:
        if (node.type.isError || node.name.length <= 2 || /^[a-z]+$/.test(node.name)) return undefined;
        return { kind: 'other', node: node.name, ...range };
    }
  }

  private stringLiteral(node: SyntaxNode): PyExpr & { kind: 'string' } {
    const raw = this.src(node);
    const match = /^([rRbBuUfF]*)('''|"""|'|")/.exec(raw);
    const prefix = (match?.[1] ?? '').toLowerCase();
    const quote = match?.[2] ?? '"';
    const bodyEnd = raw.endsWith(quote) && raw.length >= prefix.length + quote.length * 2 ? raw.length - quote.length : raw.length;
    const body = raw.slice(prefix.length + quote.length, bodyEnd);
    const value = prefix.includes('r') ? body : unescapePython(body);
    return { kind: 'string', value, formatted: prefix.includes('f'), bytes: prefix.includes('b'), from: node.from, to: node.to };
  }
}

function toImport(current: { parts: string[]; from: number; to: number; asName?: string }): PyImportName {
  return { name: current.parts.join('.'), ...(current.asName ? { asName: current.asName } : {}), from: current.from, to: current.to };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };

function unescapePython(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\r\n|[\s\S])/g, (whole, esc: string) => {
    if (esc.length > 2 && /^[xuU]/.test(esc)) return String.fromCodePoint(Number.parseInt(esc.slice(1), 16));
    if (esc === '\r\n') return '';
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

/** Source text of a node, for messages and `other` expressions. */
export function textOf(ast: PyModuleAst, range: Range): string {
  return ast.text.slice(range.from, range.to);
}

/** Dotted name of `a.b.c`, or undefined for anything that is not a plain attribute chain. */
export function dottedName(expr: PyExpr): string | undefined {
  if (expr.kind === 'name') return expr.id;
  if (expr.kind === 'attr') {
    const base = dottedName(expr.object);
    return base === undefined ? undefined : `${base}.${expr.name}`;
  }
  return undefined;
}
