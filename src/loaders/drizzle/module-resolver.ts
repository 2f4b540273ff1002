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
  readonly baseDir: string;
  readonly paths: readonly { readonly pattern: string; readonly targets: readonly string[] }[];
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
    for (const { pattern, targets } of mapping.paths) {
      const star = pattern.indexOf('*');
      let captured: string | undefined;
      if (star === -1) {
        if (pattern === specifier) captured = '';
      } else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
          captured = specifier.slice(prefix.length, specifier.length - suffix.length);
        }
      }
      if (captured === undefined) continue;
      for (const target of targets) {
        const file = resolveAsFile(path.resolve(mapping.baseDir, target.replace('*', captured)));
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
    const options = config.compilerOptions ?? {};
    if (options.paths) {
      const baseDir = options.baseUrl ? path.resolve(dir, options.baseUrl) : dir;
      return {
        baseDir,
        paths: Object.entries(options.paths).map(([pattern, targets]) => ({ pattern, targets: Array.isArray(targets) ? targets : [] })),
      };
    }
    if (options.baseUrl) {
      return { baseDir: path.resolve(dir, options.baseUrl), paths: [{ pattern: '*', targets: ['*'] }] };
    }
    const parents = typeof config.extends === 'string' ? [config.extends] : (config.extends ?? []);
    for (const parent of parents) {
      if (!parent.startsWith('.')) continue; // NOTE: package-provided bases carry no project paths.
      const parentFile = path.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
      const inherited = this.readMapping(parentFile, depth + 1);
      if (inherited) return inherited;
    }
    return undefined;
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
