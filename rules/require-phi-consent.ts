import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { dataSourceOf, effectiveClass, isPersonTable } from '../src/model/governance.js';
import { qualifiedName } from '../src/model/model-queries.js';
import { hasAnyWord } from '../src/model/naming.js';
import type { Table } from '../src/model/schema-model.js';

const CONSENT_WORDS = new Set(['consent', 'consents']);

/**
 * Require patient-reported and AI-derived PHI tables to link to a consent record.
 *
 * ## Why it matters
 * Health data a person types into an app (follow-ups, mood check-ins, voice notes, chat) and health
 * facts a model infers from it are special-category data under GDPR: processing them needs explicit
 * consent (Art. 9(2)(a)), and the controller must be able to demonstrate it (Art. 7(1)). That is
 * only possible when every such row can be traced to the consent under which it was collected — a
 * foreign key to a consent table, directly or through its owner, or a declared consent column.
 *
 * ## Examples
 * ```ts invalid
 * export const moodCheckins = pgTable('mood_checkins', {
 *   id: serial('id').primaryKey(),
 *   userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'restrict' }),
 *   /** @phi mood *\/
 *   mood: integer('mood'),
 * });
 * ```
 * ```ts valid
 * export const consents = pgTable('consents', { id: serial('id').primaryKey(), grantedAt: timestamp('granted_at').notNull() });
 * export const moodCheckins = pgTable('mood_checkins', {
 *   id: serial('id').primaryKey(),
 *   consentId: integer('consent_id').notNull().references(() => consents.id, { onDelete: 'restrict' }),
 *   /** @phi mood *\/
 *   mood: integer('mood'),
 * });
 * ```
 *
 * ## Options
 * - `sources` (default `["patient_reported", "ai_inferred"]`): data sources that need consent.
 *
 * ## How to fix
 * Add a foreign key to the consent record (`consentId: integer('consent_id').notNull().references(()
 * => consents.id)`), or to the owner whose table references consent, or declare where consent
 * lives: `/** @consent consents.id *\/` on the table (or `consent` in the manifest).
 *
 * ## References
 * - GDPR Art. 9(2)(a) (explicit consent), Art. 7(1) (demonstrating consent)
 * - 45 CFR 164.508 (authorizations)
 */
export default defineRule({
  id: 'require-phi-consent',
  meta: {
    description: 'Require patient-reported and AI-derived PHI tables to link to a consent record',
    category: 'privacy',
    defaultSeverity: 'warn',
    recommended: false,
    presets: ['hipaa'],
    since: '0.1.0',
    precision: 'medium',
    tags: ['GDPR-Art.9(2)(a)', 'GDPR-Art.7(1)', 'HIPAA-164.508'],
    messages: {
      missingConsent: (d: { table: string; source: string }) => `Table ${d.table} holds ${d.source.replace('_', '-')} PHI but links to no consent record, so consent for its rows cannot be demonstrated.`,
      badConsent: (d: { table: string; consent: string }) => `Table ${d.table} declares its consent record as ${d.consent}, which is not a column in the loaded schema.`,
    },
    help: 'Reference the consent record (`consentId: integer("consent_id").notNull().references(() => consents.id)`), or declare it: `/** @consent consents.id */` on the table.',
    helpBySource: { sqlalchemy: 'Add `consent_id = Column(ForeignKey("consents.id"), nullable=False)`, or declare `__table_args__ = {"info": {"consent": "consents.id"}}`.' },
  },
  options: z.object({ sources: z.array(z.enum(['patient_reported', 'clinician', 'device', 'ai_inferred', 'imported'])).default(['patient_reported', 'ai_inferred']) }).strict(),

  check(context, options) {
    const isConsentTable = (t: Table | undefined) => !!t && hasAnyWord(t.name, CONSENT_WORDS);
    const linksToConsent = (table: Table, depth: number): boolean => {
      if (table.governance?.consent) return true;
      for (const fk of table.foreignKeys) {
        const target = context.index.targetOf(fk);
        if (isConsentTable(target)) return true;
        if (depth > 0 && target && target !== table && isPersonTable(target) && linksToConsent(target, depth - 1)) return true;
      }
      return false;
    };
    return {
      table(table) {
        if (isConsentTable(table)) return;
        if (!table.columns.some((c) => effectiveClass(c) === 'phi' || effectiveClass(c) === 'special')) return;
        const source = dataSourceOf(table);
        if (!source || !options.sources.includes(source)) return;
        const consent = table.governance?.consent;
        if (consent) {
          const [first, second, third] = consent.split('.');
          const target = third ? context.index.table(second!, first) : context.index.table(first!);
          const column = third ?? second;
          if (!target || !column || !context.index.column(target, column)) {
            context.report({ node: table, messageId: 'badConsent', data: { table: qualifiedName(table), consent }, span: table.governance!.span });
          }
          return;
        }
        if (!linksToConsent(table, 2)) context.report({ node: table, messageId: 'missingConsent', data: { table: qualifiedName(table), source } });
      },
    };
  },
});
