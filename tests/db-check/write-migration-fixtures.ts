import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildMigrationFixtures, migrationsDir } from './migration-fixtures.js';

// Regenerates fixtures/db-check/clinic/migrations from the schema history:
//   npx tsx tests/db-check/write-migration-fixtures.ts

for (const file of await buildMigrationFixtures()) {
  const target = path.join(migrationsDir, file.path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
