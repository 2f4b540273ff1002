import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { classifyLoadedModel } from '../src/classification/pipeline.js';
import { runRules } from '../src/engine/run-rules.js';
import { loadSchema } from '../src/loaders/load-schema.js';
import { withLintedProject } from './helpers/project-tester.js';
import { renderAnnotated } from './helpers/render-annotated.js';

const fixturesDir = path.resolve(import.meta.dirname, '..', 'fixtures');

/** `// expect: rule-a, rule-b` (`# expect:` in Python, `-- expect:` in SQL) at the end of a line. */
function parseExpectComments(source: string, prefix = ''): string[] {
  const expected: string[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    const match = /(?:\/\/|#|--)\s*expect:\s*([\w\-/, ]+)$/.exec(line);
    if (match) for (const id of match[1]!.split(',')) expected.push(`${prefix}${i + 1} ${id.trim()}`);
  });
  return expected.sort();
}

/** Every file of a folder fixture, by `/`-separated relative path. */
function folderFiles(root: string, dir = root): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [rel, text] of folderFiles(root, full)) out.set(rel, text);
    else out.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return out;
}

const ruleDirs = rules.filter((r) => existsSync(path.join(fixturesDir, r.id)));

describe.each(ruleDirs.map((r) => r.id))('fixtures/%s', (ruleId) => {
  const rule = rules.find((r) => r.id === ruleId)!;
  const dir = path.join(fixturesDir, ruleId);
  const files = readdirSync(dir).filter((f) => /\.(ts|py)$/.test(f) && !f.endsWith('.expected.txt'));
  // NOTE: a folder fixture is a small repository, linted by the real pipeline (project rules need one).
  const folders = readdirSync(dir).filter((f) => /^(valid|invalid)/.test(f) && statSync(path.join(dir, f)).isDirectory());

  it.runIf(folders.length > 0).each(folders)('%s/', async (name) => {
    const folder = path.join(dir, name);
    const optionsFile = `${folder}.options.json`;
    const options = rule.options.parse(existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {});
    const sources = folderFiles(folder);
    // 1. intent: "expect:" comments in the files, plus `expect.txt` lines ("package.json:6 rule-id") for files without comments.
    const expected = [...sources].flatMap(([rel, text]) => (rel === 'expect.txt' ? text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.trim().replace(/^(\S+):(\d+) /, '$1:$2 ')) : parseExpectComments(text, `${rel}:`)));
    const rendered = withLintedProject(rule, { fromDir: folder }, options, ({ diagnostics, problems, relative }) => {
      expect(problems.map((p) => `${relative(p.span.file)}: ${p.message}`), 'fixtures must load cleanly').toEqual([]);
      expect(diagnostics.map((d) => `${relative(d.span.file)}:${d.span.start.line} ${d.ruleId}`).sort()).toEqual(expected.sort());
      if (name.startsWith('valid')) expect(diagnostics).toEqual([]);
      // 2. exact wording and spans, file by file.
      const byFile = new Map<string, typeof diagnostics[number][]>();
      for (const d of diagnostics) byFile.set(relative(d.span.file), [...(byFile.get(relative(d.span.file)) ?? []), d]);
      if (byFile.size === 0) return renderAnnotated('', []);
      return [...byFile].map(([rel, list]) => renderAnnotated(sources.get(rel) ?? '', list, rel)).join('\n');
    });
    await expect(rendered).toMatchFileSnapshot(`${folder}.expected.txt`);
  });

  it.runIf(files.length > 0).each(files)('%s', async (name) => {
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
