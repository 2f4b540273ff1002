import rule from '../../rules/require-database-url-check.js';
import { ALEMBIC_REPO, DRIZZLE_CONFIG, DRIZZLE_SCHEMA, ENV_PY } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const drizzle = (config: string) => ({ 'drizzle.config.ts': config, 'shared/schema.ts': DRIZZLE_SCHEMA });
const config = (url: string, before = '') => `import { defineConfig } from "drizzle-kit";\n${before}\nexport default defineConfig({\n  schema: "./shared/schema.ts",\n  dialect: "postgresql",\n  dbCredentials: {\n    url: ${url},\n  },\n});\n`;
const alembic = (line: string, after = '') => ({ ...ALEMBIC_REPO, 'alembic/env.py': ENV_PY.replace('config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])', `${line}${after}`) });

testProjectRule(rule, {
  valid: [
    { name: 'the audited drizzle config: if (!process.env.DATABASE_URL) throw', files: drizzle(DRIZZLE_CONFIG) },
    { name: 'a const checked before the config', files: drizzle(config('databaseUrl', 'const databaseUrl = process.env.DATABASE_URL;\nif (!databaseUrl) {\n  console.error("DATABASE_URL is not set");\n  process.exit(1);\n}\n')) },
    { name: 'an expression that throws', files: drizzle(config('process.env.DATABASE_URL ?? (() => { throw new Error("DATABASE_URL must be set"); })()')) },
    { name: 'a validated env module (t3 env)', files: drizzle(`import { defineConfig } from "drizzle-kit";\nimport { env } from "./src/env";\nexport default defineConfig({ schema: "./shared/schema.ts", dialect: "postgresql", dbCredentials: { url: env.DATABASE_URL } });\n`) },
    { name: 'assert(process.env.DATABASE_URL)', files: drizzle(config('process.env.DATABASE_URL', 'import assert from "node:assert";\nassert(process.env.DATABASE_URL, "DATABASE_URL must be set");\n')) },
    { name: 'env.py: os.environ["DATABASE_URL"] raises a KeyError naming it', files: ALEMBIC_REPO },
    { name: 'env.py: os.getenv() followed by a check that raises', files: alembic('database_url = os.getenv("DATABASE_URL")\nif not database_url:\n    raise RuntimeError("DATABASE_URL must be set")\nconfig.set_main_option("sqlalchemy.url", database_url)') },
    { name: 'env.py: the URL from the application settings', files: alembic('from app.settings import settings\nconfig.set_main_option("sqlalchemy.url", settings.database_url)') },
    { name: 'allowFallback', files: alembic('config.set_main_option("sqlalchemy.url", os.getenv("DATABASE_URL", "postgresql://localhost/dev"))'), options: { allowFallback: true } },
  ],
  invalid: [
    {
      name: 'a non-null assertion is not a check',
      files: drizzle(config('process.env.DATABASE_URL!')),
      errors: [{ messageId: 'noCheck', file: 'drizzle.config.ts', line: 7, message: 'drizzle.config.ts reads DATABASE_URL with a non-null assertion (`!`), so when the variable is missing drizzle-kit fails with an error about its own options instead of naming it.' }],
    },
    { name: 'as string', files: drizzle(config('process.env.DATABASE_URL as string')), errors: [{ messageId: 'noCheck', file: 'drizzle.config.ts', line: 7 }] },
    {
      name: 'a fallback silently points elsewhere',
      files: drizzle(config('process.env.DATABASE_URL ?? "postgresql://localhost:5432/dev"')),
      errors: [{ messageId: 'noCheck', file: 'drizzle.config.ts', line: 7, message: 'drizzle.config.ts reads DATABASE_URL with a fallback value, so when the variable is missing drizzle-kit silently uses the fallback instead.' }],
    },
    {
      name: 'env.py: os.getenv() with no check',
      files: alembic('config.set_main_option("sqlalchemy.url", os.getenv("DATABASE_URL"))'),
      errors: [{ messageId: 'noCheck', file: 'alembic/env.py', line: 9, message: 'alembic/env.py reads DATABASE_URL with `os.getenv()` and no check, so when the variable is missing Alembic fails with an error that does not name it.' }],
    },
    {
      name: 'env.py: os.environ.get() with a default',
      files: alembic('config.set_main_option("sqlalchemy.url", os.environ.get("DATABASE_URL", "postgresql://localhost/dev"))'),
      errors: [{ messageId: 'noCheck', file: 'alembic/env.py', line: 9 }],
    },
  ],
});
