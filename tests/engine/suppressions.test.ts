import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintSync } from '../../src/lint/lint.js';
import { scanDirectives } from '../../src/engine/suppressions.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'schema-lint-suppress-'));
mkdirSync(path.join(tmp, '.git'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = "import { pgTable, serial, integer, jsonb } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: serial('id').primaryKey() });\n";

function lintText(name: string, body: string, today = '2026-11-25') {
  writeFileSync(path.join(tmp, name), HEADER + body);
  const result = lintSync({ cwd: tmp, paths: [name], today });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.run.diagnostics.map((d) => ({ rule: d.ruleId, line: d.span.start.line, suppressed: d.suppression?.justification ?? null }));
}

describe('inline suppressions', () => {
  it('disable-next-line and disable-line suppress named rules, with their reason', () => {
    const out = lintText(
      'a.ts',
      [
        'export const posts = pgTable(\'posts\', {',
        '  id: serial(\'id\').primaryKey(),',
        '  // schema-lint-disable-next-line require-fk-index, require-fk-on-delete -- lookup table with 12 rows',
        '  authorId: integer(\'author_id\').references(() => users.id),',
        '  data: jsonb(\'data\'), // schema-lint-disable-line no-untyped-json -- raw webhook payload, validated upstream',
        '});',
        '',
      ].join('\n'),
    );
    expect(out).toEqual([
      { rule: 'require-fk-index', line: 6, suppressed: 'lookup table with 12 rows' },
      { rule: 'require-fk-on-delete', line: 6, suppressed: 'lookup table with 12 rows' },
      { rule: 'no-untyped-json', line: 7, suppressed: 'raw webhook payload, validated upstream' },
    ]);
  });

  it('a file-level block comment covers the whole file', () => {
    const out = lintText('b.ts', "/* schema-lint-disable no-untyped-json -- legacy analytics tables, typed in the warehouse */\nexport const e = pgTable('e', { id: serial('id').primaryKey(), a: jsonb('a'), b: jsonb('b') });\n");
    expect(out.every((d) => d.rule === 'no-untyped-json' && d.suppressed)).toBe(true);
    expect(out).toHaveLength(2);
  });

  it('missing reason, unknown rule, expired and unused directives are reported; invalid ones suppress nothing', () => {
    const out = lintText(
      'c.ts',
      [
        "export const e = pgTable('e', {",
        "  id: serial('id').primaryKey(),",
        '  // schema-lint-disable-next-line no-untyped-json',
        "  a: jsonb('a'),",
        '  // schema-lint-disable-next-line require-fk-indexx -- typo',
        "  b: jsonb('b'),",
        '  // schema-lint-disable-next-line no-untyped-json until=2026-01-31 -- migrate by January',
        "  c: jsonb('c'),",
        '  // schema-lint-disable-next-line require-primary-key -- nothing to suppress here',
        "  d: integer('d'),",
        '});',
        '',
      ].join('\n'),
    );
    const rules = out.map((d) => `${d.line} ${d.rule}${d.suppressed ? ' (suppressed)' : ''}`);
    expect(rules).toEqual([
      '5 schema-lint/suppression-missing-reason',
      '6 no-untyped-json',
      '7 schema-lint/suppression-unknown-rule',
      '8 no-untyped-json',
      '9 schema-lint/suppression-expired',
      '10 no-untyped-json',
      '11 schema-lint/unused-suppression',
    ]);
  });

  it('an unexpired directive applies', () => {
    const out = lintText('d.ts', "export const e = pgTable('e', {\n  id: serial('id').primaryKey(),\n  // schema-lint-disable-next-line no-untyped-json until=2027-01-31 -- until the v2 payload ships\n  a: jsonb('a'),\n});\n");
    expect(out).toEqual([{ rule: 'no-untyped-json', line: 6, suppressed: 'until the v2 payload ships' }]);
  });

  it('directive text inside strings is not a directive; Python comments are found outside strings', () => {
    expect(scanDirectives('x.ts', "const s = '// schema-lint-disable-line no-untyped-json -- x';\n")).toEqual([]);
    const py = scanDirectives('m.py', [
      's = "# schema-lint: disable=no-untyped-json -- not a comment"',
      'data = Column(JSON)  # schema-lint: disable=no-untyped-json -- raw payload',
      '# schema-lint: disable=require-fk-index, require-fk-on-delete -- tiny table',
      'owner_id = Column(ForeignKey("users.id"))',
      '',
    ].join('\n'));
    expect(py.map((d) => [d.kind, d.targetLine, d.rules, d.reason])).toEqual([
      ['line', 2, ['no-untyped-json'], 'raw payload'],
      ['next-line', 4, ['require-fk-index', 'require-fk-on-delete'], 'tiny table'],
    ]);
  });
});
