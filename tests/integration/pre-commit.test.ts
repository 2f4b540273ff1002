import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real pre-commit framework (Debian package `pre-commit`) installs the hook with npm, as a user's
 * machine would: from a git checkout of this repository, and as a `repo: local` hook. Slow (npm
 * installs), so it runs once per test run.
 */
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const SCHEMA_FILES = '(\\.(ts|mts|cts|tsx|js|mjs|cjs|py)$|(^|/)(drizzle\\.config\\.[a-z]+|schema-lint\\.config\\.json|alembic\\.ini)$)';
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  NO_COLOR: '1',
};

let work: string;
let hookRepo: string;
let hookRev: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** A throwaway project with a clean Drizzle schema and a drizzle config. */
function makeProject(name: string, preCommitConfig: string): string {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'src', 'db'), { recursive: true });
  git(dir, 'init', '-q');
  writeFileSync(path.join(dir, 'drizzle.config.ts'), 'import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ schema: "./src/db/schema.ts", dialect: "postgresql" });\n');
  writeFileSync(
    path.join(dir, 'src', 'db', 'schema.ts'),
    'import { pgTable, serial, integer, index } from "drizzle-orm/pg-core";\nexport const patients = pgTable("patients", { id: serial("id").primaryKey() });\n',
  );
  writeFileSync(path.join(dir, '.pre-commit-config.yaml'), preCommitConfig);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'initial', '--no-verify');
  const install = spawnSync('pre-commit', ['install'], { cwd: dir, env: { ...env, PRE_COMMIT_HOME: path.join(work, 'cache') }, encoding: 'utf8' });
  expect(install.status, install.stderr).toBe(0);
  return dir;
}

/** Adds an FK without onDelete and tries to commit it through the installed hook. */
function commitUnsafeForeignKey(dir: string) {
  writeFileSync(
    path.join(dir, 'src', 'db', 'schema.ts'),
    [
      'import { pgTable, serial, integer, index } from "drizzle-orm/pg-core";',
      'export const patients = pgTable("patients", { id: serial("id").primaryKey() });',
      'export const visits = pgTable("visits", {',
      '  id: serial("id").primaryKey(),',
      '  patientId: integer("patient_id").references(() => patients.id),',
      '}, (t) => [index("visits_patient_id_idx").on(t.patientId)]);',
      '',
    ].join('\n'),
  );
  git(dir, 'add', '-A');
  return spawnSync('git', ['commit', '-m', 'add visits'], { cwd: dir, env: { ...env, PRE_COMMIT_HOME: path.join(work, 'cache') }, encoding: 'utf8', timeout: 600_000 });
}

describe.skipIf(!hasPreCommit)('pre-commit framework', () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'schema-lint-pre-commit-'));
    // The hook repository: this checkout's files (what a user's pre-commit would clone), committed.
    hookRepo = path.join(work, 'hook-repo');
    mkdirSync(hookRepo);
    for (const entry of readdirSync(repoRoot)) {
      if (['node_modules', 'dist', '.git', 'coverage'].includes(entry)) continue;
      cpSync(path.join(repoRoot, entry), path.join(hookRepo, entry), { recursive: true });
    }
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'schema-lint', '--no-verify');
    hookRev = git(hookRepo, 'rev-parse', 'HEAD').trim();
  }, 120_000);
  afterAll(() => work && rmSync(work, { recursive: true, force: true }));

  it('blocks a commit that adds an FK without onDelete (hook repository)', () => {
    const project = makeProject('from-repo', `repos:\n  - repo: ${hookRepo}\n    rev: ${hookRev}\n    hooks:\n      - id: schema-lint\n        language_version: system\n`);
    const result = commitUnsafeForeignKey(project);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('require-fk-on-delete');
    expect(output).toContain('src/db/schema.ts:5:');
    expect(git(project, 'log', '--oneline')).not.toContain('add visits');
  }, 600_000);

  it('works as a repo: local hook installed from a package tarball', () => {
    // NOTE: dist/ is already built by `npm test`; skipping prepare keeps other tests' dist stable.
    const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot, env, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const tarball = path.join(work, packed);
    const config = [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: schema-lint',
      '        name: schema-lint',
      '        entry: schema-lint --max-warnings=0',
      '        language: node',
      '        language_version: system',
      `        files: '${SCHEMA_FILES}'`,
      '        require_serial: true',
      `        additional_dependencies: ['${tarball}']`,
      '',
    ].join('\n');
    const project = makeProject('local-hook', config);
    const result = commitUnsafeForeignKey(project);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain('require-fk-on-delete');
  }, 900_000);
});
