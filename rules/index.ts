import type { AnyRule } from '../src/engine/define-rule.js';
import noConflictingPrimaryKeys from './no-conflicting-primary-keys.js';
import noFkTypeMismatch from './no-fk-type-mismatch.js';
import noUnresolvedFk from './no-unresolved-fk.js';
import noUntypedJson from './no-untyped-json.js';
import preferJsonb from './prefer-jsonb.js';
import requireFkIndex from './require-fk-index.js';
import requireFkOnDelete from './require-fk-on-delete.js';
import requireFkOnUpdate from './require-fk-on-update.js';
import requirePrimaryKey from './require-primary-key.js';

/** Every rule, alphabetical by id. tests/inventory.test.ts keeps this list, the files, tests and docs in step. */
export const rules = [
  noConflictingPrimaryKeys,
  noFkTypeMismatch,
  noUnresolvedFk,
  noUntypedJson,
  preferJsonb,
  requireFkIndex,
  requireFkOnDelete,
  requireFkOnUpdate,
  requirePrimaryKey,
] as const satisfies readonly AnyRule[];

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.id, rule]));
