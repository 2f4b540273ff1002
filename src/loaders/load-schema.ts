import type { SchemaModel } from '../model/schema-model.js';
import type { LoadProblem } from './load-problem.js';
import { loadDrizzleSchema, type Casing } from './drizzle/load-drizzle-schema.js';

export interface LoadOptions {
  readonly casing?: Casing;
}

export interface LoadResult {
  readonly model: SchemaModel;
  readonly problems: readonly LoadProblem[];
  /** Files with syntax errors; rule diagnostics in them are withheld. */
  readonly filesWithSyntaxErrors: ReadonlySet<string>;
}

/** Loads every input file with the loader for its language and merges the results into one model. */
export function loadSchema(files: readonly string[], options: LoadOptions = {}): LoadResult {
  const drizzle = loadDrizzleSchema(files, options);
  return {
    model: { tables: drizzle.tables, enums: drizzle.enums, files: drizzle.files },
    problems: drizzle.problems,
    filesWithSyntaxErrors: drizzle.filesWithSyntaxErrors,
  };
}
