import { createEditLocator } from '../fix/edit-locator.js';
import type { Reporter } from './reporter.js';
import { findingHash } from './fingerprint.js';
import { relativePosix } from './paths.js';

/**
 * Machine output, format version 1 (documented in the README):
 * `{ version, tool, summary, diagnostics: [{ ruleId, severity, message, help, file, line, column,
 * endLine, endColumn, fingerprint, properties, related, fixes, noFixReason, suppressed }] }`. Paths
 * relative to cwd. `fixes: [{ kind: 'safe' | 'suggestion', description, edits: [{ file, line, column,
 * endLine, endColumn, text }] }]`: replace the range (end exclusive, 1-based UTF-16 columns) by `text`.
 */
export const JSON_FORMAT_VERSION = 1;

export const formatJson: Reporter = (input, context) => {
  const locate = createEditLocator(context.readSource);
  const visible = input.diagnostics.filter((d) => context.includeSuppressed || !d.suppression);
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'schema-lint', version: context.toolVersion },
    summary: {
      errors: visible.filter((d) => d.severity === 'error' && !d.suppression).length,
      warnings: visible.filter((d) => d.severity === 'warn' && !d.suppression).length,
      suppressed: input.diagnostics.filter((d) => d.suppression?.kind === 'inline').length,
      baselined: input.diagnostics.filter((d) => d.suppression?.kind === 'baseline').length,
      ...(input.baseline ? { staleBaselineEntries: input.baseline.stale } : {}),
      files: input.fileCount,
      tables: input.tableCount,
    },
    diagnostics: visible.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity === 'warn' ? 'warning' : 'error',
      message: d.message,
      ...(d.help ? { help: d.help } : {}),
      file: relativePosix(context.cwd, d.span.file),
      line: d.span.start.line,
      column: d.span.start.column,
      endLine: d.span.end.line,
      endColumn: d.span.end.column,
      fingerprint: findingHash(d, context.sourceRoot),
      properties: d.properties,
      ...(d.related ? { related: d.related.map((r) => ({ message: r.message, file: relativePosix(context.cwd, r.span.file), line: r.span.start.line, column: r.span.start.column })) } : {}),
      ...(d.fixes
        ? {
            fixes: d.fixes.map((f) => ({
              kind: f.kind,
              description: f.description,
              edits: f.edits.flatMap((e) => {
                const at = locate(e);
                return at ? [{ file: relativePosix(context.cwd, e.file), line: at.start.line, column: at.start.column, endLine: at.end.line, endColumn: at.end.column, text: e.text }] : [];
              }),
            })),
          }
        : {}),
      ...(d.noFixReason ? { noFixReason: d.noFixReason } : {}),
      ...(d.suppression ? { suppressed: { kind: d.suppression.kind, justification: d.suppression.justification } } : {}),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
