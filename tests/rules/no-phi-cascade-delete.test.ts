import rule from '../../rules/no-phi-cascade-delete.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'restrict into a PHI table',
      code: drizzle`
        export const followups = pgTable('followups', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
          /** @phi symptom */
          symptoms: text('symptoms'),
        });`,
    },
    {
      name: 'cascade into a table without PHI',
      code: drizzle`
        export const sessions = pgTable('sessions', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
          expiresAt: timestamp('expires_at'),
        });`,
    },
    {
      name: 'allowed table',
      code: drizzle`
        export const followups = pgTable('followups', { id: serial('id').primaryKey(), userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }), /** @phi symptom */ symptoms: text('symptoms') });`,
      options: { allowTables: ['followups'] },
    },
    {
      name: 'inferred PHI ignored when configured',
      code: drizzle`
        export const followups = pgTable('followups', { id: serial('id').primaryKey(), userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }), diagnosis: text('diagnosis') });`,
      options: { includeInferred: false },
    },
  ],
  invalid: [
    {
      name: 'cascade into declared PHI with retention',
      code: drizzle`
        /** @retention P7Y after=created_at */
        export const followups = pgTable('followups', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
          /** @phi symptom */
          symptoms: text('symptoms'),
          createdAt: timestamp('created_at').notNull(),
        });`,
      errors: [
        {
          messageId: 'cascadeIntoPhi',
          line: P + 4,
          message: 'Foreign key followups.user_id → users.id cascades deletes: deleting a users row silently deletes followups rows, which hold PHI (symptoms), kept P7Y after created_at.',
        },
      ],
    },
    {
      name: 'table-level foreignKey() into inferred PHI',
      code: drizzle`
        export const prescriptions = pgTable('prescriptions', {
          id: serial('id').primaryKey(),
          patientId: uuid('patient_id').notNull(),
          medicationName: text('medication_name'),
          dosage: text('dosage'),
        }, (t) => [foreignKey({ columns: [t.patientId], foreignColumns: [users.id] }).onDelete('cascade')]);`,
      errors: [{ messageId: 'cascadeIntoPhi', line: P + 6 }],
    },
  ],
});
