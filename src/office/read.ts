import { CellValue, colLetter, colNumber, isOutputSheet, SheetGrid, WorkbookGrid } from '../core';
import { fatal, Guarded, runGuarded } from './batch';
import { cellKey, fromExcel } from './cells';
import { Said } from './errors';
import { Capabilities } from './mode';
import { MARK_FORMULA, OUR_NOTE } from './marks';
import { parseState, STATE_SHEET, StateRow } from './state';

/**
 * Reading the open workbook in a few bounded requests, whatever its size:
 *   1. the sheet list (and the comment threads, ExcelApi 1.10);
 *   2. each sheet's used range, its first rows, and where each thread sits;
 *   3. the remaining rows in blocks sized from the bytes measured so far, split again if Excel on the
 *      web refuses a response over 5 MB;
 *   4. apart, and guarded, what may fail on its own: merged areas (more than 512 fail, typings), the
 *      clerk's conditional formats (office-js #6827, #6835), and the notes a previous run recorded.
 */
export interface Previous {
  state: StateRow[];
  /** the state sheet's visibility, or null when there is none */
  stateVisibility: string | null;
  /** per sheet, the positions of our conditional formats in its collection, read just before deleting */
  ourFormats: Map<string, number[]>;
  /** sheets whose conditional formats Excel could not read */
  unreadableFormats: string[];
  /** sheet!cell → id of every comment thread, and whether it is ours */
  threads: Map<string, { id: string; ours: boolean }>;
  /** sheet!cell of the recorded notes that still hold our text */
  ourNotes: Set<string>;
}

export interface ReadResult {
  grid: WorkbookGrid;
  sheetNames: string[];
  previous: Previous;
  /** per sheet, the column widths from column A to three past the used range (ExcelApi 1.2) */
  widths: Map<string, number[]>;
  notices: Said[];
}

const FIRST_ROWS = 500;
/** result columns sit just right of the table: widths are read this far at most */
const MAX_WIDTH_COLUMNS = 256;
/** as the command line: beyond this a sheet is refused with a message, not read */
const MAX_ROWS = 200_000;
const enc = new TextEncoder();
/** our messages begin with the rule's id: "[D05] …" */
export const isOurs = (text: unknown) => typeof text === 'string' && OUR_NOTE.test(text);

interface Pending {
  sheet: string;
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
  rows: CellValue[][];
  bytesPerRow: number;
  merged: string[];
}

const tooLarge = (e: unknown) => (e as { code?: string })?.code === 'ResponsePayloadSizeLimitExceeded';

/** Every cell of a merged block gets the block's value, as a clerk reads it (and as .xlsx readers see it). */
function fillMerged(p: Pending): void {
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

type Block = { p: Pending; start: number; count: number };

/** Excel on the web refuses a response over 5 MB; a refused request is split, so reads may go near it. */
const RESPONSE_BUDGET = 4_700_000;
const perRow = (p: Pending) => Math.max(1, p.bytesPerRow || p.columnCount * 48) * 1.05;

/**
 * The rows not read yet, in requests under the response budget; a refused request is split and read
 * again. The guarded tasks ride on the last request; if it fails for them, they run apart.
 */
async function readBlocks(ctx: Excel.RequestContext, pending: Pending[], riders: Guarded[]): Promise<void> {
  const blocks: Block[] = [];
  for (const p of pending) {
    const per = Math.max(50, Math.floor(RESPONSE_BUDGET / perRow(p)));
    for (let start = p.rows.length; start < p.rowCount; start += per) blocks.push({ p, start, count: Math.min(per, p.rowCount - start) });
  }
  const sheets = ctx.workbook.worksheets;
  let waiting = riders;
  while (blocks.length || waiting.length) {
    const batch: Block[] = [];
    let budget = RESPONSE_BUDGET;
    while (blocks.length && (!batch.length || budget - blocks[0].count * perRow(blocks[0].p) > 0)) {
      budget -= blocks[0].count * perRow(blocks[0].p);
      batch.push(blocks.shift()!);
    }
    const riding = blocks.length ? [] : waiting;
    const ranges = batch.map(({ p, start, count }) =>
      sheets.getItem(p.sheet).getRange(`${colLetter(p.left + 1)}${p.top + start + 1}:${colLetter(p.left + p.columnCount)}${p.top + start + count}`).load('values'));
    riding.forEach((t) => t.queue());
    try {
      await ctx.sync();
    } catch (e) {
      if (fatal(e)) throw e;
      if (tooLarge(e) && batch.some((b) => b.count > 1)) {
        // more bytes than measured: ask again for half as much at a time
        for (const b of batch) b.p.bytesPerRow = Math.max(1, b.p.bytesPerRow || b.p.columnCount * 48) * 2;
        blocks.unshift(...batch.flatMap((b) => (b.count === 1 ? [b] : [{ ...b, count: Math.ceil(b.count / 2) }, { ...b, start: b.start + Math.ceil(b.count / 2), count: Math.floor(b.count / 2) }])));
        continue;
      }
      if (!riding.length) throw e;
      // the guarded tasks (or their bytes) were the trouble: they run apart, the rows are read again alone
      blocks.unshift(...batch);
      waiting = [];
      await runGuarded(ctx, riding, true);
      continue;
    }
    batch.forEach((b, i) => (ranges[i].values as unknown[][]).forEach((r, k) => (b.p.rows[b.start + k] = r.map(fromExcel))));
    riding.forEach((t) => t.done());
    if (riding.length) waiting = [];
  }
}
/** Queues each thread's location; after the sync, the returned function records them. @excelapi 1.10 */
function locateThreads(ctx: Excel.RequestContext, comments: Excel.CommentCollection): (into: Map<string, { id: string; ours: boolean }>) => void {
  const places = comments.items.map((c) => ({ id: c.id, ours: isOurs(c.content), where: ctx.workbook.comments.getItem(c.id).getLocation().load('address') }));
  return (into) => places.forEach((p) => into.set(cellKey(p.where.address), { id: p.id, ours: p.ours }));
}

export async function readWorkbook(ctx: Excel.RequestContext, caps: Capabilities, file: string, withGrid = true): Promise<ReadResult> {
  const sheets = ctx.workbook.worksheets;
  const notices: Said[] = [];
  // 1. the sheets, and the comment threads
  sheets.load('items/name,items/visibility');
  const comments = caps.comments ? ctx.workbook.comments.load('items/id,items/content') : null;
  await ctx.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const stateVisibility = sheets.items.find((s) => s.name === STATE_SHEET)?.visibility ?? null;
  const names = withGrid ? sheetNames.filter((n) => !isOutputSheet(n)) : [];

  // 2. the used ranges with their first rows, the state, and where each thread is; less, if that is too much
  const usedOf = (name: string) => {
    const ws = sheets.getItem(name);
    if (caps.nullObjects) return ws.getUsedRangeOrNullObject(true);
    return caps.sheetFormat ? ws.getUsedRange(true) : ws.getUsedRange();
  };
  const threads = new Map<string, { id: string; ours: boolean }>();
  let used: { name: string; range: Excel.Range; first: Excel.Range | null }[] = [];
  let stateRange: Excel.Range | null = null;
  for (const extra of [{ first: true, state: true }, { first: false, state: true }, { first: false, state: false }]) {
    used = names.map((name) => {
      const range = usedOf(name).load('rowIndex,columnIndex,rowCount,columnCount');
      const first = extra.first && caps.nullObjects ? range.getIntersectionOrNullObject(`1:${FIRST_ROWS}`).load('values') : null;
      return { name, range, first };
    });
    const whole = stateVisibility !== null && extra.state;
    stateRange = stateVisibility === null ? null : sheets.getItem(STATE_SHEET).getUsedRange();
    if (stateRange && whole) stateRange.load('values,rowIndex,columnIndex,rowCount,columnCount');
    else if (stateRange) stateRange.load('rowIndex,columnIndex,rowCount,columnCount');
    const located = caps.comments && comments ? locateThreads(ctx, comments) : () => undefined;
    try {
      await ctx.sync();
    } catch (e) {
      if (tooLarge(e) && extra.state) continue;
      throw e;
    }
    located(threads);
    if (stateRange && !whole) used.push({ name: STATE_SHEET, range: stateRange, first: null });
    break;
  }
  const tooLong = used.find((u) => !u.range.isNullObject && u.range.rowCount > MAX_ROWS);
  if (tooLong) throw Object.assign(new Error(`sheet ${tooLong.name} has ${tooLong.range.rowCount} rows`), { code: 'SheetTooLarge' });
  const pending: Pending[] = used.map((u) => {
    if (u.range.isNullObject) return { sheet: u.name, top: 0, left: 0, rowCount: 0, columnCount: 0, rows: [], bytesPerRow: 0, merged: [] };
    // the used range's rows within "1:500", from its own top
    const first = u.first && !u.first.isNullObject ? (u.first.values as unknown[][]) : [];
    const bytes = first.length ? enc.encode(JSON.stringify(first)).length / first.length : 0;
    return { sheet: u.name, top: u.range.rowIndex, left: u.range.columnIndex, rowCount: u.range.rowCount, columnCount: u.range.columnCount, rows: first.map((r) => r.map(fromExcel)), bytesPerRow: bytes, merged: [] };
  });
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const stateNow = stateRange && !used.some((u) => u.name === STATE_SHEET) ? (stateRange.values as unknown[][]) : null;
  let state = stateNow ? parseState(stateNow.map((r) => r.map(text))) : [];
  // the last run's result columns, at the right of a sheet, are not read: the check must not see them
  for (const p of pending) {
    for (const r of state) {
      const m = r[0] === 'values' && r[1] === p.sheet ? /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(r[2]) : null;
      if (!m || colNumber(m[2]) < p.left + p.columnCount || colNumber(m[1]) <= p.left + 1) continue;
      p.columnCount = Math.min(p.columnCount, colNumber(m[1]) - 1 - p.left);
      p.rows = p.rows.map((row) => row.slice(0, p.columnCount));
      p.bytesPerRow = p.rows.length ? enc.encode(JSON.stringify(p.rows)).length / p.rows.length : 0;
    }
  }

  // 3. the remaining rows, with the guarded reads on the last request (or after them, if the state comes with them)
  const grids = pending.filter((p) => p.sheet !== STATE_SHEET);
  const ourFormats = new Map<string, number[]>();
  const unreadableFormats: string[] = [];
  const ourNotes = new Set<string>();
  const widths = new Map<string, number[]>();
  const guarded = (): Guarded[] => {
    const tasks: Guarded[] = [];
    if (caps.mergedAreas) {
      for (const p of grids) {
        if (!p.rowCount) continue;
        let areas: Excel.RangeAreas | undefined;
        tasks.push({
          queue: () => void (areas = usedOf(p.sheet).getMergedAreasOrNullObject().load('address')),
          done: () => void (p.merged = areas && !areas.isNullObject ? areas.address.split(',') : []),
          failed: () => notices.push({
            zh: `工作表「${p.sheet}」的合并单元格超过 512 个，Excel 无法一次读出，已按未合并读取：合并块中除左上角外的单元格按空白处理，“必填项为空”一类的问题可能有误报。`,
            en: `Sheet "${p.sheet}" has more than 512 merged areas, which Excel cannot return at once; it was read unmerged, so blank-cell findings inside merged blocks may be false.`,
          }),
        });
      }
    }
    if (caps.conditionalFormats) {
      for (const name of sheetNames.filter((n) => n !== STATE_SHEET)) {
        let cfs: Excel.ConditionalFormatCollection | undefined;
        tasks.push({
          queue: () => void (cfs = sheets.getItem(name).getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula')),
          done: () => {
            const mine = cfs!.items.flatMap((c, i) => (c.customOrNullObject && !c.customOrNullObject.isNullObject && c.customOrNullObject.rule.formula === MARK_FORMULA ? [i] : []));
            if (mine.length) ourFormats.set(name, mine);
          },
          failed: () => unreadableFormats.push(name),
        });
      }
    }
    const recorded = state.filter((r): r is ['note', string, string] => r[0] === 'note' && sheetNames.includes(r[1]));
    if (caps.notes && recorded.length) {
      let probes: { key: string; note: Excel.Note }[] = [];
      tasks.push({
        queue: () => void (probes = recorded.map((r) => ({ key: `${r[1]}!${r[2]}`, note: sheets.getItem(r[1]).notes.getItemOrNullObject(r[2]).load('content') }))),
        done: () => probes.forEach((p) => !p.note.isNullObject && isOurs(p.note.content) && ourNotes.add(p.key)),
        failed: () => undefined, // they stay recorded for the next run
      });
    }
    if (caps.sheetFormat) {
      let formats: { name: string; f: Excel.RangeFormat[] }[] = [];
      tasks.push({
        queue: () => void (formats = grids.map((p) => ({
          name: p.sheet,
          f: Array.from({ length: Math.min(p.left + p.columnCount + 3, MAX_WIDTH_COLUMNS) }, (_, c) => sheets.getItem(p.sheet).getRange(`${colLetter(c + 1)}:${colLetter(c + 1)}`).format.load('columnWidth')),
        }))),
        done: () => formats.forEach((x) => widths.set(x.name, x.f.map((f) => f.columnWidth))),
        failed: () => undefined,
      });
    }
    return tasks;
  };
  if (stateNow || stateVisibility === null) {
    await readBlocks(ctx, pending, guarded());
  } else {
    await readBlocks(ctx, pending, []);
    const rows = pending.find((p) => p.sheet === STATE_SHEET)?.rows ?? [];
    state = parseState(rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? v.error : text(v)))));
    await runGuarded(ctx, guarded());
  }

  for (const p of grids) fillMerged(p);
  if (unreadableFormats.length) {
    notices.push({
      zh: `工作表「${unreadableFormats.join('」「')}」的条件格式 Excel 无法读取（Excel 的已知问题），上次校验留下的颜色标记若还在，请在“开始 → 条件格式 → 管理规则”中删除公式为 ${MARK_FORMULA} 的规则。`,
      en: `Excel could not read the conditional formats of "${unreadableFormats.join('", "')}" (a known Excel issue). If the last check's colours remain, delete the rules with the formula ${MARK_FORMULA} under Home → Conditional Formatting → Manage Rules.`,
    });
  }
  const sheetGrids: SheetGrid[] = grids.map((p) => ({ name: p.sheet, rows: p.rows, top: p.top, left: p.left }));
  return {
    grid: { file, sheets: sheetGrids },
    sheetNames,
    previous: { state, stateVisibility, ourFormats, unreadableFormats, threads, ourNotes },
    widths,
    notices,
  };
}
