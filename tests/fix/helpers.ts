import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeFixes, writeFixes, type FixKind, type FixRun } from '../../src/fix/fix-project.js';
import { relativePosix } from '../../src/reporters/paths.js';

const REPOSITORY = path.resolve(import.meta.dirname, '..', '..');
export const FIX_FIXTURES = path.join(REPOSITORY, 'fixtures', 'fix');

const made: string[] = [];

/**
 * A fresh temporary folder holding copies of some files of `folder` (paths relative to it). With
 * `inRepository`, the folder is made under the repository's git-ignored tmp/, so that drizzle-kit
 * (tests/helpers/drizzle-ddl.ts) resolves drizzle-orm from the repository's node_modules.
 */
export function copyFiles(folder: string, files: readonly string[], options: { inRepository?: boolean } = {}): string {
  return writeFolder(Object.fromEntries(files.map((f) => [f, readFileSync(path.join(folder, f))])), options);
}

/** A fresh temporary folder holding `files` (path → text or bytes). */
export function writeFolder(files: Readonly<Record<string, string | Uint8Array>>, options: { inRepository?: boolean } = {}): string {
  const parent = options.inRepository ? path.join(REPOSITORY, 'tmp') : tmpdir();
  mkdirSync(parent, { recursive: true });
  const dir = realpathSync(mkdtempSync(path.join(parent, 'schema-lint-fix-')));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  made.push(dir);
  return dir;
}

export function removeCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface CaseOptions {
  readonly kinds: readonly FixKind[];
  readonly rules?: readonly string[];
  readonly preset?: string;
  readonly paths?: readonly string[];
  /** The file whose fixed text is snapshotted, when it is not the case file itself. */
  readonly case?: string;
  /**
   * The files the case copies into its own folder (default: the case file). NOTE: each case runs
   * alone: a folder of Python files is scanned whole, so other cases' models would join the run.
   */
  readonly files?: readonly string[];
}

export function readCaseOptions(file: string): CaseOptions {
  return JSON.parse(readFileSync(file, 'utf8')) as CaseOptions;
}

/** Runs the fix computation the way the CLI does (no writes). */
export function fixIn(dir: string, options: CaseOptions, paths: readonly string[]): FixRun {
  const result = computeFixes({
    cwd: dir,
    paths,
    kinds: new Set(options.kinds),
    today: '2026-01-01',
    overrides: { ...(options.preset ? { preset: options.preset } : {}), rules: [...(options.rules ?? [])] },
  });
  if (result.ok !== true) throw new Error(`computeFixes failed: ${JSON.stringify(result)}`);
  return result.run;
}

/** Applies a run to disk and returns it. */
export function fixAndWrite(dir: string, options: CaseOptions, paths: readonly string[]): FixRun {
  const run = fixIn(dir, options, paths);
  const outcome = writeFixes(run.changes);
  if (outcome.failed.length > 0) throw new Error(`writeFixes failed: ${JSON.stringify(outcome.failed)}`);
  return run;
}

/** What a run did, as stable text: kept fixes, findings left unfixed with the reason, and what remains. */
export function describeRun(run: FixRun, dir: string): string {
  const rel = (file: string) => relativePosix(dir, file);
  const lines = [`passes: ${run.passes}${run.exhausted ? ' (exhausted)' : ''}`];
  for (const a of run.applied) lines.push(`fixed ${rel(a.file)}:${a.line} ${a.ruleId} [${a.kind}] ${a.description}`);
  for (const n of [...run.notFixed].sort((x, y) => x.line - y.line || (x.ruleId < y.ruleId ? -1 : 1))) lines.push(`not fixed ${rel(n.file)}:${n.line} ${n.ruleId}: ${n.reason}`);
  const remaining = run.remaining.diagnostics.filter((d) => !d.suppression);
  lines.push(`remaining: ${remaining.map((d) => `${d.span.start.line} ${d.ruleId}`).join(', ') || 'none'}`);
  return `${lines.join('\n')}\n`;
}
