import rule from '../../rules/no-fk-type-mismatch.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id').references(() => users.id) });`,
    {
      name: 'serial → integer and bigserial → bigint',
      code: drizzle`
        export const topics = pgTable('topics', { id: serial('id').primaryKey(), big: bigint('big', { mode: 'number' }).unique() });
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          topicId: integer('topic_id').references(() => topics.id),
          bigRef: bigint('big_ref', { mode: 'number' }).references(() => topics.big),
        });`,
    },
    {
      name: 'integer → bigint passes unless strict',
      code: drizzle`
        export const topics = pgTable('topics', { id: bigint('id', { mode: 'number' }).primaryKey() });
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), topicId: integer('topic_id').references(() => topics.id) });`,
    },
    {
      name: 'varchar → text',
      code: drizzle`
        export const codes = pgTable('codes', { code: text('code').primaryKey() });
        export const items = pgTable('items', { id: serial('id').primaryKey(), code: varchar('code', { length: 16 }).references(() => codes.code) });`,
    },
  ],
  invalid: [
    {
      name: 'varchar referencing uuid',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: varchar('author_id', { length: 36 }).references(() => users.id),
        });`,
      errors: [{ messageId: 'incompatible', line: P + 3, column: 13, data: { fk: 'posts.author_id → users.id', column: 'author_id', type: 'character varying(36)', targetType: 'uuid' } }],
    },
    {
      name: 'integer referencing text; composite FK mismatch reported per column',
      code: drizzle`
        export const codes = pgTable('codes', { code: text('code').notNull(), rev: integer('rev').notNull() }, (t) => [primaryKey({ columns: [t.code, t.rev] })]);
        export const items = pgTable('items', {
          id: serial('id').primaryKey(),
          code: integer('code'),
          rev: text('rev'),
        }, (t) => [foreignKey({ columns: [t.code, t.rev], foreignColumns: [codes.code, codes.rev] })]);`,
      errors: [
        { messageId: 'incompatible', line: P + 4 },
        { messageId: 'incompatible', line: P + 5 },
      ],
    },
    {
      name: 'strict reports compatible but different types',
      code: drizzle`
        export const topics = pgTable('topics', { id: bigint('id', { mode: 'number' }).primaryKey() });
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), topicId: integer('topic_id').references(() => topics.id) });`,
      options: { strict: true },
      errors: [{ messageId: 'different', line: P + 2 }],
    },
  ],
});
