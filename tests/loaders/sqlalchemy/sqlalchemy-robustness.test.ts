import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSqlAlchemySchema } from '../../../src/loaders/sqlalchemy/load-sqlalchemy-schema.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/sqlalchemy');

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? pythonFiles(file) : file.endsWith('.py') ? [file] : [];
  });
}

describe('half-written files never crash the loader', () => {
  // NOTE: a pre-commit hook sees files mid-edit; every prefix of every fixture must load.
  it.each(pythonFiles(FIXTURES).map((f) => [path.relative(FIXTURES, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-prefix-'));
    const target = path.join(dir, path.basename(file));
    const step = Math.max(1, Math.floor(text.length / 60));
    for (let end = 0; end <= text.length; end += step) {
      writeFileSync(target, text.slice(0, end));
      const result = loadSqlAlchemySchema([target]);
      for (const problem of result.problems) expect(problem.span.start.line).toBeGreaterThan(0);
    }
  });
});
