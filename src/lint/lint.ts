import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { rules as registry } from '../../rules/index.js';
import type { ConfigProblem } from '../config/config-problem.js';
import { loadConfig } from '../config/load-config.js';
import { resolveConfig, type ConfigOverrides, type ResolvedConfig } from '../config/resolve-config.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import type { AnyRule } from '../engine/define-rule.js';
import { RESERVED_IDS } from '../engine/reserved-ids.js';
import { runRules } from '../engine/run-rules.js';
import { applySuppressions, scanDirectives, type SuppressionDirective } from '../engine/suppressions.js';
import { loadManifest, type LoadedManifest } from '../classification/manifest.js';
import { classifyLoadedModel } from '../classification/pipeline.js';
import { problemToDiagnostic, type LoadProblem } from '../loaders/load-problem.js';
import { loadSchema, type LoadResult } from '../loaders/load-schema.js';
import { ModelIndex } from '../model/model-queries.js';
import type { SchemaModel } from '../model/schema-model.js';
import { compareSpans, type Span } from '../model/span.js';
import { findGitRoot } from '../reporters/paths.js';
import { applyBaseline, readBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { collectInputs, type CollectedInputs } from './collect-inputs.js';
import { changedFilesSince } from './git.js';
import { LintCache } from './cache.js';
import { readDrizzleConfig } from '../loaders/drizzle-config.js';
import { scanProject, usesProjectFacts } from '../project/index.js';
import { timed } from './timing.js';

export interface LintOptions {
  /** Working directory; relative paths and config discovery start here. Default: process.cwd(). */
  readonly cwd?: string;
  /** Files, folders or globs. Empty: the config `include`, else the drizzle config `schema`. */
  readonly paths?: readonly string[];
  /** Explicit config file (`--config`). */
  readonly configFile?: string;
  readonly overrides?: ConfigOverrides;
  /** Report only files changed since this git ref (the whole schema is still resolved). */
  readonly changedSince?: string;
  /** Apply this baseline file: findings in it are suppressed. */
  readonly baselineFile?: string;
  /** Today's date (YYYY-MM-DD), for suppression expiry. Default: the system date. */
  readonly today?: string;
  /** Incremental cache file (`--cache`, `--cache-location`); absent = no cache. */
  readonly cacheFile?: string;
}

export interface BaselineSummary {
  readonly file: string;
  readonly matched: number;
  readonly stale: readonly BaselineEntry[];
  readonly pruned: Baseline;
}

export interface LintRun {
  readonly cwd: string;
  /** The git top level (else cwd): SARIF URIs and baseline keys are relative to it. */
  readonly root: string;
  /** Diagnostics sorted by file, line and column; suppressed ones carry `suppression`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly model: SchemaModel;
  /** The schema files loaded as roots (given files plus the project scope). */
  readonly inputFiles: readonly string[];
  /** When set, diagnostics were restricted to these files (paths given inside a larger project). */
  readonly reportedFiles?: ReadonlySet<string>;
  readonly config: ResolvedConfig;
  readonly registry: readonly AnyRule[];
  readonly baseline?: BaselineSummary;
  /** `--changed-since` found no changed schema files. */
  readonly nothingChanged?: boolean;
  /** `--cache`: the model came from the cache (no schema file changed). */
  readonly cacheHit?: boolean;
}

export type LintResult = { readonly ok: true; readonly run: LintRun } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Loads the configuration and the schema, runs the enabled rules, and returns the diagnostics. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  return lintSync(options);
}

/**
 * Past this size, the syntax trees the loader leaves behind are worth freeing before the next
 * phases allocate: V8 would otherwise grow the heap on top of them (5,000 tables: ~150 MB).
 */
const LARGE_SCHEMA_TABLES = 1000;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc ?? exposeGc();
  gc?.();
}

function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs|py)$/;
const CONFIG_FILE = /^(?:drizzle\.config\.[cm]?[jt]s|drizzle\.config\.json|schema-lint\.config\.json)$/;

export interface PreparedProject {
  readonly cwd: string;
  readonly root: string;
  readonly config: ResolvedConfig;
  readonly inputs: CollectedInputs;
  /** The loaded and classified model. */
  readonly model: SchemaModel;
  readonly load: LoadResult;
  /** Loader, drizzle-config and classification problems, as diagnostics. */
  readonly problems: readonly Diagnostic[];
  readonly reportedFiles?: Set<string>;
  readonly manifest?: LoadedManifest;
  readonly cache?: LintCache;
  readonly cacheHit: boolean;
}

export type PrepareResult = { readonly ok: true; readonly project: PreparedProject } | { readonly ok: false; readonly problems: readonly ConfigProblem[] } | { readonly ok: 'empty'; readonly run: LintRun };

/** Config, inputs, loading and the classification pass: everything before rules run. */
export function prepareProject(options: LintOptions = {}): PrepareResult {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = findGitRoot(cwd) ?? cwd;
  const loaded = timed('config', () => loadConfig(cwd, options.configFile));
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const resolved = resolveConfig(loaded.config, options.overrides ?? {}, registry);
  if (!resolved.ok) return { ok: false, problems: resolved.problems };
  const config = resolved.config;

  let given = [...(options.paths ?? [])];
  if (options.changedSince !== undefined) {
    const changed = changedFilesSince(cwd, options.changedSince);
    if (!changed.ok) return { ok: false, problems: [{ code: 'invalid-argument', source: '--changed-since', path: [], message: changed.message }] };
    const changedSchemaFiles = changed.files.filter((f) => SOURCE_FILE.test(f));
    const wanted = given.length > 0 ? given.map((p) => path.resolve(cwd, p)) : undefined;
    given = changedSchemaFiles.filter((f) => !wanted || wanted.some((w) => f === w || f.startsWith(w + path.sep))).map((f) => path.relative(cwd, f));
    if (given.length === 0) return { ok: 'empty', run: emptyRun(cwd, root, config, { nothingChanged: true }) };
  }

  // NOTE: a changed drizzle config or schema-lint config can change every finding: lint it all.
  // So can the files that say how the schema is migrated (alembic.ini, package.json scripts).
  if (given.some((p) => CONFIG_FILE.test(path.basename(p)) || /^(?:alembic\.ini|package\.json|schema\.prisma)$/.test(path.basename(p)))) given = [];
  const scanProjectFacts = usesProjectFacts(config.rules);

  // NOTE: the project scope (config include, drizzle config schema) is always loaded, so that
  // linting a few files (pre-commit, --changed-since) still resolves cross-file references.
  const casingSetting = config.casing;
  const cache = options.cacheFile !== undefined ? LintCache.open(path.resolve(cwd, options.cacheFile), { casing: casingSetting ?? null, drizzleConfig: config.drizzleConfig ?? null }) : undefined;
  const readConfig = cache ? (file: string) => cache.drizzleConfig(file, () => readDrizzleConfig(file)) : undefined;
  const scope = timed('inputs', () => collectInputs(cwd, [], config, readConfig ? { readDrizzleConfig: readConfig } : {}));
  const scopeFiles = scope.ok ? scope.inputs.files : [];
  let inputs: CollectedInputs;
  let reportedFiles: Set<string> | undefined;
  if (given.length > 0) {
    const explicit = collectInputs(cwd, given, config, { filterExplicit: scopeFiles.length > 0 || options.changedSince !== undefined, ...(readConfig ? { readDrizzleConfig: readConfig } : {}) });
    if (!explicit.ok) return { ok: false, problems: explicit.problems };
    // NOTE: a given file that is not schema code may still write the schema (create_tables.py) or
    // hold a credential: the project scan reports on it.
    const givenFiles = scanProjectFacts ? given.map((p) => path.resolve(cwd, p)).filter((f) => SOURCE_FILE.test(f)) : [];
    if (explicit.inputs.files.length === 0 && scopeFiles.length > 0 && givenFiles.length === 0) {
      // NOTE: pre-commit passes every staged .ts file; none of them is schema code here.
      return { ok: 'empty', run: emptyRun(cwd, root, config, options.changedSince !== undefined ? { nothingChanged: true } : { reportedFiles: new Set() }) };
    }
    inputs = { ...explicit.inputs, files: [...new Set([...explicit.inputs.files, ...scopeFiles])].sort() };
    if (scopeFiles.length > 0) reportedFiles = new Set([...explicit.inputs.files, ...givenFiles]);
  } else {
    if (!scope.ok) return { ok: false, problems: scope.problems };
    inputs = scope.inputs;
  }

  const manifest = loadManifest(config.baseDir, config.classificationManifest);
  if (!manifest.ok) return { ok: false, problems: manifest.problems };

  const casing = config.casing ?? inputs.drizzleConfig?.casing;
  let load = cache?.cachedLoad(inputs.files);
  const cacheHit = load !== undefined;
  if (!load) {
    const fresh = timed('load', () => loadSchema(inputs.files, casing ? { casing } : {}));
    if (fresh.model.tables.length >= LARGE_SCHEMA_TABLES) collectGarbage();
    cache?.storeLoad(inputs.files, fresh);
    load = fresh;
  }
  const classified = timed('classify', () => classifyLoadedModel(load.model, manifest.loaded));
  let model = classified.model;
  const projectProblems: LoadProblem[] = [];
  if (scanProjectFacts) {
    // NOTE: the repository is the config's folder (else the working directory); with paths given,
    // only those files and folders are scanned, like the schema files themselves.
    const scan = timed('project', () =>
      scanProject(config.baseDir, {
        schemaFiles: inputs.files,
        model,
        ignore: config.ignore,
        ...(given.length > 0 ? { only: given.map((p) => path.resolve(cwd, p)) } : {}),
      }),
    );
    projectProblems.push(...scan.problems);
    // NOTE: with paths given, the scan saw only them: its findings belong to the reported files.
    if (reportedFiles) {
      const { mechanisms, schemaWrites, alembicEnvs, databaseConfigs, credentials } = scan.facts;
      for (const fact of [...mechanisms, ...schemaWrites, ...alembicEnvs, ...databaseConfigs, ...credentials]) reportedFiles.add(fact.span.file);
    }
    // NOTE: suppression directives are read from model files: add the scanned files that hold one.
    const directiveFiles = scan.directiveFiles.filter((f) => SOURCE_FILE.test(f) && !model.files.includes(f));
    model = { ...model, project: scan.facts, ...(directiveFiles.length > 0 ? { files: [...model.files, ...directiveFiles] } : {}) };
  }
  return {
    ok: true,
    project: {
      cwd,
      root,
      config,
      inputs,
      model,
      load,
      problems: [...load.problems, ...(inputs.drizzleConfig?.problems ?? []), ...classified.problems, ...projectProblems].map(problemToDiagnostic),
      ...(reportedFiles ? { reportedFiles } : {}),
      ...(manifest.loaded ? { manifest: manifest.loaded } : {}),
      ...(cache ? { cache } : {}),
      cacheHit,
    },
  };
}

export function lintSync(options: LintOptions = {}): LintResult {
  const prepared = prepareProject(options);
  if (prepared.ok === false) return { ok: false, problems: prepared.problems };
  if (prepared.ok === 'empty') return { ok: true, run: prepared.run };
  const { cwd, root, config, inputs, model, load, reportedFiles } = prepared.project;
  const index = new ModelIndex(model);
  const ruleDiagnostics = timed('rules', () => runRules(model, config.rules, index)).filter((d) => !load.filesWithSyntaxErrors.has(d.span.file));
  let diagnostics: Diagnostic[] = withSecretsMasked([...prepared.project.problems, ...ruleDiagnostics], model);

  const directives = new Map<string, SuppressionDirective[]>();
  for (const file of model.files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    // NOTE: only files that mention schema-lint can hold directives; the rest need no scanner.
    if (!text.includes('schema-lint')) continue;
    const cache = prepared.project.cache;
    const found = cache ? cache.directives(file, () => scanDirectives(file, text)) : scanDirectives(file, text);
    if (found.length > 0) directives.set(file, [...found]);
  }
  const suppressed = applySuppressions(diagnostics, directives, suppressibleIds(), options.today ?? new Date().toISOString().slice(0, 10));
  diagnostics = [...suppressed.diagnostics, ...suppressed.problems.map(problemToDiagnostic)];

  if (reportedFiles) diagnostics = diagnostics.filter((d) => reportedFiles!.has(d.span.file));

  let baseline: BaselineSummary | undefined;
  if (options.baselineFile !== undefined) {
    const file = path.resolve(cwd, options.baselineFile);
    const read = readBaseline(file);
    if (!read.ok) return { ok: false, problems: read.problems };
    const applied = applyBaseline(diagnostics, read.baseline, root);
    diagnostics = applied.diagnostics;
    baseline = { file, matched: applied.matched, stale: applied.stale, pruned: applied.pruned };
  }

  diagnostics.sort(compareDiagnostics);
  prepared.project.cache?.save();
  return {
    ok: true,
    run: {
      cwd,
      root,
      diagnostics,
      model,
      inputFiles: inputs.files,
      ...(reportedFiles ? { reportedFiles } : {}),
      config,
      registry,
      ...(baseline ? { baseline } : {}),
      ...(prepared.project.cache ? { cacheHit: prepared.project.cacheHit } : {}),
    },
  };
}

/** Ids a suppression directive may name: every rule, and reserved ids that are not about suppressions. */
function suppressibleIds(): ReadonlySet<string> {
  return new Set([...registry.map((r) => r.id), ...RESERVED_IDS.map((r) => r.id).filter((id) => id !== 'schema-lint/parse-error')]);
}

function emptyRun(cwd: string, root: string, config: ResolvedConfig, extra: Partial<LintRun>): LintRun {
  return { cwd, root, diagnostics: [], model: { tables: [], enums: [], files: [] }, inputFiles: [], config, registry, ...extra };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareSpans(a.span, b.span) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
}

/**
 * Any diagnostic in a file that holds a hard-coded password gets that password's span as a secret,
 * so no reporter shows it in a code frame — whichever rule reported.
 */
function withSecretsMasked(diagnostics: Diagnostic[], model: SchemaModel): Diagnostic[] {
  const credentials = model.project?.credentials ?? [];
  if (credentials.length === 0) return diagnostics;
  const byFile = new Map<string, Span[]>();
  for (const credential of credentials) {
    const list = byFile.get(credential.secret.file);
    if (list) list.push(credential.secret);
    else byFile.set(credential.secret.file, [credential.secret]);
  }
  return diagnostics.map((d) => {
    const secrets = byFile.get(d.span.file);
    if (!secrets) return d;
    const merged = [...(d.secrets ?? []), ...secrets.filter((s) => !(d.secrets ?? []).includes(s))];
    return { ...d, secrets: merged };
  });
}
