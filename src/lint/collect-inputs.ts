import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { ConfigProblem } from '../config/config-problem.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { findDrizzleConfig, readDrizzleConfig, type DrizzleConfigFacts } from '../loaders/drizzle-config.js';
import { mightBeDrizzleSchema } from '../loaders/drizzle/load-drizzle-schema.js';
import { readSourceFile } from '../loaders/source-file.js';
import { mightBeSqlAlchemySchema } from '../loaders/sqlalchemy/load-sqlalchemy-schema.js';

/** Source extensions considered when a folder is given. */
export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py}';
/** Folders never scanned: dependencies, build output, VCS metadata. */
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/.next/**', '**/.turbo/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/site-packages/**'];

export interface CollectedInputs {
  /** Absolute paths of the schema files to load. */
  readonly files: readonly string[];
  /** The drizzle config that supplied the files or the casing, if any. */
  readonly drizzleConfig?: DrizzleConfigFacts;
  /** How the files were chosen, for messages. */
  readonly origin: 'arguments' | 'config include' | 'drizzle config' | 'project scan';
}

export type CollectResult = { readonly ok: true; readonly inputs: CollectedInputs } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/**
 * Expands the command-line paths (files, folders, globs) into schema files. With no paths, uses
 * the config's `include` globs, else the `schema` of the drizzle config. Files named explicitly are
 * always loaded (unless `filterExplicit`, used when a project scope is loaded anyway); files found by
 * scanning a folder are kept only if they import Drizzle (a cheap text check before parsing).
 */
export interface CollectOptions {
  readonly filterExplicit?: boolean;
  /** Reads a drizzle config (the cache passes a memoised reader). */
  readonly readDrizzleConfig?: (file: string) => DrizzleConfigFacts;
}

export function collectInputs(cwd: string, paths: readonly string[], config: ResolvedConfig, options: CollectOptions = {}): CollectResult {
  const problems: ConfigProblem[] = [];
  const ignore = [...ALWAYS_IGNORED, ...config.ignore.map((g) => toCwdRelativeGlob(g, config.baseDir, cwd))];
  const isIgnored = picomatch(ignore, { dot: true });
  const drizzleConfigFile = config.drizzleConfig ? path.resolve(config.baseDir, config.drizzleConfig) : findDrizzleConfig(cwd);
  const drizzleConfig = drizzleConfigFile ? (options.readDrizzleConfig ?? readDrizzleConfig)(drizzleConfigFile) : undefined;

  const files = new Set<string>();
  const scanned = new Set<string>();
  const addScanned = (file: string) => {
    if (files.has(file)) return;
    scanned.add(file);
  };

  let origin: CollectedInputs['origin'] = 'arguments';
  let patterns: { pattern: string; base: string; explicit: boolean }[] = paths.map((p) => ({ pattern: p, base: cwd, explicit: true }));
  // NOTE: with neither paths nor `include`, SQLAlchemy models are found by scanning the working
  // directory, next to the drizzle config's `schema`: a mixed repository is linted whole.
  let discoverPython = false;
  if (patterns.length === 0 && config.include.length > 0) {
    origin = 'config include';
    patterns = config.include.map((p) => ({ pattern: p, base: config.baseDir, explicit: false }));
  } else if (patterns.length === 0) {
    discoverPython = true;
    origin = 'project scan';
    if (drizzleConfig && drizzleConfig.schema.length > 0) {
      origin = 'drizzle config';
      patterns = drizzleConfig.schema.map((p) => ({ pattern: p, base: path.dirname(drizzleConfig.file), explicit: false }));
    }
  }
  if (discoverPython) {
    for (const file of discoverPythonModels(cwd)) if (!isIgnored(path.relative(cwd, file))) addScanned(file);
  }
  if (patterns.length === 0 && scanned.size === 0) {
    return { ok: false, problems: [NOTHING_TO_LINT] };
  }

  for (const { pattern, base, explicit } of patterns) {
    const absolute = path.resolve(base, pattern);
    if (!isDynamicPattern(pattern.replace(/\\/g, '/'))) {
      let stat;
      try {
        stat = statSync(absolute);
      } catch {
        problems.push({ code: 'no-input', source: origin === 'arguments' ? 'command line' : origin, path: [], message: `"${pattern}" does not exist.` });
        continue;
      }
      if (stat.isDirectory()) {
        for (const file of globSync(SOURCE_GLOB, { cwd: absolute, absolute: true, ignore: ALWAYS_IGNORED, dot: false })) {
          if (!isIgnored(path.relative(cwd, file))) addScanned(path.resolve(file));
        }
      } else if (explicit && !options.filterExplicit) {
        files.add(absolute);
        scanned.delete(absolute);
      } else if (!isIgnored(path.relative(cwd, absolute))) {
        addScanned(absolute);
      }
      continue;
    }
    const matches = globSync(pattern.replace(/\\/g, '/'), { cwd: base, absolute: true, ignore: ALWAYS_IGNORED, dot: false });
    if (matches.length === 0) problems.push({ code: 'no-input', source: origin === 'arguments' ? 'command line' : origin, path: [], message: `no files match "${pattern}".` });
    for (const file of matches) if (!isIgnored(path.relative(cwd, file))) files.add(path.resolve(file));
  }

  for (const file of scanned) {
    const read = readSourceFile(file);
    if (!read.ok || (file.endsWith('.py') ? mightBeSqlAlchemySchema(read.text) : mightBeDrizzleSchema(read.text))) files.add(file);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (files.size === 0 && patterns.length === 0 && !options.filterExplicit) {
    return { ok: false, problems: [NOTHING_TO_LINT] };
  }
  if (files.size === 0 && !options.filterExplicit) {
    return { ok: false, problems: [{ code: 'no-input', source: 'command line', path: [], message: `no Drizzle or SQLAlchemy schema files found in ${patterns.map((p) => `"${p.pattern}"`).join(', ')}.`, hint: 'schema files import from "drizzle-orm/pg-core" (or mysql-core, sqlite-core) or from sqlalchemy / flask_sqlalchemy / sqlmodel.' }] };
  }
  return { ok: true, inputs: { files: [...files].sort(), ...(drizzleConfig ? { drizzleConfig } : {}), origin } };
}

const NOTHING_TO_LINT: ConfigProblem = {
  code: 'no-input',
  source: 'command line',
  path: [],
  message: 'no schema files given, no `include` in the config, no drizzle config `schema` and no SQLAlchemy models found.',
  hint: 'Run `schema-lint path/to/schema.ts` (or a folder), or add "include" to schema-lint.config.json.',
};

/**
 * Folders never searched for SQLAlchemy models: migrations (Alembic versions import sqlalchemy
 * but declare no models), tests (throw-away models), documentation and examples.
 */
const PYTHON_DISCOVERY_IGNORED = [
  ...ALWAYS_IGNORED,
  '**/virtualenv/**',
  '**/migrations/**',
  '**/alembic/**',
  '**/versions/**',
  '**/test/**',
  '**/tests/**',
  '**/testing/**',
  '**/test_*.py',
  '**/*_test.py',
  '**/conftest.py',
  '**/docs/**',
  '**/examples/**',
];

/** Python files under `cwd` that may hold SQLAlchemy models (the text pre-check runs later). */
function discoverPythonModels(cwd: string): string[] {
  return globSync('**/*.py', { cwd, absolute: true, ignore: PYTHON_DISCOVERY_IGNORED, dot: false, followSymbolicLinks: false }).map((f) => path.resolve(f));
}

function toCwdRelativeGlob(glob: string, baseDir: string, cwd: string): string {
  const rel = path.relative(cwd, baseDir).split(path.sep).join('/');
  return rel ? `${rel}/${glob}` : glob;
}
