import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { LineMap } from '../loaders/sqlalchemy/python-ast.js';
import type { Span } from '../model/span.js';

/**
 * A Python file parsed with @lezer/python (the parser the SQLAlchemy loader uses), with helpers
 * over the concrete tree. The scanner needs what python-ast.ts leaves out: `if` conditions,
 * calls nested anywhere, and the statements around a call.
 */
export class PySource {
  readonly tree: Tree;
  readonly lines: LineMap;
  private assignments?: Map<string, { readonly from: number; readonly value: SyntaxNode; readonly scope: SyntaxNode | null }[]>;
  private imported?: Map<string, string>;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.tree = parser.parse(text);
    this.lines = new LineMap(text);
  }

  src(node: { from: number; to: number }): string {
    return this.text.slice(node.from, node.to);
  }

  span(from: number, to: number): Span {
    return this.lines.span(this.file, { from, to });
  }

  private readonly byType = new Map<string, SyntaxNode[]>();

  /** Every node of the given types, in source order (one walk of the tree per set of types). */
  nodes(...names: string[]): readonly SyntaxNode[] {
    const key = names.join(',');
    let out = this.byType.get(key);
    if (!out) {
      const wanted = new Set(names);
      const found: SyntaxNode[] = [];
      const cursor = this.tree.cursor();
      do {
        if (wanted.has(cursor.name)) found.push(cursor.node);
      } while (cursor.next());
      this.byType.set(key, (out = found));
    }
    return out;
  }

  /** `name = value` assignments to a single name, by name, for resolving variables. */
  assignmentsOf(name: string): readonly { readonly from: number; readonly value: SyntaxNode; readonly scope: SyntaxNode | null }[] {
    if (!this.assignments) {
      this.assignments = new Map();
      for (const node of this.nodes('AssignStatement')) {
        const target = node.firstChild;
        const op = target?.nextSibling;
        const value = op?.nextSibling;
        if (!target || target.name !== 'VariableName' || op?.name !== 'AssignOp' || !value || value.nextSibling?.name === 'AssignOp') continue;
        const list = this.assignments.get(this.src(target)) ?? [];
        list.push({ from: node.from, value, scope: enclosingFunction(node) });
        this.assignments.set(this.src(target), list);
      }
    }
    return this.assignments.get(name) ?? [];
  }

  /** The value last assigned to `name` before `at`, in the same function or at module level. */
  resolveName(name: string, at: SyntaxNode): SyntaxNode | undefined {
    const scope = enclosingFunction(at);
    let best: { from: number; value: SyntaxNode } | undefined;
    for (const a of this.assignmentsOf(name)) {
      if (a.from >= at.from) continue;
      if (a.scope !== null && a.scope !== scope) continue;
      if (!best || a.from > best.from) best = a;
    }
    return best?.value;
  }

  /** Local name → the module it was imported from (`from alembic import command` → command: alembic.command). */
  importedNames(): ReadonlyMap<string, string> {
    if (!this.imported) {
      this.imported = new Map();
      for (const node of this.nodes('ImportStatement')) {
        const children = childList(node);
        if (children[0]?.name === 'from') {
          const moduleParts: string[] = [];
          let i = 1;
          for (; i < children.length && children[i]!.name !== 'import'; i++) if (children[i]!.name === 'VariableName') moduleParts.push(this.src(children[i]!));
          const module = moduleParts.join('.');
          for (i++; i < children.length; i++) {
            const c = children[i]!;
            if (c.name !== 'VariableName') continue;
            const alias = children[i + 1]?.name === 'as' ? children[i + 2] : undefined;
            this.imported.set(alias ? this.src(alias) : this.src(c), `${module}.${this.src(c)}`);
            if (alias) i += 2;
          }
        } else {
          for (let i = 1; i < children.length; i++) {
            const c = children[i]!;
            if (c.name !== 'VariableName' || children[i - 1]?.name === '.' || children[i - 1]?.name === 'as') continue;
            const parts = [this.src(c)];
            let j = i + 1;
            while (children[j]?.name === '.' && children[j + 1]?.name === 'VariableName') {
              parts.push(this.src(children[j + 1]!));
              j += 2;
            }
            const alias = children[j]?.name === 'as' ? children[j + 1] : undefined;
            this.imported.set(alias ? this.src(alias) : parts[0]!, alias ? parts.join('.') : parts[0]!);
          }
        }
      }
    }
    return this.imported;
  }
}

export function childList(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.name === 'FunctionDefinition') return p;
  return null;
}

/** Dotted name of `a.b.c` (no calls or subscripts in between), else undefined. */
export function dotted(src: PySource, node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.name === 'VariableName') return src.src(node);
  if (node.name === 'MemberExpression' && !node.getChild('[')) {
    const base = dotted(src, node.firstChild);
    const property = node.getChild('PropertyName');
    return base !== undefined && property ? `${base}.${src.src(property)}` : undefined;
  }
  return undefined;
}

/** The callee text of a call: `Base.metadata.create_all`, or the source text when it is not a dotted name. */
export function calleeOf(src: PySource, call: SyntaxNode): string {
  const callee = call.firstChild;
  if (!callee) return '';
  return dotted(src, callee) ?? src.src(callee).replace(/\s+/g, '');
}

export interface PyCallArg {
  readonly name?: string;
  readonly star?: '*' | '**';
  readonly value: SyntaxNode;
}

export function callArgs(src: PySource, call: SyntaxNode): PyCallArg[] {
  const list = call.getChild('ArgList');
  if (!list) return [];
  const out: PyCallArg[] = [];
  let pendingName: string | undefined;
  let star: '*' | '**' | undefined;
  for (let c = list.firstChild; c; c = c.nextSibling) {
    if (c.name === '(' || c.name === ')' || c.name === ',' || c.name === 'Comment' || c.name === 'AssignOp') continue;
    if (c.name === '*' || c.name === '**') {
      star = c.name;
      continue;
    }
    if (c.name === 'VariableName' && c.nextSibling?.name === 'AssignOp') {
      pendingName = src.src(c);
      continue;
    }
    out.push({ ...(pendingName !== undefined ? { name: pendingName } : {}), ...(star ? { star } : {}), value: c });
    pendingName = undefined;
    star = undefined;
  }
  return out;
}

/** The value of a plain string literal (no f-string), undefined otherwise. */
export function stringValue(src: PySource, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.name === 'String') return unquote(src.src(node));
  if (node.name === 'ContinuedString') {
    const parts = node.getChildren('String');
    if (node.getChildren('FormatString').length > 0) return undefined;
    return parts.map((p) => unquote(src.src(p))).join('');
  }
  return undefined;
}

function unquote(raw: string): string {
  const match = /^([rRbBuU]*)('''|"""|'|")/.exec(raw);
  if (!match) return raw;
  const quote = match[2]!;
  const body = raw.slice(match[0].length, raw.endsWith(quote) ? raw.length - quote.length : raw.length);
  return match[1]!.toLowerCase().includes('r') ? body : body.replace(/\\(['"\\])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

/** Every string-ish literal node (String, FormatString, ContinuedString) under `node`, outermost only. */
export function stringNodes(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.name === 'String' || n.name === 'FormatString' || n.name === 'ContinuedString') {
      out.push(n);
      return;
    }
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(node);
  return out;
}
