import type { Span } from '../model/span.js';

export interface FrameStyle {
  readonly gutter: (text: string) => string;
  readonly marker: (text: string) => string;
}

const PLAIN: FrameStyle = { gutter: (t) => t, marker: (t) => t };

/**
 * A code frame: the span's first line with one line of context above, and `^` under the span.
 * The marker line repeats tabs from the source so the underline lines up in terminals.
 * Multi-line spans are underlined to the end of their first line.
 */
export function codeFrame(source: string | readonly string[], span: Span, style: FrameStyle = PLAIN, secrets: readonly Span[] = []): string {
  // NOTE: pass pre-split lines when framing many spans of one file; splitting per call is quadratic.
  const lines = maskSecrets(typeof source === 'string' ? splitLines(source) : source, secrets);
  const lineIndex = span.start.line - 1;
  const line = lines[lineIndex];
  if (line === undefined) return '';
  const first = Math.max(0, lineIndex - 1);
  const width = String(span.start.line).length;
  const out: string[] = [];
  for (let i = first; i <= lineIndex; i++) {
    const number = String(i + 1).padStart(width);
    out.push(`${style.gutter(`${number} |`)} ${lines[i]}`.trimEnd());
  }
  const startCol = Math.min(span.start.column - 1, line.length);
  const endCol = span.end.line === span.start.line ? Math.min(span.end.column - 1, line.length) : line.length;
  const prefix = line.slice(0, startCol).replace(/[^\t]/g, ' ');
  const length = Math.max(1, endCol - startCol);
  out.push(`${style.gutter(`${' '.repeat(width)} |`)} ${prefix}${style.marker('^'.repeat(length))}`);
  return out.join('\n');
}

export function splitLines(source: string): string[] {
  return source.split(/\r\n|\r|\n/);
}

/** Replaces the characters of secret spans (passwords in connection URLs) with `*`. */
function maskSecrets(lines: readonly string[], secrets: readonly Span[]): readonly string[] {
  if (secrets.length === 0) return lines;
  const out = [...lines];
  for (const secret of secrets) {
    for (let line = secret.start.line; line <= secret.end.line; line++) {
      const text = out[line - 1];
      if (text === undefined) continue;
      const from = line === secret.start.line ? secret.start.column - 1 : 0;
      const to = line === secret.end.line ? secret.end.column - 1 : text.length;
      out[line - 1] = text.slice(0, from) + '*'.repeat(Math.max(0, to - from)) + text.slice(to);
    }
  }
  return out;
}
