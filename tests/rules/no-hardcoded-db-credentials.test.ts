import rule from '../../rules/no-hardcoded-db-credentials.js';
import { ALEMBIC_REPO, DRIZZLE_REPO } from '../helpers/project-files.js';
import { testProjectRule } from '../helpers/project-tester.js';

const py = (code: string) => ({ ...ALEMBIC_REPO, 'app/database.py': code });

testProjectRule(rule, {
  valid: [
    { name: 'URLs from the environment', files: { ...DRIZZLE_REPO, ...ALEMBIC_REPO, 'app/database.py': 'import os\nfrom sqlalchemy import create_engine\nengine = create_engine(os.environ["DATABASE_URL"])\n' } },
    {
      name: 'placeholders are not secrets',
      files: py(
        [
          'A = "postgresql://app:${DB_PASSWORD}@db.example.com/clinic"',
          'B = "postgresql://app:%(DB_PASS)s@db.example.com/clinic"',
          'C = "postgresql://app:<password>@db.example.com/clinic"',
          'D = "postgresql://app:changeme@db.example.com/clinic"',
          'E = "postgresql://app:PASSWORD@db.example.com/clinic"',
          'F = "postgresql://USER:PASSWORD@HOST:5432/DATABASE"',
          'G = "postgresql://app:s3cret@host:port/db"',
          'H = "driver://user:pass@localhost/dbname"',
          'I = f"postgresql://{user}:{password}@{host}/{name}"',
          'J = "postgresql://app:***@db.example.com/clinic"',
          'K = "postgresql://localhost/clinic"',
          '',
        ].join('\n'),
      ),
    },
    { name: 'the alembic.ini template URL', files: { ...ALEMBIC_REPO, 'alembic.ini': '[alembic]\nscript_location = alembic\nsqlalchemy.url = driver://user:pass@localhost/dbname\n' } },
    { name: 'a TypeScript template literal', files: { ...DRIZZLE_REPO, 'src/db.ts': 'export const url = `postgres://${process.env.PGUSER}:${process.env.PGPASSWORD}@db.example.com/app`;\n' } },
    { name: 'a localhost URL in test code', files: { ...ALEMBIC_REPO, 'tests/conftest.py': 'TEST_URL = "postgresql://postgres:postgres@localhost:5432/test"\n', 'src/api.test.ts': 'const url = "postgres://postgres:password@127.0.0.1:5432/test";\n' } },
    { name: 'a password option read from the environment', files: { ...DRIZZLE_REPO, 'src/pool.ts': 'import { Pool } from "pg";\nexport const pool = new Pool({ host: "db.example.com", user: "app", password: process.env.PGPASSWORD });\n' } },
  ],
  invalid: [
    {
      name: 'alembic.ini sqlalchemy.url with a password',
      files: { ...ALEMBIC_REPO, 'alembic.ini': '[alembic]\nscript_location = alembic\nsqlalchemy.url = postgresql+psycopg2://clinic_admin:Wint3r-Harbor-42@db.internal.example.com:5432/clinic\n' },
      errors: [
        {
          messageId: 'urlPassword',
          file: 'alembic.ini',
          line: 3,
          column: 53,
          message: 'alembic.ini contains the connection string postgresql+psycopg2://clinic_admin:***@db.internal.example.com:5432/clinic with its password written in plain text; anyone who can read the repository can connect to the database.',
        },
      ],
    },
    {
      name: 'drizzle.config.ts, a pg Pool option and a libpq DSN',
      files: {
        'drizzle.config.ts': 'import { defineConfig } from "drizzle-kit";\nexport default defineConfig({\n  schema: "./shared/schema.ts",\n  dialect: "postgresql",\n  dbCredentials: { url: "postgres://admin:hunter2-prod@db.example.com:5432/app" },\n});\n',
        'shared/schema.ts': DRIZZLE_REPO['shared/schema.ts'],
        'src/pool.ts': 'import { Pool } from "pg";\nexport const pool = new Pool({\n  host: "db.example.com",\n  user: "app",\n  password: "tr0ub4dor&3",\n  database: "health",\n});\nexport const dsn = "host=db.example.com user=app password=dsnSecret99 dbname=health";\n',
      },
      errors: [
        { messageId: 'urlPassword', file: 'drizzle.config.ts', line: 5 },
        { messageId: 'passwordOption', file: 'src/pool.ts', line: 5, message: 'src/pool.ts passes a literal database password (app:***@db.example.com/health); anyone who can read the repository can connect to the database.' },
        { messageId: 'urlPassword', file: 'src/pool.ts', line: 8 },
      ],
    },
    {
      name: 'Python: create_engine with a URL, URL.create(password=...), localhost fallbacks in application code',
      files: py(
        'import os\nfrom sqlalchemy import URL, create_engine\n\nengine = create_engine("postgresql://clinic:s3cr3t-pw@db.example.com/clinic")\nurl = URL.create("postgresql+psycopg2", username="clinic", password="An0ther-s3cret", host="db.example.com", database="clinic")\nDEV = os.getenv("DATABASE_URL", "postgresql://postgres:postgres@localhost:5432/clinic")\nSQLALCHEMY_DATABASE_URI = "postgresql://user:password@localhost/dbname"\n',
      ),
      errors: [
        { messageId: 'urlPassword', file: 'app/database.py', line: 4 },
        { messageId: 'passwordOption', file: 'app/database.py', line: 5, message: 'app/database.py passes a literal database password (postgresql+psycopg2://clinic:***@db.example.com/clinic); anyone who can read the repository can connect to the database.' },
        { messageId: 'urlPassword', file: 'app/database.py', line: 6 },
        { messageId: 'urlPassword', file: 'app/database.py', line: 7 },
      ],
    },
    {
      name: 'a Prisma datasource URL',
      files: { ...ALEMBIC_REPO, 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://prisma:pr1sma-s3cret@db.example.com:5432/app"\n}\n' },
      errors: [{ messageId: 'urlPassword', file: 'prisma/schema.prisma', line: 3 }],
    },
    {
      name: 'allowLocalTestCredentials: false',
      files: { ...ALEMBIC_REPO, 'tests/conftest.py': 'TEST_URL = "postgresql://postgres:postgres@localhost:5432/test"\n' },
      options: { allowLocalTestCredentials: false },
      errors: [{ messageId: 'urlPassword', file: 'tests/conftest.py', line: 1 }],
    },
  ],
});
