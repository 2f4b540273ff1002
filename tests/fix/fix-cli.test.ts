import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';
import { copyFiles, FIX_FIXTURES, removeCopies, writeFolder } from './helpers.js';

afterAll(removeCopies);

const example = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');
const exampleFiles = ['drizzle.config.ts', 'shared/schema.ts', 'shared/crypto.ts'];

async function cli(cwd: string, args: string[]) {
  const io = fakeIo(cwd, { SCHEMA_LINT_TODAY: '2026-01-01' });
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

const idsIn = (json: string) => (JSON.parse(json) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);

describe('--fix on the bundled example (a copy of fixtures/projects/health-app)', () => {
  it('leaves no require-fk-on-delete finding, says what it changed and what remains, and a second run changes nothing', async () => {
    const dir = copyFiles(example, exampleFiles);
    const schema = path.join(dir, 'shared', 'schema.ts');
    const before = readFileSync(schema, 'utf8');

    const first = await cli(dir, ['--fix', '--format', 'json']);
    expect(idsIn(first.out)).not.toContain('require-fk-on-delete');
    expect(first.err).toBe(
      [
        'schema-lint --fix: fixed 5 problems in 1 file (1 pass):',
        '  shared/schema.ts: require-fk-on-delete 5',
        '45 problems remain; 33 have suggestions (--fix --fix-type suggestion).',
        '',
      ].join('\n'),
    );
    // NOTE: the exit code reflects what remains: the example keeps an error-level finding.
    expect(first.code).toBe(1);
    const fixed = readFileSync(schema, 'utf8');
    expect(fixed).not.toBe(before);
    expect(fixed.split('\n').length).toBe(before.split('\n').length);

    const second = await cli(dir, ['--fix']);
    expect(second.err).toBe('schema-lint --fix: nothing to fix (safe fixes).\n45 problems remain; 33 have suggestions (--fix --fix-type suggestion).\n');
    expect(readFileSync(schema, 'utf8')).toBe(fixed);
  });

  it('--fix --fix-type suggestion leaves no require-fk-index finding, and is idempotent too', async () => {
    const dir = copyFiles(example, exampleFiles);
    const schema = path.join(dir, 'shared', 'schema.ts');
    const result = await cli(dir, ['--fix', '--fix-type', 'suggestion', '--format', 'json']);
    expect(idsIn(result.out)).not.toContain('require-fk-index');
    expect(idsIn(result.out)).not.toContain('require-phi-classification');
    expect(idsIn(result.out)).toContain('require-fk-on-delete');
    expect(result.err).toMatch(/^schema-lint --fix: fixed 33 problems in 1 file \(2 passes\):\n {2}shared\/schema\.ts: no-untyped-json 7, require-fk-index 9, require-phi-classification 17\n33 problems remain; 5 have fixes \(--fix\)\.\n$/);
    const fixed = readFileSync(schema, 'utf8');
    const again = await cli(dir, ['--fix', '--fix-type', 'suggestion']);
    expect(again.err).toMatch(/^schema-lint --fix: nothing to fix \(suggestion fixes\)\./);
    expect(readFileSync(schema, 'utf8')).toBe(fixed);
  });

  it('--fix-dry-run prints a unified diff, changes nothing, and exits as --fix would', async () => {
    const dir = copyFiles(example, exampleFiles);
    const schema = path.join(dir, 'shared', 'schema.ts');
    const before = readFileSync(schema, 'utf8');
    const mtime = statSync(schema).mtimeMs;
    const result = await cli(dir, ['--fix-dry-run', '--fix-type', 'safe,suggestion']);
    expect(readFileSync(schema, 'utf8')).toBe(before);
    expect(statSync(schema).mtimeMs).toBe(mtime);
    expect(result.out).toMatch(/^--- a\/shared\/schema\.ts\n\+\+\+ b\/shared\/schema\.ts\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    expect(result.out).toContain('-  userId: uuid("user_id").references(() => users.id).notNull(),\n+  userId: uuid("user_id").references(() => users.id, { onDelete: "no action" }).notNull(),\n');
    expect(result.err).toMatch(/^schema-lint --fix-dry-run: would fix 38 problems in 1 file \(2 passes\):\n/);
    expect(result.err).toMatch(/\n28 problems would remain\.\n$/);
    expect(result.code).toBe(1);

    // The diff is the change --fix makes.
    const applied = await cli(dir, ['--fix', '--fix-type', 'safe', '--fix-type', 'suggestion']);
    expect(applied.code).toBe(1);
    expect(applyUnifiedDiff(before, result.out)).toBe(readFileSync(schema, 'utf8'));
  });
});

describe('command line', () => {
  const schema = [
    "import { integer, json, pgTable, serial } from 'drizzle-orm/pg-core';",
    "export const users = pgTable('users', { id: serial('id').primaryKey() });",
    "export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: integer('author_id').references(() => users.id), body: json('body').$type<{ text: string }>() }, (t) => [],);",
    '',
  ].join('\n');

  it('the exit code after --fix reflects what remains', async () => {
    const dir = writeFolder({ 'schema.ts': schema });
    expect((await cli(dir, ['schema.ts', '--fix', '--rule', 'require-fk-index=error'])).code).toBe(1);
    const fixed = await cli(dir, ['schema.ts', '--fix', '--fix-type', 'suggestion', '--rule', 'require-fk-index=error']);
    expect(fixed.code).toBe(0);
    expect(fixed.err).toContain('No problems remain.');
    expect(fixed.out).toContain('✔ No problems found');
    expect((await cli(dir, ['schema.ts', '--max-warnings', '0'])).code).toBe(0);
  });

  it('rejects unknown fix types, --fix-type alone, a dry run in JSON and --fix with --write-baseline (exit 2)', async () => {
    const dir = writeFolder({ 'schema.ts': schema });
    const unknown = await cli(dir, ['schema.ts', '--fix', '--fix-type', 'sugestion']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown fix type "sugestion"; expected safe or suggestion.');
    expect(unknown.err).toContain('Did you mean "suggestion"?');
    const alone = await cli(dir, ['schema.ts', '--fix-type', 'suggestion']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--fix-type: needs --fix or --fix-dry-run.');
    const json = await cli(dir, ['schema.ts', '--fix-dry-run', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.err).toContain('--fix-dry-run: prints a unified diff; it cannot be combined with --format json.');
    const baseline = await cli(dir, ['schema.ts', '--fix', '--write-baseline']);
    expect(baseline.code).toBe(2);
    expect(readFileSync(path.join(dir, 'schema.ts'), 'utf8')).toBe(schema);
  });

  it('lists what it could not fix, with the reason', async () => {
    const dir = copyFiles(path.join(FIX_FIXTURES, 'drizzle'), ['jsonb-taken.ts']);
    const result = await cli(dir, ['jsonb-taken.ts', '--fix']);
    expect(result.err).toBe(
      [
        'schema-lint --fix: nothing to fix (safe fixes).',
        'Not fixed:',
        '  jsonb-taken.ts:7:12  prefer-jsonb  the name `jsonb` is taken by something else in this file',
        '1 problem remains.',
        '',
      ].join('\n'),
    );
    expect(result.out).toContain('  no automatic fix: the name `jsonb` is taken by something else in this file.');
  });

  it('--help documents the three flags', async () => {
    const help = await cli(process.cwd(), ['--help']);
    for (const flag of ['--fix ', '--fix-type', '--fix-dry-run']) expect(help.out).toContain(flag);
  });

  it('keeps a CRLF file CRLF through the command line', async () => {
    const dir = writeFolder({ 'schema.ts': schema.replace(/\n/g, '\r\n') });
    await cli(dir, ['schema.ts', '--fix', '--fix-type', 'safe,suggestion']);
    const text = readFileSync(path.join(dir, 'schema.ts'), 'utf8');
    expect(text).toContain("jsonb('body')");
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

/** Applies a unified diff of one file (as `--fix-dry-run` prints it) to the old text. */
function applyUnifiedDiff(old: string, diff: string): string {
  const lines = old.split('\n');
  const out: string[] = [];
  let at = 0;
  const body = diff.split('\n').slice(2);
  for (let i = 0; i < body.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(body[i]!);
    if (!header) continue;
    const start = Number(header[1]) - (header[2] === '0' ? 0 : 1);
    while (at < start) out.push(lines[at++]!);
    for (i++; i < body.length && !body[i]!.startsWith('@@'); i++) {
      const line = body[i]!;
      if (line.startsWith(' ')) {
        out.push(line.slice(1));
        at++;
      } else if (line.startsWith('-')) at++;
      else if (line.startsWith('+')) out.push(line.slice(1));
    }
    i--;
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.join('\n');
}
