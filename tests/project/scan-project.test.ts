import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { loadSchema } from '../../src/loaders/load-schema.js';
import type { ProjectFacts } from '../../src/model/schema-model.js';
import { findDsnCredential, findUrlCredentials, isPlaceholderPassword } from '../../src/project/credentials.js';
import { scanProject, usesProjectFacts } from '../../src/project/index.js';
import { findDdl } from '../../src/project/sql-ddl.js';
import { ALEMBIC_REPO, DRIZZLE_REPO } from '../helpers/project-files.js';

let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes a repository and scans it; SQLAlchemy tables come from the .py files outside alembic/ and tests/. */
function scan(files: Record<string, string>, options: { only?: string[] } = {}): ProjectFacts & { problems: string[] } {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'schema-lint-scan-')));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const models = Object.keys(files).filter((f) => f.endsWith('.py') && !/^(alembic|tests)\//.test(f)).map((f) => path.join(dir, f));
  const model = models.length > 0 ? loadSchema(models).model : { tables: [], enums: [], files: [] };
  const result = scanProject(dir, { schemaFiles: models, model, ...(options.only ? { only: options.only.map((p) => path.join(dir, p)) } : {}) });
  return { ...result.facts, problems: result.problems.map((p) => p.message) };
}

const writes = (facts: ProjectFacts) => facts.schemaWrites.map((w) => ({ file: w.path, line: w.span.start.line, operation: w.operation, guarded: w.guarded, ...(w.guard ? { guard: w.guard } : {}) }));

describe('guards around schema writes', () => {
  it('if __name__ == "__main__" alone is not a guard; an environment check is', () => {
    const facts = scan({
      'a.py': 'from db import Base, engine\nif __name__ == "__main__":\n    Base.metadata.create_all(bind=engine)\n',
      'b.py': 'import os\nfrom db import Base, engine\nif __name__ == "__main__" and os.environ.get("ALLOW_SCHEMA_WRITES") == "1":\n    Base.metadata.create_all(bind=engine)\n',
      'c.py': 'import os\nfrom db import Base, engine\nif os.getenv("ENV") == "production":\n    raise SystemExit("not here")\nBase.metadata.create_all(bind=engine)\n',
      'd.py': 'import os\nfrom db import Base, engine\nALLOW = os.environ.get("ALLOW_SCHEMA_WRITES") == "1"\nif ALLOW:\n    Base.metadata.create_all(bind=engine)\n',
      'e.py': 'from db import Base, engine\nif input("Create every table? [y/N] ") == "y":\n    Base.metadata.create_all(bind=engine)\n',
      'f.py': 'import sys\nfrom db import Base, engine\nif "--create" in sys.argv:\n    Base.metadata.create_all(bind=engine)\n',
      'g.py': 'from db import Base, engine\nCREATE = True\nif CREATE:\n    Base.metadata.create_all(bind=engine)\n',
    });
    expect(writes(facts)).toEqual([
      { file: 'a.py', line: 3, operation: 'create_all', guarded: false },
      { file: 'b.py', line: 4, operation: 'create_all', guarded: true, guard: '__name__ == "__main__" and os.environ.get("ALLOW_SCHEMA_WRITES") == "1"' },
      { file: 'c.py', line: 5, operation: 'create_all', guarded: true, guard: 'os.getenv("ENV") == "production"' },
      { file: 'd.py', line: 5, operation: 'create_all', guarded: true, guard: 'ALLOW' },
      { file: 'e.py', line: 3, operation: 'create_all', guarded: true, guard: 'input("Create every table? [y/N] ") == "y"' },
      { file: 'f.py', line: 4, operation: 'create_all', guarded: true, guard: '"--create" in sys.argv' },
      // NOTE: a constant written in the file decides nothing at run time.
      { file: 'g.py', line: 4, operation: 'create_all', guarded: false },
    ]);
  });

  it('a function is guarded when every call of it in the file is', () => {
    const facts = scan({
      'guarded.py': 'import os\nfrom db import Base, engine\n\ndef init_db():\n    Base.metadata.create_all(bind=engine)\n\nif os.environ.get("INIT_DB"):\n    init_db()\n',
      'mixed.py': 'import os\nfrom db import Base, engine\n\ndef init_db():\n    Base.metadata.create_all(bind=engine)\n\nif os.environ.get("INIT_DB"):\n    init_db()\ninit_db()\n',
      'exported.py': 'from db import Base, engine\n\ndef init_db():\n    Base.metadata.create_all(bind=engine)\n',
    });
    expect(writes(facts).map((w) => `${w.file} ${w.guarded}`)).toEqual(['exported.py false', 'guarded.py true', 'mixed.py false']);
  });

  it('TypeScript: if, ternary, &&, an early exit, and guarded call sites', () => {
    const facts = scan({
      'src/a.ts': "if (process.env.NODE_ENV !== 'production') await db.execute(sql`CREATE TABLE a (id int)`);\n",
      'src/b.ts': "process.env.ALLOW_DDL === '1' && (await client.query('CREATE TABLE b (id int)'));\n",
      'src/c.ts': "if (process.env.NODE_ENV === 'production') throw new Error('no');\nawait client.query('ALTER TABLE c ADD COLUMN x int');\n",
      'src/d.ts': "async function setup() {\n  await client.query('CREATE TABLE d (id int)');\n}\nif (process.argv.includes('--setup')) await setup();\n",
      'src/e.ts': "await client.query('CREATE TABLE e (id int)');\n",
    });
    expect(writes(facts).map((w) => `${w.file} ${w.guarded}`)).toEqual(['src/a.ts true', 'src/b.ts true', 'src/c.ts true', 'src/d.ts true', 'src/e.ts false']);
  });

  it('SQL read from a schema file counts as DDL; a query file does not', () => {
    const facts = scan({
      'bootstrap.py': 'from sqlalchemy import text\nfrom db import engine\nwith engine.begin() as conn:\n    conn.execute(text(open("db/schema.sql").read()))\n    conn.execute(text(open("db/report.sql").read()))\n',
      'src/init.ts': 'import { readFileSync } from "node:fs";\nawait client.query(readFileSync(new URL("./init.sql", import.meta.url), "utf8"));\n',
    });
    expect(facts.schemaWrites.map((w) => `${w.path}:${w.span.start.line} ${w.code}`)).toEqual(['bootstrap.py:4 SQL from schema.sql', 'src/init.ts:2 SQL from init.sql']);
  });

  it('package.json: push, --strict, strict: true, a shell test, --force, and migrations in start scripts', () => {
    const facts = scan({
      'package.json': JSON.stringify({ scripts: { push: 'drizzle-kit push', strict: 'drizzle-kit push --strict', checked: '[ "$ALLOW" = 1 ] && drizzle-kit push', force: 'drizzle-kit push --force', start: 'prisma migrate deploy && node dist/index.js', 'db:migrate': 'drizzle-kit migrate' } }, null, 2),
    });
    expect(facts.schemaWrites.map((w) => `${w.script} ${w.operation} ${w.guarded}`)).toEqual([
      'push drizzle-kit-push false',
      'strict drizzle-kit-push true',
      'checked drizzle-kit-push true',
      'force drizzle-kit-push false',
      'start migrate-at-boot false',
    ]);
  });
});

describe('schema-change mechanisms', () => {
  it('finds drizzle-kit, Alembic, Prisma, ad-hoc scripts and bootstrap SQL, with their locations', () => {
    const facts = scan({
      ...DRIZZLE_REPO,
      ...ALEMBIC_REPO,
      'prisma/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
      'create_tables.py': 'from app.models import Base\nfrom app.database import engine\nBase.metadata.create_all(bind=engine)\n',
      'docker/docker-entrypoint-initdb.d/01.sql': '-- CREATE TABLE in a comment does not count\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\ncreate table audit (id int);\n',
      'db/queries.sql': 'CREATE TABLE not_bootstrap (id int);\n',
    });
    expect(facts.mechanisms.map((m) => `${m.tool} ${m.path}:${m.span.start.line} ${m.description}`)).toEqual([
      'alembic alembic.ini:2 Alembic (alembic.ini, alembic/env.py)',
      'adhoc-script create_tables.py:3 ad-hoc script (create_tables.py)',
      'raw-sql docker/docker-entrypoint-initdb.d/01.sql:3 raw SQL (docker/docker-entrypoint-initdb.d/01.sql)',
      'drizzle-kit drizzle.config.ts:7 drizzle-kit (drizzle.config.ts, out: migrations/)',
      'prisma prisma/schema.prisma:5 Prisma (prisma/schema.prisma)',
    ]);
  });

  it('reports an alembic.ini whose script_location has no env.py', () => {
    expect(scan({ 'alembic.ini': '[alembic]\nscript_location = migrations\n' }).problems).toEqual(['alembic.ini sets script_location = migrations, but there is no env.py in migrations.']);
  });

  it('with paths given, scans only those', () => {
    const facts = scan({ ...DRIZZLE_REPO, ...ALEMBIC_REPO, 'create_tables.py': 'from db import Base, engine\nBase.metadata.create_all(bind=engine)\n' }, { only: ['create_tables.py'] });
    expect(facts.mechanisms.map((m) => m.tool)).toEqual(['adhoc-script']);
  });
});

describe('Alembic env.py', () => {
  it('follows imports through packages and modules; reports the models module it never reaches', () => {
    const facts = scan({
      ...ALEMBIC_REPO,
      'app/models/__init__.py': 'from .base import Base\nfrom . import user\n',
      'app/models/user.py': 'from sqlalchemy import Column, Integer\nfrom .base import Base\nfrom .address import Address  # noqa: F401\n\nclass User(Base):\n    __tablename__ = "users"\n    id = Column(Integer, primary_key=True)\n',
      'app/models/address.py': 'from sqlalchemy import Column, Integer\nfrom .base import Base\n\nclass Address(Base):\n    __tablename__ = "addresses"\n    id = Column(Integer, primary_key=True)\n',
      'app/models/visit.py': 'from sqlalchemy import Column, Integer\nfrom .base import Base\n\nclass Visit(Base):\n    __tablename__ = "visits"\n    id = Column(Integer, primary_key=True)\n',
    });
    const env = facts.alembicEnvs[0]!;
    expect(env.importedModelModules).toEqual(['app.models.address', 'app.models.user']);
    expect(env.missingModelModules.map((m) => `${m.module} ${m.tables.join(',')} line ${m.span.start.line}`)).toEqual(['app.models.visit visits line 4']);
    expect(env.configureCalls.map((c) => [c.compareType, c.compareServerDefault])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(env.targetMetadata?.start.line).toBe(10);
  });
});

describe('database URL configuration', () => {
  it('records where the URL comes from and whether a missing variable fails clearly', () => {
    const facts = scan({
      'drizzle.config.ts': 'export default { schema: "./s.ts", dialect: "postgresql", dbCredentials: { url: process.env.DATABASE_URL! } };\n',
      ...ALEMBIC_REPO,
    });
    expect(facts.databaseConfigs.map((c) => `${c.path} ${c.urlSource} ${c.variable} ${c.failsWhenMissing} ${c.readAs ?? ''}`.trim())).toEqual([
      'alembic/env.py environment DATABASE_URL true',
      'drizzle.config.ts environment DATABASE_URL false a non-null assertion (`!`)',
    ]);
  });
});

describe('credentials', () => {
  it('masks the password and points at exactly its characters', () => {
    const text = '"postgresql+psycopg2://admin:p@ss:w0rd@db.example.com:5432/app?sslmode=require"';
    const [found] = findUrlCredentials(text);
    expect(found!.masked).toBe('postgresql+psycopg2://admin:***@db.example.com:5432/app?sslmode=require');
    expect(text.slice(found!.start, found!.end)).toBe('p@ss:w0rd');
  });

  it('decides placeholders: template syntax, masks, upper-case names and documentation words are not secrets', () => {
    for (const p of ['${DB_PASSWORD}', '$DB_PASSWORD', '%(DB_PASS)s', '{password}', '<password>', '[password]', '***', 'xxxx', 'PASSWORD', 'DB_PASS', 'changeme', 'your_password']) expect(isPlaceholderPassword(p), p).toBe(true);
    for (const p of ['postgres', 'password', 'hunter2', 's3cret', 'Wint3r-Harbor-42', 'admin123']) expect(isPlaceholderPassword(p), p).toBe(false);
    expect(findUrlCredentials('postgresql://USER:PASSWORD@localhost/dbname')).toEqual([]);
    expect(findUrlCredentials('postgresql://user:password@localhost/dbname')).toHaveLength(1);
    expect(findUrlCredentials('postgres://app:s3cret@host:port/db')).toEqual([]);
    expect(findUrlCredentials('driver://user:pass@localhost/dbname')).toEqual([]);
    expect(findUrlCredentials('https://user:token@github.com/org/repo')).toEqual([]);
    expect(findUrlCredentials('postgres://postgres:postgres@localhost:5432/test')[0]).toMatchObject({ localHost: true, masked: 'postgres://postgres:***@localhost:5432/test' });
    expect(findDsnCredential('host=db user=app password=s3cret dbname=x')).toMatchObject({ masked: 'host=db user=app password=*** dbname=x' });
  });

  it('marks test files and local hosts', () => {
    const facts = scan({ 'tests/conftest.py': 'URL = "postgresql://postgres:postgres@localhost/test"\n', 'app/db.py': 'URL = "postgresql://app:s3cret-pw@db.example.com/app"\n' });
    expect(facts.credentials.map((c) => `${c.path} ${c.inTest} ${c.localHost} ${c.masked}`)).toEqual(['app/db.py false false postgresql://app:***@db.example.com/app', 'tests/conftest.py true true postgresql://postgres:***@localhost/test']);
  });
});

describe('DDL in SQL text', () => {
  it('finds CREATE/ALTER/DROP TABLE and CREATE INDEX, skipping comments, strings, bodies and temporary tables', () => {
    expect(findDdl('-- CREATE TABLE x\nSELECT 1; create unique index if not exists users_email on users (email)')).toMatchObject({ summary: 'CREATE INDEX users_email' });
    expect(findDdl("SELECT 'CREATE TABLE x'; /* ALTER TABLE y */")).toBeUndefined();
    expect(findDdl('CREATE TEMP TABLE t AS SELECT 1')).toBeUndefined();
    expect(findDdl('DO $$ BEGIN CREATE TABLE inner (id int); END $$;')).toBeUndefined();
    expect(findDdl('ALTER TABLE IF EXISTS ONLY public.users ADD COLUMN x int')).toMatchObject({ summary: 'ALTER TABLE public.users' });
  });
});

describe('when the scan runs', () => {
  it('only when an enabled rule reads project facts', () => {
    const enabled = (ids: string[]) => rules.filter((r) => ids.includes(r.id)).map((rule) => ({ rule, severity: rule.meta.defaultSeverity, options: rule.options.parse({}) }));
    expect(usesProjectFacts(enabled(['require-fk-index', 'no-schema-drift']))).toBe(false);
    expect(usesProjectFacts(enabled(['require-fk-index', 'no-adhoc-ddl']))).toBe(true);
  });
});
