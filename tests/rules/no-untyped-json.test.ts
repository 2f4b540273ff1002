import rule from '../../rules/no-untyped-json.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    drizzle`
      export const patients = pgTable('patients', {
        id: serial('id').primaryKey(),
        vitals: jsonb('vitals').$type<{ heartRate: number }>(),
      });`,
    {
      name: 'typed json after other modifiers, spread from a helper',
      code: drizzle`
        const audit = { meta: json('meta').notNull().$type<Record<string, string>>() };
        export const events = pgTable('events', { id: serial('id').primaryKey(), ...audit });`,
    },
    {
      name: 'ignored column',
      code: drizzle`export const hooks = pgTable('hooks', { id: serial('id').primaryKey(), payload: jsonb('payload') });`,
      options: { ignoreColumns: ['hooks.payload'] },
    },
  ],
  invalid: [
    {
      name: 'untyped jsonb and json: two diagnostics',
      code: drizzle`
        export const followups = pgTable('followups', {
          id: serial('id').primaryKey(),
          symptoms: jsonb('symptoms'),
          insights: json('ai_insights').notNull(),
        });`,
      errors: [
        { messageId: 'untyped', line: P + 3, column: 3, data: { column: 'followups.symptoms', type: 'jsonb' } },
        { messageId: 'untyped', line: P + 4, data: { column: 'followups.ai_insights', type: 'json' } },
      ],
    },
    {
      name: 'key differs from the SQL name, in a pgSchema',
      code: drizzle`
        export const clinical = pgSchema('clinical');
        export const results = clinical.table('lab_results', { id: serial('id').primaryKey(), rawPayload: jsonb('raw') });`,
      errors: [{ messageId: 'untyped', line: P + 2, data: { column: 'clinical.lab_results.raw', type: 'jsonb' } }],
    },
  ],
});
