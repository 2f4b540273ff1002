import rule from '../../rules/require-fk-on-delete.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`
      export const posts = pgTable('posts', {
        id: serial('id').primaryKey(),
        authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
      });`,
    {
      name: 'table-level foreignKey() with onDelete',
      code: drizzle`
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id') },
          (t) => [foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onDelete('restrict')]);`,
    },
    {
      name: 'deprecated object form of the extra config',
      code: drizzle`
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id') },
          (t) => ({ authorFk: foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onDelete('set null') }));`,
    },
    {
      name: 'explicit no action is a decision',
      code: drizzle`
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          parentId: integer('parent_id').references((): AnyPgColumn => patients.id, { onDelete: 'no action' }),
        });`,
    },
    {
      name: 'ignored table',
      code: drizzle`
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id').references(() => users.id) });`,
      options: { ignoreTables: ['posts'] },
    },
  ],
  invalid: [
    {
      name: 'inline references() without options',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
        });`,
      errors: [{ messageId: 'missing', line: P + 3, column: 31, data: { fk: 'posts.author_id → users.id' } }],
    },
    {
      name: 'onUpdate only, and a table-level FK without actions: two diagnostics',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id, { onUpdate: 'cascade' }),
          editorId: uuid('editor_id'),
        }, (t) => [
          foreignKey({ columns: [t.editorId], foreignColumns: [users.id], name: 'posts_editor_fk' }),
        ]);`,
      errors: [
        { messageId: 'missing', line: P + 3 },
        { messageId: 'missing', line: P + 6, data: { fk: 'posts.editor_id → users.id' } },
      ],
    },
    {
      name: 'self-reference and composite FK',
      code: drizzle`
        export const visits = pgTable('visits', {
          clinicId: integer('clinic_id').notNull(),
          visitNo: integer('visit_no').notNull(),
          followsClinic: integer('follows_clinic'),
          followsNo: integer('follows_no'),
        }, (t) => [
          primaryKey({ columns: [t.clinicId, t.visitNo] }),
          foreignKey({ columns: [t.followsClinic, t.followsNo], foreignColumns: [t.clinicId, t.visitNo] }),
        ]);`,
      errors: [{ messageId: 'missing', line: P + 8, data: { fk: 'visits.(follows_clinic, follows_no) → visits.(clinic_id, visit_no)' } }],
    },
    {
      name: 'action outside the allow-list',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
        });`,
      options: { allow: ['restrict', 'no action'] },
      errors: [{ messageId: 'notAllowed', line: P + 3, data: { fk: 'posts.author_id → users.id', action: 'cascade', allowed: "'restrict', 'no action'" } }],
    },
    {
      name: 'aliased and namespace imports, pgSchema table',
      code: `import { pgTable as table, uuid as id } from 'drizzle-orm/pg-core';
import * as p from 'drizzle-orm/pg-core';
export const clinical = p.pgSchema('clinical');
export const patients = table('patients', { id: id('id').primaryKey() });
export const notes = clinical.table('notes', {
  id: p.serial('id').primaryKey(),
  patientId: id('patient_id').references(() => patients.id),
});
`,
      errors: [{ messageId: 'missing', line: 7, data: { fk: 'clinical.notes.patient_id → patients.id' } }],
    },
  ],
});
