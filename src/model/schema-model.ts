import type { Span } from './span.js';

/**
 * The intermediate model: a dialect-neutral description of the tables a project declares.
 * Loaders (Drizzle, SQLAlchemy, ...) fill it; rules read only this, never syntax trees.
 * Every node carries the span of the code that declared it.
 */

export type Dialect = 'postgresql' | 'mysql' | 'sqlite';
export type SourceKind = 'drizzle' | 'sqlalchemy';

export type ReferentialAction = 'cascade' | 'restrict' | 'no action' | 'set null' | 'set default';
export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = [
  'cascade',
  'restrict',
  'no action',
  'set null',
  'set default',
];

export interface ModelNode {
  readonly span: Span;
}

/** A JSDoc tag (or the ORM's equivalent metadata) attached to a table or column: `@phi medication encrypted`. */
export interface DocTag {
  readonly tag: string;
  readonly text: string;
  readonly span: Span;
}

export interface SchemaModel {
  readonly tables: readonly Table[];
  readonly enums: readonly EnumType[];
  /** Every source file that contributed to the model (absolute paths). */
  readonly files: readonly string[];
  /** Facts about how the project changes its schema (migration tools, scripts); filled by project loaders. */
  readonly project?: ProjectFacts;
}

export interface Table extends ModelNode {
  readonly kind: 'table';
  readonly source: SourceKind;
  readonly dialect: Dialect;
  /** SQL name, as the database sees it: 'patient_visits'. */
  readonly name: string;
  /** Database schema (Postgres namespace); undefined = the default schema (`public`). */
  readonly schema?: string;
  /** Name of the binding in code: the TS export (`patientVisits`) or the Python class (`PatientVisit`). */
  readonly exportName: string;
  readonly columns: readonly Column[];
  /** undefined = no primary key declared anywhere. */
  readonly primaryKey?: PrimaryKey;
  /**
   * Every primary key declaration, in source order. More than one means the table
   * cannot be created (Postgres: "multiple primary keys for table ... are not allowed").
   */
  readonly primaryKeyDeclarations: readonly PrimaryKey[];
  readonly foreignKeys: readonly ForeignKey[];
  /** Indexes created explicitly (index(), uniqueIndex(), Index(...), index=True). Unique constraints are separate. */
  readonly indexes: readonly Index[];
  readonly uniqueConstraints: readonly UniqueConstraint[];
  readonly checks: readonly CheckConstraint[];
  readonly docTags: readonly DocTag[];
  /** ORM-level metadata dictionary (SQLAlchemy `__table_args__ = {"info": {...}}`), literal values only. */
  readonly info?: Readonly<Record<string, unknown>>;
  /** Declared governance for the table (retention, consent, default class); filled by the classification pass. */
  readonly governance?: TableGovernance;
  /** Where fixes may edit the table's declaration; absent when it cannot be edited safely. */
  readonly fix?: TableFixAnchor;
}

export interface SqlType {
  /** Normalised base type name, lower case: 'varchar', 'integer', 'timestamp with time zone', 'jsonb'. */
  readonly name: string;
  /** Type parameters as written: varchar(255) → [255]; numeric(10, 2) → [10, 2]. */
  readonly params: readonly (number | string)[];
  /** Array dimensions: integer[][] → 2. */
  readonly arrayDimensions: number;
  /** The full SQL spelling: 'varchar(255)', 'integer[]'. */
  readonly sql: string;
  /** The enum this column uses, when the type is an enum (SQL name of the enum type). */
  readonly enumName?: string;
  /** The ORM builder or type the code used: 'varchar', 'serial', 'customType:encryptedText', 'String'. */
  readonly builder: string;
  /** Set when the column's type is a user-defined wrapper (Drizzle customType, SQLAlchemy TypeDecorator). */
  readonly custom?: CustomTypeInfo;
}

export interface CustomTypeInfo {
  /** The binding name of the custom type in code. */
  readonly name: string;
  /** Names of functions its write path calls (Drizzle `toDriver`, SQLAlchemy `process_bind_param`). */
  readonly writeCalls: readonly string[];
  /** Names of functions its read path calls. */
  readonly readCalls: readonly string[];
  /** A string literal passed where an encryption key is expected, if any. */
  readonly literalKey?: { readonly value: string; readonly span: Span };
}

export type ColumnDefault =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly text: string }
  | { readonly kind: 'sql'; readonly text: string }
  /** A value only the application computes ($defaultFn, Python `default=`): no database default. */
  | { readonly kind: 'application'; readonly text: string };

export interface Column extends ModelNode {
  readonly kind: 'column';
  /** SQL name: 'date_of_birth'. */
  readonly name: string;
  /** Name in code: the TS property key ('dateOfBirth') or Python attribute. */
  readonly propertyKey: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  /** Database-side default; undefined = none. Serial columns get their sequence default here. */
  readonly default?: ColumnDefault;
  /** Declared as the primary key on the column itself. */
  readonly primaryKey: boolean;
  /** Declared unique on the column itself. */
  readonly unique: boolean;
  readonly identity?: 'always' | 'by default';
  /** Generated (computed) column expression text. */
  readonly generated?: string;
  /** Text of the declared application type of a JSON column: Drizzle `.$type<T>()`, SQLAlchemy `Mapped[T]`. */
  readonly declaredType?: string;
  /** Where the column's type span is, for fixes and precise reporting. */
  readonly typeSpan?: Span;
  readonly docTags: readonly DocTag[];
  /** ORM-level metadata dictionary (SQLAlchemy `info={...}`), literal values only. */
  readonly info?: Readonly<Record<string, unknown>>;
  /** The column came from a spread helper object or a mixin, declared elsewhere. */
  readonly inheritedFrom?: string;
  /** A classification declared in code or in the manifest; filled by the classification pass. */
  readonly declared?: DeclaredClassification;
  /** What the column-name classifier infers; filled by the classification pass. */
  readonly inferred?: InferredClassification;
  /** Where fixes may edit the column's declaration; absent when it cannot be edited safely. */
  readonly fix?: ColumnFixAnchor;
}

export type DataClass = 'phi' | 'pii' | 'special' | 'credential' | 'none';
export type SensitivitySeverity = 'low' | 'medium' | 'high' | 'critical';
export type Confidence = 'certain' | 'likely' | 'possible';
export type DataSource = 'patient_reported' | 'clinician' | 'device' | 'ai_inferred' | 'imported';

/** Where a declaration came from, in order of precedence. */
export type DeclarationOrigin = 'inline' | 'manifest';

export interface Retention {
  /** ISO-8601 duration (`P7Y`, `P6M`); undefined when only a policy reference is given. */
  readonly duration?: string;
  /** The column the period runs from (`last_visit_at`); must exist and be a date or timestamp. */
  readonly after?: string;
  readonly action?: 'delete' | 'anonymize' | 'archive';
  /** `policy:<id>` reference into the manifest's retentionPolicies. */
  readonly policy?: string;
  readonly legalRef?: string;
}

export interface DeclaredClassification {
  readonly dataClass: DataClass;
  /** `phi.medication`, `id.email`, ... */
  readonly category?: string;
  readonly severity?: SensitivitySeverity;
  /**
   * How the value is protected: `encrypted` (mechanism not named), `app:<keyref>`, `db:<...>`,
   * `storage-only`, or `none:<reason>` for an explicit exemption.
   */
  readonly encryption?: string;
  readonly source?: DataSource;
  readonly retention?: Retention;
  /** The value must be present: the column should be NOT NULL. */
  readonly required?: boolean;
  /** Why a column is declared not sensitive (required for `none`). */
  readonly reason?: string;
  readonly origin: DeclarationOrigin;
  readonly span: Span;
}

export interface InferredClassification {
  readonly dataClass: DataClass;
  readonly category: string;
  readonly severity: SensitivitySeverity;
  readonly confidence: Confidence;
  readonly reason: string;
}

export interface TableGovernance {
  /** Table-level default class, or `none` when the whole table is declared not sensitive. */
  readonly dataClass?: DataClass;
  readonly retention?: Retention;
  /** `consent_records.id`: where consent for the rows is recorded. */
  readonly consent?: string;
  readonly source?: DataSource;
  readonly owner?: string;
  readonly reason?: string;
  readonly origin: DeclarationOrigin;
  readonly span: Span;
}

export interface KeyColumns extends ModelNode {
  readonly name?: string;
  /** SQL column names, in declaration order (order matters for covering indexes). */
  readonly columns: readonly string[];
}

export interface PrimaryKey extends KeyColumns {
  readonly kind: 'primaryKey';
  readonly declaredVia: 'column' | 'table';
}

export interface UniqueConstraint extends KeyColumns {
  readonly kind: 'unique';
  readonly declaredVia: 'column' | 'table';
  readonly nullsNotDistinct: boolean;
}

export interface ForeignKeyTarget {
  /** SQL name of the referenced table; undefined when the loader could not determine it. */
  readonly table?: string;
  readonly schema?: string;
  /** The name used in code to refer to the table (`users`, `User`), kept for messages when unresolved. */
  readonly codeName: string;
  /** SQL names of the referenced columns (code names when unresolved). */
  readonly columns: readonly string[];
  /** True when the target table and all target columns exist in the loaded model. */
  readonly resolved: boolean;
}

export interface ForeignKey extends ModelNode {
  readonly kind: 'foreignKey';
  /** Explicit name, or the name the ORM generates for the constraint. */
  readonly name?: string;
  readonly explicitName: boolean;
  /** SQL names of the referencing columns. */
  readonly columns: readonly string[];
  readonly target: ForeignKeyTarget;
  /** undefined = not declared (≠ 'no action', which is what the database then does). */
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly declaredVia: 'column' | 'table';
  /** Where fixes may edit the key's declaration; absent when it cannot be edited safely. */
  readonly fix?: ForeignKeyFixAnchor;
}

export type IndexElement =
  | { readonly kind: 'column'; readonly column: string }
  | { readonly kind: 'expression'; readonly text: string };

export interface Index extends ModelNode {
  readonly kind: 'index';
  readonly name?: string;
  readonly explicitName: boolean;
  /** Key elements, in order; order matters for covering. */
  readonly elements: readonly IndexElement[];
  readonly unique: boolean;
  /** Partial index predicate text, if any. */
  readonly where?: string;
  /** Access method: btree (default), gin, gist, hash, ... */
  readonly method?: string;
}

export interface CheckConstraint extends ModelNode {
  readonly kind: 'check';
  readonly name?: string;
  readonly expression: string;
}

export interface EnumType extends ModelNode {
  readonly kind: 'enum';
  readonly name: string;
  readonly schema?: string;
  readonly exportName: string;
  readonly values: readonly string[];
}

/**
 * Fix anchors (`Table.fix`, `Column.fix`, `ForeignKey.fix`) are plain data the loaders leave on
 * nodes so rules can build text edits without syntax trees. Offsets are UTF-16 indices into the
 * file text as the loader read it (a byte-order mark is not part of it), `[start, end)`. A loader
 * leaves an anchor out when an edit there would not be safe: a declaration built by a helper
 * function, spread from a shared object, or computed.
 *
 * SourceStyle: how a file writes code, so inserted text matches it.
 */
export interface SourceStyle {
  readonly file: string;
  /** The file's line ending (its first one; '\n' when it has none). */
  readonly eol: '\n' | '\r\n' | '\r';
  /** The quote of the file's ORM import (`'drizzle-orm/pg-core'`, `"sqlalchemy"`): used for new strings. */
  readonly quote: "'" | '"';
  /** One level of indentation: the file's first indented line (two spaces when there is none). */
  readonly indentUnit: string;
}

/** A bracketed list: call arguments `(...)`, array `[...]`, object `{...}`, Python tuple or dict. */
export interface ListAnchor {
  /** Just after the opening bracket. */
  readonly open: number;
  /** The closing bracket. */
  readonly close: number;
  /** End of the last item, before any trailing comma; absent for an empty list. */
  readonly lastItemEnd?: number;
  /** Set when the last item starts its own line: that line's indentation (new items go on new lines). */
  readonly itemIndent?: string;
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A keyword argument or object property already present: `ondelete=None`, `onDelete: undefined`. */
export interface ValueSlot extends TextRange {
  /** The value is literally `undefined` / `None`, so writing another value changes nothing else. */
  readonly empty: boolean;
}

export interface ForeignKeyFixAnchor {
  readonly style: SourceStyle;
  /**
   * `references`: Drizzle `.references(() => t.id, { ... })`; `foreignKey`: Drizzle table-level
   * `foreignKey({ ... })` chain; `sqlalchemy`: `ForeignKey(...)`, `ForeignKeyConstraint(...)` or
   * SQLModel `Field(foreign_key=...)` (`sqlmodelField`, which accepts only ondelete).
   */
  readonly syntax: 'references' | 'foreignKey' | 'sqlalchemy';
  /** The call's arguments (`references`, `sqlalchemy`). */
  readonly args?: ListAnchor;
  /** `references`: the options object literal, when the second argument is one (without spreads). */
  readonly options?: ListAnchor;
  /**
   * No action can be added: `references` with a second argument that is not a plain object
   * literal; `sqlalchemy` with `**kwargs` (which may hold the keyword already).
   */
  readonly optionsOpaque?: boolean;
  /** `foreignKey`: end of the `foreignKey({...})...` chain, where `.onDelete(...)` goes. */
  readonly chainEnd?: number;
  /** Actions already written but read as undeclared (`onDelete: undefined`, `ondelete=None`). */
  readonly onDeleteSlot?: ValueSlot;
  readonly onUpdateSlot?: ValueSlot;
  readonly sqlmodelField?: boolean;
}

export interface ColumnFixAnchor {
  readonly style: SourceStyle;
  /** Start of the declaration (property, class attribute or `Column(...)` argument), after comments. */
  readonly start: number;
  /** The declaration's line indentation, when the declaration starts its line. */
  readonly indent?: string;
  /**
   * Drizzle: the last JSDoc block before the property (its `/**` to `*\/`); `closeStart` is where
   * the blanks before its `*\/` begin, and `closeIndent` is set when the `*\/` starts its own line.
   */
  readonly docComment?: TextRange & { readonly closeStart: number; readonly closeIndent?: string };
  /**
   * Drizzle: the column builder call, `json('payload')` or `pg.json('payload')`. `callee` is the
   * identifier to replace (the member name for `pg.json`) and `name` its text; `named` = a named
   * import from the dialect's core module; `member` = a namespace or columns-callback member.
   */
  readonly builder?: { readonly callee: TextRange; readonly name: string; readonly via: 'named' | 'member' | 'other'; readonly end: number };
  /** SQLAlchemy: the `Column(...)`, `mapped_column(...)` or `Field(...)` arguments. */
  readonly call?: ListAnchor;
  /** SQLAlchemy: keyword arguments present in that call. */
  readonly keywords?: readonly string[];
  /** SQLAlchemy: the `info=` dict literal, when there is one. */
  readonly info?: ListAnchor;
  /** SQLAlchemy: the call is SQLModel's `Field(...)` (which takes `index=` but no `info=`). */
  readonly sqlmodelField?: boolean;
}

export interface TableFixAnchor {
  readonly style: SourceStyle;
  readonly drizzle?: DrizzleTableAnchor;
  readonly sqlalchemy?: SqlAlchemyTableAnchor;
}

export interface DrizzleTableAnchor {
  /** The table call's arguments: `pgTable('t', { ... }, (t) => [...])`. */
  readonly args: ListAnchor;
  /**
   * The extra-config callback when it is a literal arrow or function returning an array or object
   * literal (directly or through `return`); `opaque` when there is a third argument of another shape.
   */
  readonly extraConfig?: { readonly form: 'array' | 'object'; readonly list: ListAnchor; readonly param: string; readonly keys: readonly string[] } | 'opaque';
  /** Builders in scope: how this file spells `index` / `jsonb` (`index`, `pg.index`); null = name taken by something else. */
  readonly builders: Readonly<Partial<Record<'index' | 'jsonb', string | null>>>;
  /** The named import from the dialect's core module (`drizzle-orm/pg-core`), where a builder can be added. */
  readonly coreImport?: ListAnchor;
  /**
   * The `json` element of that import (`json` or `json as j`), its removal range (with one
   * separating comma), and how often the file mentions its local name outside the import (an
   * over-count: strings and comments count too, so an import is never removed while in use).
   */
  readonly jsonImport?: { readonly local: string; readonly element: TextRange; readonly removal: TextRange; readonly uses: number };
}

export interface SqlAlchemyTableAnchor {
  /** How this file spells `Index` (`Index`, `sa.Index`, `db.Index`); absent when it is not in scope. */
  readonly indexCallee?: string;
  /** The names of a `from sqlalchemy import ...` statement, where `Index` can be added. */
  readonly sqlalchemyImport?: ListAnchor;
  /**
   * `__table_args__` as a tuple or list literal (`dict`: index of a trailing dict item, which stays
   * last), or a lone dict literal; `opaque` for any other form (inherited, declared_attr, a name).
   */
  readonly tableArgs?: { readonly form: 'tuple' | 'list'; readonly list: ListAnchor; readonly insertAt: number; readonly beforeDict: boolean } | { readonly form: 'dict'; readonly range: TextRange } | 'opaque';
  /**
   * Where a new `__table_args__ = (...)` line goes in the class body (a line start), and its
   * indentation; `newlineFirst` when the class ends the file without a final line break.
   */
  readonly bodyInsert?: { readonly offset: number; readonly indent: string; readonly newlineFirst?: boolean };
  /** Imperative `Table('name', metadata, ...)`: where a new positional item goes (after the last one). */
  readonly tableCall?: { readonly insertAt: number; readonly itemIndent?: string };
}

/**
 * How the repository changes its schema, read by the migration-path rules: every mechanism that
 * creates or alters tables, the code that writes schema outside migrations, Alembic and database
 * configuration, and connection strings written into code. Filled by the project scanner
 * (src/project), which reads files syntactically and never runs them.
 */
export interface ProjectFacts {
  /** The repository root the scan started from (absolute). */
  readonly root: string;
  readonly mechanisms: readonly MigrationMechanism[];
  readonly schemaWrites: readonly SchemaWrite[];
  readonly alembicEnvs: readonly AlembicEnv[];
  readonly databaseConfigs: readonly DatabaseConfig[];
  readonly credentials: readonly HardcodedCredential[];
}

export type MigrationTool = 'drizzle-kit' | 'alembic' | 'prisma' | 'adhoc-script' | 'raw-sql' | 'other';

/** Fields every project fact has besides its span. */
export interface ProjectNode extends ModelNode {
  /** The span's file relative to `ProjectFacts.root`, with `/` separators: for messages and identities. */
  readonly path: string;
}

export interface MigrationMechanism extends ProjectNode {
  readonly kind: 'migrationMechanism';
  readonly tool: MigrationTool;
  /** What was found: "drizzle-kit (drizzle.config.ts, migrations in ./migrations)". */
  readonly description: string;
}

export type SchemaWriteOperation =
  /** `metadata.create_all()`, `db.create_all()`, `Table.__table__.create()`, TypeORM `synchronize`, `sequelize.sync()`. */
  | 'create_all'
  /** `metadata.drop_all()`, `__table__.drop()`. */
  | 'drop_all'
  /** CREATE/ALTER/DROP TABLE or CREATE INDEX executed from code (`execute(text(...))`, sql`...`, `client.query(...)`). */
  | 'ddl-statement'
  /** A package.json script running `drizzle-kit push`. */
  | 'drizzle-kit-push'
  /** A package.json script running `prisma db push`. */
  | 'prisma-db-push'
  /** Migrations applied by application start-up code (`migrate()` from drizzle-orm's migrator, Alembic `command.upgrade`). */
  | 'migrate-at-boot'
  | 'other';

/** Code outside migrations that creates or alters schema. */
export interface SchemaWrite extends ProjectNode {
  readonly kind: 'schemaWrite';
  readonly operation: SchemaWriteOperation;
  /** Stable, position-free description: "Base.metadata.create_all() in create_tables.py". */
  readonly description: string;
  /** The code that writes, shortened for messages: "Base.metadata.create_all(bind=engine)", "CREATE TABLE doctors". */
  readonly code: string;
  /** Whether the write runs only behind an explicit environment or approval check. */
  readonly guarded: boolean;
  /** The guard found, for messages ("os.environ.get(\"ALLOW_SCHEMA_WRITES\") == \"1\""). */
  readonly guard?: string;
  /** The write sits in a migration folder (Alembic versions, drizzle/prisma migrations): legitimate. */
  readonly inMigration: boolean;
  /** The write sits in test code (tests/, test_*.py, *.test.ts, conftest.py): it builds a test database. */
  readonly inTest: boolean;
  /** The package.json script name, for `drizzle-kit-push` / `prisma-db-push` / script-level `migrate-at-boot`. */
  readonly script?: string;
}

export interface AlembicConfigureCall {
  readonly span: Span;
  readonly compareType: boolean;
  readonly compareServerDefault: boolean;
  /** The call spreads `**kwargs`, so the flags may be passed in a way schema-lint cannot see. */
  readonly spreadsKeywords: boolean;
}

export interface MissingModelModule {
  /** Dotted module name (`app.models.consultation`). */
  readonly module: string;
  /** Span of the first table the module defines. */
  readonly span: Span;
  /** SQL names of the tables it defines. */
  readonly tables: readonly string[];
}

export interface AlembicEnv extends ProjectNode {
  readonly kind: 'alembicEnv';
  /** The alembic.ini (or pyproject.toml) that points at this env.py, relative to the root. */
  readonly configFile?: string;
  /** Span of the target_metadata assignment, or undefined when there is none (None counts as none). */
  readonly targetMetadata?: Span;
  /** Span of an explicit `target_metadata = None`. */
  readonly targetMetadataNone?: Span;
  /** Model modules env.py imports (directly or through packages and modules it imports), dotted. */
  readonly importedModelModules: readonly string[];
  /** Modules that define SQLAlchemy tables but that env.py never imports: autogenerate does not see them. */
  readonly missingModelModules: readonly MissingModelModule[];
  /** `context.configure(...)` calls and whether they pass compare_type / compare_server_default. */
  readonly configureCalls: readonly AlembicConfigureCall[];
  /** env.py (or a module it imports) imports modules dynamically (importlib, pkgutil): imports are not checked. */
  readonly dynamicImports: boolean;
}

/** A place that configures the database connection: drizzle.config.*, alembic env.py / alembic.ini, app settings. */
export interface DatabaseConfig extends ProjectNode {
  readonly kind: 'databaseConfig';
  readonly tool: MigrationTool | 'application';
  /** Where the URL comes from. */
  readonly urlSource: 'environment' | 'literal' | 'config-file' | 'unknown';
  /** The environment variable the URL is read from (`DATABASE_URL`). */
  readonly variable?: string;
  /**
   * The code fails with a clear message when the variable is missing: an explicit check that throws
   * or exits, or Python's `os.environ["X"]` (KeyError names the variable). Also true when the URL
   * does not come from the environment, or comes through a settings object schema-lint cannot see into.
   */
  readonly failsWhenMissing: boolean;
  /** How the variable is read when nothing checks it: "a non-null assertion", "os.getenv() with a fallback". */
  readonly readAs?: string;
  readonly description: string;
}

/** A connection URL or password written into code or config. */
export interface HardcodedCredential extends ProjectNode {
  readonly kind: 'hardcodedCredential';
  /** The URL with the password replaced by `***` (or `password=***` for a password argument). */
  readonly masked: string;
  /** Span of the secret itself, so every output can mask it. */
  readonly secret: Span;
  /** A connection URL, a password argument or option (`password=`, `{ password: ... }`), or a keyword/value DSN. */
  readonly form: 'url' | 'password-option' | 'dsn';
  /** The host is this machine (localhost, 127.0.0.1, ::1). */
  readonly localHost: boolean;
  /** The file is test code (tests/, test_*.py, *.test.ts, conftest.py). */
  readonly inTest: boolean;
}
