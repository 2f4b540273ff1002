import rule from '../../rules/require-single-migration-path.js';
import { ALEMBIC_REPO, DRIZZLE_REPO, ENV_PY } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const CREATE_TABLES = `from app.models import Base
from app.database import engine

if __name__ == "__main__":
    Base.metadata.create_all(bind=engine)
`;

testProjectRule(rule, {
  valid: [
    { name: 'drizzle-kit only', files: DRIZZLE_REPO },
    { name: 'Alembic only', files: ALEMBIC_REPO },
    {
      name: 'a guarded local reset script is not a second path',
      files: {
        ...DRIZZLE_REPO,
        'scripts/reset_dev_db.py': 'import os, sys\nfrom app.db import Base, engine\nif os.environ.get("ALLOW_SCHEMA_WRITES") != "1":\n    sys.exit("no")\nBase.metadata.create_all(bind=engine)\n',
      },
    },
    { name: 'create_all in test fixtures', files: { ...DRIZZLE_REPO, 'tests/conftest.py': 'from app.db import Base, engine\nBase.metadata.create_all(bind=engine)\n' } },
    {
      name: "a migration runner script is drizzle-kit's own path",
      files: { ...DRIZZLE_REPO, 'scripts/migrate.ts': 'import { migrate } from "drizzle-orm/node-postgres/migrator";\nawait migrate(db, { migrationsFolder: "./migrations" });\n' },
    },
    {
      name: 'ignoreTools: raw SQL that prepares a local container',
      files: { ...DRIZZLE_REPO, 'docker/docker-entrypoint-initdb.d/01-init.sql': 'CREATE TABLE audit_log (id bigserial primary key);\n' },
      options: { ignoreTools: ['raw-sql'] },
    },
    { name: 'SQL files in the drizzle-kit migrations folder', files: { ...DRIZZLE_REPO, 'migrations/0000_init.sql': 'CREATE TABLE "users" ("id" serial PRIMARY KEY);\n' } },
  ],
  invalid: [
    {
      name: 'drizzle-kit and Alembic',
      files: { ...DRIZZLE_REPO, ...ALEMBIC_REPO },
      errors: [{ messageId: 'multiplePaths', file: 'drizzle.config.ts', line: 7, message: 'The schema is changed through 2 separate mechanisms (drizzle-kit in drizzle.config.ts and Alembic in alembic.ini), each with its own history, so databases built by different paths drift apart.' }],
    },
    {
      name: 'drizzle-kit, Alembic and an ad-hoc create_all script (the audited repository)',
      files: { ...DRIZZLE_REPO, ...ALEMBIC_REPO, 'create_tables.py': CREATE_TABLES },
      errors: [
        {
          messageId: 'multiplePaths',
          file: 'drizzle.config.ts',
          line: 7,
          message: 'The schema is changed through 3 separate mechanisms (drizzle-kit in drizzle.config.ts, Alembic in alembic.ini and an ad-hoc script in create_tables.py), each with its own history, so databases built by different paths drift apart.',
        },
      ],
    },
    {
      name: 'Alembic without alembic.ini, and an ad-hoc DDL script in TypeScript',
      files: {
        'alembic/env.py': ENV_PY,
        'app/models/__init__.py': 'from .base import Base\n',
        'app/models/base.py': 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n',
        'scripts/setup-db.ts': 'import { Client } from "pg";\nconst client = new Client();\nawait client.query("CREATE TABLE IF NOT EXISTS audit_log (id bigserial primary key)");\n',
      },
      errors: [{ messageId: 'multiplePaths', file: 'alembic/env.py', line: 3 }],
    },
    {
      name: 'Alembic and Prisma',
      files: { ...ALEMBIC_REPO, 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n' },
      errors: [{ messageId: 'multiplePaths', file: 'alembic.ini', line: 2 }],
    },
    {
      name: 'Alembic and a bootstrap schema.sql',
      files: { ...ALEMBIC_REPO, 'db/schema.sql': '-- generated\nCREATE TABLE users (id serial primary key);\n' },
      errors: [{ messageId: 'multiplePaths', file: 'alembic.ini', line: 2 }],
    },
  ],
});
