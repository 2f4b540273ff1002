import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { DOC_SECTIONS, readRuleDocsFromSource } from '../src/docs/rule-doc.js';
import { DRIZZLE_PREAMBLE } from './helpers/drizzle-snippet.js';
import { lintSource } from './helpers/lint-source.js';
import { parseProjectExample, withLintedProject } from './helpers/project-tester.js';
import { renderAnnotated } from './helpers/render-annotated.js';

const docs = new Map(readRuleDocsFromSource(path.resolve(import.meta.dirname, '..', 'rules')).map((d) => [d.id, d]));

describe.each(rules.map((r) => r.id))('docs of %s', (id) => {
  const doc = docs.get(id)!;
  const rule = rules.find((r) => r.id === id)!;

  it('has a summary and the fixed sections, in order', () => {
    expect(doc.summary.length).toBeGreaterThan(20);
    expect(doc.sectionOrder).toEqual([...DOC_SECTIONS]);
    for (const section of DOC_SECTIONS) expect(doc.sections[section]!.length, section).toBeGreaterThan(0);
  });

  it('has at least one valid and one invalid example', () => {
    expect(doc.examples.some((e) => e.kind === 'valid')).toBe(true);
    expect(doc.examples.some((e) => e.kind === 'invalid')).toBe(true);
  });

  it.each(doc.examples.map((e, i) => [`${e.kind} example ${i + 1}`, e] as const))('%s behaves as labelled', (_, example) => {
    if (example.lang === 'project') {
      // NOTE: a `project` example is a small repository (`--- path` starts each file), linted by the real pipeline.
      withLintedProject(rule, { files: parseProjectExample(example.code) }, {}, ({ diagnostics, problems, relative }) => {
        expect(problems.map((p) => `${relative(p.span.file)}: ${p.message}`)).toEqual([]);
        if (example.kind === 'invalid') expect(diagnostics.length, 'an invalid example must produce a diagnostic').toBeGreaterThan(0);
        else expect(diagnostics.map((d) => `${relative(d.span.file)}:${d.span.start.line} ${d.message}`)).toEqual([]);
      });
      return;
    }
    const source = exampleSource(example.lang, example.code);
    const { diagnostics, problems } = lintSource(rule, source, {}, example.lang === 'py' ? 'models.py' : 'schema.ts');
    expect(problems.map((p) => p.message)).toEqual([]);
    if (example.kind === 'invalid') expect(diagnostics.length, 'an invalid example must produce a diagnostic').toBeGreaterThan(0);
    else expect(renderAnnotated(source, diagnostics)).toBe(renderAnnotated(source, []));
  });
});

/** Doc examples show only the interesting table; give them the standard imports and `users`. */
function exampleSource(lang: string, code: string): string {
  if (lang !== 'ts') return code;
  // NOTE: some examples describe users.id as another type; the preamble's uuid id suits them all.
  return DRIZZLE_PREAMBLE + code;
}
