import { createRequire } from 'node:module';
import type { ts as TS } from 'ts-morph';

export type { TS };

let cached: typeof TS | undefined;

/**
 * The TypeScript compiler that ts-morph bundles (TypeScript 6, with the classic JS API).
 *
 * NOTE: loaded through `createRequire`, not ESM `import`: under Node 20, `import` runs
 * cjs-module-lexer over the 9 MB CommonJS file and costs ~300 ms more. We take the compiler
 * file directly (not the ts-morph wrapper) because the loader only parses syntax, and skipping
 * ts-morph's own module graph saves another ~50 ms of start-up.
 */
export function loadTypeScript(): typeof TS {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const requireFromTsMorph = createRequire(require.resolve('ts-morph'));
  cached = requireFromTsMorph('@ts-morph/common/dist/typescript.js') as typeof TS;
  return cached;
}
