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
  /** Set when a baseline was applied: how many findings it accepted, how many entries are stale. */
  readonly baseline?: { readonly file: string; readonly matched: number; readonly stale: number };
  /** `--changed-since` found no changed schema files. */
  readonly nothingChanged?: boolean;
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
  /** Emit suppressed diagnostics too (SARIF `suppressions`, JSON `suppressed`). */
  readonly includeSuppressed?: boolean;
  /** SARIF `automationDetails.id` category (`--sarif-category`). */
  readonly sarifCategory?: string;
}

export type Reporter = (input: ReportInput, context: ReporterContext) => string;
