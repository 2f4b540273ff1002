import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import type { AnyRule, MessageFns, RuleDefinition } from '../../src/engine/define-rule.js';
import { lintSync, type LintRun } from '../../src/lint/lint.js';

/** A repository as a map of relative path → file text. */
export type ProjectFiles = Readonly<Record<string, string>>;

export interface ProjectLint {
  /** This rule's diagnostics, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Reserved `schema-lint/...` diagnostics (loader and scanner problems). */
  readonly problems: readonly Diagnostic[];
  readonly run: LintRun;
  /** Repository-relative path (with `/`) of an absolute file. */
  readonly relative: (file: string) => string;
}

/**
 * Builds a temporary repository from `files` (or copies `fromDir`), adds a schema-lint.config.json
 * that enables only `rule`, runs the real pipeline (`lintSync` with `cwd` in the repository) and
 * hands the result to `use`. The repository is removed afterwards.
 */
export function withLintedProject<T>(
  rule: AnyRule,
  source: { readonly files?: ProjectFiles; readonly fromDir?: string },
  options: unknown,
  use: (result: ProjectLint) => T,
  settings: { readonly cwd?: string; readonly paths?: readonly string[]; readonly withoutConfig?: boolean } = {},
): T {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'schema-lint-project-')));
  try {
    if (source.fromDir) cpSync(source.fromDir, dir, { recursive: true });
    for (const [file, text] of Object.entries(source.files ?? {})) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    if (!settings.withoutConfig) {
      const config = { extends: [], rules: { [rule.id]: [rule.meta.defaultSeverity, options ?? {}] } };
      writeFileSync(path.join(dir, 'schema-lint.config.json'), `${JSON.stringify(config, null, 2)}\n`);
    }
    const result = lintSync({ cwd: path.join(dir, settings.cwd ?? '.'), ...(settings.paths ? { paths: settings.paths } : {}), today: '2026-01-01' });
    if (!result.ok) throw new Error(`lint failed:\n${result.problems.map((p) => `${p.source}: ${p.message}`).join('\n')}`);
    const relative = (file: string) => path.relative(dir, file).split(path.sep).join('/');
    return use({
      diagnostics: result.run.diagnostics.filter((d) => d.ruleId === rule.id),
      problems: result.run.diagnostics.filter((d) => d.ruleId.startsWith('schema-lint/')),
      run: result.run,
      relative,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ProjectValidCase<O> {
  readonly name: string;
  readonly files: ProjectFiles;
  readonly options?: O;
}

export interface ProjectExpectedError<M extends string> {
  readonly messageId: M;
  /** Repository-relative path. */
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly message?: string;
}

export interface ProjectInvalidCase<O, M extends string> extends ProjectValidCase<O> {
  readonly errors: readonly ProjectExpectedError<M>[];
}

/**
 * RuleTester for rules that read project facts: each case is a small repository. Valid cases must
 * produce no diagnostic of the rule and no loader or scanner problem; invalid cases exactly the
 * listed messageIds at file:line, in order (sorted by file, line, column).
 */
export function testProjectRule<O extends z.ZodType, Msgs extends MessageFns>(
  rule: RuleDefinition<O, Msgs>,
  cases: { readonly valid: readonly ProjectValidCase<z.input<O>>[]; readonly invalid: readonly ProjectInvalidCase<z.input<O>, keyof Msgs & string>[] },
): void {
  const anyRule = rule as unknown as AnyRule;
  assertWellFormed(anyRule, cases);
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        withLintedProject(anyRule, { files: c.files }, c.options ?? {}, ({ diagnostics, problems, relative }) => {
          expect(problems.map((p) => `${relative(p.span.file)}: ${p.message}`), 'the repository must load without problems').toEqual([]);
          expect(diagnostics.map((d) => `${relative(d.span.file)}:${d.span.start.line} ${d.messageId}: ${d.message}`)).toEqual([]);
        });
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        withLintedProject(anyRule, { files: c.files }, c.options ?? {}, ({ diagnostics, problems, relative }) => {
          expect(problems.map((p) => `${relative(p.span.file)}: ${p.message}`), 'the repository must load without problems').toEqual([]);
          const actual = diagnostics.map((d, i) => {
            const wanted = c.errors[i];
            return {
              messageId: d.messageId,
              file: relative(d.span.file),
              line: d.span.start.line,
              ...(wanted?.column !== undefined ? { column: d.span.start.column } : {}),
              ...(wanted?.message !== undefined ? { message: d.message } : {}),
            };
          });
          const expected = c.errors.map((e) => ({ messageId: e.messageId, file: e.file, line: e.line, ...(e.column !== undefined ? { column: e.column } : {}), ...(e.message !== undefined ? { message: e.message } : {}) }));
          expect(actual, diagnostics.map((d) => `${relative(d.span.file)}:${d.span.start.line} ${d.message}`).join('\n')).toEqual(expected);
          for (const d of diagnostics) expect(d.message).toMatch(/\.$/);
        });
      });
    }
  });
}

function assertWellFormed(rule: AnyRule, cases: { valid: readonly ProjectValidCase<unknown>[]; invalid: readonly ProjectInvalidCase<unknown, string>[] }): void {
  if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.id}: a rule test needs valid and invalid cases.`);
  const seen = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const key = JSON.stringify([c.files, c.options ?? null]);
    if (seen.has(key)) throw new Error(`${rule.id}: duplicate test case "${c.name}".`);
    seen.add(key);
    if (c.options !== undefined) rule.options.parse(c.options);
  }
  for (const c of cases.invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case "${c.name}" expects no errors.`);
    for (const e of c.errors) if (!(e.messageId in rule.meta.messages)) throw new Error(`${rule.id}: unknown messageId "${e.messageId}" in a test case.`);
  }
}

/**
 * The files of a `project` doc example: `--- path` lines start each file.
 *
 * ```project invalid
 * --- create_tables.py
 * Base.metadata.create_all(bind=engine)
 * ```
 */
export function parseProjectExample(code: string): Record<string, string> {
  const files: Record<string, string> = {};
  let current: string | undefined;
  for (const line of code.split('\n')) {
    const header = /^--- (\S+)\s*$/.exec(line);
    if (header) {
      current = header[1]!;
      files[current] = '';
    } else if (current !== undefined) files[current] += `${line}\n`;
    else if (line.trim() !== '') throw new Error(`project example: text before the first "--- <path>" line: ${line}`);
  }
  return files;
}
