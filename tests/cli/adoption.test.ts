import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { buildConfigJsonSchema } from '../../src/config/config-json-schema.js';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-adopt-'));
  mkdirSync(path.join(dir, '.git'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], cwd = dir) {
  const io = fakeIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

const SCHEMA = 'import { pgTable, serial, integer, jsonb } from "drizzle-orm/pg-core";\nexport const a = pgTable("a", { id: serial("id").primaryKey() });\nexport const b = pgTable("b", { id: serial("id").primaryKey(), aId: integer("a_id").references(() => a.id), data: jsonb("data") });\n';

describe('--format github', () => {
  it('emits workflow commands with escaped properties, paths relative to the repository root', async () => {
    mkdirSync(path.join(dir, 'pkg', 'db'), { recursive: true });
    writeFileSync(path.join(dir, 'pkg', 'db', 'schema, v2.ts'), SCHEMA);
    const { out } = await run(['--format', 'github', 'db/schema, v2.ts'], path.join(dir, 'pkg'));
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^::warning file=pkg\/db\/schema%2C v2\.ts,line=3,endLine=3,col=109,endColumn=128,title=no-untyped-json::Column b\.data is jsonb/);
    expect(lines[2]).toContain('%0ADeclare the document type');
  });
});

describe('init', () => {
  it('uses the drizzle config when there is one, and refuses to overwrite', async () => {
    writeFileSync(path.join(dir, 'drizzle.config.ts'), 'export default { schema: "./src/db/schema.ts", dialect: "postgresql", casing: "snake_case" };\n');
    const first = await run(['init']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('drizzle.config.ts names the schema (./src/db/schema.ts)');
    const config = JSON.parse(readFileSync(path.join(dir, 'schema-lint.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toEqual({ $schema: './node_modules/schema-lint/src/schemas/config.schema.json', extends: 'recommended', rules: {} });
    const again = await run(['init']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');
    expect((await run(['init', '--force'])).code).toBe(0);
  });

  it('finds schema folders without a drizzle config', async () => {
    mkdirSync(path.join(dir, 'src', 'server', 'db'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'server', 'db', 'schema.ts'), SCHEMA);
    await run(['init']);
    const config = JSON.parse(readFileSync(path.join(dir, 'schema-lint.config.json'), 'utf8')) as { include: string[] };
    expect(config.include).toEqual(['src/server/db/**/*.ts']);
    expect((await run([])).code).toBe(0);
  });
});

describe('print-config', () => {
  it('prints the resolved configuration and whether a file is linted', async () => {
    mkdirSync(path.join(dir, 'db'));
    writeFileSync(path.join(dir, 'db', 'schema.ts'), SCHEMA);
    writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ include: ['db/*.ts'], ignore: ['db/legacy.ts'], rules: { 'require-fk-index': ['error', { ignoreTables: ['a'] }] } }));
    const { code, out } = await run(['print-config', 'db/schema.ts']);
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { rules: Record<string, unknown>; file: { inProjectScope: boolean; ignoredBy: string | null } };
    expect(printed.rules['require-fk-index']).toEqual(['error', { ignoreTables: ['a'], partialIndexesCover: true }]);
    expect(printed.rules['require-fk-on-update']).toBe('off');
    expect(printed.file).toMatchObject({ inProjectScope: true, ignoredBy: null });
    const ignored = JSON.parse((await run(['print-config', 'db/legacy.ts'])).out) as { file: { ignoredBy: string } };
    expect(ignored.file.ignoredBy).toBe('db/legacy.ts');
  });
});

describe('config JSON Schema', () => {
  const shipped = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'src', 'schemas', 'config.schema.json'), 'utf8')) as object;

  it('is generated from the zod schemas (run `npm run generate:schemas` after changing them)', () => {
    expect(shipped).toEqual(buildConfigJsonSchema(rules));
  });

  it('accepts the configs the project ships and rejects what zod rejects', () => {
    const validate = new Ajv.default({ allErrors: true, strict: false }).compile(shipped);
    const fixtures = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects');
    const legacy = JSON.parse(readFileSync(path.join(fixtures, 'legacy-clinic', 'schema-lint.config.json'), 'utf8')) as object;
    expect(validate(legacy), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ extnds: 'strict' })).toBe(false);
    expect(validate({ rules: { 'require-fk-indx': 'error' } })).toBe(false);
    expect(validate({ rules: { 'require-fk-index': ['error', { ignoreTable: [] }] } })).toBe(false);
    expect(validate({ rules: { 'require-fk-on-delete': ['warn', { allow: ['restrict'] }] } })).toBe(true);
  });
});
