import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';
import { hasSarifSchema, sarifSchemaErrors } from '../helpers/sarif-validator.js';

/** The second bundled example: a repository that mixes Drizzle, Alembic and an ad-hoc creator, like the audited one. */
const root = path.resolve(import.meta.dirname, '..', '..');
const mixedApp = path.join(root, 'fixtures', 'projects', 'mixed-app');
const SECRET = 'Wint3r-Harbor-42';

/** Every finding, as `file:line rule`: the parts done right (guarded reset script, test fixtures, guarded migrate at boot, the drizzle config's DATABASE_URL check, Alembic versions, the users table in both ORMs) have none. */
const RECOMMENDED = [
  'alembic.ini:9 no-hardcoded-db-credentials',
  'alembic/env.py:16 require-alembic-target-metadata',
  'alembic/env.py:34 require-alembic-compare-type',
  'app/models/doctor.py:6 no-schema-drift',
  'app/models/doctor.py:11 no-schema-drift',
  'app/models/doctor.py:11 no-schema-drift',
  'create_tables.py:11 no-adhoc-ddl',
  'drizzle.config.ts:7 require-single-migration-path',
  'package.json:10 no-unguarded-schema-write',
  'shared/schema.ts:20 no-schema-drift',
  'shared/schema.ts:20 no-schema-drift',
  'shared/schema.ts:24 no-schema-drift',
];
/** The example's config also turns on require-database-url-check (strict preset). */
const WITH_CONFIG = [...RECOMMENDED, 'alembic/env.py:11 require-database-url-check'];

interface JsonReport {
  readonly summary: { readonly errors: number; readonly warnings: number };
  readonly diagnostics: readonly { readonly ruleId: string; readonly file: string; readonly line: number; readonly message: string; readonly properties: Record<string, unknown>; readonly related?: readonly { message: string }[] }[];
}

async function run(cwd: string, args: string[]) {
  const io = fakeIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'schema-lint-mixed-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy without schema-lint.config.json: what a new user gets from `npx schema-lint`. */
function newUserCopy(): string {
  const dir = path.join(tmp, `copy-${Math.random().toString(36).slice(2)}`);
  cpSync(mixedApp, dir, { recursive: true, filter: (source) => path.basename(source) !== 'schema-lint.config.json' });
  return dir;
}

describe('fixtures/projects/mixed-app', () => {
  it('reports every expected finding at file:line and nothing else', async () => {
    const { code, out, err } = await run(mixedApp, ['--format', 'json']);
    expect(err).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(out) as JsonReport;
    expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`).sort()).toEqual([...WITH_CONFIG].sort());
    expect(report.summary).toMatchObject({ errors: 1, warnings: WITH_CONFIG.length - 1 });
  });

  it('says what is wrong in each finding', async () => {
    const report = JSON.parse((await run(mixedApp, ['--format', 'json'])).out) as JsonReport;
    const message = (rule: string, file: string) => report.diagnostics.filter((d) => d.ruleId === rule && d.file === file).map((d) => d.message);
    expect(message('require-single-migration-path', 'drizzle.config.ts')).toEqual([
      'The schema is changed through 3 separate mechanisms (drizzle-kit in drizzle.config.ts, Alembic in alembic.ini and an ad-hoc script in create_tables.py), each with its own history, so databases built by different paths drift apart.',
    ]);
    const paths = report.diagnostics.find((d) => d.ruleId === 'require-single-migration-path')!;
    expect(paths.related!.map((r) => r.message)).toEqual(['Also changes the schema: Alembic in alembic.ini.', 'Also changes the schema: an ad-hoc script in create_tables.py.']);
    expect(message('require-alembic-target-metadata', 'alembic/env.py')).toEqual([
      'alembic/env.py never imports app.models.consultation, which defines table consultations, so autogenerate does not see those tables and will generate drop_table() for them.',
    ]);
    expect(message('no-schema-drift', 'shared/schema.ts').sort()).toEqual([
      'Column doctors.specialty is NOT NULL in Drizzle but nullable in SQLAlchemy (app/models/doctor.py).',
      'Column doctors.specialty is character varying(100) in Drizzle but character varying(255) in SQLAlchemy (app/models/doctor.py).',
      'Index on doctors(specialty) exists in Drizzle but not in SQLAlchemy (app/models/doctor.py).',
    ]);
    expect(message('no-hardcoded-db-credentials', 'alembic.ini')).toEqual([
      'alembic.ini contains the connection string postgresql+psycopg2://clinic_admin:***@db.internal.example.com:5432/clinic with its password written in plain text; anyone who can read the repository can connect to the database.',
    ]);
  });

  it('a new user with no config gets the same findings (recommended preset; Python models found by scanning)', async () => {
    const dir = newUserCopy();
    const report = JSON.parse((await run(dir, ['--format', 'json'])).out) as JsonReport;
    expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`).sort()).toEqual([...RECOMMENDED].sort());
  });

  it.each(['text', 'json', 'sarif', 'github'])('never prints the password (%s)', async (format) => {
    const { out } = await run(mixedApp, ['--format', format]);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(encodeURIComponent(SECRET));
    expect(out).toContain('clinic_admin:***@db.internal.example.com');
  });

  it('masks the password in the text code frame and in --include-suppressed output', async () => {
    const text = (await run(mixedApp, ['--no-color'])).out;
    expect(text).toContain('sqlalchemy.url = postgresql+psycopg2://clinic_admin:****************@db.internal.example.com:5432/clinic');
    const suppressed = await run(mixedApp, ['--format', 'json', '--include-suppressed']);
    expect(suppressed.out).not.toContain(SECRET);
  });

  it.skipIf(!hasSarifSchema)('writes valid SARIF with the migration rules described', async () => {
    const log = JSON.parse((await run(mixedApp, ['--format', 'sarif'])).out) as Sarif.Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const rules = log.runs[0]!.tool.driver.rules!.map((r) => r.id);
    for (const id of ['require-single-migration-path', 'no-adhoc-ddl', 'no-unguarded-schema-write', 'require-alembic-target-metadata', 'require-alembic-compare-type', 'no-hardcoded-db-credentials', 'no-schema-drift']) expect(rules).toContain(id);
    const credential = log.runs[0]!.results!.find((r) => r.ruleId === 'no-hardcoded-db-credentials')!;
    expect(credential.level).toBe('error');
    expect(JSON.stringify(credential)).not.toContain(SECRET);
  });

  it('the bundled CLI, run with no arguments and no config, finds the same (as `npx schema-lint` would)', () => {
    const dir = newUserCopy();
    const result = spawnSync(process.execPath, [path.join(root, 'bin', 'schema-lint.cjs'), '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SCHEMA_LINT_NO_CODE_CACHE: '1' } });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`).sort()).toEqual([...RECOMMENDED].sort());
  });

  it('an inline suppression works in a scanned file that is not schema code', async () => {
    const dir = newUserCopy();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const file = path.join(dir, 'create_tables.py');
    writeFileSync(file, readFileSync(file, 'utf8').replace('        Base.metadata.create_all(bind=engine)\n', '        # schema-lint: disable=no-adhoc-ddl -- replaced by migration 0002 next sprint\n        Base.metadata.create_all(bind=engine)\n'));
    const report = JSON.parse((await run(dir, ['--format', 'json'])).out) as JsonReport;
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).not.toContain('create_tables.py no-adhoc-ddl');
  });
});
