import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { DESCRIPTION_PATTERN, RULE_ID_PATTERN, type AnyRule } from '../src/engine/define-rule.js';

const root = path.resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('rule inventory', () => {
  it('the registry lists every rule file exactly once, alphabetically', () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(ids).toEqual([...ids].sort());
  });

  describe.each(ruleFiles)('%s', (file) => {
    const id = file.replace(/\.ts$/, '');
    it('default export is the registered rule with a matching id', async () => {
      const module = (await import(`../rules/${file.replace(/\.ts$/, '.js')}`)) as { default: AnyRule };
      expect(module.default.id).toBe(id);
      expect(rules).toContain(module.default);
    });
    it('follows the naming conventions', () => {
      const rule = rules.find((r) => r.id === id)!;
      expect(id).toMatch(RULE_ID_PATTERN);
      expect(rule.meta.description).toMatch(DESCRIPTION_PATTERN);
      expect(rule.meta.help).toMatch(/[.)`]$/);
      for (const messageId of Object.keys(rule.meta.messages)) expect(messageId).toMatch(/^[a-z][a-zA-Z]*$/);
    });
    it('has a rule test and fixtures with valid and invalid files', () => {
      expect(existsSync(path.join(root, 'tests', 'rules', `${id}.test.ts`)), `tests/rules/${id}.test.ts`).toBe(true);
      const dir = path.join(root, 'fixtures', id);
      expect(existsSync(dir), `fixtures/${id}/`).toBe(true);
      const files = readdirSync(dir);
      // NOTE: a fixture is a schema file, or (for rules about the repository) a folder holding a small repository.
      const isFixture = (f: string, kind: string) => new RegExp(`^${kind}.*\\.(ts|py)$`).test(f) || (new RegExp(`^${kind}`).test(f) && statSync(path.join(dir, f)).isDirectory());
      expect(files.some((f) => isFixture(f, 'valid')), `fixtures/${id}/valid*.ts or fixtures/${id}/valid*/`).toBe(true);
      expect(files.some((f) => isFixture(f, 'invalid')), `fixtures/${id}/invalid*.ts or fixtures/${id}/invalid*/`).toBe(true);
    });
  });

  it('rule files import only from src/engine, src/model and zod (rules stay model-only)', () => {
    const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, skipLoadingLibFiles: true });
    for (const file of ruleFiles) {
      const source = project.addSourceFileAtPath(path.join(root, 'rules', file));
      for (const declaration of source.getImportDeclarations()) {
        const specifier = declaration.getModuleSpecifierValue();
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(zod|\.\.\/src\/engine\/[\w-]+\.js|\.\.\/src\/model\/[\w-]+\.js)$/);
      }
    }
  });

  it('every fixture folder names a rule, and every snapshot has its fixture', () => {
    const known = new Set([...rules.map((r) => r.id), 'projects', 'drizzle', 'sqlalchemy', 'repos', 'phi', 'db-check', 'fix']);
    for (const entry of readdirSync(path.join(root, 'fixtures'), { withFileTypes: true })) {
      if (entry.isDirectory()) expect(known.has(entry.name), `fixtures/${entry.name} names no rule`).toBe(true);
    }
    for (const rule of rules) {
      const dir = path.join(root, 'fixtures', rule.id);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.expected.txt'))) {
        expect(existsSync(path.join(dir, file.replace(/\.expected\.txt$/, ''))), `${rule.id}/${file} has no fixture`).toBe(true);
      }
    }
  });
});
