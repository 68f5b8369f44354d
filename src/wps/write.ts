import { addressChunks, lookGroups } from '../host/marks';
import { a1, colLetter, colNumber, lastRunSheets, OutSheet, PALETTE, Plan, withFreeNames } from '../core';
import { asText, outCellValue } from '../office/cells';
import { mergeState, STATE_SHEET, stateValues, StateRow } from '../office/state';
import { bgr, CF_EDGES, isOurs, MARK_FORMULA, EtApp, EtBook, EtRange, EtSheet, XL_CONTINUOUS, XL_EXPRESSION, XL_NONE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE } from './et';
import { notData, SETTINGS_SHEET } from './read';

/**
 * Applying the core's Plan through the ET object model, and undoing the last run. The record is the one
 * Excel's add-in keeps (src/office/state.ts, sheet _证件清理_标记), so a workbook checked in WPS can be cleared
 * in Excel and the other way round:
 *   cf      our conditional formats on a sheet, found again by their formula (MARK_FORMULA)
 *   note    a comment (批注) of ours: WPS's comments are what Excel calls notes (注释)
 *   values  our result columns
 *   widths  the result columns' former widths, in points as Office records them (6 points a character here)
 *   fill    a cell's former fill (written by Excel's compatibility mode; WPS restores it)
 *   comment a threaded comment of Excel's: WPS has no API for those; kept for Excel to remove
 * Marks are conditional formats, never the clerk's own cell formats: 清除标记 deletes them whole, which gives
 * back every fill, border and font exactly, whatever theme colour or pattern the clerk had.
 */
const POINTS_PER_CHAR = 6;
const STANDARD_CHARS = 8.38;

interface Look {
  fill?: string;
  font?: string;
  bold?: boolean;
  border?: string;
}
/** the same looks as Excel's full mode (src/office/marks.ts CF_STYLES) and the .xlsx writer */
export const LOOKS: Record<string, Look> = {
  red: { fill: PALETTE.red.fill, font: PALETTE.red.font },
  yellow: { fill: PALETTE.yellow.fill, font: PALETTE.yellow.font },
  green: { fill: PALETTE.green.fill, font: PALETTE.green.font },
  finding: { border: PALETTE.finding.border },
  findingFill: { fill: PALETTE.finding.fill },
  header: { fill: PALETTE.header.fill, bold: true },
};

export { lookGroups };

/** VBA: Range("…") takes at most 255 characters: runs down a column, then addresses under that. */
export const addresses = (cells: { row: number; col: number }[], budget = 250): string[] => addressChunks(cells, budget);

/** One range of many addresses: Application.Union takes up to 30 ranges at a time (ET: Application.Union). */
function unionOf(app: EtApp, ranges: EtRange[]): EtRange {
  let acc = ranges[0];
  for (let i = 1; i < ranges.length; i += 29) {
    const next = ranges.slice(i, i + 29) as [EtRange, ...EtRange[]];
    acc = (app.Union as (...r: EtRange[]) => EtRange)(acc, ...next);
  }
  return acc;
}

function sheetNamed(sheets: EtSheet[], name: string): EtSheet | undefined {
  return sheets.find((s) => s.Name === name);
}

/** A sheet of ours deleted without asking the clerk (DisplayAlerts is off around every write). */
function deleteSheet(ws: EtSheet): void {
  // a very hidden sheet is made visible to WPS first (Office documents the same rule for Excel)
  if (ws.Visible === XL_SHEET_VERY_HIDDEN) ws.Visible = XL_SHEET_HIDDEN;
  ws.Delete();
}

export interface Undone {
  /** records this host could not act on, kept for another (Excel's threaded comments) */
  pending: StateRow[];
}

/** Our conditional formats on a sheet, found by formula (recorded or not), deleted from the last. */
function deleteOurConditions(ws: EtSheet): void {
  const fcs = ws.Cells.FormatConditions;
  for (let i = fcs.Count; i >= 1; i--) {
    const fc = fcs.Item(i) as Et.FormatCondition;
    let formula = '';
    try {
      formula = fc.Formula1;
    } catch {
      continue; // a colour scale or data bar has no formula
    }
    if (formula === MARK_FORMULA) fc.Delete();
  }
}

/** Undo the last run in this workbook: its marks, notes, values, widths and sheets (the state sheet is the caller's). */
export function undoLast(sheets: EtSheet[], state: StateRow[]): Undone & { sheets: EtSheet[] } {
  const pending: StateRow[] = [];
  const live = sheets.filter((s) => !notData(s.Name));
  for (const ws of live) deleteOurConditions(ws);
  for (const r of state) {
    const ws = sheetNamed(live, r[1]);
    if (!ws) continue;
    if (r[0] === 'note') {
      const c = ws.Range(r[2]).Comment;
      if (c && isOurs(c.Text())) c.Delete();
    } else if (r[0] === 'values') {
      ws.Range(r[2]).ClearContents();
    } else if (r[0] === 'widths') {
      const widths = JSON.parse(r[3] || '[]') as number[];
      widths.forEach((w, k) => {
        const col = colLetter(colNumber(r[2]) + k);
        ws.Range(`${col}:${col}`).ColumnWidth = w ? w / POINTS_PER_CHAR : STANDARD_CHARS;
      });
    } else if (r[0] === 'fill') {
      const interior = ws.Range(r[2]).Interior;
      // Office reports "no fill" as white
      if (!r[3] || r[3].toUpperCase() === '#FFFFFF') interior.ColorIndex = XL_NONE;
      else interior.Color = bgr(r[3]);
    } else if (r[0] === 'comment') {
      pending.push(r);
    }
  }
  // our sheets of the last run (the state sheet is the caller's)
  const recorded = state.flatMap((r) => (r[0] === 'sheet' ? [r[1]] : []));
  let left = sheets;
  for (const name of lastRunSheets(recorded, !!sheetNamed(sheets, STATE_SHEET))) {
    const ws = sheetNamed(left, name);
    if (!ws) continue;
    deleteSheet(ws);
    left = left.filter((s) => s !== ws);
  }
  return { pending, sheets: left };
}

/** The last of the clerk's sheets and ours (new sheets go after it; the state and settings stay at the end). */
function lastKept(sheets: EtSheet[]): EtSheet {
  const kept = sheets.filter((s) => s.Name !== STATE_SHEET && s.Name !== SETTINGS_SHEET);
  return kept[kept.length - 1] ?? sheets[sheets.length - 1];
}

/** A very hidden sheet of ours with these rows (texts), made or rewritten. */
export function writeHidden(wb: EtBook, sheets: EtSheet[], name: string, values: (string | number | boolean)[][]): EtSheet {
  let ws = sheetNamed(sheets, name);
  if (!ws) {
    ws = wb.Sheets.Add(undefined, sheets[sheets.length - 1]) as EtSheet;
    ws.Name = name;
  } else ws.UsedRange.ClearContents();
  if (values.length) ws.Range(`A1:${colLetter(values[0].length)}${values.length}`).Value2 = values as unknown as string;
  if (ws.Visible !== XL_SHEET_VERY_HIDDEN) ws.Visible = XL_SHEET_VERY_HIDDEN;
  return ws;
}

/** The record rewritten, or the state sheet deleted when nothing is left to record. */
export function writeState(wb: EtBook, sheets: EtSheet[], rows: StateRow[]): void {
  const ws = sheetNamed(sheets, STATE_SHEET);
  if (!rows.length) {
    if (ws) deleteSheet(ws);
    return;
  }
  writeHidden(wb, sheets, STATE_SHEET, stateValues(rows));
}

/** a cell of a sheet of ours: a link as a HYPERLINK formula, as src/office/sheets.ts writes it */
/** One of our sheets (校验结果, 汇总, the county's): values, a bold coloured header, widths, 汇总's merges. */
export function addOutSheet(wb: EtBook, after: EtSheet, s: OutSheet): EtSheet {
  const ws = wb.Sheets.Add(undefined, after) as EtSheet;
  ws.Name = s.name;
  const all = s.more ? [...s.rows, ...Array.from(s.more(), (r) => r.map((c) => ({ ...c })))] : s.rows;
  const width = Math.max(1, all.reduce((m, r) => Math.max(m, r.length), 0));
  const values = all.map((r) => Array.from({ length: width }, (_, k) => outCellValue(r[k])));
  if (values.length) ws.Range(`A1:${colLetter(width)}${values.length}`).Value2 = values as unknown as string;
  const header = ws.Range(`A${s.headerRow}:${colLetter(width)}${s.headerRow}`);
  header.Font.Bold = true;
  header.Interior.Color = bgr(PALETTE.header.fill);
  s.widths.forEach((w, k) => (ws.Range(`${colLetter(k + 1)}:${colLetter(k + 1)}`).ColumnWidth = w));
  // 汇总's title (ours may be named 汇总（校验） beside a clerk's 汇总)
  if (s.merges.length) {
    ws.Range('A1').Font.Bold = true;
    for (const m of s.merges) ws.Range(m).Merge();
  }
  return ws;
}

export interface Applied {
  records: StateRow[];
  marked: number;
  /** finding cells that already held the clerk's comment */
  refused: { sheet: string; cell: string }[];
  /** our sheets' names as written, in the plan's order */
  sheets: string[];
}

/** The result columns' records: the range of their values, and the widths before any run of ours. */
function columnRecords(sheets: EtSheet[], plan: Plan, previous: StateRow[]): StateRow[] {
  const records: StateRow[] = [];
  for (const b of plan.columns) {
    const ws = sheetNamed(sheets, b.sheet);
    if (!ws) continue;
    const last = b.rows.reduce((m, r) => Math.max(m, r.row), b.headerRow);
    records.push(['values', b.sheet, `${a1(b.headerRow, b.col)}:${a1(last, b.col + b.headers.length - 1)}`]);
    const first = colLetter(b.col);
    // the last run's record (undone or not), else what the sheet has now
    const earlier = previous.find((r) => r[0] === 'widths' && r[1] === b.sheet && r[2] === first);
    records.push(earlier ?? ['widths', b.sheet, first, JSON.stringify(b.headers.map((_, k) => {
      const L = colLetter(b.col + k);
      return Number(ws.Range(`${L}:${L}`).ColumnWidth) * POINTS_PER_CHAR;
    }))]);
  }
  return records;
}

/** The result columns' values (each string as text, never parsed as typed) and widths. */
function writeColumns(sheets: EtSheet[], plan: Plan): void {
  for (const b of plan.columns) {
    const ws = sheetNamed(sheets, b.sheet);
    if (!ws) continue;
    const last = b.rows.reduce((m, r) => Math.max(m, r.row), b.headerRow);
    const byRow = new Map(b.rows.map((r) => [r.row, r.values]));
    const values = Array.from({ length: last - b.headerRow + 1 }, (_, i) =>
      (i === 0 ? b.headers : byRow.get(b.headerRow + i) ?? b.headers.map(() => '')).map((v) => asText(v)));
    ws.Range(`${a1(b.headerRow, b.col)}:${a1(last, b.col + b.headers.length - 1)}`).Value2 = values as unknown as string;
    b.widths.forEach((w, k) => (ws.Range(`${colLetter(b.col + k)}:${colLetter(b.col + k)}`).ColumnWidth = w));
  }
}

/** One conditional format per sheet and look, on the union of its cells. */
function writeMarks(app: EtApp, sheets: EtSheet[], plan: Plan, records: StateRow[]): void {
  const marked = new Set<string>();
  for (const g of lookGroups(plan)) {
    const ws = sheetNamed(sheets, g.sheet);
    if (!ws) continue;
    marked.add(g.sheet);
    const range = unionOf(app, addresses(g.cells).map((a) => ws.Range(a)));
    const fc = range.FormatConditions.Add(XL_EXPRESSION, undefined, MARK_FORMULA) as Et.FormatCondition;
    const look = LOOKS[g.look];
    if (look.fill) fc.Interior.Color = bgr(look.fill);
    if (look.font) fc.Font.Color = bgr(look.font);
    if (look.bold) fc.Font.Bold = true;
    if (look.border) {
      for (const edge of CF_EDGES) {
        const border = fc.Borders.Item(edge);
        border.LineStyle = XL_CONTINUOUS;
        border.Color = bgr(look.border);
      }
    }
  }
  for (const sheet of marked) records.push(['cf', sheet]);
}

/** Each finding's message as a comment (批注) on its cell; the clerk's own comment is never replaced. */
function writeNotes(sheets: EtSheet[], plan: Plan, records: StateRow[], refused: Applied['refused']): void {
  for (const m of plan.marks) {
    if (!m.finding || !m.note) continue;
    const ws = sheetNamed(sheets, m.sheet);
    if (!ws) continue;
    const cell = a1(m.row, m.col);
    const range = ws.Range(cell);
    if (range.Comment) {
      refused.push({ sheet: m.sheet, cell });
      continue;
    }
    records.push(['note', m.sheet, cell]);
    range.AddComment(m.note);
  }
}

/**
 * The plan applied after the last run is undone. Our sheets first, then the record (written before what it
 * records, so that a run cut short can still be undone: undoing what was never done is harmless), then the
 * result columns, marks and notes, each recorded as it goes and the record rewritten at the end.
 */
export function applyPlan(app: EtApp, wb: EtBook, sheets: EtSheet[], plan: Plan, previous: StateRow[], pending: StateRow[]): Applied {
  let all = sheets;
  let after = lastKept(all);
  // our sheets beside the clerk's: a name one of the clerk's sheets has is left to it (汇总 → 汇总（校验）)
  const named = withFreeNames(plan.sheets, all.map((s) => s.Name));
  const ours = named.map((s): StateRow => ['sheet', s.name]);
  for (const s of named) {
    const ws = addOutSheet(wb, after, s);
    all = [...all.slice(0, all.indexOf(after) + 1), ws, ...all.slice(all.indexOf(after) + 1)];
    after = ws;
  }
  // what is about to happen is recorded first, so that a run cut short is still undone by the next
  const columns = columnRecords(all, plan, previous);
  const marked = [...new Set(lookGroups(plan).map((g) => g.sheet))].map((sheet): StateRow => ['cf', sheet]);
  const notes = plan.marks.filter((m) => m.finding && m.note).map((m): StateRow => ['note', m.sheet, a1(m.row, m.col)]);
  writeState(wb, all, mergeState(pending, [...ours, ...columns, ...marked, ...notes]));
  all = sheetsAfter(wb);
  const records: StateRow[] = [...ours, ...columns];
  const refused: Applied['refused'] = [];
  writeColumns(all, plan);
  writeMarks(app, all, plan, records);
  writeNotes(all, plan, records, refused);
  // the record as it is: the notes WPS took, not the cells that kept the clerk's comment
  writeState(wb, sheetsAfter(wb), mergeState(pending, records));
  return { records, marked: plan.marks.length, refused, sheets: ours.map((r) => r[1]) };
}

function sheetsAfter(wb: EtBook): EtSheet[] {
  const out: EtSheet[] = [];
  for (let i = 1; i <= wb.Sheets.Count; i++) out.push(wb.Sheets.Item(i) as EtSheet);
  return out;
}

/** Whether a sheet is visible to the clerk (for the tab to activate after 校验). */
export const isVisible = (ws: EtSheet) => ws.Visible === XL_SHEET_VISIBLE;
