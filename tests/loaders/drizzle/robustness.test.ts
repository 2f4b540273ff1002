import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../../src/loaders/load-schema.js';
import { loadProject, renderLoadResult, writeProject } from './load-helpers.js';

/**
 * Input the loader cannot fully understand must never crash it: each case yields a model for
 * what is readable and LoadProblems, with positions, for the rest. Snapshots show both.
 */

const PG = "import { pgTable, serial, integer, text, index, foreignKey, primaryKey } from 'drizzle-orm/pg-core';\n";
const snapshot = (name: string) => `__snapshots__/robustness/${name}.txt`;

describe('drizzle loader robustness', () => {
  it('a syntax error: problems with positions, the file is flagged, readable tables are kept', async () => {
    const { result, text } = loadProject({
      'schema.ts': `${PG}export const users = pgTable('users', {\n  id: serial('id').primaryKey(),\n  name: text('name'\n});\n\nexport const posts = pgTable('posts', { id: serial('id').primaryKey() });\n`,
    });
    expect(result.filesWithSyntaxErrors.size).toBe(1);
    expect(result.problems.some((p) => p.id === 'schema-lint/parse-error' && p.span.start.line === 5)).toBe(true);
    await expect(text).toMatchFileSnapshot(snapshot('syntax-error'));
  });

  it('a TypeScript file that is not a Drizzle schema: empty model, no problems', async () => {
    const { result, text } = loadProject({
      'util.ts': "import { readFileSync } from 'node:fs';\nexport const answer = Math.max(41, 42);\nexport function load(file: string) { return readFileSync(file, 'utf8'); }\nexport class Repo { run() { return table('x', {}); } }\nconst table = (a: string, b: object) => ({ a, b });\n",
    });
    expect(result.model.tables).toEqual([]);
    expect(result.problems).toEqual([]);
    await expect(text).toMatchFileSnapshot(snapshot('not-drizzle'));
  });

  it('an empty file and a whitespace-only file', () => {
    const { result } = loadProject({ 'empty.ts': '', 'blank.ts': '\n\n   \n' }, ['empty.ts', 'blank.ts']);
    expect(result.model.tables).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('a binary file: one parse-error problem at 1:1', async () => {
    const { result, text } = loadProject({ 'logo.ts': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a, 0x1a, 0x00, 0xff]) });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ id: 'schema-lint/parse-error', span: { start: { line: 1, column: 1 } } });
    await expect(text).toMatchFileSnapshot(snapshot('binary-file'));
  });

  it('a missing path and a directory passed as a file', async () => {
    const dir = writeProject({ 'schema.ts': `${PG}export const users = pgTable('users', { id: serial('id').primaryKey() });\n` });
    mkdirSync(path.join(dir, 'schema-dir'));
    const result = loadSchema([path.join(dir, 'missing.ts'), path.join(dir, 'schema-dir'), path.join(dir, 'schema.ts')]);
    expect(result.model.tables.map((t) => t.name)).toEqual(['users']);
    expect(result.problems.map((p) => p.message.replace(dir, '<dir>'))).toEqual([
      'Cannot read <dir>/missing.ts: the file does not exist.',
      'Cannot read <dir>/schema-dir: it is a directory.',
    ]);
    await expect(renderLoadResult(result, dir)).toMatchFileSnapshot(snapshot('missing-and-directory'));
  });

  it('a file with a byte-order mark and CRLF line endings keeps positions', async () => {
    const source = `${PG}export const users = pgTable('users', {\n  id: serial('id').primaryKey(),\n  teamId: integer('team_id').references(() => teams.id),\n});\n`.replace(/\n/g, '\r\n');
    const { result, text } = loadProject({ 'schema.ts': `\uFEFF${source}` });
    expect(result.model.tables[0]!.columns[1]!.span.start).toEqual({ line: 4, column: 3 });
    await expect(text).toMatchFileSnapshot(snapshot('bom-crlf'));
  });

  it('dynamic table and enum names', async () => {
    const { result, text } = loadProject({
      'schema.ts': `${PG}import { pgEnum } from 'drizzle-orm/pg-core';\nconst prefix = process.env.TABLE_PREFIX;\nexport const users = pgTable(\`\${prefix}_users\`, { id: serial('id').primaryKey() });\nexport const kind = pgEnum(String(Date.now()), ['a']);\nexport const tables = ['a', 'b'].map((name) => pgTable(name, { id: serial('id') }));\nexport const fixed = pgTable('fixed', { id: serial('id').primaryKey(), kind: kind('kind') });\n`,
    });
    expect(result.model.tables.map((t) => t.name)).toEqual(['fixed']);
    expect(result.problems.every((p) => p.span.start.line > 1)).toBe(true);
    await expect(text).toMatchFileSnapshot(snapshot('dynamic-names'));
  });

  it('unresolvable spreads and column builders', async () => {
    const { text } = loadProject({
      'schema.ts': `${PG}import { baseColumns, makeColumns } from '@acme/db-kit';\nimport { citext } from 'some-pg-extras';\nconst flag = Math.random() > 0.5;\nexport const users = pgTable('users', {\n  ...baseColumns,\n  ...makeColumns('users'),\n  ...(flag ? { a: text('a') } : { b: text('b') }),\n  ...'not an object',\n  email: citext('email'),\n  id: serial('id').primaryKey(),\n});\n`,
    });
    await expect(text).toMatchFileSnapshot(snapshot('unresolvable-spreads'));
  });

  it('unresolvable and partial references', async () => {
    const { text } = loadProject({
      'schema.ts': `${PG}import { lookup } from './registry';\nexport const users = pgTable('users', { id: serial('id').primaryKey() });\nexport const posts = pgTable('posts', {\n  id: serial('id').primaryKey(),\n  a: integer('a').references(() => lookup('users').id),\n  b: integer('b').references(() => users.missing),\n  c: integer('c').references(() => (Math.random() ? users.id : posts.id)),\n  d: integer('d').references(() => users.id, { onDelete: 'explode' as never }),\n  e: integer('e'),\n}, (t) => [foreignKey({ columns: [t.e], foreignColumns: [lookup('x')] }), foreignKey({ columns: [t.nope], foreignColumns: [users.id] })]);\n`,
      'registry.ts': 'export const lookup = (name: string): any => globalThis[name as never];\n',
    });
    await expect(text).toMatchFileSnapshot(snapshot('unresolvable-references'));
  });

  it('unknown entries in the extra configuration', async () => {
    const { text } = loadProject({
      'schema.ts': `${PG}import { pgPolicy } from 'drizzle-orm/pg-core';\nimport { makeIndex } from 'index-helpers';\nexport const users = pgTable('users', {\n  id: serial('id').primaryKey(),\n  name: text('name'),\n}, (t) => [\n  index('users_name_idx').on(t.name),\n  makeIndex(t.name),\n  'users_by_name',\n  pgPolicy('read', { for: 'select' }),\n  [index('nested_idx').on(t.id)],\n  { pk: primaryKey({ columns: [t.id, t.name] }) },\n  index('other_table_idx').on(others.id),\n]);\nexport const others = pgTable('others', { id: serial('id').primaryKey() });\nexport const broken = pgTable('broken', { id: serial('id') }, (t) => t.id);\n`,
    });
    await expect(text).toMatchFileSnapshot(snapshot('extra-config-entries'));
  });

  it('a table referencing tables imported from npm packages: kept, unresolved, no crash', async () => {
    const { result, text } = loadProject({
      'schema.ts': `${PG}import { users } from '@acme/auth-schema';\nimport * as billing from '@acme/billing';\nimport { authUsers } from 'drizzle-orm/supabase';\nexport const posts = pgTable('posts', {\n  id: serial('id').primaryKey(),\n  authorId: integer('author_id').references(() => users.id, { onDelete: 'cascade' }),\n  planId: integer('plan_id').references(() => billing.plans.id),\n  ownerId: text('owner_id').references(() => authUsers.id),\n}, (t) => [index('posts_author_idx').on(t.authorId)]);\n`,
    });
    const [posts] = result.model.tables;
    expect(posts!.foreignKeys.map((fk) => [fk.target.codeName, fk.target.table, fk.target.resolved])).toEqual([
      ['users', undefined, false],
      ['billing.plans', undefined, false],
      ['authUsers', 'users', false],
    ]);
    await expect(text).toMatchFileSnapshot(snapshot('package-tables'));
  });

  it('a table that is not exported is left out, with a problem; FKs to it stay unresolved', async () => {
    const { result, text } = loadProject({
      'schema.ts': `${PG}const drafts = pgTable('drafts', { id: serial('id').primaryKey() });\nexport const posts = pgTable('posts', { id: serial('id').primaryKey(), draftId: integer('draft_id').references(() => drafts.id) });\nconst archive = pgTable('archive', { id: serial('id').primaryKey() });\nexport { archive as postArchive };\n`,
    });
    expect(result.model.tables.map((t) => t.name)).toEqual(['posts', 'archive']);
    await expect(text).toMatchFileSnapshot(snapshot('not-exported'));
  });

  it('circular re-exports, self-referential bindings and deeply nested expressions terminate', async () => {
    const nested = `${'('.repeat(300)}'deep'${')'.repeat(300)}`;
    const { result, text } = loadProject(
      {
        'index.ts': "export * from './a';\nexport * from './b';\n",
        'a.ts': `${PG}export * from './b';\nimport { ghost } from './b';\nconst loopA: any = { ...loopB };\nconst loopB: any = { ...loopA };\nexport const users = pgTable('users', { id: serial('id').primaryKey(), ...loopA, ghost });\nexport const deep = pgTable(${nested}, { id: serial('id').primaryKey() });\n`,
        'b.ts': "export * from './a';\nexport { ghost } from './a';\n",
      },
      ['index.ts'],
    );
    expect(result.model.tables.map((t) => t.name)).toEqual(['users']);
    await expect(text).toMatchFileSnapshot(snapshot('cycles-and-depth'));
  });

  it('a custom type whose SQL type is only known at run time', async () => {
    const { text } = loadProject({
      'schema.ts': `${PG}import { customType } from 'drizzle-orm/pg-core';\nconst dynamicType = customType<{ data: string }>({ dataType() { return process.env.TYPE!; } });\nconst branchy = customType<{ data: string; config: { wide?: boolean } }>({ dataType(config) { if (config?.wide) { return 'text'; } return 'varchar(20)'; } });\nexport const t = pgTable('t', { id: serial('id').primaryKey(), a: dynamicType('a'), b: branchy('b'), c: branchy('c', { wide: true }) });\n`,
    });
    await expect(text).toMatchFileSnapshot(snapshot('runtime-custom-type'));
  });

  it('MySQL and SQLite tables next to Postgres ones', async () => {
    const { text } = loadProject({
      'schema.ts': "import { mysqlTable, int, varchar } from 'drizzle-orm/mysql-core';\nimport { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';\nexport const a = mysqlTable('a', { id: int('id').primaryKey().autoincrement(), name: varchar('name', { length: 40 }) });\nexport const b = sqliteTable('b', { id: integer('id').primaryKey(), aId: integer('a_id'), note: text('note') });\n",
    });
    await expect(text).toMatchFileSnapshot(snapshot('other-dialects'));
  });
});
