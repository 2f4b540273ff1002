import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot, readRuleDocsFromSource } from './rule-doc.js';

/** Build step: writes dist/rule-docs.json from the rule files' doc blocks. */
const root = packageRoot();
const docs = readRuleDocsFromSource(path.join(root, 'rules'));
mkdirSync(path.join(root, 'dist'), { recursive: true });
writeFileSync(path.join(root, 'dist', 'rule-docs.json'), `${JSON.stringify(docs, null, 2)}\n`);
