import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { jsonbFix, reportFix } from '../src/engine/fix-edits.js';
import { qualifiedName } from '../src/model/model-queries.js';

/**
 * Prefer `jsonb` over `json` for JSON columns in PostgreSQL.
 *
 * ## Why it matters
 * `json` stores the text as written and reparses it on every access; it cannot be indexed with GIN,
 * has no equality operator (so `DISTINCT`, `GROUP BY` and unique constraints fail on it) and keeps
 * duplicate keys. `jsonb` is parsed once, supports containment operators and indexes, and is what
 * almost every application wants.
 *
 * ## Examples
 * ```ts invalid
 * export const events = pgTable('events', {
 *   id: serial('id').primaryKey(),
 *   payload: json('payload').$type<{ kind: string }>(),
 * });
 * ```
 * ```ts valid
 * export const events = pgTable('events', {
 *   id: serial('id').primaryKey(),
 *   payload: jsonb('payload').$type<{ kind: string }>(),
 * });
 * ```
 *
 * ## Options
 * - `ignoreColumns`: `table.column` SQL names that must keep `json` (e.g. exact-text audit copies).
 *
 * ## How to fix
 * Replace `json(...)` with `jsonb(...)` (import `jsonb` from `drizzle-orm/pg-core`); `schema-lint --fix`
 * does this, adding `jsonb` to the import (or renaming a `json` import nothing else uses). In SQLAlchemy use `sqlalchemy.dialects.postgresql.JSONB`.
 *
 * ## References
 * - PostgreSQL documentation, "JSON Types" (json vs jsonb)
 */
export default defineRule({
  id: 'prefer-jsonb',
  meta: {
    description: 'Prefer jsonb over json columns in PostgreSQL',
    category: 'performance',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    fixable: 'safe',
    messages: {
      preferJsonb: (d: { column: string }) => `Column ${d.column} is json, which is reparsed on every read and cannot be indexed or compared.`,
    },
    help: 'Use `jsonb(...)` instead of `json(...)` (SQLAlchemy: `postgresql.JSONB`).',
    helpBySource: { sqlalchemy: 'Use `sqlalchemy.dialects.postgresql.JSONB` instead of `JSON`.' },
  },
  options: z.object({ ignoreColumns: z.array(z.string()).default([]) }).strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreColumns);
    return {
      column(column, table) {
        if (table.dialect !== 'postgresql' || column.type.name !== 'json') return;
        const name = `${qualifiedName(table)}.${column.name}`;
        if (ignored.has(name) || ignored.has(`${table.name}.${column.name}`)) return;
        context.report({ node: column, table, messageId: 'preferJsonb', data: { column: name }, ...(column.typeSpan ? { span: column.typeSpan } : {}), ...reportFix(jsonbFix(column, table)) });
      },
    };
  },
});
