/** A problem with the configuration or the command line; all are collected, then reported at once (exit 2). */
export interface ConfigProblem {
  readonly code:
    | 'config-not-found'
    | 'invalid-json'
    | 'invalid-config'
    | 'unknown-key'
    | 'unknown-rule'
    | 'invalid-severity'
    | 'invalid-options'
    | 'unknown-preset'
    | 'invalid-argument'
    | 'no-input';
  /** Where the problem is: the config file (or "command line"). */
  readonly source: string;
  /** Key path inside the config: ['rules', 'require-fk-index', 'ignoreTables', 0]. */
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly hint?: string;
}

/** `rules › require-fk-index › ignoreTables[0]` */
export function formatKeyPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? ` › ${part}` : part;
  }
  return out;
}

export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  const lines = [`schema-lint: ${problems.length} configuration ${problems.length === 1 ? 'problem' : 'problems'}:`];
  for (const problem of problems) {
    const where = problem.path.length > 0 ? `${problem.source}: ${formatKeyPath(problem.path)}` : problem.source;
    lines.push(`  ${where}: ${problem.message}${problem.hint ? ` ${problem.hint}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "Did you mean ...?" for the closest candidate within a small edit distance. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best !== undefined && bestDistance <= limit ? `Did you mean "${best}"?` : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
