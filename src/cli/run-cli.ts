import yargs from 'yargs';
import { formatConfigProblems, type ConfigProblem } from '../config/config-problem.js';
import { MANIFEST_FILE_NAME } from '../classification/manifest.js';
import { DEFAULT_BASELINE_FILE } from '../lint/baseline.js';
import { DEFAULT_CACHE_FILE } from '../lint/cache.js';
import { TOOL_VERSION } from '../version.js';
import { ExitCode } from './exit-code.js';
import type { CliIo } from './io.js';

export interface CommonArgs {
  readonly paths: readonly string[];
  readonly format: string;
  readonly outputFile?: string;
  readonly config?: string;
  readonly preset?: string;
  readonly rule: readonly string[];
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly exitZero: boolean;
  readonly color?: boolean;
  readonly writeBaseline?: string;
  readonly baseline?: string;
  readonly pruneBaseline: boolean;
  readonly includeSuppressed: boolean;
  readonly changedSince?: string;
  readonly sarifCategory?: string;
  readonly cache: boolean;
  readonly cacheLocation?: string;
  /** `--fix`: write the fixes of the selected kinds. */
  readonly fix: boolean;
  /** `--fix-type`, comma lists split; empty = not given (safe). */
  readonly fixTypes: readonly string[];
  /** `--fix-dry-run`: print the fixes as a unified diff, write nothing. */
  readonly fixDryRun: boolean;
}

type Command =
  | { readonly name: 'lint'; readonly args: CommonArgs }
  | { readonly name: 'model'; readonly args: CommonArgs }
  | { readonly name: 'list-rules'; readonly args: CommonArgs }
  | { readonly name: 'explain'; readonly args: CommonArgs; readonly ruleId: string }
  | { readonly name: 'init'; readonly args: CommonArgs; readonly force: boolean }
  | { readonly name: 'print-config'; readonly args: CommonArgs; readonly file?: string }
  | { readonly name: 'classify'; readonly args: CommonArgs; readonly writeManifest?: string }
  | { readonly name: 'report'; readonly args: CommonArgs; readonly previousInventory?: string; readonly sourceLinkBase?: string; readonly title?: string }
  | { readonly name: 'db-check'; readonly args: CommonArgs; readonly databaseUrl?: string; readonly migrations?: string; readonly schemas: readonly string[]; readonly statementTimeout?: number };

export const LINT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/**
 * The command-line entry: parses arguments, runs the command, writes to `io`, and returns the
 * exit code (0 clean, 1 problems found, 2 usage/config/internal error). Never calls process.exit.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let command: Command | undefined;
  const parser = yargs([...argv])
    .scriptName('schema-lint')
    .usage('Usage: schema-lint [paths..] [options]\n\nLint database schema code (Drizzle, SQLAlchemy) for integrity, performance and privacy problems.')
    .command('$0 [paths..]', 'Lint schema files, folders or globs (default: config include, else the drizzle config schema)', withPaths, (a) => {
      command = { name: 'lint', args: common(a) };
    })
    .command('model [paths..]', 'Print the loaded intermediate model as JSON', withPaths, (a) => {
      command = { name: 'model', args: common(a) };
    })
    .command('list-rules', 'List every rule with its default severity and presets', (y) => y, (a) => {
      command = { name: 'list-rules', args: common(a) };
    })
    .command('explain <rule>', "Print a rule's documentation", (y) => y.positional('rule', { type: 'string', demandOption: true }), (a) => {
      command = { name: 'explain', args: common(a), ruleId: String(a['rule']) };
    })
    .command('classify [paths..]', 'Print the data inventory: every sensitive column, declared or inferred (--format text|json|markdown)', (y) => withPaths(y).option('write-manifest', { type: 'string', describe: 'Add inferred, undeclared columns to the classification manifest for review (default schema-lint.classification.json); never changes existing entries' }), (a) => {
      command = { name: 'classify', args: common(a), ...(a['write-manifest'] !== undefined ? { writeManifest: String(a['write-manifest']) || MANIFEST_FILE_NAME } : {}) };
    })
    .command(
      'db-check [paths..]',
      'Compare the schema code with a database (--database-url or DATABASE_URL), or with what --migrations produce in an embedded PostgreSQL',
      (y) =>
        withPaths(y)
          .option('database-url', { type: 'string', describe: 'PostgreSQL connection URL (default: $DATABASE_URL); read-only catalog queries' })
          .option('migrations', { type: 'string', describe: 'Folder of SQL migrations (drizzle-kit layout or ordered .sql files) to apply to an embedded PostgreSQL' })
          .option('schema', { type: 'string', array: true, describe: 'Database schema(s) to compare (default: those the code uses, plus public)' })
          .option('statement-timeout', { type: 'number', describe: 'Statement timeout for catalog queries, in ms (default 10000)' }),
      (a) => {
        command = {
          name: 'db-check',
          args: common(a),
          ...(a['database-url'] !== undefined ? { databaseUrl: String(a['database-url']) } : {}),
          ...(a['migrations'] !== undefined ? { migrations: String(a['migrations']) } : {}),
          schemas: ((a['schema'] as string[] | undefined) ?? []).map(String),
          ...(typeof a['statement-timeout'] === 'number' ? { statementTimeout: a['statement-timeout'] } : {}),
        };
      },
    )
    .command(
      'report [paths..]',
      'Write the governance report: a self-contained HTML file with the ER diagram, data map and findings (--format html), or a Markdown summary for pull requests (--format markdown)',
      (y) =>
        withPaths(y)
          .option('previous-inventory', { type: 'string', describe: 'markdown: `classify --format json` output of the base branch, to list sensitive-data changes' })
          .option('source-link-base', { type: 'string', describe: 'html: make source links `<base><path>#L<line>` (e.g. a GitHub blob URL ending in /)' })
          .option('title', { type: 'string', describe: 'html: the report title' }),
      (a) => {
        command = {
          name: 'report',
          args: common(a),
          ...(a['previous-inventory'] !== undefined ? { previousInventory: String(a['previous-inventory']) } : {}),
          ...(a['source-link-base'] !== undefined ? { sourceLinkBase: String(a['source-link-base']) } : {}),
          ...(a['title'] !== undefined ? { title: String(a['title']) } : {}),
        };
      },
    )
    .command('init', 'Write a starter schema-lint.config.json for this project', (y) => y.option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing config' }), (a) => {
      command = { name: 'init', args: common(a), force: a['force'] === true };
    })
    .command('print-config [file]', 'Print the resolved configuration (for a file: whether it is linted)', (y) => y.positional('file', { type: 'string' }), (a) => {
      command = { name: 'print-config', args: common(a), ...(a['file'] !== undefined ? { file: String(a['file']) } : {}) };
    })
    .option('format', { alias: 'f', type: 'string', default: 'text', describe: `Output format: ${LINT_FORMATS.join(', ')}` })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to a file instead of stdout' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (default: nearest schema-lint.config.json or package.json#schema-lint)' })
    .option('preset', { type: 'string', describe: 'Start from a preset: recommended, strict, hipaa' })
    .option('rule', { type: 'string', array: true, default: [] as string[], describe: 'Set a rule severity: --rule require-fk-index=error (repeatable)' })
    .option('max-warnings', { type: 'number', describe: 'Exit 1 when there are more warnings than this' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Report errors only' })
    .option('baseline', { type: 'string', describe: `Report only findings not in this baseline file (default ${DEFAULT_BASELINE_FILE})` })
    .option('write-baseline', { type: 'string', describe: `Record the current findings in a baseline file (default ${DEFAULT_BASELINE_FILE}) and exit 0` })
    .option('prune-baseline', { type: 'boolean', default: false, describe: 'With --baseline: remove entries that no longer occur' })
    .option('include-suppressed', { type: 'boolean', default: false, describe: 'Also output suppressed and baselined findings (SARIF suppressions, JSON "suppressed")' })
    .option('changed-since', { type: 'string', describe: 'Report only schema files changed since this git ref (the whole schema is still resolved)' })
    .option('sarif-category', { type: 'string', describe: 'SARIF automationDetails.id category, for several uploads per commit' })
    .option('cache', { type: 'boolean', default: false, describe: `Reuse what earlier runs derived from unchanged files (${DEFAULT_CACHE_FILE})` })
    .option('cache-location', { type: 'string', describe: `Cache file (default ${DEFAULT_CACHE_FILE} in the working directory)` })
    .option('exit-zero', { type: 'boolean', default: false, describe: 'Exit 0 even when problems are found (configuration errors still exit 2)' })
    .option('fix', { type: 'boolean', default: false, describe: 'Fix what can be fixed in the schema files (safe fixes; see --fix-type), then report what remains' })
    .option('fix-type', { type: 'string', array: true, default: [] as string[], describe: 'Fixes to apply with --fix or --fix-dry-run: safe (default), suggestion; repeatable or comma-separated' })
    .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Print the fixes --fix would make as a unified diff; change nothing' })
    .option('color', { type: 'boolean', describe: 'Force colour on (--color) or off (--no-color)' })
    .strictOptions()
    .strictCommands()
    .exitProcess(false)
    .help()
    .alias('help', 'h')
    .version(TOOL_VERSION)
    .alias('version', 'v')
    .wrap(Math.min(110, 110));

  let output = '';
  let failure: string | undefined;
  parser.fail((message, error) => {
    failure = message || error?.message || 'invalid arguments';
  });
  try {
    await parser.parseAsync([...argv], {}, (_err, _argv, out) => {
      output = out;
    });
  } catch (error) {
    failure ??= (error as Error).message;
  }
  if (failure) {
    io.stderr.write(`schema-lint: ${failure}\nRun \`schema-lint --help\` for usage.\n`);
    return ExitCode.Fatal;
  }
  if (!command) {
    // --help or --version: yargs produced the text.
    if (output) io.stdout.write(`${output}\n`);
    return ExitCode.Ok;
  }
  try {
    const { runCommand } = await import('./commands.js');
    return await runCommand(command, io);
  } catch (error) {
    io.stderr.write(`schema-lint: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this at https://github.com/schema-lint/schema-lint/issues with the input that caused it.\n`);
    return ExitCode.Fatal;
  }
}

export type { Command };

// NOTE: with strictOptions, yargs reports an undeclared positional as an unknown argument.
function withPaths<T>(y: import('yargs').Argv<T>) {
  return y.positional('paths', { type: 'string', array: true, describe: 'Schema files, folders or globs' });
}

function common(a: Record<string, unknown>): CommonArgs {
  const maxWarnings = a['max-warnings'];
  return {
    paths: ((a['paths'] as string[] | undefined) ?? []).map(String),
    format: String(a['format'] ?? 'text'),
    ...(a['output-file'] !== undefined ? { outputFile: String(a['output-file']) } : {}),
    ...(a['config'] !== undefined ? { config: String(a['config']) } : {}),
    ...(a['preset'] !== undefined ? { preset: String(a['preset']) } : {}),
    rule: ((a['rule'] as string[] | undefined) ?? []).map(String),
    ...(typeof maxWarnings === 'number' && !Number.isNaN(maxWarnings) ? { maxWarnings } : {}),
    quiet: a['quiet'] === true,
    exitZero: a['exit-zero'] === true,
    ...(a['write-baseline'] !== undefined ? { writeBaseline: String(a['write-baseline']) || DEFAULT_BASELINE_FILE } : {}),
    ...(a['baseline'] !== undefined ? { baseline: String(a['baseline']) || DEFAULT_BASELINE_FILE } : {}),
    pruneBaseline: a['prune-baseline'] === true,
    includeSuppressed: a['include-suppressed'] === true,
    ...(a['changed-since'] !== undefined ? { changedSince: String(a['changed-since']) } : {}),
    ...(a['sarif-category'] !== undefined ? { sarifCategory: String(a['sarif-category']) } : {}),
    cache: a['cache'] === true || a['cache-location'] !== undefined,
    ...(a['cache-location'] !== undefined ? { cacheLocation: String(a['cache-location']) } : {}),
    ...(typeof a['color'] === 'boolean' ? { color: a['color'] } : {}),
    fix: a['fix'] === true,
    fixTypes: ((a['fix-type'] as string[] | undefined) ?? []).flatMap((t) => String(t).split(',')).map((t) => t.trim()).filter(Boolean),
    fixDryRun: a['fix-dry-run'] === true,
  };
}

export function writeProblems(io: CliIo, problems: readonly ConfigProblem[]): ExitCode {
  io.stderr.write(formatConfigProblems(problems));
  return ExitCode.Fatal;
}

