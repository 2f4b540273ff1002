import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ConfigProblem } from '../config/config-problem.js';
import type { Diagnostic, Fix } from '../engine/diagnostic.js';
import { prepareProject, type LintOptions, type PreparedProject } from '../lint/lint.js';
import { applyEdits, applyFixes, type FixCandidate } from './apply-fixes.js';
import { evaluate, projectOnlyProblems, type Evaluation, type Overlay } from './relint.js';
import { BOM } from './source-text.js';
import { writeFileAtomically } from './write-atomically.js';

export type FixKind = Fix['kind'];

/** ESLint's limit: fixes are recomputed from the new text up to this many times. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions extends LintOptions {
  /** Which fixes to apply: `safe` (--fix), `suggestion` (--fix-type suggestion), or both. */
  readonly kinds: ReadonlySet<FixKind>;
  readonly maxPasses?: number;
}

export interface AppliedFix {
  readonly ruleId: string;
  readonly kind: FixKind;
  readonly description: string;
  readonly file: string;
  /** Where the diagnostic was, in the text the pass started from. */
  readonly line: number;
  readonly pass: number;
}

export interface NotFixed {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export interface FileChange {
  readonly file: string;
  /** Texts without a byte-order mark; `bom` says whether the file starts with one (it is kept). */
  readonly before: string;
  readonly after: string;
  readonly bom: boolean;
}

export interface FixRun {
  readonly project: PreparedProject;
  readonly changes: readonly FileChange[];
  readonly applied: readonly AppliedFix[];
  /** Fixes that were not applied, and findings of fixable rules that have no fix, with the reason. */
  readonly notFixed: readonly NotFixed[];
  readonly passes: number;
  /** The pass limit stopped the run while fixes were still applicable. */
  readonly exhausted: boolean;
  /** The project as it is after the fixes (what remains). */
  readonly remaining: Evaluation;
  readonly kinds: ReadonlySet<FixKind>;
}

export type ComputeFixesResult = { readonly ok: true; readonly run: FixRun } | { readonly ok: false; readonly problems: readonly ConfigProblem[] } | { readonly ok: 'empty' };

/**
 * Computes the fixes for a project in memory, without writing: lint, apply the fixes that do not
 * conflict, re-load and re-lint the edited texts, keep what verifies, and repeat until nothing is
 * left to fix or MAX_FIX_PASSES. A fix is dropped (with the reason) when the result would not
 * parse, would add a loader problem, or would not make its diagnostic go away. Only files that are
 * lint inputs or files they import, inside the project root and outside node_modules (and, when
 * paths narrow the report, only those files) are ever edited.
 */
export function computeFixes(options: FixOptions): ComputeFixesResult {
  // NOTE: no cache: the passes load edited texts that are not on disk.
  const { cacheFile: _cache, kinds: _kinds, maxPasses: _passes, ...lintOptions } = options;
  const prepared = prepareProject(lintOptions);
  if (prepared.ok === false) return { ok: false, problems: prepared.problems };
  if (prepared.ok === 'empty') return { ok: 'empty' };
  const project = prepared.project;
  const evaluateOptions = {
    ...(options.baselineFile !== undefined ? { baselineFile: path.resolve(project.cwd, options.baselineFile) } : {}),
    ...(options.today ? { today: options.today } : {}),
    projectProblems: projectOnlyProblems(project),
  };
  const originals = new Map<string, { text: string; bom: boolean } | null>();
  const original = (file: string) => {
    if (!originals.has(file)) originals.set(file, readWithBom(file));
    return originals.get(file) ?? undefined;
  };
  const loop = runFixLoop({
    evaluate: (overlay) => evaluate(project, overlay, evaluateOptions),
    read: (file) => original(file)?.text,
    writable: writableFiles(project),
    kinds: options.kinds,
    maxPasses: options.maxPasses ?? MAX_FIX_PASSES,
  });
  const changes: FileChange[] = [];
  for (const [file, after] of loop.overlay) {
    const before = original(file);
    if (before && before.text !== after) changes.push({ file, before: before.text, after, bom: before.bom });
  }
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ok: true, run: { project, changes, applied: loop.applied, notFixed: loop.notFixed, passes: loop.passes, exhausted: loop.exhausted, remaining: loop.remaining, kinds: options.kinds } };
}

/** What the fix loop needs from the world; tests pass their own. */
export interface FixLoopEnvironment {
  /** Lints the project with these texts in place of the files' (BOM excluded). */
  evaluate(overlay: Overlay): Evaluation;
  /** A file's text as on disk (BOM excluded); undefined when unreadable. */
  read(file: string): string | undefined;
  writable(file: string): boolean;
  readonly kinds: ReadonlySet<FixKind>;
  readonly maxPasses: number;
}

export interface FixLoopResult {
  /** The new text of every file a kept fix edited. */
  readonly overlay: ReadonlyMap<string, string>;
  readonly applied: readonly AppliedFix[];
  readonly notFixed: readonly NotFixed[];
  readonly passes: number;
  readonly exhausted: boolean;
  readonly remaining: Evaluation;
}

/**
 * The passes: take the diagnostics' fixes of the wanted kinds, apply those that do not conflict,
 * re-lint, and keep them when nothing got worse; otherwise find the culprits one fix at a time.
 */
export function runFixLoop(env: FixLoopEnvironment): FixLoopResult {
  let overlay = new Map<string, string>();
  const current = (file: string) => overlay.get(file) ?? env.read(file);
  const applied: AppliedFix[] = [];
  const notFixed = new Map<string, NotFixed>();
  const rejected = new Set<string>();
  const note = (d: Diagnostic, reason: string) => {
    const key = `${d.ruleId}\0${d.identity}\0${d.messageId ?? ''}`;
    if (!notFixed.has(key)) notFixed.set(key, { ruleId: d.ruleId, file: d.span.file, line: d.span.start.line, column: d.span.start.column, reason });
  };
  let state = env.evaluate(overlay);
  let passes = 0;
  let exhausted = false;

  for (let pass = 1; ; pass++) {
    const candidates: FixCandidate[] = [];
    for (const d of state.diagnostics) {
      if (d.suppression) continue;
      const fix = d.fixes?.find((f) => env.kinds.has(f.kind));
      if (!fix || rejected.has(fixKey(d, fix))) continue;
      const outside = fix.edits.find((e) => !env.writable(e.file));
      if (outside) {
        note(d, `the fix would edit ${outside.file}, which is not a lint input inside the project`);
        rejected.add(fixKey(d, fix));
        continue;
      }
      candidates.push({ diagnostic: d, fix });
    }
    if (candidates.length === 0) break;
    if (pass > env.maxPasses) {
      exhausted = true;
      break;
    }
    passes = pass;
    const attempt = applyFixes(current, candidates);
    for (const bad of attempt.invalid) {
      rejected.add(fixKey(bad.diagnostic, bad.fix));
      note(bad.diagnostic, 'the fix does not fit the file (its edits overlap or fall outside the text)');
    }
    if (attempt.applied.length === 0) break;

    const passStart = new Map(overlay);
    const textAtStart = (file: string) => passStart.get(file) ?? env.read(file);
    const tried = withTexts(passStart, attempt.texts);
    const next = env.evaluate(tried);
    const suspects = findSuspects(state, next, attempt.applied);
    if (suspects.size === 0) {
      overlay = tried;
      state = next;
      for (const c of attempt.applied) applied.push(appliedFix(c, pass));
      continue;
    }
    // NOTE: keep the other files' fixes, then try the suspect files' fixes one at a time, each
    // applied together with those already kept to the text the pass started from (their offsets).
    const group = new Map([...attempt.texts].filter(([file]) => !suspects.has(file)));
    let base = withTexts(passStart, group);
    let baseState = group.size > 0 ? env.evaluate(base) : state;
    let kept = attempt.applied.filter((c) => !filesOf(c).some((f) => suspects.has(f)));
    if (group.size > 0 && findSuspects(state, baseState, kept).size > 0) {
      base = passStart;
      baseState = state;
      kept = [];
    }
    for (const candidate of attempt.applied) {
      if (kept.includes(candidate)) continue;
      const trial = [...kept.filter((k) => filesOf(k).some((f) => filesOf(candidate).includes(f))), candidate];
      const texts = new Map<string, string>();
      for (const file of new Set(trial.flatMap(filesOf))) {
        const start = textAtStart(file);
        if (start !== undefined) texts.set(file, applyEdits(start, trial.flatMap((c) => c.fix.edits.filter((e) => e.file === file))));
      }
      const trialOverlay = withTexts(base, texts);
      const trialState = env.evaluate(trialOverlay);
      const failure = findSuspects(baseState, trialState, [candidate]);
      if (failure.size > 0) {
        rejected.add(fixKey(candidate.diagnostic, candidate.fix));
        note(candidate.diagnostic, `the fix was dropped: ${[...failure.values()][0]}`);
        continue;
      }
      kept.push(candidate);
      base = trialOverlay;
      baseState = trialState;
    }
    if (kept.length === 0) continue;
    overlay = base;
    state = baseState;
    for (const c of kept) applied.push(appliedFix(c, pass));
  }

  for (const d of state.diagnostics) {
    if (!d.suppression && d.noFixReason) note(d, d.noFixReason);
  }
  return { overlay, applied, notFixed: [...notFixed.values()], passes, exhausted, remaining: state };
}

export interface WriteOutcome {
  readonly written: readonly string[];
  readonly failed: readonly { readonly file: string; readonly message: string }[];
}

/** Writes each changed file atomically, with its byte-order mark; a file changed on disk meanwhile is left alone. */
export function writeFixes(changes: readonly FileChange[]): WriteOutcome {
  const written: string[] = [];
  const failed: { file: string; message: string }[] = [];
  for (const change of changes) {
    const now = readWithBom(change.file);
    if (!now || now.text !== change.before || now.bom !== change.bom) {
      failed.push({ file: change.file, message: 'it changed on disk while schema-lint was fixing it; run --fix again' });
      continue;
    }
    try {
      writeFileAtomically(change.file, (change.bom ? BOM : '') + change.after);
      written.push(change.file);
    } catch (error) {
      failed.push({ file: change.file, message: (error as Error).message });
    }
  }
  return { written, failed };
}

function readWithBom(file: string): { text: string; bom: boolean } | null {
  try {
    const raw = readFileSync(file, 'utf8');
    const bom = raw.charCodeAt(0) === 0xfeff;
    return { text: bom ? raw.slice(1) : raw, bom };
  } catch {
    return null;
  }
}

/**
 * NOTE: the boundary of what --fix may write: files the run linted or loaded (imports), inside the
 * project root (the git top level, else the working directory) once symbolic links are resolved,
 * never under node_modules, and only the reported files when paths narrowed the report.
 */
function writableFiles(project: PreparedProject): (file: string) => boolean {
  const loaded = new Set([...project.inputs.files, ...project.model.files]);
  const root = safeRealpath(project.root) ?? project.root;
  const cache = new Map<string, boolean>();
  return (file) => {
    let ok = cache.get(file);
    if (ok === undefined) {
      const real = safeRealpath(file);
      ok =
        loaded.has(file) &&
        real !== undefined &&
        isInside(project.root, file) &&
        isInside(root, real) &&
        !real.split(path.sep).includes('node_modules') &&
        !file.split(path.sep).includes('node_modules') &&
        (!project.reportedFiles || project.reportedFiles.has(file));
      cache.set(file, ok);
    }
    return ok;
  };
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Files whose fixes cannot stay, with the reason: the result has a parse or loader problem the
 * text before did not have, or a fixed diagnostic is still reported.
 */
function findSuspects(before: Evaluation, after: Evaluation, applied: readonly FixCandidate[]): Map<string, string> {
  const suspects = new Map<string, string>();
  const changed = new Set(applied.flatMap(filesOf));
  const problemKey = (d: Diagnostic) => `${d.span.file}\0${d.ruleId}\0${d.message}`;
  const counts = countBy(before.problems, problemKey);
  for (const d of after.problems) {
    const key = problemKey(d);
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      counts.set(key, left - 1);
      continue;
    }
    const reason = d.ruleId === 'schema-lint/parse-error' ? `the result would not parse (${d.message.replace(/\.$/, '')})` : `the result would add a problem (${d.ruleId}: ${d.message.replace(/\.$/, '')})`;
    if (changed.has(d.span.file)) {
      if (!suspects.has(d.span.file)) suspects.set(d.span.file, reason);
    } else {
      for (const file of changed) if (!suspects.has(file)) suspects.set(file, reason);
    }
  }
  const diagnosticKey = (d: Diagnostic) => `${d.ruleId}\0${d.identity}\0${d.messageId ?? ''}`;
  const beforeCounts = countBy(before.diagnostics, diagnosticKey);
  const afterCounts = countBy(after.diagnostics, diagnosticKey);
  const fixedCounts = countBy(applied.map((c) => c.diagnostic), diagnosticKey);
  for (const candidate of applied) {
    const key = diagnosticKey(candidate.diagnostic);
    if ((afterCounts.get(key) ?? 0) > (beforeCounts.get(key) ?? 0) - (fixedCounts.get(key) ?? 0)) {
      for (const file of filesOf(candidate)) if (!suspects.has(file)) suspects.set(file, 'applying it did not resolve the finding');
    }
  }
  return suspects;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function filesOf(candidate: FixCandidate): string[] {
  return [...new Set(candidate.fix.edits.map((e) => e.file))];
}

function withTexts(base: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map(base);
  for (const [file, text] of texts) out.set(file, text);
  return out;
}

function fixKey(d: Diagnostic, fix: Fix): string {
  return `${d.ruleId}\0${d.identity}\0${d.messageId ?? ''}\0${fix.description}`;
}

function appliedFix(candidate: FixCandidate, pass: number): AppliedFix {
  const d = candidate.diagnostic;
  return { ruleId: d.ruleId, kind: candidate.fix.kind, description: candidate.fix.description, file: d.span.file, line: d.span.start.line, pass };
}
