import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import picomatch from 'picomatch';
import path from 'node:path';
import { z } from 'zod';
import { rules as registry } from '../../rules/index.js';
import { didYouMean, type ConfigProblem } from '../config/config-problem.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { loadRuleDocs } from '../docs/rule-doc.js';
import { docsUrl } from '../engine/define-rule.js';
import { reservedIdDocs } from '../engine/reserved-ids.js';
import { buildBaseline, writeBaseline } from '../lint/baseline.js';
import { DEFAULT_CACHE_FILE } from '../lint/cache.js';
import { timed } from '../lint/timing.js';
import { lintSync, prepareProject, type LintOptions, type LintRun, type PreparedProject } from '../lint/lint.js';
import { computeFixes, writeFixes, type FixKind } from '../fix/fix-project.js';
import { formatFixDiff, formatFixSummary } from '../fix/format-fix-summary.js';
import { buildInventory, formatInventoryMarkdown, formatInventoryText, mergeManifestSkeleton, writeJsonAtomically, type InventoryRow } from '../classification/inventory.js';
import { loadManifest, type Manifest } from '../classification/manifest.js';
import { ALWAYS_IGNORED, collectInputs } from '../lint/collect-inputs.js';
import { loadConfig } from '../config/load-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import { configExists, planInit, writeInit } from './init.js';
import { toModelJson } from '../model/model-json.js';
import { reporters, type ReporterContext, type ReportInput } from '../reporters/index.js';
import { relativePosix } from '../reporters/paths.js';
import { TOOL_VERSION } from '../version.js';
import { readSourceFile } from '../loaders/source-file.js';
import { ExitCode } from './exit-code.js';
import { decideColor, type CliIo } from './io.js';
import { LINT_FORMATS, writeProblems, type Command, type CommonArgs } from './run-cli.js';

export async function runCommand(command: Command, io: CliIo): Promise<ExitCode> {
  switch (command.name) {
    case 'lint':
      return lintCommand(command.args, io);
    case 'model':
      return modelCommand(command.args, io);
    case 'list-rules':
      return listRulesCommand(command.args, io);
    case 'explain':
      return explainCommand(command.ruleId, io);
    case 'init':
      return initCommand(command.force, io);
    case 'print-config':
      return printConfigCommand(command.args, command.file, io);
    case 'classify':
      return classifyCommand(command.args, command.writeManifest, io);
    case 'db-check':
      return dbCheckCommand(command, io);
    case 'report':
      return reportCommand(command, io);
  }
}

function lintCommand(args: CommonArgs, io: CliIo): ExitCode {
  if (!(LINT_FORMATS as readonly string[]).includes(args.format)) {
    const hint = didYouMean(args.format, LINT_FORMATS);
    return writeProblems(io, [{ code: 'invalid-argument', source: '--format', path: [], message: `unknown format "${args.format}"; expected one of ${LINT_FORMATS.join(', ')}.`, ...(hint ? { hint } : {}) }]);
  }
  if (args.pruneBaseline && args.baseline === undefined) {
    return writeProblems(io, [{ code: 'invalid-argument', source: '--prune-baseline', path: [], message: 'needs --baseline <file> to know which file to prune.' }]);
  }
  if (args.writeBaseline !== undefined && args.baseline !== undefined) {
    return writeProblems(io, [{ code: 'invalid-argument', source: '--write-baseline', path: [], message: 'cannot be combined with --baseline; write a fresh baseline, or apply one.' }]);
  }
  if (args.fix || args.fixDryRun || args.fixTypes.length > 0) {
    const fixed = fixCommand(args, io);
    if (fixed !== undefined) return fixed;
  }
  const result = runLint(args, io);
  if (!result.ok) return ExitCode.Fatal;
  const { run } = result;

  if (args.writeBaseline !== undefined) {
    const file = path.resolve(io.cwd, args.writeBaseline);
    const baseline = buildBaseline(run.diagnostics, run.root);
    try {
      writeBaseline(file, baseline);
    } catch (error) {
      io.stderr.write(`schema-lint: cannot write ${args.writeBaseline}: ${(error as Error).message}\n`);
      return ExitCode.Fatal;
    }
    const count = baseline.entries.reduce((n, e) => n + e.count, 0);
    io.stderr.write(`schema-lint: wrote ${count} ${count === 1 ? 'finding' : 'findings'} to ${relativePosix(io.cwd, file)}. Lint with --baseline to report only new ones.\n`);
    return ExitCode.Ok;
  }
  if (args.pruneBaseline && run.baseline) {
    if (run.baseline.stale.length > 0) writeBaseline(run.baseline.file, run.baseline.pruned);
    io.stderr.write(`schema-lint: pruned ${run.baseline.stale.length} stale ${run.baseline.stale.length === 1 ? 'entry' : 'entries'} from ${relativePosix(io.cwd, run.baseline.file)}.\n`);
  }

  const diagnostics = args.quiet ? run.diagnostics.filter((d) => d.severity === 'error') : run.diagnostics;
  const toFile = args.outputFile !== undefined;
  const context: ReporterContext = {
    ...reporterContext(run, io, !toFile && args.format === 'text' && decideColor(args.color, io)),
    includeSuppressed: args.includeSuppressed,
    ...(args.sarifCategory !== undefined ? { sarifCategory: args.sarifCategory } : {}),
  };
  const input: ReportInput = {
    diagnostics,
    fileCount: run.model.files.length,
    tableCount: run.model.tables.length,
    rules: run.config.rules.map((r) => ({ rule: r.rule, severity: r.severity })),
    ...(run.baseline ? { baseline: { file: run.baseline.file, matched: run.baseline.matched, stale: args.pruneBaseline ? 0 : run.baseline.stale.length } } : {}),
    ...(run.nothingChanged ? { nothingChanged: true } : {}),
  };
  const report = timed('report', () => reporters[args.format as keyof typeof reporters](input, context));
  if (!writeReport(report, args.outputFile, io)) return ExitCode.Fatal;

  return exitCodeFor(diagnostics, args, io);
}

function exitCodeFor(diagnostics: readonly Diagnostic[], args: CommonArgs, io: CliIo): ExitCode {
  const active = diagnostics.filter((d) => !d.suppression);
  const errors = active.filter((d) => d.severity === 'error').length;
  const warnings = active.length - errors;
  if (args.exitZero) return ExitCode.Ok;
  if (errors > 0) return ExitCode.ProblemsFound;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`schema-lint: ${warnings} warnings exceed --max-warnings ${args.maxWarnings}.\n`);
    return ExitCode.ProblemsFound;
  }
  return ExitCode.Ok;
}

const FIX_TYPES: readonly FixKind[] = ['safe', 'suggestion'];

/**
 * `--fix`, `--fix-dry-run`, `--fix-type`. With --fix the fixes are written, then the lint command
 * reports what remains (its exit code reflects that), so this returns undefined; a dry run prints
 * the diff and returns the exit code the fixed project would give.
 */
function fixCommand(args: CommonArgs, io: CliIo): ExitCode | undefined {
  const problems: ConfigProblem[] = [];
  for (const type of args.fixTypes) {
    if ((FIX_TYPES as readonly string[]).includes(type)) continue;
    const hint = didYouMean(type, FIX_TYPES);
    problems.push({ code: 'invalid-argument', source: '--fix-type', path: [], message: `unknown fix type "${type}"; expected ${FIX_TYPES.join(' or ')}.`, ...(hint ? { hint } : {}) });
  }
  if (!args.fix && !args.fixDryRun) problems.push({ code: 'invalid-argument', source: '--fix-type', path: [], message: 'needs --fix or --fix-dry-run.' });
  if (args.writeBaseline !== undefined) problems.push({ code: 'invalid-argument', source: '--fix', path: [], message: 'cannot be combined with --write-baseline; fix first, then write the baseline.' });
  if (args.fixDryRun && args.format !== 'text') problems.push({ code: 'invalid-argument', source: '--fix-dry-run', path: [], message: `prints a unified diff; it cannot be combined with --format ${args.format}.` });
  if (problems.length > 0) return writeProblems(io, problems);
  const kinds = new Set<FixKind>(args.fixTypes.length > 0 ? (args.fixTypes as FixKind[]) : ['safe']);
  const fixed = timed('fix', () => computeFixes({ ...lintOptions(args, io), kinds }));
  if (fixed.ok === false) return writeProblems(io, fixed.problems);
  if (fixed.ok === 'empty') return undefined;
  const { run } = fixed;
  if (args.fixDryRun) {
    if (!writeReport(formatFixDiff(run, io.cwd), args.outputFile, io)) return ExitCode.Fatal;
    io.stderr.write(formatFixSummary(run, io.cwd, { dryRun: true }));
    const remaining = args.quiet ? run.remaining.diagnostics.filter((d) => d.severity === 'error') : run.remaining.diagnostics;
    return exitCodeFor(remaining, args, io);
  }
  const write = writeFixes(run.changes);
  io.stderr.write(formatFixSummary(run, io.cwd, { dryRun: false, write }));
  // NOTE: a file that could not be written is an I/O failure, not a finding: exit 2.
  return write.failed.length > 0 ? ExitCode.Fatal : undefined;
}

function lintOptions(args: CommonArgs, io: CliIo): LintOptions {
  return {
    cwd: io.cwd,
    paths: args.paths,
    ...(args.config ? { configFile: args.config } : {}),
    ...(args.baseline !== undefined ? { baselineFile: args.baseline } : {}),
    ...(args.changedSince !== undefined ? { changedSince: args.changedSince } : {}),
    ...(io.env['SCHEMA_LINT_TODAY'] ? { today: io.env['SCHEMA_LINT_TODAY'] } : {}),
    ...(args.cache ? { cacheFile: cacheFileOf(args.cacheLocation, io.cwd) } : {}),
    overrides: { ...(args.preset !== undefined ? { preset: args.preset } : {}), rules: args.rule },
  };
}

function runLint(args: CommonArgs, io: CliIo): { ok: true; run: LintRun } | { ok: false } {
  const result = lintSync(lintOptions(args, io));
  if (!result.ok) {
    writeProblems(io, result.problems);
    return { ok: false };
  }
  return result;
}

export function reporterContext(run: LintRun, io: CliIo, color: boolean): ReporterContext {
  const sources = new Map<string, string | undefined>();
  return {
    cwd: run.cwd,
    sourceRoot: run.root,
    color,
    toolVersion: TOOL_VERSION,
    docs: loadRuleDocs(),
    readSource: (file) => {
      if (!sources.has(file)) {
        // NOTE: through readSourceFile, so a FIFO, a directory or a binary file is never read raw.
        const read = readSourceFile(file);
        sources.set(file, read.ok ? read.text : undefined);
      }
      return sources.get(file);
    },
  };
}

/** Writes to --output-file (creating folders) or stdout; false when the file cannot be written. */
function writeReport(report: string, outputFile: string | undefined, io: CliIo): boolean {
  if (outputFile === undefined) {
    io.stdout.write(report);
    return true;
  }
  const target = path.resolve(io.cwd, outputFile);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, report);
    return true;
  } catch (error) {
    io.stderr.write(`schema-lint: cannot write ${outputFile}: ${(error as Error).message}\n`);
    return false;
  }
}

function modelCommand(args: CommonArgs, io: CliIo): ExitCode {
  const result = runLint(args, io);
  if (!result.ok) return ExitCode.Fatal;
  const { run } = result;
  for (const d of run.diagnostics.filter((x) => x.ruleId.startsWith('schema-lint/'))) {
    io.stderr.write(`${relativePosix(run.cwd, d.span.file)}:${d.span.start.line}:${d.span.start.column}: ${d.severity === 'error' ? 'error' : 'warning'}: ${d.message} [${d.ruleId}]\n`);
  }
  const json = toModelJson(run.model, (file) => relativePosix(run.cwd, file));
  return writeReport(`${JSON.stringify(json, null, 2)}\n`, args.outputFile, io) ? ExitCode.Ok : ExitCode.Fatal;
}

function listRulesCommand(args: CommonArgs, io: CliIo): ExitCode {
  const rows = registry.map((rule) => ({
    id: rule.id,
    description: rule.meta.description,
    category: rule.meta.category,
    defaultSeverity: rule.meta.defaultSeverity,
    presets: ['recommended', 'strict', 'hipaa'].filter((p) => p === 'strict' || (p === 'recommended' ? rule.meta.recommended : rule.meta.recommended || (rule.meta.presets ?? []).includes('hipaa'))),
    fixable: rule.meta.fixable ?? null,
    docs: docsUrl(rule.id),
  }));
  if (args.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map(
    (r) => `${r.id.padEnd(idWidth)}  ${(r.defaultSeverity === 'warn' ? 'warning' : 'error').padEnd(7)}  ${(r.presets.includes('recommended') ? 'recommended' : r.presets.join(',')).padEnd(11)}  ${(r.fixable ?? '').padEnd(10)}  ${r.description}`,
  );
  io.stdout.write(`${'rule'.padEnd(idWidth)}  default  preset       fix         description\n${lines.join('\n')}\n`);
  return ExitCode.Ok;
}

function explainCommand(ruleId: string, io: CliIo): ExitCode {
  const rule = registry.find((r) => r.id === ruleId);
  if (!rule) {
    const reserved = reservedIdDocs.get(ruleId);
    if (reserved) {
      io.stdout.write(`${reserved.id}\n\n${reserved.description}.\n\n${reserved.explain}\n`);
      return ExitCode.Ok;
    }
    const hint = didYouMean(ruleId, [...registry.map((r) => r.id), ...reservedIdDocs.keys()]);
    return writeProblems(io, [{ code: 'unknown-rule', source: 'explain', path: [], message: `unknown rule "${ruleId}".`, hint: hint ?? 'Run `schema-lint list-rules` to see every rule.' }]);
  }
  const doc = loadRuleDocs().get(rule.id);
  const presets = ['strict', ...(rule.meta.recommended ? ['recommended'] : []), ...(rule.meta.recommended || rule.meta.presets?.includes('hipaa') ? ['hipaa'] : [])];
  const optionsSchema = JSON.stringify(z.toJSONSchema(rule.options, { io: 'input' }), null, 2);
  const header = [
    rule.id,
    '',
    `  default severity: ${rule.meta.defaultSeverity === 'warn' ? 'warning' : 'error'}`,
    `  category:         ${rule.meta.category}`,
    `  presets:          ${presets.join(', ')}`,
    `  fixable:          ${rule.meta.fixable ?? 'no'}`,
    `  since:            ${rule.meta.since}`,
    `  docs:             ${docsUrl(rule.id)}`,
    '',
  ].join('\n');
  io.stdout.write(`${header}\n${doc?.markdown ?? rule.meta.description}\n\n## Options schema\n${optionsSchema}\n`);
  return ExitCode.Ok;
}

function initCommand(force: boolean, io: CliIo): ExitCode {
  if (configExists(io.cwd) && !force) {
    return writeProblems(io, [{ code: 'invalid-argument', source: 'init', path: [], message: 'a schema-lint configuration already exists here (schema-lint.config.json or package.json#schema-lint).', hint: 'Use --force to overwrite schema-lint.config.json.' }]);
  }
  const plan = planInit(io.cwd);
  try {
    if (force) rmSync(plan.file, { force: true });
    writeInit(plan);
  } catch (error) {
    io.stderr.write(`schema-lint: cannot write ${plan.file}: ${(error as Error).message}\n`);
    return ExitCode.Fatal;
  }
  io.stdout.write(`Wrote ${relativePosix(io.cwd, plan.file)}.\n${plan.findings.map((f) => `  ${f}`).join('\n')}\nRun \`npx schema-lint\` to lint; \`npx schema-lint --write-baseline\` to accept today's findings and fail only on new ones.\n`);
  return ExitCode.Ok;
}

function printConfigCommand(args: CommonArgs, file: string | undefined, io: CliIo): ExitCode {
  const loaded = loadConfig(io.cwd, args.config);
  if (!loaded.ok) return writeProblems(io, loaded.problems);
  const resolved = resolveConfig(loaded.config, { ...(args.preset !== undefined ? { preset: args.preset } : {}), rules: args.rule }, registry);
  if (!resolved.ok) return writeProblems(io, resolved.problems);
  const config = resolved.config;
  const out: Record<string, unknown> = {
    configFile: config.configFile ? relativePosix(io.cwd, config.configFile) : null,
    extends: config.presets,
    include: config.include,
    ignore: config.ignore,
    casing: config.casing ?? null,
    rules: Object.fromEntries([...config.settings].map(([id, s]) => [id, s.severity === 'off' ? 'off' : [s.severity, s.options]])),
  };
  if (file !== undefined) {
    const absolute = path.resolve(io.cwd, file);
    const collected = collectInputs(io.cwd, [], config);
    const linted = collected.ok && collected.inputs.files.includes(absolute);
    const ignoredBy = [...ALWAYS_IGNORED, ...config.ignore.map((g) => path.posix.join(relativePosix(io.cwd, config.baseDir) || '.', g))].find((g) => picomatch.isMatch(relativePosix(io.cwd, absolute), g, { dot: true }));
    out['file'] = { path: relativePosix(io.cwd, absolute), exists: existsSync(absolute), inProjectScope: linted, ignoredBy: ignoredBy ?? null };
  }
  io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return ExitCode.Ok;
}

const CLASSIFY_FORMATS = ['text', 'json', 'markdown'] as const;

function classifyCommand(args: CommonArgs, writeManifestFile: string | undefined, io: CliIo): ExitCode {
  if (!(CLASSIFY_FORMATS as readonly string[]).includes(args.format)) {
    const hint = didYouMean(args.format, CLASSIFY_FORMATS);
    return writeProblems(io, [{ code: 'invalid-argument', source: '--format', path: [], message: `unknown format "${args.format}" for classify; expected one of ${CLASSIFY_FORMATS.join(', ')}.`, ...(hint ? { hint } : {}) }]);
  }
  const prepared = prepareProject({ cwd: io.cwd, paths: args.paths, ...(args.config ? { configFile: args.config } : {}) });
  if (prepared.ok === false) return writeProblems(io, prepared.problems);
  if (prepared.ok === 'empty') {
    io.stdout.write(args.format === 'json' ? '[]\n' : 'No schema files.\n');
    return ExitCode.Ok;
  }
  const { project } = prepared;
  for (const d of project.problems) {
    io.stderr.write(`${relativePosix(io.cwd, d.span.file)}:${d.span.start.line}:${d.span.start.column}: ${d.severity === 'error' ? 'error' : 'warning'}: ${d.message} [${d.ruleId}]\n`);
  }
  const rows = buildInventory(project.model, (file) => relativePosix(io.cwd, file));
  const report =
    args.format === 'json'
      ? `${JSON.stringify(rows, null, 2)}\n`
      : args.format === 'markdown'
        ? formatInventoryMarkdown(rows)
        : formatInventoryText(rows);
  if (!writeReport(report, args.outputFile, io)) return ExitCode.Fatal;

  if (writeManifestFile !== undefined) {
    const target = path.resolve(io.cwd, writeManifestFile);
    let existing: Manifest | undefined;
    if (existsSync(target)) {
      const loaded = loadManifest(path.dirname(target), path.basename(target));
      if (!loaded.ok) return writeProblems(io, loaded.problems);
      existing = loaded.loaded?.manifest;
    }
    const { manifest, added } = mergeManifestSkeleton(existing, project.model);
    try {
      writeJsonAtomically(target, { $schema: './node_modules/schema-lint/src/schemas/classification.schema.json', ...manifest });
    } catch (error) {
      io.stderr.write(`schema-lint: cannot write ${writeManifestFile}: ${(error as Error).message}\n`);
      return ExitCode.Fatal;
    }
    io.stderr.write(`schema-lint: added ${added} inferred ${added === 1 ? 'column' : 'columns'} to ${relativePosix(io.cwd, target)} for review; existing entries are unchanged.\n`);
  }
  return ExitCode.Ok;
}

async function dbCheckCommand(command: Extract<Command, { name: 'db-check' }>, io: CliIo): Promise<ExitCode> {
  const { args } = command;
  if (!(LINT_FORMATS as readonly string[]).includes(args.format)) {
    const hint = didYouMean(args.format, LINT_FORMATS);
    return writeProblems(io, [{ code: 'invalid-argument', source: '--format', path: [], message: `unknown format "${args.format}"; expected one of ${LINT_FORMATS.join(', ')}.`, ...(hint ? { hint } : {}) }]);
  }
  const databaseUrl = command.databaseUrl ?? (command.migrations === undefined ? io.env['DATABASE_URL'] : undefined);
  if (databaseUrl === undefined && command.migrations === undefined) {
    return writeProblems(io, [{ code: 'invalid-argument', source: 'db-check', path: [], message: 'needs a database: --database-url <url> (or DATABASE_URL), or --migrations <dir> to build one from migrations.' }]);
  }
  const prepared = prepareProject({ cwd: io.cwd, paths: args.paths, ...(args.config ? { configFile: args.config } : {}) });
  if (prepared.ok === false) return writeProblems(io, prepared.problems);
  if (prepared.ok === 'empty') return writeProblems(io, [{ code: 'no-input', source: 'db-check', path: [], message: 'no schema files to compare.' }]);
  const { project } = prepared;
  const { runDbCheck, DbCheckError } = await import('../db-check/index.js');
  const progress = io.stderr.isTTY && args.format === 'text';
  try {
    const result = await runDbCheck({
      model: project.model,
      ...(databaseUrl !== undefined ? { databaseUrl } : {}),
      ...(command.migrations !== undefined ? { migrationsDir: path.resolve(io.cwd, command.migrations) } : {}),
      ...(command.schemas.length > 0 ? { schemas: command.schemas } : {}),
      ...(command.statementTimeout !== undefined ? { statementTimeoutMs: command.statementTimeout } : {}),
      onProgress: (event) => {
        if (progress) io.stderr.write(`\r\u001b[2Kapplying migrations ${event.applied}/${event.total} ${event.applied < event.total ? event.name : ''}`);
        else if (event.applied === event.total && args.format === 'text') io.stderr.write(`applied ${event.total} migrations\n`);
      },
    });
    if (progress) io.stderr.write('\r\u001b[2K');
    const run = { ...emptyRunShape(project), diagnostics: result.diagnostics };
    const context: ReporterContext = { ...reporterContext(run, io, !args.outputFile && args.format === 'text' && decideColor(args.color, io)) };
    const input: ReportInput = { diagnostics: result.diagnostics, fileCount: project.model.files.length, tableCount: project.model.tables.length, rules: [] };
    let report = reporters[args.format as keyof typeof reporters](input, context);
    if (args.format === 'text') {
      report = `Compared ${result.tables.code} tables in code with ${result.tables.database} in ${result.source.description}.\n${report}`;
    }
    if (!writeReport(report, args.outputFile, io)) return ExitCode.Fatal;
    if (args.exitZero) return ExitCode.Ok;
    return result.diagnostics.some((d) => d.severity === 'error') ? ExitCode.ProblemsFound : ExitCode.Ok;
  } catch (error) {
    if (progress) io.stderr.write('\r\u001b[2K');
    if (error instanceof DbCheckError) {
      io.stderr.write(`schema-lint db-check: ${error.message}${error.hint ? `\n  ${error.hint}` : ''}\n`);
      return ExitCode.Fatal;
    }
    throw error;
  }
}

function emptyRunShape(project: PreparedProject): LintRun {
  return { cwd: project.cwd, root: project.root, diagnostics: [], model: project.model, inputFiles: project.inputs.files, config: project.config, registry };
}

/** `--cache-location` may name a file, or a folder (existing, or written with a trailing slash). */
function cacheFileOf(location: string | undefined, cwd: string): string {
  if (location === undefined) return DEFAULT_CACHE_FILE;
  const absolute = path.resolve(cwd, location);
  let isDirectory = /[\\/]$/.test(location);
  try {
    isDirectory ||= statSync(absolute).isDirectory();
  } catch {
    // a new file
  }
  return isDirectory ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

const REPORT_FORMATS = ['html', 'markdown'] as const;

async function reportCommand(command: Extract<Command, { name: 'report' }>, io: CliIo): Promise<ExitCode> {
  const { args } = command;
  // NOTE: the shared --format defaults to `text`; for `report` that means the HTML report.
  const format = args.format === 'text' ? 'html' : args.format;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    const hint = didYouMean(format, REPORT_FORMATS);
    return writeProblems(io, [{ code: 'invalid-argument', source: '--format', path: [], message: `unknown format "${format}" for report; expected html or markdown.`, ...(hint ? { hint } : {}) }]);
  }
  let previous: InventoryRow[] | undefined;
  if (command.previousInventory !== undefined) {
    try {
      previous = JSON.parse(readFileSync(path.resolve(io.cwd, command.previousInventory), 'utf8')) as InventoryRow[];
      if (!Array.isArray(previous)) throw new Error('expected the JSON array `schema-lint classify --format json` prints');
    } catch (error) {
      return writeProblems(io, [{ code: 'invalid-argument', source: '--previous-inventory', path: [], message: `cannot read ${command.previousInventory}: ${(error as Error).message}.` }]);
    }
  }
  const result = runLint(args, io);
  if (!result.ok) return ExitCode.Fatal;
  const { run } = result;
  const { renderHtmlReport, formatMarkdownSummary } = await import('../report/index.js');
  const outputFile = args.outputFile ?? (format === 'html' ? 'schema-lint-report.html' : undefined);
  // NOTE: source links in the HTML are relative to the folder the report is written to.
  const root = outputFile !== undefined ? path.dirname(path.resolve(io.cwd, outputFile)) : io.cwd;
  const data = {
    model: run.model,
    diagnostics: run.diagnostics,
    inventory: buildInventory(run.model, (file) => relativePosix(root, file)),
    toolVersion: TOOL_VERSION,
    root,
    generatedAt: new Date().toISOString(),
    ...(command.title !== undefined ? { title: command.title } : {}),
    ...(command.sourceLinkBase !== undefined ? { sourceLinkBase: command.sourceLinkBase } : {}),
  };
  const text =
    format === 'markdown'
      ? formatMarkdownSummary({
          ...data,
          ...(run.baseline ? { baseline: { file: run.baseline.file, matched: run.baseline.matched, stale: run.baseline.stale.length } } : {}),
          ...(previous ? { previous } : {}),
        })
      : await renderHtmlReport(data);
  if (!writeReport(text, outputFile, io)) return ExitCode.Fatal;
  if (outputFile !== undefined) io.stderr.write(`schema-lint: wrote ${relativePosix(io.cwd, path.resolve(io.cwd, outputFile))} (${run.model.tables.length} tables, ${run.diagnostics.filter((d) => !d.suppression).length} findings).\n`);
  return ExitCode.Ok;
}
