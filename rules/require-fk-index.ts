import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { fkIndexFix, reportFix } from '../src/engine/fix-edits.js';
import { describeForeignKey } from '../src/engine/identity.js';
import { findCoveringIndex } from '../src/model/model-queries.js';

/**
 * Require an index whose leading columns are each foreign key's columns.
 *
 * ## Why it matters
 * PostgreSQL indexes the referenced side of a foreign key (it must be unique) but never the
 * referencing side. Without an index there, joins along the relation and every delete or key update
 * on the parent scan the whole child table — and `ON DELETE CASCADE` turns one delete into a
 * sequential scan per child table. The FK columns count as covered when they are the leading
 * columns, in order, of an index, the primary key or a unique constraint (Supabase splinter's
 * `unindexed_foreign_keys`, with prefix matching).
 *
 * ## Examples
 * ```ts invalid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade' }),
 * });
 * ```
 * ```ts valid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade' }),
 * }, (t) => [index('posts_author_id_idx').on(t.authorId)]);
 * ```
 *
 * ## Options
 * - `ignoreTables`: SQL names of tables whose foreign keys are not checked (small lookup tables).
 * - `partialIndexesCover` (default `true`): whether a partial index (`.where(...)`) counts as
 *   covering, as it does in the catalog query. Set `false` to demand a full index.
 *
 * ## How to fix
 * Add `index('<table>_<column>_idx').on(t.<column>)` to the table's extra-config callback
 * (`schema-lint --fix --fix-type suggestion` writes it), or put the FK columns first in an existing
 * composite index. In SQLAlchemy, pass `index=True` or add an `Index(...)` to `__table_args__`.
 *
 * ## References
 * - PostgreSQL documentation, "Constraints: Foreign Keys" (indexing the referencing columns)
 * - Supabase splinter lint 0001 `unindexed_foreign_keys`
 */
export default defineRule({
  id: 'require-fk-index',
  meta: {
    description: "Require an index covering each foreign key's columns",
    category: 'performance',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    fixable: 'suggestion',
    messages: {
      missingIndex: (d: { fk: string }) => `Foreign key ${d.fk} has no index covering its columns, so joins and parent deletes scan the table.`,
    },
    help: "Add an index whose leading columns are the foreign key's columns: `index('<table>_<column>_idx').on(t.<column>)`.",
    helpBySource: { sqlalchemy: 'Pass `index=True` to the column, or add `Index("ix_<table>_<column>", "<column>")` to `__table_args__`.' },
  },
  options: z
    .object({
      ignoreTables: z.array(z.string()).default([]),
      partialIndexesCover: z.boolean().default(true),
    })
    .strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreTables);
    return {
      foreignKey(fk, table) {
        if (ignored.has(table.name)) return;
        if (findCoveringIndex(table, fk.columns, { includePartial: options.partialIndexesCover })) return;
        context.report({ node: fk, table, messageId: 'missingIndex', data: { fk: describeForeignKey(fk, table) }, ...reportFix(fkIndexFix(fk, table, context.model)) });
      },
    };
  },
});
