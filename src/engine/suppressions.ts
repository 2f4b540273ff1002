import type { LoadProblem } from '../loaders/load-problem.js';
import { loadTypeScript } from '../loaders/typescript.js';
import { didYouMean } from '../config/config-problem.js';
import type { Span } from '../model/span.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Inline suppressions.
 *
 * TypeScript / JavaScript:
 *   // schema-lint-disable-next-line <rule>[, <rule>] [until=YYYY-MM-DD] -- <reason>
 *   // schema-lint-disable-line <rule>[, <rule>] [until=YYYY-MM-DD] -- <reason>
 *   /* schema-lint-disable <rule>[, <rule>] [until=YYYY-MM-DD] -- <reason> *\/   (whole file)
 * Python:
 *   # schema-lint: disable=<rule>[,<rule>] [until=YYYY-MM-DD] -- <reason>
 *     (a trailing comment covers its own line; a comment on its own line covers the next line)
 *   # schema-lint: disable-file=<rule>[,<rule>] -- <reason>
 *
 * A reason is required and rule ids must be named (no blanket disable). An invalid directive
 * (no reason, unknown rule, bad date) suppresses nothing and is reported; so are expired and
 * unused directives.
 */
export interface SuppressionDirective {
  readonly kind: 'line' | 'next-line' | 'file';
  readonly rules: readonly string[];
  readonly reason: string;
  readonly until?: string;
  readonly span: Span;
  /** The line the directive covers (undefined for file directives). */
  readonly targetLine?: number;
  readonly syntaxProblem?: string;
}

export const SUPPRESSION_IDS = {
  missingReason: 'schema-lint/suppression-missing-reason',
  unknownRule: 'schema-lint/suppression-unknown-rule',
  invalid: 'schema-lint/invalid-suppression',
  expired: 'schema-lint/suppression-expired',
  unused: 'schema-lint/unused-suppression',
} as const;

const TS_DIRECTIVE = /^\s*schema-lint-(disable-next-line|disable-line|disable)(?=\s|$)(.*)$/s;
const PY_DIRECTIVE = /^\s*schema-lint:\s*(disable|disable-file)\s*=\s*(.*)$/s;

/** Finds suppression directives in a file's comments (TypeScript scanner for TS/JS; a tokenizer-aware pass for Python). */
export function scanDirectives(file: string, text: string): SuppressionDirective[] {
  if (!text.includes('schema-lint')) return [];
  return file.endsWith('.py') ? scanPython(file, text) : scanTypeScript(file, text);
}

function scanTypeScript(file: string, text: string): SuppressionDirective[] {
  const ts = loadTypeScript();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const lineStarts = computeLineStarts(text);
  const directives: SuppressionDirective[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.SingleLineCommentTrivia && token !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const raw = scanner.getTokenText();
    const body = token === ts.SyntaxKind.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, -2).replace(/^\s*\*\s?/gm, '');
    const match = TS_DIRECTIVE.exec(body);
    if (!match) continue;
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    const span = spanOf(file, lineStarts, start, end);
    const kind = match[1] === 'disable-next-line' ? 'next-line' : match[1] === 'disable-line' ? 'line' : 'file';
    const targetLine = kind === 'next-line' ? span.end.line + 1 : kind === 'line' ? span.start.line : undefined;
    directives.push(parseDirectiveBody(kind, match[2]!, span, targetLine, /[\s,]+/));
  }
  return directives;
}

function scanPython(file: string, text: string): SuppressionDirective[] {
  const lineStarts = computeLineStarts(text);
  const directives: SuppressionDirective[] = [];
  for (const comment of pythonComments(text)) {
    const match = PY_DIRECTIVE.exec(comment.text.slice(1));
    if (!match) continue;
    const span = spanOf(file, lineStarts, comment.start, comment.end);
    const lineStart = lineStarts[span.start.line - 1]!;
    const ownLine = text.slice(lineStart, comment.start).trim() === '';
    const kind = match[1] === 'disable-file' ? 'file' : ownLine ? 'next-line' : 'line';
    const targetLine = kind === 'file' ? undefined : ownLine ? span.start.line + 1 : span.start.line;
    directives.push(parseDirectiveBody(kind, match[2]!, span, targetLine, /\s*,\s*|\s+/));
  }
  return directives;
}

/** `rule-a, rule-b until=2026-12-31 -- reason` */
function parseDirectiveBody(kind: SuppressionDirective['kind'], body: string, span: Span, targetLine: number | undefined, separator: RegExp): SuppressionDirective {
  const dash = /\s--\s?|^--\s?/.exec(body);
  const head = (dash ? body.slice(0, dash.index) : body).trim();
  const reason = dash ? body.slice(dash.index + dash[0].length).trim() : '';
  const rules: string[] = [];
  let until: string | undefined;
  let syntaxProblem: string | undefined;
  for (const token of head.split(separator).filter(Boolean)) {
    if (token.startsWith('until=')) {
      until = token.slice('until='.length);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) syntaxProblem = `"${until}" is not a date in the form YYYY-MM-DD`;
    } else rules.push(token);
  }
  return { kind, rules, reason, ...(until !== undefined ? { until } : {}), span, ...(targetLine !== undefined ? { targetLine } : {}), ...(syntaxProblem ? { syntaxProblem } : {}) };
}

export interface SuppressionResult {
  /** Input diagnostics, with `suppression` set on the suppressed ones. */
  readonly diagnostics: Diagnostic[];
  /** Diagnostics about the directives themselves. */
  readonly problems: LoadProblem[];
}

/**
 * Applies directives to diagnostics. `knownIds` are the ids a directive may name (every rule in
 * the registry, enabled or not, plus suppressible reserved ids). `today` is YYYY-MM-DD.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  directivesByFile: ReadonlyMap<string, readonly SuppressionDirective[]>,
  knownIds: ReadonlySet<string>,
  today: string,
): SuppressionResult {
  const problems: LoadProblem[] = [];
  const active = new Map<string, { directive: SuppressionDirective; used: Set<string> }[]>();
  for (const [file, directives] of directivesByFile) {
    const list: { directive: SuppressionDirective; used: Set<string> }[] = [];
    for (const directive of directives) {
      const issues = validate(directive, knownIds, today);
      problems.push(...issues);
      if (issues.length === 0) list.push({ directive, used: new Set() });
    }
    if (list.length > 0) active.set(file, list);
  }

  const out = diagnostics.map((d) => {
    if (d.suppression || isSuppressionId(d.ruleId)) return d;
    for (const entry of active.get(d.span.file) ?? []) {
      const { directive } = entry;
      if (!directive.rules.includes(d.ruleId)) continue;
      if (directive.kind !== 'file' && directive.targetLine !== d.span.start.line) continue;
      entry.used.add(d.ruleId);
      return { ...d, suppression: { kind: 'inline' as const, justification: directive.reason, span: directive.span } };
    }
    return d;
  });

  for (const list of active.values()) {
    for (const { directive, used } of list) {
      const unused = directive.rules.filter((r) => !used.has(r));
      if (unused.length === 0) continue;
      problems.push({
        id: SUPPRESSION_IDS.unused,
        severity: 'warn',
        message: `Suppression of ${unused.map((r) => `\`${r}\``).join(', ')} matches no diagnostic${directive.kind === 'file' ? ' in this file' : ` on line ${directive.targetLine}`}.`,
        help: 'Remove the directive (or the unused rule ids from it); the problem it suppressed is gone.',
        span: directive.span,
      });
    }
  }
  return { diagnostics: out, problems };
}

function validate(directive: SuppressionDirective, knownIds: ReadonlySet<string>, today: string): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const span = directive.span;
  if (directive.rules.length === 0) {
    problems.push({ id: SUPPRESSION_IDS.invalid, severity: 'error', message: 'Suppression names no rule; blanket suppressions are not allowed.', help: 'Name the rule(s): `// schema-lint-disable-next-line require-fk-index -- <reason>`.', span });
  }
  for (const rule of directive.rules) {
    if (knownIds.has(rule)) continue;
    const hint = didYouMean(rule, knownIds);
    problems.push({ id: SUPPRESSION_IDS.unknownRule, severity: 'error', message: `Suppression names unknown rule \`${rule}\`.${hint ? ` ${hint}` : ''}`, help: 'Use a rule id from `schema-lint list-rules`.', span });
  }
  if (directive.syntaxProblem) {
    problems.push({ id: SUPPRESSION_IDS.invalid, severity: 'error', message: `Suppression is malformed: ${directive.syntaxProblem}.`, help: 'Write the expiry as `until=YYYY-MM-DD`.', span });
  }
  if (directive.reason === '') {
    problems.push({ id: SUPPRESSION_IDS.missingReason, severity: 'error', message: 'Suppression has no reason, so it does not apply.', help: 'Add the reason after ` -- `: `// schema-lint-disable-next-line require-fk-index -- table holds < 100 rows`.', span });
  }
  if (directive.until !== undefined && !directive.syntaxProblem && directive.until < today) {
    problems.push({ id: SUPPRESSION_IDS.expired, severity: 'warn', message: `Suppression expired on ${directive.until}, so the diagnostics it covered are reported again.`, help: 'Fix the underlying problem, or extend `until=` with a new reason.', span });
  }
  return problems;
}

export function isSuppressionId(id: string): boolean {
  return (Object.values(SUPPRESSION_IDS) as string[]).includes(id);
}

/** Python comments, skipping `#` inside string literals (including triple-quoted ones). */
function pythonComments(text: string): { start: number; end: number; text: string }[] {
  const comments: { start: number; end: number; text: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '#') {
      let end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
      const stop = text[end - 1] === '\r' ? end - 1 : end;
      comments.push({ start: i, end: stop, text: text.slice(i, stop) });
      i = end;
    } else if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      i += quote.length;
      while (i < text.length) {
        if (text[i] === '\\') i += 2;
        else if (text.startsWith(quote, i)) {
          i += quote.length;
          break;
        } else if (!triple && text[i] === '\n') break;
        else i++;
      }
    } else i++;
  }
  return comments;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function spanOf(file: string, lineStarts: readonly number[], start: number, end: number): Span {
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  return { file, start: position(start), end: position(end) };
}
