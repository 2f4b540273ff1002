import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { describeForeignKey } from '../src/engine/identity.js';
import { effectiveClass, isAiDerived, isPersonTable } from '../src/model/governance.js';
import { qualifiedName } from '../src/model/model-queries.js';
import { identifierWords } from '../src/model/naming.js';

/**
 * Require PHI rows to be complete: an owner, required values, and provenance for AI-derived values.
 *
 * ## Why it matters
 * A medical record without its patient is an orphan nobody can return, correct or delete on
 * request; a required clinical value that may be NULL yields partial, ambiguous records; an
 * AI-inferred symptom or mood score without the model version and confidence that produced it cannot
 * be audited, re-scored or explained. GDPR's accuracy principle and HIPAA's integrity safeguard both
 * ask for data that is complete enough to be trusted.
 *
 * ## Examples
 * ```ts invalid
 * export const voiceNotes = pgTable('voice_notes', {
 *   id: serial('id').primaryKey(),
 *   userId: uuid('user_id').references(() => users.id, { onDelete: 'restrict' }),
 *   /** @phi mental_health source=ai_inferred *\/
 *   aiMoodScore: integer('ai_mood_score'),
 * });
 * ```
 * ```ts valid
 * export const voiceNotes = pgTable('voice_notes', {
 *   id: serial('id').primaryKey(),
 *   userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
 *   /** @phi mental_health source=ai_inferred *\/
 *   aiMoodScore: integer('ai_mood_score'),
 *   modelVersion: text('model_version').notNull(),
 *   confidence: real('confidence').notNull(),
 * });
 * ```
 *
 * ## Options
 * - `requireOwner` (default `true`): FK columns from a PHI table to a person table must be NOT NULL.
 * - `requireProvenance` (default `true`): tables with AI-derived PHI need a model-version and a
 *   confidence column.
 *
 * ## How to fix
 * Make the owner column `.notNull()`; mark required clinical values `/** @phi <category> required *\/`
 * and make them `.notNull()`; store `model_version` and `confidence` next to AI-derived values
 * (NOT NULL, or guarded by a CHECK that requires them when the value is set).
 *
 * ## References
 * - 45 CFR 164.312(c)(1) (integrity)
 * - GDPR Art. 5(1)(d) (accuracy), Art. 22 and Recital 71 (automated inferences)
 */
export default defineRule({
  id: 'require-phi-completeness',
  meta: {
    description: 'Require PHI rows to have an owner, their required values and AI provenance',
    category: 'privacy',
    defaultSeverity: 'warn',
    recommended: false,
    presets: ['hipaa'],
    since: '0.1.0',
    precision: 'medium',
    tags: ['HIPAA-164.312(c)(1)', 'GDPR-Art.5(1)(d)'],
    messages: {
      nullableOwner: (d: { fk: string; table: string }) => `Foreign key ${d.fk} may be NULL, so ${d.table} can hold PHI that belongs to nobody.`,
      nullableRequired: (d: { column: string }) => `Column ${d.column} is declared required but is nullable, so records can be partial.`,
      missingProvenance: (d: { column: string; missing: string }) => `Column ${d.column} holds an AI-derived value, but the table has no ${d.missing} column to say how it was produced.`,
    },
    help: 'Make owner and required columns `.notNull()`; store `model_version` and `confidence` beside AI-derived values.',
    helpBySource: { sqlalchemy: 'Use `nullable=False` on owner and required columns; add `model_version` and `confidence` columns beside AI-derived values.' },
  },
  options: z.object({ requireOwner: z.boolean().default(true), requireProvenance: z.boolean().default(true) }).strict(),

  check(context, options) {
    return {
      table(table) {
        const phiColumns = table.columns.filter((c) => effectiveClass(c) === 'phi' || effectiveClass(c) === 'special');
        if (phiColumns.length === 0 || isPersonTable(table)) return;
        const name = qualifiedName(table);
        if (options.requireOwner) {
          for (const fk of table.foreignKeys) {
            const target = context.index.targetOf(fk);
            if (!target || !isPersonTable(target)) continue;
            if (fk.columns.some((c) => context.index.column(table, c)?.nullable)) {
              context.report({ node: fk, table, messageId: 'nullableOwner', data: { fk: describeForeignKey(fk, table), table: name } });
            }
          }
        }
        for (const column of table.columns) {
          if (column.declared?.required && column.nullable) context.report({ node: column, table, messageId: 'nullableRequired', data: { column: `${name}.${column.name}` } });
        }
        if (options.requireProvenance) {
          const words = table.columns.map((c) => identifierWords(c.name));
          const hasVersion = words.some((w) => w.includes('model') || (w.includes('version') && w.length > 1));
          const hasConfidence = words.some((w) => w.includes('confidence') || w.includes('probability') || w.includes('certainty'));
          const missing = [...(hasVersion ? [] : ['model version']), ...(hasConfidence ? [] : ['confidence'])];
          if (missing.length === 0) return;
          for (const column of phiColumns.filter(isAiDerived)) {
            context.report({ node: column, table, messageId: 'missingProvenance', data: { column: `${name}.${column.name}`, missing: missing.join(' or ') } });
          }
        }
      },
    };
  },
});
