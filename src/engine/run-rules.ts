import { ModelIndex } from '../model/model-queries.js';
import type { SchemaModel, Table } from '../model/schema-model.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import type { AnyRule, ReportDescriptor, RuleContext, RuleVisitor } from './define-rule.js';
import { nodeIdentity, nodeProperties } from './identity.js';

export interface EnabledRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  /** Options already parsed and defaulted by the rule's zod schema. */
  readonly options: unknown;
}

/**
 * Runs the enabled rules over the model in one walk. Pure: the result depends only on the
 * arguments, and the model is never modified.
 */
export function runRules(model: SchemaModel, rules: readonly EnabledRule[], index = new ModelIndex(model)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visitors: RuleVisitor[] = [];

  for (const { rule, severity, options } of rules) {
    const context: RuleContext<Record<string, (data: unknown) => string>> = {
      model,
      index,
      report(descriptor: ReportDescriptor<Record<string, (data: unknown) => string>, string>) {
        diagnostics.push(toDiagnostic(rule, severity, descriptor));
      },
    };
    visitors.push(rule.check(context, options));
  }

  // NOTE: bind each visitor method once: a large model has tens of thousands of nodes.
  const hooks = <K extends keyof RuleVisitor>(key: K) =>
    visitors.flatMap((visitor) => (visitor[key] ? [(visitor[key] as (...args: never[]) => void).bind(visitor) as NonNullable<RuleVisitor[K]>] : []));
  const modelHooks = hooks('model');
  const projectHooks = hooks('project');
  const enumHooks = hooks('enum');
  const tableHooks = hooks('table');
  const columnHooks = hooks('column');
  const fkHooks = hooks('foreignKey');
  const indexHooks = hooks('index');
  const doneHooks = hooks('done');

  for (const fn of modelHooks) fn(model);
  if (model.project) for (const fn of projectHooks) fn(model.project);
  for (const enumType of model.enums) for (const fn of enumHooks) fn(enumType);
  for (const table of model.tables) {
    for (const fn of tableHooks) fn(table);
    if (columnHooks.length > 0) for (const column of table.columns) for (const fn of columnHooks) fn(column, table);
    if (fkHooks.length > 0) for (const fk of table.foreignKeys) for (const fn of fkHooks) fn(fk, table);
    if (indexHooks.length > 0) for (const idx of table.indexes) for (const fn of indexHooks) fn(idx, table);
  }
  for (const fn of doneHooks) fn();
  return diagnostics;
}

function toDiagnostic(
  rule: AnyRule,
  severity: Severity,
  d: ReportDescriptor<Record<string, (data: unknown) => string>, string>,
): Diagnostic {
  const format = rule.meta.messages[d.messageId];
  if (!format) throw new Error(`Rule ${rule.id} reported unknown messageId "${d.messageId}".`);
  const identity = nodeIdentity(d.node, d.table) + (d.key ? `#${d.key}` : '');
  return {
    ruleId: rule.id,
    messageId: d.messageId,
    severity,
    message: format(d.data),
    help: d.help ?? helpFor(rule, d.node.kind === 'table' ? d.node : d.table),
    span: d.span ?? d.node.span,
    identity,
    properties: { ...nodeProperties(d.node, d.table), ...d.properties },
    ...(d.related ? { related: d.related } : {}),
    ...(d.fixes ? { fixes: d.fixes } : {}),
    ...(d.noFixReason ? { noFixReason: d.noFixReason } : {}),
    ...(d.secrets ? { secrets: d.secrets } : {}),
  };
}

function helpFor(rule: AnyRule, table: Table | undefined): string {
  return (table && rule.meta.helpBySource?.[table.source]) ?? rule.meta.help;
}
