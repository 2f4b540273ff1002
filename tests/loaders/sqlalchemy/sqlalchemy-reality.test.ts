import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSqlAlchemySchema } from '../../../src/loaders/sqlalchemy/load-sqlalchemy-schema.js';
import { comparableModel, expectedFromTruth, missingPythonModules, sqlAlchemyTruth, SYSTEM_PYTHON } from '../../helpers/sqlalchemy-truth.js';

/**
 * Every `Column`-style fixture is imported by real SQLAlchemy (Debian's python3-sqlalchemy,
 * 1.4) and its MetaData must equal the model the loader reads from the same files.
 * Fixtures whose extra packages are missing are skipped with the reason; without SQLAlchemy
 * itself the whole suite is skipped. CI installs the packages with:
 *   apt-get update && apt-get install -y python3-sqlalchemy python3-flask-sqlalchemy python3-sqlalchemy-utils python3-sqlmodel python3-cryptography
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/sqlalchemy');

interface RealityFixture {
  readonly name: string;
  /** Folder put on sys.path. */
  readonly root: string;
  readonly modules: readonly string[];
  /** Files handed to the loader, relative to root. */
  readonly files: readonly string[];
  readonly requires: readonly string[];
  /** The fixture references tables that are not in it (SQLAlchemy cannot type those FK columns). */
  readonly unresolvedTypes?: boolean;
}

const REALITY_FIXTURES: readonly RealityFixture[] = [
  { name: 'declarative package (clinic)', root: 'clinic-project', modules: ['clinic.models'], files: ['clinic/models/__init__.py'], requires: ['sqlalchemy'] },
  { name: 'Flask-SQLAlchemy app', root: 'flask-app', modules: ['careapp.models'], files: ['careapp/models.py'], requires: ['sqlalchemy', 'flask_sqlalchemy'] },
  { name: 'imperative Table() with a naming convention', root: 'imperative', modules: ['lab_tables'], files: ['lab_tables.py'], requires: ['sqlalchemy'] },
  { name: 'SQLModel', root: 'sqlmodel-app', modules: ['hospital_models'], files: ['hospital_models.py'], requires: ['sqlalchemy', 'sqlmodel'] },
  { name: 'encrypted columns', root: '.', modules: ['encrypted.secure_models'], files: ['encrypted/secure_models.py'], requires: ['sqlalchemy', 'sqlalchemy_utils', 'cryptography'], unresolvedTypes: true },
];

const noSqlAlchemy = missingPythonModules(['sqlalchemy']);

describe.skipIf(noSqlAlchemy !== undefined)(`loaded model equals SQLAlchemy's MetaData (${SYSTEM_PYTHON})`, () => {
  for (const fixture of REALITY_FIXTURES) {
    const missing = missingPythonModules(fixture.requires);
    it.skipIf(missing !== undefined)(`${fixture.name}${missing ? ` — skipped: ${missing}` : ''}`, () => {
      const root = path.join(FIXTURES, fixture.root);
      const truth = sqlAlchemyTruth(root, fixture.modules);
      const loaded = loadSqlAlchemySchema(fixture.files.map((f) => path.join(root, f)));
      expect(loaded.filesWithSyntaxErrors.size).toBe(0);
      expect(comparableModel(loaded.tables, { unresolvedTypes: fixture.unresolvedTypes ?? false })).toEqual(expectedFromTruth(truth));
    });
  }
});

if (noSqlAlchemy !== undefined) {
  describe('loaded model equals SQLAlchemy\'s MetaData', () => {
    it.skip(`skipped: ${noSqlAlchemy}. Install it with: apt-get install -y python3-sqlalchemy`, () => {});
  });
}
