import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hasEncryptingType } from '../model/governance.js';
import { qualifiedName } from '../model/model-queries.js';
import type { Confidence, DataClass, SchemaModel, SensitivitySeverity } from '../model/schema-model.js';
import type { Manifest, ManifestColumn } from './manifest.js';

/** One sensitive column in the data inventory (`schema-lint classify`). */
export interface InventoryRow {
  readonly table: string;
  readonly column: string;
  readonly classification: Exclude<DataClass, 'none'>;
  readonly category: string;
  /** The classifier's confidence; `certain` for a declaration the classifier does not share. */
  readonly confidence: Confidence;
  /** Declared in code or manifest (true), or inferred by the classifier (false). */
  readonly declared: boolean;
  readonly severity?: SensitivitySeverity;
  readonly encrypted: boolean;
  /** The table's retention (`P7Y after created_at`), if declared. */
  readonly retention?: string;
  readonly file: string;
  readonly line: number;
}

const DEFAULT_WRAPPERS = new Set(['encryptedText', 'encryptedVarchar', 'encryptedJson', 'encryptedJsonb', 'encryptedField', 'encryptedType', 'StringEncryptedType', 'EncryptedType', 'PGPString', 'EncryptedString']);

/** Every column whose declared or inferred class is not `none`, in schema order. */
export function buildInventory(model: SchemaModel, relative: (file: string) => string): InventoryRow[] {
  const rows: InventoryRow[] = [];
  for (const table of model.tables) {
    const retention = table.governance?.retention;
    const retentionText = retention ? (retention.duration ? `${retention.duration}${retention.after ? ` after ${retention.after}` : ''}` : `policy:${retention.policy}`) : undefined;
    for (const column of table.columns) {
      const declared = column.declared;
      const inferred = column.inferred;
      const dataClass = declared?.dataClass ?? inferred?.dataClass ?? 'none';
      if (dataClass === 'none') continue;
      const sameClass = inferred && inferred.dataClass === dataClass;
      const encryption = declared?.encryption;
      rows.push({
        table: qualifiedName(table),
        column: column.name,
        classification: dataClass,
        category: declared?.category ?? (sameClass ? inferred.category : `${dataClass}.unspecified`),
        confidence: declared ? 'certain' : inferred!.confidence,
        declared: declared !== undefined,
        ...((declared?.severity ?? (sameClass ? inferred.severity : undefined)) ? { severity: (declared?.severity ?? inferred!.severity)! } : {}),
        encrypted: hasEncryptingType(column, DEFAULT_WRAPPERS) || encryption === 'encrypted' || /^(app|db):/.test(encryption ?? ''),
        ...(retentionText ? { retention: retentionText } : {}),
        file: relative(column.span.file),
        line: column.span.start.line,
      });
    }
  }
  return rows;
}

export function formatInventoryText(rows: readonly InventoryRow[]): string {
  if (rows.length === 0) return 'No sensitive columns found.\n';
  const header = ['table', 'column', 'class', 'category', 'confidence', 'source', 'encrypted', 'retention'];
  const cells = rows.map((r) => [r.table, r.column, r.classification, r.category, r.confidence, r.declared ? 'declared' : 'inferred', r.encrypted ? 'yes' : 'no', r.retention ?? '—']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[line(header), ...cells.map(line)].join('\n')}\n\n${summary(rows)}\n`;
}

export function formatInventoryMarkdown(rows: readonly InventoryRow[]): string {
  const lines = ['# Data inventory', '', summary(rows), ''];
  if (rows.length > 0) {
    lines.push('| Table | Column | Class | Category | Confidence | Source | Encrypted | Retention | Location |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      lines.push(`| ${r.table} | ${r.column} | ${r.classification} | ${r.category} | ${r.confidence} | ${r.declared ? 'declared' : 'inferred'} | ${r.encrypted ? 'yes' : 'no'} | ${r.retention ?? '—'} | ${r.file}:${r.line} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function summary(rows: readonly InventoryRow[]): string {
  const by = (cls: string) => rows.filter((r) => r.classification === cls).length;
  const undeclared = rows.filter((r) => !r.declared).length;
  const tables = new Set(rows.map((r) => r.table)).size;
  return `${rows.length} sensitive columns in ${tables} tables: ${by('phi')} PHI, ${by('pii')} PII, ${by('special')} special-category, ${by('credential')} credentials; ${undeclared} not yet declared, ${rows.filter((r) => !r.encrypted && (r.classification === 'phi' || r.classification === 'special')).length} PHI/special not encrypted.`;
}

/**
 * Merges inferred, undeclared columns into a manifest skeleton for review. Existing manifest
 * entries and inline declarations are never touched; only missing columns are added.
 */
export function mergeManifestSkeleton(existing: Manifest | undefined, model: SchemaModel): { manifest: Manifest; added: number } {
  const tables: Record<string, { columns?: Record<string, ManifestColumn> } & Record<string, unknown>> = structuredClone((existing?.tables ?? {}) as Record<string, never>);
  let added = 0;
  for (const table of model.tables) {
    for (const column of table.columns) {
      if (column.declared || !column.inferred || column.inferred.dataClass === 'none') continue;
      const key = qualifiedName(table);
      const entry = (tables[key] ??= {});
      const columns = (entry.columns ??= {});
      if (columns[column.name]) continue;
      columns[column.name] = { dataClass: column.inferred.dataClass, category: column.inferred.category, severity: column.inferred.severity };
      added++;
    }
  }
  return { manifest: { ...(existing ?? { version: 1 }), version: 1, tables: tables as Manifest['tables'] }, added };
}

export function writeJsonAtomically(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temp, file);
}

export function readJsonIfExists(file: string): unknown {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
}
