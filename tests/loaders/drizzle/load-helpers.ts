import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSchema, type LoadOptions, type LoadResult } from '../../../src/loaders/load-schema.js';
import { indexColumns } from '../../../src/model/model-queries.js';

/** Writes `files` (path → text or bytes) into a fresh temporary folder and returns its path. */
export function writeProject(files: Readonly<Record<string, string | Uint8Array>>): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'schema-lint-drizzle-')));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export interface LoadedProject {
  readonly dir: string;
  readonly result: LoadResult;
  /** The model and problems as stable text (paths relative to the project). */
  readonly text: string;
}

/** Loads `roots` (relative to a fresh project holding `files`) and renders the result. */
export function loadProject(files: Readonly<Record<string, string | Uint8Array>>, roots: readonly string[] = Object.keys(files).slice(0, 1), options: LoadOptions = {}): LoadedProject {
  const dir = writeProject(files);
  const result = loadSchema(
    roots.map((r) => path.join(dir, r)),
    options,
  );
  return { dir, result, text: renderLoadResult(result, dir) };
}

/**
 * One line per table, column, key and problem: readable in a snapshot diff, and it shows what
 * rules see (types as the catalog spells them, nullability, FK resolution, covering indexes).
 */
export function renderLoadResult(result: LoadResult, dir: string): string {
  const rel = (file: string) => path.relative(dir, file).split(path.sep).join('/') || '.';
  const lines: string[] = [];
  for (const problem of result.problems) {
    lines.push(`problem ${rel(problem.span.file)}:${problem.span.start.line}:${problem.span.start.column} ${problem.severity} ${problem.id}: ${problem.message}`);
  }
  if (result.filesWithSyntaxErrors.size > 0) lines.push(`syntax errors in: ${[...result.filesWithSyntaxErrors].map(rel).sort().join(', ')}`);
  for (const table of result.model.tables) {
    lines.push(`table ${table.schema ?? 'public'}.${table.name} (${table.exportName}) ${rel(table.span.file)}:${table.span.start.line}:${table.span.start.column}`);
    for (const column of table.columns) {
      const flags = [column.nullable ? 'null' : 'not null', column.primaryKey ? 'pk' : '', column.unique ? 'unique' : '', column.identity ? `identity ${column.identity}` : '', column.inheritedFrom ? 'inherited' : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`  column ${column.name} ${column.type.sql} (${flags})`);
    }
    if (table.primaryKey) lines.push(`  primary key ${table.primaryKey.name ?? '?'} (${table.primaryKey.columns.join(', ')})`);
    for (const unique of table.uniqueConstraints) lines.push(`  unique ${unique.name ?? '?'} (${unique.columns.join(', ')})${unique.nullsNotDistinct ? ' nulls not distinct' : ''}`);
    for (const index of table.indexes) {
      const elements = index.elements.map((e) => (e.kind === 'column' ? e.column : `expr(${e.text})`)).join(', ');
      lines.push(`  ${index.unique ? 'unique index' : 'index'} ${index.name ?? '?'}${index.method ? ` using ${index.method}` : ''} (${elements})${index.where ? ` where ${index.where}` : ''} [leading: ${indexColumns(index).join(', ')}]`);
    }
    for (const fk of table.foreignKeys) {
      const target = `${fk.target.schema ? `${fk.target.schema}.` : ''}${fk.target.table ?? `?${fk.target.codeName}`}(${fk.target.columns.join(', ')})`;
      const actions = [fk.onDelete ? `on delete ${fk.onDelete}` : '', fk.onUpdate ? `on update ${fk.onUpdate}` : ''].filter(Boolean).join(' ');
      lines.push(`  fk ${fk.name ?? '?'} (${fk.columns.join(', ')}) -> ${target} ${fk.target.resolved ? 'resolved' : 'unresolved'}${actions ? ` ${actions}` : ''} via ${fk.declaredVia}`);
    }
  }
  for (const e of result.model.enums) lines.push(`enum ${e.schema ? `${e.schema}.` : ''}${e.name} (${e.exportName}): ${e.values.join(', ')}`);
  // NOTE: messages name absolute paths; the temporary folder differs on every run.
  return `${lines.join('\n')}\n`.replaceAll(dir, '<dir>');
}
