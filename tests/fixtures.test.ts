import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { classifyLoadedModel } from '../src/classification/pipeline.js';
import { runRules } from '../src/engine/run-rules.js';
import { loadSchema } from '../src/loaders/load-schema.js';
import { renderAnnotated } from './helpers/render-annotated.js';

const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures');

/** `// expect: rule-a, rule-b` (or `# expect:` in Python) at the end of a line. */
function parseExpectComments(source: string): string[] {
  const expected: string[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    const match = /(?:\/\/|#)\s*expect:\s*([\w\-/, ]+)$/.exec(line);
    if (match) for (const id of match[1]!.split(',')) expected.push(`${i + 1} ${id.trim()}`);
  });
  return expected.sort();
}

const ruleDirs = rules.filter((r) => existsSync(path.join(fixturesDir, r.id)));

describe.each(ruleDirs.map((r) => r.id))('fixtures/%s', (ruleId) => {
  const rule = rules.find((r) => r.id === ruleId)!;
  const dir = path.join(fixturesDir, ruleId);
  const files = readdirSync(dir).filter((f) => /\.(ts|py)$/.test(f) && !f.endsWith('.expected.txt'));

  it.each(files)('%s', async (name) => {
    const file = path.join(dir, name);
    const source = readFileSync(file, 'utf8');
    const optionsFile = file.replace(/\.(ts|py)$/, '.options.json');
    const options = rule.options.parse(existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {});
    const load = loadSchema([file]);
    const classified = classifyLoadedModel(load.model);
    expect([...load.problems, ...classified.problems].map((p) => p.message), 'fixtures must load cleanly').toEqual([]);
    const diagnostics = runRules(classified.model, [{ rule, severity: rule.meta.defaultSeverity, options }]).filter((d) => d.span.file === file);

    // 1. intent: the "// expect:" comments are the spec.
    expect(diagnostics.map((d) => `${d.span.start.line} ${d.ruleId}`).sort()).toEqual(parseExpectComments(source));
    if (name.startsWith('valid')) expect(diagnostics).toEqual([]);

    // 2. exact wording and spans: a readable snapshot next to the fixture.
    await expect(renderAnnotated(source, diagnostics, name)).toMatchFileSnapshot(`${file}.expected.txt`);
  });
});
