/** Building blocks for project-rule tests: a repository that does everything right, file by file. */

/** A drizzle config that fails clearly without DATABASE_URL (the audited one). */
export const DRIZZLE_CONFIG = `import { defineConfig } from "drizzle-kit";

if (!process.env.DATABASE_URL) {
  throw new Error("DATABASE_URL must be set to run drizzle-kit");
}

export default defineConfig({
  out: "./migrations",
  schema: "./shared/schema.ts",
  dialect: "postgresql",
  dbCredentials: {
    url: process.env.DATABASE_URL,
  },
});
`;

export const DRIZZLE_SCHEMA = `import { pgTable, serial, varchar } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 255 }).notNull(),
});
`;

export const ALEMBIC_INI = `[alembic]
script_location = alembic
prepend_sys_path = .
sqlalchemy.url =
`;

/** env.py that imports the models package, sets target_metadata and compares types and defaults. */
export const ENV_PY = `import os

from alembic import context
from sqlalchemy import engine_from_config, pool

from app.models import Base

config = context.config
config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])
target_metadata = Base.metadata


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata, compare_type=True, compare_server_default=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, compare_type=True, compare_server_default=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
`;

export const MODELS_BASE = `from sqlalchemy.orm import declarative_base

Base = declarative_base()
`;

export const MODELS_INIT = `from .base import Base
from .user import User
`;

export const MODELS_USER = `from sqlalchemy import Column, Integer, String

from .base import Base


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False)
`;

/** A Drizzle-only repository done right. */
export const DRIZZLE_REPO = {
  'drizzle.config.ts': DRIZZLE_CONFIG,
  'shared/schema.ts': DRIZZLE_SCHEMA,
} as const;

/** An Alembic repository done right: alembic.ini, env.py, models package. */
export const ALEMBIC_REPO = {
  'alembic.ini': ALEMBIC_INI,
  'alembic/env.py': ENV_PY,
  'alembic/script.py.mako': '',
  'app/__init__.py': '',
  'app/models/__init__.py': MODELS_INIT,
  'app/models/base.py': MODELS_BASE,
  'app/models/user.py': MODELS_USER,
} as const;
