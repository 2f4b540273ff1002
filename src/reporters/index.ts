import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import type { Reporter } from './reporter.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const reporters = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;
export type { Reporter, ReporterContext, ReportInput } from './reporter.js';
