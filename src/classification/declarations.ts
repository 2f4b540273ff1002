import type { LoadProblem } from '../loaders/load-problem.js';
import type {
  DataClass,
  DataSource,
  DeclaredClassification,
  DocTag,
  Retention,
  SensitivitySeverity,
  TableGovernance,
} from '../model/schema-model.js';
import type { Span } from '../model/span.js';

/**
 * Inline classification declarations.
 *
 * On a column (JSDoc on the property):
 *   /** @phi medication encrypted *\/
 *   /** @phi diagnosis encryption=app:kms/clinical-dek source=ai_inferred required *\/
 *   /** @pii id.email *\/          /** @special religion *\/          /** @credential password *\/
 *   /** @not-sensitive boolean flag about verification, holds no email *\/
 * On a table (JSDoc on the table's declaration):
 *   /** @retention P7Y after=last_visit_at action=archive   @consent consents.id   @source patient_reported *\/
 *   /** @phi *\/ (every column defaults to the class)      /** @not-sensitive <reason> *\/
 *
 * Grammar of a class tag: `@<class> [category] [encrypted] [required] [key=value ...]` with keys
 * `encryption`, `severity`, `source`, `retention` (`P7Y` or `P7Y:after=col` or `policy:<id>`),
 * `after`, `consent`. Values may be double-quoted. SQLAlchemy `info={...}` dictionaries use the same
 * keys (`data_class`/`classification`, `category`, `encryption`, ...).
 */
export const CLASS_TAGS: ReadonlySet<string> = new Set(['phi', 'pii', 'special', 'credential']);
const SOURCES: readonly DataSource[] = ['patient_reported', 'clinician', 'device', 'ai_inferred', 'imported'];
const SEVERITIES: readonly SensitivitySeverity[] = ['low', 'medium', 'high', 'critical'];
export const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const COLUMN_KEYS = new Set(['encryption', 'severity', 'source', 'retention', 'after', 'consent', 'reason', 'category']);

/** `key=value`, `key="quoted value"` and bare words. */
export function tokenizeTagText(text: string): { words: string[]; pairs: Map<string, string> } {
  const words: string[] = [];
  const pairs = new Map<string, string>();
  const pattern = /([A-Za-z_][\w.-]*)=("([^"]*)"|\S+)|"([^"]*)"|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) pairs.set(match[1], match[3] ?? match[2]!);
    else words.push(match[4] ?? match[5]!);
  }
  return { words, pairs };
}

/** `phi` + `medication` → `phi.medication`; qualified categories (`id.email`) are kept. */
export function normaliseCategory(dataClass: DataClass, category: string): string {
  return category.includes('.') ? category : `${dataClass}.${category}`;
}

export function parseRetention(text: string): Retention | string {
  if (text.startsWith('policy:')) return { policy: text.slice('policy:'.length) };
  const [duration, ...rest] = text.split(':');
  if (!duration || !ISO_DURATION.test(duration)) return `"${duration}" is not an ISO-8601 duration such as P7Y or P6M`;
  const retention: { duration: string; after?: string } = { duration };
  for (const part of rest) {
    const [key, value] = part.split('=');
    if (key === 'after' && value) retention.after = value;
  }
  return retention;
}

export interface ParsedDeclarations {
  readonly column?: DeclaredClassification;
  readonly table?: TableGovernance;
  readonly problems: LoadProblem[];
}

function problem(span: Span, message: string, help?: string): LoadProblem {
  return { id: 'schema-lint/invalid-classification', severity: 'warn', message, ...(help ? { help } : {}), span };
}

/** Reads a column's JSDoc tags into a declaration. */
export function columnDeclarationFromTags(tags: readonly DocTag[]): ParsedDeclarations {
  const problems: LoadProblem[] = [];
  let declaration: DeclaredClassification | undefined;
  for (const tag of tags) {
    const name = tag.tag.toLowerCase();
    if (name === 'not-sensitive') {
      const reason = tag.text.replace(/^reason=/, '').replace(/^"|"$/g, '').trim();
      if (reason.length < 10) problems.push(problem(tag.span, '`@not-sensitive` needs a reason of at least 10 characters, so the opt-out can be reviewed.', 'Write why: `/** @not-sensitive boolean flag, holds no email address */`.'));
      declaration = { dataClass: 'none', ...(reason ? { reason } : {}), origin: 'inline', span: tag.span };
      continue;
    }
    if (!CLASS_TAGS.has(name)) continue;
    const parsed = parseClassText(name as DataClass, tokenizeTagText(tag.text), tag.span, problems);
    declaration = { ...parsed, origin: 'inline', span: tag.span };
  }
  return { ...(declaration ? { column: declaration } : {}), problems };
}

function parseClassText(dataClass: DataClass, tokens: { words: string[]; pairs: Map<string, string> }, span: Span, problems: LoadProblem[]): Omit<DeclaredClassification, 'origin' | 'span'> {
  const out: { -readonly [K in keyof DeclaredClassification]?: DeclaredClassification[K] } = { dataClass };
  for (const word of tokens.words) {
    if (word === 'encrypted') out.encryption = 'encrypted';
    else if (word === 'required') out.required = true;
    else if (word === '--') break;
    else if (out.category === undefined && /^[a-z][a-z0-9_.]*$/.test(word)) out.category = normaliseCategory(dataClass, word);
    else problems.push(problem(span, `Unexpected word "${word}" in the @${dataClass} tag.`, 'Use `@phi <category> [encrypted] [required] [key=value ...]`.'));
  }
  for (const [key, value] of tokens.pairs) {
    switch (key) {
      case 'encryption':
        out.encryption = value;
        break;
      case 'category':
        out.category = normaliseCategory(dataClass, value);
        break;
      case 'severity':
        if ((SEVERITIES as readonly string[]).includes(value)) out.severity = value as SensitivitySeverity;
        else problems.push(problem(span, `Severity "${value}" is not one of ${SEVERITIES.join(', ')}.`));
        break;
      case 'source':
        if ((SOURCES as readonly string[]).includes(value)) out.source = value as DataSource;
        else problems.push(problem(span, `Source "${value}" is not one of ${SOURCES.join(', ')}.`));
        break;
      case 'retention': {
        const retention = parseRetention(value);
        if (typeof retention === 'string') problems.push(problem(span, `Retention ${retention}.`));
        else out.retention = retention;
        break;
      }
      default:
        if (!COLUMN_KEYS.has(key)) problems.push(problem(span, `Unknown key "${key}" in the @${dataClass} tag.`, `Known keys: ${[...COLUMN_KEYS].join(', ')}.`));
    }
  }
  return out as Omit<DeclaredClassification, 'origin' | 'span'>;
}

/** Reads a table's JSDoc tags (on its declaration) into governance facts. */
export function tableGovernanceFromTags(tags: readonly DocTag[], fallbackSpan: Span): ParsedDeclarations {
  const problems: LoadProblem[] = [];
  const out: { -readonly [K in keyof TableGovernance]?: TableGovernance[K] } = {};
  let span: Span | undefined;
  for (const tag of tags) {
    const name = tag.tag.toLowerCase();
    const tokens = tokenizeTagText(tag.text);
    if (name === 'retention') {
      span ??= tag.span;
      const first = tokens.words[0] ?? tokens.pairs.get('duration') ?? '';
      const retention = parseRetention(first);
      if (typeof retention === 'string') {
        problems.push(problem(tag.span, `Retention ${retention}.`, 'Write `@retention P7Y after=<date column>` or `@retention policy:<id>`.'));
        continue;
      }
      const after = tokens.pairs.get('after');
      const action = tokens.pairs.get('action');
      if (action !== undefined && !['delete', 'anonymize', 'archive'].includes(action)) problems.push(problem(tag.span, `Retention action "${action}" is not delete, anonymize or archive.`));
      out.retention = { ...retention, ...(after ? { after } : {}), ...(action && ['delete', 'anonymize', 'archive'].includes(action) ? { action: action as 'delete' } : {}), ...(tokens.pairs.get('legalRef') ? { legalRef: tokens.pairs.get('legalRef')! } : {}) };
    } else if (name === 'consent') {
      span ??= tag.span;
      out.consent = tokens.words[0] ?? '';
      if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*){1,2}$/.test(out.consent)) problems.push(problem(tag.span, '`@consent` needs the consent record as `table.column`.', 'Write `@consent patient_consents.id`.'));
    } else if (name === 'source') {
      span ??= tag.span;
      const value = tokens.words[0] ?? '';
      if ((SOURCES as readonly string[]).includes(value)) out.source = value as DataSource;
      else problems.push(problem(tag.span, `Source "${value}" is not one of ${SOURCES.join(', ')}.`));
    } else if (name === 'owner') {
      span ??= tag.span;
      out.owner = tag.text;
    } else if (name === 'not-sensitive') {
      span ??= tag.span;
      out.dataClass = 'none';
      out.reason = tag.text;
      if (tag.text.length < 10) problems.push(problem(tag.span, '`@not-sensitive` needs a reason of at least 10 characters.'));
    } else if (CLASS_TAGS.has(name) || name === 'data-class') {
      span ??= tag.span;
      const cls = name === 'data-class' ? tokens.words[0] : name;
      if (cls && (CLASS_TAGS.has(cls) || cls === 'none')) out.dataClass = cls as DataClass;
      else problems.push(problem(tag.span, `"${cls ?? ''}" is not a data class (phi, pii, special, credential, none).`));
      const retention = tokens.pairs.get('retention');
      if (retention) {
        const parsed = parseRetention(retention);
        if (typeof parsed === 'string') problems.push(problem(tag.span, `Retention ${parsed}.`));
        else out.retention = { ...parsed, ...(tokens.pairs.get('after') ? { after: tokens.pairs.get('after')! } : {}) };
      }
      if (tokens.pairs.get('consent')) out.consent = tokens.pairs.get('consent')!;
      const source = tokens.pairs.get('source');
      if (source && (SOURCES as readonly string[]).includes(source)) out.source = source as DataSource;
    }
  }
  if (!span) return { problems };
  return { table: { ...out, origin: 'inline', span: span ?? fallbackSpan }, problems };
}

/** SQLAlchemy `info={...}`: the same vocabulary as the tags, as dictionary keys. */
export function columnDeclarationFromInfo(info: Readonly<Record<string, unknown>>, span: Span): ParsedDeclarations {
  const problems: LoadProblem[] = [];
  const raw = info['data_class'] ?? info['dataClass'] ?? info['classification'] ?? info['phi'];
  if (raw === undefined) return { problems };
  const dataClass = raw === true ? 'phi' : String(raw).toLowerCase();
  if (!(CLASS_TAGS.has(dataClass) || dataClass === 'none')) {
    problems.push(problem(span, `info data class "${String(raw)}" is not phi, pii, special, credential or none.`));
    return { problems };
  }
  const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : undefined);
  const category = text('category');
  const retention = text('retention') ? parseRetention(text('retention')!) : undefined;
  if (typeof retention === 'string') problems.push(problem(span, `Retention ${retention}.`));
  const source = text('source');
  const severity = text('severity');
  const reason = text('reason');
  if (dataClass === 'none' && (reason ?? '').length < 10) problems.push(problem(span, 'A column declared not sensitive needs a "reason" of at least 10 characters.'));
  return {
    column: {
      dataClass: dataClass as DataClass,
      ...(category ? { category: normaliseCategory(dataClass as DataClass, category) } : {}),
      ...(text('encryption') ? { encryption: text('encryption')! } : info['encrypted'] === true ? { encryption: 'encrypted' } : {}),
      ...(source && (SOURCES as readonly string[]).includes(source) ? { source: source as DataSource } : {}),
      ...(severity && (SEVERITIES as readonly string[]).includes(severity) ? { severity: severity as SensitivitySeverity } : {}),
      ...(retention && typeof retention !== 'string' ? { retention } : {}),
      ...(info['required'] === true ? { required: true } : {}),
      ...(reason ? { reason } : {}),
      origin: 'inline',
      span,
    },
    problems,
  };
}

/** SQLAlchemy `__table_args__ = {"info": {...}}`: `data_class`, `retention` (+ `retention_after`, `retention_action`), `consent`, `source`, `reason`. */
export function tableGovernanceFromInfo(info: Readonly<Record<string, unknown>>, span: Span): ParsedDeclarations {
  const problems: LoadProblem[] = [];
  const text = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : undefined);
  const out: { -readonly [K in keyof TableGovernance]?: TableGovernance[K] } = {};
  const dataClass = text('data_class') ?? text('dataClass') ?? text('classification');
  if (dataClass !== undefined) {
    if (CLASS_TAGS.has(dataClass) || dataClass === 'none') out.dataClass = dataClass as DataClass;
    else problems.push(problem(span, `info data class "${dataClass}" is not phi, pii, special, credential or none.`));
  }
  const retentionText = text('retention');
  if (retentionText !== undefined) {
    const retention = parseRetention(retentionText);
    if (typeof retention === 'string') problems.push(problem(span, `Retention ${retention}.`));
    else {
      const after = text('retention_after') ?? text('retentionAfter');
      const action = text('retention_action') ?? text('retentionAction');
      out.retention = { ...retention, ...(after ? { after } : {}), ...(action === 'delete' || action === 'anonymize' || action === 'archive' ? { action } : {}) };
    }
  }
  if (text('consent')) out.consent = text('consent')!;
  const source = text('source');
  if (source && (SOURCES as readonly string[]).includes(source)) out.source = source as DataSource;
  if (text('reason')) out.reason = text('reason')!;
  if (Object.keys(out).length === 0) return { problems };
  return { table: { ...out, origin: 'inline', span }, problems };
}
