import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { classificationFix, reportFix } from '../src/engine/fix-edits.js';
import { confidenceAtLeast } from '../src/model/governance.js';
import { qualifiedName } from '../src/model/model-queries.js';

const CLASSES = ['phi', 'pii', 'special', 'credential'] as const;

/**
 * Require a classification on every column that looks like PHI, PII, special-category data or a credential.
 *
 * ## Why it matters
 * A health app's schema holds diagnoses, medications, symptoms, mood, transcripts and identifiers
 * next to ordinary columns. Until each sensitive column is classified, nobody can say what must be
 * encrypted, how long it is kept, who may see it, or answer a privacy review's "where is the PHI?".
 * schema-lint infers sensitivity from column names (whole tokens, with table context) and asks for
 * an explicit declaration: the heuristic proposes, the team decides.
 *
 * ## Examples
 * ```ts invalid
 * export const patients = pgTable('patients', {
 *   id: serial('id').primaryKey(),
 *   diagnosis: text('diagnosis'),
 * });
 * ```
 * ```ts valid
 * export const patients = pgTable('patients', {
 *   id: serial('id').primaryKey(),
 *   /** @phi diagnosis encryption=app:kms/clinical *\/
 *   diagnosis: text('diagnosis'),
 * });
 * ```
 *
 * ## Options
 * - `minConfidence` (default `"likely"`): report inferences at least this confident
 *   (`possible` < `likely` < `certain`).
 * - `classes` (default all four): which inferred classes need a declaration.
 * - `ignoreColumns`: `table.column` SQL names to skip.
 *
 * ## How to fix
 * Put a JSDoc tag on the column — `/** @phi medication encrypted *\/`, `/** @pii id.email *\/`,
 * `/** @credential password *\/` — or declare it in `schema-lint.classification.json`. If the column
 * is not sensitive, say why: `/** @not-sensitive boolean flag, holds no address *\/`. In SQLAlchemy,
 * use `info={"data_class": "phi", "category": "medication"}`. `schema-lint classify --write-manifest`
 * drafts the declarations for review, and `schema-lint --fix --fix-type suggestion` writes the
 * inferred tag (or `info=`) into the code for review.
 *
 * ## References
 * - 45 CFR 164.514(b)(2) (HIPAA Safe Harbor identifiers); 45 CFR 160.103 (health information)
 * - GDPR Art. 4(15), Art. 9 (special categories), Art. 30 (records of processing)
 */
export default defineRule({
  id: 'require-phi-classification',
  meta: {
    description: 'Require a declared classification on columns that look sensitive',
    category: 'privacy',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'medium',
    fixable: 'suggestion',
    tags: ['HIPAA-164.308(a)(1)(ii)(A)', 'GDPR-Art.30'],
    messages: {
      unclassified: (d: { column: string; classification: string; category: string; confidence: string }) =>
        `Column ${d.column} looks like ${d.classification.toUpperCase()} (${d.category}, ${d.confidence}) but has no classification.`,
    },
    help: 'Declare it with a JSDoc tag such as `/** @phi medication */` (or in schema-lint.classification.json); if it is not sensitive, `/** @not-sensitive <reason> */`.',
  },
  options: z
    .object({
      minConfidence: z.enum(['possible', 'likely', 'certain']).default('likely'),
      classes: z.array(z.enum(CLASSES)).default([...CLASSES]),
      ignoreColumns: z.array(z.string()).default([]),
    })
    .strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreColumns);
    const classes = new Set<string>(options.classes);
    return {
      column(column, table) {
        if (column.declared || !column.inferred) return;
        const { inferred } = column;
        if (inferred.dataClass === 'none' || !classes.has(inferred.dataClass)) return;
        if (!confidenceAtLeast(inferred.confidence, options.minConfidence)) return;
        const name = `${qualifiedName(table)}.${column.name}`;
        if (ignored.has(name) || ignored.has(`${table.name}.${column.name}`)) return;
        context.report({
          node: column,
          table,
          messageId: 'unclassified',
          data: { column: name, classification: inferred.dataClass, category: inferred.category, confidence: inferred.confidence },
          properties: { classification: inferred.dataClass, category: inferred.category, confidence: inferred.confidence, severity: inferred.severity, reason: inferred.reason },
          help:
            table.source === 'sqlalchemy'
              ? `Declare it: \`info={"data_class": "${inferred.dataClass}", "category": "${inferred.category}"}\` on the column, or \`info={"data_class": "none", "reason": "..."}\` if it holds nothing sensitive.`
              : `Declare it: \`/** @${inferred.dataClass} ${inferred.category.replace(/^(phi|pii|special|credential)\./, '')} */\` on the column, or \`/** @not-sensitive <reason> */\` if it holds nothing sensitive.`,
          ...reportFix(classificationFix(column, table, inferred.dataClass, inferred.category)),
        });
      },
    };
  },
});
