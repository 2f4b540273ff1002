import { describe, expect, it } from 'vitest';
import { LEXICON, lemmatize } from '../../src/phi/lexicon.js';
import { TERM_GROUPS } from '../../src/phi/vocabulary.js';

// Checks on the vocabulary as data, so that extending it cannot silently lose an entry.

function normalise(text: string): string {
  return text
    .split(' ')
    .flatMap((w) => {
      const lemma = lemmatize(w, LEXICON.known, LEXICON.irregular);
      return LEXICON.abbreviations.get(lemma) ?? LEXICON.abbreviations.get(w) ?? [lemma];
    })
    .join(' ');
}

describe('vocabulary', () => {
  it('declares every phrase in one group only (after lemmatisation and abbreviations)', () => {
    const shadowed: string[] = [];
    for (const group of TERM_GROUPS) {
      for (const term of group.terms) {
        const winner = LEXICON.terms.get(normalise(term));
        if (winner && winner.group !== group) {
          shadowed.push(`'${term}' in ${group.category} is shadowed by ${winner.group.category} ('${winner.phrase}')`);
        }
      }
    }
    expect(shadowed).toEqual([]);
  });

  it('uses category names of the form class.subcategory', () => {
    for (const group of TERM_GROUPS) {
      if (group.kind === 'blocker') continue;
      expect(group.category, group.terms[0]).toMatch(/^(id|quasi|pii|phi|special|credential)\.[a-z_.]+$/);
      const prefix = group.category.split('.')[0];
      const expected = { id: 'pii', quasi: 'pii', pii: 'pii', phi: 'phi', special: 'special', credential: 'credential' }[prefix ?? ''];
      expect(group.dataClass, group.category).toBe(expected);
    }
  });

  it('has no empty group and no blank or padded term', () => {
    for (const group of TERM_GROUPS) {
      expect(group.terms.length, group.category).toBeGreaterThan(0);
      for (const term of group.terms) expect(term).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
    }
  });

  it('covers the clinical data dictionaries it was written from', () => {
    // A sample of element and column names from FHIR, OMOP CDM, Synthea and MIMIC-IV.
    for (const phrase of ['diagnosis', 'allergy', 'medication', 'dose', 'immunization', 'icd', 'loinc', 'rxnorm', 'hba1c', 'spo2', 'phq', 'gad']) {
      expect(LEXICON.terms.get(phrase)?.group.kind, phrase).toBe('clinical');
    }
  });
});
