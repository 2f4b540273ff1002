import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';

/**
 * Require Alembic's `context.configure()` to compare column types and server defaults.
 *
 * ## Why it matters
 * Autogenerate only notices what it is told to compare. Without `compare_server_default=True` a
 * changed `server_default` never reaches a migration, and before Alembic 1.12 the same was true of
 * column types (`String(100)` → `String(255)`, `Integer` → `BigInteger`) without `compare_type=True`.
 * The database then keeps the old type or default while the models say otherwise, until a write
 * fails. Passing both flags explicitly keeps the behaviour the same on every Alembic version. Every
 * `context.configure()` call is checked (env.py usually has one for offline and one for online mode);
 * a call that spreads `**kwargs` is trusted, since the flags may be in them.
 *
 * ## Examples
 * ```project invalid
 * --- alembic.ini
 * [alembic]
 * script_location = alembic
 * --- alembic/env.py
 * from alembic import context
 * from app.models import Base
 * target_metadata = Base.metadata
 * context.configure(connection=connection, target_metadata=target_metadata)
 * --- app/__init__.py
 * --- app/models.py
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * ```
 * ```project valid
 * --- alembic.ini
 * [alembic]
 * script_location = alembic
 * --- alembic/env.py
 * from alembic import context
 * from app.models import Base
 * target_metadata = Base.metadata
 * context.configure(connection=connection, target_metadata=target_metadata, compare_type=True, compare_server_default=True)
 * --- app/__init__.py
 * --- app/models.py
 * from sqlalchemy.orm import declarative_base
 * Base = declarative_base()
 * ```
 *
 * ## Options
 * - `compareType` (default `true`): require `compare_type`.
 * - `compareServerDefault` (default `true`): require `compare_server_default`.
 *
 * ## How to fix
 * Pass both to every call: `context.configure(connection=connection, target_metadata=target_metadata,
 * compare_type=True, compare_server_default=True)`. A callable works too, for custom comparisons.
 *
 * ## References
 * - Alembic documentation, `EnvironmentContext.configure()` (`compare_type`, `compare_server_default`)
 * - Alembic documentation, "Auto Generating Migrations" (what autogenerate detects)
 */
export default defineRule({
  id: 'require-alembic-compare-type',
  meta: {
    description: 'Require Alembic autogenerate to compare column types and server defaults',
    category: 'migrations',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'very-high',
    tags: ['maintainability'],
    messages: {
      missingComparisons: (d: { path: string; missing: string; consequence: string }) => `context.configure() in ${d.path} does not pass ${d.missing}, so autogenerate misses ${d.consequence}.`,
    },
    help: 'Pass `compare_type=True, compare_server_default=True` to every `context.configure()` call in env.py.',
  },
  options: z.object({ compareType: z.boolean().default(true), compareServerDefault: z.boolean().default(true) }).strict(),

  check(context, options) {
    return {
      project(facts) {
        for (const env of facts.alembicEnvs) {
          const secrets = facts.credentials.filter((c) => c.span.file === env.span.file).map((c) => c.secret);
          env.configureCalls.forEach((call, i) => {
            if (call.spreadsKeywords) return;
            const missing: string[] = [];
            const consequences: string[] = [];
            if (options.compareType && !call.compareType) {
              missing.push('compare_type=True');
              consequences.push('column type changes');
            }
            if (options.compareServerDefault && !call.compareServerDefault) {
              missing.push('compare_server_default=True');
              consequences.push('server default changes');
            }
            if (missing.length === 0) return;
            context.report({
              node: env,
              messageId: 'missingComparisons',
              data: { path: env.path, missing: missing.join(' or '), consequence: consequences.join(' and ') },
              span: call.span,
              key: `configure:${i}`,
              properties: { compareType: call.compareType, compareServerDefault: call.compareServerDefault },
              secrets,
            });
          });
        }
      },
    };
  },
});
