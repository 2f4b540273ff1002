import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE_NAME } from '../config/load-config.js';
import { findDrizzleConfig, readDrizzleConfig } from '../loaders/drizzle-config.js';
import { mightBeDrizzleSchema } from '../loaders/drizzle/load-drizzle-schema.js';
import { ALWAYS_IGNORED } from '../lint/collect-inputs.js';
import { relativePosix } from '../reporters/paths.js';

/** Folders where schema code usually lives, tried when there is no drizzle config. */
const COMMON_SCHEMA_GLOBS = [
  'src/db/**/*.{ts,mts,js,mjs}',
  'src/server/db/**/*.{ts,mts,js,mjs}',
  'src/lib/db/**/*.{ts,mts,js,mjs}',
  'src/schema/**/*.{ts,mts,js,mjs}',
  'db/**/*.{ts,mts,js,mjs}',
  'drizzle/**/*.{ts,mts,js,mjs}',
  'shared/**/*.{ts,mts,js,mjs}',
  'lib/db/**/*.{ts,mts,js,mjs}',
  'app/db/**/*.{ts,mts,js,mjs}',
  'packages/*/src/db/**/*.{ts,mts,js,mjs}',
  'packages/db/**/*.{ts,mts,js,mjs}',
];

export interface InitResult {
  readonly file: string;
  readonly config: Record<string, unknown>;
  /** What was detected, for the message. */
  readonly findings: readonly string[];
}

/** Detects where the schema lives and builds a starter config; writes nothing itself. */
export function planInit(cwd: string): InitResult {
  const findings: string[] = [];
  const config: Record<string, unknown> = {
    $schema: './node_modules/schema-lint/src/schemas/config.schema.json',
    extends: 'recommended',
  };
  const drizzleConfig = findDrizzleConfig(cwd);
  const facts = drizzleConfig ? readDrizzleConfig(drizzleConfig) : undefined;
  if (facts && facts.schema.length > 0) {
    findings.push(`${relativePosix(cwd, facts.file)} names the schema (${facts.schema.join(', ')}); schema-lint reads it when run without paths.`);
    if (facts.casing) findings.push(`casing "${facts.casing}" is taken from the drizzle config.`);
  } else {
    const include = new Set<string>();
    for (const pattern of COMMON_SCHEMA_GLOBS) {
      for (const file of globSync(pattern, { cwd, ignore: ALWAYS_IGNORED })) {
        const text = safeRead(path.join(cwd, file));
        if (text !== undefined && mightBeDrizzleSchema(text)) include.add(pattern.replace(/\*\*\/\*\.\{[^}]+\}$/, '**/*.ts'));
      }
    }
    if (include.size === 0) {
      for (const entry of safeList(cwd)) {
        if (/\.(ts|mts|js|mjs)$/.test(entry)) {
          const text = safeRead(path.join(cwd, entry));
          if (text !== undefined && mightBeDrizzleSchema(text)) include.add(entry);
        }
      }
    }
    if (include.size > 0) {
      config['include'] = [...include].sort();
      findings.push(`Drizzle schema files found in ${[...include].sort().join(', ')}.`);
    } else {
      findings.push('No schema files found; add their globs to "include".');
      config['include'] = [];
    }
  }
  config['rules'] = {};
  return { file: path.join(cwd, CONFIG_FILE_NAME), config, findings };
}

export function writeInit(plan: InitResult): void {
  writeFileSync(plan.file, `${JSON.stringify(plan.config, null, 2)}\n`, { flag: 'wx' });
}

export function configExists(cwd: string): boolean {
  if (existsSync(path.join(cwd, CONFIG_FILE_NAME))) return true;
  const pkg = safeRead(path.join(cwd, 'package.json'));
  if (pkg === undefined) return false;
  try {
    return 'schema-lint' in (JSON.parse(pkg) as Record<string, unknown>);
  } catch {
    return false;
  }
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
