import { promises as fs } from 'fs';
import path from 'path';
import { getHeapStatistics } from 'v8';
import zlib from 'zlib';
import { InputError } from './input-error';
import { CT } from './ooxml/parts';
import { Package } from './package';
import { inspectWorkbook, tooLarge } from './read-bytes';

export { InputError } from './input-error';
export { MAX_ROWS } from './read-bytes';

/**
 * Cells a workbook may hold before a check (the grid, the engine, the patched sheet) outgrows this process's
 * heap: measured about 200 bytes of heap a cell on the bench's 50,000-row workbook (1.25 million cells check in
 * a 256 MB heap); twice that, for room.
 */
const BYTES_PER_CELL = 400;

/** A file's bytes, or an InputError that says why not: a folder, missing, too large, not allowed to read it. */
export async function fileBytes(file: string): Promise<Buffer> {
  const name = path.basename(file);
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new InputError(`「${name}」是文件夹，请指定 .xlsx 文件。`);
    // a pipe or a device says 0 bytes and never ends: reading it would hang
    if (!st.isFile()) throw new InputError(`「${name}」不是普通文件（可能是管道或设备），请指定 .xlsx 文件。`);
    const big = tooLarge(name, st.size);
    if (big) throw big;
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`没有读取文件「${name}」的权限，请检查文件权限或以有权限的账户运行。`);
    if (code === 'EISDIR') throw new InputError(`「${name}」是文件夹，请指定 .xlsx 文件。`);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`找不到文件「${name}」，请检查路径是否正确。`);
    throw new InputError(`无法读取文件「${name}」（${code ?? '未知原因'}），请检查文件是否被其他程序占用或已损坏。`);
  }
}

/**
 * Read a file as an .xlsx, or say why not: missing, empty, an old .xls, password-protected, not a
 * workbook, corrupt, a zip bomb, or too large for this machine. Returns the file's bytes and its package
 * (opened, bounded: see package.ts), whose parts read so far stay cached. The bytes may be read ahead
 * (unit-worker.ts reads the next file while it checks this one).
 *
 * Every part must be sound before check or merge goes on (check copies every part into its copy, merge reads
 * only the values), or check would refuse a file that merge takes (found by the fuzzer, test/fuzz). The reader
 * proves the parts it inflates (package.ts refuses one that is damaged or not the size it declares); `verified`
 * then inflates the others once, keeping nothing, so that the sheets are not inflated twice.
 */
export async function guardedPackage(file: string, bytes: Promise<Buffer> = fileBytes(file)): Promise<{ data: Buffer; pkg: Package; verified: () => Promise<void> }> {
  const name = path.basename(file);
  const data = await bytes;
  // empty, .xls, password, not a zip, corrupt, bombs, not a workbook, too many rows: the same checks as in the pane
  const { pkg: opened, cells } = inspectWorkbook(data, name);
  const heap = getHeapStatistics().heap_size_limit;
  if (cells * BYTES_PER_CELL > heap) {
    throw new InputError(`文件「${name}」约有 ${Math.round(cells / 10000)} 万个单元格，超出本机可用内存（约 ${(heap / 2 ** 30).toFixed(1)} GB）能处理的范围。请删除多余的空行空列，或按执法主体拆分为几个文件后再校验。`);
  }
  const read = new Set<string>();
  const pkg: Package = {
    ...opened,
    bytes: (n) => {
      const b = opened.bytes(n);
      read.add(n);
      return b;
    },
    text: (n) => {
      const t = opened.text(n);
      read.add(n);
      return t;
    },
  };
  const verified = async () => {
    if (!(await partsAsDeclared(opened, opened.names.filter((n) => !read.has(n))))) opened.verify();
    // no package without it opens in Excel, and check's copy must say what its parts are
    if (!opened.has(CT)) throw new InputError(`文件「${name}」中缺少 ${CT}（说明各部件类型的清单），Excel 也无法正常打开，可能已损坏。请在 Excel 或 WPS 中打开（修复）并另存为 .xlsx 后重试。`);
  };
  return { data, pkg, verified };
}

/** As guardedPackage, for readers that take the bytes (exceljs, which inflates a part whole before it checks its size). */
export async function guardedFile(file: string): Promise<Buffer> {
  const { data, verified } = await guardedPackage(file);
  await verified();
  return data;
}

/**
 * Whether every deflated part inflates to exactly the size it declares: Node's zlib on the thread pool, all
 * parts at once, stopping a part as soon as it passes its declared size (package.ts has refused any part or
 * total over its limits already); only when one is wrong does package.ts inflate them again, bounded, for
 * its message.
 */
async function partsAsDeclared(pkg: Package, names: string[]): Promise<boolean> {
  const ok = await Promise.all(names.map((part) => new Promise<boolean>((resolve) => {
    const { method, data, size } = pkg.raw(part);
    if (method === 0) return resolve(true);
    let out = 0;
    const z = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    z.on('data', (chunk: Buffer) => {
      out += chunk.length;
      if (out > size) {
        z.destroy();
        resolve(false);
      }
    });
    z.on('end', () => resolve(out === size));
    z.on('error', () => resolve(false));
    z.end(data);
  })));
  return ok.every(Boolean);
}
