import type { AnyRule } from '../src/engine/define-rule.js';
import noAdhocDdl from './no-adhoc-ddl.js';
import noConflictingPrimaryKeys from './no-conflicting-primary-keys.js';
import noFkTypeMismatch from './no-fk-type-mismatch.js';
import noHardcodedDbCredentials from './no-hardcoded-db-credentials.js';
import noPhiCascadeDelete from './no-phi-cascade-delete.js';
import noSchemaDrift from './no-schema-drift.js';
import noUnresolvedFk from './no-unresolved-fk.js';
import noUnguardedSchemaWrite from './no-unguarded-schema-write.js';
import noUntypedJson from './no-untyped-json.js';
import preferJsonb from './prefer-jsonb.js';
import requireAlembicCompareType from './require-alembic-compare-type.js';
import requireAlembicTargetMetadata from './require-alembic-target-metadata.js';
import requireDatabaseUrlCheck from './require-database-url-check.js';
import requireFkIndex from './require-fk-index.js';
import requireFkOnDelete from './require-fk-on-delete.js';
import requireFkOnUpdate from './require-fk-on-update.js';
import requirePhiClassification from './require-phi-classification.js';
import requirePhiCompleteness from './require-phi-completeness.js';
import requirePhiConsent from './require-phi-consent.js';
import requirePhiEncryption from './require-phi-encryption.js';
import requirePhiRetention from './require-phi-retention.js';
import requirePrimaryKey from './require-primary-key.js';
import requireSingleMigrationPath from './require-single-migration-path.js';

/** Every rule, alphabetical by id. tests/inventory.test.ts keeps this list, the files, tests and docs in step. */
export const rules = [
  noAdhocDdl,
  noConflictingPrimaryKeys,
  noFkTypeMismatch,
  noHardcodedDbCredentials,
  noPhiCascadeDelete,
  noSchemaDrift,
  noUnguardedSchemaWrite,
  noUnresolvedFk,
  noUntypedJson,
  preferJsonb,
  requireAlembicCompareType,
  requireAlembicTargetMetadata,
  requireDatabaseUrlCheck,
  requireFkIndex,
  requireFkOnDelete,
  requireFkOnUpdate,
  requirePhiClassification,
  requirePhiCompleteness,
  requirePhiConsent,
  requirePhiEncryption,
  requirePhiRetention,
  requirePrimaryKey,
  requireSingleMigrationPath,
] as const satisfies readonly AnyRule[];

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.id, rule]));
