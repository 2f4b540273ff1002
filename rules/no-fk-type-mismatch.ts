import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { describeForeignKey } from '../src/engine/identity.js';
import { foreignKeyTypesCompatible } from '../src/model/type-compat.js';

/**
 * Disallow foreign keys whose column types cannot be compared with the referenced columns.
 *
 * ## Why it matters
 * PostgreSQL only creates a foreign key when the referencing and referenced types share an equality
 * operator: `uuid → varchar` or `integer → text` fail with "foreign key constraint cannot be
 * implemented", typically when the migration runs in production. Compatible pairs such as
 * `serial → integer`, `integer → bigint` or `varchar → text` pass; with `strict` they are reported
 * too, because a narrower referencing type can overflow and mixed types defeat index use.
 *
 * ## Examples
 * ```ts invalid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: varchar('author_id', { length: 36 }).references(() => users.id, { onDelete: 'cascade' }),
 * });
 * ```
 * ```ts valid
 * export const posts = pgTable('posts', {
 *   id: serial('id').primaryKey(),
 *   authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
 * });
 * ```
 * (`users.id` is a `uuid` column in these examples.)
 *
 * ## Options
 * - `strict` (default `false`): also report compatible but different types (`integer → bigint`).
 *
 * ## How to fix
 * Give the referencing column the referenced column's type: `uuid(...)` for a `uuid` key,
 * `integer(...)` for a `serial` key, `bigint(...)` for a `bigserial` key.
 *
 * ## References
 * - PostgreSQL documentation, "CREATE TABLE": "the referenced columns ... must be of a type with a
 *   compatible equality operator"
 */
export default defineRule({
  id: 'no-fk-type-mismatch',
  meta: {
    description: 'Disallow foreign key columns whose type is incompatible with the referenced column',
    category: 'correctness',
    defaultSeverity: 'error',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    messages: {
      incompatible: (d: { fk: string; column: string; type: string; targetType: string }) =>
        `Foreign key ${d.fk} compares ${d.column} (${d.type}) with ${d.targetType}; PostgreSQL cannot implement the constraint.`,
      different: (d: { fk: string; column: string; type: string; targetType: string }) =>
        `Foreign key ${d.fk} compares ${d.column} (${d.type}) with ${d.targetType}; the types differ.`,
    },
    help: "Give the referencing column the referenced column's type (uuid → uuid, serial → integer, bigserial → bigint).",
    helpBySource: { sqlalchemy: "Give the referencing column the referenced column's type (UUID → UUID, Integer → Integer)." },
  },
  options: z.object({ strict: z.boolean().default(false) }).strict(),

  check(context, options) {
    return {
      foreignKey(fk, table) {
        if (!fk.target.resolved) return;
        const target = context.index.targetOf(fk);
        if (!target) return;
        fk.columns.forEach((name, i) => {
          const column = context.index.column(table, name);
          const referenced = context.index.column(target, fk.target.columns[i]!);
          if (!column || !referenced) return;
          const compatible = foreignKeyTypesCompatible(column.type, referenced.type);
          const data = { fk: describeForeignKey(fk, table), column: column.name, type: column.type.sql, targetType: referenced.type.sql };
          if (compatible === false) {
            context.report({ node: fk, table, messageId: 'incompatible', data, key: column.name, span: column.typeSpan ?? fk.span, related: [{ span: referenced.span, message: `Referenced column ${target.name}.${referenced.name} is ${referenced.type.sql}.` }] });
          } else if (compatible === true && options.strict && column.type.sql !== referenced.type.sql) {
            context.report({ node: fk, table, messageId: 'different', data, key: column.name, span: column.typeSpan ?? fk.span });
          }
        });
      },
    };
  },
});
