import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { lintSync } from '../../src/lint/lint.js';
import { generateDrizzleDdl } from '../helpers/drizzle-ddl.js';
import { fakeIo } from '../helpers/fake-io.js';
import { foreignKeyKey, PgCatalog, type CatalogSnapshot } from '../helpers/pg-catalog.js';
import { missingPythonModules, sqlAlchemyTruth } from '../helpers/sqlalchemy-truth.js';
import { copyFiles, FIX_FIXTURES, removeCopies } from './helpers.js';

/**
 * Fixes proven against reality: the fixed schema goes through drizzle-kit into an embedded
 * PostgreSQL (PGlite), or is imported by SQLAlchemy itself. The database must show the new
 * indexes, keep every foreign key action as it was (the safe fixes only write down what the
 * database already does), and schema-lint must no longer report what was fixed.
 */
let pg: PgCatalog;

beforeAll(async () => {
  pg = await PgCatalog.start();
}, 120_000);

afterAll(async () => {
  await pg?.close();
  removeCopies();
});

const example = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');

async function cli(cwd: string, args: string[]): Promise<number> {
  return runCli(args, fakeIo(cwd, { SCHEMA_LINT_TODAY: '2026-01-01' }));
}

async function catalogOf(entry: string): Promise<{ catalog: CatalogSnapshot; statements: readonly string[] }> {
  const ddl = await generateDrizzleDdl(entry);
  await pg.reset();
  await pg.apply(ddl.statements, ddl.schemas);
  return { catalog: await pg.read(), statements: ddl.statements };
}

/** Foreign keys with their actions, and every index name: what the fixes may change. */
function shape(catalog: CatalogSnapshot) {
  return {
    foreignKeys: catalog.tables.flatMap((t) => t.foreignKeys.map((fk) => `${foreignKeyKey(t, fk)} on delete ${fk.onDelete} on update ${fk.onUpdate}`)).sort(),
    indexes: catalog.tables.flatMap((t) => t.indexes.map((i) => `${t.name}.${i.name}(${i.columns.join(',')})`)).sort(),
    columns: catalog.tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name} ${c.type} ${c.nullable ? 'null' : 'not null'}`)).sort(),
  };
}

function reported(cwd: string, paths: readonly string[] = []): string[] {
  const result = lintSync({ cwd, paths, today: '2026-01-01' });
  if (!result.ok) throw new Error('lint failed');
  return result.run.diagnostics.filter((d) => !d.suppression).map((d) => d.ruleId);
}

describe('the bundled example through drizzle-kit and PostgreSQL', () => {
  it('--fix, then --fix --fix-type suggestion: explicit actions, the same database plus the new indexes, and a second run is a no-op', async () => {
    const dir = copyFiles(example, ['drizzle.config.ts', 'shared/schema.ts', 'shared/crypto.ts'], { inRepository: true });
    const schema = path.join(dir, 'shared', 'schema.ts');
    // NOTE: PostgreSQL refuses the example's varchar → uuid key (no-fk-type-mismatch reports it);
    // the copy declares it uuid so drizzle-kit's DDL applies.
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('userId: varchar("user_id", { length: 36 })', 'userId: uuid("user_id")'));
    const before = await catalogOf(schema);
    expect(reported(dir)).toContain('require-fk-on-delete');
    expect(before.catalog.uncoveredForeignKeys.length).toBe(9);

    expect(await cli(dir, ['--fix'])).toBe(0);
    expect(reported(dir)).not.toContain('require-fk-on-delete');
    const safe = await catalogOf(schema);
    // NOTE: 'no action' written out is what the database did already: nothing changes.
    expect(shape(safe.catalog)).toEqual(shape(before.catalog));

    expect(await cli(dir, ['--fix', '--fix-type', 'suggestion'])).toBe(0);
    expect(reported(dir)).not.toContain('require-fk-index');
    const suggested = await catalogOf(schema);
    expect(suggested.catalog.uncoveredForeignKeys).toEqual([]);
    const added = shape(suggested.catalog).indexes.filter((i) => !shape(before.catalog).indexes.includes(i));
    expect(added).toEqual([
      'chat_messages.chat_messages_session_id_idx(session_id)',
      'chat_sessions.chat_sessions_user_id_idx(user_id)',
      'consultations.consultations_doctor_id_idx(doctor_id)',
      'doctors.doctors_user_id_idx(user_id)',
      'medication_logs.medication_logs_medication_id_idx(medication_id)',
      'medication_logs.medication_logs_user_id_idx(user_id)',
      'medications.medications_user_id_idx(user_id)',
      'profiles.profiles_user_id_idx(user_id)',
      'voice_followups.voice_followups_user_id_idx(user_id)',
    ].filter((i) => !shape(before.catalog).indexes.includes(i)));
    expect(shape(suggested.catalog).foreignKeys).toEqual(shape(before.catalog).foreignKeys);
    expect(shape(suggested.catalog).columns).toEqual(shape(before.catalog).columns);

    const fixed = readFileSync(schema, 'utf8');
    await cli(dir, ['--fix', '--fix-type', 'safe,suggestion']);
    expect(readFileSync(schema, 'utf8')).toBe(fixed);
  }, 120_000);
});

describe('Drizzle fix fixtures through drizzle-kit and PostgreSQL', () => {
  for (const name of ['extra-config', 'references', 'aliased-imports', 'namespace-import', 'tabs', 'index-import']) {
    it(`${name}: every foreign key schema-lint no longer reports is covered in the catalog, with its actions unchanged`, async () => {
      const dir = copyFiles(path.join(FIX_FIXTURES, 'drizzle'), [`${name}.ts`], { inRepository: true });
      const file = path.join(dir, `${name}.ts`);
      const before = await catalogOf(file);
      expect(await cli(dir, [`${name}.ts`, '--fix', '--fix-type', 'safe,suggestion', '--exit-zero'])).toBe(0);
      const after = await catalogOf(file);
      const uncoveredReported = lintSync({ cwd: dir, paths: [`${name}.ts`] });
      if (!uncoveredReported.ok) throw new Error('lint failed');
      const stillReported = uncoveredReported.run.diagnostics.filter((d) => d.ruleId === 'require-fk-index').length;
      expect(after.catalog.uncoveredForeignKeys.length, 'FKs without an index in the database = those still reported').toBe(stillReported);
      expect(after.catalog.uncoveredForeignKeys.length).toBeLessThan(Math.max(1, before.catalog.uncoveredForeignKeys.length));
      const actions = (c: CatalogSnapshot) => shape(c).foreignKeys;
      expect(actions(after.catalog)).toEqual(actions(before.catalog));
    }, 60_000);
  }
});

const noSqlAlchemy = missingPythonModules(['sqlalchemy', 'flask_sqlalchemy']);

describe.skipIf(noSqlAlchemy !== undefined)('SQLAlchemy fix fixtures imported by SQLAlchemy', () => {
  for (const [name, files, modules] of [
    ['declarative', ['declarative.py'], ['declarative']],
    ['imperative', ['imperative.py'], ['imperative']],
    ['careapp', ['careapp/__init__.py', 'careapp/extensions.py', 'careapp/models.py'], ['careapp.models']],
  ] as const) {
    it(`${name}: the fixed models declare the actions and indexes, and load in SQLAlchemy`, async () => {
      const dir = copyFiles(path.join(FIX_FIXTURES, 'sqlalchemy'), files);
      const before = sqlAlchemyTruth(dir, modules);
      const paths = [files[files.length - 1]!];
      const linted = lintSync({ cwd: dir, paths, overrides: { rules: ['require-fk-on-update=warn'] } });
      if (!linted.ok) throw new Error('lint failed');
      const fixable = linted.run.diagnostics.filter((d) => d.fixes && ['require-fk-on-delete', 'require-fk-on-update', 'require-fk-index'].includes(d.ruleId)).length;
      expect(fixable).toBeGreaterThan(0);
      await cli(dir, [...paths, '--fix', '--fix-type', 'safe,suggestion', '--rule', 'require-fk-on-update=warn']);
      const after = sqlAlchemyTruth(dir, modules);
      const remaining = reportedWith(dir, paths);
      expect(remaining.filter((id) => id === 'require-fk-on-delete' || id === 'require-fk-on-update')).toEqual([]);
      for (const table of after) {
        const was = before.find((t) => t.name === table.name)!;
        expect(table.columns, `${table.name}: columns unchanged`).toEqual(was.columns);
        for (const fk of table.foreignKeys) {
          const old = was.foreignKeys.find((f) => f.columns.join() === fk.columns.join())!;
          // NOTE: an undeclared action and NO ACTION are the same to the database.
          expect(fk.ondelete ?? 'no action', `${table.name}(${fk.columns.join()}) ondelete`).toBe(old.ondelete ?? 'no action');
          expect(fk.ondelete, `${table.name}(${fk.columns.join()}) declares ondelete`).not.toBeNull();
          const covered = [...table.indexes, ...table.uniqueConstraints].some((i) => fk.columns.every((c, n) => i.columns[n] === c)) || (table.primaryKey?.columns ?? []).slice(0, fk.columns.length).join() === fk.columns.join();
          expect(covered, `${table.name}(${fk.columns.join()}) has an index`).toBe(true);
        }
      }
    });
  }
});

function reportedWith(cwd: string, paths: readonly string[]): string[] {
  const result = lintSync({ cwd, paths, overrides: { rules: ['require-fk-on-update=warn'] } });
  if (!result.ok) throw new Error('lint failed');
  return result.run.diagnostics.map((d) => d.ruleId);
}
