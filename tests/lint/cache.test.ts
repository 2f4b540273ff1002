import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintSync, type LintRun } from '../../src/lint/lint.js';

let dir: string;
const CACHE = '.schema-lint-cache';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-cache-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'db'));
  writeFileSync(path.join(dir, 'drizzle.config.ts'), 'export default { schema: "./db/schema.ts", dialect: "postgresql" };\n');
  writeFileSync(path.join(dir, 'db', 'users.ts'), 'import { pgTable, serial } from "drizzle-orm/pg-core";\nexport const users = pgTable("users", { id: serial("id").primaryKey() });\n');
  writeFileSync(
    path.join(dir, 'db', 'schema.ts'),
    'import { pgTable, serial, integer, jsonb } from "drizzle-orm/pg-core";\nimport { users } from "./users";\nexport * from "./users";\nexport const posts = pgTable("posts", { id: serial("id").primaryKey(), authorId: integer("author_id").references(() => users.id), data: jsonb("data") });\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(extra: Parameters<typeof lintSync>[0] = {}): LintRun {
  const result = lintSync({ cwd: dir, cacheFile: CACHE, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.run;
}

const summary = (run: LintRun) => run.diagnostics.map((d) => `${d.ruleId} ${path.basename(d.span.file)}:${d.span.start.line}`);

describe('--cache', () => {
  it('reuses the model when nothing changed, with identical diagnostics', () => {
    const cold = run();
    expect(cold.cacheHit).toBe(false);
    const warm = run();
    expect(warm.cacheHit).toBe(true);
    expect(summary(warm)).toEqual(summary(cold));
  });

  it('editing a root or an imported file invalidates the model', () => {
    run();
    writeFileSync(path.join(dir, 'db', 'users.ts'), 'import { pgTable, uuid } from "drizzle-orm/pg-core";\nexport const users = pgTable("users", { id: uuid("id").primaryKey() });\n');
    const afterImport = run();
    expect(afterImport.cacheHit).toBe(false);
    expect(summary(afterImport)).toContain('no-fk-type-mismatch schema.ts:4');
    expect(run().cacheHit).toBe(true);
    writeFileSync(path.join(dir, 'db', 'schema.ts'), readFileSync(path.join(dir, 'db', 'schema.ts'), 'utf8').replace('data: jsonb("data")', 'data: jsonb("data").$type<{ a: 1 }>()'));
    const afterRoot = run();
    expect(afterRoot.cacheHit).toBe(false);
    expect(summary(afterRoot)).not.toContain('no-untyped-json schema.ts:4');
  });

  it('changing the drizzle config, the loader config or the tool version invalidates it; rule settings need not', () => {
    run();
    const ruleChange = run({ overrides: { rules: ['no-untyped-json=off'] } });
    expect(ruleChange.cacheHit).toBe(true);
    expect(summary(ruleChange).some((s) => s.startsWith('no-untyped-json'))).toBe(false);

    writeFileSync(path.join(dir, 'drizzle.config.ts'), 'export default { schema: ["./db/schema.ts", "./db/users.ts"], dialect: "postgresql" };\n');
    expect(run().cacheHit).toBe(false);
    expect(run().cacheHit).toBe(true);

    writeFileSync(path.join(dir, 'schema-lint.config.json'), JSON.stringify({ casing: 'snake_case' }));
    expect(run().cacheHit).toBe(false);
    expect(run().cacheHit).toBe(true);

    const file = path.join(dir, CACHE);
    const data = deserialize(readFileSync(file)) as { tool: string };
    writeFileSync(file, serialize({ ...data, tool: '0.0.0-other' }));
    expect(run().cacheHit).toBe(false);
  });

  it('suppression directives are re-read when their file changes', () => {
    run();
    const schema = path.join(dir, 'db', 'schema.ts');
    writeFileSync(schema, `${readFileSync(schema, 'utf8')}`.replace('export const posts', '// schema-lint-disable-next-line no-untyped-json -- raw payload kept for audits\nexport const posts'));
    const suppressed = run();
    expect(suppressed.diagnostics.find((d) => d.ruleId === 'no-untyped-json')?.suppression?.justification).toBe('raw payload kept for audits');
    expect(run().diagnostics.find((d) => d.ruleId === 'no-untyped-json')?.suppression).toBeDefined();
  });

  it('a corrupt cache file is ignored', () => {
    writeFileSync(path.join(dir, CACHE), 'not a cache');
    expect(run().cacheHit).toBe(false);
    expect(run().cacheHit).toBe(true);
  });
});
