import { a1, colLetter, sheetRef } from './a1';
import { isoFromDay } from './dates';
import { CheckResult, PersonVerdict } from './engine';
import { Table } from './reader';
import { Finding } from './rule';
import { SUMMARY_COLUMNS, SummaryRow, totalOf } from './summary';
import { groupBy } from './group';
import { fitCell } from './text';
import { Colour, Verdict, WorkbookGrid } from './types';

/**
 * The host-neutral plan of what to write: the Office.js adapter and the .xlsx adapter both apply it,
 * so both hosts produce the same marks and sheets. Nothing here touches a clerk's value.
 */
export type Style = 'title' | 'subtitle' | 'header' | 'cell' | 'number' | 'total' | 'red' | 'yellow' | 'green' | 'link' | 'wrap';

/** Palette: Excel's own Bad/Neutral/Good pairs for certificates; a purple border for a cell with a finding. */
export const PALETTE = {
  red: { fill: 'FFC7CE', font: '9C0006' },
  yellow: { fill: 'FFEB9C', font: '9C5700' },
  green: { fill: 'C6EFCE', font: '006100' },
  finding: { fill: 'E4DFEC', border: '7030A0' },
  header: { fill: 'D9E1F2' },
  /** Excel's standard Red, Gold and Green: bars a clerk reads as 红/黄/绿 at a glance */
  chart: { red: 'FF0000', yellow: 'FFC000', green: '00B050' },
} as const;

export interface CellMark {
  sheet: string;
  row: number;
  col: number;
  /** certificate colour (fill + font) */
  verdict?: Colour;
  /** a finding on this cell (border, and fill where no verdict colour) */
  finding: boolean;
  note: string;
}

export interface OutCell {
  v: string | number | null;
  style?: Style;
  /** sheet-qualified target for an in-workbook link */
  link?: string;
}

export interface OutSheet {
  name: string;
  rows: OutCell[][];
  /**
   * Rows after `rows`, made when a writer asks for them (the county's 明细: a row a person, straight from the
   * verdicts, so hundreds of thousands of rows never sit in memory as cells); `moreCount` of them. A row is
   * the writer's until it asks for the next one, which may refill it: copy rows to keep them.
   */
  more?: () => Iterable<OutCell[]>;
  moreCount?: number;
  /** 0-based columns whose texts repeat down the sheet (unit, file, 执法主体…): a writer may store each text once */
  repeated?: number[];
  widths: number[];
  merges: string[];
  freezeRows: number;
  /** 1-based row of the table header (for autofilter and print titles) */
  headerRow: number;
  landscape: boolean;
  printArea?: string;
  /** a chart of 红/黄/绿 by row: categories and series ranges on this sheet */
  chart?: { title: string; categories: string; series: { name: string; range: string; colour: string }[]; anchor: string };
}

export interface ColumnBlock {
  sheet: string;
  headerRow: number;
  col: number;
  headers: string[];
  /** each column's width, in characters */
  widths: number[];
  rows: { row: number; values: string[]; verdict?: Verdict }[];
}

export interface Plan {
  marks: CellMark[];
  columns: ColumnBlock[];
  sheets: OutSheet[];
}

export const VERDICT_ZH: Record<Verdict, string> = { red: '红', yellow: '黄', green: '绿', none: '无证' };
export const LEVEL_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
export const RESULT_HEADERS = ['清理结论', '问题说明', '处理建议'];
const RESULT_WIDTHS = [10, 48, 30];
export const FINDINGS_SHEET = '校验结果';
export const SUMMARY_SHEET = '汇总';

/** A cell of a sheet we write: text within Excel's limit. */
const c = (v: string | number | null, style?: Style, link?: string): OutCell => ({ v: typeof v === 'string' ? fitCell(v) : v, style, link });

/** Where the three result columns go: right of the table, past anything the clerk wrote there. */
function resultColumn(grid: WorkbookGrid, t: Table): number {
  const sheet = grid.sheets.find((s) => s.name === t.sheet);
  if (!sheet) return t.lastCol + 1;
  const left = sheet.left ?? 0;
  const top = sheet.top ?? 0;
  const isFree = (col: number) => {
    for (let r = Math.max(0, t.headerRows[0] - 1 - top); r < sheet.rows.length; r++) {
      const v = sheet.rows[r]?.[col - 1 - left];
      if (!(v === null || v === undefined || v === '' || (typeof v === 'string' && RESULT_HEADERS.includes(v)))) return false;
    }
    return true;
  };
  let col = t.lastCol + 1;
  while (![col, col + 1, col + 2].every(isFree)) col++;
  return col;
}

const NO_FINDINGS = Object.fromEntries((Object.keys(VERDICT_ZH) as Verdict[]).map((v) => [v, Object.freeze([VERDICT_ZH[v], '', ''])])) as Record<Verdict, string[]>;

/** The last row with one finding and its (frozen) values: rows saying the same thing share them. */
let lastOne: { colour: Verdict; rule: string; message: string; action: string; values: string[] } | undefined;

/** A row's 清理结论 / 问题说明 / 处理建议, from its findings list[from..to). */
function resultRow(r: { row: number; colour: Verdict }, list: Finding[], from: number, to: number): ColumnBlock['rows'][number] {
  // a row without findings shares its colour's (frozen) values
  if (from === to) return { row: r.row, verdict: r.colour, values: NO_FINDINGS[r.colour] };
  if (to - from === 1) {
    const f = list[from];
    const l = lastOne;
    if (l && l.colour === r.colour && l.rule === f.rule && l.message === f.message && l.action === f.action) return { row: r.row, verdict: r.colour, values: l.values };
    const values = Object.freeze([VERDICT_ZH[r.colour], fitCell(f.rule + ' ' + f.message), fitCell(f.action)]) as string[];
    lastOne = { colour: r.colour, rule: f.rule, message: f.message, action: f.action, values };
    return { row: r.row, verdict: r.colour, values };
  }
  let reasons = '';
  let actions = '';
  // each finding's "rule message" on its own line; each action once, in order
  const seen: string[] = [];
  for (let i = from; i < to; i++) {
    const f = list[i];
    reasons += (i > from ? '\n' : '') + f.rule + ' ' + f.message;
    if (!seen.includes(f.action)) {
      actions += (seen.length ? '；' : '') + f.action;
      seen.push(f.action);
    }
  }
  return { row: r.row, verdict: r.colour, values: [VERDICT_ZH[r.colour], fitCell(reasons), fitCell(actions)] };
}

const inRowOrder = (rows: { row: number }[]) => rows.every((r, i) => i === 0 || rows[i - 1].row <= r.row);

/**
 * The result columns of a table. Its rows and the sheet's findings are both in row order (as checkWorkbook makes
 * them): one walk pairs them. Rows in another order are grouped by a map instead.
 */
function verdictBlock(grid: WorkbookGrid, t: Table, rows: { row: number; colour: Verdict; elsewhere?: Finding[] }[], onSheet: Finding[]): ColumnBlock {
  const out = new Array<ColumnBlock['rows'][number]>(rows.length);
  if (inRowOrder(rows) && inRowOrder(onSheet)) {
    let j = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i].row;
      while (j < onSheet.length && onSheet[j].row < row) j++;
      let k = j;
      while (k < onSheet.length && onSheet[k].row === row) k++;
      const more = rows[i].elsewhere;
      out[i] = more ? resultRow(rows[i], [...onSheet.slice(j, k), ...more], 0, k - j + more.length) : resultRow(rows[i], onSheet, j, k);
      j = k;
    }
  } else {
    const byRow = groupBy(onSheet, (f) => f.row);
    for (let i = 0; i < rows.length; i++) {
      const list = [...(byRow.get(rows[i].row) ?? []), ...(rows[i].elsewhere ?? [])];
      out[i] = resultRow(rows[i], list, 0, list.length);
    }
  }
  return { sheet: t.sheet, headerRow: t.headerRows[t.headerRows.length - 1], col: resultColumn(grid, t), headers: RESULT_HEADERS, widths: RESULT_WIDTHS, rows: out };
}

export interface PlanOptions {
  generatedAt: string;
  /** the 汇总 rows (one per 执法主体 for a unit, per unit for the county) */
  summary: SummaryRow[];
  summaryBy: 'agency' | 'unit';
}

/**
 * One finding's row of 校验结果 (built without spreads: a sheet has a row per finding); `file` and `message`, when
 * given, stand for the finding's own (the county's: the file's name, the ID numbers masked) without a copy of it.
 */
function findingRow(f: Finding & { file?: string }, i: number, withFile: boolean, same: SharedCells, file = f.file, message = f.message): OutCell[] {
  // one literal each (an array grown by push would be copied as it grows)
  return withFile
    ? [c(i + 1, 'number'), same.get(f.rule, 'cell'), same.get(LEVEL_ZH[f.level], f.colour ?? 'cell'), same.get(file ?? '', 'cell'),
      same.get(f.sheet, 'cell'), c(f.cell, 'cell'), c(f.name, 'cell'), same.message(message), same.get(f.action, 'wrap')]
    : [c(i + 1, 'number'), same.get(f.rule, 'cell'), same.get(LEVEL_ZH[f.level], f.colour ?? 'cell'), same.get(f.sheet, 'cell'),
      c(f.cell, 'link', same.ref(f.sheet, f.row, f.col)), c(f.name, 'cell'), same.message(f.message), same.get(f.action, 'wrap')];
}

/**
 * The cells 校验结果 repeats on every row (rule, level, sheet, file, action): one frozen cell per value and style,
 * shared by the rows (a sheet of 16,000 findings would otherwise hold 64,000 copies of a few dozen cells).
 */
class SharedCells {
  private readonly byStyle = new Map<Style, Map<string, OutCell>>();

  private readonly quoted = new Map<string, string>();
  private lastMessage: OutCell | undefined;

  /** a message's cell: the previous row's when the message is the same string */
  message(m: string): OutCell {
    if (this.lastMessage?.v !== fitCell(m)) this.lastMessage = Object.freeze(c(m, 'wrap'));
    return this.lastMessage;
  }

  /** sheetRef, the sheet's quoted name made once */
  ref(sheet: string, row: number, col: number): string {
    let q = this.quoted.get(sheet);
    if (q === undefined) this.quoted.set(sheet, (q = sheetRef(sheet, 1, 1).slice(0, -2)));
    return q + a1(row, col);
  }

  get(v: string, style: Style): OutCell {
    let m = this.byStyle.get(style);
    if (!m) this.byStyle.set(style, (m = new Map()));
    let cell = m.get(v);
    if (!cell) m.set(v, (cell = Object.freeze(c(v, style))));
    return cell;
  }
}

export function findingsSheet(findings: (Finding & { file?: string })[], withFile: boolean): OutSheet {
  const headers = ['序号', '规则', '级别', ...(withFile ? ['文件'] : []), '工作表', '单元格', '姓名', '说明', '处理建议'];
  const rows: OutCell[][] = [headers.map((h) => c(h, 'header'))];
  const same = new SharedCells();
  for (let i = 0; i < findings.length; i++) rows.push(findingRow(findings[i], i, withFile, same));
  return {
    name: FINDINGS_SHEET, rows, merges: [], freezeRows: 1, headerRow: 1, landscape: true,
    widths: [6, 7, 7, ...(withFile ? [24] : []), 12, 9, 10, 60, 36],
  };
}

/**
 * 校验结果's rows with the file column for some findings, numbered from n + 1, each finding's file and message as
 * `fileOf` and `messageOf` give them (the county's sheet, made a file at a time as the units arrive).
 */
export function fileFindingRows(findings: (Finding & { file?: string })[], n: number, fileOf: (f: Finding & { file?: string }) => string, messageOf: (m: string) => string): OutCell[][] {
  const same = new SharedCells();
  const rows = new Array<OutCell[]>(findings.length);
  for (let i = 0; i < findings.length; i++) rows[i] = findingRow(findings[i], n + i, true, same, fileOf(findings[i]), messageOf(findings[i].message));
  return rows;
}

/** The 汇总's line saying how the workbook shows ID numbers. */
export const ID_NUMBERS_ZH = { masked: '身份证号码：已脱敏（仅显示前 6 位和后 4 位）', full: '身份证号码：完整显示（按用户要求）' } as const;

/** meta.ids: how the workbook shows ID numbers, for a workbook that carries them (the county's); a line above the table. */
export function summarySheet(meta: { unit: string; checkDate: string; profile: string; generatedAt: string; ids?: 'masked' | 'full' }, rows: SummaryRow[], by: 'agency' | 'unit'): OutSheet {
  const head = ['单位', ...(by === 'agency' ? ['执法主体'] : []), ...SUMMARY_COLUMNS.map((s) => s.title.zh)];
  const width = head.length;
  const last = colLetter(width);
  const out: OutCell[][] = [
    [c('行政执法证件专项清理工作摸排统计汇总表', 'title')],
    [c(`填报单位：${meta.unit}`, 'subtitle')],
    [c(`核查日期：${meta.checkDate}　　规则配置：${meta.profile}　　生成时间：${meta.generatedAt}`, 'subtitle')],
    ...(meta.ids ? [[c(ID_NUMBERS_ZH[meta.ids], 'subtitle')]] : []),
    head.map((h) => c(h, 'header')),
  ];
  const headerRow = out.length;
  const all = [...rows, totalOf(rows)];
  all.forEach((r, i) => {
    const total = i === all.length - 1;
    out.push([
      c(total ? '合计' : r.unit, total ? 'total' : 'cell'),
      ...(by === 'agency' ? [c(total ? '' : r.agency ?? '', total ? 'total' : 'cell')] : []),
      ...SUMMARY_COLUMNS.map((s) => c(r[s.key], total ? 'total' : 'number')),
    ]);
  });
  const lastData = out.length;
  out.push([]);
  out.push([c('填表人：　　　　　　审核人：　　　　　　联系电话：　　　　　　（单位盖章）', 'subtitle')]);
  const colOf = (key: string) => colLetter(head.indexOf(key) + 1);
  const firstData = headerRow + 1;
  const dataEnd = lastData - 1; // the chart leaves out the 合计 row
  const cat = by === 'agency' ? 'B' : 'A';
  return {
    name: SUMMARY_SHEET,
    rows: out,
    widths: head.map((h, i) => (i === 0 ? 22 : by === 'agency' && i === 1 ? 26 : Math.max(6, h.length * 2 + 2))),
    merges: [...Array.from({ length: headerRow - 1 }, (_, i) => `A${i + 1}:${last}${i + 1}`), `A${out.length}:${last}${out.length}`],
    freezeRows: headerRow,
    headerRow,
    landscape: true,
    printArea: `A1:${last}${out.length}`,
    chart: dataEnd >= firstData ? {
      title: '红黄绿分布',
      categories: `${cat}${firstData}:${cat}${dataEnd}`,
      series: (['红', '黄', '绿'] as const).map((k, i) => ({
        name: k, range: `${colOf(k)}${firstData}:${colOf(k)}${dataEnd}`,
        colour: [PALETTE.chart.red, PALETTE.chart.yellow, PALETTE.chart.green][i],
      })),
      anchor: `A${out.length + 2}`,
    } : undefined,
  };
}

/**
 * The cells to mark, listed sheet by sheet in the order they are first marked. Cells with findings are keyed by
 * sheet, then by a number made of row and column (no string built per cell); a person's verdict cell is looked up
 * among them, and otherwise listed without a key: no other mark can fall on it (one person per row).
 */
class Marks {
  private readonly sheets = new Map<string, { at: Map<number, CellMark>; list: CellMark[] }>();
  private last: { name: string; marks: { at: Map<number, CellMark>; list: CellMark[] } } | undefined;

  private of(sheet: string): { at: Map<number, CellMark>; list: CellMark[] } {
    if (this.last?.name === sheet) return this.last.marks;
    let bySheet = this.sheets.get(sheet);
    if (!bySheet) this.sheets.set(sheet, (bySheet = { at: new Map(), list: [] }));
    this.last = { name: sheet, marks: bySheet };
    return bySheet;
  }

  at(sheet: string, row: number, col: number): CellMark {
    const bySheet = this.of(sheet);
    const key = row * 20000 + col;
    let m = bySheet.at.get(key);
    if (!m) {
      // made whole, verdict included (undefined until a verdict falls on the cell): a property added later would
      // cost each such mark a second allocation
      m = { sheet, row, col, finding: false, note: '', verdict: undefined };
      bySheet.at.set(key, m);
      bySheet.list.push(m);
    }
    return m;
  }

  /** A finding on its cell: the cell's note gains "[rule] message", in the order of the findings. */
  finding(f: Finding): void {
    const m = this.at(f.sheet, f.row, f.col);
    m.note = m.finding ? m.note + '\n[' + f.rule + '] ' + f.message : '[' + f.rule + '] ' + f.message;
    m.finding = true;
  }

  /** every note within Excel's limit */
  notes(): void {
    this.sheets.forEach((s) => s.at.forEach((m) => (m.note = fitCell(m.note))));
  }

  verdict(p: PersonVerdict): void {
    if (p.colour === 'none') return;
    const bySheet = this.of(p.sheet);
    const m = bySheet.at.get(p.row * 20000 + p.col);
    // made whole (a property added later would cost each mark a second allocation)
    if (!m) bySheet.list.push({ sheet: p.sheet, row: p.row, col: p.col, finding: false, note: '', verdict: p.colour });
    else m.verdict = p.colour;
  }

  list(): CellMark[] {
    const lists = [...this.sheets.values()].map((m) => m.list);
    return lists.length === 1 ? lists[0] : ([] as CellMark[]).concat(...lists);
  }
}

/** The plan for one unit's workbook. */
export function planForCheck(grid: WorkbookGrid, r: CheckResult, opts: PlanOptions): Plan {
  const plan: Plan = { marks: [], columns: [], sheets: [] };
  if (r.status !== 'ok' || !r.personTable) return plan;
  const marks = new Marks();
  // each marked cell's findings, in the order of the findings
  const findings = r.findings;
  for (let i = 0; i < findings.length; i++) marks.finding(findings[i]);
  marks.notes();
  // The certificate's reasons stand in 问题说明 on the same row; notes are kept for the cells at fault.
  const people = r.people;
  for (let i = 0; i < people.length; i++) marks.verdict(people[i]);
  const agencyNameCol = r.agencyTable?.fieldCol.agencyName;
  for (const a of r.agencies) {
    if (!agencyNameCol) break;
    marks.at(a.sheet, a.row, agencyNameCol).verdict = a.colour;
  }
  plan.marks = marks.list();
  for (const t of [...r.personTables, ...(r.agencyTable ? [r.agencyTable] : [])]) {
    const onSheet = r.findings.filter((f) => f.sheet === t.sheet);
    const rows = t.kind === 'agency' ? r.agencies : r.personTables.length === 1 ? r.people : r.people.filter((p) => p.sheet === t.sheet);
    plan.columns.push(verdictBlock(grid, t, rows, onSheet));
  }
  plan.sheets.push(findingsSheet(r.findings, false));
  plan.sheets.push(summarySheet({
    unit: r.unit, checkDate: isoFromDay(r.checkDate), profile: `${r.profile.name}（版本 ${r.profile.version}）`, generatedAt: opts.generatedAt,
  }, opts.summary, opts.summaryBy));
  return plan;
}
