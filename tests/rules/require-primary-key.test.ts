import rule from '../../rules/require-primary-key.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`export const posts = pgTable('posts', { id: serial('id').primaryKey() });`,
    {
      name: 'composite primary key in the extra config',
      code: drizzle`
        export const memberships = pgTable('memberships', { userId: uuid('user_id').notNull(), groupId: integer('group_id').notNull() },
          (t) => [primaryKey({ columns: [t.userId, t.groupId] })]);`,
    },
    {
      name: 'deprecated positional primaryKey() in the object form',
      code: drizzle`
        export const memberships = pgTable('memberships', { userId: uuid('user_id'), groupId: integer('group_id') },
          (t) => ({ pk: primaryKey(t.userId, t.groupId) }));`,
    },
    {
      name: 'ignored table',
      code: drizzle`export const logs = pgTable('logs', { line: text('line') });`,
      options: { ignoreTables: ['logs'] },
    },
  ],
  invalid: [
    {
      name: 'no primary key anywhere; two tables',
      code: drizzle`
        export const auditEvents = pgTable('audit_events', { action: text('action').notNull() });
        export const clinical = pgSchema('clinical');
        export const rawNotes = clinical.table('raw_notes', { body: text('body') });`,
      errors: [
        { messageId: 'missingPrimaryKey', line: P + 1, column: 28, data: { table: 'audit_events' } },
        { messageId: 'missingPrimaryKey', line: P + 3, data: { table: 'clinical.raw_notes' } },
      ],
    },
  ],
});
