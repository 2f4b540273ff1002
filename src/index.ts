/** Public API of schema-lint. */
export { lint, lintSync, type LintOptions, type LintResult, type LintRun } from './lint/lint.js';
export { loadSchema, type LoadOptions, type LoadResult } from './loaders/load-schema.js';
export { runRules, type EnabledRule } from './engine/run-rules.js';
export { defineRule, type AnyRule, type RuleDefinition, type RuleMeta, type RuleContext, type RuleVisitor } from './engine/define-rule.js';
export type { Diagnostic, DiagnosticProperties, Severity, Fix, TextEdit } from './engine/diagnostic.js';
export { rules } from '../rules/index.js';
export { reporters, type Reporter, type ReporterContext, type ReportInput, type ReporterName } from './reporters/index.js';
export { runCli } from './cli/run-cli.js';
export type { CliIo } from './cli/io.js';
export type { ConfigProblem } from './config/config-problem.js';
export type { RawConfig } from './config/config-schema.js';
export { toModelJson, type ModelJson } from './model/model-json.js';
export type * from './model/schema-model.js';
export type { Span, Position } from './model/span.js';
