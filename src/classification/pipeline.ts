import type { LoadProblem } from '../loaders/load-problem.js';
import type { SchemaModel } from '../model/schema-model.js';
import { classifyColumn, tableContexts } from '../phi/index.js';
import { classifyModel, type ColumnClassifier } from './classify-model.js';
import type { LoadedManifest } from './manifest.js';

/** Runs the classification pass with the column-name classifier (src/phi) and table context from the model. */
export function classifyLoadedModel(model: SchemaModel, manifest?: LoadedManifest): { model: SchemaModel; problems: LoadProblem[] } {
  const contexts = tableContexts(model);
  const classifier: ColumnClassifier = (column, table) => {
    const context = contexts.get(table);
    const result = classifyColumn({
      name: column.name,
      propertyKey: column.propertyKey,
      tableName: table.name,
      sqlType: column.type.sql,
      ...(context ? { personLinked: context.personLinked, healthTable: context.healthTable } : {}),
    });
    return { dataClass: result.dataClass, category: result.category, severity: result.severity, confidence: result.confidence, reason: result.reason };
  };
  return classifyModel(model, { ...(manifest ? { manifest } : {}), classifier });
}
