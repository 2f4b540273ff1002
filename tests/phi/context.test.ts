import { describe, expect, it } from 'vitest';
import type { Column, ForeignKey, SchemaModel, Table } from '../../src/model/schema-model.js';
import { classifyColumn, tableContexts, tableFacts } from '../../src/phi/index.js';

const span = { file: '/schema.ts', start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

// Only the fields the PHI context reads; the cast keeps the fixture short and independent of
// fields other work adds to the model.
function column(name: string): Column {
  return { kind: 'column', name, propertyKey: name, span, docTags: [] } as unknown as Column;
}

function fk(target: string): ForeignKey {
  return {
    kind: 'foreignKey',
    span,
    explicitName: false,
    columns: [`${target}_id`],
    target: { table: target, codeName: target, columns: ['id'], resolved: true },
    declaredVia: 'column',
  } as unknown as ForeignKey;
}

function table(name: string, columns: string[] = ['id'], targets: string[] = []): Table {
  return {
    kind: 'table',
    name,
    exportName: name,
    span,
    columns: columns.map(column),
    foreignKeys: targets.map(fk),
    docTags: [],
  } as unknown as Table;
}

function model(tables: Table[]): SchemaModel {
  return { tables, enums: [], files: ['/schema.ts'] };
}

describe('tableFacts', () => {
  it.each([
    ['patients', { personTable: true, patientTable: true, healthTable: true }],
    ['user_profiles', { personTable: true, patientTable: false, healthTable: false }],
    ['daily_checkins', { personTable: false, healthTable: true }],
    ['check_ins', { healthTable: true }],
    ['labevents', { healthTable: true }],
    ['chartevents', { healthTable: true }],
    ['bp_readings', { healthTable: true }],
    ['chat_messages', { communicationTable: true, healthTable: false, guessedPersonLinked: true }],
    ['clinics', { organisationTable: true, healthTable: false, guessedPersonLinked: false }],
    ['care_site', { organisationTable: true }],
    ['d_icd_diagnoses', { dictionaryTable: true, healthTable: false, guessedPersonLinked: false }],
    ['ai_settings', { technicalTable: true, healthTable: false, guessedPersonLinked: false }],
    ['sensor_temperatures', { technicalTable: true, healthTable: false }],
    ['oauth_clients', { personTable: false }],
    ['therapy_sessions', { therapyTable: true, healthTable: true }],
    ['addresses', { addressTable: true, guessedPersonLinked: true }],
  ])('%s', (name, expected) => {
    expect(tableFacts(name)).toMatchObject(expected);
  });

  it('records the clinical term of a clinical table, for the category of its free text', () => {
    expect(tableFacts('allergies').clinicalTerm?.group.category).toBe('phi.allergy');
    expect(tableFacts('users').clinicalTerm).toBeUndefined();
  });
});

describe('tableContexts', () => {
  const users = table('users', ['id', 'email']);
  const conversations = table('conversations', ['id', 'user_id'], ['users']);
  const messages = table('messages', ['id', 'conversation_id', 'content'], ['conversations']);
  const attachments = table('attachments', ['id', 'message_id', 'file_url'], ['messages']);
  const encounters = table('encounters', ['id', 'subject_ref'], []);
  const encounterNotes = table('encounter_notes', ['id', 'author_ref'], ['encounters']);
  const looseVitals = table('vitals', ['id', 'patient_id']);
  const products = table('products', ['id', 'name']);
  const drugCatalog = table('medications', ['id', 'name']);
  const m = model([users, conversations, messages, attachments, encounters, encounterNotes, looseVitals, products, drugCatalog]);
  const contexts = tableContexts(m);

  it('returns one context per table', () => {
    expect(contexts.size).toBe(m.tables.length);
  });

  it('a person table is person-linked; so is a table one or two foreign keys away', () => {
    expect(contexts.get(users)).toEqual({ personLinked: true, healthTable: false });
    expect(contexts.get(conversations)?.personLinked).toBe(true);
    expect(contexts.get(messages)?.personLinked).toBe(true);
  });

  it('three foreign keys away is too far', () => {
    expect(contexts.get(attachments)?.personLinked).toBe(false);
  });

  it('a `<person>_id` column links a table even without a declared foreign key', () => {
    expect(contexts.get(looseVitals)).toEqual({ personLinked: true, healthTable: true });
  });

  it('a table named for health is a health table even when nothing links it to a person', () => {
    expect(contexts.get(encounters)).toEqual({ personLinked: false, healthTable: true });
    expect(contexts.get(drugCatalog)).toEqual({ personLinked: false, healthTable: true });
    expect(contexts.get(products)).toEqual({ personLinked: false, healthTable: false });
  });

  it('drives the container rule: free text needs a person-linked health or conversation table', () => {
    const classify = (t: Table, name: string): string =>
      classifyColumn({ name, tableName: t.name, ...contexts.get(t) }).dataClass;
    expect(classify(messages, 'content')).toBe('phi');
    expect(classify(encounterNotes, 'note_text')).toBe('none');
    expect(classify(drugCatalog, 'description')).toBe('none');
    expect(classify(drugCatalog, 'dosage')).toBe('phi');
  });

  it('inherits health context through a foreign key from a person-linked table', () => {
    const patients = table('patients', ['id']);
    const visits = table('visits', ['id', 'patient_id'], ['patients']);
    const visitFiles = table('visit_files', ['id', 'visit_id', 'description'], ['visits']);
    const tasks = table('tasks', ['id', 'visit_id', 'description'], ['visits']);
    const ctx = tableContexts(model([patients, visits, visitFiles, tasks]));
    expect(ctx.get(visitFiles)).toEqual({ personLinked: true, healthTable: true });
    expect(ctx.get(tasks)).toEqual({ personLinked: true, healthTable: false });
  });

  it('resolves foreign keys within the same database schema', () => {
    const patients = { ...table('patients'), schema: 'clinic' } as Table;
    const other = { ...table('patients'), schema: 'billing' } as Table;
    const referrals = { ...table('referrals', ['id'], ['patients']), schema: 'clinic' } as Table;
    const ctx = tableContexts(model([other, patients, referrals]));
    expect(ctx.get(referrals)?.personLinked).toBe(true);
  });
});
