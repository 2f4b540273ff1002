import path from 'node:path';
import type { Span } from '../../src/model/span.js';
import type { SqlAlchemyLoadResult } from '../../src/loaders/sqlalchemy/load-sqlalchemy-schema.js';

/** `file:line:col-line:col`, relative to `base`, so snapshots do not depend on the checkout path. */
export function spanText(span: Span, base: string): string {
  return `${path.relative(base, span.file).split(path.sep).join('/')}:${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

/** A stable, readable projection of a load result: every model field, spans as text. */
export function snapshotOf(result: SqlAlchemyLoadResult, base: string): unknown {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value instanceof Set) return [...value].map((f) => convert(f));
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('file' in record && 'start' in record && 'end' in record) return spanText(record as unknown as Span, base);
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, convert(v)]));
    }
    if (typeof value === 'string' && path.isAbsolute(value)) return path.relative(base, value).split(path.sep).join('/');
    return value;
  };
  return convert({
    tables: result.tables,
    enums: result.enums,
    files: [...result.files].sort(),
    problems: result.problems,
    filesWithSyntaxErrors: [...result.filesWithSyntaxErrors].sort(),
  });
}
