import type { Diagnostic, Fix, TextEdit } from '../engine/diagnostic.js';
import { detectEol, withEol } from './source-text.js';

export interface FixCandidate {
  readonly diagnostic: Diagnostic;
  readonly fix: Fix;
}

export interface AppliedEdits {
  /** New text of every file an accepted fix edits. */
  readonly texts: ReadonlyMap<string, string>;
  /** Accepted fixes, in the order they were considered. */
  readonly applied: readonly FixCandidate[];
  /** Fixes that touch an accepted fix's text; another pass may apply them. */
  readonly deferred: readonly FixCandidate[];
  /** Fixes whose edits do not fit their file (offsets out of range, overlapping each other). */
  readonly invalid: readonly FixCandidate[];
}

/**
 * Applies as many fixes as can go together: in a fixed order (file, position, rule, identity), a
 * fix is taken when none of its edits overlaps or touches an edit already taken (ESLint's rule:
 * two insertions at one point conflict too, so their order is never guessed); the rest wait for
 * the next pass, when they are recomputed from the new text. Inserted line breaks take the file's.
 */
export function applyFixes(read: (file: string) => string | undefined, candidates: readonly FixCandidate[]): AppliedEdits {
  const ordered = [...candidates].sort(compareCandidates);
  const taken = new Map<string, { start: number; end: number }[]>();
  const texts = new Map<string, string>();
  const accepted = new Map<string, TextEdit[]>();
  const applied: FixCandidate[] = [];
  const deferred: FixCandidate[] = [];
  const invalid: FixCandidate[] = [];
  for (const candidate of ordered) {
    const edits = candidate.fix.edits;
    const valid =
      edits.length > 0 &&
      edits.every((e) => {
        const text = texts.get(e.file) ?? read(e.file);
        if (text === undefined) return false;
        texts.set(e.file, text);
        return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length;
      }) &&
      edits.every((a, i) => edits.every((b, j) => i === j || a.file !== b.file || !overlaps(a, b, false)));
    if (!valid) {
      invalid.push(candidate);
      continue;
    }
    if (edits.some((e) => (taken.get(e.file) ?? []).some((r) => overlaps(e, r, true)))) {
      deferred.push(candidate);
      continue;
    }
    for (const e of edits) {
      let ranges = taken.get(e.file);
      if (!ranges) taken.set(e.file, (ranges = []));
      ranges.push({ start: e.start, end: e.end });
      let kept = accepted.get(e.file);
      if (!kept) accepted.set(e.file, (kept = []));
      kept.push(e);
    }
    applied.push(candidate);
  }
  const out = new Map<string, string>();
  for (const [file, edits] of accepted) out.set(file, applyEdits(texts.get(file)!, edits));
  return { texts: out, applied, deferred, invalid };
}

/** Applies non-overlapping edits to one text; inserted line breaks become the text's own. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const eol = detectEol(text);
  // NOTE: one pass over the text (thousands of edits to a large file must not copy it each time);
  // at one offset, the edit listed first ends up first.
  const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of order) {
    parts.push(text.slice(at, edit.start), withEol(edit.text, eol));
    at = Math.max(at, edit.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Ranges overlap; with `touching`, ranges that only meet (or two insertions at one point) conflict too. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }, touching: boolean): boolean {
  if (touching) return a.start <= b.end && b.start <= a.end;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function compareCandidates(a: FixCandidate, b: FixCandidate): number {
  const ea = firstEdit(a.fix);
  const eb = firstEdit(b.fix);
  return compare(ea?.file ?? '', eb?.file ?? '') || (ea?.start ?? 0) - (eb?.start ?? 0) || compare(a.diagnostic.ruleId, b.diagnostic.ruleId) || compare(a.diagnostic.identity, b.diagnostic.identity) || compare(a.fix.description, b.fix.description);
}

function firstEdit(fix: Fix): TextEdit | undefined {
  return [...fix.edits].sort((x, y) => compare(x.file, y.file) || x.start - y.start)[0];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
