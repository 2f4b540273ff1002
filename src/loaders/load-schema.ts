import type { SchemaModel } from '../model/schema-model.js';
import type { LoadProblem } from './load-problem.js';
import { loadDrizzleSchema, type Casing } from './drizzle/load-drizzle-schema.js';
import { loadSqlAlchemySchema } from './sqlalchemy/load-sqlalchemy-schema.js';

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
  const python = files.filter((f) => f.endsWith('.py'));
  const typescript = files.filter((f) => !f.endsWith('.py'));
  const drizzle = typescript.length > 0 ? loadDrizzleSchema(typescript, options) : undefined;
  const sqlalchemy = python.length > 0 ? loadSqlAlchemySchema(python) : undefined;
  const tables = [...(drizzle?.tables ?? []), ...(sqlalchemy?.tables ?? [])];
  // NOTE: one model; FKs are resolved within each loader (a Drizzle FK cannot point into Python).
  return {
    model: { tables, enums: [...(drizzle?.enums ?? []), ...(sqlalchemy?.enums ?? [])], files: [...(drizzle?.files ?? []), ...(sqlalchemy?.files ?? [])] },
    problems: [...(drizzle?.problems ?? []), ...(sqlalchemy?.problems ?? [])],
    filesWithSyntaxErrors: new Set([...(drizzle?.filesWithSyntaxErrors ?? []), ...(sqlalchemy?.filesWithSyntaxErrors ?? [])]),
  };
}
