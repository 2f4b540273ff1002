import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { applyEdits } from '../../src/fix/apply-fixes.js';
import { lintSync } from '../../src/lint/lint.js';
import { fakeIo } from '../helpers/fake-io.js';
import { hasSarifSchema, sarifSchemaErrors } from '../helpers/sarif-validator.js';
import { copyFiles, FIX_FIXTURES, removeCopies } from './helpers.js';

afterAll(removeCopies);

const drizzle = path.join(FIX_FIXTURES, 'drizzle');

async function output(cwd: string, args: string[]): Promise<string> {
  const io = fakeIo(cwd);
  await runCli(args, io);
  return io.out();
}

/** A project with a CRLF file, a file with a byte-order mark and a Python file, in a git root. */
function project(): string {
  const dir = copyFiles(FIX_FIXTURES, ['drizzle/references.ts', 'drizzle/extra-config.ts', 'drizzle/jsonb-taken.ts', 'sqlalchemy/declarative.py']);
  mkdirSync(path.join(dir, '.git'));
  rewrite(path.join(dir, 'drizzle', 'references.ts'), (t) => t.replace(/\n/g, '\r\n'));
  rewrite(path.join(dir, 'drizzle', 'extra-config.ts'), (t) => `\uFEFF${t}`);
  return dir;
}

function rewrite(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('text output', () => {
  it('shows the fix or suggestion of each diagnostic, and why a fixable rule has none', async () => {
    const dir = copyFiles(drizzle, ['references.ts', 'jsonb-taken.ts']);
    const text = await output(dir, ['references.ts', 'jsonb-taken.ts', '--rule', 'require-fk-on-update=warn']);
    expect(text).toContain('  fix: Declare onDelete: "no action" (what the database does today).\n');
    expect(text).toContain('  suggestion: Add index "posts_author_id_idx" on posts(author_id).\n');
    expect(text).toContain('  no automatic fix: the second argument of .references() is not an object literal.\n');
    expect(text).toContain('  no automatic fix: the name `jsonb` is taken by something else in this file.\n');
    expect(text).toMatch(/\n {2}\d+ problems fixable with `--fix`\.\n {2}\d+ problems with suggestions: review them with `--fix-dry-run --fix-type suggestion`, apply with `--fix --fix-type suggestion`\.\n$/);
  });
});

describe('JSON output', () => {
  it('lists each fix with its kind, description and edits (line and column ranges)', async () => {
    const dir = project();
    const json = JSON.parse(await output(dir, ['drizzle/references.ts', 'drizzle/extra-config.ts', 'drizzle/jsonb-taken.ts', '--format', 'json'])) as {
      diagnostics: { ruleId: string; file: string; line: number; fixes?: { kind: string; description: string; edits: { file: string; line: number; column: number; endLine: number; endColumn: number; text: string }[] }[]; noFixReason?: string }[];
    };
    const onDelete = json.diagnostics.find((d) => d.ruleId === 'require-fk-on-delete' && d.line === 14)!;
    expect(onDelete.fixes).toEqual([
      { kind: 'safe', description: 'Declare onDelete: "no action" (what the database does today).', edits: [{ file: 'drizzle/references.ts', line: 14, column: 61, endLine: 14, endColumn: 61, text: ', { onDelete: "no action" }' }] },
    ]);
    // NOTE: columns count from after the byte-order mark, as diagnostic positions do.
    const index = json.diagnostics.find((d) => d.ruleId === 'require-fk-index' && d.file === 'drizzle/extra-config.ts' && d.line === 6)!;
    expect(index.fixes![0]!.edits[0]).toMatchObject({ line: 6, column: 156, text: ", (t) => [index('posts_author_id_idx').on(t.authorId)]" });
    expect(json.diagnostics.find((d) => d.ruleId === 'prefer-jsonb')!.noFixReason).toBe('the name `jsonb` is taken by something else in this file');
  });
});

describe('SARIF output', () => {
  it.skipIf(!hasSarifSchema)('emits fixes that validate against the OASIS SARIF 2.1.0 schema', async () => {
    const dir = project();
    const log = JSON.parse(await output(dir, ['drizzle/references.ts', 'drizzle/extra-config.ts', 'sqlalchemy/declarative.py', '--format', 'sarif'])) as Sarif.Log;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const withFixes = log.runs[0]!.results!.filter((r) => r.fixes);
    expect(withFixes.length).toBeGreaterThan(20);
    expect(withFixes[0]!.fixes![0]).toMatchObject({ description: { text: expect.any(String) }, artifactChanges: [{ artifactLocation: { uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: expect.any(Number) } }] }] });
  });

  it('replacements applied by line and column give exactly the fix (CRLF, byte-order mark, Python)', async () => {
    const dir = project();
    const args = ['drizzle/references.ts', 'drizzle/extra-config.ts', 'sqlalchemy/declarative.py'];
    const log = JSON.parse(await output(dir, [...args, '--format', 'sarif'])) as Sarif.Log;
    const linted = lintSync({ cwd: dir, paths: args });
    if (!linted.ok) throw new Error('lint failed');
    let checked = 0;
    for (const result of log.runs[0]!.results!) {
      for (const fix of result.fixes ?? []) {
        const diagnostic = linted.run.diagnostics.find((d) => d.ruleId === result.ruleId && d.fixes?.some((f) => `${f.kind === 'suggestion' ? 'Suggestion: ' : ''}${f.description}` === fix.description?.text) && d.span.start.line === result.locations![0]!.physicalLocation!.region!.startLine)!;
        const edits = diagnostic.fixes!.find((f) => fix.description!.text!.endsWith(f.description))!.edits;
        for (const change of fix.artifactChanges) {
          const file = path.join(dir, change.artifactLocation!.uri!);
          const raw = readFileSync(file, 'utf8');
          const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
          expect(applyRegions(text, change.replacements!)).toBe(applyEdits(text, edits.filter((e) => e.file === file)));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});

/** What a SARIF viewer does with replacements: line/column regions over the file's lines. */
function applyRegions(text: string, replacements: readonly Sarif.Replacement[]): string {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
  const edits = replacements.map((r) => ({
    start: offset(r.deletedRegion.startLine!, r.deletedRegion.startColumn!),
    end: offset(r.deletedRegion.endLine!, r.deletedRegion.endColumn!),
    text: r.insertedContent?.text ?? '',
  }));
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
