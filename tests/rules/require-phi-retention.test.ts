import rule from '../../rules/require-phi-retention.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'retention with an existing timestamp anchor',
      code: drizzle`
        /** @retention P10Y after=collected_at action=archive */
        export const labResults = pgTable('lab_results', {
          id: serial('id').primaryKey(),
          /** @phi lab */
          result: text('result'),
          collectedAt: timestamp('collected_at').notNull(),
        });`,
    },
    {
      name: 'anchor named by its property key',
      code: drizzle`
        /** @retention P7Y after=collectedAt */
        export const labResults = pgTable('lab_results', { id: serial('id').primaryKey(), /** @phi lab */ result: text('result'), collectedAt: timestamp('collected_at') });`,
    },
    {
      name: 'no declared PHI: nothing to retain (classification is another rule)',
      code: drizzle`export const notes = pgTable('notes', { id: serial('id').primaryKey(), diagnosis: text('diagnosis') });`,
    },
    {
      name: 'declared PII does not need retention unless configured',
      code: drizzle`export const people = pgTable('people', { id: serial('id').primaryKey(), /** @pii id.name */ fullName: text('full_name') });`,
    },
  ],
  invalid: [
    {
      name: 'no retention',
      code: drizzle`
        export const labResults = pgTable('lab_results', {
          id: serial('id').primaryKey(),
          /** @phi lab */
          result: text('result'),
        });`,
      errors: [{ messageId: 'missingRetention', line: P + 1, data: { table: 'lab_results', columns: 'result' } }],
    },
    {
      name: 'anchor problems: missing, not a column, not a date',
      code: drizzle`
        /** @retention P7Y */
        export const a = pgTable('a', { id: serial('id').primaryKey(), /** @phi lab */ r: text('r') });
        /** @retention P7Y after=finished_at */
        export const b = pgTable('b', { id: serial('id').primaryKey(), /** @phi lab */ r: text('r') });
        /** @retention P7Y after=r */
        export const c = pgTable('c', { id: serial('id').primaryKey(), /** @phi lab */ r: text('r') });`,
      errors: [
        { messageId: 'missingAnchor', line: P + 1 },
        { messageId: 'badAnchor', line: P + 3, data: { table: 'b', anchor: 'finished_at', problem: 'is not a column of the table' } },
        { messageId: 'badAnchor', line: P + 5, data: { table: 'c', anchor: 'r', problem: 'is text, not a date or timestamp' } },
      ],
    },
    {
      name: 'PII too when configured (the preamble users table declares an email)',
      code: drizzle`export const people = pgTable('people', { id: serial('id').primaryKey(), /** @pii id.name */ fullName: text('full_name') });`,
      options: { classes: ['phi', 'pii'] },
      errors: [
        { messageId: 'missingRetention', line: 5, data: { table: 'users', columns: 'email' } },
        { messageId: 'missingRetention', line: P + 1 },
      ],
    },
  ],
});
