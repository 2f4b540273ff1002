import { describe, expect, it } from 'vitest';
import { classifyColumn } from '../../src/phi/index.js';
import type { ColumnInput, DataClass } from '../../src/phi/index.js';

type Case = [name: string, table: string, expected: DataClass, category?: string];

function check([name, table, expected, category]: Case): void {
  const got = classifyColumn({ name, tableName: table });
  expect({ name, table, dataClass: got.dataClass }, got.reason).toEqual({ name, table, dataClass: expected });
  if (category !== undefined) expect(got.category, got.reason).toBe(category);
}

// phi.md §4(a) "Known false-positive traps", one describe per row of the table.
describe('trap table (phi.md §4(a))', () => {
  it.each<Case>([
    ['email_address', 'users', 'pii', 'id.email'],
    ['mailing_address', 'patients', 'pii', 'id.geo'],
    ['ip_address', 'sessions', 'pii', 'id.ip'],
    ['mac_address', 'devices', 'pii', 'id.device'],
    ['smtp_server_address', 'mail_settings', 'none'],
  ])('address: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['file_name', 'attachments', 'none'],
    ['fileName', 'attachments', 'none'],
    ['businessName', 'organizations', 'none'],
    ['businessname', 'organizations', 'none'],
    ['clinic_name', 'clinic', 'none'],
    ['medication_name', 'medications', 'phi', 'phi.medication'],
    ['drug_name', 'prescriptions', 'phi', 'phi.medication'],
    ['symptom_name', 'symptoms', 'phi', 'phi.symptom'],
  ])('name: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['email_verified', 'users', 'none'],
    ['phone_verified', 'users', 'none'],
    ['phoneVerifiedAt', 'users', 'none'],
    ['email_template_id', 'notifications', 'none'],
    ['microphone_enabled', 'voice_settings', 'none'],
  ])('metadata about an identifier: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['passenger_count', 'rides', 'none'],
    ['bypass_cache', 'feature_flags', 'none'],
    ['passport_number', 'patients', 'pii', 'id.license'],
    ['password_hash', 'users', 'credential'],
    ['ivr_pass_code', 'patient', 'credential'],
  ])('pass: %s', (...c: Case) => check(c));

  it.each<Case>([['adobe_asset_id', 'assets', 'none']])('dob inside a word: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['page_size', 'ui_prefs', 'none'],
    ['message_count', 'chats', 'none'],
    ['average_score', 'quizzes', 'none'],
    ['language', 'users', 'none'],
    ['usage', 'subscriptions', 'none'],
    ['image_url', 'products', 'none'],
  ])('age inside a word: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['capacity', 'rooms', 'none'],
    ['ethnicity', 'patients', 'special', 'special.ethnicity'],
  ])('city inside a word: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['timezone', 'users', 'none'],
    ['timeZone', 'profiles', 'none'],
    ['status', 'appointments', 'none'],
    ['statement_id', 'billing', 'none'],
  ])('zone and state inside a word: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['had_social_interaction', 'daily_check_ins', 'phi'],
    ['social_media_url', 'profiles', 'pii', 'id.url'],
  ])('social: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['dose', 'user_profiles', 'phi', 'phi.medication'],
    ['dosage', 'prescriptions', 'phi', 'phi.medication'],
    ['dose_unit', 'prescriptions', 'phi', 'phi.medication'],
    ['dose_val_rx', 'prescriptions', 'phi', 'phi.medication'],
  ])('dose family: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['weight', 'user_profiles', 'phi', 'phi.vitals'],
    ['height', 'patients', 'phi', 'phi.vitals'],
    ['temperature', 'vitals', 'phi', 'phi.vitals'],
    ['heart_rate', 'vitals', 'phi', 'phi.vitals'],
    ['font_weight', 'themes', 'none'],
    ['image_height', 'attachments', 'none'],
    ['temperature', 'ai_settings', 'none'],
    ['heartbeat_at', 'workers', 'none'],
    ['rate_limit', 'api_keys', 'none'],
  ])('clinical-weak: %s in %s', (...c: Case) => check(c));

  it.each<Case>([
    ['condition', 'alert_rules', 'none'],
    ['order_history', 'orders', 'none'],
    ['job_result', 'jobs', 'none'],
    ['ab_treatment_group', 'experiments', 'none'],
    ['is_test_user', 'users', 'none'],
  ])('clinical-weak in negative context: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['content', 'chat_messages', 'phi', 'phi.free_text'],
    ['notes', 'daily_checkins', 'phi', 'phi.free_text'],
    ['text', 'CallMessage', 'phi', 'phi.free_text'],
    ['content_type', 'chat_messages', 'none'],
    ['release_notes', 'app_versions', 'none'],
    ['notebook_id', 'analyses', 'none'],
    ['transcription_status', 'voice_followups', 'none'],
    ['recording_enabled', 'voice_settings', 'none'],
  ])('containers: %s in %s', (...c: Case) => check(c));

  it('year of birth is a low quasi-identifier, month and day of birth are identifiers', () => {
    const year = classifyColumn({ name: 'year_of_birth', tableName: 'person' });
    expect([year.dataClass, year.category, year.severity]).toEqual(['pii', 'quasi.birth_year', 'low']);
    for (const name of ['month_of_birth', 'day_of_birth']) {
      const got = classifyColumn({ name, tableName: 'person' });
      expect([got.dataClass, got.category, got.severity]).toEqual(['pii', 'id.date.birth', 'high']);
    }
  });

  it('state is a low, possible quasi-identifier of a patient; country is not sensitive', () => {
    const state = classifyColumn({ name: 'state', tableName: 'patient_profiles' });
    expect([state.dataClass, state.severity, state.confidence]).toEqual(['pii', 'low', 'possible']);
    expect(classifyColumn({ name: 'country', tableName: 'patient_profiles' }).dataClass).toBe('none');
  });

  it.each<Case>([
    ['patient_id', 'appointments', 'none', 'key.fk'],
    ['subject_id', 'patients', 'none', 'key.fk'],
    ['hadm_id', 'admissions', 'none', 'key.fk'],
    ['location_id', 'person', 'none', 'key.fk'],
    ['person_source_value', 'person', 'pii', 'id.other'],
    ['patient_id_number', 'patients', 'pii', 'id.other'],
    ['patient_hash', 'patients', 'pii', 'id.other'],
  ])('keys vs identifiers: %s', (...c: Case) => check(c));

  it.each<Case>([
    ['fl_nm', 'cstmr', 'pii', 'id.name'],
    ['f_name', 'patients', 'pii', 'id.name'],
    ['fio', 'patients', 'pii', 'id.name'],
    ['oms_policy', 'patients', 'pii', 'id.health_plan'],
    ['FIRST', 'patients', 'pii', 'id.name'],
  ])('abbreviations and locale: %s', (...c: Case) => check(c));

  it('leaves msi and DRIVERS unclassified: they stay ambiguous (phi.md §4(a))', () => {
    expect(classifyColumn({ name: 'msi', tableName: 'patients' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'DRIVERS', tableName: 'patients' }).dataClass).toBe('none');
  });

  it.each<Case>([['icd_version', 'diagnoses_icd', 'none', 'meta.codesystem']])('code-system metadata: %s', (...c: Case) =>
    check(c),
  );
});

describe('classifyColumn rules', () => {
  it('uses the Drizzle property key and the SQL name, keeping the more sensitive answer', () => {
    const both = classifyColumn({ name: 'date_of_birth', propertyKey: 'dateOfBirth', tableName: 'patients' });
    expect(both.category).toBe('id.date.birth');
    const keyOnly = classifyColumn({ name: 'col_7', propertyKey: 'contactEmail', tableName: 'patients' });
    expect(keyOnly.category).toBe('id.email');
    const nameOnly = classifyColumn({ name: 'dx_code', propertyKey: 'code1', tableName: 'encounters' });
    expect(nameOnly.category).toBe('phi.diagnosis');
  });

  it('lets explicit table context override the guess from the table name', () => {
    const input: ColumnInput = { name: 'notes', tableName: 'items' };
    expect(classifyColumn(input).dataClass).toBe('none');
    expect(classifyColumn({ ...input, personLinked: true, healthTable: true }).dataClass).toBe('phi');
    expect(classifyColumn({ name: 'notes', tableName: 'daily_checkins', personLinked: false }).dataClass).toBe('none');
  });

  it('clinical-strong words are sticky, whatever the table', () => {
    for (const table of ['items', 'settings', 'users']) {
      const got = classifyColumn({ name: 'diagnosis', tableName: table });
      expect([got.dataClass, got.confidence]).toEqual(['phi', 'certain']);
    }
  });

  it('clinical-weak words need a clinical modifier or a health/person table', () => {
    expect(classifyColumn({ name: 'weight', tableName: 'shipments' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'body_weight', tableName: 'shipments' }).dataClass).toBe('phi');
    expect(classifyColumn({ name: 'result', tableName: 'lab_results' }).dataClass).toBe('phi');
    expect(classifyColumn({ name: 'result', tableName: 'users' }).dataClass).toBe('none');
  });

  it('a setting head turns even a clinical column into a setting', () => {
    expect(classifyColumn({ name: 'mood_tracking_enabled', tableName: 'user_settings' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'hipaa_voice', tableName: 'patient_data' }).dataClass).toBe('none');
  });

  it('reads the SQL type as evidence', () => {
    expect(classifyColumn({ name: 'has_notes', tableName: 'encounters', sqlType: 'boolean' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'email', tableName: 'users', sqlType: 'boolean' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'has_diabetes', tableName: 'patients', sqlType: 'boolean' }).dataClass).toBe('phi');
    const blob = classifyColumn({ name: 'extra', tableName: 'vitals', sqlType: 'jsonb' });
    expect([blob.dataClass, blob.category, blob.confidence]).toEqual(['phi', 'phi.opaque_blob', 'possible']);
    expect(classifyColumn({ name: 'settings', tableName: 'vitals', sqlType: 'jsonb' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'extra', tableName: 'products', sqlType: 'jsonb' }).dataClass).toBe('none');
  });

  it('vendor account ids are external identifiers, vendor object ids are not', () => {
    expect(classifyColumn({ name: 'clerk_user_id', tableName: 'call_summaries' }).category).toBe('id.external_account');
    expect(classifyColumn({ name: 'stripe_customer_id', tableName: 'subscriptions' }).dataClass).toBe('pii');
    expect(classifyColumn({ name: 'stripe_price_id', tableName: 'subscriptions' }).dataClass).toBe('none');
  });

  it('lookup keys of special or quasi attributes carry the attribute; OMOP concept ids too', () => {
    expect(classifyColumn({ name: 'ethnicity_id', tableName: 'patients' }).dataClass).toBe('special');
    expect(classifyColumn({ name: 'race_concept_id', tableName: 'person' }).dataClass).toBe('special');
    expect(classifyColumn({ name: 'gender_concept_id', tableName: 'person' }).category).toBe('quasi.gender');
    expect(classifyColumn({ name: 'visit_concept_id', tableName: 'visit_occurrence' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'diagnosis_id', tableName: 'encounter_diagnoses' }).dataClass).toBe('none');
  });

  it('tokens: a bare token is a secret in an auth table and a count elsewhere', () => {
    expect(classifyColumn({ name: 'token', tableName: 'verification_tokens' }).dataClass).toBe('credential');
    expect(classifyColumn({ name: 'tokens', tableName: 'chat_messages' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'tokens_used', tableName: 'chat_messages' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'push_token', tableName: 'push_tokens' }).category).toBe('id.device');
    expect(classifyColumn({ name: 'refresh_token', tableName: 'oauth_accounts' }).dataClass).toBe('credential');
  });

  it('dates: only birth, death, admission, discharge and service dates are identifiers', () => {
    expect(classifyColumn({ name: 'admittime', tableName: 'admissions' }).category).toBe('id.date.admission');
    expect(classifyColumn({ name: 'dischtime', tableName: 'admissions' }).category).toBe('id.date.discharge');
    expect(classifyColumn({ name: 'visit_start_date', tableName: 'visit_occurrence' }).category).toBe('id.date.service');
    expect(classifyColumn({ name: 'created_at', tableName: 'patients' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'expires_at', tableName: 'coupons' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'birthday_reminder_sent_at', tableName: 'users' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'diagnosis_date', tableName: 'patients' }).category).toBe('phi.diagnosis');
  });

  it('organisation contact details are not personal', () => {
    expect(classifyColumn({ name: 'phone', tableName: 'clinics' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'address', tableName: 'organizations' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'phone', tableName: 'patients' }).dataClass).toBe('pii');
  });

  it('photos of a person are identifiers; photos in a clinical table are PHI', () => {
    expect(classifyColumn({ name: 'avatar_url', tableName: 'user_profiles' }).category).toBe('id.photo');
    expect(classifyColumn({ name: 'image_url', tableName: 'wound_photos' }).category).toBe('phi.photo');
  });

  it('grades severity by category', () => {
    const severity = (name: string, tableName: string): string => classifyColumn({ name, tableName }).severity;
    expect(severity('psychotherapy_notes', 'sessions')).toBe('critical');
    expect(severity('session_notes', 'therapy_sessions')).toBe('critical');
    expect(severity('hiv_status', 'conditions')).toBe('critical');
    expect(severity('ssn', 'patients')).toBe('critical');
    expect(severity('fingerprint_template', 'biometrics')).toBe('critical');
    expect(severity('recording_url', 'call_summaries')).toBe('critical');
    expect(severity('mood', 'check_ins')).toBe('high');
    expect(severity('year_of_birth', 'person')).toBe('low');
  });

  it('names the rule that fired and returns the tokens', () => {
    const got = classifyColumn({ name: 'primaryDiagnosis', tableName: 'episodes' });
    expect(got.tokens).toEqual(['primary', 'diagnosis']);
    expect(got.reason).toMatch(/^clinical-strong: 'diagnosis'/);
    expect(classifyColumn({ name: 'email_verified', tableName: 'users' }).reason).toMatch(/verified/);
    expect(classifyColumn({ name: 'user_id', tableName: 'posts' }).reason).toMatch(/^key:/);
  });

  it('marks AI-derived health inferences', () => {
    for (const name of ['ai_mood_score', 'detected_symptoms', 'aiPhenotypePrediction', 'predicted_diagnosis']) {
      expect(classifyColumn({ name, tableName: 'daily_followups' }).category, name).toBe('phi.ai_derived');
    }
  });

  it('recognises clinical word shapes only in person or health tables', () => {
    const got = classifyColumn({ name: 'tendinitis', tableName: 'patients' });
    expect([got.dataClass, got.confidence]).toEqual(['phi', 'possible']);
    expect(classifyColumn({ name: 'tendinitis', tableName: 'articles' }).dataClass).toBe('none');
    expect(classifyColumn({ name: 'empathy', tableName: 'patients' }).dataClass).toBe('none');
  });
});
