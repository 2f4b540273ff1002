import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Casing } from '../../src/loaders/drizzle/load-drizzle-schema.js';

/** One differential case: a folder under fixtures/drizzle with an entry module. */
export interface DrizzleCase {
  readonly name: string;
  readonly dir: string;
  /** Absolute path of the module drizzle-kit imports (a barrel for multi-file schemas). */
  readonly entry: string;
  readonly casing?: Casing;
  readonly description?: string;
  /** SQL run before the migration: tables the schema references but does not create (Supabase `auth.users`). */
  readonly setupSql?: string;
  /** Load problems the case is expected to raise, as `file:line:column message` (file relative to the case folder). */
  readonly problems: readonly string[];
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const drizzleFixturesDir = path.join(repoRoot, 'fixtures', 'drizzle');

const DEFAULT_ENTRIES = ['schema.ts', 'index.ts'];

/**
 * Every case folder in fixtures/drizzle. A folder may hold a `case.json`:
 * `{ "entry": "src/db/schema/index.ts", "casing": "snake_case", "description": "...", "problems": [...], "setup": "setup.sql" }`;
 * without one the entry is `schema.ts` or `index.ts`.
 */
export function listDrizzleCases(): DrizzleCase[] {
  return readdirSync(drizzleFixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readCase(path.join(drizzleFixturesDir, d.name)))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function readCase(dir: string): DrizzleCase {
  const name = path.basename(dir);
  const configFile = path.join(dir, 'case.json');
  const config = existsSync(configFile)
    ? (JSON.parse(readFileSync(configFile, 'utf8')) as { entry?: string; casing?: Casing; description?: string; problems?: string[]; setup?: string })
    : {};
  const entry = config.entry ?? DEFAULT_ENTRIES.find((f) => existsSync(path.join(dir, f)));
  if (!entry) throw new Error(`fixtures/drizzle/${name}: no case.json "entry" and no ${DEFAULT_ENTRIES.join(' or ')}`);
  return {
    name,
    dir,
    entry: path.join(dir, entry),
    ...(config.casing ? { casing: config.casing } : {}),
    ...(config.description ? { description: config.description } : {}),
    problems: config.problems ?? [],
    ...(config.setup ? { setupSql: readFileSync(path.join(dir, config.setup), 'utf8') } : {}),
  };
}
