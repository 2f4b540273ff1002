import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import type { SchemaWriteOperation } from '../src/model/schema-model.js';

const OPERATIONS = ['create_all', 'drop_all', 'ddl-statement', 'drizzle-kit-push', 'prisma-db-push', 'migrate-at-boot', 'other'] as const satisfies readonly SchemaWriteOperation[];

/**
 * Disallow schema-writing entry points that run without an explicit environment or approval check.
 *
 * ## Why it matters
 * `drizzle-kit push` diffs the schema code against whatever database `DATABASE_URL` points at and
 * applies the difference at once: no migration file, no review, and without `--strict` no question
 * before each statement. A `db:push` script is one mistyped environment away from production.
 * Migrations applied from application start-up code (`migrate()` from drizzle-orm's migrator,
 * Alembic's `command.upgrade()`) run on every boot of every instance, concurrently, with the
 * application's credentials. Both should run only when someone or something decided they should:
 * an explicit environment check, a confirmation prompt, or a separate deploy step.
 *
 * A guard is an enclosing `if` (or an earlier `if ... : exit`) on an environment variable, a settings
 * flag, a command-line argument or a confirmation; `drizzle-kit push --strict` (or `strict: true` in
 * the drizzle config), which asks before every statement. `if __name__ == "__main__":` alone is not
 * a guard. By default the rule checks `drizzle-kit push`, `prisma db push` and migrations at boot;
 * ad-hoc `create_all()` and DDL scripts are reported by `no-adhoc-ddl`.
 *
 * ## Examples
 * ```project invalid
 * --- package.json
 * { "scripts": { "db:push": "drizzle-kit push" } }
 * --- drizzle.config.ts
 * export default defineConfig({ schema: './shared/schema.ts', dialect: 'postgresql' });
 * --- shared/schema.ts
 * import { pgTable, serial } from 'drizzle-orm/pg-core';
 * export const users = pgTable('users', { id: serial('id').primaryKey() });
 * ```
 * ```project valid
 * --- package.json
 * { "scripts": { "db:push": "drizzle-kit push --strict" } }
 * --- drizzle.config.ts
 * export default defineConfig({ schema: './shared/schema.ts', dialect: 'postgresql' });
 * --- shared/schema.ts
 * import { pgTable, serial } from 'drizzle-orm/pg-core';
 * export const users = pgTable('users', { id: serial('id').primaryKey() });
 * ```
 *
 * ## Options
 * - `operations`: the kinds of writes checked (default `["drizzle-kit-push", "prisma-db-push", "migrate-at-boot"]`);
 *   add `"create_all"`, `"drop_all"` and `"ddl-statement"` when `no-adhoc-ddl` is off.
 * - `checkTests` (default `false`): also report test code.
 *
 * ## How to fix
 * Use `drizzle-kit push --strict` for local prototyping (it asks before every statement) and
 * `drizzle-kit generate` + `drizzle-kit migrate` for shared databases. Run migrations as a deploy step
 * (`alembic upgrade head` in the release job), or gate the start-up call:
 * `if (process.env.RUN_MIGRATIONS === '1') await migrate(db, { migrationsFolder: './drizzle' })`.
 *
 * ## References
 * - drizzle-kit documentation, "drizzle-kit push" (`--strict`, `--force`)
 * - Alembic documentation, "Running Migrations" and the `alembic.command` API
 */
export default defineRule({
  id: 'no-unguarded-schema-write',
  meta: {
    description: 'Disallow schema writes that run without an explicit environment or approval check',
    category: 'migrations',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'medium',
    tags: ['change-management'],
    messages: {
      pushScript: (d: { script: string; path: string; command: string }) => `The script "${d.script}" in ${d.path} runs \`${d.command}\`, which applies schema changes directly to the configured database, with no migration file and no approval step.`,
      migrateAtBoot: (d: { code: string; path: string }) => `${d.code} in ${d.path} applies migrations every time the application starts, with no environment or approval check.`,
      migrateScript: (d: { script: string; path: string; command: string }) => `The start-up script "${d.script}" in ${d.path} runs \`${d.command}\` on every start, with no environment or approval check.`,
      unguardedWrite: (d: { code: string; path: string }) => `${d.code} in ${d.path} writes the schema with no environment or approval check.`,
    },
    help: 'Gate the write: `drizzle-kit push --strict` (asks before every statement) or `strict: true` in drizzle.config, run migrations as a separate deploy step, or wrap the call in an explicit check such as `if (process.env.RUN_MIGRATIONS === "1")`.',
  },
  options: z
    .object({
      operations: z.array(z.enum(OPERATIONS)).default(['drizzle-kit-push', 'prisma-db-push', 'migrate-at-boot']),
      checkTests: z.boolean().default(false),
    })
    .strict(),

  check(context, options) {
    const operations = new Set<SchemaWriteOperation>(options.operations);
    return {
      project(facts) {
        for (const write of facts.schemaWrites) {
          if (write.guarded || write.inMigration || (write.inTest && !options.checkTests) || !operations.has(write.operation)) continue;
          const secrets = facts.credentials.filter((c) => c.span.file === write.span.file).map((c) => c.secret);
          const help =
            write.operation === 'prisma-db-push'
              ? 'Use `prisma migrate dev` to create migrations and `prisma migrate deploy` in the release step; keep `prisma db push` for throw-away local databases, behind an explicit check.'
              : write.operation === 'migrate-at-boot' && write.script === undefined && /\.py$/.test(write.path)
                ? 'Run `alembic upgrade head` as a release step, or gate the call: `if os.environ.get("RUN_MIGRATIONS") == "1": command.upgrade(cfg, "head")`.'
                : undefined;
          const extra = { secrets, ...(help ? { help } : {}) };
          if (write.script !== undefined && write.operation !== 'migrate-at-boot') {
            context.report({ node: write, messageId: 'pushScript', data: { script: write.script, path: write.path, command: write.code }, ...extra });
          } else if (write.script !== undefined) {
            context.report({ node: write, messageId: 'migrateScript', data: { script: write.script, path: write.path, command: write.code }, ...extra });
          } else if (write.operation === 'migrate-at-boot') {
            context.report({ node: write, messageId: 'migrateAtBoot', data: { code: write.code, path: write.path }, ...extra });
          } else {
            context.report({ node: write, messageId: 'unguardedWrite', data: { code: write.code, path: write.path }, ...extra });
          }
        }
      },
    };
  },
});
