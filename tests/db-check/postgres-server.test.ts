import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbCheckError, runDbCheck, type DbCheckResult } from '../../src/db-check/index.js';
import { loadSchema } from '../../src/loaders/load-schema.js';
import type { SchemaModel } from '../../src/model/schema-model.js';
import { clinicSchema, drizzleDdl } from './drizzle-kit-ddl.js';
import { findPostgresBinaries, freePort, startPostgresServer, type PostgresServer } from './postgres-server.js';

// `db-check --database-url` against a real PostgreSQL server that this file starts and stops
// itself. Two databases are created from the clinic fixture with drizzle-kit's DDL; one is then
// altered by hand. On machines without server binaries (CI installs the Debian package
// `postgresql`), the suite is skipped.

const binaries = findPostgresBinaries();
const title = binaries
  ? 'db-check against a real PostgreSQL server'
  : 'db-check against a real PostgreSQL server (SKIPPED: no initdb/pg_ctl found; install the Debian package `postgresql` or set SCHEMA_LINT_PG_BINDIR)';

/** The alterations the product owner's "done when" names: a column dropped, an index missing, an FK action changed. */
const ALTERATIONS = `
  ALTER TABLE visits DROP COLUMN notes;
  DROP INDEX visits_doctor_idx;
  ALTER TABLE care_team DROP CONSTRAINT care_team_user_id_users_id_fk;
  ALTER TABLE care_team ADD CONSTRAINT care_team_user_id_users_id_fk
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE;`;

describe.skipIf(!binaries)(title, () => {
  let server: PostgresServer;
  let model: SchemaModel;

  beforeAll(async () => {
    server = await startPostgresServer(binaries!);
    model = loadSchema([clinicSchema]).model;
    const ddl = await drizzleDdl(clinicSchema);
    await withClient(server.url('postgres'), async (admin) => {
      await admin.query('CREATE DATABASE clinic');
      await admin.query('CREATE DATABASE clinic_altered');
    });
    for (const database of ['clinic', 'clinic_altered']) {
      await withClient(server.url(database), async (client) => {
        for (const statement of ddl) await client.query(statement);
        if (database === 'clinic_altered') await client.query(ALTERATIONS);
      });
    }
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('finds nothing in a database created from the schema code', async () => {
    const result = await runDbCheck({ model, databaseUrl: server.url('clinic') });
    expect(result.diagnostics).toEqual([]);
    expect(result.compared).toBe(true);
    expect(result.tables).toEqual({ code: 5, database: 5, matched: 5 });
    expect(result.serverVersion).toMatch(/^\d+/);
    expect(result.source).toEqual({ kind: 'database', description: `postgres://postgres:***@127.0.0.1:${server.port}/clinic` });
    expectNoSecret(result, server.password);
  });

  it('reports exactly the column dropped, the index missing and the FK action changed by hand', async () => {
    const result = await runDbCheck({ model, databaseUrl: server.url('clinic_altered') });
    expect(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'schema-lint/db-missing-column: Column visits.notes is declared in schema code but missing in the database.',
      'schema-lint/db-missing-index: Index visits_doctor_idx on visits (doctor_id) is declared in schema code but missing in the database.',
      'schema-lint/db-fk-action: Foreign key care_team.user_id → users.id has ON DELETE restrict in the database but cascade in schema code.',
    ]);
    expect(result.diagnostics.every((d) => d.span.file === clinicSchema && d.severity === 'error')).toBe(true);
    expectNoSecret(result, server.password);
  });

  it('reads the catalog in one read-only transaction and writes nothing', async () => {
    const before = server.log().length;
    await runDbCheck({ model, databaseUrl: server.url('clinic') });
    const statements = server
      .log()
      .slice(before)
      .filter((line) => line.startsWith('[schema-lint db-check] LOG:'))
      .map((line) => line.replace(/^\[schema-lint db-check\] LOG:\s+(?:statement|execute <unnamed>|execute [^:]+):\s*/, '').trim());
    expect(statements[0]).toBe('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    expect(statements.slice(1, 3)).toEqual(['SET LOCAL statement_timeout = 10000', 'SET LOCAL lock_timeout = 10000']);
    expect(statements.at(-1)).toBe('ROLLBACK');
    expect(statements.slice(3, -1).every((s) => s.startsWith('SELECT'))).toBe(true);
  });

  it('never shows the password: a wrong password, a refused connection, a missing database', async () => {
    const wrong = 'wr0ng-Passw0rd';
    const failures: DbCheckError[] = [];
    for (const url of [server.url('clinic', wrong), `postgres://postgres:${wrong}@127.0.0.1:${await freePort()}/clinic`, server.url('no_such_db')]) {
      const error = await runDbCheck({ model, databaseUrl: url, connectTimeoutMs: 5_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbCheckError);
      failures.push(error as DbCheckError);
    }
    expect(failures.map((e) => e.code)).toEqual(['connection-failed', 'connection-failed', 'connection-failed']);
    expect(failures[0]!.message).toBe(`Cannot connect to postgres://postgres:***@127.0.0.1:${server.port}/clinic: authentication failed (password authentication failed for user "postgres").`);
    expect(failures[1]!.message).toMatch(/^Cannot connect to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/clinic: the connection was refused/);
    expect(failures[2]!.message).toBe(`Cannot connect to postgres://postgres:***@127.0.0.1:${server.port}/no_such_db: database "no_such_db" does not exist.`);
    for (const error of failures) {
      const text = `${error.message}\n${error.hint ?? ''}\n${String(error.stack)}\n${JSON.stringify(error)}`;
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(server.password);
    }
  });
});

async function withClient(url: string, use: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

function expectNoSecret(result: DbCheckResult, secret: string): void {
  const text = JSON.stringify(result);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(encodeURIComponent(secret));
}
