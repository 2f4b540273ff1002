import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The one test that spawns the real executable: the bundled CLI with its V8 code cache. */
const root = path.resolve(import.meta.dirname, '..', '..');
const example = path.join(root, 'fixtures', 'projects', 'health-app');
const cacheDir = mkdtempSync(path.join(tmpdir(), 'schema-lint-code-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'schema-lint.cjs'), ...args], { cwd: example, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SCHEMA_LINT_CACHE_DIR: cacheDir, ...env } });
}

describe('bin/schema-lint.cjs', () => {
  it('lints the example, writes its code cache, and gives the same output from the cache', () => {
    const first = run([]);
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('require-fk-on-delete');
    expect(readdirSync(path.join(cacheDir, 'v8')).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
    const second = run([]);
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const uncached = run([], { SCHEMA_LINT_NO_CODE_CACHE: '1' });
    expect(uncached.stdout).toBe(first.stdout);
  });

  it('exits 2 on a usage error and prints the version', () => {
    expect(run(['--nope']).status).toBe(2);
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
