import { strFromU8 } from 'fflate';
import { CellValue, colNumber, SheetGrid, WorkbookGrid } from '../core';
import { InputError } from './input-error';
import { openPackage, Package, PackageLimits } from './package';

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
    const dims = declaredSize(strFromU8(pkg.head(sheet, 65536), true)) ?? scannedSize(pkg.bytes(sheet));
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
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m)
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

function sheetGrid(name: string, xml: string, strings: string[]): SheetGrid {
  const rows: CellValue[][] = [];
  let nextRow = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(rm[1], 'r') ?? nextRow + 1) - 1;
    nextRow = r + 1;
    const row: CellValue[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(cm[1], 'r');
      const c = ref ? colNumber(/^[A-Z]+/.exec(ref)![0]) - 1 : nextCol;
      nextCol = c + 1;
      const body = cm[2] ?? '';
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
      row[c] = value === '' ? null : value;
    }
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    rows[r] = row;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // a merged block's value in every cell of it, as exceljs reads merged cells
  for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const r0 = Number(m[2]) - 1;
    const c0 = colNumber(m[1]) - 1;
    const v = rows[r0]?.[c0] ?? null;
    for (let r = r0; r <= Number(m[4]) - 1; r++) {
      if (!rows[r]) rows[r] = [];
      for (let c = c0; c <= colNumber(m[3]) - 1; c++) {
        while (rows[r].length < c) rows[r].push(null);
        rows[r][c] = v;
      }
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

/**
 * The sheets of an opened package as plain grids; the grid's `file` is `file`, messages name `name`.
 * A part that is not there reads as empty, as before; anything unreadable becomes an InputError.
 */
export function gridFromPackage(pkg: Package, file: string, name: string = file): WorkbookGrid {
  const corrupt = () => new InputError(`文件「${name}」已损坏或格式异常，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。`);
  try {
    const text = (part: string) => (pkg.has(part) ? pkg.text(part) : '');
    const workbook = text('xl/workbook.xml');
    const rels = text('xl/_rels/workbook.xml.rels');
    const target = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1], 'Id'), attr(m[1], 'Target')]));
    const strings = sharedStrings(text('xl/sharedStrings.xml'));
    const sheets: SheetGrid[] = [];
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const sheetName = decode(attr(m[1], 'name') ?? '');
      const t = target.get(attr(m[1], 'r:id'));
      if (!t) continue;
      const part = t.startsWith('/') ? t.slice(1) : normalize(`xl/${t}`);
      const grid = sheetGrid(sheetName, text(part), strings);
      grid.hidden = /state="(hidden|veryHidden)"/.test(m[1]);
      sheets.push(grid);
    }
    if (sheets.length === 0) throw new InputError(`文件「${name}」中没有工作表。`, 'not-a-roster');
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
