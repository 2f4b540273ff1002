import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SCRIPT } from '../../src/report/client-script.js';
import { buildDiagramModel, cascadeChain, shortType } from '../../src/report/diagram-model.js';
import { escapeHtml, jsonForScript } from '../../src/report/escape.js';
import { renderHtmlReport, type ReportData } from '../../src/report/index.js';
import { groupTables, layoutDiagram } from '../../src/report/layout.js';
import { HEALTH_APP, HOSTILE_COLUMN, HOSTILE_FILE, HOSTILE_TABLE, reportDataFor, writeHostileProject } from './report-fixtures.js';

let health: ReportData;
let healthHtml: string;
beforeAll(async () => {
  health = reportDataFor(HEALTH_APP);
  healthHtml = await renderHtmlReport(health);
}, 60_000);

/** The contents of `<script type=...>` data blocks and the inline script, by id or position. */
function scripts(html: string): { attrs: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1]!, body: m[2]! }));
}

describe('renderHtmlReport: a self-contained file', () => {
  it('loads nothing: no external URL, stylesheet link, import or font; a CSP forbids fetches', () => {
    expect(healthHtml).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(healthHtml).not.toMatch(/<link\b/i);
    expect(healthHtml).not.toMatch(/@import|@font-face|url\(\s*["']?(?:https?:)?\/\//i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(healthHtml)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('allows exactly its own inline script and stylesheet, by hash', () => {
    const csp = /content="(default-src[^"]+)"/.exec(healthHtml)![1]!;
    const inline = scripts(healthHtml).filter((s) => s.attrs === '');
    expect(inline).toHaveLength(1);
    const hash = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(csp).toContain(`script-src '${hash(inline[0]!.body)}'`);
    const style = /<style>([\s\S]*?)<\/style>/.exec(healthHtml)![1]!;
    expect(csp).toContain(`style-src '${hash(style)}'`);
  });

  it('uses system font stacks only', () => {
    expect(healthHtml).toContain('system-ui');
    expect(healthHtml).toContain('ui-monospace');
  });

  it('is deterministic for the same input', async () => {
    expect(await renderHtmlReport(health)).toBe(healthHtml);
  });

  it('draws every table of the model and one edge per resolved foreign key', () => {
    const drawn = [...healthHtml.matchAll(/<text class="tn"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(drawn.sort()).toEqual(health.model.tables.map((t) => t.name).sort());
    const edges = [...healthHtml.matchAll(/<path class="e /g)].length;
    expect(edges).toBe(health.model.tables.reduce((n, t) => n + t.foreignKeys.length, 0));
  });

  it('renders an empty model', async () => {
    const html = await renderHtmlReport({ model: { tables: [], enums: [], files: [] }, diagnostics: [], inventory: [], toolVersion: '1.0.0', root: '/' });
    expect(html).toContain('<b>0</b><span>tables · 0 columns</span>');
  });

  it('the client script parses (the browser tests run it)', () => {
    expect(() => new Function(CLIENT_SCRIPT)).not.toThrow();
    expect(CLIENT_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });
});

describe('renderHtmlReport: escaping what comes from the user code', () => {
  let dir: string;
  let data: ReportData;
  beforeAll(() => {
    dir = writeHostileProject();
    data = reportDataFor(dir, { paths: [HOSTILE_FILE] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['full', 'lazy'] as const)('names, messages and paths are text, never markup (%s detail)', async (detail) => {
    const html = await renderHtmlReport({ ...data, detail, title: '<i>Report</i>' });
    expect(data.model.tables.map((t) => t.name)).toContain(HOSTILE_TABLE);
    for (const raw of [HOSTILE_COLUMN, HOSTILE_TABLE, '<img', '<b>y', '<i>Report']) expect(html).not.toContain(raw);
    expect(html).toContain('&lt;i&gt;Report&lt;/i&gt;');
    expect(html).toContain(escapeHtml(HOSTILE_TABLE));
    // Our own three script elements (data, rows in lazy mode, code), nothing the names opened.
    expect(scripts(html).map((s) => s.attrs)).toEqual([' type="application/json" id="report-data"', ...(detail === 'lazy' ? [' type="text/plain" id="report-rows"'] : []), '']);
    const json = JSON.parse(scripts(html)[0]!.body) as { tables: { n: string; cols: string[][] }[]; findings: { f: string }[] };
    expect(json.tables.map((t) => t.n)).toContain(HOSTILE_TABLE);
    expect(json.tables.flatMap((t) => t.cols.map((c) => c[0]))).toContain(HOSTILE_COLUMN);
    expect(json.findings.map((f) => f.f)).toContain(HOSTILE_FILE);
    if (detail === 'lazy') expect(html).not.toContain('</script><!--');
  });

  it('JSON for a script block cannot close it', () => {
    const text = jsonForScript({ a: '</script><!-- & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ a: '</script><!-- & \u2028' });
  });
});

describe('diagram model and layout', () => {
  it('the cascade chain of users in the bundled example', () => {
    const diagram = buildDiagramModel(health.model, health.inventory, health.root);
    const users = diagram.tables.findIndex((t) => t.name === 'users');
    const chain = cascadeChain(diagram, users).map((c) => [diagram.tables[c.table]!.name, c.depth]);
    expect(chain.sort()).toEqual([['daily_followups', 1], ['medication_logs', 2], ['medications', 1], ['voice_followups', 1]]);
  });

  it('tables do not overlap and every edge has a route', async () => {
    const diagram = buildDiagramModel(health.model, health.inventory, health.root);
    const layout = await layoutDiagram(diagram);
    const boxes = layout.tables.map((t) => ({ x0: t.x, y0: t.y, x1: t.x + t.box.width, y1: t.y + t.box.height }));
    for (const [i, a] of boxes.entries()) {
      expect(a.x1 <= layout.width && a.y1 <= layout.height).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0).toBe(true);
    }
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
  });

  it('large schemas are laid out in groups of at most 80 tables, small files pooled', () => {
    const table = (index: number, file: string, schema?: string) => ({ index, name: `t${index}`, ...(schema ? { schema } : {}), qualified: `t${index}`, file, line: 1, columns: [], classes: [], undeclaredCount: 0, unindexedCount: 0, untypedCount: 0 });
    expect(groupTables(Array.from({ length: 60 }, (_, i) => table(i, `f${i}.ts`)))).toHaveLength(1);
    const big = [...Array.from({ length: 200 }, (_, i) => table(i, 'big.ts')), ...Array.from({ length: 30 }, (_, i) => table(200 + i, `small${i}.ts`)), table(230, 'small0.ts', 'audit')];
    const groups = groupTables(big);
    expect(groups.map((g) => g.members.length)).toEqual([67, 67, 66, 30, 1]);
    expect(groups.map((g) => g.label)).toEqual(['big.ts (1/3)', 'big.ts (2/3)', 'big.ts (3/3)', 'small0.ts, small1.ts +28 files', 'audit · small0.ts']);
  });

  it('prints types the short way PostgreSQL also accepts', () => {
    expect(['timestamp(3) with time zone', 'timestamp without time zone', 'character varying(255)', 'character varying(32)[]', 'double precision', 'jsonb'].map(shortType)).toEqual(['timestamptz(3)', 'timestamp', 'varchar(255)', 'varchar(32)[]', 'float8', 'jsonb']);
  });
});
