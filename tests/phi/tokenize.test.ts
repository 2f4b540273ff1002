import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/phi/index.js';
import { segment, splitIdentifier } from '../../src/phi/tokenize.js';

describe('tokenize', () => {
  it.each([
    ['snake_case', 'date_of_birth', ['date', 'of', 'birth']],
    ['camelCase', 'dateOfBirth', ['date', 'of', 'birth']],
    ['PascalCase', 'DateOfBirth', ['date', 'of', 'birth']],
    ['kebab-case', 'date-of-birth', ['date', 'of', 'birth']],
    ['UPPER_CASE', 'DATE_OF_BIRTH', ['date', 'of', 'birth']],
    ['acronym then word', 'HTTPServerAddress', ['http', 'server', 'address']],
    ['trailing acronym', 'patientID', ['patient', 'id']],
    ['spaces and dots', 'patient.first name', ['patient', 'first', 'name']],
  ])('splits %s', (_, identifier, expected) => {
    expect(tokenize(identifier)).toEqual(expected);
  });

  it.each([
    ['icd10', ['icd', '10']],
    ['ICD10_CODE', ['icd', '10', 'code']],
    ['phq9', ['phq', '9']],
    ['phq9Score', ['phq', '9', 'score']],
    ['gad7_total', ['gad', '7', 'total']],
    ['address_line1', ['address', 'line', '1']],
    ['ssnLast4', ['ssn', 'last', '4']],
  ])('separates letters from digits: %s', (identifier, expected) => {
    expect(tokenize(identifier)).toEqual(expected);
  });

  it.each([
    ['hba1c', ['hba1c']],
    ['HbA1c', ['hba1c']],
    ['hba1c_value', ['hba1c', 'value']],
    ['spo2', ['spo2']],
    ['auth0_id', ['auth0', 'id']],
  ])('keeps known alphanumeric terms whole: %s', (identifier, expected) => {
    expect(tokenize(identifier)).toEqual(expected);
  });

  it.each([
    ['admittime', ['admit', 'time']],
    ['dischtime', ['disch', 'time']],
    ['reasondescription', ['reason', 'description']],
    ['REASONDESCRIPTION', ['reason', 'description']],
    ['createdat', ['created', 'at']],
    ['placeofbirth', ['place', 'of', 'birth']],
    ['emergencycontactphone', ['emergency', 'contact', 'phone']],
    ['painlevel', ['pain', 'level']],
  ])('segments the run-together name %s into known words', (identifier, expected) => {
    expect(tokenize(identifier)).toEqual(expected);
  });

  it.each(['firstname', 'lastname', 'businessname', 'birthdate', 'username', 'chartevent', 'patientweight', 'dateofbirth'])(
    'keeps the vocabulary compound %s whole',
    (word) => {
      expect(tokenize(word)).toEqual([word]);
    },
  );

  it.each(['passport', 'heartbeat', 'microphone', 'fingerprint', 'passenger', 'passage', 'timezone', 'notebook'])(
    'never splits the dictionary word %s',
    (word) => {
      expect(tokenize(word)).toEqual([word]);
    },
  );

  it('does not shred an unknown word into short pieces', () => {
    expect(segment('abdomen')).toBeUndefined();
    expect(tokenize('sulfonamide')).toEqual(['sulfonamide']);
  });

  it.each([
    ['allergies', ['allergy']],
    ['diagnoses', ['diagnosis']],
    ['metastases', ['metastasis']],
    ['addresses', ['address']],
    ['doses', ['dose']],
    ['statuses', ['status']],
    ['symptoms', ['symptom']],
    ['comorbidities', ['comorbidity']],
    ['headaches', ['headache']],
    ['status', ['status']],
    ['diabetes', ['diabetes']],
    ['analysis', ['analysis']],
    ['stress', ['stress']],
    ['ids', ['id']],
    ['people', ['person']],
    ['news', ['news']],
  ])('lemmatises %s', (identifier, expected) => {
    expect(tokenize(identifier)).toEqual(expected);
  });

  it('splits identifiers before segmentation and lemmatisation', () => {
    expect(splitIdentifier('recordingUrl')).toEqual(['recording', 'url']);
    expect(splitIdentifier('HEALTHCARE_EXPENSES')).toEqual(['healthcare', 'expenses']);
  });

  it('returns no tokens for an identifier without letters or digits', () => {
    expect(tokenize('__')).toEqual([]);
  });
});
