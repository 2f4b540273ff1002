import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type ajv2020 from 'ajv/dist/2020.js';
import type { ConfigProblem } from '../config/config-problem.js';
import { packageRoot } from '../docs/rule-doc.js';
import { spanOfNode } from '../loaders/spans.js';
import { loadTypeScript, type TS } from '../loaders/typescript.js';
import type { DataClass, DataSource, Retention, SensitivitySeverity } from '../model/schema-model.js';
import type { Span } from '../model/span.js';

export const MANIFEST_FILE_NAME = 'schema-lint.classification.json';

export interface ManifestColumn {
  readonly dataClass: DataClass;
  readonly category?: string;
  readonly severity?: SensitivitySeverity;
  readonly encryption?: string;
  readonly source?: DataSource;
  readonly required?: boolean;
  readonly reason?: string;
}

export interface ManifestTable {
  readonly dataClass?: DataClass;
  readonly retention?: Retention | string;
  readonly consent?: string;
  readonly source?: DataSource;
  readonly owner?: string;
  readonly reason?: string;
  readonly columns?: Readonly<Record<string, ManifestColumn>>;
}

export interface Manifest {
  readonly version: 1;
  readonly domain?: 'healthcare' | 'general';
  readonly retentionPolicies?: Readonly<Record<string, Retention>>;
  readonly tables: Readonly<Record<string, ManifestTable>>;
}

export interface LoadedManifest {
  readonly file: string;
  readonly manifest: Manifest;
  /** Span of the JSON value at a path (`tables.patients.columns.ssn`), for diagnostics. */
  readonly spanAt: (path: readonly string[]) => Span;
}

export type ManifestResult = { readonly ok: true; readonly loaded?: LoadedManifest } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params: Record<string, unknown>; keyword: string }[] | null };
let validator: Validator | undefined;


/** The shipped JSON Schema, compiled once with ajv (draft 2020-12). */
function validate(data: unknown) {
  if (!validator) {
    // NOTE: loaded on first use (only projects with a manifest pay for ajv); it is CommonJS, and its
    // class is the `default` export of `module.exports`.
    const Ajv2020 = (createRequire(import.meta.url)('ajv/dist/2020.js') as typeof ajv2020).default;
    const schema = JSON.parse(readFileSync(path.join(packageRoot(), 'src', 'schemas', 'classification.schema.json'), 'utf8')) as object;
    validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema) as unknown as Validator;
  }
  return validator(data);
}

/**
 * Loads `schema-lint.classification.json` (or `file`): parses it, validates it against the shipped
 * JSON Schema, and reports every error with its JSON path. No file at the default location is fine.
 */
export function loadManifest(baseDir: string, file?: string): ManifestResult {
  const target = path.resolve(baseDir, file ?? MANIFEST_FILE_NAME);
  if (!existsSync(target)) {
    if (file === undefined) return { ok: true };
    return { ok: false, problems: [{ code: 'config-not-found', source: file, path: [], message: 'the classification manifest does not exist.' }] };
  }
  const text = readFileSync(target, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ code: 'invalid-json', source: target, path: [], message: `is not valid JSON: ${(error as Error).message}.` }] };
  }
  if (!validate(json)) {
    const problems: ConfigProblem[] = (validator!.errors ?? [])
      .filter((e) => e.keyword !== 'if')
      .map((e) => {
        const at = e.instancePath.split('/').slice(1).map(unescapePointer);
        const extra = e.keyword === 'additionalProperties' ? ` ("${String(e.params['additionalProperty'])}")` : e.keyword === 'enum' ? ` (${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : '';
        return { code: 'invalid-config' as const, source: target, path: at.length > 0 ? at : ['(root)'], message: `${e.message ?? 'is invalid'}${extra}.` };
      });
    return { ok: false, problems };
  }
  // NOTE: positions are needed only for diagnostics; parse with TypeScript on first use.
  let jsonFile: TS.JsonSourceFile | undefined;
  const spanAt = (p: readonly string[]) => {
    const ts = loadTypeScript();
    jsonFile ??= ts.parseJsonText(target, text);
    return spanAtPath(ts, jsonFile, p);
  };
  return { ok: true, loaded: { file: target, manifest: json as Manifest, spanAt } };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function spanAtPath(ts: typeof TS, file: TS.JsonSourceFile, at: readonly string[]): Span {
  let node: TS.Node | undefined = file.statements[0]?.expression;
  for (const key of at) {
    if (!node || !ts.isObjectLiteralExpression(node)) break;
    const property: TS.ObjectLiteralElementLike | undefined = node.properties.find((p) => ts.isPropertyAssignment(p) && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name)) && p.name.text === key);
    if (!property || !ts.isPropertyAssignment(property)) break;
    node = at[at.length - 1] === key ? property.name : property.initializer;
  }
  return spanOfNode(node ?? file, file);
}
