import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ConfigProblem } from '../config/config-problem.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { findingKey } from '../reporters/fingerprint.js';
import { relativePosix } from '../reporters/paths.js';

export const DEFAULT_BASELINE_FILE = 'schema-lint.baseline.json';

/**
 * A baseline records the findings a team accepts today, keyed by rule and model identity
 * (`require-fk-index|fk:public.posts(author_id)->public.users(id)`), never by line number, so
 * moving code keeps it valid. Entries carry a count for identical keys and, for review, the
 * file and message at the time of writing.
 */
const entrySchema = z.object({
  ruleId: z.string(),
  key: z.string(),
  count: z.number().int().positive(),
  file: z.string(),
  message: z.string(),
});
const baselineSchema = z.object({ version: z.literal(1), tool: z.literal('schema-lint'), entries: z.array(entrySchema) });

export type BaselineEntry = z.infer<typeof entrySchema>;
export type Baseline = z.infer<typeof baselineSchema>;

export function buildBaseline(diagnostics: readonly Diagnostic[], root: string): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    if (d.suppression) continue;
    const key = findingKey(d, root);
    const existing = byKey.get(key);
    if (existing) existing.count++;
    else byKey.set(key, { ruleId: d.ruleId, key, count: 1, file: relativePosix(root, d.span.file), message: d.message });
  }
  const entries = [...byKey.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { version: 1, tool: 'schema-lint', entries };
}

/** Writes atomically (temp file + rename), sorted and pretty-printed for reviewable diffs. */
export function writeBaseline(file: string, baseline: Baseline): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(baseline, null, 2)}\n`);
  renameSync(temp, file);
}

export type ReadBaselineResult = { readonly ok: true; readonly baseline: Baseline } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

export function readBaseline(file: string): ReadBaselineResult {
  const source = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'the baseline file does not exist; create it with --write-baseline.' : `cannot be read: ${(error as Error).message}.`;
    return { ok: false, problems: [{ code: code === 'ENOENT' ? 'config-not-found' : 'invalid-json', source: file, path: [], message }] };
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ code: 'invalid-config' as const, source, path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: `${issue.message.replace(/\.$/, '')}.` })),
    };
  }
  return { ok: true, baseline: parsed.data };
}

export interface BaselineResult {
  readonly diagnostics: Diagnostic[];
  /** Diagnostics the baseline accepted. */
  readonly matched: number;
  /** Entries (or parts of counts) that no longer occur: the file can be pruned. */
  readonly stale: BaselineEntry[];
  /** The baseline without the stale entries. */
  readonly pruned: Baseline;
}

/** Marks baselined diagnostics as suppressed; a key seen more often than its count reports the excess. */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline, root: string): BaselineResult {
  const remaining = new Map(baseline.entries.map((e) => [e.key, e.count]));
  let matched = 0;
  const out = diagnostics.map((d) => {
    if (d.suppression) return d;
    const key = findingKey(d, root);
    const left = remaining.get(key) ?? 0;
    if (left <= 0) return d;
    remaining.set(key, left - 1);
    matched++;
    return { ...d, suppression: { kind: 'baseline' as const, justification: 'Accepted in the baseline file.' } };
  });
  const stale: BaselineEntry[] = [];
  const kept: BaselineEntry[] = [];
  for (const entry of baseline.entries) {
    const unused = remaining.get(entry.key) ?? 0;
    if (unused > 0) stale.push({ ...entry, count: unused });
    if (unused < entry.count) kept.push({ ...entry, count: entry.count - unused });
  }
  return { diagnostics: out, matched, stale, pruned: { ...baseline, entries: kept } };
}
