import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-classify-'));
  mkdirSync(path.join(dir, '.git'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const io = fakeIo(dir);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

const SCHEMA = `import { boolean, date, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
export const patients = pgTable("patients", {
  id: serial("id").primaryKey(),
  /** @pii id.name */
  fullName: text("full_name"),
  dateOfBirth: date("date_of_birth"),
  /** @not-sensitive verification flag, holds no address */
  emailVerified: boolean("email_verified"),
  theme: text("theme"),
});
export const prescriptions = pgTable("prescriptions", {
  id: serial("id").primaryKey(),
  patientId: integer("patient_id").references(() => patients.id, { onDelete: "restrict" }),
  dosage: text("dosage"),
});
`;

describe('schema-lint classify', () => {
  beforeEach(() => writeFileSync(path.join(dir, 'schema.ts'), SCHEMA));

  it('prints the documented JSON inventory, declared and inferred, none omitted', async () => {
    const { code, out } = await run(['classify', 'schema.ts', '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { table: string; column: string; classification: string; category: string; confidence: string; declared: boolean }[];
    expect(rows.map((r) => `${r.table}.${r.column} ${r.classification} ${r.declared ? 'declared' : 'inferred'}`)).toEqual([
      'patients.full_name pii declared',
      'patients.date_of_birth pii inferred',
      'prescriptions.dosage phi inferred',
    ]);
    expect(rows[0]).toMatchObject({ category: 'id.name', confidence: 'certain' });
  });

  it('prints Markdown for privacy reviews', async () => {
    const { out } = await run(['classify', 'schema.ts', '--format', 'markdown']);
    expect(out).toContain('# Data inventory');
    expect(out).toContain('| prescriptions | dosage | phi | phi.medication |');
  });

  it('--write-manifest adds inferred columns and never changes existing entries', async () => {
    writeFileSync(
      path.join(dir, 'schema-lint.classification.json'),
      JSON.stringify({ version: 1, tables: { patients: { retention: { duration: 'P10Y', after: 'id' }, columns: { date_of_birth: { dataClass: 'pii', category: 'id.date.birth', severity: 'critical' } } } } }),
    );
    const { err } = await run(['classify', 'schema.ts', '--write-manifest']);
    expect(err).toContain('added 1 inferred column');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'schema-lint.classification.json'), 'utf8')) as { tables: Record<string, { columns: Record<string, { severity?: string }>; retention?: unknown }> };
    expect(manifest.tables['patients']!.columns['date_of_birth']!.severity).toBe('critical');
    expect(manifest.tables['patients']!.retention).toEqual({ duration: 'P10Y', after: 'id' });
    expect(Object.keys(manifest.tables['prescriptions']!.columns)).toEqual(['dosage']);
    expect(manifest.tables['patients']!.columns['full_name']).toBeUndefined();
    const again = await run(['classify', 'schema.ts', '--write-manifest']);
    expect(again.err).toContain('added 0 inferred columns');
  });
});

describe('classification manifest', () => {
  beforeEach(() => writeFileSync(path.join(dir, 'schema.ts'), SCHEMA));

  it('declarations from the manifest are used; code wins on conflict', async () => {
    writeFileSync(
      path.join(dir, 'schema-lint.classification.json'),
      JSON.stringify({
        version: 1,
        retentionPolicies: { clinical: { duration: 'P10Y', after: 'created_at' } },
        tables: {
          prescriptions: { retention: 'policy:clinical', columns: { dosage: { dataClass: 'phi', category: 'phi.medication', encryption: 'app:kms/rx' } } },
          patients: { columns: { full_name: { dataClass: 'none', reason: 'display name chosen by the user' } } },
        },
      }),
    );
    const { out } = await run(['classify', 'schema.ts', '--format', 'json']);
    const rows = JSON.parse(out) as { column: string; declared: boolean; encrypted: boolean; retention?: string }[];
    expect(rows.find((r) => r.column === 'dosage')).toMatchObject({ declared: true, encrypted: true, retention: 'P10Y after created_at' });
    const lint = await run(['schema.ts', '--format', 'json']);
    const report = JSON.parse(lint.out) as { diagnostics: { ruleId: string; message: string }[] };
    expect(report.diagnostics.map((d) => d.ruleId)).toContain('schema-lint/classification-conflict');
    // The policy's anchor `created_at` does not exist in prescriptions.
    expect(report.diagnostics.some((d) => d.ruleId === 'require-phi-retention' && d.message.includes('created_at'))).toBe(true);
  });

  it('a malformed manifest reports every error with its JSON path and exits 2', async () => {
    writeFileSync(
      path.join(dir, 'schema-lint.classification.json'),
      JSON.stringify({ version: 2, tables: { patients: { retention: { duration: 'seven years' }, columns: { ssn: { dataClass: 'secret', encryption: 'rot13' }, nickname: { dataClass: 'none' } } } }, extra: true }),
    );
    const { code, err } = await run(['schema.ts']);
    expect(code).toBe(2);
    expect(err).toContain('version');
    expect(err).toContain('tables › patients › columns › ssn › dataClass');
    expect(err).toContain('tables › patients › columns › ssn › encryption');
    expect(err).toContain('tables › patients › columns › nickname: must have required property \'reason\'');
    expect(err).toContain('(root): must NOT have additional properties ("extra")');
  });
});

describe('SQLAlchemy info declarations', () => {
  it('reads info={...} on columns and tables', async () => {
    writeFileSync(
      path.join(dir, 'models.py'),
      [
        'from sqlalchemy import Column, Date, ForeignKey, Integer, Text',
        'from sqlalchemy.orm import declarative_base',
        'Base = declarative_base()',
        'class Visit(Base):',
        '    __tablename__ = "visits"',
        '    __table_args__ = {"info": {"retention": "P7Y", "retention_after": "visit_date"}}',
        '    id = Column(Integer, primary_key=True)',
        '    visit_date = Column(Date, nullable=False)',
        '    diagnosis = Column(Text, info={"data_class": "phi", "category": "diagnosis", "encryption": "db:pgcrypto:kms/phi"})',
        '',
      ].join('\n'),
    );
    const { out } = await run(['models.py', '--format', 'json']);
    const report = JSON.parse(out) as { diagnostics: { ruleId: string; properties: { columns: string[] } }[] };
    const unclassified = report.diagnostics.filter((d) => d.ruleId === 'require-phi-classification').map((d) => d.properties.columns[0]);
    expect(unclassified).toEqual(['visit_date']);
    expect(report.diagnostics.map((d) => d.ruleId)).not.toContain('require-phi-retention');
    expect(report.diagnostics.map((d) => d.ruleId)).not.toContain('require-phi-encryption');
  });
});
