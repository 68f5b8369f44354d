import { promisify } from 'util';
import zlib from 'zlib';
import { crc32 as jsCrc32, PackedPart, zipOf } from './package';

/**
 * A part deflated as it is produced: its XML is gathered into pieces of a few megabytes, and each piece is
 * deflated on Node's thread pool while the next is being made (pieces end with a sync flush and start
 * from the 32 KB before them, so together they are one DEFLATE stream, as pack-node's deflateParallel
 * makes them). A sheet of hundreds of thousands of rows never sits in memory as text, only deflated.
 */
const deflateRaw = promisify(zlib.deflateRaw) as (data: Uint8Array, opts: zlib.ZlibOptions) => Promise<Buffer>;
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const crc = (data: Uint8Array, prev: number) => (nativeCrc32 ? nativeCrc32(data, prev) : jsCrc32(data, prev));
const encoder = new TextEncoder();

const PIECE = 4 * 1024 * 1024;
const WINDOW = 32 * 1024;
/** pieces being deflated at once: enough to keep the pool busy, few enough to bound the memory */
const IN_FLIGHT = 4;

export async function packStreamed(name: string, source: Iterable<string>): Promise<PackedPart> {
  const done: Buffer[] = [];
  const flying: Promise<Buffer>[] = [];
  let gathered: Uint8Array[] = [];
  let gatheredBytes = 0;
  let before: Uint8Array | null = null;
  let size = 0;
  let sum = 0;
  const launch = async (last: boolean) => {
    const piece = Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    flying.push(deflateRaw(piece, {
      level: 6,
      finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      ...(before ? { dictionary: before } : {}),
    }));
    before = piece.subarray(Math.max(0, piece.length - WINDOW));
    while (flying.length > (last ? 0 : IN_FLIGHT)) done.push(await flying.shift()!);
  };
  for (const text of source) {
    const bytes = encoder.encode(text);
    size += bytes.length;
    sum = crc(bytes, sum);
    gathered.push(bytes);
    gatheredBytes += bytes.length;
    if (gatheredBytes >= PIECE) await launch(false);
  }
  await launch(true);
  return { name, packed: Buffer.concat(done), crc: sum >>> 0, size };
}

/** A zip of parts given as pieces of text, each deflated as it comes. */
export async function packPieces(parts: { name: string; pieces: Iterable<string> }[]): Promise<Uint8Array> {
  const packed: PackedPart[] = [];
  for (const p of parts) packed.push(await packStreamed(p.name, p.pieces));
  return zipOf(packed);
}
