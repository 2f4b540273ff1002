import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { globSync } from 'tinyglobby';

/** Everything the scanner may read: source, SQL, Alembic/Prisma/drizzle-kit configuration, package.json. */
const PROJECT_GLOBS = [
  '**/*.{py,ts,tsx,mts,cts,js,jsx,mjs,cjs}',
  '**/*.sql',
  '**/*.prisma',
  '**/alembic.ini',
  '**/pyproject.toml',
  '**/package.json',
  '**/drizzle.config.json',
  '**/meta/_journal.json',
];

/**
 * Folders never scanned: dependencies, virtual environments, build output, caches. Dot folders
 * (.git, .venv, .tox, .next) are skipped because the walk does not enter hidden folders.
 */
export const PROJECT_IGNORE = [
  '**/node_modules/**',
  '**/venv/**',
  '**/virtualenv/**',
  '**/site-packages/**',
  '**/__pycache__/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/htmlcov/**',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.min.js',
];

export interface ProjectFileList {
  /** Absolute paths, sorted. */
  readonly files: readonly string[];
}

/**
 * Lists the files under `root` (or only under `only`: given files and folders) that the scanner
 * may read. `ignore` globs are relative to `root`.
 */
export function listProjectFiles(root: string, options: { readonly ignore?: readonly string[]; readonly only?: readonly string[] } = {}): ProjectFileList {
  const userIgnored = options.ignore && options.ignore.length > 0 ? picomatch([...options.ignore], { dot: true }) : undefined;
  const keep = (file: string) => !userIgnored || !userIgnored(toPosix(path.relative(root, file)));
  const out = new Set<string>();
  const bases = options.only ?? [root];
  for (const base of bases) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(base).isDirectory();
    } catch {
      continue;
    }
    if (!isDirectory) {
      if (keep(base)) out.add(path.resolve(base));
      continue;
    }
    for (const file of globSync(PROJECT_GLOBS, { cwd: base, absolute: true, ignore: PROJECT_IGNORE, dot: false, followSymbolicLinks: false })) {
      const resolved = path.resolve(file);
      if (keep(resolved)) out.add(resolved);
    }
  }
  return { files: [...out].sort() };
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `file` relative to `root` with `/` separators; absolute when outside the root. */
export function relativePath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? toPosix(file) : toPosix(rel);
}

const TEST_SEGMENTS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e', 'testing', '__mocks__', 'cypress', 'playwright']);

/**
 * Test code: it builds throw-away databases, so `create_all` and localhost passwords there are normal.
 * NOTE: decided by path only (pytest, vitest, jest and playwright conventions), never by content.
 */
export function isTestPath(rel: string): boolean {
  const parts = rel.split('/');
  const base = parts[parts.length - 1] ?? '';
  if (parts.slice(0, -1).some((p) => TEST_SEGMENTS.has(p.toLowerCase()))) return true;
  return (
    base === 'conftest.py' ||
    /^test_.*\.py$/.test(base) ||
    /_tests?\.py$/.test(base) ||
    /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/.test(base) ||
    /^(?:vitest|jest|playwright|cypress)\.(?:config|setup)\b/.test(base) ||
    /^(?:setup-?tests|test-?setup|global-?setup|global-?teardown)\.[cm]?[jt]s$/i.test(base)
  );
}

/** Folders that conventionally hold migrations, by name (the scanner adds the configured ones). */
const MIGRATION_SEGMENTS = new Set(['migrations', 'migration', 'alembic_migrations']);

/** Whether `rel` lies in a migration folder: a conventional name, or one of `dirs` (relative to the root). */
export function isMigrationPath(rel: string, dirs: readonly string[]): boolean {
  const parts = rel.split('/');
  if (parts.slice(0, -1).some((p) => MIGRATION_SEGMENTS.has(p.toLowerCase()))) return true;
  if (/(?:^|\/)db\/migrate\//.test(rel)) return true;
  return dirs.some((dir) => dir !== '.' && (rel === dir || rel.startsWith(`${dir}/`)));
}

export function isSourceFile(file: string): boolean {
  return /\.(?:py|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(file);
}

export function isPythonFile(file: string): boolean {
  return file.endsWith('.py');
}
