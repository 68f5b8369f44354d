import { promisify } from 'util';
import zlib from 'zlib';
import { crc32 as jsCrc32 } from './package';

/**
 * Deflating for Node (pack-stream.ts, zip.ts): the same streams as package.ts writes, by Node's zlib on its thread pool. Measured
 * at level 6 on a 50,000-row workbook's parts (36 MB of XML, 31.7 MB of it one sheet; a 2-core VM shared with
 * other work, so medians of 5): zlib a part per thread 340–370 ms; fflate's deflateSync 1,000–1,100 ms, its
 * worker-thread `deflate` and `zip` 1,000–1,500 ms. A part larger than PIECE is deflated in pieces on
 * several threads at once, as pigz does: 180–320 ms on the 2 cores, less with more. (Level 1 is ~4× faster
 * and 27% larger; level 4 ~2.5× faster and 4% larger: callers may pass `level`.)
 */
const deflateRaw = promisify(zlib.deflateRaw) as (data: Uint8Array, opts: zlib.ZlibOptions) => Promise<Buffer>;
/** zlib.crc32 is Node ≥ 20.15 and 22.2 */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
/** CRC-32 of `data`, continued from `prev` */
export const crc32 = (data: Uint8Array, prev = 0) => (nativeCrc32 ? nativeCrc32(data, prev) : jsCrc32(data, prev));

/** Parts larger than this are deflated as several pieces in parallel. */
export const PIECE = 4 * 1024 * 1024;
const WINDOW = 32 * 1024;

/**
 * One piece of a raw DEFLATE stream: ended by a sync flush (byte-aligned, not final) unless it is the last,
 * and primed with the 32 KB of `before` (what precedes it) as its dictionary.
 */
export function deflatePiece(piece: Uint8Array, level: number, last: boolean, before?: Uint8Array): Promise<Buffer> {
  return deflateRaw(piece, pieceOptions(level, last, before));
}

/** deflatePiece on this thread */
export function deflatePieceSync(piece: Uint8Array, level: number, last: boolean, before?: Uint8Array): Buffer {
  return zlib.deflateRawSync(piece, pieceOptions(level, last, before));
}

const pieceOptions = (level: number, last: boolean, before?: Uint8Array): zlib.ZlibOptions => ({
  level,
  finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
  ...(before?.length ? { dictionary: before.subarray(Math.max(0, before.length - WINDOW)) } : {}),
});

/**
 * One raw DEFLATE stream of `data`, made of pieces deflated in parallel (deflatePiece), so matches reach
 * back across the seams as they would in one stream. Inflates as one stream; within 0.1% of its size.
 */
export async function deflateParallel(data: Uint8Array, level: number): Promise<Buffer> {
  if (data.length <= PIECE) return deflateRaw(data, { level });
  const pieces: Promise<Buffer>[] = [];
  for (let at = 0; at < data.length; at += PIECE) {
    const end = Math.min(data.length, at + PIECE);
    pieces.push(deflatePiece(data.subarray(at, end), level, end === data.length, data.subarray(0, at)));
  }
  return Buffer.concat(await Promise.all(pieces));
}

