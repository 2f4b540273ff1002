import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';

/**
 * Require Alembic's env.py to set `target_metadata` and to import every module that defines models.
 *
 * ## Why it matters
 * `alembic revision --autogenerate` compares the database with `target_metadata`, and a model class
 * is only in the metadata once its module has been imported. With `target_metadata = None` (what
 * `alembic init` writes) autogenerate has nothing to compare and produces empty migrations. When
 * env.py imports `Base` but not a module that defines models, those tables are missing from the
 * metadata: autogenerate never creates them, and once they exist in the database it generates
 * `op.drop_table()` for them. Imports count directly, through packages whose `__init__.py` imports
 * the module, and through modules env.py imports; a package that imports its modules dynamically
 * (importlib, pkgutil) counts as importing all of them.
 *
 * ## Examples
 * ```project invalid
 * --- alembic.ini
 * [alembic]
 * script_location = alembic
 * --- alembic/env.py
 * from alembic import context
 * target_metadata = None
 * context.configure(target_metadata=target_metadata, compare_type=True, compare_server_default=True)
 * --- app/models.py
 * from sqlalchemy import Column, Integer
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * class User(Base):
 *     __tablename__ = "users"
 *     id = Column(Integer, primary_key=True)
 * ```
 * ```project valid
 * --- alembic.ini
 * [alembic]
 * script_location = alembic
 * --- alembic/env.py
 * from alembic import context
 * from app.models import Base
 * target_metadata = Base.metadata
 * context.configure(target_metadata=target_metadata, compare_type=True, compare_server_default=True)
 * --- app/__init__.py
 * --- app/models.py
 * from sqlalchemy import Column, Integer
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * class User(Base):
 *     __tablename__ = "users"
 *     id = Column(Integer, primary_key=True)
 * ```
 *
 * ## Options
 * - `ignoreModules`: dotted names of model modules env.py need not import (models of another
 *   database, for instance).
 *
 * ## How to fix
 * Set `target_metadata = Base.metadata` and import every models module in env.py, or import them
 * all in the models package's `__init__.py` (`from .consultation import Consultation`) and import
 * the package in env.py.
 *
 * ## References
 * - Alembic documentation, "Auto Generating Migrations" (what autogenerate detects, target_metadata)
 */
export default defineRule({
  id: 'require-alembic-target-metadata',
  meta: {
    description: 'Require Alembic env.py to set target_metadata and import every models module',
    category: 'migrations',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    tags: ['maintainability'],
    messages: {
      missingTargetMetadata: (d: { path: string }) => `${d.path} sets no target_metadata, so \`alembic revision --autogenerate\` has nothing to compare and generates empty migrations.`,
      noneTargetMetadata: (d: { path: string }) => `${d.path} sets target_metadata = None, so \`alembic revision --autogenerate\` has nothing to compare and generates empty migrations.`,
      missingModelModule: (d: { path: string; module: string; tables: string }) => `${d.path} never imports ${d.module}, which defines ${d.tables}, so autogenerate does not see those tables and will generate drop_table() for them.`,
    },
    help: 'Import every models module in env.py (or in the models package `__init__.py` that env.py imports) and set `target_metadata = Base.metadata`.',
  },
  options: z.object({ ignoreModules: z.array(z.string()).default([]) }).strict(),

  check(context, options) {
    const ignored = new Set(options.ignoreModules);
    return {
      project(facts) {
        for (const env of facts.alembicEnvs) {
          const secrets = facts.credentials.filter((c) => c.span.file === env.span.file).map((c) => c.secret);
          if (!env.targetMetadata) {
            const none = env.targetMetadataNone;
            context.report({
              node: env,
              messageId: none ? 'noneTargetMetadata' : 'missingTargetMetadata',
              data: { path: env.path },
              span: none ?? env.configureCalls[0]?.span ?? env.span,
              key: 'target-metadata',
              secrets,
            });
            continue;
          }
          for (const missing of env.missingModelModules) {
            if (ignored.has(missing.module)) continue;
            const tables = missing.tables.length === 1 ? `table ${missing.tables[0]}` : `tables ${missing.tables.join(', ')}`;
            context.report({
              node: env,
              messageId: 'missingModelModule',
              data: { path: env.path, module: missing.module, tables },
              span: env.targetMetadata,
              key: `module:${missing.module}`,
              related: [{ span: missing.span, message: `${missing.module} defines ${tables} here.` }],
              properties: { module: missing.module, tables: missing.tables },
              help: `Import it in ${env.path} (\`import ${missing.module}  # noqa: F401\`) or in its package's __init__.py.`,
              secrets,
            });
          }
        }
      },
    };
  },
});
