import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../src/loaders/load-schema.js';
import { writeProject } from './load-helpers.js';

/**
 * The loader must stay linear in schema size (reference/perf.md: no per-column scans over all
 * tables, memoised bindings). Ten times the tables may cost at most ~30 times the time: linear
 * work gives ~10, a quadratic step ~100. Generous, because CI machines are noisy.
 */

function schemaOf(tables: number): string {
  const lines = [
    "import { foreignKey, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';",
    "const timestamps = { createdAt: timestamp('created_at').defaultNow().notNull(), updatedAt: timestamp('updated_at') };",
  ];
  for (let i = 0; i < tables; i++) {
    const parent = i > 0 ? `t${i - 1}` : undefined;
    lines.push(
      `export const t${i} = pgTable('t${i}', {`,
      "  id: serial('id').primaryKey(),",
      "  name: text('name').notNull(),",
      "  data: jsonb('data').$type<{ a: number }>(),",
      parent ? `  parentId: integer('parent_id').references(() => ${parent}.id, { onDelete: 'cascade' }),` : '',
      "  rootId: integer('root_id'),",
      '  ...timestamps,',
      `}, (t) => [index('t${i}_name_idx').on(t.name), foreignKey({ columns: [t.rootId], foreignColumns: [t0.id] })]);`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function timeLoad(file: string): number {
  const start = performance.now();
  const { model } = loadSchema([file]);
  const elapsed = performance.now() - start;
  expect(model.tables.length).toBeGreaterThan(0);
  return elapsed;
}

describe('drizzle loader scaling', () => {
  it('loads 10x the tables in well under 30x the time', () => {
    const dir = writeProject({ 'small.ts': schemaOf(250), 'large.ts': schemaOf(2500) });
    timeLoad(path.join(dir, 'small.ts')); // warm-up: loads TypeScript and JIT-compiles the loader
    const small = Math.min(timeLoad(path.join(dir, 'small.ts')), timeLoad(path.join(dir, 'small.ts')));
    const large = timeLoad(path.join(dir, 'large.ts'));
    expect(large / small, `250 tables: ${small.toFixed(0)} ms, 2500 tables: ${large.toFixed(0)} ms`).toBeLessThan(30);
  }, 60_000);
});
