import type { Diagnostic, Severity } from '../engine/diagnostic.js';
import type { Span } from '../model/span.js';

/**
 * Reserved diagnostic ids: raised by loaders and the engine, never by rules, so they
 * cannot collide with rule ids. Each has an `explain` text in src/engine/reserved-ids.ts.
 */
export type ReservedId = `schema-lint/${string}`;

export interface LoadProblem {
  readonly id: ReservedId;
  readonly severity: Severity;
  readonly message: string;
  readonly help?: string;
  readonly span: Span;
}

export function problemToDiagnostic(problem: LoadProblem): Diagnostic {
  return {
    ruleId: problem.id,
    severity: problem.severity,
    message: problem.message,
    ...(problem.help ? { help: problem.help } : {}),
    span: problem.span,
    // NOTE: loader problems have no model node; fingerprints add the file's relative path.
    identity: `problem:${problem.message}`,
    properties: {},
  };
}
