/**
 * Pure text facts about source files, shared by the loaders (to fill fix anchors), the rules' edit
 * builders and the fix runner. No imports: the loaders depend on this file, never the reverse.
 */

export type Eol = '\n' | '\r\n' | '\r';

export const BOM = '\uFEFF';

/** The file's first line ending; '\n' when it has none. */
export function detectEol(text: string): Eol {
  const match = /\r\n|\r|\n/.exec(text);
  return (match?.[0] as Eol | undefined) ?? '\n';
}

/** One level of indentation: the leading whitespace of the first indented line (two spaces when none). */
export function detectIndentUnit(text: string): string {
  const match = /(?:^|\r\n|\r|\n)([ \t]+)\S/.exec(text);
  const indent = match?.[1];
  if (!indent) return '  ';
  return indent.startsWith('\t') ? '\t' : indent;
}

/** Offset of the start of the line that holds `offset`. */
export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Offset just past the line that holds `offset`, its line break included (the text's end for the last line). */
export function nextLineStart(text: string, offset: number): number {
  const match = /\r\n|\r|\n/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

/** The whitespace before `offset` on its line, when only whitespace precedes it there. */
export function indentBefore(text: string, offset: number): string | undefined {
  const start = lineStart(text, offset);
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Rewrites every line break in `text` as `eol`. */
export function withEol(text: string, eol: Eol): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

/**
 * Offset → 1-based line and UTF-16 column, as the loaders count them: TypeScript also ends lines
 * at U+2028 and U+2029, Python (`python`) only at \r\n, \r and \n. Line starts are indexed once.
 */
export function positionsOf(text: string, python = false): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (const match of text.matchAll(python ? /\r\n|\r|\n/g : /\r\n|\r|\n|\u2028|\u2029/g)) starts.push(match.index + match[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
