import { relativePosix } from '../reporters/paths.js';
import type { FixRun, WriteOutcome } from './fix-project.js';
import { unifiedDiff } from './unified-diff.js';

/**
 * What `--fix` changed and what remains, for people:
 *
 *   schema-lint --fix: fixed 5 problems in 1 file (1 pass):
 *     shared/schema.ts: require-fk-on-delete 5
 *   Not fixed:
 *     shared/schema.ts:12:3  prefer-jsonb  the name `jsonb` is taken by something else in this file
 *   38 problems remain; 27 have suggestions (--fix --fix-type suggestion).
 */
export function formatFixSummary(run: FixRun, cwd: string, options: { dryRun: boolean; write?: WriteOutcome }): string {
  const rel = (file: string) => relativePosix(cwd, file);
  const lines: string[] = [];
  const failed = new Set(options.write?.failed.map((f) => f.file) ?? []);
  const done = run.applied.filter((a) => !failed.has(a.file));
  const files = new Set(done.map((a) => a.file));
  const verb = options.dryRun ? 'would fix' : 'fixed';
  const kinds = [...run.kinds].sort().join(' and ');
  if (done.length === 0) {
    lines.push(`schema-lint ${options.dryRun ? '--fix-dry-run' : '--fix'}: nothing to fix (${kinds} fixes).`);
  } else {
    lines.push(`schema-lint ${options.dryRun ? '--fix-dry-run' : '--fix'}: ${verb} ${done.length} ${plural(done.length, 'problem')} in ${files.size} ${plural(files.size, 'file')} (${run.passes} ${plural(run.passes, 'pass', 'passes')}):`);
    for (const file of [...files].sort()) {
      const counts = new Map<string, number>();
      for (const a of done) if (a.file === file) counts.set(a.ruleId, (counts.get(a.ruleId) ?? 0) + 1);
      lines.push(`  ${rel(file)}: ${[...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
    }
  }
  for (const f of options.write?.failed ?? []) lines.push(`  not written: ${rel(f.file)}: ${f.message}`);
  if (run.notFixed.length > 0) {
    lines.push('Not fixed:');
    for (const n of [...run.notFixed].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))) {
      lines.push(`  ${rel(n.file)}:${n.line}:${n.column}  ${n.ruleId}  ${n.reason}`);
    }
  }
  if (run.exhausted) lines.push(`Stopped after ${run.passes} passes with fixes left; run again to apply them.`);
  const remaining = run.remaining.diagnostics.filter((d) => !d.suppression);
  const withSuggestions = run.kinds.has('suggestion') ? 0 : remaining.filter((d) => d.fixes?.some((f) => f.kind === 'suggestion')).length;
  const withSafe = run.kinds.has('safe') ? 0 : remaining.filter((d) => d.fixes?.some((f) => f.kind === 'safe')).length;
  const hints = [
    ...(withSafe > 0 ? [`${withSafe} ${withSafe === 1 ? 'has a fix' : 'have fixes'} (--fix)`] : []),
    ...(withSuggestions > 0 ? [`${withSuggestions} ${withSuggestions === 1 ? 'has a suggestion' : 'have suggestions'} (--fix --fix-type suggestion)`] : []),
  ];
  const remain = options.dryRun ? 'would remain' : remaining.length === 1 ? 'remains' : 'remain';
  lines.push(remaining.length === 0 ? `No problems ${options.dryRun ? 'would remain' : 'remain'}.` : `${remaining.length} ${plural(remaining.length, 'problem')} ${remain}${hints.length > 0 ? `; ${hints.join(', ')}` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/** The unified diff of every changed file, paths relative to the working directory (`a/` and `b/` as git writes them). */
export function formatFixDiff(run: FixRun, cwd: string): string {
  return run.changes.map((c) => unifiedDiff(c.before, c.after, `a/${relativePosix(cwd, c.file)}`, `b/${relativePosix(cwd, c.file)}`)).join('');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}
