import rule from '../../rules/require-fk-index.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'index in the array form',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
        }, (t) => [index('posts_author_id_idx').on(t.authorId)]);`,
    },
    {
      name: 'composite index whose leading column is the FK (object form)',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
          createdAt: timestamp('created_at'),
        }, (t) => ({ byAuthor: index().on(t.authorId, t.createdAt) }));`,
    },
    {
      name: 'primary key starting with the FK column covers it (splinter #90)',
      code: drizzle`
        export const memberships = pgTable('memberships', {
          userId: uuid('user_id').notNull().references(() => users.id),
          groupId: integer('group_id').notNull(),
        }, (t) => [primaryKey({ columns: [t.userId, t.groupId] })]);`,
    },
    {
      name: 'unique column covers it',
      code: drizzle`
        export const profiles = pgTable('profiles', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').unique().references(() => users.id),
        });`,
    },
    {
      name: 'partial index covers by default',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
        }, (t) => [index('posts_author_live_idx').on(t.authorId).where(sql\`deleted_at is null\`)]);`,
    },
  ],
  invalid: [
    {
      name: 'no index at all',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
        });`,
      errors: [{ messageId: 'missingIndex', line: P + 3, column: 31, data: { fk: 'posts.author_id → users.id' } }],
    },
    {
      name: 'an index led by another column does not cover the FK',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
          editorId: uuid('editor_id').references(() => users.id),
        }, (t) => [index('posts_editor_id_idx').on(t.editorId, t.id)]);`,
      errors: [{ messageId: 'missingIndex', line: P + 3 }],
    },
    {
      name: 'composite FK needs its columns in order',
      code: drizzle`
        export const visits = pgTable('visits', {
          clinicId: integer('clinic_id').notNull(),
          visitNo: integer('visit_no').notNull(),
        }, (t) => [primaryKey({ columns: [t.clinicId, t.visitNo] })]);
        export const notes = pgTable('notes', {
          id: serial('id').primaryKey(),
          clinicId: integer('clinic_id'),
          visitNo: integer('visit_no'),
        }, (t) => [
          index('notes_visit_clinic_idx').on(t.visitNo, t.clinicId),
          foreignKey({ columns: [t.clinicId, t.visitNo], foreignColumns: [visits.clinicId, visits.visitNo] }),
        ]);`,
      errors: [{ messageId: 'missingIndex', line: P + 11 }],
    },
    {
      name: 'partial index does not count when configured',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
        }, (t) => [index('posts_author_live_idx').on(t.authorId).where(sql\`deleted_at is null\`)]);`,
      options: { partialIndexesCover: false },
      errors: [{ messageId: 'missingIndex', line: P + 3 }],
    },
    {
      name: 'expression index does not cover',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id),
        }, (t) => [index('posts_author_text_idx').on(sql\`(\${t.authorId}::text)\`)]);`,
      errors: [{ messageId: 'missingIndex', line: P + 3 }],
    },
  ],
});
