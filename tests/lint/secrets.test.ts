import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hard-coded passwords never reach any output', () => {
  it('are masked in the code frames of other rules too, in every format', async () => {
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(
      path.join(dir, 'schema.ts'),
      [
        'import { pgTable, serial, jsonb } from "drizzle-orm/pg-core";',
        'export const DATABASE_URL = "postgres://app:S3cr3t-Pa55@db.internal:5432/clinic";',
        'export const events = pgTable("events", { id: serial("id").primaryKey(), payload: jsonb("payload") });',
        '',
      ].join('\n'),
    );
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const io = fakeIo(dir);
      await runCli(['schema.ts', '--format', format], io);
      const output = io.out() + io.err();
      expect(output, format).not.toContain('S3cr3t-Pa55');
      if (format === 'text') {
        expect(output).toContain('no-untyped-json');
        expect(output).toContain('postgres://app:***********@db.internal');
      }
    }
  });
});
