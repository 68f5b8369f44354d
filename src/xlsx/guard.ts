import { promises as fs } from 'fs';
import path from 'path';
import { getHeapStatistics } from 'v8';
import { colNumber } from '../core/a1';
import { inflatePrefix, inflated, zipEntries } from './zip';

/** A file that cannot be used, with a Chinese message that says what to do. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly status: 'unreadable' | 'not-a-roster' = 'unreadable',
  ) {
    super(message);
  }
}

export const MAX_ROWS = 200_000;
/** A worksheet's XML beyond this is refused before it is unzipped. */
const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;
/** Cells a workbook may hold before exceljs (about 700 bytes a cell at its peak) outgrows this process's heap. */
const BYTES_PER_CELL = 1000;
const ASSUMED_COLUMNS = 30;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A worksheet's declared <dimension>, from the first bytes of its XML. */
function declaredSize(head: string): { rows: number; cols: number } | null {
  const m = /<dimension ref="([A-Z]+)\d+(?::([A-Z]+)(\d+))?"/.exec(head);
  return m ? { rows: Number(m[3] ?? 1), cols: m[2] ? colNumber(m[2]) - colNumber(m[1]) + 1 : 1 } : null;
}

/** Without a <dimension>: the last <row r="…"> of the whole XML. */
function scannedSize(xml: Buffer): { rows: number; cols: number } {
  const at = xml.lastIndexOf('<row ');
  const last = at < 0 ? null : /\sr="(\d+)"/.exec(xml.subarray(at, at + 200).toString('utf8'));
  return { rows: last ? Number(last[1]) : 0, cols: ASSUMED_COLUMNS };
}

/**
 * Read a file as an .xlsx, or say why not: missing, empty, an old .xls, password-protected, not a
 * workbook, corrupt, or too large for this machine. Returns the file's bytes.
 */
export async function guardedFile(file: string): Promise<Buffer> {
  const name = path.basename(file);
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new InputError(`「${name}」是文件夹，请指定 .xlsx 文件。`);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到文件「${name}」，请检查路径是否正确。`);
  }
  if (data.length === 0) throw new InputError(`文件「${name}」是空文件（0 字节），请重新导出或另存为 .xlsx。`);
  if (data.subarray(0, 8).equals(CFB_MAGIC)) {
    if (data.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new InputError(`文件「${name}」设置了打开密码，无法读取。请在 Excel 中打开后，通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码，另存后再校验。`);
    }
    throw new InputError(`文件「${name}」是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再校验。`);
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) {
    const hint = path.extname(file).toLowerCase() === '.csv' ? '这是 CSV 文本文件，请在 Excel 中打开后另存为 .xlsx。' : '请确认这是 Excel 工作簿（.xlsx）。';
    throw new InputError(`文件「${name}」不是 Excel 工作簿。${hint}`);
  }
  const corrupt = () => new InputError(`文件「${name}」已损坏或不完整（可能下载或拷贝中断），无法打开。请重新获取原文件。`);
  let entries;
  try {
    entries = zipEntries(data);
  } catch {
    throw corrupt();
  }
  const partName = (e: { name: Buffer }) => e.name.toString('utf8');
  if (!entries.some((e) => partName(e) === 'xl/workbook.xml')) {
    throw new InputError(`文件「${name}」是压缩包但不是 Excel 工作簿（可能是 Word 文档或其他文件）。请提供 .xlsx 格式的摸排统计表。`);
  }
  const tooManyRows = new InputError(`文件「${name}」的工作表超过 ${MAX_ROWS.toLocaleString('en-US')} 行，超出本工具的处理范围。请删除多余的空行或把数据拆分为多个文件后再校验。`);
  const isSheet = (e: { name: Buffer }) => /^xl\/worksheets\/[^/]+\.xml$/.test(partName(e));
  if (entries.some((e) => isSheet(e) && e.size > MAX_SHEET_XML_BYTES)) throw tooManyRows;
  let cells = 0;
  for (const sheet of entries.filter(isSheet)) {
    let dims;
    try {
      dims = declaredSize(inflatePrefix(sheet, 65536)) ?? scannedSize((await inflated([sheet]))[0].data);
    } catch {
      throw corrupt();
    }
    if (dims.rows > MAX_ROWS) throw tooManyRows;
    cells += dims.rows * dims.cols;
  }
  const heap = getHeapStatistics().heap_size_limit;
  if (cells * BYTES_PER_CELL > heap) {
    throw new InputError(`文件「${name}」约有 ${Math.round(cells / 10000)} 万个单元格，超出本机可用内存（约 ${(heap / 2 ** 30).toFixed(1)} GB）能处理的范围。请删除多余的空行空列，或按执法主体拆分为几个文件后再校验。`);
  }
  return data;
}
