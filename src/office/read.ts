import { OUTPUT_SHEETS } from '../core/reader';
import { colNumber } from '../core/a1';
import { CellValue, SheetGrid, WorkbookGrid } from '../core/types';
import { Capabilities } from './mode';
import { commentCells, STATE_SHEET } from './state';
import { ourConditionalFormats } from './write';

/**
 * Reads the clerk's sheets as plain grids in a few batched requests, whatever their size: the sheet
 * list; then every used range's size with its first rows; then the remaining rows in blocks sized from
 * the first rows' measured bytes, so no response passes Excel on the web's 5 MB limit.
 */
export interface ReadResult {
  grid: WorkbookGrid;
  /** rows of the state sheet a previous run left, if any */
  stateRows: string[][];
  /** our conditional formats still present, per sheet */
  liveConditionalFormats: Map<string, Set<string>>;
  /** the workbook's sheet names, in order */
  sheetNames: string[];
  /** cells holding a comment thread, with its id (ExcelApi 1.10–1.17, where comments carry the messages) */
  commentCells: Map<string, string>;
}

const FIRST_ROWS = 3000;
/** as the command line: beyond this a sheet is refused with a message, not read */
const MAX_ROWS = 200_000;
const enc = new TextEncoder();

function fromExcel(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(v)) return { error: v };
  return v as CellValue;
}

interface Pending {
  sheet: string;
  top: number;
  left: number;
  rows: CellValue[][];
  rowCount: number;
  columnCount: number;
  bytesPerRow: number;
}

/** Every cell of a merged block gets the block's value, as a clerk reads it (and as .xlsx readers see it). */
function fillMerged(p: Pending & { merged: string[] }): void {
  for (const address of p.merged) {
    const m = /([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.trim().replace(/\$/g, ''));
    if (!m) continue;
    const r0 = Number(m[2]) - 1 - p.top;
    const c0 = colNumber(m[1]) - 1 - p.left;
    const r1 = Number(m[4] ?? m[2]) - 1 - p.top;
    const c1 = colNumber(m[3] ?? m[1]) - 1 - p.left;
    const v = p.rows[r0]?.[c0] ?? null;
    for (let r = Math.max(0, r0); r <= r1 && r < p.rows.length; r++) {
      for (let c = Math.max(0, c0); c <= c1; c++) if (p.rows[r][c] === null || p.rows[r][c] === undefined) p.rows[r][c] = v;
    }
  }
}

export async function readWorkbook(ctx: Excel.RequestContext, caps: Capabilities, file: string): Promise<ReadResult> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  await ctx.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const inputs = sheetNames.filter((n) => !OUTPUT_SHEETS.includes(n));

  // the used ranges' sizes, the first rows of each, the last run's state, our conditional formats
  const used = inputs.map((name) => {
    const ws = sheets.getItem(name);
    const range = caps.nullObjects ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange();
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    const first = caps.mode === 'full' ? range.getIntersectionOrNullObject(`1:${FIRST_ROWS}`) : range;
    first.load('values,rowIndex,rowCount');
    const cfs = caps.mode === 'full' ? ws.getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula') : null;
    const merged = caps.mergedAreas ? range.getMergedAreasOrNullObject().load('address') : null;
    return { name, range, first, cfs, merged };
  });
  const state = sheetNames.includes(STATE_SHEET) ? sheets.getItem(STATE_SHEET).getUsedRange().load('values') : null;
  await ctx.sync();
  const comments = caps.comments ? await commentCells(ctx) : new Map<string, string>();

  const tooLong = used.find((u) => !u.range.isNullObject && u.range.rowCount > MAX_ROWS);
  if (tooLong) throw Object.assign(new Error(`sheet ${tooLong.name} has ${tooLong.range.rowCount} rows`), { code: 'SheetTooLarge' });
  const pending: (Pending & { merged: string[] })[] = [];
  const liveConditionalFormats = new Map<string, Set<string>>();
  for (const u of used) {
    if (u.cfs) liveConditionalFormats.set(u.name, ourConditionalFormats(u.cfs.items));
    if (u.range.isNullObject) {
      pending.push({ sheet: u.name, top: 0, left: 0, rows: [], rowCount: 0, columnCount: 0, bytesPerRow: 0, merged: [] });
      continue;
    }
    const rows = u.first.isNullObject ? [] : (u.first.values as unknown[][]).map((r) => r.map(fromExcel));
    const bytes = u.first.isNullObject ? 0 : enc.encode(JSON.stringify(u.first.values)).length;
    pending.push({
      sheet: u.name, top: u.range.rowIndex, left: u.range.columnIndex, rows, rowCount: u.range.rowCount,
      columnCount: u.range.columnCount, bytesPerRow: rows.length ? bytes / rows.length : 0,
      merged: u.merged && !u.merged.isNullObject ? u.merged.address.split(',') : [],
    });
  }

  // the rest, in blocks packed into as few requests as the response budget allows
  type Block = { p: Pending; start: number; count: number; range?: Excel.Range };
  const blocks: Block[] = [];
  for (const p of pending) {
    const perBlock = Math.max(500, Math.floor(caps.payloadBudget / Math.max(1, p.bytesPerRow * 1.25)));
    for (let start = p.rows.length; start < p.rowCount; start += perBlock) blocks.push({ p, start, count: Math.min(perBlock, p.rowCount - start) });
  }
  while (blocks.length) {
    let budget = caps.payloadBudget;
    const batch: Block[] = [];
    while (blocks.length && (batch.length === 0 || budget - blocks[0].count * blocks[0].p.bytesPerRow * 1.25 > 0)) {
      const b = blocks.shift()!;
      budget -= b.count * b.p.bytesPerRow * 1.25;
      b.range = sheets.getItem(b.p.sheet).getRangeByIndexes(b.p.top + b.start, b.p.left, b.count, b.p.columnCount).load('values');
      batch.push(b);
    }
    await ctx.sync();
    for (const b of batch) b.p.rows.push(...(b.range!.values as unknown[][]).map((r) => r.map(fromExcel)));
  }

  for (const p of pending) fillMerged(p);
  const grids: SheetGrid[] = pending.map((p) => ({ name: p.sheet, rows: p.rows, top: p.top, left: p.left }));
  return {
    grid: { file, sheets: grids },
    stateRows: state ? (state.values as unknown[][]).map((r) => r.map((v) => String(v ?? ''))) : [],
    liveConditionalFormats,
    sheetNames,
    commentCells: comments,
  };
}
