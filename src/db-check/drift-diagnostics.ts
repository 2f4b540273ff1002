import type { Diagnostic, DiagnosticProperties, Severity } from '../engine/diagnostic.js';
import { qualifiedName, tableKey } from '../model/model-queries.js';
import type { Column, EnumType, ForeignKey, ReferentialAction, SourceKind, Table } from '../model/schema-model.js';
import type { Span } from '../model/span.js';
import type { CatalogColumn, CatalogForeignKey, CatalogTable } from './catalog.js';
import type { IndexShape } from './compare-indexes.js';
import { DB_CHECK_ID, type DbCheckId } from './ids.js';

/**
 * Words the differences found in one run as diagnostics: what the other side is called (the
 * database, or the migrations), which tool generates migrations for the table's ORM, and how to resolve.
 */
export class DriftDiagnostics {
  readonly diagnostics: Diagnostic[] = [];
  private readonly side: string;

  constructor(
    private readonly origin: 'database' | 'migrations',
    private readonly fallbackSpan: Span,
  ) {
    this.side = origin === 'database' ? 'the database' : 'the migrations';
  }

  private push(id: DbCheckId, severity: Severity, messageId: string, span: Span, identity: string, message: string, help: string, properties: DiagnosticProperties): void {
    this.diagnostics.push({ ruleId: id, messageId, severity, message, help, span, identity, properties });
  }

  private tools(source: SourceKind): { generate: string; apply: string } {
    return source === 'sqlalchemy'
      ? { generate: '`alembic revision --autogenerate`', apply: '`alembic upgrade head`' }
      : { generate: '`drizzle-kit generate`', apply: '`drizzle-kit migrate`' };
  }

  /** The code has it, the other side does not. */
  private helpAdd(source: SourceKind, what: string): string {
    const { generate, apply } = this.tools(source);
    return this.origin === 'database'
      ? `Generate a migration that creates the ${what} (${generate}) and apply it (${apply}), or remove the ${what} from the schema code if the database is right.`
      : `Generate a migration that creates the ${what} (${generate}) and commit it, or remove the ${what} from the schema code.`;
  }

  /** The other side has it, the code does not. */
  private helpRemove(source: SourceKind, what: string): string {
    const { generate, apply } = this.tools(source);
    return this.origin === 'database'
      ? `Declare the ${what} in the schema code, or drop it with a migration (${generate}, then ${apply}) if it is no longer needed.`
      : `Declare the ${what} in the schema code, or generate a migration that drops it (${generate}).`;
  }

  /** Both have it, differently. */
  private helpChange(source: SourceKind): string {
    const { generate, apply } = this.tools(source);
    return this.origin === 'database'
      ? `Generate and apply a migration that changes the database (${generate}, then ${apply}), or change the schema code to match the database.`
      : `Generate a migration for the change (${generate}) and commit it, or change the schema code to match the migrations.`;
  }

  missingTable(table: Table): void {
    const name = qualifiedName(table);
    this.push(DB_CHECK_ID.missingTable, 'error', 'missingTable', table.span, `table:${tableKey(table.name, table.schema)}`, `Table ${name} is declared in schema code but missing in ${this.side}.`, this.helpAdd(table.source, 'table'), {
      table: name,
      columns: [],
      database: null,
      code: name,
    });
  }

  extraTable(db: CatalogTable, source: SourceKind): void {
    const name = qualifiedName(db);
    this.push(DB_CHECK_ID.extraTable, 'error', 'extraTable', this.fallbackSpan, `table:${tableKey(db.name, db.schema)}`, `Table ${name} exists in ${this.side} but is not declared in schema code.`, this.helpRemove(source, 'table'), {
      table: name,
      columns: db.columns.map((c) => c.name),
      database: name,
      code: null,
    });
  }

  missingColumn(table: Table, column: Column): void {
    const name = qualifiedName(table);
    this.push(DB_CHECK_ID.missingColumn, 'error', 'missingColumn', column.span, columnIdentity(table, column.name), `Column ${name}.${column.name} is declared in schema code but missing in ${this.side}.`, this.helpAdd(table.source, 'column'), {
      table: name,
      columns: [column.name],
      database: null,
      code: column.type.sql,
    });
  }

  extraColumn(table: Table, db: CatalogColumn): void {
    const name = qualifiedName(table);
    this.push(DB_CHECK_ID.extraColumn, 'error', 'extraColumn', table.span, columnIdentity(table, db.name), `Column ${name}.${db.name} (${db.type}) exists in ${this.side} but is not declared in schema code.`, this.helpRemove(table.source, 'column'), {
      table: name,
      columns: [db.name],
      database: db.type,
      code: null,
    });
  }

  columnType(table: Table, column: Column, database: string, code: string): void {
    const name = qualifiedName(table);
    this.push(DB_CHECK_ID.columnType, 'error', 'columnType', column.typeSpan ?? column.span, columnIdentity(table, column.name), `Column ${name}.${column.name} has type ${database} in ${this.side} but ${code} in schema code.`, this.helpChange(table.source), {
      table: name,
      columns: [column.name],
      database,
      code,
    });
  }

  nullability(table: Table, column: Column, databaseNotNull: boolean, codeNotNull: boolean): void {
    const name = qualifiedName(table);
    const word = (notNull: boolean) => (notNull ? 'NOT NULL' : 'nullable');
    this.push(
      DB_CHECK_ID.nullability,
      'error',
      'nullability',
      column.span,
      columnIdentity(table, column.name),
      `Column ${name}.${column.name} is ${word(databaseNotNull)} in ${this.side} but ${word(codeNotNull)} in schema code.`,
      this.helpChange(table.source),
      { table: name, columns: [column.name], database: word(databaseNotNull), code: word(codeNotNull) },
    );
  }

  defaultValue(table: Table, column: Column, database: string, code: string): void {
    const name = qualifiedName(table);
    const phrase = (text: string) => (text.startsWith('no default') || text.startsWith('GENERATED') || text.startsWith('a generated') ? text : `default ${text}`);
    this.push(
      DB_CHECK_ID.default,
      'warn',
      'default',
      column.span,
      columnIdentity(table, column.name),
      `Column ${name}.${column.name} has ${phrase(database)} in ${this.side} but ${phrase(code)} in schema code.`,
      this.helpChange(table.source),
      { table: name, columns: [column.name], database, code },
    );
  }

  enumMissing(declared: EnumType, table: Table): void {
    const name = qualifiedName(declared);
    this.push(DB_CHECK_ID.enumValues, 'error', 'enumMissing', declared.span, `enum:${tableKey(declared.name, declared.schema)}`, `Enum type ${name} is declared in schema code but missing in ${this.side}.`, this.helpAdd(table.source, 'enum type'), {
      enum: name,
      database: null,
      code: declared.values,
    });
  }

  enumValues(declared: EnumType, table: Table, labels: readonly string[]): void {
    const name = qualifiedName(declared);
    const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;
    this.push(
      DB_CHECK_ID.enumValues,
      'error',
      'enumValues',
      declared.span,
      `enum:${tableKey(declared.name, declared.schema)}`,
      `Enum type ${name} has values ${list(labels)} in ${this.side} but ${list(declared.values)} in schema code.`,
      this.helpChange(table.source),
      { enum: name, database: labels, code: declared.values },
    );
  }

  primaryKey(table: Table, database: readonly string[], code: readonly string[]): void {
    const name = qualifiedName(table);
    const phrase = (columns: readonly string[]) => (columns.length === 0 ? 'no primary key' : `primary key ${listColumns(columns)}`);
    this.push(
      DB_CHECK_ID.primaryKey,
      'error',
      'primaryKey',
      table.primaryKey?.span ?? table.span,
      `pk:${tableKey(table.name, table.schema)}`,
      `Table ${name} has ${phrase(database)} in ${this.side} but ${phrase(code)} in schema code.`,
      this.helpChange(table.source),
      { table: name, columns: code.length > 0 ? code : database, database: database.length > 0 ? database : null, code: code.length > 0 ? code : null },
    );
  }

  missingForeignKey(table: Table, fk: ForeignKey): void {
    const description = describeFk(table, fk.columns, fk.target.schema, fk.target.table!, fk.target.columns);
    this.push(
      DB_CHECK_ID.foreignKey,
      'error',
      'missingForeignKey',
      fk.span,
      fkIdentity(table, fk.columns, fk.target.schema ?? 'public', fk.target.table!, fk.target.columns),
      `Foreign key ${description} is declared in schema code but missing in ${this.side}.`,
      this.helpAdd(table.source, 'foreign key'),
      {
        table: qualifiedName(table),
        columns: fk.columns,
        referencedTable: qualifiedName({ name: fk.target.table!, schema: fk.target.schema }),
        referencedColumns: fk.target.columns,
        database: null,
        code: description,
      },
    );
  }

  extraForeignKey(table: Table, fk: CatalogForeignKey): void {
    const description = describeFk(table, fk.columns, fk.referencedSchema, fk.referencedTable, fk.referencedColumns);
    this.push(
      DB_CHECK_ID.foreignKey,
      'error',
      'extraForeignKey',
      table.span,
      fkIdentity(table, fk.columns, fk.referencedSchema, fk.referencedTable, fk.referencedColumns),
      `Foreign key ${fk.name} (${description}) exists in ${this.side} but is not declared in schema code.`,
      this.helpRemove(table.source, 'foreign key'),
      {
        table: qualifiedName(table),
        columns: fk.columns,
        referencedTable: qualifiedName({ name: fk.referencedTable, schema: fk.referencedSchema }),
        referencedColumns: fk.referencedColumns,
        database: description,
        code: null,
      },
    );
  }

  foreignKeyTarget(table: Table, fk: ForeignKey, db: CatalogForeignKey): void {
    const cols = fk.columns.length === 1 ? fk.columns[0]! : listColumns(fk.columns);
    const target = (schema: string | undefined, name: string, columns: readonly string[]) => `${qualifiedName({ name, schema })}${listColumns(columns)}`;
    const database = target(db.referencedSchema, db.referencedTable, db.referencedColumns);
    const code = target(fk.target.schema, fk.target.table!, fk.target.columns);
    this.push(
      DB_CHECK_ID.foreignKey,
      'error',
      'foreignKeyTarget',
      fk.span,
      `fk:${tableKey(table.name, table.schema)}(${fk.columns.join(',')})`,
      `Foreign key on ${qualifiedName(table)}.${cols} references ${database} in ${this.side} but ${code} in schema code.`,
      this.helpChange(table.source),
      { table: qualifiedName(table), columns: fk.columns, referencedTable: qualifiedName({ name: fk.target.table!, schema: fk.target.schema }), referencedColumns: fk.target.columns, database, code },
    );
  }

  foreignKeyAction(table: Table, fk: ForeignKey, which: 'onDelete' | 'onUpdate', database: ReferentialAction, code: ReferentialAction | undefined): void {
    const description = describeFk(table, fk.columns, fk.target.schema, fk.target.table!, fk.target.columns);
    const codeText = code ?? 'no action (not declared)';
    this.push(
      DB_CHECK_ID.fkAction,
      'error',
      which,
      fk.span,
      `${fkIdentity(table, fk.columns, fk.target.schema ?? 'public', fk.target.table!, fk.target.columns)}:${which === 'onDelete' ? 'on-delete' : 'on-update'}`,
      `Foreign key ${description} has ${ACTION_SQL[which]} ${database} in ${this.side} but ${codeText} in schema code.`,
      this.helpChange(table.source),
      {
        table: qualifiedName(table),
        columns: fk.columns,
        referencedTable: qualifiedName({ name: fk.target.table!, schema: fk.target.schema }),
        referencedColumns: fk.target.columns,
        action: which,
        database,
        code: code ?? null,
      },
    );
  }

  missingIndex(table: Table, shape: IndexShape, span: Span): void {
    this.push(
      DB_CHECK_ID.missingIndex,
      'error',
      'missingIndex',
      span,
      `index:${tableKey(table.name, table.schema)}:${shape.name ?? shape.signature}`,
      `${capitalise(shape.description)} is declared in schema code but missing in ${this.side}.`,
      this.helpAdd(table.source, shape.description.startsWith('unique constraint') ? 'constraint' : 'index'),
      { table: qualifiedName(table), columns: shape.columns.filter((c) => c !== undefined), database: null, code: shape.description },
    );
  }

  indexDiffers(table: Table, code: IndexShape, database: IndexShape, span: Span): void {
    this.push(
      DB_CHECK_ID.missingIndex,
      'error',
      'indexDiffers',
      span,
      `index:${tableKey(table.name, table.schema)}:${code.name ?? code.signature}`,
      `${capitalise(code.description)} in schema code differs from ${this.side}, where it is ${database.description}.`,
      this.helpChange(table.source),
      { table: qualifiedName(table), columns: code.columns.filter((c) => c !== undefined), database: database.description, code: code.description },
    );
  }

  extraIndex(table: Table, shape: IndexShape): void {
    this.push(
      DB_CHECK_ID.extraIndex,
      'error',
      'extraIndex',
      table.span,
      `index:${tableKey(table.name, table.schema)}:${shape.name ?? shape.signature}`,
      `${capitalise(shape.description)} exists in ${this.side} but is not declared in schema code.`,
      this.helpRemove(table.source, shape.description.startsWith('unique constraint') ? 'constraint' : 'index'),
      { table: qualifiedName(table), columns: shape.columns.filter((c) => c !== undefined), database: shape.description, code: null },
    );
  }
}

function listColumns(columns: readonly string[]): string {
  return `(${columns.join(', ')})`;
}

function describeFk(table: Table, columns: readonly string[], targetSchema: string | undefined, targetTable: string, targetColumns: readonly string[]): string {
  const cols = (names: readonly string[]) => (names.length === 1 ? names[0]! : `(${names.join(', ')})`);
  return `${qualifiedName(table)}.${cols(columns)} → ${qualifiedName({ name: targetTable, schema: targetSchema })}.${cols(targetColumns)}`;
}

const ACTION_SQL: Readonly<Record<'onDelete' | 'onUpdate', string>> = { onDelete: 'ON DELETE', onUpdate: 'ON UPDATE' };

function columnIdentity(table: Table, column: string): string {
  return `column:${tableKey(table.name, table.schema)}.${column}`;
}

function fkIdentity(table: Table, columns: readonly string[], targetSchema: string, targetTable: string, targetColumns: readonly string[]): string {
  return `fk:${tableKey(table.name, table.schema)}(${columns.join(',')})->${tableKey(targetTable, targetSchema)}(${targetColumns.join(',')})`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
