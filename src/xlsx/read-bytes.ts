import { strFromU8 } from 'fflate';
import { CellValue, colNumber, SheetGrid, WorkbookGrid } from '../core';
import { InputError } from './input-error';
import { charOf } from './ooxml/xml';
import { DEFAULT_PACKAGE_LIMITS, openPackage, Package, PackageLimits } from './package';

/**
 * A values-only .xlsx reader, from the file's bytes to the core's grids, with no Node API: the command
 * line's merge (fast-read.ts, which reads the file and adds the memory check), the task pane's 合并各单位
 * and the playground all read through it. It reads the sheet XML, shared strings and merged cells, nothing of
 * styles or drawings, and reads what exceljs reads (cached formula results, rich text as plain text, error
 * values, a merged block's value in all its cells) at a fraction of the time and memory. Dates come as
 * serial numbers, as the core expects.
 */

export const MAX_ROWS = 200_000;
/** A worksheet's XML beyond this is refused before it is unzipped. */
const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;
const ASSUMED_COLUMNS = 30;
/** More XML a cell than any sheet needs (a cell is ~40 bytes; a long text, a few hundred) */
const BYTES_PER_DECLARED_CELL = 1000;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** 'EncryptedPackage' in UTF-16LE: the stream a password-protected .xlsx keeps its zip in */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

function contains(data: Uint8Array, needle: number[]): boolean {
  for (let i = data.indexOf(needle[0]); i >= 0 && i + needle.length <= data.length; i = data.indexOf(needle[0], i + 1)) {
    if (needle.every((b, k) => data[i + k] === b)) return true;
  }
  return false;
}

/** A worksheet's declared <dimension>, from the first bytes of its XML. */
function declaredSize(head: string): { rows: number; cols: number } | null {
  const m = /<dimension ref="([A-Z]+)\d+(?::([A-Z]+)(\d+))?"/.exec(head);
  return m ? { rows: Number(m[3] ?? 1), cols: m[2] ? colNumber(m[2]) - colNumber(m[1]) + 1 : 1 } : null;
}

/** Without a <dimension>: the last <row r="…"> of the whole XML. */
function scannedSize(xml: Uint8Array): { rows: number; cols: number } {
  const ROW = [0x3c, 0x72, 0x6f, 0x77, 0x20]; // '<row '
  let at = xml.lastIndexOf(ROW[0]);
  while (at >= 0 && !ROW.every((b, k) => xml[at + k] === b)) at = at > 0 ? xml.lastIndexOf(ROW[0], at - 1) : -1;
  const last = at < 0 ? null : /\sr="(\d+)"/.exec(strFromU8(xml.subarray(at, at + 200), true));
  return { rows: last ? Number(last[1]) : 0, cols: ASSUMED_COLUMNS };
}

/**
 * A file larger than all the parts package.ts lets a workbook hold (1 GiB inflated), with room for the zip's own
 * records, cannot pass: it is refused by its size, unread, not first read whole into memory (the command line took
 * 1.6 GB and 5 s for a 1.5 GB file; over 2 GiB Node cannot read a file at all, and a browser tab may not survive it).
 */
export const MAX_FILE_BYTES = DEFAULT_PACKAGE_LIMITS.maxTotalBytes + 64 * 2 ** 20;

const mb = (n: number) => Math.round(n / 2 ** 20).toLocaleString('en-US');
/** The refusal of a file of that size, before its bytes are read; none when it may be read (or its size is not known) */
export const tooLarge = (name: string, size: number | undefined): InputError | undefined =>
  (size !== undefined && size > MAX_FILE_BYTES ? fileTooLarge(name, size) : undefined);
const fileTooLarge = (name: string, size: number) =>
  new InputError(`文件「${name}」有 ${mb(size)} MB，超过本工具能读取的上限（${mb(MAX_FILE_BYTES)} MB），未读取。摸排统计表通常只有几 MB：请确认没有放错文件；如确是摸排统计表，请删除其中的图片和多余的空行空列后另存为 .xlsx。`);

/**
 * The checks of an .xlsx that need only its bytes: empty, an old .xls, password-protected, not a workbook,
 * corrupt or a zip bomb (package.ts), too many rows. Returns the opened package and the cells its sheets
 * declare (for guard.ts's memory check). `name` is the file's name as the clerk knows it.
 */
export function inspectWorkbook(data: Uint8Array, name: string, limits?: Partial<PackageLimits>): { pkg: Package; cells: number } {
  if (data.length === 0) throw new InputError(`文件「${name}」是空文件（0 字节），请重新导出或另存为 .xlsx。`);
  if (startsWith(data, CFB_MAGIC)) {
    if (contains(data, ENCRYPTED_PACKAGE)) {
      throw new InputError(`文件「${name}」设置了打开密码，无法读取。请在 Excel 中打开后，通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码，另存后再校验。`);
    }
    throw new InputError(`文件「${name}」是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再校验。`);
  }
  if (!startsWith(data, ZIP_MAGIC)) {
    const hint = /\.csv$/i.test(name) ? '这是 CSV 文本文件，请在 Excel 中打开后另存为 .xlsx。' : '请确认这是 Excel 工作簿（.xlsx）。';
    throw new InputError(`文件「${name}」不是 Excel 工作簿。${hint}`);
  }
  const pkg = openPackage(data, name, limits);
  if (!pkg.has('xl/workbook.xml')) {
    throw new InputError(`文件「${name}」是压缩包但不是 Excel 工作簿（可能是 Word 文档或其他文件）。请提供 .xlsx 格式的摸排统计表。`);
  }
  const tooManyRows = new InputError(`文件「${name}」的工作表超过 ${MAX_ROWS.toLocaleString('en-US')} 行，超出本工具的处理范围。请删除多余的空行或把数据拆分为多个文件后再校验。`);
  const sheets = pkg.names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  if (sheets.some((s) => pkg.size(s) > MAX_SHEET_XML_BYTES)) throw tooManyRows;
  let cells = 0;
  for (const sheet of sheets) {
    // the <dimension> is in the first bytes (latin1 is enough for it); without one, the last row of all of it
    let dims = declaredSize(strFromU8(pkg.head(sheet, 65536), true)) ?? scannedSize(pkg.bytes(sheet));
    // a sheet far larger than its <dimension> could need is lying: its last row says how many it has
    if (pkg.size(sheet) > 65536 + dims.rows * dims.cols * BYTES_PER_DECLARED_CELL) dims = { ...scannedSize(pkg.bytes(sheet)), cols: dims.cols };
    if (dims.rows > MAX_ROWS) throw tooManyRows;
    cells += dims.rows * dims.cols;
  }
  return { pkg, cells };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? charOf(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m)
    .replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a string item: its <t> runs, without phonetic guides (<rPh>). */
function itemText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += decode(m[1] ?? '');
  return out;
}

/** The strings of sharedStrings.xml, in order. */
export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => itemText(m[1] ?? ''));
}

const ATTRS = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
}

/** Excel's own bounds: XFD, 1,048,576 rows. */
const MAX_COLS = 16384;
const EXCEL_ROWS = 1_048_576;
/**
 * Cells a grid may hold, empty ones included (a row holds every cell up to its last): twice the largest roster
 * the tool takes (200,000 rows × 30 columns). Counted before a row is filled in, so that a sheet of a few
 * megabytes whose rows each reach XFD, or one merged area over the whole sheet, is refused at ~80 MB of
 * slots instead of exhausting memory.
 */
const MAX_CELLS = 12_000_000;

/** Why a sheet cannot be read, in Chinese, naming the file, the sheet and the place. */
const sheetSay = {
  rowNumber: (file: string, sheet: string, r: string) =>
    `文件「${file}」的工作表「${sheet}」中有行号异常的行（r="${r}"，Excel 的行号为 1 到 1,048,576），文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试。`,
  cellRef: (file: string, sheet: string, ref: string) =>
    `文件「${file}」的工作表「${sheet}」中有地址异常的单元格（${ref}，Excel 的列只到 XFD），文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试。`,
  rows: (file: string, sheet: string) =>
    `文件「${file}」的工作表「${sheet}」实际超过 ${MAX_ROWS.toLocaleString('en-US')} 行，超出本工具的处理范围。请删除多余的空行或把数据拆分为多个文件后再校验。`,
  unclosed: (file: string, sheet: string) =>
    `文件「${file}」的工作表「${sheet}」不完整（数据区没有结束标记），文件可能已损坏或未保存完。请在 Excel 中打开并另存为 .xlsx 后重试，或重新获取原文件。`,
  root: (file: string, sheet: string) =>
    `文件「${file}」的工作表「${sheet}」的 XML 已损坏（找不到 <worksheet> 根元素），无法读取。请在 Excel 中打开并另存为 .xlsx 后重试，或重新获取原文件。`,
  unclosedRow: (file: string, sheet: string, where: string) =>
    `文件「${file}」的工作表「${sheet}」${where}没有结束标记，文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试，或重新获取原文件。`,
  order: (file: string, sheet: string, what: string) =>
    `文件「${file}」的工作表「${sheet}」中${what}（Excel 写出的文件总是按顺序排列），文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试。`,
  cells: (file: string, sheet: string) =>
    `文件「${file}」的工作表「${sheet}」的数据区域过大（超过 ${MAX_CELLS / 10000} 万个单元格，多为远处的零散单元格或大范围的合并单元格），超出本工具的处理范围。请删除多余的行列、取消大范围的合并后另存，再校验。`,
};

/** A cell's column (0-based) from its reference, or null when the reference is not one Excel can have. */
function colOf(ref: string): number | null {
  const m = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref);
  const c = m ? colNumber(m[1]) : 0;
  return c >= 1 && c <= MAX_COLS ? c - 1 : null;
}

/** As cellAt, for the references it does not take ($A$1, A): the column by colOf, the row as written or none. */
function slowRef(ref: string): { col: number; row: number | undefined } | null {
  const col = colOf(ref);
  const digits = /\d+$/.exec(ref)?.[0];
  return col === null ? null : { col, row: digits === undefined ? undefined : Number(digits) };
}

/**
 * A cell's reference read once, a character at a time (it is met on every cell: two regular expressions a
 * cell were a tenth of the merge's reading): its column (0-based) and row (1-based), or null when the
 * reference is not A1-style within Excel's 3 letters and 7 digits.
 */
function cellAt(ref: string): { col: number; row: number } | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const k = ref.charCodeAt(i) | 0x20;
    if (k < 97 || k > 122) break;
    col = col * 26 + (k - 96);
  }
  if (i === 0 || i > 3) return null;
  let row = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return i === start || i - start > 7 ? null : { col: col - 1, row };
}

/**
 * The rows (inside <sheetData>) and what follows them (the merged cells), split as the writer (ooxml/sheet.ts)
 * splits the sheet to patch it: rows elsewhere are not the sheet's, and a <sheetData> never closed is damage.
 */
function sheetParts(xml: string, file: string, sheet: string): { data: string; after: string } {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return { data: '', after: xml };
  if (open[1]) return { data: '', after: xml.slice(open.index) };
  const close = xml.indexOf('</sheetData>', open.index);
  if (close < 0) throw new InputError(sheetSay.unclosed(file, sheet));
  // rows under a root that is not <worksheet> (its name damaged) cannot be patched where they are
  if (!/<worksheet\b[^>]*>/.test(xml.slice(0, open.index)) && /<row\b/.test(xml.slice(open.index, close))) throw new InputError(sheetSay.root(file, sheet));
  return { data: xml.slice(open.index + open[0].length, close), after: xml.slice(close) };
}

function sheetGrid(name: string, xml: string, strings: string[], file: string): SheetGrid {
  const { data, after } = sheetParts(xml, file, name);
  const rows: CellValue[][] = [];
  let cells = 0;
  const budget = (more: number) => {
    cells += more;
    if (cells > MAX_CELLS) throw new InputError(sheetSay.cells(file, name));
  };
  let nextRow = 0;
  let rowsEnd = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    rowsEnd = rm.index + rm[0].length;
    const rAttr = attr(rm[1], 'r');
    const r = rAttr === undefined ? nextRow : Number(rAttr) - 1;
    if (!Number.isInteger(r) || r < 0 || r >= EXCEL_ROWS) throw new InputError(sheetSay.rowNumber(file, name, rAttr ?? ''));
    if (r >= MAX_ROWS) throw new InputError(sheetSay.rows(file, name));
    // rows and cells out of order are damage, and the writer (ooxml/sheet.ts) patches them in order
    if (r < nextRow) throw new InputError(sheetSay.order(file, name, `第 ${r + 1} 行出现在第 ${nextRow} 行之后`));
    nextRow = r + 1;
    // a row or cell left open swallows the next one whole: damage, not data
    if (rm[2]?.includes('<row')) throw new InputError(sheetSay.unclosedRow(file, name, `第 ${r + 1} 行`));
    const row: CellValue[] = [];
    let nextCol = 0;
    let cellsEnd = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      cellsEnd = cm.index + cm[0].length;
      const ref = attr(cm[1], 'r');
      // a reference with $ or without its row is not what Excel writes; the slow reading says what it is
      const at = ref === undefined ? { col: nextCol, row: r + 1 } : cellAt(ref) ?? slowRef(ref);
      const c = at?.col ?? null;
      if (c === null || c < 0 || c >= MAX_COLS) throw new InputError(sheetSay.cellRef(file, name, ref ?? `第 ${r + 1} 行第 ${nextCol + 1} 个单元格`));
      if (c < nextCol || (ref !== undefined && at!.row !== r + 1)) throw new InputError(sheetSay.order(file, name, `第 ${r + 1} 行的单元格 ${ref} 顺序错乱或不属于该行`));
      nextCol = c + 1;
      const body = cm[2] ?? '';
      if (/<c[\s>/]/.test(body)) throw new InputError(sheetSay.unclosedRow(file, name, `的单元格 ${ref ?? `（第 ${r + 1} 行）`} `));
      const t = attr(cm[1], 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: CellValue = null;
      if (t === 's') value = v === undefined ? null : strings[Number(v)] ?? null;
      else if (t === 'inlineStr') value = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (t === 'str') value = v === undefined ? null : decode(v);
      else if (t === 'b') value = v === '1';
      else if (t === 'e') value = v === undefined ? null : { error: decode(v) };
      else if (t === 'd') value = v === undefined ? null : decode(v);
      else if (v !== undefined) value = Number(v);
      if (c >= row.length) budget(c + 1 - row.length);
      row[c] = value === '' ? null : value;
    }
    if (/<c[\s>/]/.test((rm[2] ?? '').slice(cellsEnd))) throw new InputError(sheetSay.unclosedRow(file, name, `第 ${r + 1} 行的最后一个单元格`));
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    budget(rows[r]?.length ? -rows[r].length : 0);
    rows[r] = row;
  }
  if (data.includes('<row', rowsEnd)) throw new InputError(sheetSay.unclosedRow(file, name, `第 ${nextRow + 1} 行（或其后的行）`));
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // a merged block's value in every cell of it, as exceljs reads merged cells; not past the sheet's last row,
  // where it would only make empty rows look filled
  for (const m of after.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const r0 = Number(m[2]) - 1;
    const c0 = colOf(m[1]);
    const c1 = colOf(m[3]);
    if (c0 === null || c1 === null) throw new InputError(sheetSay.cellRef(file, name, `${m[1]}${m[2]}:${m[3]}${m[4]}`));
    const v = rows[r0]?.[c0] ?? null;
    for (let r = Math.max(0, r0); r <= Math.min(Number(m[4]) - 1, rows.length - 1); r++) {
      if (c1 >= rows[r].length) budget(c1 + 1 - rows[r].length);
      while (rows[r].length < c0) rows[r].push(null);
      for (let c = c0; c <= c1; c++) rows[r][c] = v;
    }
  }
  return { name, rows };
}

/** 'xl/worksheets/../x.xml' → 'xl/x.xml', as path.posix.normalize does for a part's target. */
function normalize(target: string): string {
  const out: string[] = [];
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Whether a part's text ends by closing its root (or is the root alone, self-closed), namespace prefix or not. */
function closedRoot(xml: string, root: string): boolean {
  const tail = xml.slice(-4000).trimEnd();
  return new RegExp(`</(?:[\\w.-]+:)?${root}>$`).test(tail) || new RegExp(`<(?:[\\w.-]+:)?${root}\\b[^<>]*/>$`).test(tail);
}

/**
 * The sheets of an opened package as plain grids; the grid's `file` is `file`, messages name `name`.
 * A part that is not there reads as empty, as before; anything unreadable becomes an InputError.
 */
export function gridFromPackage(pkg: Package, file: string, name: string = file): WorkbookGrid {
  const corrupt = () => new InputError(`文件「${name}」已损坏或格式异常，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。`);
  try {
    const read = (part: string) => (pkg.has(part) ? pkg.text(part) : '');
    // a structural part cut short reads as fewer sheets or strings, and check would patch it blind
    const whole = (part: string, root: string) => {
      const t = read(part);
      if (pkg.has(part) && !closedRoot(t, root)) throw new InputError(`文件「${name}」中的 ${part} 不完整（可能下载或拷贝中断），无法读取。请在 Excel 中打开并另存为 .xlsx 后重试，或重新获取原文件。`);
      return t;
    };
    whole('[Content_Types].xml', 'Types');
    whole('_rels/.rels', 'Relationships');
    const workbook = whole('xl/workbook.xml', 'workbook');
    const rels = whole('xl/_rels/workbook.xml.rels', 'Relationships');
    const target = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1], 'Id'), attr(m[1], 'Target')]));
    const strings = sharedStrings(whole('xl/sharedStrings.xml', 'sst'));
    const sheets: SheetGrid[] = [];
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const sheetName = decode(attr(m[1], 'name') ?? '');
      // a sheet listed without a name (its attribute damaged): Excel can't open the workbook, nor can a link reach it
      if (!sheetName) throw new InputError(`文件「${name}」中的 xl/workbook.xml 已损坏（有一张工作表没有名称），无法读取。请在 Excel 中打开并另存为 .xlsx 后重试，或重新获取原文件。`);
      const t = target.get(attr(m[1], 'r:id'));
      if (!t) continue;
      const part = t.startsWith('/') ? t.slice(1) : normalize(`xl/${t}`);
      const grid = sheetGrid(sheetName, read(part), strings, name);
      grid.hidden = /state="(hidden|veryHidden)"/.test(m[1]);
      sheets.push(grid);
    }
    if (sheets.length === 0) throw new InputError(`文件「${name}」中没有工作表（工作簿的目录为空或已损坏）。请在 Excel 中打开，确认摸排统计表在其中，另存为 .xlsx 后再试。`, 'not-a-roster');
    return { file, sheets };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw corrupt();
  }
}

/** An .xlsx's bytes as plain grids, after every check that needs no Node (inspectWorkbook). */
export function readGridBytes(data: Uint8Array, name: string, limits?: Partial<PackageLimits>): WorkbookGrid {
  return gridFromPackage(inspectWorkbook(data, name, limits).pkg, name);
}
