import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';

/**
 * Require migration tool configuration to fail clearly when DATABASE_URL is missing.
 *
 * ## Why it matters
 * drizzle.config.* and Alembic's env.py read the database URL from the environment. When the
 * variable is missing — a new machine, a CI job without the secret, a typo — a config that checks
 * it stops with a message naming the variable. One that does not either fails later with an error
 * about something else (`process.env.DATABASE_URL!` hands drizzle-kit `undefined`; `os.getenv()`
 * hands Alembic `None`), or, with a fallback default, silently migrates another database. The rule
 * accepts `if (!process.env.DATABASE_URL) throw new Error(...)` (or `process.exit`, `assert`,
 * `invariant`) before the config, an expression that throws (`?? (() => { throw ... })()`,
 * `requireEnv("DATABASE_URL")`), Python's `os.environ["DATABASE_URL"]` (its KeyError names the
 * variable), and `os.getenv()` followed by `if not url: raise ...`. A non-null assertion is not a
 * check. A URL read through a validated settings module (`env.DATABASE_URL`, pydantic settings) is
 * trusted.
 *
 * ## Examples
 * ```project invalid
 * --- drizzle.config.ts
 * export default defineConfig({
 *   schema: './shared/schema.ts',
 *   dialect: 'postgresql',
 *   dbCredentials: { url: process.env.DATABASE_URL! },
 * });
 * --- shared/schema.ts
 * import { pgTable, serial } from 'drizzle-orm/pg-core';
 * export const users = pgTable('users', { id: serial('id').primaryKey() });
 * ```
 * ```project valid
 * --- drizzle.config.ts
 * if (!process.env.DATABASE_URL) {
 *   throw new Error('DATABASE_URL must be set to run drizzle-kit');
 * }
 * export default defineConfig({
 *   schema: './shared/schema.ts',
 *   dialect: 'postgresql',
 *   dbCredentials: { url: process.env.DATABASE_URL },
 * });
 * --- shared/schema.ts
 * import { pgTable, serial } from 'drizzle-orm/pg-core';
 * export const users = pgTable('users', { id: serial('id').primaryKey() });
 * ```
 *
 * ## Options
 * - `allowFallback` (default `false`): accept a fallback default (`os.getenv("DATABASE_URL", "postgresql://localhost/dev")`).
 *
 * ## How to fix
 * In drizzle.config.ts: `if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must be set");`
 * before `defineConfig`. In env.py: `url = os.environ["DATABASE_URL"]`, or
 * `url = os.getenv("DATABASE_URL")` followed by `if not url: raise RuntimeError("DATABASE_URL must be set")`.
 *
 * ## References
 * - drizzle-kit documentation, "Configuration" (`dbCredentials`)
 * - Alembic cookbook, reading the database URL in env.py
 */
export default defineRule({
  id: 'require-database-url-check',
  meta: {
    description: 'Require migration configuration to fail clearly when the database URL is missing',
    category: 'migrations',
    defaultSeverity: 'warn',
    recommended: false,
    since: '0.1.0',
    precision: 'high',
    tags: ['reliability'],
    messages: {
      noCheck: (d: { path: string; variable: string; readAs: string; consequence: string }) => `${d.path} reads ${d.variable} with ${d.readAs}, so when the variable is missing ${d.consequence}.`,
    },
    help: 'Fail with a message naming the variable: `if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL must be set");` in drizzle.config, `os.environ["DATABASE_URL"]` (or a check that raises) in env.py.',
  },
  options: z.object({ allowFallback: z.boolean().default(false) }).strict(),

  check(context, options) {
    return {
      project(facts) {
        for (const config of facts.databaseConfigs) {
          if (config.urlSource !== 'environment' || config.failsWhenMissing) continue;
          const fallback = /fallback/.test(config.readAs ?? '');
          if (fallback && options.allowFallback) continue;
          const consequence = fallback
            ? `${config.tool === 'alembic' ? 'Alembic' : 'drizzle-kit'} silently uses the fallback instead`
            : config.tool === 'alembic'
              ? 'Alembic fails with an error that does not name it'
              : 'drizzle-kit fails with an error about its own options instead of naming it';
          context.report({
            node: config,
            messageId: 'noCheck',
            data: { path: config.path, variable: config.variable ?? 'the database URL', readAs: config.readAs ?? 'no check', consequence },
            ...(config.tool === 'alembic' ? { help: 'Read it with `os.environ["DATABASE_URL"]` (the KeyError names it), or check it: `if not url: raise RuntimeError("DATABASE_URL must be set")`.' } : {}),
            secrets: facts.credentials.filter((c) => c.span.file === config.span.file).map((c) => c.secret),
          });
        }
      },
    };
  },
});
