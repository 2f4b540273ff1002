import { readFileSync } from 'node:fs';
import { rules as registry } from '../../rules/index.js';
import { classifyLoadedModel } from '../classification/pipeline.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { RESERVED_IDS } from '../engine/reserved-ids.js';
import { runRules } from '../engine/run-rules.js';
import { applySuppressions, scanDirectives, type SuppressionDirective } from '../engine/suppressions.js';
import { applyBaseline, readBaseline } from '../lint/baseline.js';
import { compareDiagnostics, type PreparedProject } from '../lint/lint.js';
import { problemToDiagnostic } from '../loaders/load-problem.js';
import type { LoadResult } from '../loaders/load-schema.js';
import { loadDrizzleSchema } from '../loaders/drizzle/load-drizzle-schema.js';
import { readSourceFile, type ReadResult } from '../loaders/source-file.js';
import { loadSqlAlchemySchema } from '../loaders/sqlalchemy/load-sqlalchemy-schema.js';
import { ModelIndex } from '../model/model-queries.js';
import type { SchemaModel } from '../model/schema-model.js';

/** Texts that replace files on disk while fixes are computed and verified (BOM excluded). */
export type Overlay = ReadonlyMap<string, string>;

export interface Evaluation {
  readonly model: SchemaModel;
  /** What a lint run would report (suppressions, reported files and the baseline applied), sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Loader, configuration and classification problems in every loaded file, before any filter. */
  readonly problems: readonly Diagnostic[];
  readonly filesWithSyntaxErrors: ReadonlySet<string>;
}

export interface EvaluateOptions {
  readonly baselineFile?: string;
  readonly today?: string;
  /** Problems of the project that do not come from schema files (see projectOnlyProblems). */
  readonly projectProblems?: readonly Diagnostic[];
}

/**
 * The prepared project's problems that a fresh load of the schema files does not recreate (the
 * project scan's): its problems less those of the load, the drizzle config and classification.
 */
export function projectOnlyProblems(project: PreparedProject): Diagnostic[] {
  const classified = classifyLoadedModel(project.load.model, project.manifest);
  const own = [...project.load.problems, ...(project.inputs.drizzleConfig?.problems ?? []), ...classified.problems].map(problemToDiagnostic);
  const key = (d: Diagnostic) => `${d.span.file}\0${d.span.start.line}\0${d.span.start.column}\0${d.ruleId}\0${d.message}`;
  const counts = new Map<string, number>();
  for (const d of own) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  return project.problems.filter((d) => {
    const left = counts.get(key(d)) ?? 0;
    if (left === 0) return true;
    counts.set(key(d), left - 1);
    return false;
  });
}

/**
 * Lints the prepared project as `lintSync` does after loading, but reads edited files from the
 * overlay: how the fix runner sees the result of fixes before anything is written. With an empty
 * overlay and no `fresh` load it reuses the project's load.
 * NOTE: mirrors the steps of lintSync (src/lint/lint.ts) after prepareProject: rules, withheld
 * syntax-error files, suppressions, reported files, baseline. The fix tests compare the two.
 */
export function evaluate(project: PreparedProject, overlay: Overlay, options: EvaluateOptions = {}): Evaluation {
  let load: LoadResult = project.load;
  let model = project.model;
  let problems = project.problems;
  if (overlay.size > 0) {
    const casing = project.config.casing ?? project.inputs.drizzleConfig?.casing;
    load = loadWithOverlay(project.inputs.files, overlay, casing);
    const classified = classifyLoadedModel(load.model, project.manifest);
    // NOTE: project-wide facts (migration tooling) do not come from schema files; keep them.
    model = project.model.project ? { ...classified.model, project: project.model.project } : classified.model;
    problems = [...[...load.problems, ...(project.inputs.drizzleConfig?.problems ?? []), ...classified.problems].map(problemToDiagnostic), ...(options.projectProblems ?? [])];
  }
  const ruleDiagnostics = runRules(model, project.config.rules, new ModelIndex(model)).filter((d) => !load.filesWithSyntaxErrors.has(d.span.file));
  let diagnostics: Diagnostic[] = [...problems, ...ruleDiagnostics];
  const directives = new Map<string, SuppressionDirective[]>();
  // NOTE: the prepared model may list more files than a load gives (those the project scan read).
  for (const file of new Set([...model.files, ...project.model.files])) {
    const text = overlay.get(file) ?? readText(file);
    if (text === undefined || !text.includes('schema-lint')) continue;
    const found = scanDirectives(file, text);
    if (found.length > 0) directives.set(file, found);
  }
  const suppressed = applySuppressions(diagnostics, directives, suppressibleIds(), options.today ?? new Date().toISOString().slice(0, 10));
  diagnostics = [...suppressed.diagnostics, ...suppressed.problems.map(problemToDiagnostic)];
  if (project.reportedFiles) diagnostics = diagnostics.filter((d) => project.reportedFiles!.has(d.span.file));
  if (options.baselineFile !== undefined) {
    const read = readBaseline(options.baselineFile);
    if (read.ok) diagnostics = applyBaseline(diagnostics, read.baseline, project.root).diagnostics;
  }
  diagnostics.sort(compareDiagnostics);
  return { model, diagnostics, problems, filesWithSyntaxErrors: load.filesWithSyntaxErrors };
}

/** `loadSchema`, with every loader reading edited files from the overlay. */
export function loadWithOverlay(files: readonly string[], overlay: Overlay, casing: 'snake_case' | 'camelCase' | undefined): LoadResult {
  const readSource = (file: string): ReadResult => {
    const text = overlay.get(file);
    return text !== undefined ? { ok: true, text } : readSourceFile(file);
  };
  const python = files.filter((f) => f.endsWith('.py'));
  const typescript = files.filter((f) => !f.endsWith('.py'));
  const drizzle = typescript.length > 0 ? loadDrizzleSchema(typescript, { ...(casing ? { casing } : {}), readSource }) : undefined;
  const sqlalchemy = python.length > 0 ? loadSqlAlchemySchema(python, { readSource }) : undefined;
  return {
    model: {
      tables: [...(drizzle?.tables ?? []), ...(sqlalchemy?.tables ?? [])],
      enums: [...(drizzle?.enums ?? []), ...(sqlalchemy?.enums ?? [])],
      files: [...(drizzle?.files ?? []), ...(sqlalchemy?.files ?? [])],
    },
    problems: [...(drizzle?.problems ?? []), ...(sqlalchemy?.problems ?? [])],
    filesWithSyntaxErrors: new Set([...(drizzle?.filesWithSyntaxErrors ?? []), ...(sqlalchemy?.filesWithSyntaxErrors ?? [])]),
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The ids a suppression may name (as lintSync allows them). */
function suppressibleIds(): ReadonlySet<string> {
  return new Set([...registry.map((r) => r.id), ...RESERVED_IDS.map((r) => r.id).filter((id) => id !== 'schema-lint/parse-error')]);
}
