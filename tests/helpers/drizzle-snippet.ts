/** Import preamble plus the canonical `users` table that rule test snippets build on. */
export const DRIZZLE_PREAMBLE = [
  "import { sql } from 'drizzle-orm';",
  "import { pgTable, pgSchema, serial, integer, bigint, real, text, varchar, uuid, json, jsonb, date, timestamp, index, uniqueIndex, primaryKey, foreignKey, unique, check, boolean, customType } from 'drizzle-orm/pg-core';",
  "import type { AnyPgColumn } from 'drizzle-orm/pg-core';",
  '',
  "export const users = pgTable('users', { id: uuid('id').primaryKey().defaultRandom(), /** @pii id.email */ email: text('email').notNull() });",
  '',
].join('\n');

/** Number of lines the preamble adds, so cases can state lines relative to their own code. */
export const PREAMBLE_LINES = DRIZZLE_PREAMBLE.split('\n').length - 1;

/** Tagged template: dedents the snippet and prepends the preamble. */
export function drizzle(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  return DRIZZLE_PREAMBLE + dedent(raw);
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l, i) => (i === 0 ? Infinity : /^ */.exec(l)![0].length));
  const min = Math.min(...indents);
  const cut = Number.isFinite(min) ? min : 0;
  return `${lines.map((l, i) => (i === 0 ? l.trimStart() : l.slice(Math.min(cut, /^ */.exec(l)![0].length)))).join('\n')}\n`;
}
