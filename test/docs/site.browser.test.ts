// The reference site in a real browser (headless Chromium), served by serveDocs: every page loads
// without console errors, failed requests or requests to another host; every internal link and
// anchor resolves; search finds operations by name and by path; pages fit a 375px phone, with the
// navigation folded behind "Contents" (with and without JavaScript) and the content first; on a
// desktop the samples sit beside their operation and the navigation highlights the section being
// read; a link into folded fields opens them; code is highlighted without JavaScript; axe-core
// finds nothing serious or critical (light and dark); pages read without JavaScript; print hides
// the navigation. Screenshots at 1280px and 375px, light and dark, go to test-artifacts/docs/.
// Runs on a site built from the fixture specs and, when they check clean, from spec/*.yaml.
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs, type DocsServer } from '../../generator/emit/docs/serve.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { launchBrowser, recordingContext, seriousViolations, visit, type PageReport } from './browser.ts';
import { buildSite, fixtureSpecs, modelsOf, realSpecs, removeDir, repoRoot, tempDir, writeLargeSpec } from './support.ts';

const artifacts = join(repoRoot, 'test-artifacts/docs');

let browser: Browser | undefined;
let browserSkip = '';

beforeAll(async () => {
  const launched = await launchBrowser();
  if ('skip' in launched) {
    // a user's machine may have no browser the tests can start; CI always must
    if (process.env.CI) throw new Error(`docs browser tests cannot run in CI: ${launched.skip}`);
    browserSkip = launched.skip;
    console.log(`docs browser tests skipped: ${browserSkip}`);
  } else browser = launched.browser;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Site {
  dir: string;
  server: DocsServer;
  pages: string[];
  apiPages: { name: string; path: string }[];
  /** pages that describe operations (an API split into pages has them under its folder) */
  opPages: string[];
  reports: Map<string, PageReport>;
}

/** Build and serve a site, visit every page once and keep what each page reported. */
async function openSite(models: ApiModel[], name: string): Promise<Site> {
  const dir = tempDir(`docs-site-${name}`);
  const files = await buildSite(models, dir);
  const server = await serveDocs(dir);
  const pages = files.filter((f) => f.path.endsWith('.html')).map((f) => f.path);
  const apiPages = models.map((m) => ({ name: m.name, path: pages.find((p) => p === `${m.name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}.html`) ?? '' }));
  const reports = new Map<string, PageReport>();
  const { context, foreign } = await recordingContext(browser!, server.url);
  for (const p of pages) {
    const { page, report } = await visit(context, foreign, server.url + p);
    reports.set(p, report);
    await page.close();
  }
  await context.close();
  const opPages = pages.filter((p) => readFileSync(join(dir, p), 'utf8').includes('<section class="op"'));
  return { dir, server, pages, apiPages, opPages, reports };
}

function siteSuite(name: string, load: () => Promise<{ models: ApiModel[] } | { skip: string }>) {
  describe(`docs site in a browser: ${name}`, () => {
    let site: Site | undefined;
    let skip = '';

    beforeAll(async () => {
      if (!browser) return;
      const loaded = await load();
      if ('skip' in loaded) {
        skip = loaded.skip;
        console.log(`docs browser tests for ${name} skipped: ${skip}`);
        return;
      }
      site = await openSite(loaded.models, name);
    }, 600_000);

    afterAll(async () => {
      if (site) {
        await site.server.close();
        removeDir(site.dir);
      }
    });

    const ready = (ctx: { skip: (note?: string) => void }) => {
      if (!site) ctx.skip(browserSkip || skip);
      return site!;
    };

    it('loads every page with no console error, no failed request and no request to another host', (ctx) => {
      const s = ready(ctx);
      const problems: string[] = [];
      for (const [p, r] of s.reports) {
        for (const e of r.consoleErrors) problems.push(`${p}: console ${e}`);
        for (const e of r.failedRequests) problems.push(`${p}: failed ${e}`);
        for (const e of r.foreignRequests) problems.push(`${p}: request to another host ${e}`);
      }
      expect(problems).toEqual([]);
    });

    it('resolves every internal link and anchor', (ctx) => {
      const s = ready(ctx);
      const broken: string[] = [];
      let checked = 0;
      for (const [p, r] of s.reports) {
        for (const href of r.links) {
          if (!href.startsWith(s.server.url)) continue;
          const url = new URL(href);
          const target = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
          const targetReport = s.reports.get(target);
          checked++;
          if (!targetReport) {
            if (!/^assets\//.test(target)) broken.push(`${p} -> ${href}: no such page`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment && !targetReport.ids.includes(fragment)) broken.push(`${p} -> ${href}: no element with id ${JSON.stringify(fragment)}`);
        }
      }
      expect(broken).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    });

    it('has unique ids on every page', (ctx) => {
      const s = ready(ctx);
      const dupes: string[] = [];
      for (const [p, r] of s.reports) {
        const seen = new Set<string>();
        for (const id of r.ids) {
          if (seen.has(id)) dupes.push(`${p}: #${id}`);
          seen.add(id);
        }
      }
      expect(dupes).toEqual([]);
    });

    it('fits a 375px phone without horizontal overflow', async (ctx) => {
      const s = ready(ctx);
      const context = await browser!.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 1 });
      const wide: string[] = [];
      for (const p of s.pages) {
        const page = await context.newPage();
        await page.goto(s.server.url + p);
        const w = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
        if (w.doc > 375 || w.body > 375) wide.push(`${p}: ${w.doc}px/${w.body}px`);
        await page.close();
      }
      await context.close();
      expect(wide).toEqual([]);
    }, 300_000);

    it('has no serious or critical axe-core violation, light and dark', async (ctx) => {
      const s = ready(ctx);
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        // axe is injected as an inline script, which the pages' CSP forbids: this context bypasses it
        const context = await browser!.newContext({ bypassCSP: true, colorScheme: scheme, viewport: { width: 1280, height: 900 } });
        for (const p of s.pages) {
          const page = await context.newPage();
          await page.goto(s.server.url + p);
          for (const v of await seriousViolations(page)) found.push(`${p} (${scheme}): ${v.impact} ${v.id} (${v.nodes}x) ${v.help}: ${v.sample}`);
          await page.close();
        }
        await context.close();
      }
      expect(found).toEqual([]);
    }, 600_000);

    it('finds operations by operationId and by path, and schemas by name, with the search box', async (ctx) => {
      const s = ready(ctx);
      const api = s.apiPages[0]!;
      const { context, foreign } = await recordingContext(browser!, s.server.url);
      const { page, report } = await visit(context, foreign, s.server.url + api.path);
      const search = async (text: string) => {
        await page.fill('#search-input', '');
        await page.fill('#search-input', text);
        await page.waitForSelector('#search-results a');
        return page.$$eval('#search-results a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      };
      expect(await page.isVisible('#search-input')).toBe(true);
      const reportOps = report.ids.filter((id) => id.startsWith('op-'));
      expect(reportOps.length).toBeGreaterThan(0);
      if (name === 'fixtures') {
        expect((await search('listPets'))[0]).toMatch(/#op-listPets$/);
        expect((await search('/orders/search'))[0]).toMatch(/#op-searchOrders$/);
        expect((await search('Category'))[0]).toMatch(/#schema-Category$/);
        const hits = await search('PUT /admin');
        expect(hits[0]).toMatch(/#op-importStock$/);
        await page.press('#search-input', 'Enter');
        await page.waitForURL(/#op-importStock$/);
      } else {
        // the first operation of the first page that describes operations, by id and by path
        const opPage = s.opPages[0]!;
        await page.goto(s.server.url + opPage);
        const first = await page.$eval('.op', (e) => ({ id: e.id, path: e.querySelector('.endpoint code')!.textContent! }));
        const opId = await page.$eval(`#${first.id} .meta code`, (e) => e.textContent!);
        expect(await search(opId)).toContain(`${s.server.url}${opPage}#${first.id}`);
        expect(await search(first.path)).toContain(`${s.server.url}${opPage}#${first.id}`);
      }
      expect(report.consoleErrors).toEqual([]);
      await context.close();
    }, 120_000);

    it('reads without JavaScript: highlighted code, folded fields that open, and prints without navigation', async (ctx) => {
      const s = ready(ctx);
      const context = await browser!.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(s.server.url + s.opPages[0]!);
      expect(await page.locator('.op').count()).toBeGreaterThan(0);
      expect(await page.isVisible('.op h3')).toBe(true);
      expect(await page.isVisible('.op-code pre')).toBe(true);
      expect(await page.isVisible('#search-input')).toBe(false);
      // code is highlighted in the HTML itself: the command of the curl sample has its own colour
      const colours = await page.$eval('.op-code code.language-shell', (code) => ({ flag: getComputedStyle(code.querySelector('i.t')!).color, plain: getComputedStyle(code).color }));
      expect(colours.flag).not.toBe(colours.plain);
      // folded fields open with a click on their summary, no script needed
      const summary = page.locator('.fields details > summary').first();
      if ((await summary.count()) > 0) {
        const list = page.locator('.fields details > .fields').first();
        expect(await list.isVisible()).toBe(false);
        await summary.click();
        expect(await list.isVisible()).toBe(true);
      }
      await page.emulateMedia({ media: 'print' });
      expect(await page.$eval('.toc', (e) => getComputedStyle(e).display)).toBe('none');
      await context.close();
    });

    it('folds the navigation behind Contents on a phone, content first, with and without JavaScript', async (ctx) => {
      const s = ready(ctx);
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser!.newContext({ javaScriptEnabled, viewport: { width: 375, height: 800 } });
        const page = await context.newPage();
        await page.goto(s.server.url + s.opPages[0]!);
        expect(await page.isVisible('.toc'), `js ${javaScriptEnabled}`).toBe(false);
        expect(await page.isVisible('.menu')).toBe(true);
        // the first heading of the content is on the first screen
        const top = await page.$eval('main h1, main h2', (h) => h.getBoundingClientRect().top);
        expect(top).toBeLessThan(400);
        await page.click('.menu');
        expect(await page.isVisible('.toc')).toBe(true);
        expect(await page.isVisible('.toc a[href*="#op-"]')).toBe(true);
        if (javaScriptEnabled) {
          expect(await page.getAttribute('.menu', 'aria-expanded')).toBe('true');
          await page.keyboard.press('Escape');
          expect(await page.isVisible('.toc')).toBe(false);
          expect(await page.getAttribute('.menu', 'aria-expanded')).toBe('false');
        } else {
          // a link in the navigation closes it (the address no longer names it)
          await page.click('.toc a[href*="#op-"]');
          expect(await page.isVisible('.toc')).toBe(false);
        }
        await context.close();
      }
    });

    it('puts the samples beside their operation on a desktop, and highlights the section being read', async (ctx) => {
      const s = ready(ctx);
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const opPage = s.opPages[0]!;
      await page.goto(s.server.url + opPage);
      const ops = await page.$$eval('.op', (els) => els.map((e) => e.id));
      for (const id of ops.slice(0, 3)) {
        const box = await page.$eval(`#${id}`, (op) => {
          const r = (sel: string) => op.querySelector(sel)!.getBoundingClientRect();
          return { doc: r('.op-doc'), code: r('.op-code'), toc: document.querySelector('.toc')!.getBoundingClientRect() };
        });
        expect(box.code.left, id).toBeGreaterThanOrEqual(box.doc.right);
        expect(box.code.top, id).toBeLessThan(box.doc.top + 100);
        expect(box.doc.left).toBeGreaterThanOrEqual(box.toc.right);
      }
      // the navigation follows the reader: go to the last operation of the page, then to the first
      for (const id of [ops[ops.length - 1]!, ops[0]!]) {
        await page.goto(`${s.server.url}${opPage}#${id}`);
        await page.waitForFunction((id) => document.querySelector('.toc a.active')?.getAttribute('href')?.endsWith('#' + id), id, { timeout: 5000 });
        expect(await page.$eval('.toc a.active', (a) => a.getAttribute('aria-current'))).toBe('location');
        expect(await page.isVisible('.toc a.active')).toBe(true);
      }
      await context.close();
    });

    it('opens folded fields that a link points into', async (ctx) => {
      const s = ready(ctx);
      // a field with its own folded fields, itself inside folded fields when the site has one
      let target: { page: string; id: string } | undefined;
      for (const p of s.pages) {
        const html = readFileSync(join(s.dir, p), 'utf8');
        // `<section>__<field>__<field>`: a field with folded fields, inside the folded fields of its parent
        const nested = /<li id="([A-Za-z0-9_-]+__[A-Za-z0-9_-]+__[A-Za-z0-9_-]+)">/.exec(html);
        const any = /<li id="([^"]+)"><a href="#\1">/.exec(html);
        if (nested) {
          target = { page: p, id: nested[1]! };
          break;
        }
        if (any && !target) target = { page: p, id: any[1]! };
      }
      if (!target) return;
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser!.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${s.server.url}${target.page}#${target.id}`);
        await page.waitForTimeout(200);
        const state = await page.$eval(`#${target.id}`, (t) => {
          const around: boolean[] = [];
          for (let e = t.parentElement; e; e = e.parentElement) if (e instanceof HTMLDetailsElement) around.push(e.open);
          const own = t.querySelector(':scope > details') as HTMLDetailsElement | null;
          const r = t.getBoundingClientRect();
          return { around, own: own?.open, visible: r.height > 0 && r.top >= 0 && r.top < innerHeight };
        });
        // the browser opens the <details> around a target; the script opens the target's own as well
        expect(state.around.every(Boolean), `${target.page}#${target.id} js ${javaScriptEnabled}`).toBe(true);
        expect(state.visible).toBe(true);
        if (javaScriptEnabled) expect(state.own).toBe(true);
        await context.close();
      }
    });

    it('writes screenshots at 1280px and 375px, light and dark, to test-artifacts/docs/', async (ctx) => {
      const s = ready(ctx);
      mkdirSync(artifacts, { recursive: true });
      const written: string[] = [];
      // per API: its page, and the first operation of its first page of operations (a screen each:
      // a whole long page takes minutes to rasterise); on a phone also the navigation opened
      const shots = s.apiPages.flatMap((api) => {
        const folder = api.path.replace(/\.html$/, '/');
        const opPage = s.opPages.find((p) => p === api.path || p.startsWith(folder));
        return [{ name: api.name, path: api.path }, ...(opPage ? [{ name: `${api.name}-operation`, path: opPage, op: true }] : [])];
      });
      for (const scheme of ['light', 'dark'] as const) {
        for (const [width, height] of [
          [1280, 900],
          [375, 800],
        ] as const) {
          const context = await browser!.newContext({ viewport: { width, height }, colorScheme: scheme });
          for (const shot of shots) {
            const page = await context.newPage();
            await page.goto(s.server.url + shot.path);
            if ('op' in shot) await page.$eval('.op', (e) => e.scrollIntoView());
            const file = `${shot.name}-${width}-${scheme}.png`;
            await page.screenshot({ path: join(artifacts, file), timeout: 120_000 });
            written.push(file);
            if (width === 375 && !('op' in shot)) {
              await page.click('.menu');
              await page.screenshot({ path: join(artifacts, `${shot.name}-${width}-${scheme}-contents.png`) });
              written.push(`${shot.name}-${width}-${scheme}-contents.png`);
            }
            await page.close();
          }
          await context.close();
        }
      }
      console.log(`screenshots in test-artifacts/docs/: ${written.join(', ')}`);
      expect(written.length).toBeGreaterThanOrEqual(s.apiPages.length * 6);
    }, 300_000);

    if (name === 'fixtures') {
      it('takes a link to an operation on the overview of a split API to the page that describes it', async (ctx) => {
        const s = ready(ctx);
        const context = await browser!.newContext();
        const page = await context.newPage();
        await page.goto(`${s.server.url}large.html#op-getItem3`);
        await page.waitForURL(/\/large\/[a-z0-9-]+\.html#op-getItem3$/);
        expect(await page.isVisible('section.op#op-getItem3')).toBe(true);
        await context.close();
        // without JavaScript the overview lists it, with the link
        const plain = await browser!.newContext({ javaScriptEnabled: false });
        const p2 = await plain.newPage();
        await p2.goto(`${s.server.url}large.html#op-getItem3`);
        expect(await p2.getAttribute('#op-getItem3 a', 'href')).toMatch(/^large\/[a-z0-9-]+\.html#op-getItem3$/);
        await plain.close();
      });

      it('runs no script from the hostile spec', async (ctx) => {
        const s = ready(ctx);
        const context = await browser!.newContext();
        const dialogs: string[] = [];
        const page = await context.newPage();
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(s.server.url + 'hostile.html');
        // fire the events a spec could have put a handler on, on every element
        await page.$$eval('*', (els) => {
          for (const e of els) for (const type of ['mouseover', 'mouseenter', 'focus']) e.dispatchEvent(new Event(type, { bubbles: false }));
        });
        await page.mouse.move(200, 200);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(dialogs).toEqual([]);
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
        expect(hrefs.filter((h) => !/^(https?:|mailto:|#|[a-z0-9_./-]*\.html|assets\/)/i.test(h) && !/^[a-z0-9_-]*(\.html)?(#[A-Za-z0-9_-]+)?$/i.test(h))).toEqual([]);
        await context.close();
      });
    }
  });
}

siteSuite('fixtures', async () => {
  // the large spec is split into an overview, a page per tag and schema pages
  const dir = tempDir('docs-large');
  const models = await modelsOf([...fixtureSpecs, writeLargeSpec(dir)]);
  removeDir(dir);
  return { models };
});
siteSuite('spec', realSpecs);
