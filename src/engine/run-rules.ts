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

  const each = <K extends keyof RuleVisitor>(key: K, call: (fn: NonNullable<RuleVisitor[K]>) => void) => {
    for (const visitor of visitors) {
      const fn = visitor[key];
      if (fn) call(fn.bind(visitor) as NonNullable<RuleVisitor[K]>);
    }
  };

  each('model', (fn) => fn(model));
  for (const enumType of model.enums) each('enum', (fn) => fn(enumType));
  for (const table of model.tables) {
    each('table', (fn) => fn(table));
    for (const column of table.columns) each('column', (fn) => fn(column, table));
    for (const fk of table.foreignKeys) each('foreignKey', (fn) => fn(fk, table));
    for (const idx of table.indexes) each('index', (fn) => fn(idx, table));
  }
  each('done', (fn) => fn());
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
  };
}

function helpFor(rule: AnyRule, table: Table | undefined): string {
  return (table && rule.meta.helpBySource?.[table.source]) ?? rule.meta.help;
}
