import type { LoadProblem } from '../loaders/load-problem.js';
import type { SchemaModel } from '../model/schema-model.js';
import { classifyColumnIn, prepareTable, tableContexts, type PreparedTable } from '../phi/index.js';
import type { Table } from '../model/schema-model.js';
import { classifyModel, type ColumnClassifier } from './classify-model.js';
import type { LoadedManifest } from './manifest.js';

/** Runs the classification pass with the column-name classifier (src/phi) and table context from the model. */
export function classifyLoadedModel(model: SchemaModel, manifest?: LoadedManifest): { model: SchemaModel; problems: LoadProblem[] } {
  const contexts = tableContexts(model);
  const prepared = new Map<Table, PreparedTable>();
  const classifier: ColumnClassifier = (column, table) => {
    let context = prepared.get(table);
    if (!context) {
      const facts = contexts.get(table);
      context = prepareTable(table.name, facts?.personLinked, facts?.healthTable);
      prepared.set(table, context);
    }
    const result = classifyColumnIn(context, column.name, column.propertyKey, column.type.sql);
    return { dataClass: result.dataClass, category: result.category, severity: result.severity, confidence: result.confidence, reason: result.reason };
  };
  return classifyModel(model, { ...(manifest ? { manifest } : {}), classifier });
}
