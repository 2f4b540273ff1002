import type { Diagnostic } from '../engine/diagnostic.js';
import { qualifiedName, tableKey } from '../model/model-queries.js';
import type { Column, EnumType, ForeignKey, ReferentialAction, SchemaModel, SourceKind, Table } from '../model/schema-model.js';
import { compareSpans, fileStartSpan } from '../model/span.js';
import type { CatalogColumn, CatalogForeignKey, CatalogTable, DatabaseCatalog } from './catalog.js';
import { compareIndexes, pushTo, type Presence } from './compare-indexes.js';
import { DriftDiagnostics } from './drift-diagnostics.js';
import { canonicalType, defaultShape, literalSql, parseTypeReference, sameDefault, type DefaultShape } from './normalise.js';

export interface CompareInput {
  readonly model: SchemaModel;
  readonly catalog: DatabaseCatalog;
  /** Where the catalog came from: wording of messages and help lines. */
  readonly origin: 'database' | 'migrations';
}

export interface CompareResult {
  readonly diagnostics: Diagnostic[];
  /** PostgreSQL tables of the model in the compared schemas. */
  readonly codeTables: number;
  /** Tables in the compared schemas of the database (bookkeeping tables of migration tools excluded). */
  readonly databaseTables: number;
  /** Tables present on both sides. */
  readonly matchedTables: number;
}

/**
 * NOTE: tables migration tools keep their history in. They are never declared in schema code,
 * so they are not reported as extra; a model that declares one still has it compared.
 */
const BOOKKEEPING_TABLES = new Set([
  '__drizzle_migrations',
  'alembic_version',
  '_prisma_migrations',
  'schema_migrations',
  'knex_migrations',
  'knex_migrations_lock',
  'flyway_schema_history',
  'databasechangelog',
  'databasechangeloglock',
  'goose_db_version',
  '__diesel_schema_migrations',
  'kysely_migration',
  'kysely_migration_lock',
  'pgmigrations',
  'mikro_orm_migrations',
  'SequelizeMeta',
]);

/**
 * Compares the model's PostgreSQL tables with the catalog, one diagnostic per difference.
 * Linear in schema size: every lookup goes through a map built once.
 */
export function compareCatalog({ model, catalog, origin }: CompareInput): CompareResult {
  const schemas = new Set(catalog.schemas);
  const codeTables = new Map<string, Table>();
  for (const table of model.tables) {
    if (table.dialect !== 'postgresql' || !schemas.has(table.schema ?? 'public')) continue;
    const key = tableKey(table.name, table.schema);
    if (!codeTables.has(key)) codeTables.set(key, table);
  }
  const dbTables = new Map<string, CatalogTable>();
  for (const table of catalog.tables) {
    const key = tableKey(table.name, table.schema);
    if (codeTables.has(key) || !BOOKKEEPING_TABLES.has(table.name)) dbTables.set(key, table);
  }
  const fallbackSource: SourceKind = model.tables[0]?.source ?? 'drizzle';
  const report = new DriftDiagnostics(origin, fileStartSpan(model.files[0] ?? model.tables[0]?.span.file ?? '.'));

  // NOTE: keys, indexes and foreign keys on a table or column that exists on one side only are
  // not reported separately: the missing table or column is the one difference to fix.
  const absent = new Map<string, Set<string>>();
  const pairs: { key: string; code: Table; db: CatalogTable }[] = [];
  for (const [key, code] of codeTables) {
    const db = dbTables.get(key);
    if (!db) {
      report.missingTable(code);
      continue;
    }
    pairs.push({ key, code, db });
    absent.set(key, columnPresence(code, db, report));
  }
  for (const [key, db] of dbTables) {
    if (!codeTables.has(key)) report.extraTable(db, fallbackSource);
  }
  const presence: Presence = {
    // NOTE: a table outside the compared schemas is on neither side: its foreign keys are compared.
    isTableAbsent: (key) => codeTables.has(key) !== dbTables.has(key),
    isAbsent: (key, column) => absent.get(key)?.has(column) ?? false,
  };

  const enums = new Map<string, EnumType>(model.enums.map((e) => [tableKey(e.name, e.schema), e]));
  const enumsReported = new Set<string>();
  for (const { key, code, db } of pairs) {
    const dbColumns = new Map(db.columns.map((c) => [c.name, c]));
    const pkColumns = new Set(code.primaryKey?.columns ?? []);
    for (const column of code.columns) {
      const dbColumn = dbColumns.get(column.name);
      if (dbColumn) compareColumn(code, column, dbColumn, pkColumns.has(column.name), report);
      const enumKey = enumKeyOf(column);
      if (enumKey && !enumsReported.has(enumKey)) {
        enumsReported.add(enumKey);
        const declared = enums.get(enumKey);
        if (declared) compareEnum(declared, code, catalog.enums.get(enumKey), report);
      }
    }
    comparePrimaryKey(key, code, db, presence, report);
    compareForeignKeys(key, code, db, presence, report);
    compareIndexes(key, code, db, presence, report);
  }

  const diagnostics = report.diagnostics.sort(
    (a, b) => compareSpans(a.span, b.span) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0),
  );
  return { diagnostics, codeTables: codeTables.size, databaseTables: dbTables.size, matchedTables: pairs.length };
}

function columnPresence(code: Table, db: CatalogTable, report: DriftDiagnostics): Set<string> {
  const absent = new Set<string>();
  const dbColumns = new Set(db.columns.map((c) => c.name));
  const codeColumns = new Set<string>();
  for (const column of code.columns) {
    if (codeColumns.has(column.name)) continue;
    codeColumns.add(column.name);
    if (!dbColumns.has(column.name)) {
      absent.add(column.name);
      report.missingColumn(code, column);
    }
  }
  for (const column of db.columns) {
    if (codeColumns.has(column.name)) continue;
    absent.add(column.name);
    report.extraColumn(code, column);
  }
  return absent;
}

function compareColumn(table: Table, column: Column, db: CatalogColumn, inPrimaryKey: boolean, report: DriftDiagnostics): void {
  const codeType = column.type.sql;
  const codeEnum = column.type.enumName === undefined ? undefined : parseTypeReference(column.type.enumName);
  const codeArray = column.type.arrayDimensions > 0 || /\[\s*\d*\s*\]$/.test(codeType);
  let sameType: boolean;
  if (codeEnum && db.enumType) {
    sameType = codeEnum.schema === db.enumType.schema && codeEnum.name === db.enumType.name && codeArray === db.isArray;
  } else if (canonicalType(codeType) === 'unknown') {
    // NOTE: a custom type whose SQL type the loader could not read: nothing to compare.
    sameType = true;
  } else {
    sameType = canonicalType(codeType) === canonicalType(db.type);
  }
  if (!sameType) {
    const dbType = db.enumType ? `${qualifiedName(db.enumType)}${db.isArray ? '[]' : ''}` : db.type;
    report.columnType(table, column, dbType, codeType);
  }

  // NOTE: primary key and identity columns are NOT NULL in the database whatever the code says.
  const codeNotNull = !column.nullable || inPrimaryKey || column.identity !== undefined;
  if (codeNotNull !== db.notNull) report.nullability(table, column, db.notNull, codeNotNull);

  const code = codeDefault(column);
  if (code) {
    const database = databaseDefault(db);
    if (!sameDefault(code.shape, database.shape, canonicalType(db.type))) report.defaultValue(table, column, database.text, code.text);
  }
}

/** The code's default as a comparable shape; undefined when it cannot be compared (a JS object literal). */
function codeDefault(column: Column): { shape: DefaultShape; text: string } | undefined {
  if (column.identity) return { shape: { kind: 'identity', mode: column.identity }, text: `GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY` };
  if (column.generated !== undefined) return { shape: { kind: 'generated' }, text: `GENERATED ALWAYS AS (${column.generated})` };
  const value = column.default;
  if (!value) return { shape: { kind: 'none' }, text: 'no default' };
  if (value.kind === 'application') return { shape: { kind: 'none' }, text: `no default (the application computes ${value.text})` };
  if (value.kind === 'sql') return { shape: defaultShape(value.text), text: value.text };
  const sql = literalSql(value.value, value.text);
  return sql === undefined ? undefined : { shape: defaultShape(sql), text: sql };
}

function databaseDefault(db: CatalogColumn): { shape: DefaultShape; text: string } {
  if (db.identity) return { shape: { kind: 'identity', mode: db.identity }, text: `GENERATED ${db.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY` };
  if (db.generated) return { shape: { kind: 'generated' }, text: 'a generated column' };
  if (db.default === undefined) return { shape: { kind: 'none' }, text: 'no default' };
  return { shape: defaultShape(db.default), text: db.default };
}

function enumKeyOf(column: Column): string | undefined {
  if (column.type.enumName === undefined) return undefined;
  const { schema, name } = parseTypeReference(column.type.enumName);
  return tableKey(name, schema);
}

function compareEnum(declared: EnumType, table: Table, labels: readonly string[] | undefined, report: DriftDiagnostics): void {
  if (labels === undefined) {
    report.enumMissing(declared, table);
    return;
  }
  if (labels.length !== declared.values.length || labels.some((label, i) => label !== declared.values[i])) report.enumValues(declared, table, labels);
}

function comparePrimaryKey(key: string, code: Table, db: CatalogTable, presence: Presence, report: DriftDiagnostics): void {
  const codeColumns = code.primaryKey?.columns ?? [];
  const dbColumns = db.primaryKey?.columns ?? [];
  if ([...codeColumns, ...dbColumns].some((c) => presence.isAbsent(key, c))) return;
  if (codeColumns.join('\0') === dbColumns.join('\0')) return;
  report.primaryKey(code, dbColumns, codeColumns);
}

function fkKey(columns: readonly string[], schema: string, table: string, referenced: readonly string[]): string {
  return `${columns.join(',')}->${schema}.${table}(${referenced.join(',')})`;
}

function compareForeignKeys(key: string, code: Table, db: CatalogTable, presence: Presence, report: DriftDiagnostics): void {
  const dbByKey = new Map<string, CatalogForeignKey[]>();
  for (const fk of db.foreignKeys) {
    pushTo(dbByKey, fkKey(fk.columns, fk.referencedSchema, fk.referencedTable, fk.referencedColumns), fk);
  }
  const codeLeft: ForeignKey[] = [];
  for (const fk of code.foreignKeys) {
    // NOTE: a target the loader could not resolve has no SQL name to compare.
    if (fk.target.table === undefined) continue;
    const candidates = dbByKey.get(fkKey(fk.columns, fk.target.schema ?? 'public', fk.target.table, fk.target.columns));
    const match = candidates?.shift();
    if (!match) {
      codeLeft.push(fk);
      continue;
    }
    compareAction(code, fk, match, 'onDelete', report);
    compareAction(code, fk, match, 'onUpdate', report);
  }
  const dbLeft = new Map<string, CatalogForeignKey[]>();
  for (const list of dbByKey.values()) {
    for (const fk of list) pushTo(dbLeft, fk.columns.join(','), fk);
  }
  const involvesAbsent = (columns: readonly string[], targetSchema: string, targetTable: string, targetColumns: readonly string[]) => {
    const targetKey = tableKey(targetTable, targetSchema);
    return columns.some((c) => presence.isAbsent(key, c)) || presence.isTableAbsent(targetKey) || targetColumns.some((c) => presence.isAbsent(targetKey, c));
  };
  for (const fk of codeLeft) {
    const sameColumns = dbLeft.get(fk.columns.join(','))?.shift();
    const target = { schema: fk.target.schema ?? 'public', table: fk.target.table! };
    if (sameColumns) {
      if (fk.columns.some((c) => presence.isAbsent(key, c))) continue;
      report.foreignKeyTarget(code, fk, sameColumns);
      continue;
    }
    if (involvesAbsent(fk.columns, target.schema, target.table, fk.target.columns)) continue;
    report.missingForeignKey(code, fk);
  }
  for (const list of dbLeft.values()) {
    for (const fk of list) {
      if (involvesAbsent(fk.columns, fk.referencedSchema, fk.referencedTable, fk.referencedColumns)) continue;
      report.extraForeignKey(code, fk);
    }
  }
}

function compareAction(table: Table, fk: ForeignKey, db: CatalogForeignKey, which: 'onDelete' | 'onUpdate', report: DriftDiagnostics): void {
  // NOTE: an action the code does not declare is NO ACTION in the database.
  const code: ReferentialAction = fk[which] ?? 'no action';
  if (code !== db[which]) report.foreignKeyAction(table, fk, which, db[which], fk[which]);
}
