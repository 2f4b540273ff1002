import { defineRule } from '../src/engine/define-rule.js';
import { checkFkAction, fkActionOptions, type FkActionMessageData } from '../src/engine/fk-action-check.js';

/**
 * Require every foreign key to declare its `onUpdate` action explicitly.
 *
 * ## Why it matters
 * Without `onUpdate` the database applies `NO ACTION`: changing a referenced key fails while rows
 * point to it. With surrogate keys that never change this rarely matters, which is why the rule is
 * only in the `strict` preset; where natural keys (codes, emails, external ids) are referenced, the
 * choice between `cascade` and `restrict` should be written down.
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
 *   authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
 * });
 * ```
 *
 * ## Options
 * - `allow`: the actions the project accepts (default: all five).
 * - `ignoreTables`: SQL names of tables whose foreign keys are not checked.
 * - `fixAction` (default `"no action"`): the action `schema-lint --fix` writes; it must be in `allow`.
 *
 * ## How to fix
 * Add `onUpdate` to the options of `.references()`, or call `.onUpdate('...')` on a table-level
 * `foreignKey()`. `schema-lint --fix` writes `'no action'`. In SQLAlchemy, pass `onupdate=` to `ForeignKey()`.
 *
 * ## References
 * - PostgreSQL documentation, "Constraints: Foreign Keys" (referential actions)
 */
export default defineRule({
  id: 'require-fk-on-update',
  meta: {
    description: 'Require an explicit onUpdate action on every foreign key',
    category: 'integrity',
    defaultSeverity: 'warn',
    recommended: false,
    since: '0.1.0',
    precision: 'very-high',
    fixable: 'safe',
    messages: {
      missing: (d: FkActionMessageData) => `Foreign key ${d.fk} declares no onUpdate action, so the database silently applies NO ACTION.`,
      notAllowed: (d: FkActionMessageData) => `Foreign key ${d.fk} uses onUpdate '${d.action}', which this project does not allow (allowed: ${d.allowed}).`,
    },
    help: "Declare the action: `.references(() => target.id, { onUpdate: 'cascade' | 'restrict' | 'set null' | 'no action' })`.",
    helpBySource: { sqlalchemy: 'Pass `onupdate=` to `ForeignKey()`: `ForeignKey("users.id", onupdate="CASCADE")`.' },
  },
  options: fkActionOptions,
  check: (context, options) => checkFkAction('onUpdate', context, options),
});
