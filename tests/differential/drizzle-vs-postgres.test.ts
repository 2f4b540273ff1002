import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/loaders/load-schema.js';
import { toModelJson } from '../../src/model/model-json.js';
import { findCoveringIndex } from '../../src/model/model-queries.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { generateDrizzleDdl } from '../helpers/drizzle-ddl.js';
import { PgCatalog, foreignKeyKey, type CatalogSnapshot } from '../helpers/pg-catalog.js';
import { listDrizzleCases } from './drizzle-cases.js';

/**
 * Differential test: each fixture schema is loaded syntactically by schema-lint and, separately,
 * turned into DDL by drizzle-kit and applied to a real PostgreSQL (PGlite). The model must say
 * what the catalog says: tables, columns (SQL name, `format_type`, nullability, in order), primary
 * keys, foreign keys with their actions, indexes and unique constraints, enum types, and which
 * foreign keys no index covers.
 */

/** Postgres truncates identifiers to NAMEDATALEN - 1 = 63 bytes. */
const MAX_IDENTIFIER_BYTES = 63;

const cases = listDrizzleCases();
let pg: PgCatalog;

beforeAll(async () => {
  pg = await PgCatalog.start();
}, 120_000);

afterAll(async () => {
  await pg?.close();
});

describe('drizzle loader vs PostgreSQL catalog', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const fixture of cases) {
    it(fixture.name, async () => {
      const { model, problems } = loadSchema([fixture.entry], fixture.casing ? { casing: fixture.casing } : {});
      const ddl = await generateDrizzleDdl(fixture.entry, fixture.casing ? { casing: fixture.casing } : {});
      await pg.reset();
      if (fixture.setupSql) await pg.exec(fixture.setupSql);
      const preexisting = await pg.tableNames();
      await pg.apply(ddl.statements, ddl.schemas);
      const catalog = await pg.read(preexisting);
      expect(catalog.tables.length, 'tables drizzle-kit created').toBeGreaterThan(0);

      const relative = (file: string) => path.relative(fixture.dir, file);
      const problemLines = problems.map((p) => `${relative(p.span.file)}:${p.span.start.line}:${p.span.start.column} ${p.message}`);
      expect.soft(problemLines, 'load problems').toEqual(fixture.problems);

      const fromModel = modelView(model);
      const fromCatalog = catalogView(catalog);
      expect.soft(Object.keys(fromModel).sort(), 'tables').toEqual(Object.keys(fromCatalog).sort());
      for (const [key, expected] of Object.entries(fromCatalog)) {
        const actual = fromModel[key];
        if (!actual) continue;
        expect.soft(actual.columns, `${key}: columns`).toEqual(expected.columns);
        expect.soft(actual.primaryKey, `${key}: primary key`).toEqual(expected.primaryKey);
        expect.soft(actual.foreignKeys, `${key}: foreign keys`).toEqual(expected.foreignKeys);
        expect.soft(actual.uniqueConstraints, `${key}: unique constraints`).toEqual(expected.uniqueConstraints);
        expect.soft(actual.indexes, `${key}: indexes`).toEqual(expected.indexes);
      }
      expect.soft(uncoveredInModel(model), 'foreign keys without a covering index').toEqual(catalog.uncoveredForeignKeys);
      // NOTE: a CLI run passes every file of the schema folder rather than the barrel; same model.
      const allFiles = sourceFilesOf(fixture.dir);
      if (allFiles.length > 1) {
        const fromAll = loadSchema(allFiles, fixture.casing ? { casing: fixture.casing } : {});
        expect.soft(modelView(fromAll.model), 'model when every file of the case is a root').toEqual(fromModel);
      }
      const enumLine = (e: { name: string; schema: string | null; values: readonly string[] }) => `${e.schema ?? 'public'}.${e.name}: ${e.values.join(', ')}`;
      expect.soft(toModelJson(model, (f) => f).enums.map(enumLine).sort(), 'enum types').toEqual(catalog.enums.map(enumLine).sort());
    }, 60_000);
  }
});

interface TableView {
  readonly columns: readonly { readonly name: string; readonly type: string; readonly nullable: boolean }[];
  readonly primaryKey: readonly string[] | null;
  readonly foreignKeys: readonly string[];
  readonly uniqueConstraints: readonly string[];
  readonly indexes: readonly string[];
}

/** Model tables keyed by `schema.name`, reduced to what the catalog can confirm. */
function modelView(model: SchemaModel): Record<string, TableView> {
  const json = toModelJson(model, (file) => file);
  const view: Record<string, TableView> = {};
  json.tables.forEach((table, i) => {
    const source = model.tables[i]!;
    view[`${table.schema}.${table.name}`] = {
      columns: table.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })),
      primaryKey: table.primaryKey,
      foreignKeys: table.foreignKeys
        // NOTE: an action that is not declared is what the database does by default: NO ACTION.
        .map((fk) => `${foreignKeyKey(table, fk)} on delete ${fk.onDelete ?? 'no action'} on update ${fk.onUpdate ?? 'no action'}`)
        .sort(),
      uniqueConstraints: table.uniqueConstraints.map((u) => `${truncate(u.name ?? '?')} (${u.columns.join(',')})`).sort(),
      indexes: table.indexes
        .map((index, j) => {
          const method = source.indexes[j]!.method ?? 'btree';
          return indexLine(truncate(index.name ?? '?'), index.columns, index.expressions.length, index.unique, index.where !== null, method);
        })
        .sort(),
    };
  });
  return view;
}

function catalogView(catalog: CatalogSnapshot): Record<string, TableView> {
  const view: Record<string, TableView> = {};
  for (const table of catalog.tables) {
    view[`${table.schema}.${table.name}`] = {
      columns: table.columns,
      primaryKey: table.primaryKey,
      foreignKeys: table.foreignKeys.map((fk) => `${foreignKeyKey(table, fk)} on delete ${fk.onDelete} on update ${fk.onUpdate}`).sort(),
      uniqueConstraints: table.uniqueConstraints.map((u) => `${u.name} (${u.columns.join(',')})`).sort(),
      indexes: table.indexes.map((i) => indexLine(i.name, i.columns, i.expressions, i.unique, i.where !== null, i.method)).sort(),
    };
  }
  return view;
}

function indexLine(name: string, columns: readonly string[], expressions: number, unique: boolean, partial: boolean, method: string): string {
  const parts = [`${unique ? 'unique ' : ''}${name} using ${method} (${columns.join(',')})`];
  if (expressions > 0) parts.push(`+${expressions} expression(s)`);
  if (partial) parts.push('partial');
  return parts.join(' ');
}

/** Model foreign keys that `findCoveringIndex` finds no PK, unique constraint or index for. */
function uncoveredInModel(model: SchemaModel): string[] {
  const json = toModelJson(model, (file) => file);
  const keys: string[] = [];
  model.tables.forEach((table, i) => {
    const tableJson = json.tables[i]!;
    table.foreignKeys.forEach((fk, j) => {
      if (!findCoveringIndex(table, fk.columns)) keys.push(foreignKeyKey(tableJson, tableJson.foreignKeys[j]!));
    });
  });
  return keys.sort();
}

function sourceFilesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|js)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function truncate(identifier: string): string {
  const bytes = Buffer.from(identifier, 'utf8');
  if (bytes.length <= MAX_IDENTIFIER_BYTES) return identifier;
  // NOTE: Postgres cuts at a character boundary at or below 63 bytes.
  let end = MAX_IDENTIFIER_BYTES;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
