import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { runCli } from '../src/cli/run-cli.js';
import { fakeIo } from './helpers/fake-io.js';

const readme = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README stays true', () => {
  it('documents every rule', () => {
    for (const rule of rules) expect(readme, rule.id).toContain(`\`${rule.id}\``);
  });

  it('documents every command-line flag and command', async () => {
    const io = fakeIo(process.cwd());
    await runCli(['--help'], io);
    const flags = [...io.out().matchAll(/--([a-z][a-z-]+)/g)].map((m) => m[1]!);
    expect(flags.length).toBeGreaterThan(5);
    for (const flag of new Set(flags)) expect(readme, `--${flag}`).toContain(`--${flag}`);
    for (const command of [...io.out().matchAll(/^ {2}schema-lint ([a-z-]+)/gm)].map((m) => m[1]!)) {
      expect(readme, command).toContain(`schema-lint ${command}`);
    }
  });

  it('gives the quick start the project really has', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(readme).toContain('npm install\nnpm start');
    expect(pkg.scripts['start']).toBeDefined();
    expect(pkg.scripts['test']).toContain('vitest run');
    const ci = readFileSync(path.resolve(import.meta.dirname, '..', '.ci', 'run'), 'utf8');
    expect(ci).toContain('npm ci');
    expect(ci).toContain('npm test');
  });
});
