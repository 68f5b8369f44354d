import * as acorn from 'acorn';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import http from 'http';
import { JSDOM, ResourceLoader } from 'jsdom';
import os from 'os';
import path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import webpack from 'webpack';

/**
 * The real production build (`ADDIN_URL=… npm run build`), once, into a temporary folder: what it emits
 * must parse in Edge Legacy (ES2017), its pages must be ES5 for Internet Explorer 11, office.js must fall
 * back to the copy it ships, and the pane must run where Edge Legacy's missing APIs are missing.
 */
const ADDIN_URL = 'https://example.gov.cn/cert-sweep/';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const EDGE18 = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
const shots = path.join(__dirname, '..', 'test-artifacts', 'pages');

let out: string;
let buildSeconds = 0;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'cert-sweep-dist-'));
  const saved = { url: process.env.ADDIN_URL, officeJs: process.env.OFFICE_JS_URL };
  process.env.ADDIN_URL = ADDIN_URL;
  delete process.env.OFFICE_JS_URL;
  try {
    const configs = require('../webpack.config.js')({}, { mode: 'production' }) as webpack.Configuration[];
    for (const c of configs) c.output!.path = out;
    const started = Date.now();
    const stats = await new Promise<webpack.MultiStats>((resolve, reject) =>
      webpack(configs, (err, s) => (err || !s ? reject(err) : resolve(s))));
    buildSeconds = (Date.now() - started) / 1000;
    expect(stats.toString({ all: false, errors: true })).not.toMatch(/ERROR/);
  } finally {
    if (saved.url === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved.url;
    if (saved.officeJs !== undefined) process.env.OFFICE_JS_URL = saved.officeJs;
  }
}, 600_000);

afterAll(() => {
  console.log(`production build: ${buildSeconds.toFixed(1)} s${process.env.KEEP_DIST ? ` into ${out}` : ''}`);
  // KEEP_DIST=1 keeps the build to look at
  if (!process.env.KEEP_DIST) rmSync(out, { recursive: true, force: true });
});

const file = (f: string) => readFileSync(path.join(out, f), 'utf8');
const jsFiles = () => (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).sort();
const PAGES = ['taskpane.html', 'commands.html', 'message.html'];

/** The line, column and code around a parse error, to find it in a minified bundle. */
function parseError(code: string, e: { message: string; pos?: number; loc?: { line: number; column: number } }): string {
  const at = e.pos ?? 0;
  return `${e.message} at ${e.loc?.line}:${e.loc?.column}: …${code.slice(Math.max(0, at - 60), at + 60)}…`;
}

function parses(code: string, ecmaVersion: 5 | 2017): string | null {
  try {
    acorn.parse(code, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    return parseError(code, e as { message: string });
  }
}

/** A page in jsdom as served from ADDIN_URL, with this user agent; it loads no script files (the CDN is unreachable). */
class NoScriptFiles extends ResourceLoader {
  override fetch() {
    return null;
  }
}
function jsdom(page: string, userAgent: string, query = '', beforeParse?: (w: JSDOM['window']) => void): JSDOM {
  return new JSDOM(file(page), { url: `${ADDIN_URL}${page}${query}`, runScripts: 'dangerously', resources: new NoScriptFiles({ userAgent }), beforeParse });
}

const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

describe('the production build parses where the pane runs', () => {
  it('every emitted .js file is ES2017 (Edge Legacy, EdgeHTML 18): no newer syntax, no newer regex syntax', () => {
    const files = jsFiles();
    expect(files).toEqual(expect.arrayContaining(['taskpane.js', 'commands.js', 'cert-sweep-core.js', 'office-js/office.js']));
    const bad = files.map((f) => ({ f, error: parses(file(f), 2017) })).filter((r) => r.error);
    expect(bad).toEqual([]);
  });

  it('the pages\' inline scripts are ES5, for Internet Explorer 11', () => {
    for (const page of PAGES) {
      const scripts = inlineScripts(file(page));
      expect({ page, scripts: scripts.length }).toEqual({ page, scripts: expect.any(Number) });
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect({ page, error: parses(s, 5) }).toEqual({ page, error: null });
    }
  });

  it('both entry bundles carry the polyfills of what Edge Legacy lacks (a marker string of each)', () => {
    const markers = {
      'core-js': '__core-js_shared__',
      '@juggle/resize-observer': 'ResizeObserver loop completed with undelivered notifications',
      'fast-text-encoding': "' option is unsupported.",
    };
    for (const bundle of ['taskpane.js', 'commands.js']) {
      const code = file(bundle);
      for (const [polyfill, marker] of Object.entries(markers)) {
        expect({ bundle, polyfill, found: code.includes(marker) }).toEqual({ bundle, polyfill, found: true });
      }
    }
  });
});

describe('office.js: Microsoft\'s CDN first, then the copy in dist/office-js/', () => {
  it('the pages that use Office load the CDN, then the fallback right after it', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = file(page);
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1], body: m[2] }));
      expect(scripts[0].attrs).toContain(`src=${CDN}`);
      expect(scripts[1].body).toContain('office-js/office.js');
      expect(scripts[1].body).toContain('document.write');
    }
    expect(file('message.html')).not.toMatch(/office(\.debug)?\.js/);
  });

  it('the fallback is shipped: office.js, the Excel host files, zh-cn and en-us strings, its licence', () => {
    for (const f of ['office.js', 'o15apptofilemappingtable.js', 'excel-win32-16.01.js', 'excel-win32-16.00.js', 'excel-mac-16.00.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'LICENSE.md']) {
      expect({ f, there: existsSync(path.join(out, 'office-js', f)) }).toEqual({ f, there: true });
    }
    expect(jsFiles().filter((f) => f.includes('.debug.'))).toEqual([]);
  });

  it('without the CDN, the page asks for the same-origin copy, and office.js will find its files beside it', () => {
    const dom = jsdom('taskpane.html', EDGE18);
    const srcs = Array.from(dom.window.document.scripts).map((s) => s.getAttribute('src')).filter(Boolean);
    // the failed CDN tag is gone: office.js takes its folder from the first script named office.js
    expect(srcs).toEqual(['office-js/office.js', 'taskpane.js']);
  });
});

describe('Internet Explorer 11 (volume-licensed Office 2016/2019) gets a message, not the bundle', () => {
  type Win = JSDOM['window'];
  const open = (page: string, userAgent: string, query = '', beforeParse?: (w: Win) => void) => jsdom(page, userAgent, query, beforeParse).window;
  const shown = (w: Win, id: string) => w.document.getElementById(id)!.style.display !== 'none';

  it('the pane: Trident shows which Office is needed and loads no bundle; other webviews load it and show nothing', () => {
    const ie = open('taskpane.html', IE11);
    expect(shown(ie, 'unsupported')).toBe(true);
    expect(shown(ie, 'root')).toBe(false);
    const text = ie.document.getElementById('unsupported')!.textContent!;
    for (const needed of ['零售版', 'Office 2021', 'LTSC 2021', 'Microsoft 365', 'Excel 网页版', 'npx cert-sweep check 表.xlsx', '离线网页版', 'cert-sweep.html']) expect(text).toContain(needed);
    expect(ie.document.querySelector('script[src$="taskpane.js"]')).toBeNull();

    for (const ua of [EDGE18, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)']) {
      const w = open('taskpane.html', ua);
      expect({ ua, message: shown(w, 'unsupported'), bundle: Boolean(w.document.querySelector('script[src="taskpane.js"]')) }).toEqual({ ua, message: false, bundle: true });
    }
  });

  it('the ribbon\'s 校验: Trident registers validate in ES5, which opens the message dialog and completes', () => {
    const associated: Record<string, (e: unknown) => void> = {};
    const dialogs: string[] = [];
    const ie = open('commands.html', IE11, '', (w) => {
      (w as unknown as { Office: unknown }).Office = {
        actions: { associate: (name: string, f: (e: unknown) => void) => { associated[name] = f; } },
        onReady: () => undefined,
        context: { ui: { displayDialogAsync: (url: string, _o: unknown, cb: () => void) => { dialogs.push(url); cb(); } } },
      };
    });
    expect(ie.document.querySelector('script[src$="commands.js"]')).toBeNull();
    const event = { completed: jest.fn() };
    associated.validate(event);
    expect(dialogs).toEqual([`${ADDIN_URL}message.html?kind=unsupported`]);
    expect(event.completed).toHaveBeenCalledTimes(1);
    // older Office calls the function by its global name
    expect(typeof (ie as unknown as { validate: unknown }).validate).toBe('function');

    const edge = open('commands.html', EDGE18);
    expect(edge.document.querySelector('script[src="commands.js"]')).not.toBeNull();
    expect((edge as unknown as { validate?: unknown }).validate).toBeUndefined();
  });

  it('the message page shows ?text= as text, never as HTML, and ?kind=unsupported as the IE11 message', () => {
    const evil = '第 3 行 <img src=x onerror="window.pwned=1"> & “引号”\n第二行';
    const w = open('message.html', EDGE18, `?text=${encodeURIComponent(evil)}&en=Row+3+%3Cb%3E&_host_Info=Excel$Win32$16.01$zh-CN$$$$0`);
    expect(w.document.getElementById('text')!.textContent).toBe(evil);
    expect(w.document.getElementById('en')!.textContent).toBe('Row 3 <b>');
    expect(shown(w, 'en')).toBe(true);
    expect(w.document.querySelector('#text img')).toBeNull();
    expect(shown(w, 'message')).toBe(true);
    expect(shown(w, 'unsupported')).toBe(false);

    const ie = open('message.html', IE11, '?kind=unsupported');
    expect(shown(ie, 'unsupported')).toBe(true);
    expect(shown(ie, 'message')).toBe(false);
  });
});

describe('the production manifest in dist/', () => {
  it('has no localhost, the production Id, package.json\'s version, every URL under ADDIN_URL', () => {
    const xml = file('manifest.xml');
    const { IDS } = require('../webpack.config.js');
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain(`<Id>${IDS.production}</Id>`);
    expect(xml).toContain(`<Version>${require('../package.json').version}.0</Version>`);
    const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !/^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(ADDIN_URL)).toBe(true);
  });
});

/**
 * In Debian's Chromium (skipped where there is none): the built pages served from a folder like the
 * county's server, office.js's CDN unreachable as on a county PC.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withChromium = existsSync(CHROMIUM) ? describe : describe.skip;

/** What Edge Legacy (EdgeHTML 18) does not have, taken away before the pane's scripts run. */
const EDGE18_INIT = () => {
  const del = (o: object, k: string) => {
    try {
      delete (o as Record<string, unknown>)[k];
    } catch { /* not configurable: Edge 18 may well have it */ }
  };
  const w = window as unknown as Record<string, unknown>;
  // (BigInt64Array stays: Playwright's own page scripts need it)
  for (const k of ['TextEncoder', 'TextDecoder', 'WeakRef', 'FinalizationRegistry', 'BigInt', 'ResizeObserver', 'ResizeObserverEntry',
    'queueMicrotask', 'structuredClone', 'AggregateError', 'Iterator', 'DOMRect', 'globalThis']) del(w, k);
  for (const k of ['fromEntries', 'hasOwn', 'groupBy']) del(Object, k);
  for (const k of ['flat', 'flatMap', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']) del(Array.prototype, k);
  for (const k of ['matchAll', 'replaceAll', 'at', 'trimStart', 'trimEnd', 'isWellFormed', 'toWellFormed']) del(String.prototype, k);
  for (const k of ['allSettled', 'any', 'withResolvers']) del(Promise, k);
  for (const k of ['union', 'intersection', 'difference', 'symmetricDifference', 'isSubsetOf', 'isSupersetOf', 'isDisjointFrom']) del(Set.prototype, k);
  del(Symbol.prototype, 'description');
  del(Event.prototype, 'composedPath');
  del(Node.prototype, 'getRootNode');
  del(Element.prototype, 'animate');
  for (const p of [Element.prototype, Document.prototype, DocumentFragment.prototype]) del(p, 'replaceChildren');
  // MediaQueryList has only addListener in Edge Legacy
  Object.defineProperty(MediaQueryList.prototype, 'addEventListener', { value: undefined, configurable: true, writable: true });
  Object.defineProperty(MediaQueryList.prototype, 'removeEventListener', { value: undefined, configurable: true, writable: true });
};

/** Enough of office.js for the pane to render: a workbook that cannot be read (Excel.run fails). */
const FAKE_OFFICE_JS = `
window.Office = {
  onReady: function (cb) { var info = { host: 'Excel', platform: 'PC' }; setTimeout(function () { if (cb) cb(info); }, 0); return Promise.resolve(info); },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  actions: { associate: function () {} },
  context: {
    displayLanguage: 'zh-CN',
    requirements: { isSetSupported: function (name, v) { return name === 'ExcelApi' && Number(String(v || '1.1').split('.')[1]) <= 9; } },
    document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { if (cb) cb({ status: 'succeeded' }); } } },
    ui: { displayDialogAsync: function (u, o, cb) { if (cb) cb({ status: 'succeeded' }); } }
  }
};
window.Excel = { run: function () { var e = new Error('此处没有 Excel'); e.code = 'GeneralException'; return Promise.reject(e); } };
`;

withChromium('the built pages in Chromium', () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // the county's server: dist/ under a path, like ADDIN_URL
    server = http.createServer((req, res) => {
      const rel = decodeURIComponent(new URL(req.url!, 'http://x').pathname).replace(/^\/cert-sweep\//, '');
      const f = path.join(out, rel);
      if (!f.startsWith(out) || !existsSync(f) || !rel) return void res.writeHead(404).end();
      const type = f.endsWith('.html') ? 'text/html; charset=utf-8' : f.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type }).end(readFileSync(f));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/cert-sweep/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** A page the size of a task pane (or a dialog), with the CDN unreachable unless `office` stands in for it. */
  async function open(page: string, opts: { userAgent?: string; office?: string; edge18?: boolean; blockCopy?: boolean; size?: [number, number] } = {}) {
    const ctx = await browser.newContext({ userAgent: opts.userAgent, viewport: { width: opts.size?.[0] ?? 360, height: opts.size?.[1] ?? 720 } });
    await ctx.route(CDN, (r) => (opts.office ? r.fulfill({ contentType: 'text/javascript', body: opts.office }) : r.abort()));
    if (opts.blockCopy) await ctx.route('**/office-js/**', (r) => r.abort());
    if (opts.edge18) await ctx.addInitScript(EDGE18_INIT);
    const p = await ctx.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('request', (r) => requests.push(r.url().replace(base, '')));
    await p.goto(`${base}${page}`);
    return { page: p, errors, requests, close: () => ctx.close() };
  }
  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(shots, name), fullPage: true });

  it('with Edge Legacy\'s missing APIs taken away, the pane renders, switches tabs and shows an error without a script error', async () => {
    const { page, errors, close } = await open('taskpane.html', { userAgent: EDGE18, office: FAKE_OFFICE_JS, edge18: true });
    // a script error is the likely reason the pane would not render: show it rather than a timeout
    const rendered = await page.getByRole('button', { name: '校验' }).waitFor({ timeout: 15_000 }).then(() => true, () => false);
    expect(errors).toEqual([]);
    expect(rendered).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { globalThis?: unknown }).globalThis)).toBe('object');
    await page.getByRole('button', { name: '校验' }).click();
    // the MessageBar (ResizeObserver), in Chinese
    await page.getByText(/Excel 暂时无法完成操作/).waitFor();
    await shot(page, 'edge18-pane.png');
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      await page.waitForTimeout(100);
    }
    // a drop-down: Fluent's positioning (ResizeObserver, DOMRect) and focus management (WeakRef, composedPath)
    await page.getByRole('tab', { name: '规则设置' }).click();
    await page.getByRole('combobox').first().click();
    await page.getByRole('option', { name: '黄' }).click();
    await page.getByRole('option').first().waitFor({ state: 'hidden' });
    expect(await page.getByRole('combobox').first().textContent()).toContain('黄');
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('offline: the CDN fails, the same-origin office.js loads in its place and starts (outside Excel: "open me in Excel")', async () => {
    const { page, requests, errors, close } = await open('taskpane.html', { userAgent: EDGE18 });
    // Office.onReady ran, with no host: the copy works end to end, as IT sees it in a browser
    await page.getByText('请在 Excel 中打开').waitFor();
    expect(requests).toContain('office-js/office.js');
    expect(await page.$$eval('script[src]', (s) => s.map((e) => e.getAttribute('src')))).not.toContain(CDN);
    await shot(page, 'office-js-copy-in-browser.png');
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('office.js from nowhere: the pane says so in Chinese', async () => {
    const { page, errors, close } = await open('taskpane.html', { userAgent: EDGE18, blockCopy: true });
    await page.getByText('无法加载 Office 脚本库 office.js').waitFor();
    expect(await page.textContent('#root')).toContain('docs/deploy.md');
    await shot(page, 'office-js-missing.png');
    expect(errors).toEqual([]);
    await close();
  }, 60_000);

  it('Internet Explorer 11\'s user agent: the message, and the bundle is never requested', async () => {
    const { page, requests, close } = await open('taskpane.html', { userAgent: IE11 });
    await page.locator('#unsupported').waitFor({ state: 'visible' });
    expect(requests).not.toContain('taskpane.js');
    await shot(page, 'ie11-pane.png');
    await close();
  }, 60_000);

  it('the message page, as the ribbon\'s dialog shows it', async () => {
    const text = '找不到“执法人员”表：请确认工作簿中有包含 姓名、身份证号、执法证号 等列的表格。\n<b>不是粗体</b>';
    const dialog: [number, number] = [546, 460];
    const en = 'The sheet 执法人员 was not found: check that the workbook has a table with name, ID number and certificate number columns.';
    const m = await open(`message.html?text=${encodeURIComponent(text)}&en=${encodeURIComponent(en)}`, { size: dialog });
    expect(await m.page.textContent('#text')).toBe(text);
    await shot(m.page, 'message-text.png');
    await m.close();
    const ie = await open('message.html?kind=unsupported', { userAgent: IE11, size: dialog });
    await ie.page.locator('#unsupported').waitFor({ state: 'visible' });
    await shot(ie.page, 'message-ie11.png');
    await ie.close();
  }, 60_000);
});
