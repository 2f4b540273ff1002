import rule from '../../rules/no-unresolved-fk.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`export const posts = pgTable('posts', { id: serial('id').primaryKey(), authorId: uuid('author_id').references(() => users.id) });`,
    {
      name: 'target declared later in the file',
      code: drizzle`
        export const posts = pgTable('posts', { id: serial('id').primaryKey(), topicId: integer('topic_id').references(() => topics.id) });
        export const topics = pgTable('topics', { id: serial('id').primaryKey() });`,
    },
    {
      name: 'external table allowed by option',
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from 'drizzle-orm/supabase';
export const profiles = pgTable('profiles', { id: uuid('id').primaryKey().references(() => authUsers.id) });
`,
      options: { externalTables: ['auth.users'] },
    },
  ],
  invalid: [
    {
      name: 'column that does not exist on the target',
      code: drizzle`
        export const posts = pgTable('posts', {
          id: serial('id').primaryKey(),
          authorId: uuid('author_id').references(() => users.userId),
        });`,
      errors: [{ messageId: 'missingColumn', line: P + 3, data: { fk: 'posts.author_id → users.userId', target: 'users', columns: 'userId' } }],
    },
    {
      name: 'table imported from a package the schema does not include',
      code: `import { pgTable, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '@acme/auth-schema';
export const profiles = pgTable('profiles', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').references(() => accounts.id),
});
`,
      errors: [{ messageId: 'missingTable', line: 5, data: { fk: 'profiles.account_id → accounts.id', target: '`accounts`' } }],
    },
  ],
});
