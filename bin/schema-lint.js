#!/usr/bin/env node
import { createRequire } from 'node:module';
import { installCodeCache } from '../dist/src/cli/code-cache.js';

const require = createRequire(import.meta.url);
const bundle = require.resolve('../dist/schema-lint.cjs');
installCodeCache([bundle, createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js')]);
const { runCli } = require(bundle);
process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
