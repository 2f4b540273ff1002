import rule from '../../rules/no-conflicting-primary-keys.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`export const posts = pgTable('posts', { id: serial('id').primaryKey() });`,
    {
      name: 'one composite primary key',
      code: drizzle`
        export const memberships = pgTable('memberships', { userId: uuid('user_id').notNull(), groupId: integer('group_id').notNull() },
          (t) => [primaryKey({ columns: [t.userId, t.groupId] })]);`,
    },
  ],
  invalid: [
    {
      name: 'two columns marked primaryKey() do not make a composite key',
      code: drizzle`
        export const enrollments = pgTable('enrollments', {
          patientId: integer('patient_id').primaryKey(),
          programId: integer('program_id').primaryKey(),
        });`,
      errors: [{ messageId: 'conflicting', line: P + 3, column: 36 }],
    },
    {
      name: 'column primary key plus table-level primaryKey()',
      code: drizzle`
        export const enrollments = pgTable('enrollments', {
          id: serial('id').primaryKey(),
          patientId: integer('patient_id').notNull(),
        }, (t) => [primaryKey({ columns: [t.patientId] })]);`,
      errors: [{ messageId: 'conflicting', line: P + 4, message: 'Table enrollments declares 2 primary keys ((id) at line 7, (patient_id) at line 9); PostgreSQL refuses to create it.' }],
    },
  ],
});
