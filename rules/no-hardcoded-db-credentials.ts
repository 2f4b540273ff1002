import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';

/**
 * Disallow database passwords written into code or configuration files.
 *
 * ## Why it matters
 * A connection URL with a password (`postgresql://app:s3cret@db.example.com/clinic`) in
 * alembic.ini, drizzle.config.ts or application code gives everyone who can read the repository —
 * every clone, fork, CI log and backup — direct access to the database, and with it to every
 * patient record. Removing the line later does not help: git keeps it. HIPAA's access controls and
 * GDPR Art. 32 both expect credentials to be kept out of reach. The rule finds URLs with a literal
 * password, libpq `password=` strings, and `password` options next to `host`/`user`
 * (`new Pool({ password: '...' })`, `URL.create(..., password="...")`). Placeholders are not
 * secrets: `${DB_PASSWORD}`, `%(DB_PASS)s`, `{password}`, `<password>`, `***`, upper-case names
 * (`PASSWORD`), `changeme`, and documentation templates (`app:secret@host:port`). The password is
 * masked in every output (`postgresql://app:***@db.example.com/clinic`).
 *
 * ## Examples
 * ```project invalid
 * --- app/database.py
 * from sqlalchemy import create_engine
 * engine = create_engine("postgresql://clinic_admin:d0c-Examp1e-pw@db.example.com/clinic")
 * ```
 * ```project valid
 * --- app/database.py
 * import os
 * from sqlalchemy import create_engine
 * engine = create_engine(os.environ["DATABASE_URL"])
 * ```
 *
 * ## Options
 * - `allowLocalTestCredentials` (default `true`): accept URLs to localhost (`127.0.0.1`, `::1`) in
 *   test code (`tests/`, `conftest.py`, `*.test.ts`): a throw-away test database, not a secret.
 *
 * ## How to fix
 * Read the URL from the environment: `url: process.env.DATABASE_URL` in drizzle.config.ts,
 * `os.environ["DATABASE_URL"]` in Python, and in alembic.ini leave `sqlalchemy.url` empty and set it in
 * env.py with `config.set_main_option("sqlalchemy.url", os.environ["DATABASE_URL"])`. Keep the value in
 * a secret manager or an untracked `.env` file. Then rotate the password: it is in the git history.
 *
 * ## References
 * - CWE-798: Use of Hard-coded Credentials
 * - 45 CFR 164.312(a)(1) (access control); GDPR Art. 32 (security of processing)
 */
export default defineRule({
  id: 'no-hardcoded-db-credentials',
  meta: {
    description: 'Disallow database passwords written into code or configuration',
    category: 'privacy',
    defaultSeverity: 'error',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    securitySeverity: '8.0',
    tags: ['CWE-798', 'HIPAA-164.312(a)(1)', 'GDPR-Art.32'],
    messages: {
      urlPassword: (d: { path: string; masked: string }) => `${d.path} contains the connection string ${d.masked} with its password written in plain text; anyone who can read the repository can connect to the database.`,
      passwordOption: (d: { path: string; masked: string }) => `${d.path} passes a literal database password (${d.masked}); anyone who can read the repository can connect to the database.`,
    },
    help: 'Read the connection URL from the environment (`process.env.DATABASE_URL`, `os.environ["DATABASE_URL"]`; in alembic.ini set `sqlalchemy.url` from env.py), keep the value in a secret manager or an untracked .env file, and rotate the exposed password.',
  },
  options: z.object({ allowLocalTestCredentials: z.boolean().default(true) }).strict(),

  check(context, options) {
    return {
      project(facts) {
        const occurrences = new Map<string, number>();
        for (const credential of facts.credentials) {
          if (options.allowLocalTestCredentials && credential.inTest && credential.localHost) continue;
          // NOTE: the same URL twice in one file needs two identities.
          const identity = `${credential.path}|${credential.masked}`;
          const n = (occurrences.get(identity) ?? 0) + 1;
          occurrences.set(identity, n);
          context.report({
            node: credential,
            messageId: credential.form === 'password-option' ? 'passwordOption' : 'urlPassword',
            data: { path: credential.path, masked: credential.masked },
            ...(n > 1 ? { key: String(n) } : {}),
            // NOTE: every secret of the file, so no code frame of this file shows one.
            secrets: facts.credentials.filter((c) => c.span.file === credential.span.file).map((c) => c.secret),
          });
        }
      },
    };
  },
});
