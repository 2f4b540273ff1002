import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintSync } from '../../src/lint/lint.js';
import { ALEMBIC_REPO, DRIZZLE_REPO } from '../helpers/project-files.js';

let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'schema-lint-inputs-')));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const SQLALCHEMY_FILE = 'from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\nclass Thing(Base):\n    __tablename__ = "things"\n    id = Column(Integer, primary_key=True)\n';

describe('input discovery without paths or include', () => {
  it('loads the drizzle config schema and the SQLAlchemy models, but not venvs, migrations or tests', () => {
    const cwd = repo({
      ...DRIZZLE_REPO,
      ...ALEMBIC_REPO,
      'alembic/versions/0001_initial.py': 'import sqlalchemy as sa\nfrom alembic import op\n\ndef upgrade():\n    op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))\n',
      'venv/lib/python3.12/site-packages/pkg/models.py': SQLALCHEMY_FILE,
      '.venv/lib/models.py': SQLALCHEMY_FILE,
      'tests/test_models.py': SQLALCHEMY_FILE,
      'scripts/util.py': 'print("not a model")\n',
    });
    const result = lintSync({ cwd });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.run.inputFiles.map((f) => path.relative(cwd, f).split(path.sep).join('/'))).toEqual(['app/models/base.py', 'app/models/user.py', 'shared/schema.ts']);
    expect(result.run.model.tables.map((t) => `${t.source} ${t.name}`).sort()).toEqual(['drizzle users', 'sqlalchemy users']);
  });

  it('lints a Python-only repository with no drizzle config', () => {
    const cwd = repo(ALEMBIC_REPO);
    const result = lintSync({ cwd });
    expect(result.ok && result.run.model.tables.map((t) => t.name)).toEqual(['users']);
  });

  it('config `include` still decides alone', () => {
    const cwd = repo({ ...DRIZZLE_REPO, ...ALEMBIC_REPO, 'schema-lint.config.json': '{ "include": ["shared/*.ts"] }' });
    const result = lintSync({ cwd });
    expect(result.ok && result.run.model.tables.map((t) => t.source)).toEqual(['drizzle']);
  });
});

describe('paths given (pre-commit)', () => {
  const files = { ...DRIZZLE_REPO, 'create_tables.py': 'from app.db import Base, engine\nBase.metadata.create_all(bind=engine)\n', 'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n' };

  it('reports a staged ad-hoc script that is not schema code', () => {
    const cwd = repo(files);
    const result = lintSync({ cwd, paths: ['create_tables.py'] });
    expect(result.ok && result.run.diagnostics.map((d) => `${path.basename(d.span.file)} ${d.ruleId}`)).toEqual(['create_tables.py no-adhoc-ddl']);
  });

  it('a folder given on the command line is scanned whole, and its findings are reported', () => {
    const cwd = repo({ ...files, ...ALEMBIC_REPO, 'package.json': '{ "scripts": { "db:push": "drizzle-kit push" } }\n' });
    const result = lintSync({ cwd, paths: ['.'] });
    const ids = result.ok ? [...new Set(result.run.diagnostics.map((d) => d.ruleId))].filter((id) => id !== 'require-phi-classification').sort() : [];
    expect(ids).toEqual(['no-adhoc-ddl', 'no-unguarded-schema-write', 'require-single-migration-path']);
  });

  it('a staged file that neither is schema code nor writes the schema gives an empty run', () => {
    const cwd = repo(files);
    const result = lintSync({ cwd, paths: ['src/util.ts'] });
    expect(result.ok && result.run.diagnostics).toEqual([]);
  });

  it('a staged alembic.ini or package.json lints the whole repository', () => {
    const cwd = repo({ ...files, ...ALEMBIC_REPO, 'package.json': '{ "scripts": { "db:push": "drizzle-kit push" } }\n' });
    for (const staged of ['alembic.ini', 'package.json']) {
      const result = lintSync({ cwd, paths: [staged] });
      const ids = result.ok ? [...new Set(result.run.diagnostics.map((d) => d.ruleId))].filter((id) => id !== 'require-phi-classification').sort() : [];
      expect(ids, staged).toEqual(['no-adhoc-ddl', 'no-unguarded-schema-write', 'require-single-migration-path']);
    }
  });
});
