import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { Casing } from '../../src/loaders/drizzle/load-drizzle-schema.js';

export interface DrizzleDdl {
  /** The SQL statements drizzle-kit would write into the first migration, in its order. */
  readonly statements: readonly string[];
  /** Every Postgres schema the tables and enums live in (including `public`). */
  readonly schemas: readonly string[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Bundles live under node_modules so that `drizzle-orm` resolves from the repository's dependencies. */
const bundleDir = path.join(repoRoot, 'node_modules', '.cache', 'schema-lint-drizzle-ddl');

/**
 * The DDL `drizzle-kit generate` writes for a schema module, diffed against an empty database.
 *
 * NOTE: the module is bundled with esbuild, which resolves relative imports, barrels and tsconfig
 * `paths` as drizzle-kit's own loader does; installed packages stay external (drizzle-orm resolves
 * from this repository) and missing ones are stubbed. The bundle is then imported natively.
 */
export async function generateDrizzleDdl(entry: string, options: { readonly casing?: Casing } = {}): Promise<DrizzleDdl> {
  const exports = await importSchemaModule(entry);
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  const empty = generateDrizzleJson({});
  const current = generateDrizzleJson(exports, empty.id, undefined, options.casing);
  const statements = await generateMigration(empty, current);
  const schemas = new Set<string>(['public']);
  const named = (record: unknown) => Object.values(record as Record<string, { readonly schema?: string }>);
  for (const table of named(current.tables)) schemas.add(table.schema || 'public');
  for (const enumType of named(current.enums)) schemas.add(enumType.schema || 'public');
  for (const schema of Object.keys(current.schemas)) schemas.add(schema);
  return { statements, schemas: [...schemas].sort() };
}

/** Imports a TypeScript schema module (and everything it imports locally) and returns its exports. */
export async function importSchemaModule(entry: string): Promise<Record<string, unknown>> {
  const projectConfig = nearestProjectTsconfig(path.resolve(entry));
  // NOTE: a CommonJS schema (`require`, `module.exports`) is bundled as CommonJS; its exports
  // object is then the module's default export.
  const source = readFileSync(entry, 'utf8');
  const commonJs = /\brequire\(|\bmodule\.exports\b/.test(source) && !/^\s*(?:import|export)\s/m.test(source);
  const result = await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    write: false,
    format: commonJs ? 'cjs' : 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [stubMissingPackages],
    logLevel: 'silent',
    // NOTE: a fixture project's own tsconfig.json (paths aliases) applies as it would in that
    // project; otherwise the repository's tsconfig must not apply, or its verbatimModuleSyntax
    // keeps imports that only carry types (`import { type AdapterAccount } from 'next-auth/adapters'`).
    ...(projectConfig ? { tsconfig: projectConfig } : { tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: false } } }),
  });
  const code = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  mkdirSync(bundleDir, { recursive: true });
  const file = path.join(bundleDir, `${path.basename(entry).replace(/\W+/g, '_')}-${hash}.${commonJs ? 'cjs' : 'mjs'}`);
  writeFileSync(file, code);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
  return commonJs ? (module['default'] as Record<string, unknown>) : module;
}

/** The nearest tsconfig.json between the entry and the repository root (the root's own excluded). */
function nearestProjectTsconfig(entry: string): string | undefined {
  for (let dir = path.dirname(entry); dir.startsWith(repoRoot + path.sep); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Real schemas import runtime helpers from packages this repository does not install (`nanoid`,
 * `@paralleldrive/cuid2`, `@t3-oss/env-nextjs`). They only feed `$defaultFn` callbacks and the
 * like, so a stub that absorbs any use stands in for them. Installed packages stay external.
 */
const stubMissingPackages: Plugin = {
  name: 'stub-missing-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === STUB_PLUGIN || isBuiltin(args.path)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: STUB_PLUGIN });
      if (resolved.errors.length > 0 || !resolved.external) return resolved.errors.length > 0 ? { path: args.path, namespace: 'missing-package' } : resolved;
      return isInstalled(args.path, args.resolveDir) ? resolved : { path: args.path, namespace: 'missing-package' };
    });
    build.onLoad({ filter: /.*/, namespace: 'missing-package' }, () => ({ contents: STUB_MODULE, loader: 'js' }));
  },
};

const STUB_PLUGIN = Symbol('stub-missing-packages');

/** A CommonJS module whose every export, call and construction is itself. */
const STUB_MODULE = `
const stub = new Proxy(function stub() {}, {
  get: (_target, key) => (key === '__esModule' ? undefined : key === Symbol.toPrimitive ? () => 'stub' : stub),
  apply: () => stub,
  construct: () => stub,
});
module.exports = stub;
`;

function isInstalled(specifier: string, fromDir: string): boolean {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', name, 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}
