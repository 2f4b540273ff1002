import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildInventory } from '../../src/classification/inventory.js';
import { lintSync } from '../../src/lint/lint.js';
import type { ReportData } from '../../src/report/index.js';
import { relativePosix } from '../../src/reporters/paths.js';

export const HEALTH_APP = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');

/** Lints a project and builds the report input the way the CLI does, paths relative to `root`. */
export function reportDataFor(cwd: string, options: { paths?: readonly string[]; root?: string } = {}): ReportData {
  const result = lintSync({ cwd, ...(options.paths ? { paths: options.paths } : {}) });
  if (!result.ok) throw new Error(`lint failed: ${JSON.stringify(result.problems)}`);
  const root = options.root ?? cwd;
  const { model, diagnostics } = result.run;
  return { model, diagnostics, inventory: buildInventory(model, (file) => relativePosix(root, file)), toolVersion: '0.0.0-test', root };
}

/** A schema built on the fly whose names try to break out of the HTML: they must show as text. */
export const HOSTILE_COLUMN = '<script>alert(1)</script>';
export const HOSTILE_TABLE = '"><img src=x onerror=alert(2)>';
export const HOSTILE_FILE = 'x<b>y.ts';

/** Writes the hostile schema to a fresh folder; lint it with `paths: [HOSTILE_FILE]`. */
export function writeHostileProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-report-xss-'));
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(
    path.join(dir, HOSTILE_FILE),
    [
      "import { integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';",
      `export const users = pgTable('users', { id: serial('id').primaryKey(), ${JSON.stringify(HOSTILE_COLUMN)}: text(${JSON.stringify(HOSTILE_COLUMN)}) });`,
      `export const evil = pgTable(${JSON.stringify(HOSTILE_TABLE)}, {`,
      "  id: serial('id').primaryKey(),",
      "  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),",
      "  payload: jsonb('</script><!--'),",
      '});',
      '',
    ].join('\n'),
  );
  return dir;
}
