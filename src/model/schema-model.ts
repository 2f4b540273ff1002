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
 * How the repository changes its schema, read by the migration-path rules: every mechanism that
 * creates or alters tables, the code that writes schema outside migrations, Alembic and database
 * configuration, and connection strings written into code. Filled by the project scanner.
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

export interface MigrationMechanism extends ModelNode {
  readonly kind: 'migrationMechanism';
  readonly tool: MigrationTool;
  /** What was found: "drizzle-kit config with migrations in ./migrations". */
  readonly description: string;
}

/** Code outside migrations that creates or alters schema. */
export interface SchemaWrite extends ModelNode {
  readonly kind: 'schemaWrite';
  /** `metadata.create_all`, `db.create_all()`, `CREATE TABLE` executed, `drizzle-kit push` script, migrate at boot. */
  readonly operation: 'create_all' | 'ddl-statement' | 'drizzle-kit-push' | 'migrate-at-boot' | 'other';
  readonly description: string;
  /** Whether the write runs only behind an explicit environment or approval check. */
  readonly guarded: boolean;
  /** The guard found, for messages ("if os.environ['ALLOW_SCHEMA_WRITES'] == '1'"). */
  readonly guard?: string;
  /** The write sits in a migration script (Alembic versions, drizzle migrations): legitimate. */
  readonly inMigration: boolean;
}

export interface AlembicEnv extends ModelNode {
  readonly kind: 'alembicEnv';
  /** Span of the target_metadata assignment, or undefined when there is none (None counts as none). */
  readonly targetMetadata?: Span;
  /** Modules env.py imports that define models, and model modules it does not import. */
  readonly importedModelModules: readonly string[];
  readonly missingModelModules: readonly { readonly module: string; readonly span: Span }[];
  /** `context.configure(...)` calls and whether they pass compare_type / compare_server_default. */
  readonly configureCalls: readonly { readonly span: Span; readonly compareType: boolean; readonly compareServerDefault: boolean }[];
}

/** A place that configures the database connection: drizzle.config.*, alembic env.py / alembic.ini, app settings. */
export interface DatabaseConfig extends ModelNode {
  readonly kind: 'databaseConfig';
  readonly tool: MigrationTool | 'application';
  /** Where the URL comes from. */
  readonly urlSource: 'environment' | 'literal' | 'config-file' | 'unknown';
  /** The code fails with a clear message when DATABASE_URL is missing. */
  readonly failsWhenMissing: boolean;
  readonly description: string;
}

/** A connection URL or password written into code or config. */
export interface HardcodedCredential extends ModelNode {
  readonly kind: 'hardcodedCredential';
  /** The URL with the password replaced by `***`. */
  readonly masked: string;
  /** Span of the secret itself, so every output can mask it. */
  readonly secret: Span;
}
