import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DrizzleSnapshotJSON } from 'drizzle-kit/api';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const clinicDir = path.join(repoRoot, 'fixtures/db-check/clinic');
export const clinicSchema = path.join(clinicDir, 'schema.ts');

/** drizzle-kit's snapshot of a Drizzle schema module (the module is imported, so it must be valid TypeScript). */
export async function drizzleSnapshot(schemaFile: string, previous?: DrizzleSnapshotJSON): Promise<DrizzleSnapshotJSON> {
  const exports = (await import(/* @vite-ignore */ pathToFileURL(schemaFile).href)) as Record<string, unknown>;
  const { generateDrizzleJson } = await import('drizzle-kit/api');
  return generateDrizzleJson(exports, previous?.id);
}

/** The statements `drizzle-kit generate` writes to go from `previous` (default: an empty database) to `current`. */
export async function drizzleMigration(current: DrizzleSnapshotJSON, previous?: DrizzleSnapshotJSON): Promise<string[]> {
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  return generateMigration(previous ?? generateDrizzleJson({}), current);
}

/** The DDL that creates a schema module's tables in an empty database, as drizzle-kit writes it. */
export async function drizzleDdl(schemaFile: string): Promise<string[]> {
  return drizzleMigration(await drizzleSnapshot(schemaFile));
}
