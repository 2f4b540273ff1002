import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import type { Diagnostic, TextEdit } from '../engine/diagnostic.js';
import { docsUrl } from '../engine/define-rule.js';
import { reservedIdDocs } from '../engine/reserved-ids.js';
import { createEditLocator, type LocatedEdit } from '../fix/edit-locator.js';
import { findingHash, findingKey } from './fingerprint.js';
import { folderUri, relativeUri } from './paths.js';
import type { Reporter, ReporterContext, ReportInput } from './reporter.js';

/** GitHub code scanning limits (docs: "SARIF support for code scanning"). */
export const GITHUB_MAX_RESULTS = 25_000;
export const GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024;
export const FINGERPRINT_KEY = 'schemaLint/finding/v1';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, every enabled rule described, results
 * always present (even empty), relative URIs under %SRCROOT% (the git top level), UTF-16 columns,
 * line-independent partial fingerprints, and the upload limits enforced by truncating the least
 * severe results first, with a notification saying so.
 */
export const formatSarif: Reporter = (input, context) => {
  const log = buildSarif(input, context);
  return `${JSON.stringify(log, null, 2)}\n`;
};

export function buildSarif(input: ReportInput, context: ReporterContext, limits = { maxResults: GITHUB_MAX_RESULTS, maxGzipBytes: GITHUB_MAX_GZIP_BYTES }): Sarif.Log {
  const locate = createEditLocator(context.readSource);
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  for (const { rule, severity } of input.rules) {
    const doc = context.docs.get(rule.id);
    const level = severity === 'error' ? 'error' : 'warning';
    ruleIndex.set(rule.id, rules.length);
    rules.push({
      id: rule.id,
      name: pascalCase(rule.id),
      shortDescription: { text: rule.meta.description },
      fullDescription: { text: truncate(doc?.summary || rule.meta.description, 1024) },
      helpUri: docsUrl(rule.id),
      help: { text: `${rule.meta.help}\n\n${doc?.sections['How to fix'] ?? ''}`.trim(), ...(doc ? { markdown: doc.markdown } : {}) },
      defaultConfiguration: { level },
      properties: {
        tags: [rule.meta.category, ...(rule.meta.tags ?? []), ...(rule.meta.securitySeverity ? ['security'] : [])].slice(0, 20),
        precision: rule.meta.precision,
        'problem.severity': level,
        ...(rule.meta.securitySeverity ? { 'security-severity': rule.meta.securitySeverity } : {}),
      },
    });
  }
  const reserved = (id: string): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    const doc = reservedIdDocs.get(id);
    ruleIndex.set(id, rules.length);
    rules.push({
      id,
      name: pascalCase(id.replace('schema-lint/', '')),
      shortDescription: { text: doc?.description ?? id },
      fullDescription: { text: doc?.description ?? id },
      help: { text: doc?.explain ?? id },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['schema-lint'], precision: 'very-high', 'problem.severity': 'error' },
    });
    return ruleIndex.get(id)!;
  };

  const candidates = input.diagnostics.filter((d) => context.includeSuppressed || !d.suppression);
  const notifications: Sarif.Notification[] = input.diagnostics
    .filter((d) => d.ruleId.startsWith('schema-lint/'))
    .map((d) => ({
      level: d.severity === 'error' ? 'error' : 'warning',
      message: { text: d.message },
      descriptor: { id: d.ruleId },
      locations: [location(d, context)],
    }));

  // NOTE: GitHub rejects runs over its limits; keep the most severe results, and say what was dropped.
  const ordered = [...candidates].sort((a, b) => rank(b) - rank(a));
  let kept = ordered.slice(0, limits.maxResults);
  const build = (results: readonly Diagnostic[], extra: Sarif.Notification[]): Sarif.Log => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schema-lint',
            semanticVersion: context.toolVersion,
            version: context.toolVersion,
            informationUri: 'https://github.com/schema-lint/schema-lint',
            rules,
          },
        },
        ...(context.sarifCategory ? { automationDetails: { id: context.sarifCategory.endsWith('/') ? context.sarifCategory : `${context.sarifCategory}/` } } : {}),
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(context.sourceRoot) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [...notifications, ...extra] }],
        results: [...results].sort(byLocation).map((d) => toResult(d, context, d.ruleId.startsWith('schema-lint/') ? reserved(d.ruleId) : (ruleIndex.get(d.ruleId) ?? reserved(d.ruleId)), locate)),
      },
    ],
  });
  const truncationNotice = (total: number, keptCount: number): Sarif.Notification[] =>
    keptCount < total
      ? [
          {
            level: 'warning',
            message: {
              text: `schema-lint truncated the SARIF output to ${keptCount} of ${total} results to stay within GitHub code scanning's limits (${limits.maxResults} results per run, ${Math.round(limits.maxGzipBytes / 1024 / 1024)} MB gzipped); the least severe results were left out. Run with --format json to see all.`,
            },
            descriptor: { id: 'schema-lint/sarif-truncated' },
          },
        ]
      : [];
  let log = build(kept, truncationNotice(candidates.length, kept.length));
  if (gzipSync(JSON.stringify(log)).length > limits.maxGzipBytes) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const attempt = build(kept.slice(0, mid), truncationNotice(candidates.length, mid));
      if (gzipSync(JSON.stringify(attempt)).length <= limits.maxGzipBytes) low = mid;
      else high = mid - 1;
    }
    kept = kept.slice(0, low);
    log = build(kept, truncationNotice(candidates.length, kept.length));
  }
  return log;
}

function toResult(d: Diagnostic, context: ReporterContext, index: number, locate: (edit: TextEdit) => LocatedEdit | undefined): Sarif.Result {
  const fixes = (d.fixes ?? []).flatMap((f) => sarifFix(f, context, locate));
  return {
    ruleId: d.ruleId,
    ruleIndex: index,
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.message },
    locations: [location(d, context)],
    ...(d.related && d.related.length > 0
      ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, physicalLocation: physical(r.span, context) })) }
      : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: findingHash(d, context.sourceRoot) },
    properties: { ...d.properties, findingKey: findingKey(d, context.sourceRoot) },
    ...(context.includeSuppressed ? { suppressions: d.suppression ? [{ kind: d.suppression.kind === 'inline' ? 'inSource' : 'external', justification: d.suppression.justification }] : [] } : {}),
  };
}

/**
 * A fix as SARIF `fixes[]` (§3.55): per file an artifactChange whose replacements delete a region
 * (empty for an insertion) and insert text. Line/column regions, like the results' (UTF-16
 * columns). A fix whose edits cannot be located in their files is left out.
 */
function sarifFix(fix: NonNullable<Diagnostic['fixes']>[number], context: ReporterContext, locate: (edit: TextEdit) => LocatedEdit | undefined): Sarif.Fix[] {
  const located = fix.edits.map(locate);
  if (located.some((e) => e === undefined)) return [];
  const byFile = new Map<string, LocatedEdit[]>();
  for (const e of located as LocatedEdit[]) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return [
    {
      description: { text: `${fix.kind === 'suggestion' ? 'Suggestion: ' : ''}${fix.description}` },
      artifactChanges: [...byFile].map(([file, edits]) => ({
        artifactLocation: { uri: relativeUri(context.sourceRoot, file), uriBaseId: '%SRCROOT%' },
        replacements: edits.map((e) => ({
          deletedRegion: { startLine: e.start.line, startColumn: e.start.column, endLine: e.end.line, endColumn: e.end.column },
          ...(e.text !== '' ? { insertedContent: { text: e.text } } : {}),
        })),
      })),
      properties: { kind: fix.kind },
    },
  ];
}

function location(d: Diagnostic, context: ReporterContext): Sarif.Location {
  return { physicalLocation: physical(d.span, context) };
}

function physical(span: Diagnostic['span'], context: ReporterContext): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: relativeUri(context.sourceRoot, span.file), uriBaseId: '%SRCROOT%' },
    region: { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: Math.max(span.end.column, span.end.line === span.start.line ? span.start.column + 1 : span.end.column) },
  };
}

function rank(d: Diagnostic): number {
  return d.severity === 'error' ? 2 : 1;
}

function byLocation(a: Diagnostic, b: Diagnostic): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return a.span.start.line - b.span.start.line || a.span.start.column - b.span.start.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function pascalCase(id: string): string {
  return id.replace(/(^|[-/])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
