import rule from '../../rules/prefer-jsonb.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`export const events = pgTable('events', { id: serial('id').primaryKey(), payload: jsonb('payload') });`,
    {
      name: 'ignored column',
      code: drizzle`export const events = pgTable('events', { id: serial('id').primaryKey(), raw: json('raw') });`,
      options: { ignoreColumns: ['events.raw'] },
    },
    {
      name: 'MySQL has no jsonb',
      code: `import { mysqlTable, json, int } from 'drizzle-orm/mysql-core';
export const events = mysqlTable('events', { id: int('id').primaryKey(), payload: json('payload') });
`,
    },
  ],
  invalid: [
    {
      name: 'json column, reported at the builder',
      code: drizzle`
        export const events = pgTable('events', {
          id: serial('id').primaryKey(),
          payload: json('payload').$type<{ kind: string }>(),
          other: json('other'),
        });`,
      errors: [
        { messageId: 'preferJsonb', line: P + 3, column: 12, data: { column: 'events.payload' } },
        { messageId: 'preferJsonb', line: P + 4, column: 10 },
      ],
    },
  ],
});
