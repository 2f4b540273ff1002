import path from 'node:path';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { codeFrame } from '../../src/reporters/code-frame.js';

/**
 * A stable, colourless rendering of diagnostics over their source, for snapshots: independent of
 * the user-facing text reporter, so restyling the CLI never churns rule snapshots.
 */
export function renderAnnotated(source: string, diagnostics: readonly Diagnostic[], file?: string): string {
  if (diagnostics.length === 0) return '(no diagnostics)\n';
  return `${diagnostics
    .map((d) => {
      const where = `${file ?? path.basename(d.span.file)}:${d.span.start.line}:${d.span.start.column}`;
      const lines = [`${where}  ${d.severity === 'error' ? 'error' : 'warn'}  ${d.ruleId}`, d.message, codeFrame(source, d.span, undefined, d.secrets)];
      if (d.help) lines.push(`  help: ${d.help}`);
      return lines.join('\n');
    })
    .join('\n\n')}\n`;
}
