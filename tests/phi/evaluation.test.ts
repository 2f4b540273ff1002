import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyColumn, columnInputOf, evaluateClassifier, formatEvaluation, parseLabelledColumns } from '../../src/phi/index.js';
import type { EvaluationReport, LabelledColumn } from '../../src/phi/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

interface Floors {
  readonly strictF1: number;
  readonly strictPrecision: number;
  readonly lenientF1: number;
  readonly lenientPrecision: number;
  readonly exactAccuracy: number;
  /** phi.md §4(d).2: recall on high/critical rows. */
  readonly highSeverityRecall: number;
}

/**
 * Floors sit a little below the scores reached when they were set, so that a regression fails
 * CI and a small honest gain does not need a floor change.
 *
 * The three self-made lists were written and labelled before the classifier saw them. The
 * first list guided some general fixes after its first run, so it is no longer independent;
 * lists 2 and 3 were each scored once before any change they prompted. First-run scores,
 * strict (ambiguous rows excluded), binary precision / recall / F1:
 *   list 1: 0.982 / 0.987 / 0.985   list 2: 0.980 / 0.685 / 0.806   list 3: 1.000 / 0.885 / 0.939
 */
const DESIGN_FLOORS: Floors = {
  strictF1: 0.98,
  strictPrecision: 0.98,
  lenientF1: 0.96,
  lenientPrecision: 0.98,
  exactAccuracy: 0.96,
  highSeverityRecall: 0.97,
};

const datasets = [
  {
    title: 'design set (shared/data/phi-column-names.tsv)',
    file: path.resolve(repoRoot, '..', 'shared', 'data', 'phi-column-names.tsv'),
    floors: DESIGN_FLOORS,
    minRows: 300,
  },
  {
    title: 'self-made held-out list 1 (tests/phi/heldout-column-names.tsv)',
    file: path.resolve(here, 'heldout-column-names.tsv'),
    floors: { strictF1: 0.97, strictPrecision: 0.97, lenientF1: 0.96, lenientPrecision: 0.97, exactAccuracy: 0.96, highSeverityRecall: 0.97 },
    minRows: 150,
  },
  {
    title: 'self-made held-out list 2: OMOP/MIMIC/FHIR internals, SaaS, fitness (tests/phi/heldout-2-column-names.tsv)',
    file: path.resolve(here, 'heldout-2-column-names.tsv'),
    floors: { strictF1: 0.9, strictPrecision: 0.97, lenientF1: 0.78, lenientPrecision: 0.95, exactAccuracy: 0.88, highSeverityRecall: 0.85 },
    minRows: 150,
  },
  {
    title: 'self-made held-out list 3: Prisma/SQLAlchemy/Drizzle/Laravel apps (tests/phi/heldout-3-column-names.tsv)',
    file: path.resolve(here, 'heldout-3-column-names.tsv'),
    floors: { strictF1: 0.95, strictPrecision: 0.97, lenientF1: 0.88, lenientPrecision: 0.97, exactAccuracy: 0.95, highSeverityRecall: 0.95 },
    minRows: 120,
  },
] as const;

for (const { title, file, floors, minRows } of datasets) {
  const present = existsSync(file);
  describe(title, () => {
    if (!present) {
      it.skip(`skipped: ${file} is absent (the design set lives in shared/, next to the repository)`, () => {});
      return;
    }
    const rows = parseLabelledColumns(readFileSync(file, 'utf8'));
    const report = evaluateClassifier(rows);

    it('prints the evaluation', () => {
      const recall = highSeverityRecall(rows);
      console.log(`${formatEvaluation(report, title)}\nrecall on high/critical rows (strict): ${recall.toFixed(3)}`);
      expect(rows.length).toBeGreaterThanOrEqual(minRows);
    });

    it(`binary strict: F1 ≥ ${floors.strictF1}, precision ≥ ${floors.strictPrecision}`, () => {
      expect(report.strict.f1, summary(report)).toBeGreaterThanOrEqual(floors.strictF1);
      expect(report.strict.precision, summary(report)).toBeGreaterThanOrEqual(floors.strictPrecision);
    });

    it(`binary lenient: F1 ≥ ${floors.lenientF1}, precision ≥ ${floors.lenientPrecision}`, () => {
      expect(report.lenient.f1, summary(report)).toBeGreaterThanOrEqual(floors.lenientF1);
      expect(report.lenient.precision, summary(report)).toBeGreaterThanOrEqual(floors.lenientPrecision);
    });

    it(`exact class accuracy (strict) ≥ ${floors.exactAccuracy}`, () => {
      expect(report.exactAccuracyStrict, summary(report)).toBeGreaterThanOrEqual(floors.exactAccuracy);
      for (const name of ['phi', 'pii', 'none'] as const) {
        expect(report.perClass[name].total, `no strict rows of class ${name}`).toBeGreaterThan(0);
      }
    });

    it(`recall on high/critical rows (strict) ≥ ${floors.highSeverityRecall}`, () => {
      expect(highSeverityRecall(rows)).toBeGreaterThanOrEqual(floors.highSeverityRecall);
    });
  });
}

describe('evaluateClassifier', () => {
  it('computes strict and lenient binary metrics and per-class accuracy', () => {
    const rows: LabelledColumn[] = [
      { identifier: 'email', table: 'users', expected: 'pii', category: 'id.email', severity: 'high', ambiguous: false },
      { identifier: 'status', table: 'users', expected: 'none', category: '-', severity: '-', ambiguous: false },
      { identifier: 'notes', table: 'items', expected: 'phi', category: '-', severity: '-', ambiguous: true },
      { identifier: 'mood', table: 'check_ins', expected: 'pii', category: '-', severity: '-', ambiguous: false },
    ];
    const report = evaluateClassifier(rows);
    expect(report.strict).toMatchObject({ n: 3, tp: 2, fp: 0, fn: 0, tn: 1, precision: 1, recall: 1, f1: 1 });
    expect(report.lenient).toMatchObject({ n: 4, tp: 2, fn: 1, tn: 1 });
    expect(report.perClass.pii).toEqual({ total: 2, correct: 1, accuracy: 0.5 });
    expect(report.confusion.pii.phi).toBe(1);
    expect(report.mistakes.map((m) => m.row.identifier)).toEqual(['notes']);
  });

  it('reads Drizzle rows as property key and SQL name', () => {
    const [row] = parseLabelledColumns(
      'identifier\ttable\texpected\tcategory\tseverity\tambiguous\ndateOfBirth|date_of_birth\tpatients\tpii\tid.date.birth\thigh\tno\n',
    );
    expect(row && columnInputOf(row)).toEqual({ propertyKey: 'dateOfBirth', name: 'date_of_birth', tableName: 'patients' });
  });
});

function highSeverityRecall(rows: readonly LabelledColumn[]): number {
  const serious = rows.filter((r) => !r.ambiguous && r.expected !== 'none' && (r.severity === 'high' || r.severity === 'critical'));
  const found = serious.filter((r) => classifyColumn(columnInputOf(r)).dataClass !== 'none');
  return serious.length === 0 ? 1 : found.length / serious.length;
}

function summary(report: EvaluationReport): string {
  const m = report.strict;
  return `strict P=${m.precision.toFixed(3)} R=${m.recall.toFixed(3)} F1=${m.f1.toFixed(3)}; ${report.mistakes.length} binary mistakes`;
}
