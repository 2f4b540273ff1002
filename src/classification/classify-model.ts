import type { LoadProblem } from '../loaders/load-problem.js';
import { qualifiedName } from '../model/model-queries.js';
import type { Column, DeclaredClassification, InferredClassification, Retention, SchemaModel, Table, TableGovernance } from '../model/schema-model.js';
import { columnDeclarationFromInfo, columnDeclarationFromTags, normaliseCategory, tableGovernanceFromInfo, tableGovernanceFromTags } from './declarations.js';
import type { LoadedManifest, ManifestColumn, ManifestTable } from './manifest.js';

/** Infers a column's classification from its name and context (src/phi). */
export type ColumnClassifier = (column: Column, table: Table) => InferredClassification;

export interface ClassifyOptions {
  readonly manifest?: LoadedManifest;
  readonly classifier?: ColumnClassifier;
}

/**
 * The classification pass, run after loading and before rules: attaches declared classifications
 * (inline JSDoc tags or SQLAlchemy `info` > manifest), table governance (retention, consent) and
 * the classifier's inference to the model, in place. Rules then read only the model.
 */
export function classifyModel(model: SchemaModel, options: ClassifyOptions = {}): { model: SchemaModel; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [];
  const manifest = options.manifest;
  const manifestTables = new Map(Object.entries(manifest?.manifest.tables ?? {}));
  const seenManifestTables = new Set<string>();

  for (const table of model.tables) {
    const key = manifestKey(table, manifestTables);
    if (key) seenManifestTables.add(key);
    const manifestTable = key ? manifestTables.get(key) : undefined;

    const inline = table.docTags.length > 0 || !table.info ? tableGovernanceFromTags(table.docTags, table.span) : tableGovernanceFromInfo(table.info, table.span);
    problems.push(...inline.problems);
    const fromManifest = manifestTable && key ? governanceFromManifest(manifestTable, manifest!, ['tables', key], problems) : undefined;
    const governance = mergeGovernance(inline.table, fromManifest, table, problems);

    const manifestColumns = new Map(Object.entries(manifestTable?.columns ?? {}));
    const seenColumns = new Set<string>();
    for (const column of table.columns) {
      const fromTags = columnDeclarationFromTags(column.docTags);
      problems.push(...fromTags.problems);
      let inlineDeclaration = fromTags.column;
      if (!inlineDeclaration && column.info) {
        const fromInfo = columnDeclarationFromInfo(column.info, column.span);
        problems.push(...fromInfo.problems);
        inlineDeclaration = fromInfo.column;
      }
      const manifestColumn = manifestColumns.get(column.name) ?? manifestColumns.get(column.propertyKey);
      if (manifestColumn) seenColumns.add(manifestColumns.has(column.name) ? column.name : column.propertyKey);
      const manifestDeclaration = manifestColumn && key ? declarationFromManifest(manifestColumn, manifest!, ['tables', key, 'columns', column.name]) : undefined;
      if (inlineDeclaration && manifestDeclaration && inlineDeclaration.dataClass !== manifestDeclaration.dataClass) {
        problems.push({
          id: 'schema-lint/classification-conflict',
          severity: 'warn',
          message: `Column ${qualifiedName(table)}.${column.name} is declared ${inlineDeclaration.dataClass} in code but ${manifestDeclaration.dataClass} in ${manifest!.file.split(/[\\/]/).pop()}; the code wins.`,
          help: 'Keep one declaration: remove the manifest entry or make them agree.',
          span: inlineDeclaration.span,
        });
      }
      let declared = inlineDeclaration ?? manifestDeclaration;
      if (!declared && governance?.dataClass === 'none') {
        declared = { dataClass: 'none', ...(governance.reason ? { reason: governance.reason } : {}), origin: governance.origin, span: governance.span };
      }
      const inferred = options.classifier?.(column, table);
      // NOTE: filled in place: the model was just loaded and nothing else holds it yet; copying
      // every column of a 5,000-table schema costs more than the classification itself.
      const target = column as { -readonly [K in keyof Column]: Column[K] };
      if (declared) target.declared = declared;
      if (inferred) target.inferred = inferred;
    }
    if (manifestTable?.columns && key) {
      for (const name of manifestColumns.keys()) {
        if (!seenColumns.has(name)) {
          problems.push({ id: 'schema-lint/classification-manifest', severity: 'warn', message: `The classification manifest names column ${key}.${name}, which table ${qualifiedName(table)} does not have.`, help: 'Remove or rename the entry.', span: manifest!.spanAt(['tables', key, 'columns', name]) });
        }
      }
    }
    if (governance) (table as { governance?: TableGovernance }).governance = governance;
  }

  for (const key of manifestTables.keys()) {
    if (!seenManifestTables.has(key)) {
      problems.push({ id: 'schema-lint/classification-manifest', severity: 'warn', message: `The classification manifest names table ${key}, which is not in the loaded schema.`, help: 'Remove or rename the entry, or include the file that defines the table.', span: manifest!.spanAt(['tables', key]) });
    }
  }
  return { model, problems };
}

function manifestKey(table: Table, manifestTables: ReadonlyMap<string, ManifestTable>): string | undefined {
  const qualified = qualifiedName(table);
  if (manifestTables.has(qualified)) return qualified;
  if (manifestTables.has(table.name)) return table.name;
  return undefined;
}

function declarationFromManifest(column: ManifestColumn, manifest: LoadedManifest, at: readonly string[]): DeclaredClassification {
  return {
    dataClass: column.dataClass,
    ...(column.category ? { category: normaliseCategory(column.dataClass, column.category) } : {}),
    ...(column.severity ? { severity: column.severity } : {}),
    ...(column.encryption ? { encryption: column.encryption } : {}),
    ...(column.source ? { source: column.source } : {}),
    ...(column.required !== undefined ? { required: column.required } : {}),
    ...(column.reason ? { reason: column.reason } : {}),
    origin: 'manifest',
    span: manifest.spanAt(at),
  };
}

function governanceFromManifest(table: ManifestTable, manifest: LoadedManifest, at: readonly string[], problems: LoadProblem[]): TableGovernance {
  let retention: Retention | undefined;
  if (typeof table.retention === 'string') {
    const id = table.retention.slice('policy:'.length);
    const policy = manifest.manifest.retentionPolicies?.[id];
    if (policy) retention = { ...policy, policy: id };
    else problems.push({ id: 'schema-lint/classification-manifest', severity: 'warn', message: `Retention policy "${id}" is not defined in retentionPolicies.`, span: manifest.spanAt([...at, 'retention']) });
  } else if (table.retention) retention = table.retention;
  return {
    ...(table.dataClass ? { dataClass: table.dataClass } : {}),
    ...(retention ? { retention } : {}),
    ...(table.consent ? { consent: table.consent } : {}),
    ...(table.source ? { source: table.source } : {}),
    ...(table.owner ? { owner: table.owner } : {}),
    ...(table.reason ? { reason: table.reason } : {}),
    origin: 'manifest',
    span: manifest.spanAt(at),
  };
}

/** Inline facts win field by field; the manifest fills the rest. */
function mergeGovernance(inline: TableGovernance | undefined, manifest: TableGovernance | undefined, table: Table, problems: LoadProblem[]): TableGovernance | undefined {
  if (!inline) return manifest;
  if (!manifest) return inline;
  if (inline.dataClass && manifest.dataClass && inline.dataClass !== manifest.dataClass) {
    problems.push({ id: 'schema-lint/classification-conflict', severity: 'warn', message: `Table ${qualifiedName(table)} is declared ${inline.dataClass} in code but ${manifest.dataClass} in the manifest; the code wins.`, span: inline.span });
  }
  return { ...manifest, ...stripUndefined(inline), origin: 'inline', span: inline.span };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
