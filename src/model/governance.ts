import { hasAnyWord, identifierWords } from './naming.js';
import type { Column, Confidence, DataClass, DataSource, SchemaModel, Table } from './schema-model.js';


const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { possible: 1, likely: 2, certain: 3 };

export function confidenceAtLeast(confidence: Confidence, minimum: Confidence): boolean {
  return CONFIDENCE_RANK[confidence] >= CONFIDENCE_RANK[minimum];
}

/** The class a column is declared to hold (code or manifest), or undefined when undeclared. */
export function declaredClass(column: Column): DataClass | undefined {
  return column.declared?.dataClass;
}

/**
 * The class a rule should treat a column as holding: the declaration when there is one,
 * otherwise the classifier's inference when it is at least `minimum` confident.
 */
export function effectiveClass(column: Column, minimum: Confidence = 'likely'): DataClass {
  if (column.declared) return column.declared.dataClass;
  if (column.inferred && column.inferred.dataClass !== 'none' && confidenceAtLeast(column.inferred.confidence, minimum)) return column.inferred.dataClass;
  return 'none';
}

/** Columns of the table declared (not inferred) as one of `classes`. */
export function declaredColumnsOf(table: Table, classes: readonly DataClass[]): Column[] {
  return table.columns.filter((c) => c.declared && classes.includes(c.declared.dataClass));
}

/** The table holds classified data of `classes`: a declared column, or a table-level class. */
export function holdsClassified(table: Table, classes: readonly DataClass[]): boolean {
  if (table.governance?.dataClass && classes.includes(table.governance.dataClass)) return true;
  return declaredColumnsOf(table, classes).length > 0;
}

const ENCRYPT_CALL = /encrypt|cipher|seal|kms|pgp_sym|aes|fernet/i;
const DECRYPT_CALL = /decrypt|decipher|unseal|kms|pgp_sym|aes|fernet/i;

/**
 * Whether the column's type encrypts values on the way to the database: a user-defined type
 * whose write path calls an encryption function (Drizzle customType `toDriver`, SQLAlchemy
 * TypeDecorator `process_bind_param`) and whose read path decrypts, or a known wrapper name.
 */
export function hasEncryptingType(column: Column, wrapperNames: ReadonlySet<string>): boolean {
  const custom = column.type.custom;
  if (custom) {
    if (wrapperNames.has(custom.name)) return true;
    if (custom.writeCalls.some((c) => ENCRYPT_CALL.test(c)) && (custom.readCalls.length === 0 || custom.readCalls.some((c) => DECRYPT_CALL.test(c)))) return true;
  }
  const builder = column.type.builder.replace(/^customType:/, '');
  return wrapperNames.has(builder);
}

/** The column's name says its values are encrypted (`encrypted_notes`, `ssn_cipher`). */
export function nameClaimsEncryption(column: Column): boolean {
  if (!/enc|crypt|ciph/i.test(column.name) && !/enc|crypt|ciph/i.test(column.propertyKey)) return false;
  return [column.name, column.propertyKey].some((n) => identifierWords(n).some((w) => ['encrypted', 'encrypt', 'enc', 'cipher', 'ciphertext', 'crypted'].includes(w)));
}

const PERSON_TABLE_WORDS = new Set(['user', 'users', 'patient', 'patients', 'person', 'people', 'member', 'members', 'profile', 'profiles', 'account', 'accounts', 'customer', 'customers', 'client', 'clients', 'subject', 'subjects', 'resident', 'residents']);

/** A table that stores people (users, patients, members, profiles, ...). */
export function isPersonTable(table: Table): boolean {
  return hasAnyWord(table.name, PERSON_TABLE_WORDS) && identifierWords(table.name).length <= 3;
}

export function isDateLike(column: Column): boolean {
  return /^(date|timestamp|time)/.test(column.type.name);
}

/** Tables that point at `table` through FKs, for graph walks (built once per model by callers). */
export function referencingTables(model: SchemaModel): Map<string, Table[]> {
  const map = new Map<string, Table[]>();
  for (const table of model.tables) {
    for (const fk of table.foreignKeys) {
      if (!fk.target.table) continue;
      const key = `${fk.target.schema ?? 'public'}.${fk.target.table}`;
      const list = map.get(key);
      if (list) list.push(table);
      else map.set(key, [table]);
    }
  }
  return map;
}

const REPORTED_TABLE_WORDS = new Set(['followup', 'checkin', 'mood', 'journal', 'diary', 'voice', 'chat', 'message', 'conversation', 'survey', 'questionnaire', 'assessment', 'symptom', 'entry', 'transcript', 'recording', 'wellness', 'sleep']);
const AI_WORDS = new Set(['ai', 'predicted', 'prediction', 'inferred', 'detected', 'sentiment', 'llm', 'gpt', 'model']);

/** Whether a column holds a value derived by a model (declared `source=ai_inferred`, or named like one). */
export function isAiDerived(column: Column): boolean {
  if (column.declared?.source) return column.declared.source === 'ai_inferred';
  const words = identifierWords(column.name);
  return words.length > 1 && AI_WORDS.has(words[0]!) && words[0] !== 'model';
}

/**
 * Where a table's data comes from: its declared source, else `ai_inferred` when it has AI-derived
 * columns, else `patient_reported` for self-report tables (follow-ups, check-ins, mood, journals,
 * chats, voice notes, surveys), else undefined.
 */
export function dataSourceOf(table: Table): DataSource | undefined {
  if (table.governance?.source) return table.governance.source;
  const declared = table.columns.map((c) => c.declared?.source).find((s) => s === 'ai_inferred' || s === 'patient_reported');
  if (declared) return declared;
  if (table.columns.some(isAiDerived)) return 'ai_inferred';
  if (hasAnyWord(table.name, REPORTED_TABLE_WORDS)) return 'patient_reported';
  return undefined;
}
