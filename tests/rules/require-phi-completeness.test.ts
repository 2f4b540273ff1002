import rule from '../../rules/require-phi-completeness.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'owner not null, AI value with provenance',
      code: drizzle`
        export const voiceNotes = pgTable('voice_notes', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
          /** @phi mental_health source=ai_inferred */
          aiMoodScore: integer('ai_mood_score'),
          modelVersion: text('model_version').notNull(),
          confidence: integer('confidence').notNull(),
        });`,
    },
    {
      name: 'tables without PHI are not checked',
      code: drizzle`export const sessions = pgTable('sessions', { id: serial('id').primaryKey(), userId: uuid('user_id').references(() => users.id) });`,
    },
    {
      name: 'options off',
      code: drizzle`
        export const notes = pgTable('notes', { id: serial('id').primaryKey(), userId: uuid('user_id').references(() => users.id), /** @phi mental_health source=ai_inferred */ aiMood: integer('ai_mood') });`,
      options: { requireOwner: false, requireProvenance: false },
    },
  ],
  invalid: [
    {
      name: 'nullable owner, nullable required value, AI value without provenance',
      code: drizzle`
        export const voiceNotes = pgTable('voice_notes', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
          /** @phi symptom required */
          symptoms: text('symptoms'),
          /** @phi mental_health source=ai_inferred */
          aiMoodScore: integer('ai_mood_score'),
        });`,
      errors: [
        { messageId: 'nullableOwner', line: P + 3, data: { fk: 'voice_notes.user_id → users.id', table: 'voice_notes' } },
        { messageId: 'nullableRequired', line: P + 5 },
        { messageId: 'missingProvenance', line: P + 7, data: { column: 'voice_notes.ai_mood_score', missing: 'model version or confidence' } },
      ],
    },
  ],
});
