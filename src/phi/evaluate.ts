import { classifyColumn } from './classify.js';
import type { Classification, ColumnInput, DataClass } from './types.js';

/** One labelled row of a `phi-column-names.tsv`-style file. */
export interface LabelledColumn {
  /** The identifier as written; Drizzle rows give `tsKey|db_name`. */
  readonly identifier: string;
  readonly table: string;
  readonly expected: DataClass;
  readonly category: string;
  readonly severity: string;
  readonly ambiguous: boolean;
}

export interface BinaryMetrics {
  /** Rows scored. */
  readonly n: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ClassAccuracy {
  readonly total: number;
  readonly correct: number;
  readonly accuracy: number;
}

export interface Mistake {
  readonly row: LabelledColumn;
  readonly got: Classification;
}

export interface EvaluationReport {
  /** "Sensitive vs not" (none vs anything else), ambiguous rows left out. */
  readonly strict: BinaryMetrics;
  /** The same over every row. */
  readonly lenient: BinaryMetrics;
  /** Exact-class accuracy per expected class, ambiguous rows left out. */
  readonly perClass: Readonly<Record<DataClass, ClassAccuracy>>;
  readonly exactAccuracyStrict: number;
  /** confusion[expected][got], ambiguous rows left out. */
  readonly confusion: Readonly<Record<DataClass, Readonly<Record<DataClass, number>>>>;
  /** Sensitive answers with confidence `possible` ("needs review"). */
  readonly possibleCount: number;
  /** Binary mistakes, ambiguous rows included (flagged on the row). */
  readonly mistakes: readonly Mistake[];
}

const CLASSES: readonly DataClass[] = ['phi', 'pii', 'special', 'credential', 'none'];

/** Parse a TSV with the header `identifier table expected category severity ambiguous`. */
export function parseLabelledColumns(tsv: string): LabelledColumn[] {
  const lines = tsv.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`labelled TSV has no '${name}' column`);
    return index;
  };
  const [iId, iTable, iExpected, iCategory, iSeverity, iAmbiguous] = [
    col('identifier'),
    col('table'),
    col('expected'),
    col('category'),
    col('severity'),
    col('ambiguous'),
  ];
  return lines.slice(1).map((line, n) => {
    const cells = line.split('\t');
    const expected = cells[iExpected] as DataClass;
    if (!CLASSES.includes(expected)) throw new Error(`line ${n + 2}: unknown class '${cells[iExpected]}'`);
    return {
      identifier: cells[iId] ?? '',
      table: cells[iTable] ?? '',
      expected,
      category: cells[iCategory] ?? '',
      severity: cells[iSeverity] ?? '',
      ambiguous: (cells[iAmbiguous] ?? '').trim() === 'yes',
    };
  });
}

/** `dateOfBirth|date_of_birth` → property key and SQL name; a plain identifier is the SQL name. */
export function columnInputOf(row: LabelledColumn): ColumnInput {
  const bar = row.identifier.indexOf('|');
  if (bar < 0) return { name: row.identifier, tableName: row.table };
  return { propertyKey: row.identifier.slice(0, bar), name: row.identifier.slice(bar + 1), tableName: row.table };
}

export function evaluateClassifier(
  rows: readonly LabelledColumn[],
  classify: (input: ColumnInput) => Classification = classifyColumn,
): EvaluationReport {
  const strictCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const lenientCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const confusion = Object.fromEntries(
    CLASSES.map((c) => [c, Object.fromEntries(CLASSES.map((d) => [d, 0]))]),
  ) as Record<DataClass, Record<DataClass, number>>;
  const mistakes: Mistake[] = [];
  let possibleCount = 0;
  let exact = 0;
  let strictRows = 0;

  for (const row of rows) {
    const got = classify(columnInputOf(row));
    const expectedSensitive = row.expected !== 'none';
    const gotSensitive = got.dataClass !== 'none';
    if (gotSensitive && got.confidence === 'possible') possibleCount++;
    const bucket = expectedSensitive ? (gotSensitive ? 'tp' : 'fn') : gotSensitive ? 'fp' : 'tn';
    lenientCounts[bucket]++;
    if (expectedSensitive !== gotSensitive) mistakes.push({ row, got });
    if (row.ambiguous) continue;
    strictCounts[bucket]++;
    strictRows++;
    confusion[row.expected][got.dataClass]++;
    if (got.dataClass === row.expected) exact++;
  }

  const perClass = Object.fromEntries(
    CLASSES.map((c) => {
      const total = CLASSES.reduce((sum, d) => sum + confusion[c][d], 0);
      const correct = confusion[c][c];
      return [c, { total, correct, accuracy: total === 0 ? 1 : correct / total }];
    }),
  ) as Record<DataClass, ClassAccuracy>;

  return {
    strict: metrics(strictCounts),
    lenient: metrics(lenientCounts),
    perClass,
    exactAccuracyStrict: strictRows === 0 ? 1 : exact / strictRows,
    confusion,
    possibleCount,
    mistakes,
  };
}

/** A plain-text report: binary metrics, per-class accuracy, and the binary mistakes. */
export function formatEvaluation(report: EvaluationReport, title: string): string {
  const pct = (x: number): string => x.toFixed(3);
  const line = (name: string, m: BinaryMetrics): string =>
    `${name.padEnd(8)} n=${String(m.n).padStart(3)}  P=${pct(m.precision)}  R=${pct(m.recall)}  F1=${pct(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn}, tn ${m.tn})`;
  const out = [
    `== ${title} ==`,
    line('strict', report.strict),
    line('lenient', report.lenient),
    `exact-class accuracy (strict): ${pct(report.exactAccuracyStrict)}; 'possible' answers: ${report.possibleCount}`,
    `per class (strict): ${CLASSES.map((c) => `${c} ${report.perClass[c].correct}/${report.perClass[c].total}`).join(', ')}`,
  ];
  if (report.mistakes.length > 0) {
    out.push('binary mistakes:');
    for (const { row, got } of report.mistakes) {
      const flag = row.ambiguous ? ' (ambiguous)' : '';
      out.push(`  ${row.table}.${row.identifier}: expected ${row.expected}, got ${got.dataClass} — ${got.reason}${flag}`);
    }
  }
  return out.join('\n');
}

function metrics(counts: { tp: number; fp: number; fn: number; tn: number }): BinaryMetrics {
  const { tp, fp, fn, tn } = counts;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: tp + fp + fn + tn, tp, fp, fn, tn, precision, recall, f1 };
}
