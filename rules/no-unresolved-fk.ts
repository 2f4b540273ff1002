import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { describeForeignKey } from '../src/engine/identity.js';
import { qualifiedName } from '../src/model/model-queries.js';

/**
 * Disallow foreign keys whose referenced table or columns are not in the loaded schema.
 *
 * ## Why it matters
 * PostgreSQL refuses a foreign key to a table or column that does not exist. In schema code this
 * happens after a rename, when a column is referenced by the wrong key, or when the target lives in
 * a file or package the schema does not include — then every other check on the relation (types,
 * indexes, cascades) is blind too.
 *
 * ## Examples
 * ```ts invalid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: integer('author_id').references(() => users.userId, { onDelete: 'cascade' }),
 * });
 * ```
 * ```ts valid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade' }),
 * });
 * ```
 *
 * ## Options
 * - `externalTables`: tables that exist in the database but not in the schema code, as SQL names
 *   (`schema.table` outside `public`), e.g. `["auth.users"]` for Supabase. References to them pass.
 *
 * ## How to fix
 * Point the reference at an existing column (`.references(() => users.id)`), include the file that
 * defines the target table in the lint run (config `include`, or the drizzle config `schema`), or
 * list genuinely external tables in `externalTables`.
 *
 * ## References
 * - PostgreSQL documentation, "Constraints: Foreign Keys"
 */
export default defineRule({
  id: 'no-unresolved-fk',
  meta: {
    description: 'Disallow foreign keys to tables or columns missing from the schema',
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    messages: {
      missingTable: (d: { fk: string; target: string }) => `Foreign key ${d.fk} references ${d.target}, which is not a table in the loaded schema.`,
      missingColumn: (d: { fk: string; target: string; columns: string }) =>
        `Foreign key ${d.fk} references ${d.columns}, which ${d.columns.includes(',') ? 'are not columns' : 'is not a column'} of ${d.target}.`,
    },
    help: 'Reference an existing column, include the file that defines the target table, or list the table in `externalTables`.',
    helpBySource: { sqlalchemy: 'Point `ForeignKey("table.column")` at an existing column, include the module that defines the target table, or list the table in `externalTables`.' },
  },
  options: z.object({ externalTables: z.array(z.string()).default([]) }).strict(),

  check(context, options) {
    const external = new Set(options.externalTables);
    return {
      foreignKey(fk, table) {
        if (fk.target.resolved) return;
        const targetName = qualifiedName({ name: fk.target.table ?? fk.target.codeName, schema: fk.target.schema });
        if (external.has(targetName)) return;
        const target = context.index.targetOf(fk);
        if (!target) {
          context.report({ node: fk, table, messageId: 'missingTable', data: { fk: describeForeignKey(fk, table), target: fk.target.table ? targetName : `\`${fk.target.codeName}\`` } });
          return;
        }
        const missing = fk.target.columns.filter((c) => !context.index.column(target, c));
        context.report({ node: fk, table, messageId: 'missingColumn', data: { fk: describeForeignKey(fk, table), target: targetName, columns: missing.join(', ') } });
      },
    };
  },
});
