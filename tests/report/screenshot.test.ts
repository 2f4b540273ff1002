import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/index.js';
import { TOOL_VERSION } from '../../src/version.js';
import { HAS_CHROMIUM, SKIP_MESSAGE, launchBrowser, openReport } from './browser-harness.js';
import { HEALTH_APP, reportDataFor } from './report-fixtures.js';

/**
 * Writes the README screenshot of the bundled example's report (users selected, its delete
 * cascade highlighted). Only with SCHEMA_LINT_WRITE_SCREENSHOT=1, so normal runs never churn the
 * committed PNG:
 *
 *   SCHEMA_LINT_WRITE_SCREENSHOT=1 npx vitest run tests/report/screenshot.test.ts
 */
export const SCREENSHOT = path.join(import.meta.dirname, '__screenshots__', 'health-app-report.png');
const WRITE = process.env['SCHEMA_LINT_WRITE_SCREENSHOT'] === '1';

describe.skipIf(!WRITE || !HAS_CHROMIUM)('README screenshot', () => {
  it('writes tests/report/__screenshots__/health-app-report.png', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'schema-lint-screenshot-'));
    const browser = await launchBrowser({ width: 1440, height: 900 }, 2);
    try {
      const data = reportDataFor(HEALTH_APP);
      const file = path.join(tmp, 'report.html');
      // NOTE: a fixed timestamp keeps the picture stable between runs.
      writeFileSync(file, await renderHtmlReport({ ...data, toolVersion: TOOL_VERSION, title: 'health-app · schema governance report', generatedAt: '2026-01-01 12:00 UTC' }));
      const report = await openReport(browser, file);
      const users = data.model.tables.findIndex((t) => t.name === 'users');
      await report.page.locator(`#t-${users} .tn`).click();
      await report.page.mouse.move(0, 0);
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await report.page.screenshot({ path: SCREENSHOT });
      expect(report.errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

if (WRITE && !HAS_CHROMIUM) console.warn(SKIP_MESSAGE);
