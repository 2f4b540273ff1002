import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { didYouMean, type ConfigProblem } from './config-problem.js';
import { rawConfigSchema, type RawConfig } from './config-schema.js';

export const CONFIG_FILE_NAME = 'schema-lint.config.json';

export interface LoadedConfig {
  readonly raw: RawConfig;
  /** The file the config came from (`.../package.json` for the package.json form), or undefined. */
  readonly file?: string;
  /** Directory that relative paths in the config are resolved against. */
  readonly baseDir: string;
}

export type LoadConfigResult = { readonly ok: true; readonly config: LoadedConfig } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/**
 * Finds and parses the configuration: an explicit `--config` file, else the nearest
 * `schema-lint.config.json` or `package.json#schema-lint` from `cwd` upwards. No config at all is
 * fine: the recommended preset applies.
 */
export function loadConfig(cwd: string, explicitFile?: string): LoadConfigResult {
  if (explicitFile) {
    const file = path.resolve(cwd, explicitFile);
    if (!existsSync(file)) {
      return { ok: false, problems: [{ code: 'config-not-found', source: explicitFile, path: [], message: 'the config file does not exist.' }] };
    }
    return readConfigFile(file, path.basename(file) === 'package.json');
  }
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return readConfigFile(candidate, false);
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      const result = readConfigFile(pkg, true);
      if (!result.ok || result.config.file) return result;
    }
    if (existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { ok: true, config: { raw: {}, baseDir: path.resolve(cwd) } };
}

function readConfigFile(file: string, isPackageJson: boolean): LoadConfigResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ code: 'config-not-found', source: file, path: [], message: `cannot read the file (${(error as Error).message}).` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ code: 'invalid-json', source: file, path: [], message: `is not valid JSON: ${(error as Error).message}.` }] };
  }
  let raw: unknown = json;
  let keyPrefix: string[] = [];
  if (isPackageJson) {
    if (typeof json !== 'object' || json === null || !('schema-lint' in json)) {
      return { ok: true, config: { raw: {}, baseDir: path.dirname(file) } };
    }
    raw = (json as Record<string, unknown>)['schema-lint'];
    keyPrefix = ['schema-lint'];
  }
  const problems = validateRawConfig(raw, file, keyPrefix);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: { raw: raw as RawConfig, file, baseDir: path.dirname(file) } };
}

/** Validates a raw config object; every problem at once, with key paths and suggestions. */
export function validateRawConfig(raw: unknown, source: string, keyPrefix: readonly string[] = []): ConfigProblem[] {
  const result = rawConfigSchema.safeParse(raw);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => issueToProblems(issue, source, keyPrefix));
}

const TOP_LEVEL_KEYS = Object.keys(rawConfigSchema.shape);

function issueToProblems(issue: z.core.$ZodIssue, source: string, keyPrefix: readonly string[]): ConfigProblem[] {
  const at = [...keyPrefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const hint = at.length === keyPrefix.length ? didYouMean(key, TOP_LEVEL_KEYS) : undefined;
      return { code: 'unknown-key', source, path: [...at, key], message: 'unknown key.', ...(hint ? { hint } : {}) };
    });
  }
  const isRuleEntry = issue.path[0] === 'rules' && issue.path.length >= 2;
  if (isRuleEntry && (issue.code === 'invalid_union' || issue.code === 'invalid_value' || issue.code === 'invalid_type')) {
    return [
      {
        code: 'invalid-severity',
        source,
        path: at.slice(0, keyPrefix.length + 2),
        message: 'expected "off", "warn", "error", or an array like ["error", { ...options }].',
      },
    ];
  }
  return [{ code: 'invalid-config', source, path: at, message: `${issue.message.replace(/\.$/, '')}.` }];
}
