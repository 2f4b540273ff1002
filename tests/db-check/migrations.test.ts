import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbCheckError, runDbCheck } from '../../src/db-check/index.js';
import { naturalCompare, readMigrations } from '../../src/db-check/migrations.js';
import { splitSqlStatements } from '../../src/db-check/sql-statements.js';
import { loadSchema } from '../../src/loaders/load-schema.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { clinicSchema, repoRoot } from './drizzle-kit-ddl.js';
import { buildMigrationFixtures, migrationsDir } from './migration-fixtures.js';

// `db-check --migrations`: the project's migrations are applied to an embedded PostgreSQL
// (PGlite), with no server running. The clinic migrations lag the schema code by one column,
// patients.date_of_birth (see fixtures/db-check/clinic/history).

let model: SchemaModel;
const temporary: string[] = [];

beforeAll(() => {
  model = loadSchema([clinicSchema]).model;
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function copyOf(dir: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'schema-lint-migrations-'));
  temporary.push(target);
  cpSync(dir, target, { recursive: true });
  return target;
}

describe('db-check --migrations', () => {
  it("reports the column drizzle-kit's migrations lag behind, and nothing else", async () => {
    const events: { applied: number; total: number; name: string }[] = [];
    const result = await runDbCheck({ model, migrationsDir: path.join(migrationsDir, 'drizzle'), onProgress: (e) => events.push(e) });
    expect(result.diagnostics.map((d) => ({ ruleId: d.ruleId, message: d.message, help: d.help, line: d.span.start.line, file: d.span.file }))).toEqual([
      {
        ruleId: 'schema-lint/db-missing-column',
        message: 'Column patients.date_of_birth is declared in schema code but missing in the migrations.',
        help: 'Generate a migration that creates the column (`drizzle-kit generate`) and commit it, or remove the column from the schema code.',
        line: 50,
        file: clinicSchema,
      },
    ]);
    expect(result.compared).toBe(true);
    expect(result.source).toMatchObject({ kind: 'migrations', format: 'drizzle-kit', migrations: 2, applied: 2 });
    expect(result.tables).toEqual({ code: 5, database: 5, matched: 5 });
    expect(result.schemas).toEqual(['billing', 'public']);
    expect(events).toEqual([
      { applied: 0, total: 2, name: '0000_initial.sql' },
      { applied: 1, total: 2, name: '0001_billing_and_care_team.sql' },
      { applied: 2, total: 2, name: '0001_billing_and_care_team.sql' },
    ]);
  }, 30_000);

  it('applies a folder of plain .sql files in natural order', async () => {
    const result = await runDbCheck({ model, migrationsDir: path.join(migrationsDir, 'plain') });
    expect(result.source).toMatchObject({ kind: 'migrations', format: 'sql-files', migrations: 3, applied: 3 });
    expect(result.diagnostics.map((d) => `${d.ruleId} ${d.identity}`)).toEqual(['schema-lint/db-missing-column column:public.patients.date_of_birth']);
  }, 30_000);

  it('reports a failing statement by file and line, and does not compare', async () => {
    const dir = path.join(repoRoot, 'fixtures/db-check/broken-migrations');
    const result = await runDbCheck({ model, migrationsDir: dir });
    expect(result.compared).toBe(false);
    expect(result.source).toMatchObject({ applied: 1, migrations: 2 });
    expect(result.diagnostics).toHaveLength(1);
    const [failure] = result.diagnostics;
    expect(failure).toMatchObject({
      ruleId: 'schema-lint/db-migration-failed',
      severity: 'error',
      message: 'Migration 002_posts.sql failed at line 7 (CREATE INDEX posts_author_idx): column "user_id" does not exist. The database was not compared with the schema code.',
      span: { file: path.join(dir, '002_posts.sql'), start: { line: 7 } },
      properties: { migration: '002_posts.sql', line: 7, sqlState: '42703' },
    });
    expect(failure!.help).toMatch(/^Fix the migration/);
  }, 30_000);

  it("reports a migration drizzle-kit's journal lists but the folder lacks", async () => {
    const dir = copyOf(path.join(migrationsDir, 'drizzle'));
    unlinkSync(path.join(dir, '0001_billing_and_care_team.sql'));
    const result = await runDbCheck({ model, migrationsDir: dir });
    expect(result.compared).toBe(false);
    expect(result.diagnostics.map((d) => ({ ruleId: d.ruleId, message: d.message, file: path.relative(dir, d.span.file), line: d.span.start.line }))).toEqual([
      {
        ruleId: 'schema-lint/db-migration-failed',
        message: "Migration 0001_billing_and_care_team.sql, listed in drizzle-kit's journal, does not exist. The database was not compared with the schema code.",
        file: path.join('meta', '_journal.json'),
        line: 16,
      },
    ]);
  }, 30_000);

  it('throws a DbCheckError for a folder without migrations, without any source, and for non-PostgreSQL code', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'schema-lint-migrations-'));
    temporary.push(empty);
    await expect(runDbCheck({ model, migrationsDir: empty })).rejects.toMatchObject({ name: 'DbCheckError', code: 'migrations-not-found' });
    await expect(runDbCheck({ model, migrationsDir: path.join(empty, 'nope') })).rejects.toBeInstanceOf(DbCheckError);
    await expect(runDbCheck({ model })).rejects.toMatchObject({ code: 'no-source' });
    const sqlite = { ...model, tables: model.tables.map((t) => ({ ...t, dialect: 'sqlite' as const })) };
    await expect(runDbCheck({ model: sqlite, migrationsDir: empty })).rejects.toMatchObject({
      code: 'unsupported-dialect',
      message: 'db-check compares PostgreSQL schemas; the schema code declares sqlite tables only.',
    });
  });

  it('reads folders holding migration.sql and skips *.down.sql files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-migrations-'));
    temporary.push(dir);
    cpSync(path.join(migrationsDir, 'plain'), path.join(dir, 'flat'), { recursive: true });
    cpSync(path.join(migrationsDir, 'plain', '1_initial.sql'), path.join(dir, 'flat', '1_initial.down.sql'));
    for (const [folder, file] of [
      ['20250110_billing', '2_billing_and_care_team.sql'],
      ['20250101_initial', '1_initial.sql'],
    ] as const) {
      cpSync(path.join(migrationsDir, 'plain', file), path.join(dir, 'folders', folder, 'migration.sql'));
    }
    expect(readMigrations(path.join(dir, 'flat')).migrations.map((m) => m.name)).toEqual(['1_initial.sql', '2_billing_and_care_team.sql', '10_indexes.sql']);
    const folders = readMigrations(path.join(dir, 'folders'));
    expect(folders.format).toBe('sql-folders');
    expect(folders.migrations.map((m) => m.name)).toEqual(['20250101_initial/migration.sql', '20250110_billing/migration.sql']);
  });

  it('orders names naturally', () => {
    expect(['10_c.sql', '2_b.sql', '1_a.sql', '001_z.sql', 'V2__x.sql', 'V10__y.sql'].sort(naturalCompare)).toEqual(['1_a.sql', '001_z.sql', '2_b.sql', '10_c.sql', 'V2__x.sql', 'V10__y.sql']);
  });

  it('has fixtures that drizzle-kit still generates from the schema history', async () => {
    // NOTE: drizzle-kit orders independent statements by the schema module's export order, which
    // an ES module namespace sorts by name (the CLI loads CommonJS, in declaration order).
    const statements = (sql: string) => splitSqlStatements(sql).map((s) => s.text).sort();
    for (const file of await buildMigrationFixtures()) {
      // NOTE: snapshots carry random ids; the SQL and the journal are what db-check reads.
      if (file.path.endsWith('_snapshot.json')) continue;
      const committed = readFileSync(path.join(migrationsDir, file.path), 'utf8');
      if (file.path.endsWith('.json')) expect(committed, file.path).toBe(file.text);
      else expect(statements(committed), file.path).toEqual(statements(file.text));
    }
  }, 30_000);
});
