import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { qualifiedName } from '../src/model/model-queries.js';

/**
 * Disallow more than one primary key declaration on a table.
 *
 * ## Why it matters
 * A table has at most one primary key. Two columns marked `.primaryKey()`, or a column marked
 * `.primaryKey()` plus a table-level `primaryKey()`, make the generated `CREATE TABLE` fail with
 * "multiple primary keys for table ... are not allowed" — usually discovered only when the
 * migration runs. Two columns each marked `.primaryKey()` do not form a composite key.
 *
 * ## Examples
 * ```ts invalid
 * export const enrollments = pgTable('enrollments', {
 *   patientId: integer('patient_id').primaryKey(),
 *   programId: integer('program_id').primaryKey(),
 * });
 * ```
 * ```ts valid
 * export const enrollments = pgTable('enrollments', {
 *   patientId: integer('patient_id').notNull(),
 *   programId: integer('program_id').notNull(),
 * }, (t) => [primaryKey({ columns: [t.patientId, t.programId] })]);
 * ```
 *
 * ## Options
 * None.
 *
 * ## How to fix
 * Keep one declaration. For a composite key, remove `.primaryKey()` from the columns and declare
 * `primaryKey({ columns: [t.a, t.b] })` in the extra-config callback.
 *
 * ## References
 * - PostgreSQL documentation, "Constraints: Primary Keys"
 */
export default defineRule({
  id: 'no-conflicting-primary-keys',
  meta: {
    description: 'Disallow more than one primary key declaration per table',
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    messages: {
      conflicting: (d: { table: string; count: number; declarations: string }) =>
        `Table ${d.table} declares ${d.count} primary keys (${d.declarations}); PostgreSQL refuses to create it.`,
    },
    help: 'Keep one primary key; for a composite key use `primaryKey({ columns: [t.a, t.b] })` and drop `.primaryKey()` from the columns.',
    helpBySource: { sqlalchemy: 'Keep one primary key: a composite key is `primary_key=True` on each of its columns, or one `PrimaryKeyConstraint(...)`.' },
  },
  options: z.object({}).strict(),

  check(context) {
    return {
      table(table) {
        const declarations = table.primaryKeyDeclarations;
        if (declarations.length < 2) return;
        const described = declarations.map((pk) => `(${pk.columns.join(', ')}) at line ${pk.span.start.line}`).join(', ');
        context.report({
          node: declarations[1]!,
          table,
          messageId: 'conflicting',
          data: { table: qualifiedName(table), count: declarations.length, declarations: described },
          related: declarations.filter((_, i) => i !== 1).map((pk) => ({ span: pk.span, message: `Primary key (${pk.columns.join(', ')}) declared here.` })),
        });
      },
    };
  },
});
