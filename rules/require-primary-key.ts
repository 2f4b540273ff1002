import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { qualifiedName } from '../src/model/model-queries.js';

/**
 * Require every table to declare a primary key.
 *
 * ## Why it matters
 * Without a primary key, rows cannot be addressed reliably: duplicates creep in, ORMs cannot update
 * or delete a single row safely, logical replication refuses updates and deletes on the table, and
 * other tables cannot reference it with a foreign key.
 *
 * ## Examples
 * ```ts invalid
 * export const auditEvents = pgTable('audit_events', {
 *   action: text('action').notNull(),
 * });
 * ```
 * ```ts valid
 * export const auditEvents = pgTable('audit_events', {
 *   id: serial('id').primaryKey(),
 *   action: text('action').notNull(),
 * });
 * ```
 *
 * ## Options
 * - `ignoreTables`: SQL names of tables allowed to have no primary key.
 *
 * ## How to fix
 * Mark a column with `.primaryKey()`, or declare `primaryKey({ columns: [t.a, t.b] })` in the
 * table's extra-config callback for a composite key. In SQLAlchemy, pass `primary_key=True`.
 *
 * ## References
 * - Supabase splinter lint 0004 `no_primary_key`
 */
export default defineRule({
  id: 'require-primary-key',
  meta: {
    description: 'Require a primary key on every table',
    category: 'integrity',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    messages: {
      missingPrimaryKey: (d: { table: string }) => `Table ${d.table} has no primary key, so its rows cannot be addressed or referenced reliably.`,
    },
    help: 'Add `.primaryKey()` to the identifying column, or `primaryKey({ columns: [...] })` in the extra-config callback.',
    helpBySource: { sqlalchemy: 'Pass `primary_key=True` to the identifying column, or add `PrimaryKeyConstraint(...)` to `__table_args__`.' },
  },
  options: z.object({ ignoreTables: z.array(z.string()).default([]) }).strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreTables);
    return {
      table(table) {
        if (table.primaryKeyDeclarations.length > 0 || ignored.has(table.name)) return;
        context.report({ node: table, messageId: 'missingPrimaryKey', data: { table: qualifiedName(table) } });
      },
    };
  },
});
