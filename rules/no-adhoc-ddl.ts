import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';

/**
 * Disallow code outside the migrations that creates or alters the schema.
 *
 * ## Why it matters
 * `Base.metadata.create_all()`, `db.create_all()`, TypeORM `synchronize: true` or a
 * `CREATE TABLE` executed from a script change the database without a migration. No migration
 * records the change, so staging and production never get it (or get it by hand, differently);
 * `create_all()` never alters an existing table, so column changes silently never arrive; and the
 * next `alembic upgrade` or `drizzle-kit migrate` fails on a table that "already exists". An
 * ad-hoc creator also lets anyone with a connection string create tables in production.
 *
 * The rule skips migration folders (Alembic `versions/`, drizzle-kit's `out` folder,
 * `prisma/migrations`), test code (`tests/`, `conftest.py`, `*.test.ts`), and writes that run only
 * behind an explicit environment or approval check (`if os.environ.get("ALLOW_SCHEMA_WRITES") == "1":`,
 * `if (process.env.NODE_ENV !== 'production')`); `if __name__ == "__main__":` is not such a check.
 *
 * ## Examples
 * ```project invalid
 * --- app/models.py
 * from sqlalchemy import Column, Integer
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * class User(Base):
 *     __tablename__ = "users"
 *     id = Column(Integer, primary_key=True)
 * --- create_tables.py
 * from app.models import Base, engine
 * if __name__ == "__main__":
 *     Base.metadata.create_all(bind=engine)
 * ```
 * ```project valid
 * --- app/models.py
 * from sqlalchemy import Column, Integer
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * class User(Base):
 *     __tablename__ = "users"
 *     id = Column(Integer, primary_key=True)
 * --- scripts/reset_dev_db.py
 * import os, sys
 * from app.models import Base, engine
 * if os.environ.get("ALLOW_SCHEMA_WRITES") != "1":
 *     sys.exit("set ALLOW_SCHEMA_WRITES=1 for a local database")
 * Base.metadata.create_all(bind=engine)
 * ```
 *
 * ## Options
 * - `allowGuarded` (default `true`): accept writes behind an explicit environment or approval check.
 *   Set it to `false` to report every ad-hoc write.
 * - `checkTests` (default `false`): also report test code.
 *
 * ## How to fix
 * Make the change a migration: `alembic revision --autogenerate -m "add doctors"` then
 * `alembic upgrade head`, or `drizzle-kit generate` then `drizzle-kit migrate`; then delete the
 * script. If a local bootstrap must stay, gate it: `if os.environ.get("ALLOW_SCHEMA_WRITES") != "1": sys.exit(...)`.
 * In tests, create the tables in a fixture under `tests/`.
 *
 * ## References
 * - SQLAlchemy documentation, `MetaData.create_all()` ("will not alter existing tables")
 * - Alembic tutorial, "Auto Generating Migrations"
 */
export default defineRule({
  id: 'no-adhoc-ddl',
  meta: {
    description: 'Disallow schema changes made by code outside the migrations',
    category: 'migrations',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    tags: ['maintainability'],
    messages: {
      createAll: (d: { code: string; path: string }) => `${d.code} in ${d.path} creates tables outside the migrations, so no migration records them and no other environment gets them.`,
      dropAll: (d: { code: string; path: string }) => `${d.code} in ${d.path} drops tables outside the migrations, with no migration to record or review it.`,
      ddlStatement: (d: { code: string; path: string }) => `${d.path} executes \`${d.code}\` outside the migrations, so the change is in no migration history and no other environment gets it.`,
    },
    help: 'Make the change a migration (`alembic revision --autogenerate` + `alembic upgrade head`, or `drizzle-kit generate` + `drizzle-kit migrate`) and delete the script; a local bootstrap that must stay belongs behind an explicit check such as `if os.environ.get("ALLOW_SCHEMA_WRITES") != "1": sys.exit()`.',
  },
  options: z.object({ allowGuarded: z.boolean().default(true), checkTests: z.boolean().default(false) }).strict(),

  check(context, options) {
    return {
      project(facts) {
        for (const write of facts.schemaWrites) {
          if (write.inMigration || (write.inTest && !options.checkTests) || (write.guarded && options.allowGuarded)) continue;
          const messageId = write.operation === 'create_all' ? 'createAll' : write.operation === 'drop_all' ? 'dropAll' : write.operation === 'ddl-statement' ? 'ddlStatement' : undefined;
          if (!messageId) continue;
          context.report({
            node: write,
            messageId,
            data: { code: write.code, path: write.path },
            secrets: facts.credentials.filter((c) => c.span.file === write.span.file).map((c) => c.secret),
          });
        }
      },
    };
  },
});
