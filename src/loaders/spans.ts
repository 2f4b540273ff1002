import type { Span } from '../model/span.js';
import type { TS } from './typescript.js';

/** Span of [start, end) offsets in a parsed file; line map lookups are cached by TypeScript. */
export function spanOfRange(sourceFile: TS.SourceFile, start: number, end: number): Span {
  const s = sourceFile.getLineAndCharacterOfPosition(start);
  const e = sourceFile.getLineAndCharacterOfPosition(Math.max(start, end));
  return {
    file: sourceFile.fileName,
    start: { line: s.line + 1, column: s.character + 1 },
    end: { line: e.line + 1, column: e.character + 1 },
  };
}

/** Span of a node without its leading trivia and JSDoc. */
export function spanOfNode(node: TS.Node, sourceFile: TS.SourceFile = node.getSourceFile()): Span {
  const start = node.pos >= 0 && node.end >= node.pos ? safeStart(node, sourceFile) : 0;
  return spanOfRange(sourceFile, start, Math.max(start, node.end));
}

function safeStart(node: TS.Node, sourceFile: TS.SourceFile): number {
  try {
    return node.getStart(sourceFile);
  } catch {
    return node.pos;
  }
}
