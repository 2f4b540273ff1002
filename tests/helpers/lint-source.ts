import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import type { AnyRule } from '../../src/engine/define-rule.js';
import { classifyLoadedModel } from '../../src/classification/pipeline.js';
import { runRules } from '../../src/engine/run-rules.js';
import { problemToDiagnostic } from '../../src/loaders/load-problem.js';
import { loadSchema, type LoadResult } from '../../src/loaders/load-schema.js';

/** Deep-freezes a value so a rule that mutates the model fails loudly. */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
    Object.freeze(value);
  }
  return value;
}

/** Writes `source` to a temporary file, loads it, and returns the load result (file removed after). */
export function loadSource(source: string, fileName = 'schema.ts', options: { casing?: 'snake_case' | 'camelCase' } = {}): LoadResult & { file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-test-'));
  const file = path.join(dir, fileName);
  try {
    writeFileSync(file, source);
    return { ...loadSchema([file], options), file };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads `source` and runs one rule with the given options; loader problems are returned too. */
export function lintSource(rule: AnyRule, source: string, options: unknown = {}, fileName?: string): { diagnostics: Diagnostic[]; problems: Diagnostic[] } {
  const load = loadSource(source, fileName);
  const parsed = rule.options.parse(options);
  const classified = classifyLoadedModel(load.model);
  const model = deepFreeze(classified.model);
  return {
    diagnostics: runRules(model, [{ rule, severity: rule.meta.defaultSeverity, options: parsed }]),
    problems: [...load.problems, ...classified.problems].map(problemToDiagnostic),
  };
}
