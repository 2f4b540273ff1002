import { Chalk } from 'chalk';
import type { Diagnostic } from '../engine/diagnostic.js';
import { codeFrame, splitLines } from './code-frame.js';
import { relativePosix } from './paths.js';
import type { Reporter } from './reporter.js';

/**
 * Human output: one block per diagnostic with `path:line:col`, severity, message, rule id, a code
 * frame with the span underlined and a help line; a summary at the end. Paths are relative to the
 * working directory. Colour only when the context says so.
 */
export const formatText: Reporter = (input, context) => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const linesByFile = new Map<string, readonly string[] | undefined>();
  const relativeByFile = new Map<string, string>();
  const relative = (file: string) => {
    let rel = relativeByFile.get(file);
    if (rel === undefined) relativeByFile.set(file, (rel = relativePosix(context.cwd, file)));
    return rel;
  };
  const linesOf = (file: string) => {
    if (!linesByFile.has(file)) {
      const source = context.readSource(file);
      linesByFile.set(file, source === undefined ? undefined : splitLines(source));
    }
    return linesByFile.get(file);
  };
  const blocks: string[] = [];
  for (const d of input.diagnostics) {
    if (d.suppression) continue;
    blocks.push(formatDiagnostic(d));
  }

  const visible = input.diagnostics.filter((d) => !d.suppression);
  const errors = visible.filter((d) => d.severity === 'error').length;
  const warnings = visible.length - errors;
  const files = new Set(visible.map((d) => d.span.file)).size;
  const suppressed = input.diagnostics.length - visible.length;
  const scope = `${input.tableCount} ${plural(input.tableCount, 'table')} in ${input.fileCount} ${plural(input.fileCount, 'file')}`;
  let summary: string;
  if (input.nothingChanged) summary = chalk.green('✔ No schema files changed.');
  else if (visible.length === 0) summary = chalk.green(`✔ No problems found (checked ${scope}).`);
  else {
    const mark = errors > 0 ? chalk.red('✖') : chalk.yellow('⚠');
    summary = `${mark} ${visible.length} ${plural(visible.length, 'problem')} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}) in ${files} ${plural(files, 'file')}; checked ${scope}.`;
    const fixable = visible.filter((d) => d.fixes?.some((f) => f.kind === 'safe')).length;
    if (fixable > 0) summary += `\n  ${fixable} ${plural(fixable, 'problem')} fixable with \`--fix\`.`;
    const suggested = visible.filter((d) => d.fixes?.some((f) => f.kind === 'suggestion')).length;
    if (suggested > 0) summary += `\n  ${suggested} ${plural(suggested, 'problem')} with suggestions: review them with \`--fix-dry-run --fix-type suggestion\`, apply with \`--fix --fix-type suggestion\`.`;
  }
  const baselined = input.diagnostics.filter((d) => d.suppression?.kind === 'baseline').length;
  const inline = suppressed - baselined;
  if (inline > 0) summary += `\n  ${inline} suppressed by inline directives.`;
  if (input.baseline) {
    summary += `\n  ${input.baseline.matched} ${plural(input.baseline.matched, 'finding')} accepted by the baseline ${relativePosix(context.cwd, input.baseline.file)}.`;
    if (input.baseline.stale > 0) {
      summary += `\n  ${input.baseline.stale} baseline ${plural(input.baseline.stale, 'entry', 'entries')} no longer ${input.baseline.stale === 1 ? 'occurs' : 'occur'}; remove ${input.baseline.stale === 1 ? 'it' : 'them'} with --prune-baseline.`;
    }
  }
  blocks.push(summary);
  return `${blocks.join('\n\n')}\n`;

  function formatDiagnostic(d: Diagnostic): string {
    const severity = d.severity === 'error' ? chalk.red.bold('error') : chalk.yellow.bold('warning');
    const location = `${relative(d.span.file)}:${d.span.start.line}:${d.span.start.column}`;
    const lines = [`${chalk.bold(location)}  ${severity}  ${d.message}  ${chalk.dim(d.ruleId)}`];
    const source = linesOf(d.span.file);
    if (source !== undefined) {
      const frame = codeFrame(source, d.span, { gutter: (t) => chalk.dim(t), marker: (t) => (d.severity === 'error' ? chalk.red(t) : chalk.yellow(t)) }, d.secrets);
      if (frame) lines.push(frame.replace(/^/gm, '  '));
    }
    if (d.help) lines.push(`  ${chalk.cyan('help:')} ${d.help}`);
    for (const fix of d.fixes ?? []) lines.push(`  ${chalk.green(fix.kind === 'safe' ? 'fix:' : 'suggestion:')} ${fix.description}`);
    if (d.noFixReason) lines.push(`  ${chalk.dim(`no automatic fix: ${d.noFixReason}.`)}`);
    for (const related of d.related ?? []) {
      lines.push(`  ${chalk.dim('note:')} ${related.message} (${relativePosix(context.cwd, related.span.file)}:${related.span.start.line}:${related.span.start.column})`);
    }
    return lines.join('\n');
  }
};

function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}
