import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixed headings of a rule's doc block, in order (STYLE.md §3.6). */
export const DOC_SECTIONS = ['Why it matters', 'Examples', 'Options', 'How to fix', 'References'] as const;

export interface RuleDocExample {
  readonly kind: 'valid' | 'invalid';
  readonly lang: string;
  readonly code: string;
}

export interface RuleDoc {
  readonly id: string;
  /** First paragraph of the doc block. */
  readonly summary: string;
  /** Section heading → Markdown body, in source order. */
  readonly sections: Readonly<Record<string, string>>;
  readonly sectionOrder: readonly string[];
  readonly examples: readonly RuleDocExample[];
  /** The whole doc block as Markdown. */
  readonly markdown: string;
}

/** The package root: the nearest folder above this module with a package.json. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('schema-lint: cannot find its package.json');
    dir = parent;
  }
  return dir;
}

let cached: ReadonlyMap<string, RuleDoc> | undefined;

/**
 * Rule docs, read from `dist/rule-docs.json` written at build time, so `explain` and the SARIF
 * reporter need no TypeScript parsing at run time. Falls back to parsing the rule sources (tests).
 */
export function loadRuleDocs(): ReadonlyMap<string, RuleDoc> {
  if (cached) return cached;
  const root = packageRoot();
  const built = path.join(root, 'dist', 'rule-docs.json');
  if (existsSync(built)) {
    const docs = JSON.parse(readFileSync(built, 'utf8')) as RuleDoc[];
    cached = new Map(docs.map((d) => [d.id, d]));
  } else {
    cached = new Map(readRuleDocsFromSource(path.join(root, 'rules')).map((d) => [d.id, d]));
  }
  return cached;
}

/** Parses every rule file's doc block with ts-morph (`getJsDocs()`), never with a regex. */
export function readRuleDocsFromSource(rulesDir: string): RuleDoc[] {
  const require = createRequire(import.meta.url);
  const { Project } = require('ts-morph') as typeof import('ts-morph');
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: false } });
  const files = project.addSourceFilesAtPaths(path.join(rulesDir, '*.ts').split(path.sep).join('/'));
  const docs: RuleDoc[] = [];
  for (const file of files) {
    if (file.getBaseName() === 'index.ts') continue;
    const id = file.getBaseNameWithoutExtension();
    const exportAssignment = file.getExportAssignment((e) => !e.isExportEquals());
    const jsDoc = exportAssignment?.getJsDocs().at(-1);
    // NOTE: the whole comment, not getDescription(): examples contain `@phi` tags, which the JSDoc
    // parser would take as the start of the tag section. `*\/` inside examples means `*/`.
    const text = jsDoc ? jsDoc.getInnerText().replace(/\*\\\//g, '*/').trim() : '';
    docs.push(parseDocText(id, text));
  }
  return docs.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Splits a doc block's Markdown into summary, `## ` sections and tagged examples. */
export function parseDocText(id: string, text: string): RuleDoc {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const sections: Record<string, string> = {};
  const order: string[] = [];
  const summaryLines: string[] = [];
  let current: string | undefined;
  let buffer: string[] = [];
  const flush = () => {
    if (current !== undefined) sections[current] = buffer.join('\n').trim();
    buffer = [];
  };
  for (const line of lines) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      flush();
      current = heading[1]!.trim();
      order.push(current);
    } else if (current === undefined) summaryLines.push(line);
    else buffer.push(line);
  }
  flush();
  const examples: RuleDocExample[] = [];
  const fence = /```(\w+) (valid|invalid)\n([\s\S]*?)```/g;
  for (const match of (sections['Examples'] ?? '').matchAll(fence)) {
    examples.push({ lang: match[1]!, kind: match[2] as 'valid' | 'invalid', code: match[3]! });
  }
  const summary = summaryLines.join('\n').trim().split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
  return { id, summary, sections, sectionOrder: order, examples, markdown: text };
}
