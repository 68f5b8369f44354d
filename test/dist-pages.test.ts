/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://host/sub/path/commands.html"}
 */
import { TextEncoder as NodeTextEncoder } from 'util';

/**
 * The add-in's own page code (src/commands, src/taskpane/index.tsx) in jsdom, with Office stubbed: the
 * ribbon's error dialog, event.completed(), and what the pages do when office.js never loaded.
 */
type Event = { completed: jest.Mock };
type Command = (e: Event) => Promise<void>;
const g = globalThis as unknown as Record<string, unknown>;

/** office.js as the ribbon's page sees it; `run` stands in for Excel.run. */
function stubOffice(run: () => Promise<unknown>, dialog?: (url: string) => void) {
  const associated: Record<string, Command> = {};
  const dialogs: string[] = [];
  g.Office = {
    onReady: (cb: () => void) => { cb(); return Promise.resolve(); },
    actions: { associate: (name: string, f: Command) => { associated[name] = f; } },
    context: {
      requirements: { isSetSupported: () => true },
      document: { settings: { get: () => undefined } },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          dialog?.(url);
          cb({ status: 'succeeded' });
        },
      },
    },
  };
  g.Excel = { run: jest.fn(run) };
  return { associated, dialogs };
}

const loadCommands = () => jest.isolateModules(() => require('../src/commands/commands'));
const textOf = (url: string) => new URL(url).searchParams.get('text');

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  jest.resetModules();
  jest.dontMock('../src/office/validate');
  document.body.innerHTML = '';
});

describe('the ribbon\'s 校验 (src/commands/commands.ts)', () => {
  it('a failing check opens message.html next to commands.html, under the add-in\'s path, and completes', async () => {
    const { associated, dialogs } = stubOffice(async () => {
      throw Object.assign(new Error('internal'), { code: 'GeneralException' });
    });
    loadCommands();
    const event = { completed: jest.fn() };
    await associated.validate(event);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toMatch(/^https:\/\/host\/sub\/path\/message\.html\?text=/);
    expect(textOf(dialogs[0])).toContain('Excel 暂时无法完成操作');
    // and the English line under it, for an Excel that runs in English
    expect(new URL(dialogs[0]).searchParams.get('en')).toMatch(/[A-Za-z]/);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes even when going to 汇总 throws, and says what happened', async () => {
    jest.doMock('../src/office/validate', () => ({
      validate: async () => ({ ok: true, result: {}, marked: 0 }),
      goTo: async () => { throw new Error('汇总 went away'); },
    }));
    const { associated, dialogs } = stubOffice(async () => undefined);
    loadCommands();
    const event = { completed: jest.fn() };
    await associated.validate(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(textOf(dialogs[0])).toContain('汇总 went away');
  });

  it('completes when the dialog cannot even be asked for', async () => {
    const { associated } = stubOffice(async () => { throw new Error('no'); }, () => { throw new Error('12007'); });
    loadCommands();
    const event = { completed: jest.fn() };
    await associated.validate(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes only once the dialog has opened: a function file that completes earlier may lose it', async () => {
    const event = { completed: jest.fn() };
    const { associated } = stubOffice(async () => { throw new Error('no'); }, () => expect(event.completed).not.toHaveBeenCalled());
    loadCommands();
    await associated.validate(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('messageUrl keeps the page\'s folder and drops its query; the text survives any characters', () => {
    const { messageUrl } = require('../src/commands/commands') as typeof import('../src/commands/commands');
    const text = '第 3 行 <b>身份证号</b> & 100% = ?#';
    const url = messageUrl(text, undefined, 'https://example.gov.cn/cert-sweep/commands.html?_host_Info=Excel$Win32');
    expect(url.startsWith('https://example.gov.cn/cert-sweep/message.html?text=')).toBe(true);
    expect(textOf(url)).toBe(text);
    expect(new URL(url).searchParams.has('en')).toBe(false);
  });
});

describe('office.js did not load (no CDN, no same-origin copy)', () => {
  const MESSAGE = '无法加载 Office 脚本库 office.js';

  it('the ribbon\'s page says so instead of failing on `Office`', () => {
    expect(() => loadCommands()).not.toThrow();
    expect(document.body.textContent).toContain(MESSAGE);
  });

  it('the pane says so, in Chinese first, and where IT can read more', () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(() => jest.isolateModules(() => require('../src/taskpane/index'))).not.toThrow();
    const root = document.getElementById('root')!;
    expect(root.textContent).toContain(MESSAGE);
    expect(root.textContent).toContain('docs/deploy.md');
    expect(root.querySelector('[role="alert"] h1')!.textContent).toBe(MESSAGE);
  });

  it('opened in a browser rather than Excel (office.js fine, no host), the pane says to open it in Excel', () => {
    document.body.innerHTML = '<div id="root"></div>';
    g.Office = { onReady: (cb: (info: { host: null }) => void) => cb({ host: null }) };
    jest.isolateModules(() => require('../src/taskpane/index'));
    expect(document.getElementById('root')!.textContent).toContain('请在 Excel 中打开');
  });

  it('with office.js, the pane waits for Office.onReady instead', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const onReady = jest.fn();
    g.Office = { onReady };
    jest.isolateModules(() => require('../src/taskpane/index'));
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(document.getElementById('root')!.textContent).toBe('');
  });
});

describe('src/webview/polyfills.ts, where Edge Legacy lacks things', () => {
  const w = window as unknown as Record<string, unknown>;
  const names = ['TextEncoder', 'WeakRef', 'ResizeObserver'] as const;
  let saved: Record<string, unknown>;
  let savedPath: unknown;

  beforeEach(() => {
    saved = Object.fromEntries(names.map((n) => [n, w[n]]));
    savedPath = (Event.prototype as unknown as Record<string, unknown>).composedPath;
    for (const n of names) delete w[n];
    delete (Event.prototype as unknown as Record<string, unknown>).composedPath;
    jest.isolateModules(() => require('../src/webview/polyfills'));
  });
  afterEach(() => {
    Object.assign(w, saved);
    (Event.prototype as unknown as Record<string, unknown>).composedPath = savedPath;
  });

  it('installs a UTF-8 TextEncoder that counts bytes as the real one does', () => {
    const Enc = w.TextEncoder as typeof NodeTextEncoder;
    expect(Enc).toBeDefined();
    for (const s of ['', 'abc', '执法证件 清理', '身份证号 6101261990', '😀 emoji', 'lone \ud800 surrogate']) {
      expect(Array.from(new Enc().encode(s))).toEqual(Array.from(new NodeTextEncoder().encode(s)));
    }
  });

  it('installs WeakRef, ResizeObserver and Event.composedPath', () => {
    const target = {};
    expect(new (w.WeakRef as new (t: object) => { deref(): object })(target).deref()).toBe(target);
    expect(typeof w.ResizeObserver).toBe('function');
    document.body.innerHTML = '<div><button>x</button></div>';
    const button = document.querySelector('button')!;
    let path: EventTarget[] = [];
    button.addEventListener('click', (e) => { path = e.composedPath(); });
    button.click();
    expect(path).toEqual([button, button.parentNode, document.body, document.documentElement, document, window]);
  });
});
