import rule from '../../rules/no-adhoc-ddl.js';
import { DRIZZLE_REPO } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

testProjectRule(rule, {
  valid: [
    { name: 'no schema writes', files: DRIZZLE_REPO },
    {
      name: 'behind an early exit on an environment variable',
      files: { ...DRIZZLE_REPO, 'scripts/reset_dev_db.py': 'import os\nimport sys\nfrom app.db import Base, engine\n\nif os.environ.get("ALLOW_SCHEMA_WRITES") != "1":\n    sys.exit("set ALLOW_SCHEMA_WRITES=1")\n\nBase.metadata.drop_all(bind=engine)\nBase.metadata.create_all(bind=engine)\n' },
    },
    {
      name: "inside if process.env.NODE_ENV !== 'production'",
      files: { ...DRIZZLE_REPO, 'src/dev-seed.ts': "import { sql } from 'drizzle-orm';\nexport async function seed(db: any) {\n  if (process.env.NODE_ENV !== 'production') {\n    await db.execute(sql`CREATE TABLE IF NOT EXISTS seed_marker (id int)`);\n  }\n}\n" },
    },
    {
      name: 'a function whose every call is guarded by a settings flag',
      files: {
        ...DRIZZLE_REPO,
        'app/bootstrap.py': 'from app.config import settings\nfrom app.db import Base, engine\n\n\ndef init_db():\n    Base.metadata.create_all(bind=engine)\n\n\nif settings.AUTO_CREATE_TABLES:\n    init_db()\n',
      },
    },
    {
      name: 'a click command with a confirmation prompt',
      files: { ...DRIZZLE_REPO, 'app/cli.py': 'import click\nfrom app.db import db\n\n\n@click.command()\n@click.confirmation_option(prompt="Create every table?")\ndef create_db():\n    db.create_all()\n' },
    },
    { name: 'test fixtures', files: { ...DRIZZLE_REPO, 'tests/conftest.py': 'from app.db import Base, engine\n\ndef setup_module():\n    Base.metadata.create_all(bind=engine)\n', 'src/users.test.ts': 'await client.query("CREATE TABLE t (id int)");\n' } },
    {
      name: 'DDL inside Alembic versions is the migration itself',
      files: { ...DRIZZLE_REPO, 'alembic/versions/0002_index.py': 'from alembic import op\n\ndef upgrade():\n    op.execute("CREATE INDEX users_email_idx ON users (email)")\n' },
    },
    { name: 'temporary tables are not schema changes', files: { ...DRIZZLE_REPO, 'app/report.py': 'from sqlalchemy import text\n\ndef report(conn):\n    conn.execute(text("CREATE TEMP TABLE report_rows AS SELECT * FROM users"))\n' } },
    { name: 'DDL in comments and unexecuted strings', files: { ...DRIZZLE_REPO, 'app/docs.py': '# CREATE TABLE users (id int)\nHELP = "run CREATE TABLE yourself"\nprint("ALTER TABLE is not run here")\n' } },
  ],
  invalid: [
    {
      name: 'create_all under if __name__ == "__main__" (not a guard)',
      files: { ...DRIZZLE_REPO, 'create_tables.py': 'from app.db import Base, engine\n\nif __name__ == "__main__":\n    Base.metadata.create_all(bind=engine)\n' },
      errors: [{ messageId: 'createAll', file: 'create_tables.py', line: 4, column: 5, message: 'Base.metadata.create_all() in create_tables.py creates tables outside the migrations, so no migration records them and no other environment gets them.' }],
    },
    {
      name: 'create_all at import time in a FastAPI app, and Flask-SQLAlchemy db.create_all()',
      files: {
        ...DRIZZLE_REPO,
        'app/main.py': 'from fastapi import FastAPI\nfrom app.db import Base, engine\n\nBase.metadata.create_all(bind=engine)\napp = FastAPI()\n',
        'web/factory.py': 'from flask import Flask\nfrom web.db import db\n\ndef create_app():\n    app = Flask(__name__)\n    with app.app_context():\n        db.create_all()\n    return app\n',
      },
      errors: [
        { messageId: 'createAll', file: 'app/main.py', line: 4 },
        { messageId: 'createAll', file: 'web/factory.py', line: 7 },
      ],
    },
    {
      name: 'DDL executed through text(), a variable, and drop_all',
      files: {
        ...DRIZZLE_REPO,
        'scripts/migrate_doctors.py': 'from sqlalchemy import text\nfrom app.db import Base, engine\n\nDDL = """\n    ALTER TABLE doctors ADD COLUMN license_number varchar(32)\n"""\n\nwith engine.begin() as conn:\n    conn.execute(text("CREATE TABLE consultations (id serial primary key)"))\n    conn.execute(text(DDL))\nBase.metadata.drop_all(bind=engine)\n',
      },
      errors: [
        { messageId: 'ddlStatement', file: 'scripts/migrate_doctors.py', line: 9, message: 'scripts/migrate_doctors.py executes `CREATE TABLE consultations` outside the migrations, so the change is in no migration history and no other environment gets it.' },
        { messageId: 'ddlStatement', file: 'scripts/migrate_doctors.py', line: 10 },
        { messageId: 'dropAll', file: 'scripts/migrate_doctors.py', line: 11 },
      ],
    },
    {
      name: 'TypeScript: client.query(), sql`...`, knex and TypeORM synchronize',
      files: {
        ...DRIZZLE_REPO,
        'scripts/setup.ts': 'import { sql } from "drizzle-orm";\nawait client.query("CREATE TABLE audit_log (id bigserial primary key)");\nawait db.execute(sql`ALTER TABLE users ADD COLUMN nickname text`);\nawait knex.schema.createTable("sessions", (t) => t.increments());\n',
        'src/data-source.ts': 'import { DataSource } from "typeorm";\nexport const source = new DataSource({ type: "postgres", synchronize: true });\n',
      },
      errors: [
        { messageId: 'ddlStatement', file: 'scripts/setup.ts', line: 2 },
        { messageId: 'ddlStatement', file: 'scripts/setup.ts', line: 3 },
        { messageId: 'ddlStatement', file: 'scripts/setup.ts', line: 4 },
        { messageId: 'createAll', file: 'src/data-source.ts', line: 2 },
      ],
    },
    {
      name: 'async SQLAlchemy: conn.run_sync(Base.metadata.create_all)',
      files: { ...DRIZZLE_REPO, 'app/startup.py': 'from app.db import Base, engine\n\n\nasync def init_models():\n    async with engine.begin() as conn:\n        await conn.run_sync(Base.metadata.create_all)\n' },
      errors: [{ messageId: 'createAll', file: 'app/startup.py', line: 6, message: 'Base.metadata.create_all() in app/startup.py creates tables outside the migrations, so no migration records them and no other environment gets them.' }],
    },
    {
      name: 'allowGuarded: false reports guarded writes too',
      files: { ...DRIZZLE_REPO, 'scripts/reset.py': 'import os\nfrom app.db import Base, engine\nif os.getenv("ALLOW_SCHEMA_WRITES") == "1":\n    Base.metadata.create_all(bind=engine)\n' },
      options: { allowGuarded: false },
      errors: [{ messageId: 'createAll', file: 'scripts/reset.py', line: 4 }],
    },
    {
      name: 'checkTests: true reports test fixtures',
      files: { ...DRIZZLE_REPO, 'tests/conftest.py': 'from app.db import Base, engine\nBase.metadata.create_all(bind=engine)\n' },
      options: { checkTests: true },
      errors: [{ messageId: 'createAll', file: 'tests/conftest.py', line: 2 }],
    },
  ],
});
