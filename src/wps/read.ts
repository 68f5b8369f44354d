import { CellValue, colLetter, colNumber, isOutputSheet, SheetGrid, WorkbookGrid } from '../core';
import { fromExcel } from '../office/cells';
import { parseState, STATE_SHEET, StateRow } from '../office/state';
import { EtApp, EtBook, EtRange, EtSheet } from './et';

/**
 * Reading the open workbook through the ET object model: synchronous calls, one Value2 read per sheet's used
 * range (dates arrive as serial numbers, as the core expects: Value2 "doesn't use the Currency and Date data
 * types", VBA: Range.Value2), merged blocks filled in as src/office/read.ts does, and the last run's record.
 */
export const SETTINGS_SHEET = '_证件清理_设置';
/** sheets that are ours, never the clerk's data (ours may be named 汇总（校验） beside a clerk's 汇总) */
export const notData = (name: string): boolean => isOutputSheet(name) || name === STATE_SHEET || name === SETTINGS_SHEET;

/** as the add-in and the command line: beyond this a sheet is refused with a message, not read */
const MAX_ROWS = 200_000;

export class WpsError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

export function activeBook(app: EtApp): EtBook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new WpsError('没有打开的工作簿。请先在 WPS 表格中打开摸排统计表，再点“校验”。', 'No workbook is open. Open the roster in WPS Spreadsheets first.');
  return wb;
}

/** The workbook's sheets, 1-based as ET counts them, by name. */
export function sheetsOf(wb: EtBook): EtSheet[] {
  const out: EtSheet[] = [];
  const n = wb.Sheets.Count;
  for (let i = 1; i <= n; i++) out.push(wb.Sheets.Item(i) as EtSheet);
  return out;
}

/** Value2 of a range as rows: one cell gives a scalar, several a 2-D array (VBA: Range.Value2). */
export function rowsOf(range: EtRange): unknown[][] {
  const v = range.Value2 as unknown;
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return [[v]];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The state sheet's records (src/office/state.ts: the same sheet and rows Excel's add-in keeps). */
export function readState(sheets: EtSheet[]): { state: StateRow[]; sheet: EtSheet | null } {
  const sheet = sheets.find((s) => s.Name === STATE_SHEET) ?? null;
  if (!sheet) return { state: [], sheet };
  return { state: parseState(rowsOf(sheet.UsedRange).map((r) => r.map(text))), sheet };
}

/**
 * Merged areas of a used range. VBA: Range.MergeCells is False for a range without merged cells (True or Null
 * otherwise), so blocks of rows without any are skipped whole, halving down to the rows that have some; only
 * their cells are asked for their MergeArea. A title and a two-row header cost a few dozen calls, not one a row.
 */
function mergedAreas(ws: EtSheet, top: number, left: number, rows: number, cols: number): { r0: number; c0: number; r1: number; c1: number }[] {
  const out: { r0: number; c0: number; r1: number; c1: number }[] = [];
  if (!rows || !cols) return out;
  const covered = (r: number, c: number) => out.some((a) => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1);
  const L = colLetter(left + 1);
  const R = colLetter(left + cols);
  const scan = (r0: number, r1: number): void => {
    if (ws.Range(`${L}${r0}:${R}${r1}`).MergeCells === false) return;
    if (r0 < r1) {
      const mid = Math.floor((r0 + r1) / 2);
      scan(r0, mid);
      scan(mid + 1, r1);
      return;
    }
    for (let c = left + 1; c <= left + cols; c++) {
      if (covered(r0, c)) continue;
      const area = ws.Range(`${colLetter(c)}${r0}`).MergeArea;
      const h = area.Rows.Count;
      const w = area.Columns.Count;
      if (h > 1 || w > 1) out.push({ r0: area.Row, c0: area.Column, r1: area.Row + h - 1, c1: area.Column + w - 1 });
    }
  };
  scan(top + 1, top + rows);
  return out;
}

/** The last run's result columns are in the sheet as it is read: the check must not see them. */
function blankRecorded(g: SheetGrid, state: StateRow[]): void {
  for (const [kind, sheet, where] of state) {
    const m = kind === 'values' && sheet === g.name ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(where ?? '') : null;
    if (!m) continue;
    for (let r = Number(m[2]); r <= Number(m[4]); r++) {
      const row = g.rows[r - 1 - (g.top ?? 0)];
      if (!row) continue;
      for (let c = colNumber(m[1]); c <= colNumber(m[3]); c++) {
        const i = c - 1 - (g.left ?? 0);
        if (i >= 0 && i < row.length) row[i] = null;
      }
    }
  }
}

const blank = (v: CellValue | undefined) => v === null || v === undefined;

/**
 * The grid cut to the cells with values, as Office reads it (getUsedRange(valuesOnly)): ET's UsedRange also
 * spans cells that are only formatted, and an empty sheet's is A1 (VBA: Worksheet.UsedRange).
 */
function valuesOnly(g: SheetGrid): SheetGrid {
  const rows = g.rows;
  const r0 = rows.findIndex((r) => r.some((v) => !blank(v)));
  if (r0 < 0) return { name: g.name, rows: [], top: 0, left: 0 };
  let r1 = rows.length - 1;
  while (rows[r1].every(blank)) r1--;
  let c0 = Infinity;
  let c1 = -1;
  for (let r = r0; r <= r1; r++) {
    rows[r].forEach((v, c) => {
      if (blank(v)) return;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    });
  }
  if (r0 === 0 && c0 === 0 && r1 === rows.length - 1 && rows.every((r) => r.length === c1 + 1)) return g;
  const cut = rows.slice(r0, r1 + 1).map((r) => Array.from({ length: c1 - c0 + 1 }, (_, k) => r[c0 + k] ?? null));
  return { name: g.name, rows: cut, top: (g.top ?? 0) + r0, left: (g.left ?? 0) + c0 };
}

export interface WpsRead {
  grid: WorkbookGrid;
  sheets: EtSheet[];
  state: StateRow[];
  stateSheet: EtSheet | null;
}

export function readBook(app: EtApp, file: string, withGrid = true): WpsRead {
  const wb = activeBook(app);
  const sheets = sheetsOf(wb);
  const { state, sheet: stateSheet } = readState(sheets);
  const grids: SheetGrid[] = [];
  for (const ws of withGrid ? sheets : []) {
    const name = ws.Name;
    if (notData(name)) continue;
    const used = ws.UsedRange;
    const rowCount = used.Rows.Count;
    if (rowCount > MAX_ROWS) {
      throw new WpsError('工作表超过 200,000 行，超出本加载项的处理范围。请删除多余的空行，或把数据拆分为几个工作簿后再校验。', 'A sheet has more than 200,000 rows.');
    }
    const top = used.Row - 1;
    const left = used.Column - 1;
    const rows: CellValue[][] = rowsOf(used).map((r) => r.map(fromExcel));
    const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
    for (const a of mergedAreas(ws, top, left, rows.length, cols)) {
      const v = rows[a.r0 - 1 - top]?.[a.c0 - 1 - left] ?? null;
      for (let r = a.r0; r <= a.r1; r++) {
        for (let c = a.c0; c <= a.c1; c++) {
          const row = rows[r - 1 - top];
          if (row && (row[c - 1 - left] === null || row[c - 1 - left] === undefined)) row[c - 1 - left] = v;
        }
      }
    }
    // the last run's result columns blanked first, so that the cut leaves them out as Office's read does
    const g: SheetGrid = { name, rows, top, left };
    blankRecorded(g, state);
    grids.push(valuesOnly(g));
  }
  return { grid: { file, sheets: grids }, sheets, state, stateSheet };
}
