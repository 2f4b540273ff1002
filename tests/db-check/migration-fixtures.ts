import path from 'node:path';
import { clinicDir, drizzleMigration, drizzleSnapshot } from './drizzle-kit-ddl.js';

/** A file of the generated migrations fixtures, relative to fixtures/db-check/clinic/migrations. */
export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

export const migrationsDir = path.join(clinicDir, 'migrations');

/** drizzle-kit writes this between statements when `breakpoints` is on (its default). */
const BREAKPOINT = '--> statement-breakpoint\n';

/**
 * The migrations fixtures, generated the way `drizzle-kit generate` writes them: history/v1.ts,
 * then history/v2.ts. The schema code (schema.ts) has one column more than v2.
 * - `drizzle/`: drizzle-kit's layout (meta/_journal.json, meta/NNNN_snapshot.json, NNNN_tag.sql);
 * - `plain/`: the same statements as ordered .sql files, named so that only natural order works
 *   (`10_indexes.sql` after `2_billing_and_care_team.sql`).
 */
export async function buildMigrationFixtures(): Promise<GeneratedFile[]> {
  const v1 = await drizzleSnapshot(path.join(clinicDir, 'history/v1.ts'));
  const v2 = await drizzleSnapshot(path.join(clinicDir, 'history/v2.ts'), v1);
  const first = await drizzleMigration(v1);
  const second = await drizzleMigration(v2, v1);
  const tags = ['0000_initial', '0001_billing_and_care_team'];
  // NOTE: fixed timestamps keep the journal stable across regenerations.
  const journal = {
    version: '7',
    dialect: 'postgresql',
    entries: tags.map((tag, idx) => ({ idx, version: '7', when: 1735689600000 + idx * 86_400_000, tag, breakpoints: true })),
  };
  const meta = { columns: {}, schemas: {}, tables: {} };
  const isIndex = (statement: string) => /^\s*CREATE (UNIQUE )?INDEX/i.test(statement);
  return [
    { path: `drizzle/${tags[0]}.sql`, text: first.join(BREAKPOINT) },
    { path: `drizzle/${tags[1]}.sql`, text: second.join(BREAKPOINT) },
    { path: 'drizzle/meta/_journal.json', text: JSON.stringify(journal, null, 2) },
    { path: 'drizzle/meta/0000_snapshot.json', text: JSON.stringify({ ...v1, _meta: meta }, null, 2) },
    { path: 'drizzle/meta/0001_snapshot.json', text: JSON.stringify({ ...v2, _meta: meta }, null, 2) },
    { path: 'plain/1_initial.sql', text: `${first.join('\n')}\n` },
    { path: 'plain/2_billing_and_care_team.sql', text: `${second.filter((s) => !isIndex(s)).join('\n')}\n` },
    { path: 'plain/10_indexes.sql', text: `${second.filter(isIndex).join('\n')}\n` },
  ];
}
