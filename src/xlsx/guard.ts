import { promises as fs } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import { getHeapStatistics } from 'v8';
import { colNumber } from '../core/a1';

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
/** A worksheet's XML beyond this is refused before exceljs loads it into memory. */
const MAX_SHEET_XML_BYTES = 400 * 1024 * 1024;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function readHead(file: string): Promise<Buffer> {
  const fh = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Cells a worksheet may hold before exceljs (about 700 bytes a cell at its peak) outgrows this process's heap. */
const BYTES_PER_CELL = 1000;
const ASSUMED_COLUMNS = 30;

/**
 * A worksheet's size: its <dimension> from the first bytes when it declares one, else the last
 * <row r="…"> seen while streaming the XML (never held whole in memory).
 */
async function sheetSize(zip: JSZip, name: string): Promise<{ rows: number; cols: number }> {
  const entry = zip.file(name);
  if (!entry) return { rows: 0, cols: 0 };
  return new Promise((resolve) => {
    let head = '';
    let tail = '';
    let maxRow = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer');
    const done = (rows: number, cols = ASSUMED_COLUMNS) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      (stream as unknown as { pause?: () => void }).pause?.();
      resolve({ rows, cols });
    };
    stream.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('utf8');
      if (head.length < 65536) {
        head += text;
        const m = /<dimension ref="([A-Z]+)\d+(?::([A-Z]+)(\d+))?"/.exec(head);
        if (m) return done(Number(m[3] ?? 1), m[2] ? colNumber(m[2]) - colNumber(m[1]) + 1 : 1);
      }
      for (const m of text.matchAll(/<row[^>]*\sr="(\d+)"/g)) maxRow = Math.max(maxRow, Number(m[1]));
      if (maxRow > MAX_ROWS) return done(maxRow);
      tail = text.slice(-64);
    });
    stream.on('end', () => done(maxRow));
    stream.on('error', () => done(maxRow));
  });
}

/**
 * Check a file before exceljs opens it: existence, format (xlsx, old xls, encrypted), and size.
 * Throws InputError with a message naming the file and what to do.
 */
export async function guardInput(file: string): Promise<void> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InputError(`找不到文件「${name}」，请检查路径是否正确。`);
  }
  if (stat.isDirectory()) throw new InputError(`「${name}」是文件夹，请指定 .xlsx 文件。`);
  if (stat.size === 0) throw new InputError(`文件「${name}」是空文件（0 字节），请重新导出或另存为 .xlsx。`);
  const head = await readHead(file);
  if (head.subarray(0, 8).equals(CFB_MAGIC)) {
    const all = await fs.readFile(file);
    if (all.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new InputError(`文件「${name}」设置了打开密码，无法读取。请在 Excel 中打开后，通过“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码，另存后再校验。`);
    }
    throw new InputError(`文件「${name}」是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再校验。`);
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    const ext = path.extname(file).toLowerCase();
    const hint = ext === '.csv' ? '这是 CSV 文本文件，请在 Excel 中打开后另存为 .xlsx。' : '请确认这是 Excel 工作簿（.xlsx）。';
    throw new InputError(`文件「${name}」不是 Excel 工作簿。${hint}`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.readFile(file));
  } catch {
    throw new InputError(`文件「${name}」已损坏或不完整（可能下载或拷贝中断），无法打开。请重新获取原文件。`);
  }
  if (!zip.file('xl/workbook.xml')) {
    throw new InputError(`文件「${name}」是压缩包但不是 Excel 工作簿（可能是 Word 文档或其他文件）。请提供 .xlsx 格式的摸排统计表。`);
  }
  let cells = 0;
  for (const entry of Object.values(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    const dims = await sheetSize(zip, entry.name);
    if (size > MAX_SHEET_XML_BYTES || dims.rows > MAX_ROWS) {
      throw new InputError(`文件「${name}」的工作表超过 ${MAX_ROWS.toLocaleString('en-US')} 行，超出本工具的处理范围。请删除多余的空行或把数据拆分为多个文件后再校验。`);
    }
    cells += dims.rows * dims.cols;
  }
  const heap = getHeapStatistics().heap_size_limit;
  if (cells * BYTES_PER_CELL > heap) {
    throw new InputError(`文件「${name}」约有 ${Math.round(cells / 10000)} 万个单元格，超出本机可用内存（约 ${(heap / 2 ** 30).toFixed(1)} GB）能处理的范围。请删除多余的空行空列，或按执法主体拆分为几个文件后再校验。`);
  }
}
