import rule from '../../rules/require-phi-encryption.js';
import { drizzle, PREAMBLE_LINES as P } from '../helpers/drizzle-snippet.js';
import { testRule } from '../helpers/rule-tester.js';

const SEALED = `import { customType } from 'drizzle-orm/pg-core';
import { encrypt, decrypt } from './crypto';
const sealedText = customType<{ data: string; driverData: string }>({
  dataType() { return 'text'; },
  toDriver(value) { return encrypt(value, process.env.PHI_KEY!); },
  fromDriver(value) { return decrypt(value, process.env.PHI_KEY!); },
});
`;

testRule(rule, {
  valid: [
    {
      name: 'customType whose toDriver encrypts',
      code: drizzle`${SEALED}
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          /** @phi diagnosis */
          diagnosis: sealedText('diagnosis'),
        });`,
    },
    {
      name: 'declared protection and a reviewed exemption',
      code: drizzle`
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          /** @phi diagnosis encryption=db:pgcrypto:kms/phi */
          diagnosis: text('diagnosis'),
          /** @phi allergy encryption="none:coded SNOMED ids only, reviewed 2026-10" */
          allergyCodes: text('allergy_codes'),
          /** @phi symptom encrypted */
          symptoms: text('symptoms'),
        });`,
    },
    {
      name: 'configured wrapper name',
      code: drizzle`
        import { customType } from 'drizzle-orm/pg-core';
        const vaultText = customType<{ data: string }>({ dataType: () => 'text' });
        export const patients = pgTable('patients', { id: serial('id').primaryKey(), /** @phi diagnosis */ diagnosis: vaultText('diagnosis') });`,
      options: { wrappers: ['vaultText'] },
    },
    {
      name: 'pii email is not required to be encrypted by default',
      code: drizzle`export const people = pgTable('people', { id: serial('id').primaryKey(), /** @pii id.email */ email: text('email') });`,
    },
  ],
  invalid: [
    {
      name: 'declared PHI in plain text, and a national id',
      code: drizzle`
        export const patients = pgTable('patients', {
          id: serial('id').primaryKey(),
          /** @phi diagnosis */
          diagnosis: text('diagnosis'),
          /** @pii id.national severity=critical */
          ssn: varchar('ssn', { length: 11 }),
        });`,
      errors: [
        { messageId: 'notEncrypted', line: P + 4, column: 14, data: { column: 'patients.diagnosis', classification: 'phi.diagnosis' } },
        { messageId: 'notEncrypted', line: P + 6, data: { column: 'patients.ssn', classification: 'id.national' } },
      ],
    },
    {
      name: 'a name that claims encryption without an encrypting type',
      code: drizzle`
        export const encounters = pgTable('encounters', {
          id: serial('id').primaryKey(),
          encryptedNotes: jsonb('encrypted_notes').$type<{ text: string }>(),
        });`,
      errors: [{ messageId: 'unverifiedClaim', line: P + 3 }],
    },
    {
      name: 'literal key',
      code: drizzle`
        import { customType } from 'drizzle-orm/pg-core';
        import { encrypt, decrypt } from './crypto';
        const sealed = customType<{ data: string }>({
          dataType: () => 'text',
          toDriver: (v) => encrypt(v, 'hunter2-hunter2-hunter2'),
          fromDriver: (v) => decrypt(v, 'hunter2-hunter2-hunter2'),
        });
        export const patients = pgTable('patients', { id: serial('id').primaryKey(), /** @phi diagnosis */ diagnosis: sealed('diagnosis') });`,
      errors: [{ messageId: 'literalKey', line: P + 5 }],
    },
    {
      name: 'storage-only is not enough for high-severity PHI',
      code: drizzle`export const patients = pgTable('patients', { id: serial('id').primaryKey(), /** @phi diagnosis encryption=storage-only */ diagnosis: text('diagnosis') });`,
      errors: [{ messageId: 'storageOnly', line: P + 1 }],
    },
  ],
});
