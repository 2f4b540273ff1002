import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSqlAlchemySchema } from '../../../src/loaders/sqlalchemy/load-sqlalchemy-schema.js';
import { snapshotOf } from '../../helpers/sqlalchemy-snapshot.js';

/**
 * Model snapshots of every fixture, next to the fixture as `<name>.expected.json`. For the
 * SQLAlchemy 2 and broken fixtures (which Debian's SQLAlchemy 1.4 cannot import) these are the
 * reviewed expectations; for the others they pin spans, defaults, info and custom types, which
 * the reality test does not compare.
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/sqlalchemy');

const CASES: readonly { readonly name: string; readonly files: readonly string[]; readonly snapshot: string }[] = [
  { name: 'SQLAlchemy 2 Mapped models', files: ['typed/vitals_models.py'], snapshot: 'typed/vitals_models.expected.json' },
  { name: 'declarative package', files: ['clinic-project/clinic/models/__init__.py'], snapshot: 'clinic-project/clinic.expected.json' },
  { name: 'Flask-SQLAlchemy', files: ['flask-app/careapp/models.py'], snapshot: 'flask-app/careapp.expected.json' },
  { name: 'imperative Table()', files: ['imperative/lab_tables.py'], snapshot: 'imperative/lab_tables.expected.json' },
  { name: 'SQLModel', files: ['sqlmodel-app/hospital_models.py'], snapshot: 'sqlmodel-app/hospital_models.expected.json' },
  { name: 'encrypted columns', files: ['encrypted/secure_models.py'], snapshot: 'encrypted/secure_models.expected.json' },
  { name: 'syntax error', files: ['broken/syntax_error.py'], snapshot: 'broken/syntax_error.expected.json' },
  { name: 'unsupported constructs', files: ['broken/unsupported.py'], snapshot: 'broken/unsupported.expected.json' },
];

describe('SQLAlchemy fixtures → model snapshots', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = loadSqlAlchemySchema(c.files.map((f) => path.join(FIXTURES, f)));
      await expect(`${JSON.stringify(snapshotOf(result, FIXTURES), null, 2)}\n`).toMatchFileSnapshot(path.join(FIXTURES, c.snapshot));
    });
  }
});
