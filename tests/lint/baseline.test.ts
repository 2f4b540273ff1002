import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

const legacy = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'legacy-clinic');
let repo: string;

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'schema-lint-legacy-'));
  cpSync(legacy, repo, { recursive: true });
  const config = path.join(repo, 'schema-lint.config.json');
  writeFileSync(config, readFileSync(config, 'utf8').replace('../../../src/schemas/config.schema.json', './config.schema.json'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = fakeIo(repo);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

const schemaFile = () => path.join(repo, 'src', 'db', 'schema.ts');

describe('baseline', () => {
  it('--write-baseline then --baseline exits 0; one new unindexed FK exits 1 naming only it; moving a table changes nothing', async () => {
    const first = await run(['--format', 'json']);
    expect(first.code).toBe(1);
    const total = (JSON.parse(first.out) as { diagnostics: unknown[] }).diagnostics.length;
    expect(total).toBeGreaterThan(30);
    const written = await run(['--write-baseline']);
    expect(written.code).toBe(0);
    expect(written.err).toContain(`wrote ${total} findings to schema-lint.baseline.json`);
    const baseline = JSON.parse(readFileSync(path.join(repo, 'schema-lint.baseline.json'), 'utf8')) as { entries: { key: string; file: string }[] };
    expect(baseline.entries.every((e) => !/\d+:\d+/.test(e.key) && e.file === 'src/db/schema.ts')).toBe(true);

    const clean = await run(['--baseline']);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain(`${total} findings accepted by the baseline schema-lint.baseline.json.`);

    // Move the clinics table 50 lines down (below 50 blank comment lines): nothing changes.
    const original = readFileSync(schemaFile(), 'utf8');
    const clinics = /export const clinics = pgTable\([\s\S]*?\n\}\);\n/.exec(original)![0];
    writeFileSync(schemaFile(), `${original.replace(clinics, '')}${'// moved\n'.repeat(50)}${clinics}`);
    const moved = await run(['--baseline']);
    expect(moved.code).toBe(0);
    expect(moved.out).toContain(`${total} findings accepted`);

    // One new FK without an index.
    writeFileSync(schemaFile(), `${readFileSync(schemaFile(), 'utf8')}\nexport const referrals = pgTable("referrals", {\n  id: serial("id").primaryKey(),\n  patientId: integer("patient_id").references(() => patients.id, { onDelete: "restrict" }),\n});\n`);
    const added = await run(['--baseline', '--format', 'json']);
    expect(added.code).toBe(1);
    const report = JSON.parse(added.out) as { summary: { baselined: number; errors: number }; diagnostics: { ruleId: string; message: string }[] };
    expect(report.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'require-fk-index: Foreign key referrals.patient_id → patients.id has no index covering its columns, so joins and parent deletes scan the table.',
    ]);
    expect(report.summary.baselined).toBe(total);
  });

  it('lists stale entries and --prune-baseline removes them', async () => {
    const written = await run(['--write-baseline', 'baseline.json']);
    const total = Number(/wrote (\d+) findings/.exec(written.err)![1]);
    writeFileSync(schemaFile(), readFileSync(schemaFile(), 'utf8').replace('  settings: json("settings"),\n', ''));
    const stale = await run(['--baseline', 'baseline.json']);
    expect(stale.code).toBe(0);
    expect(stale.out).toContain('2 baseline entries no longer occur; remove them with --prune-baseline.');
    const pruned = await run(['--baseline', 'baseline.json', '--prune-baseline']);
    expect(pruned.err).toContain('pruned 2 stale entries');
    const after = await run(['--baseline', 'baseline.json']);
    expect(after.out).not.toContain('no longer occur');
    expect(after.out).toContain(`${total - 2} findings accepted`);
  });

  it('a missing or malformed baseline is a usage error (exit 2)', async () => {
    expect((await run(['--baseline', 'nope.json'])).err).toContain('does not exist; create it with --write-baseline');
    writeFileSync(path.join(repo, 'bad.json'), '{"version": 2}');
    const bad = await run(['--baseline', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('version');
  });
});

describe('pre-commit style runs', () => {
  it('given one file, reports only that file but resolves the whole schema', async () => {
    writeFileSync(path.join(repo, 'src', 'db', 'notes.ts'), 'import { integer, pgTable, serial } from "drizzle-orm/pg-core";\nimport { patients } from "./schema";\nexport const tasks = pgTable("tasks", { id: serial("id").primaryKey(), patientId: integer("patient_id").references(() => patients.id, { onDelete: "restrict" }), priority: integer("priority") });\n');
    writeFileSync(path.join(repo, 'drizzle.config.ts'), readFileSync(path.join(repo, 'drizzle.config.ts'), 'utf8').replace('schema: "./src/db/schema.ts"', 'schema: "./src/db/*.ts"'));
    writeFileSync(path.join(repo, 'src', 'util.ts'), 'export const add = (a: number, b: number) => a + b;\n');
    // pre-commit passes every staged file its regex matches, schema or not.
    const only = await run(['--format', 'json', 'src/db/notes.ts', 'src/util.ts']);
    const report = JSON.parse(only.out) as { summary: { tables: number }; diagnostics: { file: string; ruleId: string }[] };
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['src/db/notes.ts require-fk-index']);
    expect(report.summary.tables).toBe(9);
    const nonSchemaOnly = await run(['src/util.ts']);
    expect(nonSchemaOnly.code).toBe(0);
  });

  it('--changed-since reports only changed schema files', async () => {
    execFileSync('git', ['add', '-A'], { cwd: repo });
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'legacy'], { cwd: repo });
    const none = await run(['--changed-since', 'HEAD']);
    expect(none.code).toBe(0);
    expect(none.out).toContain('No schema files changed.');
    writeFileSync(path.join(repo, 'src', 'db', 'extra.ts'), 'import { integer, pgTable, serial } from "drizzle-orm/pg-core";\nimport { clinics } from "./schema";\nexport const rooms = pgTable("rooms", { id: serial("id").primaryKey(), clinicId: integer("clinic_id").references(() => clinics.id) });\n');
    const changed = await run(['--changed-since', 'HEAD', '--format', 'json']);
    const report = JSON.parse(changed.out) as { diagnostics: { file: string; ruleId: string }[] };
    expect(report.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['src/db/extra.ts require-fk-index', 'src/db/extra.ts require-fk-on-delete']);
    expect((await run(['--changed-since', 'no-such-ref'])).code).toBe(2);
  });
});
