import ExcelJS from 'exceljs';
import { a1, colLetter } from '../core/a1';

/**
 * What a run changed in the clerk's sheets, kept in a very hidden sheet so that clearing the marks
 * (or the next check) restores every cell's own style and note exactly. Styles are stored once each and
 * cells as runs down a column, so a 50,000-row sheet needs a handful of rows, none near Excel's
 * 32,767-character cell limit.
 */
export const STATE_SHEET = '_证件清理_标记';

type Saved = { row: number; style: number; note: string | null };

export class StateWriter {
  private styles = new Map<string, number>();
  private byObject = new WeakMap<object, number>();
  private byColumn = new Map<string, Saved[]>();
  private columns: [string, string, string, string][] = [];

  /** Remember a cell's style and note before it is changed. */
  save(ws: ExcelJS.Worksheet, row: number, col: number): void {
    const cell = cellAt(ws, row, col);
    const style = cell.style ?? {};
    let id = this.byObject.get(style);
    if (id === undefined) {
      // exceljs shares one style object among cells of one style: serialise each object once
      const json = JSON.stringify(style);
      id = this.styles.get(json);
      if (id === undefined) this.styles.set(json, (id = this.styles.size));
      this.byObject.set(style, id);
    }
    const key = `${ws.name}\u0000${col}`;
    const list = this.byColumn.get(key) ?? [];
    if (!this.byColumn.has(key)) this.byColumn.set(key, list);
    list.push({ row, style: id, note: cell.note ? JSON.stringify(cell.note) : null });
  }

  /** Cells whose values the run wrote (they were empty): cleared on restore. */
  written(ws: ExcelJS.Worksheet, col: number, first: number, last: number, width: number): void {
    const widths = Array.from({ length: width }, (_, k) => ws.getColumn(col + k).width ?? null);
    this.columns.push(['values', ws.name, `${a1(first, col)}:${a1(last, col + width - 1)}`, JSON.stringify(widths)]);
  }

  rows(): (string | number | null)[][] {
    const out: (string | number | null)[][] = [];
    for (const [json, id] of this.styles) out.push(['style', id, json]);
    for (const [key, list] of this.byColumn) {
      const [sheet, colText] = key.split('\u0000');
      const col = colLetter(Number(colText));
      list.sort((a, b) => a.row - b.row);
      for (let i = 0; i < list.length; ) {
        let j = i;
        // a run: consecutive rows, one style, no notes
        while (j + 1 < list.length && list[i].note === null && list[j + 1].note === null && list[j + 1].row === list[j].row + 1 && list[j + 1].style === list[i].style) j++;
        out.push(['cells', sheet, i === j ? `${col}${list[i].row}` : `${col}${list[i].row}:${col}${list[j].row}`, list[i].style, list[i].note]);
        i = j + 1;
      }
    }
    for (const c of this.columns) out.push(c);
    return out;
  }
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (c: ExcelJS.Cell) => void): void {
  const [from, to = from] = range.split(':');
  const a = ws.getCell(from);
  const b = ws.getCell(to);
  for (let r = Number(a.row); r <= Number(b.row); r++) for (let c = Number(a.col); c <= Number(b.col); c++) fn(cellAt(ws, r, c));
}

/** Undo what the state sheet records; returns how many cells got their own style back. */
export function restoreState(wb: ExcelJS.Workbook): number {
  const state = wb.getWorksheet(STATE_SHEET);
  if (!state) return 0;
  const styles = new Map<number, Partial<ExcelJS.Style>>();
  let restored = 0;
  const rows: ExcelJS.CellValue[][] = [];
  state.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  for (const [kind, a, b] of rows) if (kind === 'style') styles.set(Number(a), JSON.parse(String(b)));
  for (const [kind, sheet, range, extra] of rows) {
    const ws = wb.getWorksheet(String(sheet));
    if (!ws || kind !== 'values') continue;
    eachCell(ws, String(range), (c) => (c.value = null));
    const widths = JSON.parse(String(extra)) as (number | null)[];
    const first = ws.getCell(String(range).split(':')[0]).col;
    widths.forEach((w, k) => (ws.getColumn(Number(first) + k).width = w ?? (undefined as unknown as number)));
  }
  for (const [kind, sheet, range, styleId, note] of rows) {
    const ws = wb.getWorksheet(String(sheet));
    if (!ws || kind !== 'cells') continue;
    const style = styles.get(Number(styleId)) ?? {};
    eachCell(ws, String(range), (c) => {
      c.style = style;
      if (note) c.note = JSON.parse(String(note));
      else (c as unknown as { _comment?: unknown })._comment = undefined;
      restored++;
    });
  }
  return restored;
}

/** A cell by number, without exceljs's address parsing (a hot path on large sheets). */
export function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getRow(row).getCell(col);
}
