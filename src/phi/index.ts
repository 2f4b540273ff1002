/**
 * PHI/PII column classifier: a pure, data-driven heuristic over column names, table context
 * and SQL types. See shared/reference/phi.md §4(a) for the design it follows.
 */
export type { Classification, ColumnInput, Confidence, DataClass, Severity, TableContext } from './types.js';
export { classifyColumn } from './classify.js';
export { tableContexts, tableFacts } from './context.js';
export type { TableFacts } from './context.js';
export { tokenize } from './tokenize.js';
export { columnInputOf, evaluateClassifier, formatEvaluation, parseLabelledColumns } from './evaluate.js';
export type { BinaryMetrics, ClassAccuracy, EvaluationReport, LabelledColumn, Mistake } from './evaluate.js';
