import { z } from 'zod';
import { defineRule } from '../src/engine/define-rule.js';
import { hasEncryptingType, nameClaimsEncryption } from '../src/model/governance.js';
import { qualifiedName } from '../src/model/model-queries.js';

const DEFAULT_WRAPPERS = [
  'encryptedText',
  'encryptedVarchar',
  'encryptedJson',
  'encryptedJsonb',
  'encryptedField',
  'encryptedType',
  'StringEncryptedType',
  'EncryptedType',
  'PGPString',
  'EncryptedString',
];

/**
 * Require declared PHI and special-category columns to be encrypted.
 *
 * ## Why it matters
 * Under HIPAA, ePHI encrypted to NIST guidance is not "unsecured PHI": a leaked backup or replica
 * of encrypted columns is not a reportable breach, provided the key is kept elsewhere. GDPR Art. 32
 * names encryption among the expected security measures. A column declared PHI that stores plain
 * text has neither protection. The rule accepts an encrypting column type — a Drizzle `customType`
 * whose `toDriver` encrypts and `fromDriver` decrypts, a SQLAlchemy TypeDecorator or sqlalchemy-utils
 * `StringEncryptedType`, or a configured wrapper name — or an explicit declaration of how the value
 * is protected. It also reports, on any column, a name that claims encryption without an
 * encrypting type (`encrypted_notes` stored as `jsonb`), and an encryption key written as a literal.
 *
 * ## Examples
 * ```ts invalid
 * export const patients = pgTable('patients', {
 *   id: serial('id').primaryKey(),
 *   /** @phi diagnosis *\/
 *   diagnosis: text('diagnosis'),
 * });
 * ```
 * ```ts valid
 * const sealedText = customType<{ data: string; driverData: string }>({
 *   dataType: () => 'text',
 *   toDriver: (value) => encrypt(value, process.env.PHI_KEY!),
 *   fromDriver: (value) => decrypt(value, process.env.PHI_KEY!),
 * });
 * export const patients = pgTable('patients', {
 *   id: serial('id').primaryKey(),
 *   /** @phi diagnosis *\/
 *   diagnosis: sealedText('diagnosis'),
 * });
 * ```
 *
 * ## Options
 * - `classes` (default `["phi", "special"]`): declared classes that must be encrypted.
 * - `categories` (default `["id.national", "id.mrn", "id.health_plan", "biometric"]`): PII categories
 *   (and `biometric`) that must be encrypted too.
 * - `wrappers`: names of column types or helpers that encrypt (default: common names such as
 *   `encryptedText`, `StringEncryptedType`).
 * - `allowStorageOnly` (default `false`): accept `encryption=storage-only` (disk encryption only).
 *
 * ## How to fix
 * Store the column through an encrypting type (a `customType` that calls your KMS-backed
 * encrypt/decrypt, or sqlalchemy-utils `StringEncryptedType` with `AesGcmEngine`) and keep the key in a
 * secret manager. If the value is protected another way, declare it: `@phi diagnosis
 * encryption=db:pgcrypto:kms/phi` or, as a reviewed exemption, `encryption="none:<reason>"`.
 *
 * ## References
 * - 45 CFR 164.312(a)(2)(iv) and (e)(2)(ii) (encryption); HHS breach guidance (keys kept separately)
 * - GDPR Art. 32 (security of processing)
 */
export default defineRule({
  id: 'require-phi-encryption',
  meta: {
    description: 'Require encryption for columns declared as PHI or special-category data',
    category: 'privacy',
    defaultSeverity: 'warn',
    recommended: true,
    since: '0.1.0',
    precision: 'high',
    securitySeverity: '7.5',
    tags: ['HIPAA-164.312(a)(2)(iv)', 'HIPAA-164.312(e)(2)(ii)', 'GDPR-Art.32'],
    messages: {
      notEncrypted: (d: { column: string; classification: string }) => `Column ${d.column} is declared ${d.classification} but stores its values unencrypted.`,
      storageOnly: (d: { column: string; classification: string }) => `Column ${d.column} is declared ${d.classification} but relies on storage encryption only, which does not protect replicas, backups or database users.`,
      unverifiedClaim: (d: { column: string }) => `Column ${d.column} is named as encrypted, but its type does not encrypt anything schema-lint can see.`,
      literalKey: (d: { column: string }) => `The encryption key of column ${d.column} is written in the code; anyone with the repository can decrypt it.`,
    },
    help: 'Store the column through an encrypting type (a customType whose toDriver encrypts with a key from a secret manager), or declare how it is protected: `@phi <category> encryption=app:kms/<key>`.',
    helpBySource: { sqlalchemy: 'Use an encrypting type (sqlalchemy-utils `StringEncryptedType(Unicode, get_key, AesGcmEngine)` or a TypeDecorator) with a key from a secret manager, or declare `info={"encryption": "app:kms/<key>"}`.' },
  },
  options: z
    .object({
      classes: z.array(z.enum(['phi', 'pii', 'special', 'credential'])).default(['phi', 'special']),
      categories: z.array(z.string()).default(['id.national', 'id.mrn', 'id.health_plan', 'biometric']),
      wrappers: z.array(z.string()).default(DEFAULT_WRAPPERS),
      allowStorageOnly: z.boolean().default(false),
    })
    .strict(),

  check(context, options) {
    const wrappers = new Set(options.wrappers);
    return {
      column(column, table) {
        const name = `${qualifiedName(table)}.${column.name}`;
        const literalKey = column.type.custom?.literalKey;
        if (literalKey) {
          context.report({ node: column, table, messageId: 'literalKey', data: { column: name }, span: literalKey.span, key: 'literal-key', help: 'Read the key from the environment or a secret manager (KMS), never from a string literal; rotate the exposed key.' });
        }
        const encryptingType = hasEncryptingType(column, wrappers);
        const declaredEncryption = column.declared?.encryption;
        if (nameClaimsEncryption(column) && !encryptingType && !/^(app|db):/.test(declaredEncryption ?? '')) {
          context.report({ node: column, table, messageId: 'unverifiedClaim', data: { column: name }, key: 'claim', help: 'Use an encrypting column type, or rename the column if it is not encrypted.' });
        }
        const declared = column.declared;
        if (!declared) return;
        const category = declared.category ?? '';
        const applies = options.classes.includes(declared.dataClass as 'phi') || options.categories.some((c) => category === c || category.startsWith(`${c}.`) || category.endsWith(`.${c}`));
        if (!applies || encryptingType) return;
        const encryption = declared.encryption;
        if (encryption === 'encrypted' || /^(app|db):/.test(encryption ?? '') || /^none:.+/.test(encryption ?? '')) return;
        const data = { column: name, classification: declared.category ?? declared.dataClass };
        if (encryption === 'storage-only') {
          if (!options.allowStorageOnly && declared.severity !== 'low' && declared.severity !== 'medium') context.report({ node: column, table, messageId: 'storageOnly', data });
          return;
        }
        context.report({ node: column, table, messageId: 'notEncrypted', data, ...(column.typeSpan ? { span: column.typeSpan } : {}) });
      },
    };
  },
});
