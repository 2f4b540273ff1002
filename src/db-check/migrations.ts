import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DbCheckError } from './db-check-error.js';

export type MigrationsFormat = 'drizzle-kit' | 'sql-files' | 'sql-folders';

export interface MigrationFile {
  /** Name shown in messages: the file name, or `folder/migration.sql`. */
  readonly name: string;
  /** Absolute path, or undefined when the journal lists a migration whose file does not exist. */
  readonly file: string;
  readonly exists: boolean;
}

export interface MigrationSet {
  readonly format: MigrationsFormat;
  /** Absolute path of the folder. */
  readonly directory: string;
  /** In the order they are applied. */
  readonly migrations: readonly MigrationFile[];
  /** drizzle-kit's journal, when the folder has one. */
  readonly journal?: string;
}

/**
 * Finds the migrations of a folder, in the order they are applied:
 * - drizzle-kit: `meta/_journal.json` lists the entries; each is `<tag>.sql`;
 * - a folder per migration holding `migration.sql` (Prisma, drizzle-kit 1.0);
 * - plain `.sql` files, sorted by name in natural order (`2_x.sql` before `10_x.sql`).
 */
export function readMigrations(directory: string): MigrationSet {
  const dir = path.resolve(directory);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new DbCheckError('migrations-not-found', `Migrations folder ${directory} does not exist.`, 'Pass the folder drizzle-kit writes to (`out` in drizzle.config.ts), or a folder of .sql files.');
  }
  const journal = path.join(dir, 'meta', '_journal.json');
  if (existsSync(journal)) return readDrizzleJournal(dir, journal);

  const entries = readdirSync(dir, { withFileTypes: true });
  // NOTE: tools that keep rollbacks beside the migrations name them `*.down.sql`; applying them would undo the schema.
  const files = entries.filter((e) => e.isFile() && /\.sql$/i.test(e.name) && !/\.down\.sql$/i.test(e.name)).map((e) => e.name);
  if (files.length > 0) {
    return {
      format: 'sql-files',
      directory: dir,
      migrations: files.sort(naturalCompare).map((name) => ({ name, file: path.join(dir, name), exists: true })),
    };
  }
  const folders = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort(naturalCompare);
  if (folders.length > 0) {
    return {
      format: 'sql-folders',
      directory: dir,
      migrations: folders.map((folder) => ({ name: `${folder}/migration.sql`, file: path.join(dir, folder, 'migration.sql'), exists: true })),
    };
  }
  throw new DbCheckError(
    'migrations-not-found',
    `No migrations in ${directory}: expected drizzle-kit's meta/_journal.json, .sql files, or folders holding migration.sql.`,
    'Run `drizzle-kit generate` first, or pass the folder that holds the migrations.',
  );
}

function readDrizzleJournal(dir: string, journal: string): MigrationSet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(journal, 'utf8'));
  } catch (error) {
    throw new DbCheckError('invalid-migrations', `Cannot read drizzle-kit's journal ${journal}: ${(error as Error).message}`);
  }
  const record = parsed as { dialect?: unknown; entries?: unknown };
  if (typeof record !== 'object' || record === null || !Array.isArray(record.entries)) {
    throw new DbCheckError('invalid-migrations', `drizzle-kit's journal ${journal} has no "entries" list.`);
  }
  if (record.dialect !== undefined && record.dialect !== 'postgresql') {
    throw new DbCheckError('invalid-migrations', `The migrations in ${dir} are for ${String(record.dialect)}; db-check applies PostgreSQL migrations only.`);
  }
  const entries = (record.entries as unknown[]).map((entry, position) => {
    const e = entry as { idx?: unknown; tag?: unknown };
    if (typeof e?.tag !== 'string') throw new DbCheckError('invalid-migrations', `Entry ${position} of drizzle-kit's journal ${journal} has no "tag".`);
    return { idx: typeof e.idx === 'number' ? e.idx : position, tag: e.tag };
  });
  // NOTE: drizzle-kit's migrator applies the journal's entries in their order; idx is that order.
  entries.sort((a, b) => a.idx - b.idx);
  return {
    format: 'drizzle-kit',
    directory: dir,
    journal,
    migrations: entries.map(({ tag }) => {
      const file = path.join(dir, `${tag}.sql`);
      return { name: `${tag}.sql`, file, exists: existsSync(file) };
    }),
  };
}

/** Compares names chunk by chunk, numbers by value: `2_b.sql` < `10_a.sql`. Locale-independent. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const left = chunks(a);
  const right = chunks(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) {
      const diff = BigInt(x) - BigInt(y);
      if (diff !== 0n) return diff < 0n ? -1 : 1;
      // NOTE: equal values, different zero padding: fewer leading zeros first.
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}
