import rule from '../../rules/require-phi-classification.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'declared inline',
      code: drizzle`
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          /** @phi diagnosis encrypted */
          diagnosis: text('diagnosis'),
        });`,
    },
    {
      name: 'explicit opt-out with a reason',
      code: drizzle`
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          /** @not-sensitive count of visits, holds no clinical content */
          diagnosisCount: integer('diagnosis_count'),
        });`,
    },
    {
      name: 'table-level opt-out',
      code: drizzle`
        /** @not-sensitive demo data generated for the sandbox, no real people */
        export const demoPatients = pgTable('demo_patients', { id: serial('id').primaryKey(), diagnosis: text('diagnosis') });`,
    },
    drizzle`export const settings = pgTable('settings', { id: serial('id').primaryKey(), theme: text('theme'), pageSize: integer('page_size') });`,
    {
      name: 'ignored column',
      code: drizzle`export const patients = pgTable('patients', { id: serial('id').primaryKey(), diagnosis: text('diagnosis') });`,
      options: { ignoreColumns: ['patients.diagnosis'] },
    },
    {
      name: 'only some classes',
      code: drizzle`export const accounts = pgTable('accounts', { id: serial('id').primaryKey(), passwordHash: text('password_hash') });`,
      options: { classes: ['phi'] },
    },
  ],
  invalid: [
    {
      name: 'clinical and identifying columns: two diagnoses',
      code: drizzle`
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          diagnosis: text('diagnosis'),
          currentMedications: jsonb('current_medications').$type<string[]>(),
        });`,
      errors: [
        { messageId: 'unclassified', line: P + 3, column: 3 },
        { messageId: 'unclassified', line: P + 4 },
      ],
    },
    {
      name: 'a declaration on another column does not cover this one',
      code: drizzle`
        export const accounts = pgTable('accounts', {
          id: serial('id').primaryKey(),
          /** @pii id.email */
          email: text('email'),
          passwordHash: text('password_hash'),
        });`,
      errors: [{ messageId: 'unclassified', line: P + 5 }],
    },
  ],
});
