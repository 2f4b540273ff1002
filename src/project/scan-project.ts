import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AnyRule, RuleContext } from '../engine/define-rule.js';
import type { EnabledRule } from '../engine/run-rules.js';
import type { LoadProblem } from '../loaders/load-problem.js';
import { readSourceFile } from '../loaders/source-file.js';
import { spanOfRange } from '../loaders/spans.js';
import { LineMap } from '../loaders/sqlalchemy/python-ast.js';
import { ModelIndex } from '../model/model-queries.js';
import type {
  AlembicEnv,
  DatabaseConfig,
  HardcodedCredential,
  MigrationMechanism,
  ProjectFacts,
  SchemaModel,
  SchemaWrite,
} from '../model/schema-model.js';
import { compareSpans, type Span } from '../model/span.js';
import { envImportRoots, importClosure, isAlembicEnv, missingModelModules, scanAlembicIni, scanEnvPy, scanPyprojectAlembic, type AlembicIniScan } from './alembic.js';
import { CREDENTIAL_HINT, findUrlCredentials } from './credentials.js';
import { drizzleOutDir, scanDrizzleConfig } from './drizzle-kit.js';
import { PACKAGE_SCRIPT_HINT, scanPackageScripts } from './package-scripts.js';
import { isMigrationPath, isPythonFile, isSourceFile, isTestPath, listProjectFiles, relativePath } from './project-files.js';
import { findPythonCredentials, findPythonWrites, type FoundCodeCredential, type FoundWrite } from './python-analysis.js';
import { PySource } from './python-source.js';
import { DDL_HINT, findDdl } from './sql-ddl.js';
import { findTypeScriptFacts, parseTsSource, someStringLiteral } from './typescript-analysis.js';

export interface ScanOptions {
  /** The schema files being linted (absolute). */
  readonly schemaFiles: readonly string[];
  /** The loaded model: SQLAlchemy tables tell which modules define models. */
  readonly model: SchemaModel;
  /** Scan only these files and folders (paths given on the command line); default: the whole root. */
  readonly only?: readonly string[];
  /** Globs relative to the root that are never read (the config's `ignore`). */
  readonly ignore?: readonly string[];
}

export interface ScanResult {
  readonly facts: ProjectFacts;
  readonly problems: readonly LoadProblem[];
  /** Files that facts point into and that mention `schema-lint` (absolute, sorted): they may hold suppression directives. */
  readonly directiveFiles: readonly string[];
}

const DRIZZLE_CONFIG = /^drizzle\.config\.(?:[cm]?[jt]s|json)$/;
/** Raw SQL that bootstraps a database outside any migration tool. */
const BOOTSTRAP_SQL = /^(?:schema|init|init[-_]?db|initdb|setup|bootstrap|create[-_]?tables|tables|ddl)\.sql$/i;
const INITDB_DIR = /(?:^|\/)(?:docker-entrypoint-initdb\.d|initdb\.d|init-?db|initdb)\//i;
/** Text checks that decide whether a source file is parsed at all. */
const PY_WRITE_HINT = /create_all|drop_all|__table__\.(?:create|drop)|alembic|flask_migrate|\.sql['"]/;
const TS_WRITE_HINT = /\/migrator['"]|synchronize\s*:\s*true|sequelize\.sync|\.schema\.(?:createTable|alterTable|table|dropTable)|\.sql['"`]/;
const VERSIONS_DIR = /(?:^|\/)(?:migrations|alembic|alembic_migrations)\/versions\//;

/**
 * Scans a repository for how it changes its schema: migration tools (drizzle-kit, Alembic, Prisma),
 * ad-hoc scripts and raw bootstrap SQL, schema writes outside migrations and whether they are
 * guarded, Alembic env.py facts, database URL configuration, and hard-coded credentials.
 * Reads files syntactically (TypeScript's parser, @lezer/python); never runs them. Every source
 * file passes a cheap text check before it is parsed.
 */
export function scanProject(root: string, options: ScanOptions): ScanResult {
  const problems: LoadProblem[] = [];
  const walked = listProjectFiles(root, { ...(options.ignore ? { ignore: options.ignore } : {}), ...(options.only ? { only: options.only } : {}) }).files;
  // NOTE: schema files outside the root (config `include: ["../shared/*.ts"]`) may hold credentials too.
  const listed = options.only ? walked : [...new Set([...walked, ...options.schemaFiles])].sort();
  const rel = (file: string) => relativePath(root, file);
  const texts = new Map<string, string | undefined>();
  const read = (file: string): string | undefined => {
    if (!texts.has(file)) {
      const result = readSourceFile(file);
      texts.set(file, result.ok ? result.text : undefined);
    }
    return texts.get(file);
  };

  const mechanisms: MigrationMechanism[] = [];
  const schemaWrites: SchemaWrite[] = [];
  const alembicEnvs: AlembicEnv[] = [];
  const databaseConfigs: DatabaseConfig[] = [];
  const credentials: HardcodedCredential[] = [];
  const migrationDirs: string[] = [];
  /** Folders whose files are migrations themselves (not scanned for writes). */
  const versionDirs: string[] = [];

  // NOTE: configurations under test folders belong to test fixtures, not to how the project migrates.
  const configs = listed.filter((f) => !isTestPath(rel(f)));

  // drizzle-kit
  let drizzleStrict = false;
  for (const file of configs.filter((f) => DRIZZLE_CONFIG.test(path.basename(f)))) {
    const text = read(file);
    if (text === undefined) continue;
    const config = scanDrizzleConfig(file, text);
    drizzleStrict ||= config.strict;
    const out = drizzleOutDir(file, config.out, root);
    migrationDirs.push(out);
    versionDirs.push(out);
    mechanisms.push({ kind: 'migrationMechanism', tool: 'drizzle-kit', description: `drizzle-kit (${rel(file)}, out: ${out}/)`, path: rel(file), span: config.span });
    if (config.database) {
      const db = config.database;
      databaseConfigs.push({
        kind: 'databaseConfig',
        tool: 'drizzle-kit',
        urlSource: db.urlSource,
        ...(db.variable ? { variable: db.variable } : {}),
        failsWhenMissing: db.failsWhenMissing,
        ...(db.readAs ? { readAs: db.readAs } : {}),
        description: `drizzle-kit config ${rel(file)}`,
        path: rel(file),
        span: db.span,
      });
    }
  }
  for (const file of configs.filter((f) => f.endsWith(`${path.sep}meta${path.sep}_journal.json`))) {
    const folder = rel(path.dirname(path.dirname(file)));
    if (migrationDirs.includes(folder)) continue;
    migrationDirs.push(folder);
    versionDirs.push(folder);
    mechanisms.push({ kind: 'migrationMechanism', tool: 'drizzle-kit', description: `drizzle-kit migrations (${folder})`, path: rel(file), span: fileStart(file) });
  }

  // Alembic
  const envs = new Map<string, { ini?: AlembicIniScan; configSpan?: Span; configFile?: string }>();
  for (const file of listed.filter((f) => path.basename(f) === 'alembic.ini')) {
    const text = read(file);
    if (text === undefined) continue;
    const ini = scanAlembicIni(file, text);
    for (const c of ini.credentials) credentials.push({ kind: 'hardcodedCredential', masked: c.masked, secret: c.span, form: c.form, localHost: c.localHost, inTest: isTestPath(rel(file)), path: rel(file), span: c.span });
    if (!ini.scriptDir || isTestPath(rel(file))) continue;
    const envFile = path.join(ini.scriptDir, 'env.py');
    if (!existsSync(envFile)) {
      problems.push({
        id: 'schema-lint/unresolved-reference',
        severity: 'warn',
        message: `${rel(file)} sets script_location = ${ini.scriptLocation ?? ''}, but there is no env.py in ${rel(ini.scriptDir)}.`,
        help: 'Point script_location at the folder `alembic init` created (it holds env.py and versions/).',
        span: ini.scriptLocationSpan ?? fileStart(file),
      });
      continue;
    }
    envs.set(envFile, { ini, ...(ini.scriptLocationSpan ? { configSpan: ini.scriptLocationSpan } : {}), configFile: rel(file) });
  }
  for (const file of configs.filter((f) => path.basename(f) === 'pyproject.toml')) {
    const text = read(file);
    if (text === undefined || !text.includes('tool.alembic')) continue;
    const found = scanPyprojectAlembic(file, text);
    const envFile = found && path.join(found.scriptDir, 'env.py');
    if (found && envFile && existsSync(envFile) && !envs.has(envFile)) envs.set(envFile, { configSpan: found.span, configFile: rel(file) });
  }
  for (const file of configs.filter((f) => path.basename(f) === 'env.py')) {
    if (envs.has(file)) continue;
    const text = read(file);
    if (text !== undefined && text.includes('alembic') && isAlembicEnv(text)) envs.set(file, {});
  }
  const modelFiles = sqlAlchemyModelFiles(options.model);
  for (const [envFile, info] of [...envs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = read(envFile);
    if (text === undefined) continue;
    const scriptDir = path.dirname(envFile);
    migrationDirs.push(rel(scriptDir));
    versionDirs.push(rel(path.join(scriptDir, 'versions')), ...(info.ini?.versionDirs ?? []).map(rel));
    const src = new PySource(envFile, text);
    const env = scanEnvPy(src);
    mechanisms.push({
      kind: 'migrationMechanism',
      tool: 'alembic',
      description: `Alembic (${info.configFile ? `${info.configFile}, ` : ''}${rel(envFile)})`,
      path: info.configFile && info.configSpan ? info.configFile : rel(envFile),
      span: info.configSpan ?? env.envSpan,
    });
    const roots = envImportRoots(envFile, info.ini, root);
    const projectDir = info.ini ? path.dirname(info.ini.file) : path.dirname(scriptDir);
    const relevant = new Map([...modelFiles].filter(([file]) => file.startsWith(projectDir + path.sep) && !isTestPath(rel(file))));
    const closure = importClosure(envFile, roots);
    const modules = missingModelModules(closure, relevant, roots);
    // NOTE: metadata from the running application (Flask-Migrate) or a function: imports prove nothing.
    const verifiable = env.metadataFromImports && closure.dynamicDirs.length === 0;
    alembicEnvs.push({
      kind: 'alembicEnv',
      path: rel(envFile),
      ...(info.configFile ? { configFile: info.configFile } : {}),
      span: env.envSpan,
      ...(env.targetMetadata ? { targetMetadata: env.targetMetadata } : {}),
      ...(env.targetMetadataNone ? { targetMetadataNone: env.targetMetadataNone } : {}),
      importedModelModules: modules.imported,
      missingModelModules: verifiable ? modules.missing : [],
      configureCalls: env.configureCalls,
      dynamicImports: !verifiable,
    });
    const db = env.database;
    databaseConfigs.push({
      kind: 'databaseConfig',
      tool: 'alembic',
      urlSource: db.urlSource,
      ...(db.variable ? { variable: db.variable } : {}),
      failsWhenMissing: db.failsWhenMissing,
      ...(db.readAs ? { readAs: db.readAs } : {}),
      description: `Alembic env ${rel(envFile)}`,
      path: rel(envFile),
      span: db.span,
    });
  }

  // Prisma
  const prismaFolders = new Set<string>();
  for (const file of listed.filter((f) => f.endsWith('.prisma'))) {
    const folder = path.basename(path.dirname(file)) === 'schema' ? path.dirname(path.dirname(file)) : path.dirname(file);
    const text = read(file);
    if (text === undefined) continue;
    const lines = new LineMap(text);
    for (const found of findUrlCredentials(text)) {
      const secret = lines.span(file, { from: found.start, to: found.end });
      credentials.push({ kind: 'hardcodedCredential', masked: found.masked, secret, form: found.form, localHost: found.localHost, inTest: isTestPath(rel(file)), path: rel(file), span: secret });
    }
    const datasource = /^datasource\s+\w+\s*\{/m.exec(text);
    if ((!datasource && path.basename(file) !== 'schema.prisma') || isTestPath(rel(file))) continue;
    if (prismaFolders.has(folder)) continue;
    prismaFolders.add(folder);
    migrationDirs.push(rel(path.join(folder, 'migrations')));
    versionDirs.push(rel(path.join(folder, 'migrations')));
    const at = datasource?.index ?? 0;
    mechanisms.push({ kind: 'migrationMechanism', tool: 'prisma', description: `Prisma (${rel(file)})`, path: rel(file), span: lines.span(file, { from: at, to: at + (datasource?.[0].length ?? 0) }) });
  }

  // Source files: schema writes and credentials.
  const adhocFiles = new Map<string, SchemaWrite>();
  for (const file of listed) {
    if (!isSourceFile(file)) continue;
    const relative = rel(file);
    // NOTE: migration scripts are the migration history itself; their DDL is how it should be done.
    if (VERSIONS_DIR.test(relative) || versionDirs.some((d) => d !== '.' && relative.startsWith(`${d}/`))) continue;
    const text = read(file);
    if (text === undefined) continue;
    const python = isPythonFile(file);
    let mayWrite = DDL_HINT.test(text) || (python ? PY_WRITE_HINT : TS_WRITE_HINT).test(text);
    let mayLeak = CREDENTIAL_HINT.test(text);
    if (!mayWrite && !mayLeak) continue;
    // NOTE: in TypeScript, DDL and URLs only matter inside string literals: check them with the scanner before parsing.
    if (!python && mayWrite && !TS_WRITE_HINT.test(text)) mayWrite = someStringLiteral(text, (literal) => DDL_HINT.test(literal));
    if (!python && mayLeak) mayLeak = someStringLiteral(text, (literal) => CREDENTIAL_HINT.test(literal) || /password/i.test(literal)) || /\bpassword\s*:\s*['"`]/.test(text);
    if (!mayWrite && !mayLeak) continue;
    const inTest = isTestPath(relative);
    const inMigration = isMigrationPath(relative, migrationDirs);
    let writes: FoundWrite[] = [];
    let found: FoundCodeCredential[] = [];
    let toSpan: (from: number, to: number) => Span;
    if (python) {
      const src = new PySource(file, text);
      if (mayWrite) writes = findPythonWrites(src, relative);
      if (mayLeak) found = findPythonCredentials(src);
      toSpan = (from, to) => src.span(from, to);
    } else {
      const source = parseTsSource(file, text);
      const facts = findTypeScriptFacts(source, relative);
      writes = mayWrite ? facts.writes : [];
      found = mayLeak ? facts.credentials : [];
      toSpan = (from, to) => spanOfRange(source.sourceFile, from, to);
    }
    const seen = new Map<string, number>();
    for (const w of writes) {
      const description = `${w.code} in ${relative}`;
      const count = (seen.get(description) ?? 0) + 1;
      seen.set(description, count);
      const write: SchemaWrite = {
        kind: 'schemaWrite',
        operation: w.operation,
        description: count > 1 ? `${description} (#${count})` : description,
        code: w.code,
        guarded: w.guard !== undefined,
        ...(w.guard !== undefined ? { guard: w.guard } : {}),
        inMigration,
        inTest,
        path: relative,
        span: toSpan(w.from, w.to),
      };
      schemaWrites.push(write);
      const adhoc = write.operation === 'create_all' || write.operation === 'drop_all' || write.operation === 'ddl-statement';
      if (adhoc && !write.guarded && !inMigration && !inTest && !adhocFiles.has(file)) adhocFiles.set(file, write);
    }
    for (const c of found) {
      const secret = toSpan(c.start, c.end);
      credentials.push({ kind: 'hardcodedCredential', masked: c.masked, secret, form: c.form, localHost: c.localHost, inTest, path: relative, span: secret });
    }
  }
  for (const [file, write] of adhocFiles) {
    mechanisms.push({ kind: 'migrationMechanism', tool: 'adhoc-script', description: `ad-hoc script (${rel(file)})`, path: rel(file), span: write.span });
  }

  // Raw SQL bootstrap files.
  for (const file of configs.filter((f) => f.endsWith('.sql'))) {
    const relative = rel(file);
    if (!BOOTSTRAP_SQL.test(path.basename(file)) && !INITDB_DIR.test(relative)) continue;
    if (isMigrationPath(relative, migrationDirs)) continue;
    const text = read(file);
    if (text === undefined) continue;
    const ddl = findDdl(text);
    if (!ddl) continue;
    const lines = new LineMap(text);
    mechanisms.push({ kind: 'migrationMechanism', tool: 'raw-sql', description: `raw SQL (${relative})`, path: relative, span: lines.span(file, { from: ddl.offset, to: ddl.offset + ddl.summary.length }) });
  }

  // package.json scripts.
  for (const file of configs.filter((f) => path.basename(f) === 'package.json')) {
    const text = read(file);
    if (text === undefined || !PACKAGE_SCRIPT_HINT.test(text)) continue;
    const relative = rel(file);
    for (const w of scanPackageScripts(file, text, drizzleStrict)) {
      schemaWrites.push({
        kind: 'schemaWrite',
        operation: w.operation,
        description: `script "${w.script}" in ${relative}`,
        code: w.command,
        guarded: w.guard !== undefined,
        ...(w.guard !== undefined ? { guard: w.guard } : {}),
        inMigration: false,
        inTest: false,
        script: w.script,
        path: relative,
        span: w.span,
      });
    }
  }

  const byPosition = (a: { span: Span }, b: { span: Span }) => compareSpans(a.span, b.span);
  const facts: ProjectFacts = {
    root,
    mechanisms: mechanisms.sort(byPosition),
    schemaWrites: schemaWrites.sort(byPosition),
    alembicEnvs: alembicEnvs.sort(byPosition),
    databaseConfigs: databaseConfigs.sort(byPosition),
    credentials: dedupe(credentials).sort(byPosition),
  };
  const files = new Set<string>();
  for (const list of [facts.mechanisms, facts.schemaWrites, facts.alembicEnvs, facts.databaseConfigs, facts.credentials]) for (const fact of list) files.add(fact.span.file);
  return { facts, problems, directiveFiles: [...files].filter((f) => read(f)?.includes('schema-lint')).sort() };
}

/** Files that define SQLAlchemy tables, with the first table's span and every table's SQL name. */
function sqlAlchemyModelFiles(model: SchemaModel): Map<string, { span: Span; tables: string[] }> {
  const out = new Map<string, { span: Span; tables: string[] }>();
  for (const table of model.tables) {
    if (table.source !== 'sqlalchemy') continue;
    const entry = out.get(table.span.file);
    const name = table.schema ? `${table.schema}.${table.name}` : table.name;
    if (entry) {
      entry.tables.push(name);
      if (compareSpans(table.span, entry.span) < 0) entry.span = table.span;
    } else out.set(table.span.file, { span: table.span, tables: [name] });
  }
  return out;
}

function dedupe(credentials: HardcodedCredential[]): HardcodedCredential[] {
  const seen = new Set<string>();
  return credentials.filter((c) => {
    const key = `${c.secret.file}:${c.secret.start.line}:${c.secret.start.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fileStart(file: string): Span {
  return { file, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}

/**
 * Whether any enabled rule reads project facts: its visitor has a `project` hook. Rules are pure
 * (`check` only builds closures), so asking each rule for its visitor is free of side effects.
 */
export function usesProjectFacts(rules: readonly EnabledRule[]): boolean {
  const model: SchemaModel = { tables: [], enums: [], files: [] };
  const context: RuleContext<Record<string, (data: unknown) => string>> = { model, index: new ModelIndex(model), report: () => undefined };
  return rules.some(({ rule, options }) => typeof (rule as AnyRule).check(context as never, options).project === 'function');
}
