/** 1-based line; 1-based column counted in UTF-16 code units (what TypeScript and SARIF both use). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * A source range. `file` is an absolute path; reporters make it relative.
 * `end` is exclusive: the position just after the last character.
 */
export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

export function compareSpans(a: Span, b: Span): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.start.line !== b.start.line) return a.start.line - b.start.line;
  if (a.start.column !== b.start.column) return a.start.column - b.start.column;
  if (a.end.line !== b.end.line) return a.end.line - b.end.line;
  return a.end.column - b.end.column;
}

/** Start of a file, for diagnostics about a whole file (empty file, unreadable path). */
export function fileStartSpan(file: string): Span {
  return { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
