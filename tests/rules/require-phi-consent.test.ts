import rule from '../../rules/require-phi-consent.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

const CONSENTS = "export const consents = pgTable('consents', { id: serial('id').primaryKey(), grantedAt: timestamp('granted_at').notNull() });";

testRule(rule, {
  valid: [
    {
      name: 'direct FK to the consent table',
      code: drizzle`
        ${CONSENTS}
        export const moodCheckins = pgTable('mood_checkins', {
          id: serial('id').primaryKey(),
          consentId: integer('consent_id').notNull().references(() => consents.id, { onDelete: 'restrict' }),
          /** @phi mood */
          mood: integer('mood'),
        });`,
    },
    {
      name: 'through the owner: the person table references consent',
      code: drizzle`
        ${CONSENTS}
        export const patients = pgTable('patients', { id: serial('id').primaryKey(), consentId: integer('consent_id').references(() => consents.id) });
        export const moodCheckins = pgTable('mood_checkins', { id: serial('id').primaryKey(), patientId: integer('patient_id').references(() => patients.id), /** @phi mood */ mood: integer('mood') });`,
    },
    {
      name: 'declared consent column',
      code: drizzle`
        ${CONSENTS}
        /** @consent consents.id */
        export const voiceNotes = pgTable('voice_notes', { id: serial('id').primaryKey(), /** @phi free_text */ transcript: text('transcript') });`,
    },
    {
      name: 'clinician-entered records are not covered by default',
      code: drizzle`
        /** @source clinician */
        export const diagnoses = pgTable('diagnoses', { id: serial('id').primaryKey(), /** @phi diagnosis */ code: text('code') });`,
    },
  ],
  invalid: [
    {
      name: 'self-reported PHI without consent; AI-derived PHI without consent',
      code: drizzle`
        export const moodCheckins = pgTable('mood_checkins', {
          id: serial('id').primaryKey(),
          userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
          /** @phi mood */
          mood: integer('mood'),
        });
        export const insights = pgTable('insights', { id: serial('id').primaryKey(), /** @phi ai_derived source=ai_inferred */ aiRiskScore: integer('ai_risk_score') });`,
      errors: [
        { messageId: 'missingConsent', line: P + 1, data: { table: 'mood_checkins', source: 'patient_reported' } },
        { messageId: 'missingConsent', line: P + 7, data: { table: 'insights', source: 'ai_inferred' } },
      ],
    },
    {
      name: 'declared consent column that does not exist',
      code: drizzle`
        /** @consent consent_records.id */
        export const voiceNotes = pgTable('voice_notes', { id: serial('id').primaryKey(), /** @phi free_text */ transcript: text('transcript') });`,
      errors: [{ messageId: 'badConsent', line: P + 1 }],
    },
  ],
});
