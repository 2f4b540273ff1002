import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { fakeIo } from '../helpers/fake-io.js';

const example = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'projects', 'health-app');
const out = mkdtempSync(path.join(tmpdir(), 'schema-lint-report-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('schema-lint report', () => {
  it('writes one self-contained HTML file', async () => {
    const io = fakeIo(example);
    const file = path.join(out, 'report.html');
    expect(await runCli(['report', '--output-file', file], io)).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    for (const table of ['users', 'daily_followups', 'medication_logs']) expect(html).toContain(table);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']https?:/i);
    expect(io.err()).toContain('wrote');
  }, 60_000);

  it('prints a Markdown summary for pull requests, and rejects other formats', async () => {
    const io = fakeIo(example);
    expect(await runCli(['report', '--format', 'markdown'], io)).toBe(0);
    expect(io.out()).toContain('## schema-lint: 1 error');
    const bad = fakeIo(example);
    expect(await runCli(['report', '--format', 'sarif'], bad)).toBe(2);
    expect(bad.err()).toContain('expected html or markdown');
  }, 60_000);
});
