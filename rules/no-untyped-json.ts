import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { jsonTypeStubFix, reportFix } from '../src/engine/fix-edits.js';
import { qualifiedName } from '../src/model/model-queries.js';

/**
 * Require json and jsonb columns to declare the type of document they hold.
 *
 * ## Why it matters
 * A `jsonb` column without a declared type is an unchecked sink: any shape goes in, and every
 * reader must guess what comes out. Medical insights, metrics and AI outputs stored this way drift
 * silently and break parsers downstream. Declaring the type with Drizzle's `.$type<T>()` (or
 * `Mapped[SomeTypedDict]` in SQLAlchemy) makes inserts and selects type-checked and documents the
 * payload where the schema lives.
 *
 * ## Examples
 * ```ts invalid
 * export const patients = pgTable('patients', {
 *   id: serial('id').primaryKey(),
 *   vitals: jsonb('vitals'),
 * });
 * ```
 * ```ts valid
 * export const patients = pgTable('patients', {
 *   id: serial('id').primaryKey(),
 *   vitals: jsonb('vitals').$type<{ heartRate: number; recordedAt: string }>(),
 * });
 * ```
 *
 * ## Options
 * - `ignoreColumns`: `table.column` SQL names that may stay untyped (e.g. raw webhook payloads).
 *
 * ## How to fix
 * Call `.$type<YourType>()` on the column builder, with an interface that describes the document and
 * a version field if its shape will evolve. For SQLAlchemy, annotate `Mapped[YourTypedDict]` or use a
 * pydantic-backed type. `schema-lint --fix --fix-type suggestion` inserts a
 * `.$type<Record<string, unknown> /* TODO: describe the document *\/>()` stub to replace.
 *
 * ## References
 * - Drizzle ORM documentation, "Column types: jsonb" (`.$type<T>()`)
 */
export default defineRule({
  id: 'no-untyped-json',
  meta: {
    description: 'Disallow json and jsonb columns without a declared document type',
    category: 'integrity',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    fixable: 'suggestion',
    messages: {
      untyped: (d: { column: string; type: string }) => `Column ${d.column} is ${d.type} with no declared type, so any document shape can be stored in it.`,
    },
    help: 'Declare the document type: `jsonb(...).$type<YourType>()` (SQLAlchemy: `Mapped[YourTypedDict]`).',
    helpBySource: { sqlalchemy: 'Annotate the document type: `Mapped[YourTypedDict]` with a JSON/JSONB column, or a pydantic-backed TypeDecorator.' },
  },
  options: z.object({ ignoreColumns: z.array(z.string()).default([]) }).strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreColumns);
    return {
      column(column, table) {
        if (column.type.name !== 'json' && column.type.name !== 'jsonb') return;
        if (column.declaredType !== undefined) return;
        const name = `${qualifiedName(table)}.${column.name}`;
        if (ignored.has(name) || ignored.has(`${table.name}.${column.name}`)) return;
        context.report({ node: column, table, messageId: 'untyped', data: { column: name, type: column.type.sql }, ...reportFix(jsonTypeStubFix(column, table)) });
      },
    };
  },
});
