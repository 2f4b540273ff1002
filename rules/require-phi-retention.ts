import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { declaredColumnsOf, holdsClassified, isDateLike } from '../src/model/governance.js';
import { qualifiedName } from '../src/model/model-queries.js';

/**
 * Require a retention policy on every table that holds classified PHI.
 *
 * ## Why it matters
 * Medical records must be kept for a period set by state law (HIPAA sets none for records; its own
 * documentation must be kept six years), and GDPR Art. 5(1)(e) forbids keeping personal data longer
 * than needed. Neither can be honoured, audited or automated unless each PHI table says how long its
 * rows live and from which date the period runs. The policy is an ISO-8601 duration plus an anchor
 * column that exists and holds a date.
 *
 * ## Examples
 * ```ts invalid
 * export const labResults = pgTable('lab_results', {
 *   id: serial('id').primaryKey(),
 *   /** @phi lab *\/
 *   result: text('result'),
 *   collectedAt: timestamp('collected_at').notNull(),
 * });
 * ```
 * ```ts valid
 * /** @retention P10Y after=collected_at action=archive *\/
 * export const labResults = pgTable('lab_results', {
 *   id: serial('id').primaryKey(),
 *   /** @phi lab *\/
 *   result: text('result'),
 *   collectedAt: timestamp('collected_at').notNull(),
 * });
 * ```
 *
 * ## Options
 * - `classes` (default `["phi", "special"]`): declared classes that make a table need retention; add
 *   `"pii"` to cover GDPR storage limitation for personal data too.
 *
 * ## How to fix
 * Add `/** @retention P7Y after=<date column> *\/` to the table's declaration (optionally
 * `action=delete|anonymize|archive`), or a `retention` entry for the table in
 * `schema-lint.classification.json`, possibly `"policy:<name>"` referring to shared `retentionPolicies`.
 *
 * ## References
 * - 45 CFR 164.316(b)(2) (documentation retention); state medical-record retention laws
 * - GDPR Art. 5(1)(e) (storage limitation)
 */
export default defineRule({
  id: 'require-phi-retention',
  meta: {
    description: 'Require a retention policy on tables holding classified PHI',
    category: 'privacy',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    tags: ['HIPAA-164.316(b)(2)', 'GDPR-Art.5(1)(e)'],
    messages: {
      missingRetention: (d: { table: string; columns: string }) => `Table ${d.table} holds classified data (${d.columns}) but declares no retention policy.`,
      missingAnchor: (d: { table: string }) => `The retention policy of table ${d.table} has no anchor column (\`after=\`), so nobody can tell when a row expires.`,
      badAnchor: (d: { table: string; anchor: string; problem: string }) => `The retention policy of table ${d.table} runs from \`${d.anchor}\`, which ${d.problem}.`,
      missingDuration: (d: { table: string }) => `The retention policy of table ${d.table} has no duration.`,
    },
    help: 'Declare it on the table: `/** @retention P7Y after=<date column> */` (or in schema-lint.classification.json).',
    helpBySource: { sqlalchemy: 'Declare it in `__table_args__ = {"info": {"retention": "P7Y", "retention_after": "<date column>"}}` or in schema-lint.classification.json.' },
  },
  options: z.object({ classes: z.array(z.enum(['phi', 'pii', 'special', 'credential'])).default(['phi', 'special']) }).strict(),

  check(context, options) {
    return {
      table(table) {
        if (!holdsClassified(table, options.classes)) return;
        const name = qualifiedName(table);
        const retention = table.governance?.retention;
        const span = table.governance?.span ?? table.span;
        if (!retention) {
          const columns = declaredColumnsOf(table, options.classes).map((c) => c.name);
          context.report({ node: table, messageId: 'missingRetention', data: { table: name, columns: columns.length > 0 ? columns.join(', ') : `declared ${table.governance?.dataClass}` } });
          return;
        }
        if (!retention.duration) {
          context.report({ node: table, messageId: 'missingDuration', data: { table: name }, span });
          return;
        }
        if (!retention.after) {
          context.report({ node: table, messageId: 'missingAnchor', data: { table: name }, span });
          return;
        }
        const anchor = context.index.column(table, retention.after) ?? table.columns.find((c) => c.propertyKey === retention.after);
        if (!anchor) context.report({ node: table, messageId: 'badAnchor', data: { table: name, anchor: retention.after, problem: 'is not a column of the table' }, span });
        else if (!isDateLike(anchor)) context.report({ node: table, messageId: 'badAnchor', data: { table: name, anchor: retention.after, problem: `is ${anchor.type.sql}, not a date or timestamp` }, span });
      },
    };
  },
});
