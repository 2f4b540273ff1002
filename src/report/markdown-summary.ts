import type { InventoryRow } from '../classification/inventory.js';
import type { Diagnostic } from '../engine/diagnostic.js';
import { buildDiagramModel, displayPath } from './diagram-model.js';
import type { ReportData } from './report-data.js';

export interface MarkdownSummaryData extends ReportData {
  /**
   * Set when the lint run applied a baseline (`LintRun.baseline`, as the reporters' `ReportInput`
   * carries it): findings without `suppression` are then the new ones, and they are listed.
   */
  readonly baseline?: { readonly file: string; readonly matched: number; readonly stale: number };
  /**
   * The inventory of the base branch (`schema-lint classify --format json` there): the summary
   * then lists sensitive columns added, removed and reclassified instead of the current tables.
   */
  readonly previous?: readonly InventoryRow[];
  /** Characters the result may have; default GitHub's comment limit, 65,536. */
  readonly maxLength?: number;
}

export const GITHUB_COMMENT_LIMIT = 65_536;
const TRUNCATION_NOTE = "_Truncated to fit GitHub's 65,536-character comment limit; the HTML report (`schema-lint report`) lists everything._";

/** A section whose list can be cut to fit the limit; `more(n)` says what was left out. */
interface Block {
  readonly head: readonly string[];
  readonly items: readonly string[];
  readonly more: (omitted: number) => string;
  readonly tail?: readonly string[];
}

/**
 * A Markdown summary for a pull-request comment: counts by severity and rule, the new findings
 * (with a baseline), and the sensitive-data changes (with a previous inventory) or else the
 * current sensitive tables. Lists are cut, with a note, so the text never exceeds `maxLength`.
 */
export function formatMarkdownSummary(data: MarkdownSummaryData): string {
  const limit = data.maxLength ?? GITHUB_COMMENT_LIMIT;
  const active = data.diagnostics.filter((d) => !d.suppression);
  const errors = active.filter((d) => d.severity === 'error').length;
  const warnings = active.length - errors;
  const suppressed = data.diagnostics.length - active.length;
  const diagram = buildDiagramModel(data.model, data.inventory, data.root);
  const cascades = diagram.edges.filter((e) => e.onDelete === 'cascade').length;
  const sensitiveTables = new Set(data.inventory.map((r) => r.table)).size;
  const undeclared = data.inventory.filter((r) => !r.declared).length;

  const fixed: string[] = [];
  fixed.push(`## schema-lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`, '');
  fixed.push(
    `${plural(diagram.tables.length, 'table')}, ${plural(diagram.edges.length, 'relation')} (${cascades} ON DELETE CASCADE), ${plural(data.inventory.length, 'sensitive column')} in ${plural(sensitiveTables, 'table')}${undeclared > 0 ? ` (${undeclared} not declared)` : ''}.${suppressed > 0 ? ` ${plural(suppressed, 'finding')} suppressed.` : ''}`,
    '',
  );
  if (active.length > 0) {
    fixed.push('| Rule | Errors | Warnings |', '|---|---:|---:|');
    const byRule = new Map<string, { error: number; warn: number }>();
    for (const d of active) {
      const counts = byRule.get(d.ruleId) ?? { error: 0, warn: 0 };
      counts[d.severity]++;
      byRule.set(d.ruleId, counts);
    }
    const sorted = [...byRule].sort((a, b) => b[1].error - a[1].error || b[1].warn - a[1].warn || (a[0] < b[0] ? -1 : 1));
    for (const [rule, counts] of sorted) fixed.push(`| ${cell(code(rule))} | ${counts.error} | ${counts.warn} |`);
    fixed.push(`| **Total** | **${errors}** | **${warnings}** |`, '');
  } else {
    fixed.push('No findings.', '');
  }

  const blocks: Block[] = [];
  if (data.baseline) blocks.push(newFindingsBlock(data, active));
  blocks.push(data.previous ? changesBlock(data.inventory, data.previous) : sensitiveTablesBlock(data.inventory));

  const footer = [`<sub>schema-lint ${escapeText(data.toolVersion)}${data.generatedAt ? ` · ${escapeText(data.generatedAt)}` : ''}</sub>`];
  return fit(fixed, blocks, footer, limit);
}

function newFindingsBlock(data: MarkdownSummaryData, active: readonly Diagnostic[]): Block {
  const baseline = data.baseline!;
  const head = [`### New findings (${active.length})`, ''];
  head.push(`The baseline ${code(displayPath(data.root, baseline.file))} accepted ${plural(baseline.matched, 'finding')}${baseline.stale > 0 ? `; ${plural(baseline.stale, 'entry', 'entries')} no longer ${baseline.stale === 1 ? 'occurs' : 'occur'} (prune with \`--prune-baseline\`)` : ''}.`, '');
  if (active.length === 0) head.push('None: every finding is in the baseline.', '');
  const items = active.map((d) => {
    const file = displayPath(data.root, d.span.file);
    const where = `${file}:${d.span.start.line}`;
    const location = data.sourceLinkBase ? `[${escapeText(where)}](${data.sourceLinkBase}${file.split('/').map(encodeURIComponent).join('/')}#L${d.span.start.line})` : code(where);
    return `- ${d.severity === 'error' ? '**error**' : 'warning'} ${code(d.ruleId)} ${location}: ${escapeText(d.message)}`;
  });
  return { head, items, more: (n) => `- … and ${plural(n, 'more new finding')}`, tail: [''] };
}

function changesBlock(current: readonly InventoryRow[], previous: readonly InventoryRow[]): Block {
  const key = (r: InventoryRow) => `${r.table}\u0000${r.column}`;
  const before = new Map(previous.map((r) => [key(r), r]));
  const after = new Map(current.map((r) => [key(r), r]));
  const added = current.filter((r) => !before.has(key(r)));
  const removed = previous.filter((r) => !after.has(key(r)));
  const changed = current.filter((r) => {
    const old = before.get(key(r));
    return old && (old.classification !== r.classification || old.category !== r.category || old.declared !== r.declared || old.encrypted !== r.encrypted);
  });
  const head = ['### Sensitive data changes', ''];
  if (added.length + removed.length + changed.length === 0) {
    head.push(`No sensitive column was added, removed or reclassified (${plural(current.length, 'sensitive column')}).`, '');
    return { head, items: [], more: () => '' };
  }
  head.push(`**${added.length} added, ${removed.length} removed, ${changed.length} changed.**`, '', '| Change | Column | Class | Category | Declared | Encrypted |', '|---|---|---|---|---|---|');
  const row = (change: string, r: InventoryRow, old?: InventoryRow) => {
    const cls = old && old.classification !== r.classification ? `${label(old.classification)} → ${label(r.classification)}` : label(r.classification);
    const category = old && old.category !== r.category ? `${old.category} → ${r.category}` : r.category;
    const declared = old && old.declared !== r.declared ? `${yesNo(old.declared)} → ${yesNo(r.declared)}` : yesNo(r.declared);
    const encrypted = old && old.encrypted !== r.encrypted ? `${yesNo(old.encrypted)} → ${yesNo(r.encrypted)}` : yesNo(r.encrypted);
    return `| ${change} | ${cell(code(`${r.table}.${r.column}`))} | ${cls} | ${cell(escapeText(category))} | ${declared} | ${encrypted} |`;
  };
  const items = [
    ...added.map((r) => row('added', r)),
    ...removed.map((r) => row('removed', r)),
    ...changed.map((r) => row('changed', r, before.get(key(r)))),
  ];
  return { head, items, more: (n) => `| … | ${plural(n, 'more change')} | | | | |`, tail: [''] };
}

function sensitiveTablesBlock(inventory: readonly InventoryRow[]): Block {
  const head = ['### Sensitive tables', ''];
  if (inventory.length === 0) {
    head.push('No sensitive columns found.', '');
    return { head, items: [], more: () => '' };
  }
  const tables = new Map<string, InventoryRow[]>();
  for (const r of inventory) tables.set(r.table, [...(tables.get(r.table) ?? []), r]);
  head.push('| Table | PHI | Special | PII | Credential | Not declared | Columns |', '|---|---:|---:|---:|---:|---:|---|');
  const rank = (rows: InventoryRow[]) => rows.filter((r) => r.classification === 'phi').length * 1000 + rows.length;
  const items = [...tables]
    .sort((a, b) => rank(b[1]) - rank(a[1]) || (a[0] < b[0] ? -1 : 1))
    .map(([table, rows]) => {
      const count = (c: string) => rows.filter((r) => r.classification === c).length;
      const names = rows.map((r) => `${r.column}${r.declared ? '' : '?'}`);
      const shown = names.length > 8 ? `${names.slice(0, 8).join(', ')}, … +${names.length - 8}` : names.join(', ');
      return `| ${cell(code(table))} | ${count('phi')} | ${count('special')} | ${count('pii')} | ${count('credential')} | ${rows.filter((r) => !r.declared).length} | ${cell(escapeText(shown))} |`;
    });
  return { head, items, more: (n) => `| … ${plural(n, 'more table')} | | | | | | |`, tail: ['', '`?` = the classifier finds the column sensitive, but it is not declared.', ''] };
}

/** Joins the parts, giving list items to blocks in order while they fit. */
function fit(fixed: readonly string[], blocks: readonly Block[], footer: readonly string[], limit: number): string {
  const join = (lines: readonly string[]) => `${lines.join('\n')}\n`;
  const full = join([...fixed, ...blocks.flatMap((b) => [...b.head, ...b.items, ...(b.tail ?? [])]), ...footer]);
  if (full.length <= limit) return full;

  const reserve = TRUNCATION_NOTE.length + 2 + blocks.reduce((n, b) => n + b.more(b.items.length).length + 1, 0);
  let budget = limit - reserve - join([...fixed, ...blocks.flatMap((b) => [...b.head, ...(b.tail ?? [])]), ...footer]).length;
  const lines: string[] = [...fixed];
  for (const block of blocks) {
    lines.push(...block.head);
    let taken = 0;
    for (const item of block.items) {
      if (item.length + 1 > budget) break;
      budget -= item.length + 1;
      lines.push(item);
      taken++;
    }
    budget = Math.max(0, budget);
    if (taken < block.items.length) lines.push(block.more(block.items.length - taken));
    lines.push(...(block.tail ?? []));
  }
  lines.push(TRUNCATION_NOTE, '', ...footer);
  const text = join(lines);
  // NOTE: only a limit smaller than the fixed parts gets here; cut hard rather than exceed it.
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 2))}…\n`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function label(cls: string): string {
  return cls === 'phi' || cls === 'pii' ? cls.toUpperCase() : cls;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (!flat.includes('`')) return `\`${flat}\``;
  return `\`\` ${flat} \`\``;
}

/** Text from the user's code as literal Markdown: no emphasis, links, HTML or line breaks. */
function escapeText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>()#!|~]/g, (c) => `\\${c}`);
}

/** GFM splits table rows on `|` before reading code spans: escape it everywhere in a cell. */
function cell(text: string): string {
  return text.replace(/(?<!\\)\|/g, '\\|');
}
