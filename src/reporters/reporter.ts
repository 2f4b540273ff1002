import type { Diagnostic } from '../engine/diagnostic.js';
import type { AnyRule } from '../engine/define-rule.js';
import type { RuleDoc } from '../docs/rule-doc.js';
import type { SeveritySetting } from '../engine/diagnostic.js';

/** What a reporter is given about the run. Reporters are pure: (report, context) → text. */
export interface ReportInput {
  readonly diagnostics: readonly Diagnostic[];
  /** Number of schema files loaded (roots and imports). */
  readonly fileCount: number;
  readonly tableCount: number;
  /** Rules enabled in this run, with their configured severity. */
  readonly rules: readonly { readonly rule: AnyRule; readonly severity: SeveritySetting }[];
}

export interface ReporterContext {
  readonly cwd: string;
  /** Root that SARIF URIs are relative to (the git top level, else cwd). */
  readonly sourceRoot: string;
  readonly color: boolean;
  readonly toolVersion: string;
  readonly docs: ReadonlyMap<string, RuleDoc>;
  /** Source text of a file, for code frames; undefined when unreadable. */
  readonly readSource: (file: string) => string | undefined;
  /** Emit suppressed diagnostics too (SARIF `suppressions`). */
  readonly includeSuppressed?: boolean;
}

export type Reporter = (input: ReportInput, context: ReporterContext) => string;
