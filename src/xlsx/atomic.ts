import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';

/**
 * Outputs are written whole or not at all: to a temporary file beside the target, flushed to disk, then
 * renamed over it (rename is atomic within a folder, POSIX and NTFS alike). A full disk, a missing right,
 * a killed process or a thrown error leaves no partial file with the output's name; the temporary one is
 * removed where the process is still alive to do it.
 */
export class OutputError extends Error {}

/** Why an output could not be written, in Chinese: what happened and what to do. */
export function outputFailure(e: unknown, out: string): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const dir = path.dirname(path.resolve(out));
  const say: Record<string, string> = {
    ENOSPC: `磁盘已满，未能写出「${out}」（没有留下不完整的文件）。请清理磁盘空间后重试。`,
    EDQUOT: `磁盘配额已用完，未能写出「${out}」（没有留下不完整的文件）。请清理空间后重试。`,
    EACCES: `没有写入「${dir}」的权限，未能写出「${out}」。请换一个有写入权限的位置（--out）。`,
    EPERM: `没有写入「${dir}」的权限，未能写出「${out}」。请换一个有写入权限的位置（--out）。`,
    EROFS: `「${dir}」所在的磁盘是只读的，未能写出「${out}」。请换一个位置（--out）。`,
    EISDIR: `「${out}」是文件夹，不能作为输出文件。请在 --out 中写出文件名，或以 / 结尾表示写入该文件夹。`,
    ENOTDIR: `「${out}」的路径中有一段不是文件夹，未能写出。请检查 --out。`,
    ENAMETOOLONG: `输出路径「${out}」太长，未能写出。请换一个较短的路径。`,
    EBUSY: `「${out}」正被其他程序占用（例如在 Excel 或 WPS 中打开），未能写出。请关闭后重试。`,
  };
  return new OutputError(say[code ?? ''] ?? `未能写出「${out}」（${code ?? '未知原因'}）。请检查磁盘和 --out 路径后重试。`);
}

/** Write `data` to `out`, atomically. */
export async function writeAtomic(out: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    await fs.mkdir(dir, { recursive: true });
    if ((await fs.stat(out).catch(() => null))?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    handle = await fs.open(tmp, 'wx', 0o644);
    for (let at = 0; at < data.length;) at += (await handle.write(data, at, Math.min(data.length - at, 1 << 24))).bytesWritten;
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, out);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw outputFailure(e, out);
  }
}
