import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { codeFrame } from '../../src/reporters/code-frame.js';
import { fakeIo } from '../helpers/fake-io.js';

const example = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');
const tmp = mkdtempSync(path.join(tmpdir(), 'schema-lint-text-'));
mkdirSync(path.join(tmp, '.git'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function output(args: string[], cwd = example): Promise<string> {
  const io = fakeIo(cwd);
  await runCli(args, io);
  return io.out();
}

describe('text reporter', () => {
  it('renders the bundled example (snapshot)', async () => {
    await expect(await output([])).toMatchFileSnapshot('__snapshots__/health-app.text.txt');
  });

  it('underlines the same columns for LF, CRLF and CR line endings', async () => {
    const lines = ["import { pgTable, serial, integer } from 'drizzle-orm/pg-core';", "export const a = pgTable('a', { id: serial('id').primaryKey() });", "export const b = pgTable('b', {", "\tid: serial('id').primaryKey(),", "\taId: integer('a_id').references(() => a.id),", '});', ''];
    const outputs: string[] = [];
    for (const [name, eol] of [['lf', '\n'], ['crlf', '\r\n'], ['cr', '\r']] as const) {
      writeFileSync(path.join(tmp, `${name}.ts`), lines.join(eol));
      outputs.push((await output([`${name}.ts`, '--rule', 'require-fk-index=off'], tmp)).replace(`${name}.ts`, 'file.ts'));
    }
    expect(outputs[1]).toBe(outputs[0]);
    // NOTE: TypeScript treats a lone CR as a line break too, so positions agree.
    expect(outputs[2]).toBe(outputs[0]);
    expect(outputs[0]).toContain('file.ts:5:23');
    expect(outputs[0]).toContain('\t                     ^^^^');
  });

  it('code frames keep tabs so the marker lines up', () => {
    const frame = codeFrame('a\n\tx = 1;\n', { file: 'f', start: { line: 2, column: 2 }, end: { line: 2, column: 3 } });
    expect(frame).toBe('1 | a\n2 | \tx = 1;\n  | \t^');
  });
});

describe('JSON reporter', () => {
  it('is versioned and documented (snapshot of the bundled example)', async () => {
    const json = JSON.parse(await output(['--format', 'json'])) as { version: number; summary: unknown; diagnostics: { file: string; fingerprint: string; properties: { table: string } }[] };
    expect(json.version).toBe(1);
    expect(json.diagnostics.every((d) => d.file === 'shared/schema.ts' && /^[0-9a-f]{64}$/.test(d.fingerprint) && d.properties.table)).toBe(true);
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/health-app.json');
  });
});
