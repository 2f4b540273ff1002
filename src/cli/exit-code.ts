/** Process exit codes (ESLint and Ruff use the same three). */
export const ExitCode = {
  /** No error-level diagnostics (warnings allowed unless --max-warnings). */
  Ok: 0,
  /** Error-level diagnostics, or more warnings than --max-warnings. */
  ProblemsFound: 1,
  /** Usage, configuration or internal error. */
  Fatal: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
