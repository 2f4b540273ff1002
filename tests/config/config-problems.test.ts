import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { formatConfigProblems } from '../../src/config/config-problem.js';
import { validateRawConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';

function problemsOf(raw: unknown, overrides = {}): string {
  const shape = validateRawConfig(raw, 'schema-lint.config.json');
  if (shape.length > 0) return formatConfigProblems(shape);
  const resolved = resolveConfig({ raw: raw as never, file: 'schema-lint.config.json', baseDir: '/' }, overrides, rules);
  return resolved.ok ? '(ok)\n' : formatConfigProblems(resolved.problems);
}

describe('config problems (every template, snapshotted)', () => {
  it('shape errors: unknown keys with suggestions, wrong types, bad severities — all at once', async () => {
    const text = problemsOf({ extnds: 'strict', include: 'src/**/*.ts', casing: 'kebab', rules: { 'require-fk-index': 'loud', 'no-untyped-json': ['warn', 1] } });
    await expect(text).toMatchFileSnapshot('__snapshots__/shape-errors.txt');
    expect(text).toContain('Did you mean "extends"?');
  });

  it('unknown rules and invalid options, with key paths', async () => {
    const text = problemsOf({
      rules: {
        'require-fk-indx': 'error',
        'require-fk-index': ['error', { ignoreTable: ['x'] }],
        'require-fk-on-delete': ['warn', { allow: ['cascade', 'explode'] }],
        'no-conflicting-primary-keys': ['error', { anything: true }],
      },
    });
    await expect(text).toMatchFileSnapshot('__snapshots__/rule-errors.txt');
    expect(text).toContain('rules › require-fk-indx: unknown rule. Did you mean "require-fk-index"?');
    expect(text).toContain('rules › require-fk-index[1] › ignoreTable: unknown option for require-fk-index. Did you mean "ignoreTables"?');
    expect(text).toContain('rules › require-fk-on-delete[1] › allow[1]');
  });

  it('command-line overrides', async () => {
    const text = problemsOf({}, { preset: 'strickt', rules: ['require-fk-index', 'nope=warn', 'require-fk-index=loud'] });
    await expect(text).toMatchFileSnapshot('__snapshots__/override-errors.txt');
    expect(text).toContain('Did you mean "strict"?');
  });

  it('presets: recommended by default, strict enables every rule', () => {
    const recommended = resolveConfig({ raw: {}, baseDir: '/' }, {}, rules);
    const strict = resolveConfig({ raw: { extends: 'strict' }, baseDir: '/' }, {}, rules);
    if (!recommended.ok || !strict.ok) throw new Error('expected valid configs');
    expect(recommended.config.rules.map((r) => r.rule.id)).not.toContain('require-fk-on-update');
    expect(strict.config.rules.map((r) => r.rule.id)).toEqual(rules.map((r) => r.id));
  });
});
