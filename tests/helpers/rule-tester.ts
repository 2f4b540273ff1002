import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AnyRule, MessageFns, RuleDefinition } from '../../src/engine/define-rule.js';
import { lintSource } from './lint-source.js';
import { renderAnnotated } from './render-annotated.js';

export interface ValidCase<O> {
  readonly name?: string;
  readonly code: string;
  readonly options?: O;
}

export interface ExpectedError<M extends string> {
  readonly messageId: M;
  /** Line in the full snippet (preamble included). */
  readonly line: number;
  readonly column?: number;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

export interface InvalidCase<O, M extends string> extends ValidCase<O> {
  readonly errors: readonly ExpectedError<M>[];
}

/**
 * RuleTester for vitest (ESLint's RuleTester, typescript-eslint's typing). Checks the cases
 * themselves first: both lists non-empty, no duplicates, options valid, messageIds known. A failing
 * valid case shows the annotated source, not "expected 0, received 1".
 */
export function testRule<O extends z.ZodType, Msgs extends MessageFns>(
  rule: RuleDefinition<O, Msgs>,
  cases: { readonly valid: readonly (string | ValidCase<z.input<O>>)[]; readonly invalid: readonly InvalidCase<z.input<O>, keyof Msgs & string>[] },
): void {
  const anyRule = rule as unknown as AnyRule;
  assertWellFormed(anyRule, cases);
  describe(rule.id, () => {
    for (const c of cases.valid.map((v) => (typeof v === 'string' ? { code: v } : v))) {
      it(`valid: ${c.name ?? firstCodeLine(c.code)}`, () => {
        const { diagnostics, problems } = lintSource(anyRule, c.code, c.options ?? {});
        expect(problems.map((p) => p.message), 'the snippet must load without loader problems').toEqual([]);
        expect(renderAnnotated(c.code, diagnostics)).toBe(renderAnnotated(c.code, []));
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? firstCodeLine(c.code)}`, () => {
        const { diagnostics, problems } = lintSource(anyRule, c.code, c.options ?? {});
        expect(problems.map((p) => p.message), 'the snippet must load without loader problems').toEqual([]);
        const actual = diagnostics.map((d, i) => {
          const expected = c.errors[i];
          return {
            messageId: d.messageId,
            line: d.span.start.line,
            ...(expected?.column !== undefined ? { column: d.span.start.column } : {}),
            ...(expected?.message !== undefined ? { message: d.message } : {}),
          };
        });
        const wanted = c.errors.map((e) => ({ messageId: e.messageId, line: e.line, ...(e.column !== undefined ? { column: e.column } : {}), ...(e.message !== undefined ? { message: e.message } : {}) }));
        expect(actual, renderAnnotated(c.code, diagnostics)).toEqual(wanted);
        for (const [i, e] of c.errors.entries()) {
          if (e.data) expect(diagnostics[i]!.message).toBe(rule.meta.messages[e.messageId]!(e.data));
          expect(diagnostics[i]!.message).toMatch(/\.$/);
        }
      });
    }
  });
}

function assertWellFormed(rule: AnyRule, cases: { valid: readonly (string | ValidCase<unknown>)[]; invalid: readonly InvalidCase<unknown, string>[] }): void {
  if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.id}: a rule test needs valid and invalid cases.`);
  const seen = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const code = typeof c === 'string' ? c : c.code;
    const options = typeof c === 'string' ? undefined : c.options;
    const key = JSON.stringify([code, options ?? null]);
    if (seen.has(key)) throw new Error(`${rule.id}: duplicate test case:\n${code}`);
    seen.add(key);
    if (options !== undefined) rule.options.parse(options);
  }
  for (const c of cases.invalid) {
    if (c.errors.length === 0) throw new Error(`${rule.id}: invalid case "${c.name ?? firstCodeLine(c.code)}" expects no errors.`);
    for (const e of c.errors) {
      if (!(e.messageId in rule.meta.messages)) throw new Error(`${rule.id}: unknown messageId "${e.messageId}" in a test case.`);
    }
  }
}

function firstCodeLine(code: string): string {
  const lines = code.split('\n').filter((l) => l.trim() && !l.startsWith('import') && !l.startsWith('export const users'));
  return (lines[0] ?? code).trim().slice(0, 80);
}
