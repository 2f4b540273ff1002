import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

const example = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');
let tmp: string;

const CLEAN = "import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { id: serial('id').primaryKey() });\n";
const WARNING_ONLY = "import { pgTable, serial, jsonb } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { id: serial('id').primaryKey(), data: jsonb('data') });\n";

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'schema-lint-cli-'));
  mkdirSync(path.join(tmp, '.git'));
  writeFileSync(path.join(tmp, 'clean.ts'), CLEAN);
  writeFileSync(path.join(tmp, 'warn.ts'), WARNING_ONLY);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], cwd = tmp, env: Record<string, string> = {}) {
  const io = fakeIo(cwd, env);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('exit codes', () => {
  it('0 when clean', async () => {
    const { code, out } = await run(['clean.ts']);
    expect(code).toBe(0);
    expect(out).toContain('✔ No problems found (checked 1 table in 1 file).');
  });

  it('0 with warnings only; 1 past --max-warnings', async () => {
    expect((await run(['warn.ts'])).code).toBe(0);
    const over = await run(['warn.ts', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.err).toContain('1 warnings exceed --max-warnings 0.');
  });

  it('1 when errors are found; --exit-zero turns that into 0', async () => {
    expect((await run([], example)).code).toBe(1);
    expect((await run(['--exit-zero'], example)).code).toBe(0);
  });

  it('--quiet reports errors only', async () => {
    const { out } = await run(['--quiet'], example);
    expect(out).not.toContain('  warning  ');
    expect(out).toContain('(1 error, 0 warnings)');
    expect(out).toContain('no-fk-type-mismatch');
  });

  it('--rule turns a rule off or up', async () => {
    expect((await run(['warn.ts', '--rule', 'no-untyped-json=error'])).code).toBe(1);
    const off = await run(['warn.ts', '--rule', 'no-untyped-json=off']);
    expect(off.out).toContain('No problems found');
  });

  it('2 for usage errors: unknown flag, unknown format, unknown rule in --rule, missing path', async () => {
    const flag = await run(['--frmat', 'json']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/Unknown argument/);
    const format = await run(['clean.ts', '--format', 'sariff']);
    expect(format.code).toBe(2);
    expect(format.err).toContain('Did you mean "sarif"?');
    const rule = await run(['clean.ts', '--rule', 'require-fk-indx=error', '--rule', 'no-untyped-json=loud']);
    expect(rule.code).toBe(2);
    expect(rule.err).toContain('Did you mean "require-fk-index"?');
    expect(rule.err).toContain('"loud" is not a severity');
    const missing = await run(['nope.ts']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('"nope.ts" does not exist.');
  });

  it('2 with a hint when there is no input at all', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'schema-lint-empty-'));
    try {
      const { code, err } = await run([], empty);
      expect(code).toBe(2);
      expect(err).toContain('no schema files given');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('bad input never crashes', () => {
  it('syntax errors become parse-error diagnostics with positions; findings in that file are withheld', async () => {
    writeFileSync(path.join(tmp, 'broken.ts'), "import { pgTable, serial, jsonb } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { id: serial('id').primaryKey(), data: jsonb('data') ;\n");
    const { code, out } = await run(['broken.ts']);
    expect(code).toBe(1);
    expect(out).toMatch(/broken\.ts:2:\d+ {2}error {2}Syntax error: .*schema-lint\/parse-error/);
    expect(out).not.toContain('no-untyped-json');
  });

  it('non-Drizzle TypeScript, empty and binary files', async () => {
    writeFileSync(path.join(tmp, 'util.ts'), 'export const add = (a: number, b: number) => a + b;\n');
    writeFileSync(path.join(tmp, 'empty.ts'), '');
    writeFileSync(path.join(tmp, 'blob.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const plain = await run(['util.ts', 'empty.ts']);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('checked 0 tables in 2 files');
    const binary = await run(['blob.ts']);
    expect(binary.code).toBe(1);
    expect(binary.out).toContain('looks like a binary file');
  });

  it.skipIf(process.platform === 'win32')('a FIFO is reported, not read (it would block forever)', async () => {
    const fifo = path.join(tmp, 'pipe.ts');
    execFileSync('mkfifo', [fifo]);
    const { code, out } = await run(['pipe.ts']);
    expect(code).toBe(1);
    expect(out).toContain('it is not a regular file');
  });

  it.skipIf(process.getuid?.() === 0)('unreadable files', async () => {
    const file = path.join(tmp, 'secret.ts');
    writeFileSync(file, CLEAN);
    chmodSync(file, 0o000);
    const { code, out } = await run(['secret.ts']);
    chmodSync(file, 0o644);
    expect(code).toBe(1);
    expect(out).toContain('permission denied');
  });

  it('a bad config lists every problem at once and exits 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-badconfig-'));
    try {
      writeFileSync(path.join(dir, 'schema.ts'), CLEAN);
      writeFileSync(
        path.join(dir, 'schema-lint.config.json'),
        JSON.stringify({ extnds: 'strict', rules: { 'require-fk-indx': 'error', 'no-untyped-json': 'loud', 'require-fk-index': ['warn', { ignoreTable: [] }] } }),
      );
      const { code, err } = await run(['schema.ts'], dir);
      expect(code).toBe(2);
      expect(err).toContain('configuration problems');
      expect(err).toContain('extnds: unknown key. Did you mean "extends"?');
      expect(err).toMatch(/rules › no-untyped-json: expected "off", "warn", "error"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('colour', () => {
  it('is off when not a TTY, on with FORCE_COLOR, off with NO_COLOR on a TTY', async () => {
    expect((await run(['warn.ts'])).out).not.toContain('\u001b[');
    expect((await run(['warn.ts'], tmp, { FORCE_COLOR: '1' })).out).toContain('\u001b[');
    const io = fakeIo(tmp, { NO_COLOR: '1' }, true);
    await runCli(['warn.ts'], io);
    expect(io.out()).not.toContain('\u001b[');
    const tty = fakeIo(tmp, {}, true);
    await runCli(['warn.ts'], tty);
    expect(tty.out()).toContain('\u001b[');
  });
});

describe('commands', () => {
  it('model prints the documented JSON shape, null for undeclared actions', async () => {
    const { code, out } = await run(['model'], example);
    expect(code).toBe(0);
    const model = JSON.parse(out) as { version: number; tables: { name: string; schema: string; columns: { name: string; type: string; nullable: boolean }[]; foreignKeys: { onDelete: string | null; referencedTable: string }[] }[] };
    expect(model.version).toBe(1);
    const profiles = model.tables.find((t) => t.name === 'profiles')!;
    expect(profiles.schema).toBe('public');
    expect(profiles.columns[0]).toMatchObject({ name: 'id', type: 'integer', nullable: false });
    expect(profiles.foreignKeys[0]).toMatchObject({ referencedTable: 'users', onDelete: null });
  });

  it('list-rules lists every rule', async () => {
    const { code, out } = await run(['list-rules']);
    expect(code).toBe(0);
    expect(out).toContain('require-fk-on-delete');
    expect(out).toContain('require-fk-on-update');
    const json = JSON.parse((await run(['list-rules', '--format', 'json'])).out) as { id: string; presets: string[] }[];
    expect(json.find((r) => r.id === 'require-fk-on-update')!.presets).toEqual(['strict']);
  });

  it('explain prints the rule doc, and suggests on typos', async () => {
    const { code, out } = await run(['explain', 'require-fk-index']);
    expect(code).toBe(0);
    expect(out).toContain('## Why it matters');
    expect(out).toContain('"partialIndexesCover"');
    const reserved = await run(['explain', 'schema-lint/parse-error']);
    expect(reserved.code).toBe(0);
    const typo = await run(['explain', 'require-fk-indexx']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('Did you mean "require-fk-index"?');
  });

  it('--help and --version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--max-warnings');
    const version = await run(['--version']);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
