import type { z } from 'zod';
import type { ModelIndex } from '../model/model-queries.js';
import type {
  AlembicEnv,
  DatabaseConfig,
  HardcodedCredential,
  MigrationMechanism,
  ProjectFacts,
  SchemaWrite,
  SourceKind,
  Column,
  EnumType,
  ForeignKey,
  Index,
  PrimaryKey,
  SchemaModel,
  Table,
  UniqueConstraint,
} from '../model/schema-model.js';
import type { Span } from '../model/span.js';
import type { DiagnosticProperties, Fix, RelatedLocation, Severity } from './diagnostic.js';

export type RuleCategory = 'correctness' | 'performance' | 'integrity' | 'privacy' | 'governance' | 'migrations';
export type Precision = 'very-high' | 'high' | 'medium' | 'low';
/** Named rule sets. `strict` turns on every rule; `recommended` is the default. */
export type PresetName = 'recommended' | 'strict' | 'hipaa';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MessageFns = Record<string, (data: any) => string>;

export interface RuleMeta<Msgs extends MessageFns = MessageFns> {
  /** `^(Require|Disallow|Enforce|Prefer) .+[^.]$` */
  readonly description: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** Enabled in the `recommended` preset (and so when there is no config). */
  readonly recommended: boolean;
  /** Extra presets that enable the rule besides `strict` (which enables all). */
  readonly presets?: readonly PresetName[];
  readonly since: string;
  /** messageId → message text built from typed data. Each message is a sentence ending with a period. */
  readonly messages: Msgs;
  /** The remedy, imperative, in the user's ORM terms (Drizzle by default). */
  readonly help: string;
  /** The remedy for tables from another ORM: `{ sqlalchemy: 'Pass ondelete= to ForeignKey().' }`. */
  readonly helpBySource?: Partial<Readonly<Record<SourceKind, string>>>;
  /** SARIF `properties.tags`, beyond the category (e.g. HIPAA safeguard references). */
  readonly tags?: readonly string[];
  readonly precision: Precision;
  /** GitHub code scanning security severity ("0.0"–"10.0"); only for security rules. */
  readonly securitySeverity?: string;
  /** The rule can attach fixes: `safe` (applied by --fix) or `suggestion`. */
  readonly fixable?: 'safe' | 'suggestion';
}

/** Anything a rule can report on; the engine derives identity and properties from it. */
export type ReportNode =
  | Table
  | Column
  | ForeignKey
  | Index
  | PrimaryKey
  | UniqueConstraint
  | EnumType
  | MigrationMechanism
  | SchemaWrite
  | AlembicEnv
  | DatabaseConfig
  | HardcodedCredential;

export interface ReportDescriptor<Msgs extends MessageFns, M extends keyof Msgs> {
  readonly node: ReportNode;
  /** The table the node belongs to (required for columns, keys and indexes). */
  readonly table?: Table;
  readonly messageId: M;
  readonly data: Parameters<Msgs[M]>[0];
  /** Overrides the node's span. */
  readonly span?: Span;
  /** Distinguishes several reports of one rule on one node, for stable fingerprints. */
  readonly key?: string;
  readonly properties?: Omit<DiagnosticProperties, 'table'>;
  readonly help?: string;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** Why no fix is attached although the rule is fixable; shown with the diagnostic. */
  readonly noFixReason?: string;
  /** Source ranges holding secrets, masked in code frames by every reporter. */
  readonly secrets?: readonly Span[];
}

export interface RuleContext<Msgs extends MessageFns> {
  readonly model: SchemaModel;
  readonly index: ModelIndex;
  report<M extends keyof Msgs & string>(descriptor: ReportDescriptor<Msgs, M>): void;
}

/** Callbacks the engine calls while walking the model once. */
export interface RuleVisitor {
  model?(model: SchemaModel): void;
  table?(table: Table): void;
  column?(column: Column, table: Table): void;
  foreignKey?(fk: ForeignKey, table: Table): void;
  index?(index: Index, table: Table): void;
  enum?(enumType: EnumType): void;
  /** Called once with the repository's migration facts, when a project scan ran. */
  project?(facts: ProjectFacts): void;
  /** Called after the walk, for rules that aggregate. */
  done?(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOptionsSchema = z.ZodType<any, any>;

export interface RuleDefinition<O extends AnyOptionsSchema = AnyOptionsSchema, Msgs extends MessageFns = MessageFns> {
  readonly id: string;
  readonly meta: RuleMeta<Msgs>;
  /** zod schema of the options object; `.strict()` with defaults, so `{}` parses. */
  readonly options: O;
  check(context: RuleContext<Msgs>, options: z.output<O>): RuleVisitor;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<AnyOptionsSchema, any>;

export const RULE_ID_PATTERN = /^(require|no|prefer)-[a-z0-9]+(-[a-z0-9]+)*$/;
export const DESCRIPTION_PATTERN = /^(Require|Disallow|Enforce|Prefer) .+[^.]$/;

/**
 * Declares a rule. Infers the options type from the zod schema and message ids from `messages`,
 * so `context.report` and rule tests type-check; checks the naming conventions; freezes the result.
 */
export function defineRule<O extends AnyOptionsSchema, Msgs extends MessageFns>(
  rule: RuleDefinition<O, Msgs>,
): RuleDefinition<O, Msgs> {
  if (!RULE_ID_PATTERN.test(rule.id)) throw new Error(`Rule id "${rule.id}" does not match ${RULE_ID_PATTERN}.`);
  if (!DESCRIPTION_PATTERN.test(rule.meta.description)) {
    throw new Error(`Rule ${rule.id}: description "${rule.meta.description}" does not match ${DESCRIPTION_PATTERN}.`);
  }
  const defaults = rule.options.safeParse({});
  if (!defaults.success) throw new Error(`Rule ${rule.id}: options schema must accept {} (give every option a default).`);
  return Object.freeze({ ...rule, meta: Object.freeze({ ...rule.meta }) });
}

export function docsUrl(ruleId: string): string {
  return `https://github.com/schema-lint/schema-lint/blob/main/rules/${ruleId}.ts`;
}
