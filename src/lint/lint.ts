import path from 'node:path';
import { rules as registry } from '../../rules/index.js';
import type { ConfigProblem } from '../config/config-problem.js';
import { loadConfig } from '../config/load-config.js';
import { resolveConfig, type ConfigOverrides, type ResolvedConfig } from '../config/resolve-config.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { AnyRule } from '../engine/define-rule.js';
import { runRules } from '../engine/run-rules.js';
import { problemToDiagnostic } from '../loaders/load-problem.js';
import { loadSchema } from '../loaders/load-schema.js';
import { ModelIndex } from '../model/model-queries.js';
import type { SchemaModel } from '../model/schema-model.js';
import { compareSpans } from '../model/span.js';
import { collectInputs } from './collect-inputs.js';

export interface LintOptions {
  /** Working directory; relative paths and config discovery start here. Default: process.cwd(). */
  readonly cwd?: string;
  /** Files, folders or globs. Empty: the config `include`, else the drizzle config `schema`. */
  readonly paths?: readonly string[];
  /** Explicit config file (`--config`). */
  readonly configFile?: string;
  readonly overrides?: ConfigOverrides;
}

export interface LintRun {
  readonly cwd: string;
  /** Rule and loader diagnostics, sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  readonly model: SchemaModel;
  /** The schema files given or found (roots of the load). */
  readonly inputFiles: readonly string[];
  readonly config: ResolvedConfig;
  /** Every rule in the registry (reporters describe enabled ones). */
  readonly registry: readonly AnyRule[];
}

export type LintResult = { readonly ok: true; readonly run: LintRun } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Loads the configuration and the schema, runs the enabled rules, and returns the diagnostics. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  return lintSync(options);
}

export function lintSync(options: LintOptions = {}): LintResult {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const loaded = loadConfig(cwd, options.configFile);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const resolved = resolveConfig(loaded.config, options.overrides ?? {}, registry);
  if (!resolved.ok) return { ok: false, problems: resolved.problems };
  const config = resolved.config;

  const collected = collectInputs(cwd, options.paths ?? [], config);
  if (!collected.ok) return { ok: false, problems: collected.problems };
  const { files, drizzleConfig } = collected.inputs;

  const casing = config.casing ?? drizzleConfig?.casing;
  const load = loadSchema(files, casing ? { casing } : {});
  const index = new ModelIndex(load.model);
  const ruleDiagnostics = runRules(load.model, config.rules, index).filter((d) => !load.filesWithSyntaxErrors.has(d.span.file));
  const diagnostics = [...load.problems.map(problemToDiagnostic), ...(drizzleConfig?.problems ?? []).map(problemToDiagnostic), ...ruleDiagnostics].sort(compareDiagnostics);
  return { ok: true, run: { cwd, diagnostics, model: load.model, inputFiles: files, config, registry } };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareSpans(a.span, b.span) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
}
