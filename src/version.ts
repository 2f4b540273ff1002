import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './docs/rule-doc.js';

/** The package version, read once from package.json. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
