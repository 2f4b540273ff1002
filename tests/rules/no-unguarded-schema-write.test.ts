import rule from '../../rules/no-unguarded-schema-write.js';
import { DRIZZLE_CONFIG, DRIZZLE_REPO } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const pkg = (scripts: Record<string, string>) => `${JSON.stringify({ name: 'app', private: true, scripts }, null, 2)}\n`;

testProjectRule(rule, {
  valid: [
    { name: 'generate and migrate scripts', files: { ...DRIZZLE_REPO, 'package.json': pkg({ 'db:generate': 'drizzle-kit generate', 'db:migrate': 'drizzle-kit migrate' }) } },
    { name: 'drizzle-kit push --strict asks before every statement', files: { ...DRIZZLE_REPO, 'package.json': pkg({ 'db:push': 'drizzle-kit push --strict' }) } },
    { name: 'strict: true in the drizzle config', files: { ...DRIZZLE_REPO, 'drizzle.config.ts': DRIZZLE_CONFIG.replace('dialect: "postgresql",', 'dialect: "postgresql",\n  strict: true,'), 'package.json': pkg({ 'db:push': 'drizzle-kit push' }) } },
    { name: 'a shell check before the push', files: { ...DRIZZLE_REPO, 'package.json': pkg({ 'db:push': '[ "$ALLOW_DB_PUSH" = "1" ] && drizzle-kit push' }) } },
    {
      name: 'migrations at boot behind an environment flag',
      files: { ...DRIZZLE_REPO, 'server/index.ts': 'import express from "express";\nimport { migrate } from "drizzle-orm/node-postgres/migrator";\nif (process.env.RUN_MIGRATIONS === "1") {\n  await migrate(db, { migrationsFolder: "./migrations" });\n}\nexpress().listen(3000);\n' },
    },
    { name: 'a migration runner script', files: { ...DRIZZLE_REPO, 'src/db/migrate.ts': 'import { migrate } from "drizzle-orm/node-postgres/migrator";\nawait migrate(db, { migrationsFolder: "./migrations" });\n' } },
    { name: 'ad-hoc create_all is no-adhoc-ddl\'s by default', files: { ...DRIZZLE_REPO, 'create_tables.py': 'from app.db import Base, engine\nBase.metadata.create_all(bind=engine)\n' } },
  ],
  invalid: [
    {
      name: 'a db:push script (the Replit template)',
      files: { ...DRIZZLE_REPO, 'package.json': pkg({ dev: 'tsx server/index.ts', 'db:push': 'drizzle-kit push' }) },
      errors: [{ messageId: 'pushScript', file: 'package.json', line: 6, column: 5, message: 'The script "db:push" in package.json runs `drizzle-kit push`, which applies schema changes directly to the configured database, with no migration file and no approval step.' }],
    },
    {
      name: '--force is never guarded, and prisma db push',
      files: { ...DRIZZLE_REPO, 'drizzle.config.ts': DRIZZLE_CONFIG.replace('dialect: "postgresql",', 'dialect: "postgresql",\n  strict: true,'), 'package.json': pkg({ 'db:push': 'drizzle-kit push --force', 'prisma:push': 'prisma db push' }) },
      errors: [
        { messageId: 'pushScript', file: 'package.json', line: 5 },
        { messageId: 'pushScript', file: 'package.json', line: 6 },
      ],
    },
    {
      name: 'migrations in the start script',
      files: { ...DRIZZLE_REPO, 'package.json': pkg({ start: 'drizzle-kit migrate && node dist/index.js' }) },
      errors: [{ messageId: 'migrateScript', file: 'package.json', line: 5 }],
    },
    {
      name: 'migrate() in the server entry point, and Alembic upgrade in a FastAPI app',
      files: {
        ...DRIZZLE_REPO,
        'server/index.ts': 'import express from "express";\nimport { migrate } from "drizzle-orm/node-postgres/migrator";\nawait migrate(db, { migrationsFolder: "./migrations" });\nexpress().listen(3000);\n',
        'api/main.py': 'from alembic import command\nfrom alembic.config import Config\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.on_event("startup")\ndef upgrade_database():\n    command.upgrade(Config("alembic.ini"), "head")\n',
      },
      errors: [
        { messageId: 'migrateAtBoot', file: 'api/main.py', line: 10 },
        { messageId: 'migrateAtBoot', file: 'server/index.ts', line: 3, message: 'migrate() in server/index.ts applies migrations every time the application starts, with no environment or approval check.' },
      ],
    },
    {
      name: 'operations: create_all checks ad-hoc writes too',
      files: { ...DRIZZLE_REPO, 'create_tables.py': 'from app.db import Base, engine\nif __name__ == "__main__":\n    Base.metadata.create_all(bind=engine)\n' },
      options: { operations: ['create_all'] },
      errors: [{ messageId: 'unguardedWrite', file: 'create_tables.py', line: 3 }],
    },
  ],
});
