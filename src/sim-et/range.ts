import { a1, CellValue, colLetter, colNumber } from '../core';
import { typedInput } from '../sim/typed-input';
import { Area, EtCondition, EtSheetState, XL_NONE } from './model';

/**
 * Range and what hangs off it (Interior, Font, Borders, Comment, FormatConditions) in the simulated ET object
 * model. Members and their shapes follow et-jsapi-declare's lib.et.d.ts ("ET"); behaviour the typings do not
 * state follows the Excel VBA reference, which WPS's object model mirrors ("VBA: <page>").
 */
export interface SheetHost {
  state: EtSheetState;
  /** the worksheet object, for Range.Worksheet */
  object: unknown;
  activate(): void;
  select(address: string): void;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** VBA: Range property — "A1", "A1:C9", "A:C", "3:7", several joined by commas; $ allowed. */
export function parseAreas(address: string): Area[] {
  // VBA: Worksheet.Range — an address string longer than 255 characters fails (run-time error 1004)
  if (address.length > 255) throw new Error(`Range("${address.slice(0, 20)}…")：地址超过 255 个字符`);
  return address.split(',').map((part) => {
    const [a, b = a] = part.trim().replace(/\$/g, '').split(':');
    const one = (p: string) => {
      const m = /^([A-Z]{0,3})(\d{0,7})$/i.exec(p);
      if (!m || (!m[1] && !m[2])) throw new Error(`Range("${address}")：无效的地址`);
      return { col: m[1] ? colNumber(m[1].toUpperCase()) - 1 : null, row: m[2] ? Number(m[2]) - 1 : null };
    };
    const p = one(a);
    const q = one(b);
    const area = { r0: p.row ?? 0, c0: p.col ?? 0, r1: q.row ?? (p.row === null ? MAX_ROW : MAX_ROW), c1: q.col ?? MAX_COL };
    if (p.row !== null && q.row === null && q.col !== null) area.r1 = p.row; // "A1:C" is not an address
    if (area.r0 < 0 || area.c0 < 0 || area.r1 > MAX_ROW || area.c1 > MAX_COL) throw new Error(`Range("${address}")：超出工作表`);
    return { r0: Math.min(area.r0, area.r1), c0: Math.min(area.c0, area.c1), r1: Math.max(area.r0, area.r1), c1: Math.max(area.c0, area.c1) };
  });
}

export const areaText = (a: Area) => (a.r0 === a.r1 && a.c0 === a.c1 ? `$${colLetter(a.c0 + 1)}$${a.r0 + 1}` : `$${colLetter(a.c0 + 1)}$${a.r0 + 1}:$${colLetter(a.c1 + 1)}$${a.r1 + 1}`);
const inArea = (a: Area, r: number, c: number) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
const overlaps = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const cellsOf = (a: Area) => (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);

/** A value as Value2 gives it. VBA: Range.Value2 — dates as serial numbers; an empty cell is Empty (undefined here). */
function out(v: CellValue): unknown {
  if (v === null) return undefined;
  // an error value reads as its text (not modelled from a WPS source: VBA gives CVErr codes; see docs/deploy.md)
  if (typeof v === 'object') return v.error;
  return v;
}

export class SimRange {
  constructor(readonly host: SheetHost, readonly areas: Area[]) {}

  private get s(): EtSheetState {
    return this.host.state;
  }
  private get first(): Area {
    return this.areas[0];
  }
  /** the first area's cells, row by row (the whole sheet is refused: a simulation has no business there) */
  private each(f: (r: number, c: number) => void, area = this.first): void {
    if (cellsOf(area) > 5_000_000) throw new Error('模拟不支持对整张工作表逐格操作');
    for (let r = area.r0; r <= area.r1; r++) for (let c = area.c0; c <= area.c1; c++) f(r, c);
  }
  private eachArea(f: (r: number, c: number) => void): void {
    for (const a of this.areas) this.each(f, a);
  }

  get Worksheet(): unknown {
    return this.host.object;
  }
  get Row(): number {
    return this.first.r0 + 1;
  }
  get Column(): number {
    return this.first.c0 + 1;
  }
  get Count(): number {
    return this.areas.reduce((n, a) => n + cellsOf(a), 0);
  }
  get Rows(): { Count: number } {
    return { Count: this.first.r1 - this.first.r0 + 1 };
  }
  get Columns(): { Count: number } {
    return { Count: this.first.c1 - this.first.c0 + 1 };
  }
  get Areas(): { Count: number; Item: (i: number) => SimRange } {
    return { Count: this.areas.length, Item: (i) => new SimRange(this.host, [this.areas[i - 1]]) };
  }
  /** VBA: Range.Address — absolute A1 references by default, areas joined by commas */
  Address(): string {
    return this.areas.map(areaText).join(',');
  }
  Item(row: number, col = 1): SimRange {
    const r = this.first.r0 + row - 1;
    const c = this.first.c0 + col - 1;
    return new SimRange(this.host, [{ r0: r, c0: c, r1: r, c1: c }]);
  }
  Range(address: string): SimRange {
    // relative to this range's top-left cell (VBA: Range.Range)
    return new SimRange(this.host, parseAreas(address).map((a) => ({ r0: a.r0 + this.first.r0, c0: a.c0 + this.first.c0, r1: a.r1 + this.first.r0, c1: a.c1 + this.first.c0 })));
  }

  /** VBA: Range.Value2 — one cell: a scalar; several: a 2-D array of the first area (rows of columns). */
  get Value2(): unknown {
    const a = this.first;
    if (a.r0 === a.r1 && a.c0 === a.c1) return out(this.s.get(a.r0, a.c0)?.value ?? null);
    const rows: unknown[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: unknown[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(out(this.s.get(r, c)?.value ?? null));
      rows.push(row);
    }
    return rows;
  }
  /**
   * Writing: a scalar goes to every cell; an array must be the area's shape (VBA pads or cuts a wrong one,
   * which would hide a bug here, so the simulation refuses it). A string is taken as if typed: "=…" a formula,
   * "123" a number, an ISO date a date, a leading apostrophe text (VBA: Range.Value; src/sim/typed-input.ts).
   */
  set Value2(v: unknown) {
    const a = this.first;
    if (Array.isArray(v)) {
      const rows = v as unknown[][];
      if (rows.length !== a.r1 - a.r0 + 1 || rows.some((r) => !Array.isArray(r) || r.length !== a.c1 - a.c0 + 1)) {
        throw new Error(`Value2：数组的行列数与区域 ${this.Address()} 不符`);
      }
      this.each((r, c) => this.put(r, c, rows[r - a.r0][c - a.c0]));
    } else this.each((r, c) => this.put(r, c, v));
  }
  private put(r: number, c: number, x: unknown): void {
    const cell = this.s.cell(r, c);
    const stored = typedInput(x, cell.numberFormat);
    cell.value = stored.value;
    cell.formula = stored.formula;
    if (stored.numberFormat) cell.numberFormat = stored.numberFormat;
  }
  get Formula(): string {
    const c = this.s.get(this.first.r0, this.first.c0);
    return c?.formula ?? String(out(c?.value ?? null) ?? '');
  }
  set Formula(f: string) {
    this.each((r, c) => this.put(r, c, f));
  }
  get Text(): string {
    return String(out(this.s.get(this.first.r0, this.first.c0)?.value ?? null) ?? '');
  }
  get NumberFormat(): string | null {
    const seen = new Set<string>();
    this.each((r, c) => void seen.add(this.s.get(r, c)?.numberFormat ?? 'General'));
    return seen.size === 1 ? [...seen][0] : null;
  }
  set NumberFormat(f: string) {
    this.eachArea((r, c) => void (this.s.cell(r, c).numberFormat = f));
  }
  /** VBA: Range.ClearContents — values and formulas go, formats stay */
  ClearContents(): boolean {
    this.eachArea((r, c) => {
      const cell = this.s.get(r, c);
      if (cell) {
        cell.value = null;
        cell.formula = undefined;
      }
    });
    return true;
  }

  /** VBA: Range.MergeArea — the merged area holding the (first) cell, else the cell itself */
  get MergeArea(): SimRange {
    const { r0, c0 } = this.first;
    const m = this.s.merges.find((x) => inArea(x, r0, c0));
    return new SimRange(this.host, [m ?? { r0, c0, r1: r0, c1: c0 }]);
  }
  /** VBA: Range.MergeCells — True when the range is within merged cells, False when none is, Null when mixed */
  get MergeCells(): boolean | null {
    const a = this.first;
    let merged = 0;
    for (const m of this.s.merges) {
      if (!overlaps(m, a)) continue;
      merged += (Math.min(m.r1, a.r1) - Math.max(m.r0, a.r0) + 1) * (Math.min(m.c1, a.c1) - Math.max(m.c0, a.c0) + 1);
    }
    return merged === 0 ? false : merged === cellsOf(a) ? true : null;
  }
  /** VBA: Range.Merge — the area becomes one merged block (blocks it overlaps are absorbed) */
  Merge(): void {
    const a = { ...this.first };
    this.s.merges = this.s.merges.filter((m) => !overlaps(m, a));
    if (cellsOf(a) > 1) this.s.merges.push(a);
  }

  /** VBA: Range.ColumnWidth — in characters of the standard font; Null when the columns differ */
  get ColumnWidth(): number | null {
    const ws = new Set<number>();
    for (let c = this.first.c0; c <= this.first.c1; c++) ws.add(this.s.widths.get(c) ?? 8.38);
    return ws.size === 1 ? [...ws][0] : null;
  }
  set ColumnWidth(w: number) {
    // VBA: Range.ColumnWidth — 0 to 255 characters
    if (!(w >= 0 && w <= 255)) throw new Error(`ColumnWidth ${w}：列宽须在 0 到 255 之间`);
    for (let c = this.first.c0; c <= this.first.c1; c++) this.s.widths.set(c, w);
  }

  get Interior(): SimInterior {
    return new SimInterior(this);
  }
  get Font(): SimFont {
    return new SimFont(this);
  }
  get Borders(): SimBorders {
    return new SimBorders(this);
  }
  /** cells of every area, for the format objects */
  cells(): [number, number][] {
    const out: [number, number][] = [];
    this.eachArea((r, c) => out.push([r, c]));
    return out;
  }
  get state(): EtSheetState {
    return this.s;
  }

  /** VBA: Range.Comment — the cell's comment, or Nothing (null) */
  get Comment(): SimComment | null {
    const key = this.s.key(this.first.r0, this.first.c0);
    return this.s.comments.has(key) ? new SimComment(this.s, key) : null;
  }
  /** VBA: Range.AddComment — one cell only; fails where the cell already has a comment (run-time error 1004) */
  AddComment(text?: string): SimComment {
    const a = this.first;
    if (this.areas.length > 1 || cellsOf(a) !== 1) throw new Error('AddComment：只能对一个单元格添加批注');
    const key = this.s.key(a.r0, a.c0);
    if (this.s.comments.has(key)) throw new Error(`AddComment：单元格 ${a1(a.r0 + 1, a.c0 + 1)} 已有批注`);
    this.s.comments.set(key, text ?? '');
    return new SimComment(this.s, key);
  }
  ClearComments(): void {
    this.eachArea((r, c) => void this.s.comments.delete(this.s.key(r, c)));
  }

  /** VBA: Range.FormatConditions — the rules that apply to any cell of the range, in the sheet's order */
  get FormatConditions(): SimFormatConditions {
    return new SimFormatConditions(this);
  }

  Activate(): boolean {
    this.host.activate();
    return true;
  }
  /** VBA: Range.Select — only on the active sheet (run-time error 1004 otherwise) */
  Select(): boolean {
    this.host.select(this.Address());
    return true;
  }
}

export class SimInterior {
  constructor(private readonly r: SimRange) {}
  private all<T>(f: (fill: number) => T): T | null {
    const seen = new Set<T>();
    for (const [row, col] of this.r.cells()) seen.add(f(this.r.state.get(row, col)?.fill ?? XL_NONE));
    return seen.size === 1 ? [...seen][0] : null;
  }
  /** VBA: Interior.Color — BGR (RGB(r,g,b) = r + g*256 + b*65536); no fill reads as white (16777215); Null when mixed */
  get Color(): number | null {
    return this.all((f) => (f === XL_NONE ? 0xffffff : f));
  }
  set Color(bgr: number) {
    if (!Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) throw new Error(`Interior.Color ${bgr}：无效的颜色`);
    for (const [row, col] of this.r.cells()) this.r.state.cell(row, col).fill = bgr;
  }
  /** VBA: Interior.ColorIndex — xlNone (-4142) for no fill; setting xlNone removes the fill */
  get ColorIndex(): number | null {
    return this.all((f) => (f === XL_NONE ? XL_NONE : 0));
  }
  set ColorIndex(i: number) {
    if (i !== XL_NONE) throw new Error('ColorIndex：模拟只支持 xlNone（-4142）');
    for (const [row, col] of this.r.cells()) {
      const cell = this.r.state.get(row, col);
      if (cell) cell.fill = XL_NONE;
    }
  }
  /** VBA: Interior.Pattern — xlNone without fill, xlSolid (1) with one */
  get Pattern(): number | null {
    return this.all((f) => (f === XL_NONE ? XL_NONE : 1));
  }
}

export class SimFont {
  constructor(private readonly r: SimRange) {}
  get Bold(): boolean | null {
    const seen = new Set(this.r.cells().map(([row, col]) => this.r.state.get(row, col)?.bold ?? false));
    return seen.size === 1 ? [...seen][0] : null;
  }
  set Bold(b: boolean) {
    for (const [row, col] of this.r.cells()) this.r.state.cell(row, col).bold = b;
  }
  get Color(): number | null {
    const seen = new Set(this.r.cells().map(([row, col]) => this.r.state.get(row, col)?.fontColor ?? 0));
    return seen.size === 1 ? [...seen][0] : null;
  }
  set Color(bgr: number) {
    for (const [row, col] of this.r.cells()) this.r.state.cell(row, col).fontColor = bgr;
  }
}

/** Et.XlBordersIndex: the four edges of a cell */
const EDGES = [7, 8, 9, 10];

export class SimBorders {
  constructor(private readonly r: SimRange) {}
  /** VBA: Borders.Item(xlEdgeLeft 7 / xlEdgeTop 8 / xlEdgeBottom 9 / xlEdgeRight 10); one cell's edge here */
  Item(i: number): SimBorder {
    if (!EDGES.includes(i)) throw new Error(`Borders.Item(${i})：模拟只支持四条外边框（7–10）`);
    return new SimBorder(this.r, i);
  }
}

export class SimBorder {
  constructor(private readonly r: SimRange, private readonly i: number) {}
  private edge(row: number, col: number) {
    return this.r.state.get(row, col)?.borders[this.i];
  }
  /** VBA: Border.LineStyle — xlLineStyleNone (-4142) where there is no line */
  get LineStyle(): number {
    const [row, col] = this.r.cells()[0];
    return this.edge(row, col)?.lineStyle ?? XL_NONE;
  }
  set LineStyle(s: number) {
    for (const [row, col] of this.r.cells()) {
      const cell = this.r.state.cell(row, col);
      if (s === XL_NONE) delete cell.borders[this.i];
      else cell.borders[this.i] = { lineStyle: s, color: cell.borders[this.i]?.color ?? 0, weight: cell.borders[this.i]?.weight ?? 2 };
    }
  }
  get Color(): number {
    const [row, col] = this.r.cells()[0];
    return this.edge(row, col)?.color ?? 0;
  }
  set Color(bgr: number) {
    for (const [row, col] of this.r.cells()) {
      const cell = this.r.state.cell(row, col);
      // VBA: setting a border's colour draws a continuous line where there was none
      cell.borders[this.i] = { lineStyle: cell.borders[this.i]?.lineStyle ?? 1, color: bgr, weight: cell.borders[this.i]?.weight ?? 2 };
    }
  }
  get Weight(): number {
    const [row, col] = this.r.cells()[0];
    return this.edge(row, col)?.weight ?? 2;
  }
  set Weight(w: number) {
    for (const [row, col] of this.r.cells()) {
      const cell = this.r.state.cell(row, col);
      cell.borders[this.i] = { lineStyle: cell.borders[this.i]?.lineStyle ?? 1, color: cell.borders[this.i]?.color ?? 0, weight: w };
    }
  }
}

export class SimComment {
  constructor(private readonly s: EtSheetState, private readonly key: string) {}
  Visible = false;
  /** ET: Comment.Text(Text?, Start?, Overwrite?) — returns the text; with Text, replaces it */
  Text(text?: string): string {
    if (text !== undefined) this.s.comments.set(this.key, text);
    return this.s.comments.get(this.key) ?? '';
  }
  Delete(): void {
    this.s.comments.delete(this.key);
  }
}

/** the border indexes a FormatCondition takes (VBA: FormatCondition.Borders — xlLeft, xlRight, xlTop, xlBottom) */
const CF_EDGES = [-4131, -4152, -4160, -4107];

export class SimFormatCondition {
  constructor(private readonly s: EtSheetState, readonly rule: EtCondition) {}
  get Type(): number {
    return this.rule.type;
  }
  get Formula1(): string {
    return this.rule.formula;
  }
  get AppliesTo(): { Address: () => string } {
    return { Address: () => this.rule.appliesTo.map(areaText).join(',') };
  }
  get Interior(): { Color: number } {
    const rule = this.rule;
    return {
      get Color() { return rule.fill ?? 0xffffff; },
      set Color(v: number) { rule.fill = v; },
    };
  }
  get Font(): { Color: number; Bold: boolean } {
    const rule = this.rule;
    return {
      get Color() { return rule.fontColor ?? 0; },
      set Color(v: number) { rule.fontColor = v; },
      get Bold() { return rule.bold ?? false; },
      set Bold(v: boolean) { rule.bold = v; },
    };
  }
  get Borders(): { Item: (i: number) => { LineStyle: number; Color: number } } {
    const rule = this.rule;
    return {
      Item: (i: number) => {
        if (!CF_EDGES.includes(i)) throw new Error(`FormatCondition.Borders.Item(${i})：条件格式只接受 xlLeft/xlRight/xlTop/xlBottom`);
        const edge = () => (rule.borders[i] ??= { lineStyle: XL_NONE, color: 0 });
        return {
          get LineStyle() { return rule.borders[i]?.lineStyle ?? XL_NONE; },
          set LineStyle(v: number) { edge().lineStyle = v; },
          get Color() { return rule.borders[i]?.color ?? 0; },
          set Color(v: number) { edge().color = v; if (edge().lineStyle === XL_NONE) edge().lineStyle = 1; },
        };
      },
    };
  }
  Delete(): void {
    const i = this.s.conditions.indexOf(this.rule);
    if (i < 0) throw new Error('FormatCondition.Delete：条件格式已被删除');
    this.s.conditions.splice(i, 1);
  }
}

export class SimFormatConditions {
  constructor(private readonly r: SimRange) {}
  private list(): EtCondition[] {
    return this.r.state.conditions.filter((c) => c.appliesTo.some((a) => this.r.areas.some((b) => overlaps(a, b))));
  }
  get Count(): number {
    return this.list().length;
  }
  /** 1-based (ET: FormatConditions.Item(Index: number)) */
  Item(i: number): SimFormatCondition {
    const rule = this.list()[i - 1];
    if (!rule) throw new Error(`FormatConditions.Item(${i})：没有这一项`);
    return new SimFormatCondition(this.r.state, rule);
  }
  /**
   * ET: FormatConditions.Add(Type, Operator?, Formula1?) — only xlExpression (2) is modelled; its Formula1 is a
   * formula, "=" first (VBA: FormatConditions.Add).
   */
  Add(type: number, _operator?: unknown, formula1?: unknown): SimFormatCondition {
    if (type !== 2) throw new Error(`FormatConditions.Add(${type})：模拟只支持 xlExpression（2）`);
    if (typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new Error('FormatConditions.Add：xlExpression 需要以“=”开头的公式');
    const rule: EtCondition = { type, formula: formula1, appliesTo: this.r.areas.map((a) => ({ ...a })), borders: {} };
    this.r.state.conditions.push(rule);
    return new SimFormatCondition(this.r.state, rule);
  }
  Delete(): void {
    const mine = new Set(this.list());
    this.r.state.conditions = this.r.state.conditions.filter((c) => !mine.has(c));
  }
}

/** VBA: Application.Union — the areas of all its ranges, which must be on one sheet */
export function union(...ranges: (SimRange | undefined)[]): SimRange {
  const rs = ranges.filter((r): r is SimRange => !!r);
  if (rs.length < 2) throw new Error('Union：至少需要两个区域');
  if (rs.some((r) => r.state !== rs[0].state)) throw new Error('Union：区域须在同一工作表');
  return new SimRange(rs[0].host, rs.flatMap((r) => r.areas));
}
