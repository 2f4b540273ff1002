/**
 * PHI/PII column classifier: a pure, data-driven heuristic over column names, table context
 * and SQL types. See shared/reference/phi.md §4(a) for the design it follows; the words are
 * in `vocabulary.ts`.
 *
 * Policy decisions built into the rules (change them there, with a test):
 * - Audit timestamps (`created_at`, `updated_at`, `expires_at`) are not identifiers; only birth,
 *   death, admission, discharge and visit/service dates are (HIPAA C). Table-level
 *   classification covers the rest.
 * - `age` is a quasi-identifier (pii, medium) in person and health tables only; `year_of_birth`
 *   is a low quasi-identifier; `month_of_birth`/`day_of_birth` are identifiers.
 * - `state`/`province` are low, "possible" quasi-identifiers in patient and address tables;
 *   `country` and `language` are not flagged (not Safe Harbor identifiers).
 * - Step counts, calories, sleep, energy and exercise are health data (GDPR Art. 4(15)) when
 *   they sit in a health or wellness table, or next to a clinical word; a bare `steps`
 *   elsewhere is left alone, because wizard and onboarding steps are far more common.
 * - Surrogate and foreign keys (`patient_id`) are not identifiers (164.514(c)); vendor account
 *   ids (`clerk_user_id`, `stripe_customer_id`) and external ids (`ehr_patient_id`) are.
 * - An organisation's own name, address and phone (`clinics`, `care_site`) are not personal.
 */
export type { Classification, ColumnInput, Confidence, DataClass, Severity, TableContext } from './types.js';
export { classifyColumn, classifyColumnIn, prepareTable, type PreparedTable } from './classify.js';
export { tableContexts, tableFacts } from './context.js';
export type { TableFacts } from './context.js';
export { tokenize } from './tokenize.js';
export { columnInputOf, evaluateClassifier, formatEvaluation, parseLabelledColumns } from './evaluate.js';
export type { BinaryMetrics, ClassAccuracy, EvaluationReport, LabelledColumn, Mistake } from './evaluate.js';
