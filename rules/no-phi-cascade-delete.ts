import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { describeForeignKey } from '../src/engine/identity.js';
import { effectiveClass } from '../src/model/governance.js';
import { qualifiedName } from '../src/model/model-queries.js';
import type { Table } from '../src/model/schema-model.js';

/**
 * Disallow `ON DELETE CASCADE` into tables that hold PHI.
 *
 * ## Why it matters
 * With `onDelete: 'cascade'`, deleting a parent row — a user closing their account, a clinician
 * removing a patient by mistake, a cleanup script — silently deletes the child rows too. When the
 * children are medical records (follow-ups, prescriptions, lab results) that must be retained for
 * years, that erases them without any audit or retention check. Deleting people and deleting their
 * records are separate decisions: restrict the delete, or anonymise the owner and keep the records
 * until their retention period ends.
 *
 * ## Examples
 * ```ts invalid
 * export const followups = pgTable('followups', {
 *   id: serial('id').primaryKey(),
 *   userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
 *   /** @phi symptom *\/
 *   symptoms: text('symptoms'),
 * });
 * ```
 * ```ts valid
 * export const followups = pgTable('followups', {
 *   id: serial('id').primaryKey(),
 *   userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
 *   /** @phi symptom *\/
 *   symptoms: text('symptoms'),
 * });
 * ```
 *
 * ## Options
 * - `includeInferred` (default `true`): also treat tables whose columns the classifier finds to be PHI
 *   with at least `likely` confidence as PHI tables, not only declared ones.
 * - `allowTables`: SQL names of child tables where cascading is accepted.
 *
 * ## How to fix
 * Use `onDelete: 'restrict'` (or `'no action'`) and delete or anonymise records through a process that
 * honours their retention policy; or use `'set null'` on a nullable owner column if the records must
 * survive their owner. If the cascade is intended, list the table in `allowTables` with a reason in
 * your config review.
 *
 * ## References
 * - 45 CFR 164.312(c)(1) (integrity: protect ePHI from improper destruction); 45 CFR 164.316(b)(2)
 * - GDPR Art. 5(1)(e), Art. 17(3)(c) (erasure does not override retention duties for health data)
 */
export default defineRule({
  id: 'no-phi-cascade-delete',
  meta: {
    description: 'Disallow ON DELETE CASCADE into tables holding PHI',
    category: 'privacy',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    tags: ['HIPAA-164.312(c)(1)', 'HIPAA-164.316(b)(2)', 'GDPR-Art.5(1)(e)'],
    messages: {
      cascadeIntoPhi: (d: { fk: string; parent: string; child: string; columns: string; retention: string }) =>
        `Foreign key ${d.fk} cascades deletes: deleting a ${d.parent} row silently deletes ${d.child} rows, which hold PHI (${d.columns})${d.retention}.`,
    },
    help: "Use `onDelete: 'restrict'` and remove or anonymise records through a retention-aware process (or `'set null'` to keep them without their owner).",
    helpBySource: { sqlalchemy: 'Use `ondelete="RESTRICT"` and remove or anonymise records through a retention-aware process (or `"SET NULL"` to keep them).' },
  },
  options: z
    .object({
      includeInferred: z.boolean().default(true),
      allowTables: z.array(z.string()).default([]),
    })
    .strict(),

  check(context, options) {
    const allowed = new Set(options.allowTables);
    const phiColumns = new Map<Table, string[]>();
    const phiOf = (table: Table): string[] => {
      let columns = phiColumns.get(table);
      if (!columns) {
        columns = table.columns
          .filter((c) => {
            const cls = options.includeInferred ? effectiveClass(c, 'likely') : c.declared?.dataClass;
            return cls === 'phi' || cls === 'special';
          })
          .map((c) => c.name);
        if (columns.length === 0 && (table.governance?.dataClass === 'phi' || table.governance?.dataClass === 'special')) columns = ['declared on the table'];
        phiColumns.set(table, columns);
      }
      return columns;
    };
    return {
      foreignKey(fk, table) {
        if (fk.onDelete !== 'cascade' || allowed.has(table.name) || allowed.has(qualifiedName(table))) return;
        const columns = phiOf(table);
        if (columns.length === 0) return;
        const retention = table.governance?.retention?.duration ? `, kept ${table.governance.retention.duration}${table.governance.retention.after ? ` after ${table.governance.retention.after}` : ''}` : '';
        const parent = fk.target.table ? qualifiedName({ name: fk.target.table, schema: fk.target.schema }) : fk.target.codeName;
        context.report({
          node: fk,
          table,
          messageId: 'cascadeIntoPhi',
          data: { fk: describeForeignKey(fk, table), parent, child: qualifiedName(table), columns: columns.slice(0, 4).join(', ') + (columns.length > 4 ? ', …' : ''), retention },
          properties: { phiColumns: columns },
        });
      },
    };
  },
});
