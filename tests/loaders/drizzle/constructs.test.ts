import { toCamelCase, toSnakeCase } from 'drizzle-orm/casing';
import { describe, expect, it } from 'vitest';
import { applyCasing } from '../../../src/loaders/drizzle/load-drizzle-schema.js';
import { parsePgType, quoteIdentifier } from '../../../src/loaders/drizzle/pg-types.js';
import { loadProject } from './load-helpers.js';

/**
 * Constructs the differential test cannot run on PGlite (pgvector, PostGIS) and the small
 * spelling functions the loader relies on, checked inline.
 */

describe('type spellings', () => {
  it.each([
    ['int4', 'integer'],
    ['INT', 'integer'],
    ['int8[]', 'bigint[]'],
    ['serial8', 'bigint'],
    ['bool', 'boolean'],
    ['float4', 'real'],
    ['float8', 'double precision'],
    ['float(10)', 'real'],
    ['float(53)', 'double precision'],
    ['varchar', 'character varying'],
    ['VARCHAR(255)', 'character varying(255)'],
    ['character varying (40)', 'character varying(40)'],
    ['char', 'character(1)'],
    ['char(3)[]', 'character(3)[]'],
    ['bpchar', 'bpchar'],
    ['decimal(10, 2)', 'numeric(10,2)'],
    ['numeric(7)', 'numeric(7,0)'],
    ['numeric', 'numeric'],
    ['timestamp', 'timestamp without time zone'],
    ['timestamptz', 'timestamp with time zone'],
    ['timestamptz(3)', 'timestamp(3) with time zone'],
    ['timestamp(6) with time zone', 'timestamp(6) with time zone'],
    ['timestamp with time zone', 'timestamp with time zone'],
    ['time(0) without time zone', 'time(0) without time zone'],
    ['timetz', 'time with time zone'],
    ['varbit(8)', 'bit varying(8)'],
    ['bit', 'bit(1)'],
    ['text[][]', 'text[]'],
    ['text array', 'text[]'],
    ['integer[3]', 'integer[]'],
    ['jsonb', 'jsonb'],
    ['citext', 'citext'],
    ['vector(1536)', 'vector(1536)'],
    ['extensions.vector(3)', 'extensions.vector(3)'],
    ['"MyType"', '"MyType"'],
  ])('%s is reported as %s', (written, expected) => {
    expect(parsePgType(written).sql).toBe(expected);
  });

  it('quotes identifiers exactly where quote_ident does', () => {
    expect(['status', 'user_role', 'Mood', 'user', 'order', 'time', 'role', 'type', 'a b', 'x"y', '_private', '9lives'].map(quoteIdentifier)).toEqual([
      'status',
      'user_role',
      '"Mood"',
      '"user"',
      '"order"',
      '"time"',
      'role',
      'type',
      '"a b"',
      '"x""y"',
      '_private',
      '"9lives"',
    ]);
  });
});

describe('casing', () => {
  const keys = ['id', 'userId', 'createdAt', 'HTTPReferrer', 'address2Line', 'line1', 'iOS', 'already_snake', 'ABC', 'userIDs', "o'brien", 'camelCaseABCThing', 'v2Api', 'x'];
  it('snake_case matches drizzle-orm/casing', () => {
    expect(keys.map((k) => applyCasing(k, 'snake_case'))).toEqual(keys.map(toSnakeCase));
  });
  it('camelCase matches drizzle-orm/casing', () => {
    const snake = keys.map(toSnakeCase);
    expect(snake.map((k) => applyCasing(k, 'camelCase'))).toEqual(snake.map(toCamelCase));
  });
});

describe('extension column types (pgvector, PostGIS)', () => {
  it('vector, halfvec, sparsevec, bit and geometry columns, with an HNSW index', async () => {
    const { result, text } = loadProject({
      'schema.ts': [
        "import { bit, geometry, halfvec, index, pgTable, serial, sparsevec, text, vector } from 'drizzle-orm/pg-core';",
        "import { customType } from 'drizzle-orm/pg-core';",
        '',
        'const embedding = customType<{ data: number[]; config: { dimensions: number } }>({',
        '  dataType(config) {',
        '    return `vector(${config?.dimensions ?? 1536})`;',
        '  },',
        '});',
        '',
        "export const documents = pgTable('documents', {",
        "  id: serial('id').primaryKey(),",
        "  body: text('body'),",
        "  embedding: vector('embedding', { dimensions: 1536 }),",
        "  half: halfvec('half', { dimensions: 3 }),",
        "  sparse: sparsevec('sparse', { dimensions: 5 }),",
        "  signature: bit('signature', { dimensions: 8 }),",
        "  location: geometry('location', { type: 'point', mode: 'xy', srid: 4326 }),",
        "  legacy: embedding('legacy', { dimensions: 768 }),",
        "  legacyDefault: embedding('legacy_default'),",
        '}, (t) => [',
        "  index('documents_embedding_idx').using('hnsw', t.embedding.op('vector_cosine_ops')),",
        "  index('documents_location_idx').using('gist', t.location),",
        ']);',
        '',
      ].join('\n'),
    });
    expect(result.model.tables[0]!.columns.map((c) => c.type.sql)).toEqual([
      'integer',
      'text',
      'vector(1536)',
      'halfvec(3)',
      'sparsevec(5)',
      'bit(8)',
      // NOTE: drizzle-orm 0.45 declares geometry(point) whatever the config; PostGIS prints "Point".
      'geometry(Point)',
      'vector(768)',
      'vector(1536)',
    ]);
    await expect(text).toMatchFileSnapshot('__snapshots__/constructs/extension-types.txt');
  });
});

describe('constructs', () => {
  it('a table built through a local wrapper keeps the span of its own declaration', () => {
    const { result } = loadProject(
      {
        'schema.ts': "import { generate } from './table';\nimport { text } from 'drizzle-orm/pg-core';\n\nexport const tags = generate('tags', { label: text('label') });\n",
        'table.ts': "import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const generate = (name: string, columns: Record<string, any>) => pgTable(name, { id: serial('id').primaryKey(), ...columns });\n",
      },
      ['schema.ts'],
    );
    const [tags] = result.model.tables;
    expect(tags!.span.file.endsWith('schema.ts')).toBe(true);
    expect(tags!.span.start).toEqual({ line: 4, column: 21 });
    expect(tags!.columns.map((c) => [c.name, c.span.file.endsWith('table.ts') ? 'table.ts' : 'schema.ts'])).toEqual([
      ['id', 'table.ts'],
      ['label', 'schema.ts'],
    ]);
  });

  it('unique-constraint names use the key before casing; index, PK and FK names the SQL name', async () => {
    const { text } = loadProject(
      {
        'schema.ts':
          "import { index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';\nexport const memberRoles = pgTable('member_roles', {\n  orgId: integer().notNull(),\n  userId: integer().notNull(),\n  roleName: text().unique(),\n  displayName: text('Display'),\n}, (t) => [primaryKey({ columns: [t.orgId, t.userId] }), unique().on(t.userId, t.displayName), index().on(t.roleName, t.displayName)]);\n",
      },
      ['schema.ts'],
      { casing: 'snake_case' },
    );
    await expect(text).toMatchFileSnapshot('__snapshots__/constructs/casing-names.txt');
  });

  it('enum types are spelled as format_type spells them (quoted, schema-qualified)', () => {
    const { result } = loadProject({
      'schema.ts':
        "import { pgEnum, pgSchema, pgTable, serial } from 'drizzle-orm/pg-core';\nconst app = pgSchema('App');\nexport const a = pgEnum('user', ['x']);\nexport const b = app.enum('Kind', ['y']);\nexport const c = pgEnum('plain_kind', ['z']);\nexport const t = pgTable('t', { id: serial('id').primaryKey(), a: a('a'), b: b('b').array(), c: c('c') });\n",
    });
    expect(result.model.tables[0]!.columns.map((c) => [c.type.sql, c.type.enumName])).toEqual([
      ['integer', undefined],
      ['"user"', 'user'],
      ['"App"."Kind"[]', 'App.Kind'],
      ['plain_kind', 'plain_kind'],
    ]);
  });
});
