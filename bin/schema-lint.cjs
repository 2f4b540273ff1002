#!/usr/bin/env node
'use strict';
// CommonJS on purpose: it starts faster than an ES module, and it compiles the bundled CLI and
// TypeScript from a V8 code cache (see src/cli/code-cache.ts).
const { createRequire } = require('node:module');
const bundle = require.resolve('../dist/schema-lint.cjs');
require('../dist/code-cache.cjs').installCodeCache([bundle, createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js')]);
require(bundle)
  .runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
