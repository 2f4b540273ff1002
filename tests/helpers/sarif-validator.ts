import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// NOTE: both are CommonJS modules whose `exports.default` is the class/plugin; under NodeNext
// the default import is `module.exports`, so take `.default` from it.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

/** The official OASIS SARIF 2.1.0 schema, kept beside the repository in ../shared (not a run-time dependency). */
export const SARIF_SCHEMA_PATH = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'sarif', 'sarif-schema-2.1.0.json');
export const hasSarifSchema = existsSync(SARIF_SCHEMA_PATH);

let validate: (((data: unknown) => boolean) & { errors?: unknown }) | undefined;

/** Validates with ajv-draft-04 + ajv-formats (the OASIS file is draft-04); returns the errors. */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!validate) {
    const ajv = new Ajv04({ allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
  }
  const check = validate;
  return check(log) ? [] : ((check.errors as unknown[] | null | undefined) ?? []);
}
