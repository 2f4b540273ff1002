import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TS } from '../typescript.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `import './x.js'` in TypeScript means `./x.ts` (NodeNext); try the TS twin first. */
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx', '.js'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

interface PathMapping {
  readonly paths: readonly { readonly pattern: string; readonly targets: readonly string[]; readonly baseDir: string }[];
}

/**
 * Resolves import specifiers to schema source files without a TypeScript program:
 * relative paths (with extension substitution and index files) and tsconfig `paths`/`baseUrl`
 * aliases such as `@/db/schema`. Package imports are not followed: the tool never reads or
 * runs dependencies.
 */
export class ModuleResolver {
  private readonly tsconfigByDir = new Map<string, PathMapping | null>();
  private readonly resolved = new Map<string, string | null>();

  constructor(private readonly ts: typeof TS) {}

  resolve(specifier: string, fromFile: string): string | undefined {
    const key = `${fromFile}\0${specifier}`;
    const hit = this.resolved.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const result = this.resolveUncached(specifier, fromFile);
    this.resolved.set(key, result ?? null);
    return result;
  }

  private resolveUncached(specifier: string, fromFile: string): string | undefined {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
      return resolveAsFile(path.resolve(path.dirname(fromFile), specifier));
    }
    const mapping = this.mappingFor(path.dirname(fromFile));
    if (!mapping) return undefined;
    const matches: { prefixLength: number; captured: string; targets: readonly string[]; baseDir: string }[] = [];
    for (const { pattern, targets, baseDir } of mapping.paths) {
      const star = pattern.indexOf('*');
      if (star === -1) {
        if (pattern === specifier) matches.push({ prefixLength: Infinity, captured: '', targets, baseDir });
        continue;
      }
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
        matches.push({ prefixLength: prefix.length, captured: specifier.slice(prefix.length, specifier.length - suffix.length), targets, baseDir });
      }
    }
    // NOTE: like TypeScript, the pattern with the longest prefix wins (`@/db/*` over `@/*`).
    matches.sort((a, b) => b.prefixLength - a.prefixLength);
    for (const { captured, targets, baseDir } of matches) {
      for (const target of targets) {
        const file = resolveAsFile(path.resolve(baseDir, target.replace('*', captured)));
        if (file) return file;
      }
    }
    return undefined;
  }

  /** The `paths` mapping of the nearest tsconfig.json above `dir`, following `extends`. */
  private mappingFor(dir: string): PathMapping | undefined {
    const cached = this.tsconfigByDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let mapping: PathMapping | null = null;
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) {
      mapping = this.readMapping(candidate, 0) ?? null;
    } else {
      const parent = path.dirname(dir);
      mapping = parent === dir ? null : (this.mappingFor(parent) ?? null);
    }
    this.tsconfigByDir.set(dir, mapping);
    return mapping ?? undefined;
  }

  private readMapping(configFile: string, depth: number): PathMapping | undefined {
    const options = this.readOptions(configFile, depth);
    if (!options) return undefined;
    const paths: { pattern: string; targets: readonly string[]; baseDir: string }[] = [];
    if (options.paths) {
      // NOTE: paths resolve against baseUrl when one is set, else against the config declaring them.
      const baseDir = options.baseUrl ?? options.pathsDir!;
      for (const [pattern, targets] of Object.entries(options.paths)) paths.push({ pattern, targets: Array.isArray(targets) ? targets : [], baseDir });
    }
    // NOTE: with a baseUrl, any bare specifier no pattern matched is tried against it.
    if (options.baseUrl) paths.push({ pattern: '*', targets: ['*'], baseDir: options.baseUrl });
    return paths.length > 0 ? { paths } : undefined;
  }

  /** compilerOptions.baseUrl and paths of a tsconfig, merged over the configs it extends. */
  private readOptions(configFile: string, depth: number): { baseUrl?: string; paths?: Record<string, string[]>; pathsDir?: string } | undefined {
    if (depth > 5) return undefined;
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = this.ts.parseConfigFileTextToJson(configFile, text);
    const config = parsed.config as { extends?: string | string[]; compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
    if (!config) return undefined;
    const dir = path.dirname(configFile);
    let merged: { baseUrl?: string; paths?: Record<string, string[]>; pathsDir?: string } = {};
    const parents = typeof config.extends === 'string' ? [config.extends] : (config.extends ?? []);
    for (const parent of parents) {
      if (!parent.startsWith('.')) continue; // NOTE: package-provided bases carry no project paths.
      const parentFile = path.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
      merged = { ...merged, ...this.readOptions(parentFile, depth + 1) };
    }
    const own = config.compilerOptions ?? {};
    if (own.baseUrl !== undefined) merged = { ...merged, baseUrl: path.resolve(dir, own.baseUrl) };
    if (own.paths) merged = { ...merged, paths: own.paths, pathsDir: dir };
    return merged;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveAsFile(base: string): string | undefined {
  const ext = path.extname(base);
  const twins = JS_TO_TS[ext];
  if (twins) {
    const stem = base.slice(0, -ext.length);
    for (const twin of twins) if (isFile(stem + twin)) return stem + twin;
  }
  if (SOURCE_EXTENSIONS.includes(ext) && isFile(base)) return base;
  for (const candidate of SOURCE_EXTENSIONS) if (isFile(base + candidate)) return base + candidate;
  for (const candidate of SOURCE_EXTENSIONS) {
    const index = path.join(base, `index${candidate}`);
    if (isFile(index)) return index;
  }
  return undefined;
}
