import rule from '../../rules/require-fk-on-update.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`
      export const posts = pgTable('posts', {
        id: serial('id').primaryKey(),
        authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade', onUpdate: 'cascade' }),
      });`,
    {
      name: 'table-level foreignKey() with onUpdate',
      code: drizzle`
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id') },
          (t) => [foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onDelete('cascade').onUpdate('restrict')]);`,
    },
  ],
  invalid: [
    {
      name: 'onDelete alone does not decide onUpdate',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.id, { onDelete: 'cascade' }),
        });`,
      errors: [{ messageId: 'missing', line: P + 3, data: { fk: 'posts.author_id → users.id' } }],
    },
    {
      name: 'action outside the allow-list',
      code: drizzle`
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id') },
          (t) => [foreignKey({ columns: [t.authorId], foreignColumns: [users.id] }).onUpdate('set null')]);`,
      options: { allow: ['cascade'] },
      errors: [{ messageId: 'notAllowed', line: P + 2 }],
    },
  ],
});
