import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchema } from '../../src/bench/generate-schema.js';
import { holdsClassified } from '../../src/model/governance.js';
import { buildDiagramModel, cascadeChain } from '../../src/report/diagram-model.js';
import { renderHtmlReport, type ReportData } from '../../src/report/index.js';
import { CLASS_COLOURS } from '../../src/report/palette.js';
import { HAS_CHROMIUM, SKIP_MESSAGE, clickTime, launchBrowser, openReport, paintTime, searchTime, type Browser, type OpenedReport, type PageElement } from './browser-harness.js';
import { HEALTH_APP, HOSTILE_COLUMN, HOSTILE_FILE, HOSTILE_TABLE, reportDataFor, writeHostileProject } from './report-fixtures.js';

if (!HAS_CHROMIUM) console.warn(SKIP_MESSAGE);

/** Declared in the page only; see browser-harness.ts. */
declare const getComputedStyle: (element: PageElement) => { fill: string };
declare const document: { getElementsByTagName(name: string): { length: number } };

const tmp = mkdtempSync(path.join(tmpdir(), 'schema-lint-report-browser-'));
let browser: Browser;

beforeAll(async () => {
  if (HAS_CHROMIUM) browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function writeReport(name: string, data: ReportData): Promise<string> {
  const file = path.join(tmp, name);
  writeFileSync(file, await renderHtmlReport(data));
  return file;
}

describe.skipIf(!HAS_CHROMIUM)('HTML report in Chromium: the bundled example', () => {
  let data: ReportData;
  let file: string;
  let report: OpenedReport;
  beforeAll(async () => {
    data = reportDataFor(HEALTH_APP);
    file = await writeReport('health-app.html', data);
    report = await openReport(browser, file);
    console.log(`bundled example: diagram painted ${(await paintTime(report.page)).toFixed(0)} ms after navigation`);
  }, 60_000);

  it('opens with no console errors and requests nothing but itself', () => {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([`file://${file}`]);
  });

  it('draws every table of the example', async () => {
    const drawn = await report.page.$$eval('#erd g.t', (groups: PageElement[]) => groups.map((g) => g.querySelector('.tn')!.textContent));
    expect(drawn.sort()).toEqual(data.model.tables.map((t) => t.name).sort());
    for (const name of drawn) await expect(report.page.locator('#erd g.t', { has: report.page.locator(`text.tn:text-is("${name}")`) }).isVisible()).resolves.toBe(true);
  });

  it('marks the PHI tables visibly: header colour, pattern and a PHI tag', async () => {
    const phi = data.model.tables.filter((t) => holdsClassified(t, ['phi'])).map((t) => t.name).sort();
    expect(phi).toEqual(['consultations', 'daily_followups', 'medications', 'profiles']);
    const marked = await report.page.$$eval('#erd g.t.c-phi', (groups: PageElement[]) =>
      groups.map((g) => ({
        name: g.querySelector('.tn')!.textContent,
        header: getComputedStyle(g.querySelector('.th')!).fill,
        pattern: getComputedStyle(g.querySelector('.tp')!).fill,
        tag: g.querySelector('.tag.g-phi text')?.textContent,
      })),
    );
    expect(marked.map((m) => m.name).sort()).toEqual(phi);
    const soft = CLASS_COLOURS.phi.soft;
    const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(soft.slice(i, i + 2), 16)).join(', ')})`;
    for (const m of marked) expect(m).toMatchObject({ header: rgb, pattern: expect.stringContaining('pat-phi') as unknown, tag: 'PHI' });
  });

  it('clicking users highlights the tables its deletes cascade to, and lists them', async () => {
    const diagram = buildDiagramModel(data.model, data.inventory, data.root);
    const users = diagram.tables.findIndex((t) => t.name === 'users');
    const expected = cascadeChain(diagram, users).map((c) => diagram.tables[c.table]!.name).sort();
    // users → daily_followups, voice_followups, medications (ON DELETE CASCADE) → medication_logs
    expect(expected).toEqual(['daily_followups', 'medication_logs', 'medications', 'voice_followups']);

    await report.page.locator('#t-' + users + ' .tn').click();
    const highlighted = await report.page.$$eval('#erd g.t.casc', (groups: PageElement[]) => groups.map((g) => g.querySelector('.tn')!.textContent));
    expect(highlighted.sort()).toEqual(expected);
    expect(await report.page.$$eval('#erd g.t.sel .tn', (els: PageElement[]) => els.map((e) => e.textContent))).toEqual(['users']);
    const listed = await report.page.$$eval('#details ol.chain li', (items: PageElement[]) => items.map((li) => li.getAttribute('data-table')));
    expect(listed.sort()).toEqual(expected);
    await expect(report.page.locator('#details h2').textContent()).resolves.toBe('users');
    // Cascade edges between the chain's tables are drawn highlighted: four of them here.
    expect(await report.page.locator('#erd path.e.hl').count()).toBe(4);
    await report.page.locator('#diagram').press('Escape');
    expect(await report.page.locator('#erd g.t.casc').count()).toBe(0);
    expect(report.errors).toEqual([]);
  });

  it('lists every finding in the findings table, linked to file:line', async () => {
    const active = data.diagnostics.filter((d) => !d.suppression);
    const rows = await report.page.$$eval('#findings-body tr', (trs: PageElement[]) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(active.length);
    const texts = rows.join('\n');
    for (const d of active) {
      const where = `${path.relative(HEALTH_APP, d.span.file)}:${d.span.start.line}:${d.span.start.column}`;
      expect(texts).toContain(d.message);
      expect(texts).toContain(where);
    }
    const hrefs = await report.page.$$eval('#findings-body a', (links: PageElement[]) => [...new Set(links.map((a) => a.getAttribute('href')))]);
    expect(hrefs).toEqual(['shared/schema.ts']);
  });

  it('filters findings by rule, severity and table', async () => {
    const page = report.page;
    await page.selectOption('#f-rule', 'require-fk-index');
    const expected = data.diagnostics.filter((d) => d.ruleId === 'require-fk-index').length;
    expect(await page.locator('#findings-body tr').count()).toBe(expected);
    await page.selectOption('#f-rule', '');
    await page.selectOption('#f-sev', 'error');
    expect(await page.locator('#findings-body tr').count()).toBe(data.diagnostics.filter((d) => d.severity === 'error').length);
    await page.selectOption('#f-sev', '');
    await page.fill('#f-table', 'medication_logs');
    expect(await page.locator('#findings-body tr').count()).toBe(data.diagnostics.filter((d) => d.properties.table === 'medication_logs').length);
    await page.fill('#f-table', '');
  });

  it('shows the data inventory', async () => {
    expect(await report.page.locator('#inventory-body tr').count()).toBe(data.inventory.length);
    await report.page.selectOption('#i-class', 'undeclared');
    expect(await report.page.locator('#inventory-body tr').count()).toBe(data.inventory.filter((r) => !r.declared).length);
  });

  it('is keyboard operable: / searches, Enter selects the match, n walks the tables', async () => {
    const page = report.page;
    await page.locator('#diagram').press('/');
    await page.keyboard.type('medica');
    await expect(page.locator('#search-count').textContent()).resolves.toBe('2 matches');
    await page.keyboard.press('Enter');
    await expect(page.locator('#details h2').textContent()).resolves.toBe('medications');
    await page.locator('#search').fill('');
    await page.locator('#diagram').focus();
    await page.keyboard.press('n');
    await expect(page.locator('#details h2').textContent()).resolves.toBe('medication_logs');
    const before = await page.locator('#viewport').getAttribute('transform');
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#viewport').getAttribute('transform')).not.toBe(before);
    await page.keyboard.press('0');
    expect(report.errors).toEqual([]);
  });
});

describe.skipIf(!HAS_CHROMIUM)('HTML report in Chromium: hostile names', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeHostileProject();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['full', 'lazy'] as const)('shows them as text and runs nothing (%s detail)', async (detail) => {
    const data = reportDataFor(dir, { paths: [HOSTILE_FILE] });
    const file = await writeReport(`hostile-${detail}.html`, { ...data, detail });
    const report = await openReport(browser, file);
    // In lazy mode the rows of a selected table are shown on request: the hostile column must be text.
    await report.page.locator('#t-1 .tn').click();
    if (detail === 'lazy') await report.page.locator('#details button', { hasText: 'Always show columns' }).click();
    await report.page.locator('#t-0 .tn').click();
    if (detail === 'lazy') await report.page.locator('#details button', { hasText: 'Always show columns' }).click();
    const texts = await report.page.$$eval('#erd text', (els: PageElement[]) => els.map((e) => e.textContent));
    expect(texts).toContain(HOSTILE_TABLE);
    expect(texts).toContain(HOSTILE_COLUMN);
    expect(await report.page.locator('#details').textContent()).toContain(HOSTILE_COLUMN);
    expect(await report.page.locator('#findings-body').textContent()).toContain(HOSTILE_TABLE);
    expect(await report.page.locator('script').count()).toBe(detail === 'lazy' ? 3 : 2);
    expect(await report.page.locator('img, foreignObject').count()).toBe(0);
    expect(await report.page.locator('b', { hasText: 'y.ts' }).count()).toBe(0);
    expect(report.dialogs).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([`file://${file}`]);
    await report.page.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('HTML report in Chromium: a 1,000-table schema', () => {
  let data: ReportData;
  let report: OpenedReport;
  let renderMs = 0;
  let bytes = 0;
  beforeAll(async () => {
    const schema = generateSchema(path.join(tmp, 'big'), { tables: 1000, tablesPerFile: 100 });
    data = reportDataFor(schema.dir, { paths: ['src/db'] });
    const start = performance.now();
    const html = await renderHtmlReport(data);
    renderMs = performance.now() - start;
    bytes = Buffer.byteLength(html);
    const file = path.join(tmp, 'big.html');
    writeFileSync(file, html);
    report = await openReport(browser, file);
  }, 120_000);

  it('renders every table quickly, with a lean DOM and no errors', async () => {
    const painted = await paintTime(report.page);
    const nodes = await report.page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`1,000 tables: report generated in ${renderMs.toFixed(0)} ms (${(bytes / 1e6).toFixed(1)} MB); diagram painted ${painted.toFixed(0)} ms after navigation; ${nodes} DOM elements at the overview`);
    expect(await report.page.locator('#erd g.t').count()).toBe(1000);
    expect(painted).toBeLessThan(15_000);
    // NOTE: the overview draws no column rows: ~10 elements per table and one per relation.
    expect(nodes).toBeLessThan(20_000);
    expect(await report.page.locator('#erd g.r').count()).toBe(0);
    expect(report.errors).toEqual([]);
  });

  it('zooms and pans the overview without long frames', async () => {
    const zoomIn = await clickTime(report.page, 'zoom-in');
    const zoomOut = await clickTime(report.page, 'zoom-out');
    const fit = await clickTime(report.page, 'zoom-fit');
    console.log(`1,000 tables: zoom in ${zoomIn.toFixed(0)} ms, zoom out ${zoomOut.toFixed(0)} ms, fit ${fit.toFixed(0)} ms (click to next paint)`);
    expect(Math.max(zoomIn, zoomOut, fit)).toBeLessThan(1_000);
  });

  it('answers a search within a frame or two, and focuses the match', async () => {
    const expected = data.model.tables.filter((t) => t.name.includes('visit_51')).length;
    const first = await searchTime(report.page, 'visit_51');
    const second = await searchTime(report.page, 'dose');
    console.log(`1,000 tables: search answered in ${first.ms.toFixed(0)} ms and ${second.ms.toFixed(0)} ms (input to next paint)`);
    expect(second.matches).toBe(data.model.tables.filter((t) => t.name.includes('dose')).length);
    expect(first.matches).toBe(expected);
    expect(Math.max(first.ms, second.ms)).toBeLessThan(1_000);
    await searchTime(report.page, 'visit_51');
    await report.page.locator('#search').press('Enter');
    await expect(report.page.locator('#details h2').textContent()).resolves.toMatch(/^visit_51/);
    // Zoomed in on the match: column rows appear for the tables in view only.
    const detailed = await report.page.locator('#erd g.t.x').count();
    expect(detailed).toBeGreaterThan(0);
    expect(detailed).toBeLessThan(200);
    expect(report.errors).toEqual([]);
  });
});
