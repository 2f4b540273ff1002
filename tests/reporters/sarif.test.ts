import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { runCli } from '../../src/cli/run-cli.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { buildSarif, FINGERPRINT_KEY } from '../../src/reporters/sarif.js';
import { fakeIo } from '../helpers/fake-io.js';
import { hasSarifSchema, sarifSchemaErrors } from '../helpers/sarif-validator.js';

const example = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');
const tmp = mkdtempSync(path.join(tmpdir(), 'schema-lint-sarif-'));
// A repository root: SARIF URIs are relative to the git top level, not to the working directory.
mkdirSync(path.join(tmp, '.git'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function sarifFor(cwd: string, args: string[]): Promise<Sarif.Log> {
  const io = fakeIo(cwd);
  await runCli(['--format', 'sarif', ...args], io);
  return JSON.parse(io.out()) as Sarif.Log;
}

describe('SARIF reporter', () => {
  it.skipIf(!hasSarifSchema)('validates against the OASIS SARIF 2.1.0 schema (bundled example)', async () => {
    const log = await sarifFor(example, []);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]!.results!.length).toBeGreaterThan(0);
  });

  it('meets the GitHub code scanning requirements', async () => {
    const log = await sarifFor(example, []);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('schema-lint');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds!['%SRCROOT%']!.uri).toMatch(/^file:\/\/.*\/$/);
    const rules = run.tool.driver.rules!;
    for (const rule of rules) {
      expect(rule.shortDescription!.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription!.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help!.text.length).toBeGreaterThan(0);
      expect(['note', 'warning', 'error']).toContain(rule.defaultConfiguration!.level);
    }
    for (const result of run.results!) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
      expect(result.message.text).toMatch(/\.$/);
      expect(result.locations).toHaveLength(1);
      const location = result.locations![0]!.physicalLocation!;
      expect(location.artifactLocation!.uri).not.toMatch(/^\/|^file:|\\/);
      expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(result.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
      expect(result.properties!['table']).toBeTypeOf('string');
      expect(Array.isArray(result.properties!['columns'])).toBe(true);
      if (result.ruleId!.includes('fk')) {
        expect(result.properties!['referencedTable']).toBeTypeOf('string');
        expect(Array.isArray(result.properties!['referencedColumns'])).toBe(true);
      }
    }
  });

  it('emits an empty results array for a clean schema', async () => {
    const dir = path.join(tmp, 'clean');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'schema.ts'), "import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { id: serial('id').primaryKey() });\n");
    const log = await sarifFor(dir, ['schema.ts']);
    expect(log.runs[0]!.results).toEqual([]);
    if (hasSarifSchema) expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('keeps fingerprints when unrelated lines are inserted above; URIs are git-root relative and percent-encoded', async () => {
    const dir = path.join(tmp, 'moved dir');
    mkdirSync(dir, { recursive: true });
    const body = "export const posts = pgTable('posts', { id: serial('id').primaryKey(), data: jsonb('data'), authorId: integer('author_id').references(() => authors.id) });\nexport const authors = pgTable('authors', { id: serial('id').primaryKey() });\n";
    const header = "import { pgTable, serial, jsonb, integer } from 'drizzle-orm/pg-core';\n";
    writeFileSync(path.join(dir, 'schema.ts'), header + body);
    const before = await sarifFor(dir, ['schema.ts']);
    writeFileSync(path.join(dir, 'schema.ts'), `${header}// a comment\n\n\nconst unrelated = 1;\n${body}`);
    const after = await sarifFor(dir, ['schema.ts']);
    const prints = (log: Sarif.Log) => log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]).sort();
    expect(prints(after)).toEqual(prints(before));
    expect(after.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine).toBe(before.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine! + 4);
    expect(after.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/moved%20dir\/schema\.ts$/);
    if (hasSarifSchema) expect(sarifSchemaErrors(after)).toEqual([]);
  });

  it('truncates by severity past the result limit and says so in a notification', () => {
    const span = (line: number) => ({ file: path.join(tmp, 'x.ts'), start: { line, column: 1 }, end: { line, column: 5 } });
    const diagnostics: Diagnostic[] = Array.from({ length: 30 }, (_, i) => ({
      ruleId: 'require-fk-index',
      severity: i % 3 === 0 ? 'error' : 'warn',
      message: `Problem ${i}.`,
      span: span(i + 1),
      identity: `id-${i}`,
      properties: { table: 't', columns: [] },
    }));
    const log = buildSarif(
      { diagnostics, fileCount: 1, tableCount: 1, rules: [] },
      { cwd: tmp, sourceRoot: tmp, color: false, toolVersion: '0.0.0', docs: new Map(), readSource: () => undefined },
      { maxResults: 12, maxGzipBytes: 10 * 1024 * 1024 },
    );
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(12);
    expect(results.filter((r) => r.level === 'error')).toHaveLength(10);
    const notes = log.runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.some((n) => /truncated the SARIF output to 12 of 30 results/.test(n.message.text!))).toBe(true);
    if (hasSarifSchema) expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('writes to --output-file', async () => {
    const io = fakeIo(example);
    const target = path.join(tmp, 'out', 'results.sarif');
    const code = await runCli(['--format', 'sarif', '--output-file', target], io);
    expect(code).toBe(1);
    expect(io.out()).toBe('');
    expect((JSON.parse(readFileSync(target, 'utf8')) as Sarif.Log).version).toBe('2.1.0');
  });
});
