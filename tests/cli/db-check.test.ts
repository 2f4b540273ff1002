import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

const clinic = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'db-check', 'clinic');

describe('schema-lint db-check', () => {
  it('reports a migrations folder that lags the schema by one column, with no server', async () => {
    const io = fakeIo(clinic);
    const code = await runCli(['db-check', 'schema.ts', '--migrations', 'migrations/plain', '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out()) as { diagnostics: { ruleId: string; message: string; file: string; line: number }[] };
    expect(report.diagnostics.map((d) => `${d.ruleId} ${d.file}:${d.line}`)).toEqual(['schema-lint/db-missing-column schema.ts:50']);
  }, 60_000);

  it('needs a database or migrations; bad URLs are reported without the password', async () => {
    const none = fakeIo(clinic, {});
    expect(await runCli(['db-check', 'schema.ts'], none)).toBe(2);
    expect(none.err()).toContain('--database-url');
    const refused = fakeIo(clinic, {});
    expect(await runCli(['db-check', 'schema.ts', '--database-url', 'postgres://app:s3cret-pw@127.0.0.1:1/clinic'], refused)).toBe(2);
    expect(refused.err()).toContain('app:***@127.0.0.1:1');
    expect(refused.err() + refused.out()).not.toContain('s3cret-pw');
  }, 60_000);
});
