import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { packageRoot } from '../docs/rule-doc.js';

/**
 * Build step: bundles the CLI (our code, yargs, zod, chalk, ...) into one CommonJS file,
 * dist/schema-lint.cjs, and the V8 code-cache installer into dist/code-cache.cjs. One file loads
 * much faster than hundreds of ES modules, and, being CommonJS, it can be compiled from a V8 code
 * cache (src/cli/code-cache.ts) — the ESM loader of Node 20 has no such cache. TypeScript stays
 * external: it is loaded from ts-morph's copy at run time (also through the code cache), as are the
 * heavy, rarely used ajv, pg, PGlite and elkjs.
 */
const root = packageRoot();
const lazyStringWidth = path.join(root, 'src', 'build', 'lazy-string-width.ts');

/** Routes yargs' and cliui's `string-width` through the lazy stand-in (which loads the real one). */
const lazyStringWidthPlugin: Plugin = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === lazyStringWidth ? undefined : { path: lazyStringWidth }));
  },
};
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  external: ['ts-morph', '@ts-morph/common', 'typescript', 'ajv', 'pg', '@electric-sql/pglite', 'elkjs', 'playwright-core', 'drizzle-kit', 'drizzle-orm'],
  // NOTE: `import.meta.url` has no CommonJS equivalent; the bundle computes it from __filename.
  define: { 'import.meta.url': '__schemaLintModuleUrl' },
  banner: { js: 'const __schemaLintModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
await build({ ...common, plugins: [lazyStringWidthPlugin], entryPoints: [path.join(root, 'src', 'cli', 'main.ts')], outfile: path.join(root, 'dist', 'schema-lint.cjs') });
await build({ ...common, entryPoints: [path.join(root, 'src', 'cli', 'code-cache.ts')], outfile: path.join(root, 'dist', 'code-cache.cjs') });
