import { relativePosix } from './paths.js';
import type { Reporter } from './reporter.js';

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`,
 * one per finding, paths relative to the repository root. They need no token, so they work on
 * pull requests from forks. GitHub shows at most 10 errors and 10 warnings per step: use SARIF
 * upload for the full list.
 */
export const formatGithub: Reporter = (input, context) => {
  const lines: string[] = [];
  for (const d of input.diagnostics) {
    if (d.suppression) continue;
    const command = d.severity === 'error' ? 'error' : 'warning';
    const properties = [
      `file=${escapeProperty(relativePosix(context.sourceRoot, d.span.file))}`,
      `line=${d.span.start.line}`,
      `endLine=${d.span.end.line}`,
      // NOTE: GitHub ignores columns when a range spans lines.
      ...(d.span.start.line === d.span.end.line ? [`col=${d.span.start.column}`, `endColumn=${d.span.end.column}`] : []),
      `title=${escapeProperty(d.ruleId)}`,
    ];
    const message = d.help ? `${d.message}\n${d.help}` : d.message;
    lines.push(`::${command} ${properties.join(',')}::${escapeData(message)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
