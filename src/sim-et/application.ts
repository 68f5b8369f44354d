import { EtBookState, EtSheetState, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE } from './model';
import { parseAreas, SheetHost, SimRange, union } from './range';

/**
 * The ET object model over an EtBookState: window.Application as a WPS 加载项 sees it, synchronous, 1-based.
 * Members follow et-jsapi-declare 2.5.0 (lib.et.d.ts, index.d.ts); behaviour the typings leave out follows the
 * Excel VBA reference that WPS's model mirrors (cited "VBA: <page>").
 */

/** VBA: Worksheet.Name — at most 31 characters, not blank, none of \ / ? * [ ] :, not starting or ending with ' */
export function checkSheetName(name: string, taken: string[]): void {
  if (typeof name !== 'string' || !name.trim()) throw new Error('工作表名称不能为空');
  if (name.length > 31) throw new Error(`工作表名称「${name}」超过 31 个字符`);
  if (/[\\/?*[\]:]/.test(name)) throw new Error(`工作表名称「${name}」含有不允许的字符 \\ / ? * [ ] :`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`工作表名称「${name}」不能以单引号开头或结尾`);
  // names are compared without regard to case (VBA: "the name is already taken")
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) throw new Error(`工作表名称「${name}」已被使用`);
}

export class SimWorksheet {
  constructor(private readonly book: EtBookState, private readonly app: SimApplication, readonly state: EtSheetState) {}

  private host(): SheetHost {
    return {
      state: this.state,
      object: this,
      activate: () => this.Activate(),
      select: (address) => {
        // VBA: Range.Select works only on the active sheet
        if (this.book.sheets[this.book.active] !== this.state) throw new Error('Select：只能选择活动工作表中的单元格');
        this.book.selection = { sheet: this.state.name, address };
      },
    };
  }
  private alive(): void {
    if (!this.book.sheets.includes(this.state)) throw new Error('工作表已被删除');
  }

  get Name(): string {
    this.alive();
    return this.state.name;
  }
  set Name(n: string) {
    checkSheetName(n, this.book.sheets.filter((s) => s !== this.state).map((s) => s.name));
    this.state.name = n;
  }
  get Index(): number {
    this.alive();
    return this.book.sheets.indexOf(this.state) + 1;
  }
  /** ET: Worksheet.Visible (XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden) */
  get Visible(): number {
    return this.state.visible;
  }
  set Visible(v: number) {
    this.alive();
    if (![XL_SHEET_VISIBLE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN].includes(v)) throw new Error(`Visible ${v}：无效的值`);
    // "A workbook must contain at least one visible worksheet" (Excel's message; VBA run-time error 1004)
    if (v !== XL_SHEET_VISIBLE && this.state.visible === XL_SHEET_VISIBLE && this.book.sheets.filter((s) => s.visible === XL_SHEET_VISIBLE).length === 1) {
      throw new Error('工作簿中至少要有一张可见的工作表');
    }
    this.state.visible = v;
    if (v !== XL_SHEET_VISIBLE && this.book.sheets[this.book.active] === this.state) {
      this.book.active = this.book.sheets.findIndex((s) => s.visible === XL_SHEET_VISIBLE);
    }
  }
  /** VBA: Worksheet.UsedRange — from the first to the last cell with a value, a format or a comment; A1 when empty */
  get UsedRange(): SimRange {
    this.alive();
    let b: { r0: number; c0: number; r1: number; c1: number } | null = null;
    const add = (r: number, c: number) => {
      b = b ? { r0: Math.min(b.r0, r), c0: Math.min(b.c0, c), r1: Math.max(b.r1, r), c1: Math.max(b.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    };
    for (const [k, cell] of this.state.cells) {
      const formatted = cell.fill !== -4142 || cell.bold || cell.fontColor !== 0 || cell.numberFormat !== 'General' || Object.keys(cell.borders).length > 0;
      if (cell.value === null && !cell.formula && !formatted) continue;
      const [r, c] = k.split(',').map(Number);
      add(r, c);
    }
    for (const k of this.state.comments.keys()) {
      const [r, c] = k.split(',').map(Number);
      add(r, c);
    }
    return new SimRange(this.host(), [b ?? { r0: 0, c0: 0, r1: 0, c1: 0 }]);
  }
  /** ET: Worksheet.Range(Cell1, Cell2?) — an address, or two corner ranges */
  Range(cell1: string | SimRange, cell2?: string | SimRange): SimRange {
    this.alive();
    const first = typeof cell1 === 'string' ? parseAreas(cell1) : cell1.areas;
    if (cell2 === undefined) return new SimRange(this.host(), first);
    const second = typeof cell2 === 'string' ? parseAreas(cell2) : cell2.areas;
    const all = [...first, ...second];
    return new SimRange(this.host(), [{ r0: Math.min(...all.map((a) => a.r0)), c0: Math.min(...all.map((a) => a.c0)), r1: Math.max(...all.map((a) => a.r1)), c1: Math.max(...all.map((a) => a.c1)) }]);
  }
  get Cells(): SimRange {
    return new SimRange(this.host(), [{ r0: 0, c0: 0, r1: 1048575, c1: 16383 }]);
  }
  /** ET: Worksheet.Comments — 1-based, in the sheet's order (by row, then column) */
  get Comments(): { Count: number; Item: (i: number) => { Text: () => string } } {
    const keys = [...this.state.comments.keys()].sort((a, b) => {
      const [ra, ca] = a.split(',').map(Number);
      const [rb, cb] = b.split(',').map(Number);
      return ra - rb || ca - cb;
    });
    return { Count: keys.length, Item: (i) => ({ Text: () => this.state.comments.get(keys[i - 1]) ?? '' }) };
  }
  /** VBA: Worksheet.Activate — a hidden sheet cannot be activated (run-time error 1004) */
  Activate(): void {
    this.alive();
    if (this.state.visible !== XL_SHEET_VISIBLE) throw new Error(`Activate：工作表「${this.state.name}」是隐藏的`);
    this.book.active = this.book.sheets.indexOf(this.state);
  }
  Select(): void {
    this.Activate();
  }
  /**
   * VBA: Worksheet.Delete — asks the user to confirm unless Application.DisplayAlerts is False; the last
   * visible sheet cannot go. A very hidden sheet is refused too (as Office's Worksheet.delete documents;
   * the add-in makes it visible first, so the stricter rule costs it nothing).
   */
  Delete(): void {
    this.alive();
    if (this.state.visible === XL_SHEET_VERY_HIDDEN) throw new Error(`Delete：工作表「${this.state.name}」是深度隐藏的，须先取消隐藏`);
    if (this.state.visible === XL_SHEET_VISIBLE && this.book.sheets.filter((s) => s.visible === XL_SHEET_VISIBLE).length === 1) {
      throw new Error('工作簿中至少要有一张可见的工作表');
    }
    if (this.book.displayAlerts) this.book.prompts.push(`删除工作表「${this.state.name}」？`);
    const i = this.book.sheets.indexOf(this.state);
    this.book.sheets.splice(i, 1);
    if (this.book.active >= this.book.sheets.length || this.book.sheets[this.book.active]?.visible !== XL_SHEET_VISIBLE) {
      this.book.active = Math.max(0, this.book.sheets.findIndex((s) => s.visible === XL_SHEET_VISIBLE));
    }
    this.app.forget(this.state);
  }
}

export class SimSheets {
  constructor(private readonly book: EtBookState, private readonly app: SimApplication) {}
  get Count(): number {
    return this.book.sheets.length;
  }
  /** ET: Sheets.Item(Index: string | number) — 1-based, or by name (case-insensitive) */
  Item(index: string | number): SimWorksheet {
    const s = typeof index === 'number' ? this.book.sheets[index - 1] : this.book.sheet(index);
    if (!s) throw new Error(`Sheets.Item(${JSON.stringify(index)})：没有这张工作表`);
    return this.app.sheetObject(s);
  }
  /**
   * ET: Sheets.Add(Before?, After?, Count?, Type?) — a new sheet "SheetN", before or after the given one (else
   * before the active sheet), and it becomes the active sheet (VBA: Sheets.Add).
   */
  Add(before?: SimWorksheet, after?: SimWorksheet): SimWorksheet {
    let n = this.book.sheets.length + 1;
    while (this.book.sheet(`Sheet${n}`)) n++;
    const s = new EtSheetState(`Sheet${n}`);
    const at = before ? before.Index - 1 : after ? after.Index : this.book.active;
    this.book.sheets.splice(at, 0, s);
    this.book.active = at;
    return this.app.sheetObject(s);
  }
}

export class SimWorkbook {
  constructor(private readonly book: EtBookState, private readonly app: SimApplication) {}
  Name = '工作簿1.xlsx';
  get Sheets(): SimSheets {
    return new SimSheets(this.book, this.app);
  }
  get Worksheets(): SimSheets {
    return this.Sheets;
  }
  get ActiveSheet(): SimWorksheet {
    return this.app.sheetObject(this.book.sheets[this.book.active]);
  }
}

/** index.d.ts: CustomTaskpane — ID, Visible, DockPosition, Navigate, Delete */
export class SimTaskPane {
  Visible = false;
  DockPosition = 2;
  constructor(readonly ID: number, public url: string, readonly title?: string) {}
  Navigate(url: string): void {
    this.url = url;
  }
  deleted = false;
  Delete(): void {
    this.deleted = true;
  }
}

export class SimApplication {
  private readonly objects = new Map<EtSheetState, SimWorksheet>();
  readonly panes: SimTaskPane[] = [];
  /** index.d.ts: PluginStorage — like localStorage, shared by the add-in's pages, not persisted */
  readonly storage = new Map<string, string>();
  ScreenUpdating = true;

  constructor(readonly book: EtBookState | null) {}

  sheetObject(s: EtSheetState): SimWorksheet {
    let o = this.objects.get(s);
    if (!o) this.objects.set(s, (o = new SimWorksheet(this.book!, this, s)));
    return o;
  }
  forget(s: EtSheetState): void {
    this.objects.delete(s);
  }
  /** ET: Application.ActiveWorkbook — null when no workbook is open (WPS's start page) */
  get ActiveWorkbook(): SimWorkbook | null {
    return this.book ? new SimWorkbook(this.book, this) : null;
  }
  get ActiveSheet(): SimWorksheet | null {
    return this.book ? this.sheetObject(this.book.sheets[this.book.active]) : null;
  }
  get DisplayAlerts(): boolean {
    return this.book?.displayAlerts ?? true;
  }
  set DisplayAlerts(v: boolean) {
    if (this.book) this.book.displayAlerts = v;
  }
  Union(...ranges: SimRange[]): SimRange {
    return union(...ranges);
  }
  /** index.d.ts: CreateTaskPane(url, title?) — hidden until Visible is set to true */
  CreateTaskPane(url: string, title?: string): SimTaskPane {
    const pane = new SimTaskPane(this.panes.length + 1, url, title);
    this.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: number): SimTaskPane | undefined {
    return this.panes.find((p) => p.ID === id && !p.deleted);
  }
  get PluginStorage(): { setItem(k: string, v: unknown): void; getItem(k: string): string | null; removeItem(k: string): void } {
    const m = this.storage;
    return {
      // index.d.ts: setItem(key, value: number | boolean | string); stored as its text, as localStorage does
      setItem: (k, v) => void m.set(k, String(v)),
      getItem: (k) => m.get(k) ?? null,
      removeItem: (k) => void m.delete(k),
    };
  }
  /** the clerk's disk, as far as FileSystem reaches it: folders, and files as their bytes */
  readonly disk = { dirs: new Set<string>(['/home/clerk/下载']), files: new Map<string, Uint8Array>(), free: Infinity };
  /** index.d.ts: Env — GetDownloadPath(): "获取用户的下载目录路径" */
  get Env(): { GetDownloadPath(): string } {
    return { GetDownloadPath: () => '/home/clerk/下载' };
  }
  /**
   * index.d.ts: FileSystem — existsSync, mkdirSync and writeAsBinaryString return booleans. Modelled strictly
   * (what the typings leave open, as libuv, which they cite, does it): a write into a folder that does not exist
   * fails; a disk that fills mid-write fails and leaves the part written; a character above \xFF in a binary string
   * is refused (it is not a byte).
   */
  get FileSystem(): { existsSync(p: string): boolean; mkdirSync(p: string): boolean; writeAsBinaryString(p: string, data: string): boolean; unlinkSync(p: string): boolean } {
    const d = this.disk;
    const parent = (p: string) => p.replace(/[\\/][^\\/]*$/, '');
    return {
      existsSync: (p) => d.dirs.has(p) || d.files.has(p),
      mkdirSync: (p) => (d.dirs.has(parent(p)) && !d.files.has(p) ? (d.dirs.add(p), true) : false),
      writeAsBinaryString: (p, data) => {
        if (!d.dirs.has(parent(p)) || d.dirs.has(p)) return false;
        const bytes = new Uint8Array(data.length);
        for (let i = 0; i < data.length; i++) {
          const c = data.charCodeAt(i);
          if (c > 0xff) return false;
          bytes[i] = c;
        }
        const room = Math.max(0, Math.min(bytes.length, d.free));
        d.files.set(p, bytes.slice(0, room));
        d.free -= room;
        return room === bytes.length;
      },
      unlinkSync: (p) => d.files.delete(p),
    };
  }
  alerts: string[] = [];
  /** window.alert in a WPS page (the ribbon's messages) */
  alert(text: string): void {
    this.alerts.push(text);
  }
}

export function simulateEt(book: EtBookState | null): SimApplication {
  return new SimApplication(book);
}
