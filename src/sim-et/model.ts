import { CellValue, colNumber } from '../core';

/**
 * The state of a simulated WPS 表格 workbook: what the ET object model (src/sim-et/objects.ts) reads and
 * changes, and what tests look at. Indexes here are 0-based; the object model the add-in sees is 1-based.
 * Sources, cited where each behaviour is modelled: the typings of et-jsapi-declare 2.5.0 (lib.et.d.ts, "ET"),
 * and, where WPS documents no detail of its own, the Excel VBA reference it follows (WPS's ET object model is
 * the VBA one: same members, same constants, e.g. XlSheetVisibility, XlBordersIndex, xlNone = -4142).
 */

/** xlNone (ET: XlColorIndex / Constants, -4142): a cell without fill, a border without a line. */
export const XL_NONE = -4142;
/** Et.XlSheetVisibility */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;

export interface EtBorderState {
  /** Et.XlLineStyle: xlContinuous = 1, xlLineStyleNone = -4142 */
  lineStyle: number;
  /** BGR */
  color: number;
  weight: number;
}

export interface EtCellState {
  value: CellValue;
  formula?: string;
  /** Interior.Color as BGR, or XL_NONE: no fill */
  fill: number;
  fontColor: number;
  bold: boolean;
  /** by Et.XlBordersIndex: xlEdgeLeft 7, xlEdgeTop 8, xlEdgeBottom 9, xlEdgeRight 10 */
  borders: Record<number, EtBorderState>;
  numberFormat: string;
}

/** A conditional format: an xlExpression rule with its look. AppliesTo as areas. */
export interface EtCondition {
  type: number;
  formula: string;
  appliesTo: Area[];
  fill?: number;
  fontColor?: number;
  bold?: boolean;
  /** by FormatCondition border index (xlLeft -4131, xlTop -4160, xlBottom -4107, xlRight -4152) */
  borders: Record<number, { lineStyle: number; color: number }>;
}

/** A parsed area, 0-based and inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const NO_BORDERS = (): Record<number, EtBorderState> => ({});
export const blankCell = (): EtCellState => ({ value: null, fill: XL_NONE, fontColor: 0, bold: false, borders: NO_BORDERS(), numberFormat: 'General' });

export class EtSheetState {
  cells = new Map<string, EtCellState>();
  /** legacy comments (批注), the cell's key → text */
  comments = new Map<string, string>();
  conditions: EtCondition[] = [];
  /** merged areas */
  merges: Area[] = [];
  /** ColumnWidth in characters, by 0-based column; others have the standard width */
  widths = new Map<number, number>();
  visible = XL_SHEET_VISIBLE;

  constructor(public name: string) {}

  key(r: number, c: number): string {
    return `${r},${c}`;
  }
  get(r: number, c: number): EtCellState | undefined {
    return this.cells.get(this.key(r, c));
  }
  cell(r: number, c: number): EtCellState {
    let x = this.cells.get(this.key(r, c));
    if (!x) this.cells.set(this.key(r, c), (x = blankCell()));
    return x;
  }
}

export const STANDARD_WIDTH = 8.38;

export class EtBookState {
  sheets: EtSheetState[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  /** Worksheet.Delete asks the user unless Application.DisplayAlerts is false (VBA: Worksheet.Delete remarks) */
  displayAlerts = true;
  /** confirmations the user would have seen */
  prompts: string[] = [];

  sheet(name: string): EtSheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** A workbook from plain rows per sheet, as tests set one up. */
  static from(sheets: { name: string; rows: CellValue[][]; merges?: string[] }[]): EtBookState {
    const wb = new EtBookState();
    for (const s of sheets) {
      const sh = new EtSheetState(s.name);
      for (const m of s.merges ?? []) {
        const [a, b = a] = m.replace(/\$/g, '').split(':').map((x) => /^([A-Z]+)(\d+)$/.exec(x)!);
        sh.merges.push({ r0: Number(a[2]) - 1, c0: colNumber(a[1]) - 1, r1: Number(b[2]) - 1, c1: colNumber(b[1]) - 1 });
      }
      s.rows.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && v !== undefined) sh.cell(r, c).value = v;
      }));
      wb.sheets.push(sh);
    }
    return wb;
  }
}
