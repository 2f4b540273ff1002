import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyColumn, columnInputOf, parseLabelledColumns } from '../../src/phi/index.js';
import type { LabelledColumn } from '../../src/phi/index.js';
import { LEXICON } from '../../src/phi/lexicon.js';
import { splitIdentifier } from '../../src/phi/tokenize.js';

// phi.md §4(d).5: a name keeps its class under camelCase, snake_case, kebab-case, UPPER,
// run-together lower case, plural/singular and `patient_`/`pt_` prefixes.

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const designFile = path.resolve(repoRoot, '..', 'shared', 'data', 'phi-column-names.tsv');
const heldOutFile = path.resolve(here, 'heldout-column-names.tsv');

function loadRows(file: string): LabelledColumn[] {
  return existsSync(file) ? parseLabelledColumns(readFileSync(file, 'utf8')).filter((r) => !r.ambiguous) : [];
}

const rows = [...loadRows(designFile), ...loadRows(heldOutFile)];

/** Raw words of the SQL name, before lemmatisation: `date_of_birth` → date, of, birth. */
function wordsOf(row: LabelledColumn): string[] {
  return splitIdentifier(columnInputOf(row).name);
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const variants = {
  snake: (w: string[]) => w.join('_'),
  camel: (w: string[]) => (w[0] ?? '') + w.slice(1).map(capitalise).join(''),
  pascal: (w: string[]) => w.map(capitalise).join(''),
  kebab: (w: string[]) => w.join('-'),
  upper: (w: string[]) => w.join('_').toUpperCase(),
} as const;

function classOf(name: string, table: string): string {
  return classifyColumn({ name, tableName: table }).dataClass;
}

describe('metamorphic: spelling conventions', () => {
  it('has labelled rows to transform', () => {
    expect(rows.length).toBeGreaterThan(150);
  });

  for (const [variant, render] of Object.entries(variants)) {
    it(`keeps every labelled row's class under ${variant}`, () => {
      const changed: string[] = [];
      for (const row of rows) {
        const original = classOf(columnInputOf(row).name, row.table);
        const spelled = render(wordsOf(row));
        const got = classOf(spelled, row.table);
        if (got !== original) changed.push(`${row.table}.${spelled}: ${original} → ${got}`);
      }
      expect(changed).toEqual([]);
    });
  }

  it('keeps the class when a multi-word name is run together, if its words are all known', () => {
    // The sample is every labelled row whose words the segmenter can find again: all known, at
    // least two letters each, at most one of exactly two letters (the segmenter's own limits).
    const sample = rows.filter((row) => {
      const words = wordsOf(row).filter((w) => !/^\d+$/.test(w));
      const known = (w: string): boolean => LEXICON.known.has(w) || LEXICON.known.has(w.replace(/e?s$/, ''));
      return (
        words.length > 1 &&
        words.every((w) => w.length >= 2 && known(w)) &&
        words.filter((w) => w.length === 2).length <= 1
      );
    });
    expect(sample.length).toBeGreaterThan(100);
    const changed: string[] = [];
    for (const row of sample) {
      const original = classOf(columnInputOf(row).name, row.table);
      const together = wordsOf(row).join('').toLowerCase();
      const got = classOf(together, row.table);
      if (got !== original) changed.push(`${row.table}.${together}: ${original} → ${got}`);
    }
    expect(changed).toEqual([]);
  });
});

describe('metamorphic: plural and singular', () => {
  it.each([
    ['allergy', 'allergies', 'patients'],
    ['symptom', 'symptoms', 'anamnesis'],
    ['diagnosis', 'diagnoses', 'encounters'],
    ['metastasis', 'metastases', 'patients'],
    ['comorbidity', 'comorbidities', 'encounters'],
    ['medication', 'medications', 'user_profiles'],
    ['current_medication', 'current_medications', 'patients'],
    ['note', 'notes', 'daily_checkins'],
    ['message', 'messages', 'call_summaries'],
    ['recording_url', 'recording_urls', 'call_summaries'],
    ['email_address', 'email_addresses', 'users'],
    ['phone_number', 'phone_numbers', 'patients'],
    ['procedure_code', 'procedure_codes', 'encounters'],
    ['dose', 'doses', 'prescriptions'],
    ['status', 'statuses', 'appointments'],
    ['file_name', 'file_names', 'attachments'],
    ['order_history', 'order_histories', 'orders'],
  ])('%s and %s get the same class', (singular, plural, table) => {
    expect(classOf(plural, table)).toBe(classOf(singular, table));
  });
});

describe('metamorphic: patient_ and pt_ prefixes', () => {
  // Only sensitive rows: `patient` is a clinical modifier, so the prefix may rightly turn a
  // clinical-weak word clinical (`temperature` in `ai_settings` vs `patient_temperature`).
  const sensitive = rows.filter((row) => row.expected !== 'none' && classOf(columnInputOf(row).name, row.table) !== 'none');

  for (const prefix of ['patient_', 'pt_']) {
    it(`keeps every sensitive row sensitive, and its class, under the prefix ${prefix}`, () => {
      const changed: string[] = [];
      for (const row of sensitive) {
        const name = columnInputOf(row).name;
        const original = classOf(name, row.table);
        const prefixed = prefix + name;
        const got = classOf(prefixed, row.table);
        if (got !== original) changed.push(`${row.table}.${prefixed}: ${original} → ${got}`);
      }
      expect(changed).toEqual([]);
    });
  }

  it('keeps metadata about an identifier non-sensitive under the prefix', () => {
    for (const name of ['email_verified', 'phone_verified_at', 'email_template_id', 'content_type', 'status']) {
      expect(classOf(`patient_${name}`, 'patients'), name).toBe('none');
    }
  });
});
