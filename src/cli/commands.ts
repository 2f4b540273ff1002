import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { rules as registry } from '../../rules/index.js';
import { didYouMean } from '../config/config-problem.js';
import { loadRuleDocs } from '../docs/rule-doc.js';
import { docsUrl } from '../engine/define-rule.js';
import { reservedIdDocs } from '../engine/reserved-ids.js';
import { lintSync, type LintRun } from '../lint/lint.js';
import { toModelJson } from '../model/model-json.js';
import { reporters, type ReporterContext, type ReportInput } from '../reporters/index.js';
import { findGitRoot, relativePosix } from '../reporters/paths.js';
import { TOOL_VERSION } from '../version.js';
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
  }
}

function lintCommand(args: CommonArgs, io: CliIo): ExitCode {
  if (!(LINT_FORMATS as readonly string[]).includes(args.format)) {
    const hint = didYouMean(args.format, LINT_FORMATS);
    return writeProblems(io, [{ code: 'invalid-argument', source: '--format', path: [], message: `unknown format "${args.format}"; expected one of ${LINT_FORMATS.join(', ')}.`, ...(hint ? { hint } : {}) }]);
  }
  const result = runLint(args, io);
  if (!result.ok) return ExitCode.Fatal;
  const { run } = result;
  const diagnostics = args.quiet ? run.diagnostics.filter((d) => d.severity === 'error') : run.diagnostics;
  const toFile = args.outputFile !== undefined;
  const context = reporterContext(run, io, !toFile && args.format === 'text' && decideColor(args.color, io));
  const input: ReportInput = {
    diagnostics,
    fileCount: run.model.files.length,
    tableCount: run.model.tables.length,
    rules: run.config.rules.map((r) => ({ rule: r.rule, severity: r.severity })),
  };
  const report = reporters[args.format as keyof typeof reporters](input, context);
  if (!writeReport(report, args.outputFile, io)) return ExitCode.Fatal;

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

function runLint(args: CommonArgs, io: CliIo): { ok: true; run: LintRun } | { ok: false } {
  const result = lintSync({
    cwd: io.cwd,
    paths: args.paths,
    ...(args.config ? { configFile: args.config } : {}),
    overrides: { ...(args.preset !== undefined ? { preset: args.preset } : {}), rules: args.rule },
  });
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
    sourceRoot: findGitRoot(run.cwd) ?? run.cwd,
    color,
    toolVersion: TOOL_VERSION,
    docs: loadRuleDocs(),
    readSource: (file) => {
      if (!sources.has(file)) {
        try {
          sources.set(file, readFileSync(file, 'utf8'));
        } catch {
          sources.set(file, undefined);
        }
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
