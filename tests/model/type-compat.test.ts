import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlType } from '../../src/model/schema-model.js';
import { foreignKeyTypesCompatible } from '../../src/model/type-compat.js';

/** Built-in types, as [SQL to create the column, model type]. */
const TYPES: readonly (readonly [string, SqlType])[] = [
  ['smallint', t('smallint')],
  ['integer', t('integer')],
  ['bigint', t('bigint')],
  ['numeric(10,2)', t('numeric')],
  ['real', t('real')],
  ['double precision', t('double precision')],
  ['text', t('text')],
  ['varchar(36)', t('character varying')],
  ['char(36)', t('character')],
  ['uuid', t('uuid')],
  ['date', t('date')],
  ['timestamp', t('timestamp without time zone')],
  ['timestamptz', t('timestamp with time zone')],
  ['boolean', t('boolean')],
  ['jsonb', t('jsonb')],
  ['integer[]', { ...t('integer'), arrayDimensions: 1, sql: 'integer[]' }],
];

function t(name: string): SqlType {
  return { name, params: [], arrayDimensions: 0, sql: name, builder: name };
}

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
}, 60_000);
afterAll(async () => db?.close());

describe('foreignKeyTypesCompatible agrees with PostgreSQL', () => {
  it(
    'for every pair of built-in types',
    async () => {
      const disagreements: string[] = [];
      for (const [i, [pkSql, pkType]] of TYPES.entries()) {
        await db.exec(`create table pk_${i} (k ${pkSql} primary key)`);
      }
      for (const [i, [pkSql, pkType]] of TYPES.entries()) {
        for (const [j, [fkSql, fkType]] of TYPES.entries()) {
          let accepted = true;
          try {
            await db.exec(`create table fk_${i}_${j} (k ${fkSql} references pk_${i}(k)); drop table fk_${i}_${j};`);
          } catch {
            accepted = false;
            await db.exec('rollback').catch(() => undefined);
          }
          const predicted = foreignKeyTypesCompatible(fkType, pkType);
          if (predicted !== accepted) disagreements.push(`${fkSql} → ${pkSql}: Postgres ${accepted ? 'accepts' : 'refuses'}, schema-lint says ${String(predicted)}`);
        }
      }
      expect(disagreements).toEqual([]);
    },
    120_000,
  );
});
