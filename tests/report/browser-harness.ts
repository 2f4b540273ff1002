import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core (no downloaded browser). CI installs it with
 * `apt-get install -y chromium`; without it the browser tests are skipped with a message.
 */
// NOTE: the project compiles without the DOM library; these declarations type the callbacks
// that run inside the page (module-scoped, so they leak nowhere).
interface PageElement {
  value: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  dispatchEvent(event: unknown): boolean;
  querySelector(selector: string): PageElement | null;
}
declare const document: { getElementById(id: string): PageElement; querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement> };
declare function requestAnimationFrame(callback: () => void): number;
declare const Event: new (type: string, init?: { bubbles?: boolean }) => unknown;
export type { PageElement };

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIP_MESSAGE = `${CHROMIUM} is missing: the report's browser tests are skipped (install it with \`apt-get install -y chromium\`).`;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A browser with a fresh profile (`--user-data-dir` in a new temporary folder), removed on close. */
export async function launchBrowser(viewport = { width: 1440, height: 900 }, deviceScaleFactor = 1): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'schema-lint-chromium-'));
  // NOTE: playwright passes the profile as --user-data-dir; it refuses that flag in `args`.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, deviceScaleFactor, timeout: 30_000 });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedReport {
  readonly page: Page;
  /** Every URL the page requested, the document included. */
  readonly requests: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Dialogs the page tried to open (alert from injected markup). */
  readonly dialogs: string[];
}

/** Opens a report file and waits until the client script has painted the diagram. */
export async function openReport(browser: Browser, file: string): Promise<OpenedReport> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-report-ready]', { timeout: 30_000 });
  return { page, requests, errors, dialogs };
}

/** Milliseconds from navigation start to the diagram's first paint, as the page measured it. */
export async function paintTime(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('schema-lint:diagram-painted')[0]!.startTime);
}

/** Clicks a button in the page and measures click → the next frame painted. */
export async function clickTime(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (buttonId) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        (document.getElementById(buttonId) as PageElement & { click(): void }).click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      }),
    id,
  );
}

/** Runs a search in the page and measures input → results painted (the next frame). */
export async function searchTime(page: Page, query: string): Promise<{ ms: number; matches: number }> {
  return page.evaluate(
    (q) =>
      new Promise<{ ms: number; matches: number }>((resolve) => {
        const input = document.getElementById('search');
        const start = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - start, matches: document.querySelectorAll('#erd g.t.match').length }), 0));
      }),
    query,
  );
}
