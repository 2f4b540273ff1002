import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../../rules/index.js';
import { packageRoot } from '../docs/rule-doc.js';
import { buildConfigJsonSchema } from './config-json-schema.js';

/** `npm run generate:schemas`: regenerates the shipped config JSON Schema from the zod schemas. */
const target = path.join(packageRoot(), 'src', 'schemas', 'config.schema.json');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(buildConfigJsonSchema(rules), null, 2)}\n`);
