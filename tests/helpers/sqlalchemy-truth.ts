import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table } from '../../src/model/schema-model.js';

/**
 * Debian's interpreter (not a pyenv python3 on PATH). CI installs the packages with:
 *   apt-get update && apt-get install -y python3-sqlalchemy python3-flask-sqlalchemy python3-sqlalchemy-utils python3-sqlmodel python3-cryptography
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const HELPER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sqlalchemy-truth.py');

/** Undefined when every module imports; otherwise why not (for the skip message). */
export function missingPythonModules(modules: readonly string[]): string | undefined {
  const probe = spawnSync(SYSTEM_PYTHON, ['-B', '-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  if (probe.error) return `${SYSTEM_PYTHON} is not available (${probe.error.message})`;
  if (probe.status !== 0) return `${SYSTEM_PYTHON} cannot import ${modules.join(', ')}: ${probe.stderr.trim().split('\n').pop()}`;
  return undefined;
}

export interface TruthTable {
  readonly name: string;
  readonly schema: string | null;
  readonly columns: readonly { readonly name: string; readonly type: string | null; readonly nullable: boolean; readonly serial: boolean }[];
  readonly primaryKey: { readonly name: string | null; readonly columns: readonly string[] } | null;
  readonly foreignKeys: readonly {
    readonly name: string | null;
    readonly columns: readonly string[];
    readonly referredTable: string;
    readonly referredSchema: string | null;
    readonly referredColumns: readonly string[];
    readonly ondelete: string | null;
    readonly onupdate: string | null;
  }[];
  readonly indexes: readonly { readonly name: string | null; readonly columns: readonly string[]; readonly unique: boolean }[];
  readonly uniqueConstraints: readonly { readonly name: string | null; readonly columns: readonly string[] }[];
  readonly checks: readonly { readonly name: string | null; readonly expression: string }[];
}

/** Imports the fixture modules with real SQLAlchemy and returns what its MetaData holds. */
export function sqlAlchemyTruth(root: string, modules: readonly string[]): TruthTable[] {
  const run = spawnSync(SYSTEM_PYTHON, [HELPER, root, ...modules], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (run.status !== 0) throw new Error(`sqlalchemy-truth.py failed:\n${run.stderr}`);
  return (JSON.parse(run.stdout) as { tables: TruthTable[] }).tables;
}

/** SQLAlchemy's compiled Postgres spelling → what Postgres `format_type` reports. */
export function formatTypeOf(compiled: string): string {
  let t = compiled.trim().replace(/^"(.*)"$/, '$1');
  const array = /(\[\])+$/.test(t);
  t = t.replace(/(\[\])+$/, '');
  const lower = t.toLowerCase();
  const m = /^([a-z ]+?)\s*(?:\(([^)]*)\))?(\s+with(?:out)? time zone)?$/.exec(lower);
  let out = lower;
  if (m) {
    const [, base = '', params, zone = ''] = m;
    const args = params?.split(',').map((p) => p.trim());
    switch (base) {
      case 'varchar':
      case 'nvarchar':
        out = args ? `character varying(${args[0]})` : 'character varying';
        break;
      case 'char':
      case 'nchar':
        out = `character(${args?.[0] ?? 1})`;
        break;
      case 'numeric':
      case 'decimal':
        out = args ? `numeric(${args[0]},${args[1] ?? 0})` : 'numeric';
        break;
      case 'float':
        out = args && Number(args[0]) <= 24 ? 'real' : 'double precision';
        break;
      case 'timestamp':
      case 'time':
        out = `${base}${args ? `(${args[0]})` : ''}${zone || ' without time zone'}`;
        break;
      default:
        out = args ? `${base}(${args.join(',')})` : base;
    }
  }
  return array ? `${out}[]` : out;
}

/** The truth, with database-default names filled in where SQLAlchemy leaves naming to Postgres. */
export function expectedFromTruth(tables: readonly TruthTable[]) {
  return tables.map((t) => ({
    name: t.name,
    schema: t.schema ?? undefined,
    columns: t.columns.map((c) => ({ name: c.name, type: c.type === null ? null : formatTypeOf(c.type), nullable: c.nullable, serial: c.serial })),
    primaryKey: t.primaryKey ? { name: t.primaryKey.name ?? `${t.name}_pkey`, columns: t.primaryKey.columns } : undefined,
    foreignKeys: t.foreignKeys.map((f) => ({
      name: f.name ?? `${t.name}_${f.columns.join('_')}_fkey`,
      columns: f.columns,
      referredTable: f.referredTable,
      referredSchema: f.referredSchema ?? undefined,
      referredColumns: f.referredColumns,
      onDelete: f.ondelete ?? undefined,
      onUpdate: f.onupdate ?? undefined,
    })),
    indexes: t.indexes.map((i) => ({ name: i.name, columns: i.columns, unique: i.unique })),
    uniqueConstraints: t.uniqueConstraints.map((u) => ({ name: u.name ?? `${t.name}_${u.columns.join('_')}_key`, columns: u.columns })),
    checks: t.checks.map((c) => ({ name: c.name ?? undefined, expression: c.expression })),
  }));
}

/** The loaded model in the same shape as expectedFromTruth. */
export function comparableModel(tables: readonly Table[], options: { readonly unresolvedTypes?: boolean } = {}) {
  const byName = (a: { name: string | null }, b: { name: string | null }) => ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0);
  const byColumns = (a: { columns: readonly string[] }, b: { columns: readonly string[] }) => (a.columns.join(',') < b.columns.join(',') ? -1 : 1);
  return [...tables]
    .sort((a, b) => ((a.schema ?? '') + a.name < (b.schema ?? '') + b.name ? -1 : 1))
    .map((t) => ({
      name: t.name,
      schema: t.schema,
      columns: t.columns.map((c) => ({
        name: c.name,
        type: options.unresolvedTypes && c.type.name === 'unknown' ? null : c.type.sql,
        nullable: c.nullable,
        serial: c.default?.kind === 'sql' && c.default.text.startsWith('nextval('),
      })),
      primaryKey: t.primaryKey ? { name: t.primaryKey.name, columns: t.primaryKey.columns } : undefined,
      foreignKeys: t.foreignKeys
        .map((f) => ({
          name: f.name,
          columns: f.columns,
          referredTable: f.target.table,
          referredSchema: f.target.schema,
          referredColumns: f.target.columns,
          onDelete: f.onDelete,
          onUpdate: f.onUpdate,
        }))
        .sort(byColumns),
      indexes: t.indexes.map((i) => ({ name: i.name ?? null, columns: i.elements.map((e) => (e.kind === 'column' ? e.column : e.text)), unique: i.unique })).sort(byName),
      uniqueConstraints: t.uniqueConstraints.map((u) => ({ name: u.name, columns: u.columns })).sort(byColumns),
      checks: t.checks.map((c) => ({ name: c.name, expression: c.expression })).sort((a, b) => (a.expression < b.expression ? -1 : 1)),
    }));
}
