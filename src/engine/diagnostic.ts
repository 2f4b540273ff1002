import type { Span } from '../model/span.js';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** Structured facts about a diagnostic, carried into JSON and SARIF `properties`. */
export interface DiagnosticProperties {
  /** Qualified SQL name of the table (`schema.table` outside the default schema). */
  readonly table?: string;
  /** SQL names of the columns involved. */
  readonly columns?: readonly string[];
  readonly referencedTable?: string;
  readonly referencedColumns?: readonly string[];
  readonly [key: string]: unknown;
}

export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
}

/** A text edit in one file: replace [start, end) (UTF-16 offsets) with `text`. */
export interface TextEdit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  /** 'safe' fixes apply with --fix; 'suggestion' fixes need --fix-type suggestion. */
  readonly kind: 'safe' | 'suggestion';
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

export interface Suppression {
  readonly kind: 'inline' | 'baseline';
  readonly justification: string;
  readonly span?: Span;
}

export interface Diagnostic {
  /** Rule id, or a reserved `schema-lint/...` id for loader and engine diagnostics. */
  readonly ruleId: string;
  readonly messageId?: string;
  readonly severity: Severity;
  /** What is wrong, as a full sentence. */
  readonly message: string;
  /** What to do about it. */
  readonly help?: string;
  readonly span: Span;
  /**
   * Stable identity of the reported object, independent of line numbers:
   * `fk:public.posts(author_id)->public.users(id)`. With the rule id it keys
   * fingerprints and baselines.
   */
  readonly identity: string;
  readonly properties: DiagnosticProperties;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** Why a fixable rule attaches no fix to this diagnostic (the code is built by a helper, ...). */
  readonly noFixReason?: string;
  /** Set when an inline directive or the baseline suppresses the diagnostic. */
  readonly suppression?: Suppression;
  /** Source ranges holding secrets (passwords): every reporter masks them in code it shows. */
  readonly secrets?: readonly Span[];
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 2, warn: 1 };
