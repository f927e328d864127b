// A real browser for the docs tests: headless Chromium through playwright-core. The browser is
// the user's own when OASKIT_CHROMIUM names one, else the one inside @sparticuz/chromium, else
// /usr/bin/chromium. Every check a test needs runs against a page served by serveDocs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './support.ts';

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launch Chromium, or say why it cannot be launched. */
export async function launchBrowser(): Promise<{ browser: Browser } | { skip: string }> {
  const candidates: { path: string; args: string[] }[] = [];
  if (process.env.OASKIT_CHROMIUM) candidates.push({ path: process.env.OASKIT_CHROMIUM, args: flags });
  else {
    try {
      const pkg = (await import('@sparticuz/chromium')).default;
      candidates.push({ path: await pkg.executablePath(), args: [...pkg.args.filter((a) => !a.startsWith('--headless') && a !== '--single-process'), ...flags] });
    } catch {
      // not installed or not unpackable here: try the system browser
    }
    candidates.push({ path: '/usr/bin/chromium', args: flags });
  }
  const problems: string[] = [];
  for (const c of candidates) {
    if (!existsSync(c.path)) {
      problems.push(`${c.path}: not found`);
      continue;
    }
    try {
      return { browser: await chromium.launch({ executablePath: c.path, args: c.args, headless: true }) };
    } catch (error) {
      problems.push(`${c.path}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { skip: `no Chromium could be launched (${problems.join('; ')}); set OASKIT_CHROMIUM to a Chromium binary` };
}

export interface PageReport {
  url: string;
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  ids: string[];
  links: string[];
}

/**
 * A context that records, per page: console errors, page errors, failed requests (network errors
 * and HTTP >= 400), and every request to another origin (which is blocked).
 */
export async function recordingContext(browser: Browser, origin: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return { context, foreign };
}

export async function visit(context: BrowserContext, foreign: string[], url: string): Promise<{ page: Page; report: PageReport }> {
  const page = await context.newPage();
  const report: PageReport = { url, consoleErrors: [], failedRequests: [], foreignRequests: [], ids: [], links: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') report.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => report.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => report.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) report.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  const before = foreign.length;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  report.foreignRequests = foreign.slice(before);
  report.ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
  report.links = await page.$$eval('a[href]', (els) => els.map((e) => (e as HTMLAnchorElement).href));
  return { page, report };
}

const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: number;
  sample: string;
}

/** axe-core's violations of impact serious or critical. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const results = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, sample: v.nodes[0]?.html.slice(0, 160) ?? '' }));
  })) as AxeViolation[];
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
