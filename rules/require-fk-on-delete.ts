import { defineRule } from '../src/engine/define-rule.js';
import { checkFkAction, fkActionOptions, type FkActionMessageData } from '../src/engine/fk-action-check.js';

/**
 * Require every foreign key to declare its `onDelete` action explicitly.
 *
 * ## Why it matters
 * A foreign key without `onDelete` gets the database default, `NO ACTION`: deleting the parent row
 * fails while children exist. That may be right, but nobody decided it. In a health app the choice
 * matters either way — `cascade` silently erases medical records with their owner, `restrict`
 * blocks account deletion, `set null` leaves orphaned clinical data. The catalog cannot tell an
 * implicit `NO ACTION` from a chosen one; only the schema code shows that no decision was made.
 *
 * ## Examples
 * ```ts invalid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: integer('author_id').references(() => users.id),
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
 * - `allow`: the actions the project accepts (default: all five). An explicit action outside the
 *   list is reported too: `{ "allow": ["restrict", "no action"] }` forbids `cascade`.
 * - `ignoreTables`: SQL names of tables whose foreign keys are not checked.
 * - `fixAction` (default `"no action"`): the action `schema-lint --fix` writes; it must be in `allow`.
 *
 * ## How to fix
 * Pass `{ onDelete: '...' }` as the second argument of `.references()`, or call `.onDelete('...')`
 * on a table-level `foreignKey()`. `schema-lint --fix` writes `'no action'`, which keeps today's
 * behaviour while making the decision visible. In SQLAlchemy, pass `ondelete=` to `ForeignKey()`.
 *
 * ## References
 * - PostgreSQL documentation, "Constraints: Foreign Keys" (referential actions)
 * - drizzle-orm issue #4667 (a lint for missing onDelete)
 */
export default defineRule({
  id: 'require-fk-on-delete',
  meta: {
    description: 'Require an explicit onDelete action on every foreign key',
    category: 'integrity',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    fixable: 'safe',
    messages: {
      missing: (d: FkActionMessageData) => `Foreign key ${d.fk} declares no onDelete action, so the database silently applies NO ACTION.`,
      notAllowed: (d: FkActionMessageData) => `Foreign key ${d.fk} uses onDelete '${d.action}', which this project does not allow (allowed: ${d.allowed}).`,
    },
    help: "Declare the action: `.references(() => target.id, { onDelete: 'cascade' | 'restrict' | 'set null' | 'no action' })`.",
    helpBySource: { sqlalchemy: 'Pass `ondelete=` to `ForeignKey()`: `ForeignKey("users.id", ondelete="CASCADE")` (or RESTRICT, SET NULL, NO ACTION).' },
  },
  options: fkActionOptions,
  check: (context, options) => checkFkAction('onDelete', context, options),
});
