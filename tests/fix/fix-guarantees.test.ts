import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { computeFixes, runFixLoop, writeFixes, type FixLoopEnvironment } from '../../src/fix/fix-project.js';
import { evaluate } from '../../src/fix/relint.js';
import { lintSync, prepareProject } from '../../src/lint/lint.js';
import { copyFiles, FIX_FIXTURES, fixAndWrite, fixIn, removeCopies, writeFolder } from './helpers.js';

afterAll(removeCopies);

const drizzle = path.join(FIX_FIXTURES, 'drizzle');
const sqlalchemy = path.join(FIX_FIXTURES, 'sqlalchemy');
const read = (file: string) => readFileSync(file, 'utf8');
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

describe('line endings, byte-order marks and indentation survive', () => {
  for (const [name, folder, kinds] of [
    ['references.ts', drizzle, ['safe']],
    ['extra-config.ts', drizzle, ['suggestion']],
    ['classification.ts', drizzle, ['suggestion']],
    ['tabs.ts', drizzle, ['safe', 'suggestion']],
    ['declarative.py', sqlalchemy, ['safe', 'suggestion']],
  ] as const) {
    const expected = read(path.join(folder, name.replace(/\.(ts|py)$/, '.fixed.$1')));
    const options = JSON.parse(read(path.join(folder, name.replace(/\.(ts|py)$/, '.options.json')))) as { rules?: string[] };
    const fix = (dir: string) => fixAndWrite(dir, { kinds, ...(options.rules ? { rules: options.rules } : {}) }, [name]);

    it(`${name} with CRLF line endings: the same fixes, every inserted line break CRLF`, () => {
      const dir = copyFiles(folder, [name]);
      const file = path.join(dir, name);
      writeFileSync(file, crlf(read(file)));
      fix(dir);
      const fixed = read(file);
      expect(fixed).toBe(crlf(expected));
      expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    });

    it(`${name} with a byte-order mark: kept, and the fixes land where they belong`, () => {
      const dir = copyFiles(folder, [name]);
      const file = path.join(dir, name);
      writeFileSync(file, `\uFEFF${read(file)}`);
      fix(dir);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(expected);
    });
  }

  it('a file with lone CR line breaks gets CR breaks', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const file = path.join(dir, 'tabs.ts');
    writeFileSync(file, read(file).replace(/\n/g, '\r'));
    fixAndWrite(dir, { kinds: ['safe', 'suggestion'] }, ['tabs.ts']);
    expect(read(file)).toBe(read(path.join(drizzle, 'tabs.fixed.ts')).replace(/\n/g, '\r'));
  });
});

describe('writes', () => {
  it('replace files atomically: permissions kept, no temporary file left behind', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const file = path.join(dir, 'references.ts');
    chmodSync(file, 0o640);
    fixAndWrite(dir, { kinds: ['safe'] }, ['references.ts']);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((f) => f.includes('schema-lint') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('follow a symbolic link: the link stays, its target gets the fixes', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'schema.ts'), read(path.join(drizzle, 'references.ts')));
    symlinkSync(path.join('real', 'schema.ts'), path.join(dir, 'schema.ts'));
    fixAndWrite(dir, { kinds: ['safe'] }, ['schema.ts']);
    expect(lstatSync(path.join(dir, 'schema.ts')).isSymbolicLink()).toBe(true);
    expect(read(path.join(dir, 'real', 'schema.ts'))).toContain('onDelete: "no action"');
  });

  it('leave a file alone when it changed on disk after the fixes were computed', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const file = path.join(dir, 'references.ts');
    const run = fixIn(dir, { kinds: ['safe'] }, ['references.ts']);
    writeFileSync(file, `${read(file)}\n// edited meanwhile\n`);
    const outcome = writeFixes(run.changes);
    expect(outcome.written).toEqual([]);
    expect(outcome.failed.map((f) => f.message)).toEqual(['it changed on disk while schema-lint was fixing it; run --fix again']);
    expect(read(file)).not.toContain('no action');
  });

  it('computing fixes writes nothing (what --fix-dry-run relies on)', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const before = new Map(readdirSync(dir).map((f) => [f, read(path.join(dir, f))]));
    const run = fixIn(dir, { kinds: ['safe', 'suggestion'] }, ['references.ts', 'extra-config.ts']);
    expect(run.changes.length).toBe(2);
    for (const [f, text] of before) expect(read(path.join(dir, f)), f).toBe(text);
  });
});

describe('boundaries: only lint inputs inside the project are written', () => {
  const outsideTables = [
    "import { integer, pgTable, serial } from 'drizzle-orm/pg-core';",
    "export const users = pgTable('users', { id: serial('id').primaryKey() });",
    "export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: integer('author_id').references(() => users.id) });",
    '',
  ].join('\n');

  it('a file imported from outside the project root is never touched', () => {
    const root = writeFolder({
      'outside/tables.ts': outsideTables,
      'project/schema.ts': "import { integer, pgTable, serial } from 'drizzle-orm/pg-core';\nimport { users } from '../outside/tables';\nexport const notes = pgTable('notes', { id: serial('id').primaryKey(), userId: integer('user_id').references(() => users.id) });\n",
    });
    const cwd = path.join(root, 'project');
    mkdirSync(path.join(cwd, '.git'));
    const run = fixAndWrite(cwd, { kinds: ['safe', 'suggestion'] }, ['schema.ts']);
    expect(read(path.join(root, 'outside', 'tables.ts'))).toBe(outsideTables);
    expect(read(path.join(cwd, 'schema.ts'))).toContain("references(() => users.id, { onDelete: 'no action' })");
    expect(run.notFixed.filter((n) => n.file.includes(`${path.sep}outside${path.sep}`)).map((n) => n.reason)).toEqual([
      expect.stringMatching(/which is not a lint input inside the project$/),
      expect.stringMatching(/which is not a lint input inside the project$/),
    ]);
  });

  it('a schema file under node_modules is never touched, even when named on the command line', () => {
    const cwd = writeFolder({ 'node_modules/shared-schema/tables.ts': outsideTables, '.git/HEAD': '' });
    const run = fixAndWrite(cwd, { kinds: ['safe', 'suggestion'] }, ['node_modules/shared-schema/tables.ts']);
    expect(run.changes).toEqual([]);
    expect(read(path.join(cwd, 'node_modules', 'shared-schema', 'tables.ts'))).toBe(outsideTables);
    expect(run.notFixed.length).toBeGreaterThan(0);
  });

  it('with a project scope, only the files given are written', () => {
    const cwd = writeFolder({
      'schema-lint.config.json': JSON.stringify({ include: ['db/*.ts'] }),
      'db/a.ts': outsideTables,
      'db/b.ts': outsideTables.replaceAll('users', 'accounts').replaceAll('posts', 'entries'),
    });
    fixAndWrite(cwd, { kinds: ['safe'] }, ['db/a.ts']);
    expect(read(path.join(cwd, 'db', 'a.ts'))).toContain('no action');
    expect(read(path.join(cwd, 'db', 'b.ts'))).not.toContain('no action');
  });
});

describe('verification, conflicts and passes', () => {
  /** The real loop over a copy of a fixture, with a hook that changes what the lint reports. */
  function loop(dir: string, file: string, tweak: (diagnostics: readonly Diagnostic[]) => readonly Diagnostic[], maxPasses = 10) {
    const prepared = prepareProject({ cwd: dir, paths: [file], overrides: { rules: ['require-fk-on-update=warn'] } });
    if (prepared.ok !== true) throw new Error('prepare failed');
    const env: FixLoopEnvironment = {
      evaluate: (overlay) => {
        const evaluation = evaluate(prepared.project, overlay);
        return { ...evaluation, diagnostics: tweak(evaluation.diagnostics) };
      },
      read: (f) => (existsSync(f) ? read(f) : undefined),
      writable: () => true,
      kinds: new Set(['safe']),
      maxPasses,
    };
    return runFixLoop(env);
  }

  it('drops a fix whose result would not parse, with the reason, and keeps the others', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const file = path.join(dir, 'references.ts');
    const result = loop(dir, 'references.ts', (diagnostics) =>
      diagnostics.map((d) =>
        d.ruleId === 'require-fk-on-update' && d.span.start.line === 14
          ? { ...d, fixes: [{ kind: 'safe', description: 'Break the file.', edits: [{ file, start: 0, end: 0, text: 'export const = ;\n' }] }] }
          : d,
      ) as Diagnostic[],
    );
    const text = result.overlay.get(file)!;
    expect(text).not.toContain('export const = ;');
    expect(text).toContain('ownerId: integer("owner_id").references(() => users.id, { onDelete: "no action", onUpdate: "no action" })');
    expect(result.notFixed).toContainEqual(expect.objectContaining({ ruleId: 'require-fk-on-update', line: 14, reason: expect.stringMatching(/^the fix was dropped: the result would not parse \(Syntax error: /) }));
  });

  it('drops a fix that does not resolve its finding (which would make --fix repeat it forever)', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const file = path.join(dir, 'references.ts');
    const result = loop(dir, 'references.ts', (diagnostics) =>
      diagnostics.map((d) => (d.ruleId === 'require-fk-on-delete' && d.span.start.line === 25 ? { ...d, fixes: [{ kind: 'safe', description: 'Add a comment.', edits: [{ file, start: 0, end: 0, text: '// touched\n' }] }] } : d)) as Diagnostic[],
    );
    expect(result.overlay.get(file)).not.toContain('// touched');
    expect(result.notFixed).toContainEqual(expect.objectContaining({ ruleId: 'require-fk-on-delete', line: 25, reason: 'the fix was dropped: applying it did not resolve the finding' }));
  });

  it('applies fixes that meet at one point in later passes, in a fixed order', () => {
    const dir = copyFiles(drizzle, ['references.ts', 'extra-config.ts', 'tabs.ts']);
    const one = loop(dir, 'references.ts', (d) => d, 1);
    expect(one.exhausted).toBe(true);
    expect(one.passes).toBe(1);
    const all = loop(dir, 'references.ts', (d) => d);
    expect(all.exhausted).toBe(false);
    expect(all.passes).toBe(2);
    const fixed = all.overlay.get(path.join(dir, 'references.ts'));
    expect(fixed).toContain('.references(() => users.id, { onDelete: "no action", onUpdate: "no action" })');
    // NOTE: the order comes from positions and rule ids, never from the order diagnostics arrive in.
    const reversed = loop(dir, 'references.ts', (d) => [...d].reverse());
    expect(reversed.overlay.get(path.join(dir, 'references.ts'))).toBe(fixed);
  });

  it('the evaluation the fixes are verified with matches lintSync', () => {
    const dir = copyFiles(FIX_FIXTURES, ['drizzle/references.ts', 'drizzle/shared-columns.ts', 'drizzle/shared-helpers.ts', 'sqlalchemy/declarative.py']);
    for (const paths of [['drizzle/references.ts'], ['sqlalchemy/declarative.py'], ['drizzle/shared-columns.ts']]) {
      const prepared = prepareProject({ cwd: dir, paths });
      const linted = lintSync({ cwd: dir, paths });
      if (prepared.ok !== true || linted.ok !== true) throw new Error('lint failed');
      const key = (d: Diagnostic) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.ruleId} ${d.message}`;
      const fresh = evaluate(prepared.project, new Map([[path.join(dir, paths[0]!), read(path.join(dir, paths[0]!))]]));
      expect(fresh.diagnostics.map(key)).toEqual(linted.run.diagnostics.map(key));
      expect(evaluate(prepared.project, new Map()).diagnostics.map(key)).toEqual(linted.run.diagnostics.map(key));
    }
  });
});

describe('computeFixes', () => {
  it('reports configuration problems instead of fixing', () => {
    const cwd = writeFolder({ 'schema-lint.config.json': '{ "extnds": "recommended" }', 'schema.ts': '' });
    const result = computeFixes({ cwd, paths: ['schema.ts'], kinds: new Set(['safe']) });
    expect(result.ok).toBe(false);
  });
});
