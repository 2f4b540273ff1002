import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchema } from '../../src/bench/generate-schema.js';
import type { InventoryRow } from '../../src/classification/inventory.js';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { formatMarkdownSummary, type ReportData } from '../../src/report/index.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/report/markdown-summary.js';
import { HEALTH_APP, HOSTILE_COLUMN, HOSTILE_FILE, HOSTILE_TABLE, reportDataFor, writeHostileProject } from './report-fixtures.js';

let health: ReportData;
beforeAll(() => {
  health = reportDataFor(HEALTH_APP);
});

const baselined = (d: Diagnostic): Diagnostic => ({ ...d, suppression: { kind: 'baseline', justification: 'accepted in schema-lint.baseline.json' } });

describe('formatMarkdownSummary', () => {
  it('counts by severity and rule and lists the sensitive tables (snapshot of the bundled example)', async () => {
    const text = formatMarkdownSummary(health);
    const errors = health.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = health.diagnostics.length - errors;
    expect(text).toMatch(new RegExp(`^## schema-lint: ${errors} errors?, ${warnings} warnings?\\n`));
    const classification = health.diagnostics.filter((d) => d.ruleId === 'require-phi-classification').length;
    expect(text).toContain(`| \`require-phi-classification\` | 0 | ${classification} |`);
    expect(text).toContain(`| **Total** | **${errors}** | **${warnings}** |`);
    expect(text).toContain('### Sensitive tables');
    expect(text).not.toContain('### New findings');
    await expect(text).toMatchFileSnapshot('__snapshots__/health-app.summary.md');
  });

  it('with a baseline, lists only the findings it did not accept', () => {
    const [first, ...rest] = health.diagnostics;
    const text = formatMarkdownSummary({ ...health, diagnostics: [first!, ...rest.map(baselined)], baseline: { file: path.join(HEALTH_APP, 'schema-lint.baseline.json'), matched: rest.length, stale: 2 } });
    expect(text).toContain('### New findings (1)');
    expect(text).toContain(`The baseline \`schema-lint.baseline.json\` accepted ${rest.length} findings; 2 entries no longer occur`);
    const listed = text.split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toEqual([`- ${first!.severity === 'error' ? '**error**' : 'warning'} \`${first!.ruleId}\` \`shared/schema.ts:${first!.span.start.line}\`: ${first!.message.replace(/[\\`*_{}[\]<>()#!|~]/g, (c) => `\\${c}`)}`]);
    expect(text).toMatch(/^## schema-lint: \d+ errors?, \d+ warnings?\n/);
    expect(text).toContain(`${rest.length} findings suppressed.`);
  });

  it('with a previous inventory, lists sensitive columns added, removed and changed', () => {
    const row = (table: string, column: string, extra: Partial<InventoryRow> = {}): InventoryRow => ({ table, column, classification: 'phi', category: 'phi.free_text', confidence: 'certain', declared: true, encrypted: false, file: 'db/schema.ts', line: 1, ...extra });
    const inventory = [row('patients', 'notes'), row('patients', 'phone', { classification: 'pii', category: 'id.phone' }), row('visits', 'diagnosis', { category: 'phi.diagnosis', declared: false, confidence: 'likely' })];
    const previous = [row('patients', 'notes'), row('visits', 'diagnosis', { classification: 'pii', category: 'phi.diagnosis' }), row('legacy_notes', 'body', { declared: false })];
    const text = formatMarkdownSummary({ ...health, inventory, previous });
    expect(text).toContain('**1 added, 1 removed, 1 changed.**');
    expect(text).toContain('| added | `patients.phone` | PII | id.phone | yes | no |');
    expect(text).toContain('| removed | `legacy_notes.body` | PHI | phi.free\\_text | no | no |');
    expect(text).toContain('| changed | `visits.diagnosis` | PII → PHI | phi.diagnosis | yes → no | no |');
    expect(text).not.toContain('### Sensitive tables');
    expect(formatMarkdownSummary({ ...health, inventory, previous: inventory })).toContain('No sensitive column was added, removed or reclassified (3 sensitive columns).');
  });

  it('keeps names from the code literal: no HTML, emphasis or broken table cells', () => {
    const dir = writeHostileProject();
    try {
      const data = reportDataFor(dir, { paths: [HOSTILE_FILE] });
      const text = formatMarkdownSummary({ ...data, baseline: { file: path.join(dir, 'b.json'), matched: 0, stale: 0 } });
      expect(text).not.toContain(HOSTILE_TABLE);
      expect(text).not.toContain(HOSTILE_COLUMN);
      // NOTE: inside code spans `<b>` is literal text; elsewhere every `<` must be escaped.
      expect(text.replace(/`[^`]*`/g, '')).not.toMatch(/(?<!\\)<(?!sub>|\/sub>)/);
      expect(text).toContain('`x<b>y.ts:5`');
      expect(text).toContain('\\<img src=x onerror=alert\\(2\\)\\>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('at scale', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schema-lint-summary-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    let big: ReportData;
    beforeAll(() => {
      const schema = generateSchema(path.join(dir, 'app'), { tables: 1000, tablesPerFile: 100 });
      big = reportDataFor(schema.dir, { paths: ['src/db'] });
    }, 60_000);

    it("stays under GitHub's comment limit, with a note, when every finding is new", () => {
      const text = formatMarkdownSummary({ ...big, baseline: { file: path.join(big.root, 'schema-lint.baseline.json'), matched: 0, stale: 0 } });
      expect(big.diagnostics.length).toBeGreaterThan(1000);
      expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(text.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2000);
      expect(text).toContain("_Truncated to fit GitHub's 65,536-character comment limit");
      expect(text).toMatch(/\n- … and \d+ more new findings\n/);
      expect(text).toMatch(/\n<sub>schema-lint 0\.0\.0-test<\/sub>\n$/);
    });

    it('honours a smaller limit, giving what is left to the later lists', () => {
      const text = formatMarkdownSummary({ ...big, maxLength: 6000 });
      expect(text.length).toBeLessThanOrEqual(6000);
      expect(text).toMatch(/\| … \d+ more tables \|/);
    });
  });
});
