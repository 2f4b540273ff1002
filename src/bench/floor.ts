import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ts as TS } from 'ts-morph';

/**
 * The performance floor for a CLI built on the TypeScript parser: start Node, load TypeScript with
 * `require`, read each file, parse it with parent pointers, walk every node. schema-lint is measured
 * against this process (`npm run bench`).
 */
const require = createRequire(import.meta.url);
const ts = createRequire(require.resolve('ts-morph'))('@ts-morph/common/dist/typescript.js') as typeof TS;
let nodes = 0;
const walk = (node: TS.Node): void => {
  nodes++;
  ts.forEachChild(node, walk);
};
for (const file of process.argv.slice(2)) {
  const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  walk(sourceFile);
}
process.stdout.write(`${nodes} nodes\n`);
