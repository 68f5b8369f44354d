import zlib from 'zlib';
import { crc32 as jsCrc32, PackedPart, zipOf } from './package';

/**
 * A part deflated as it is produced, piece by piece: a sheet of hundreds of thousands of rows never sits in
 * memory as XML text, only deflated (Node's zlib; the zip itself is assembled by package.ts's zipOf).
 */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const crc = (data: Uint8Array, prev: number) => (nativeCrc32 ? nativeCrc32(data, prev) : jsCrc32(data, prev));
const encoder = new TextEncoder();

export async function packStreamed(name: string, pieces: Iterable<string>): Promise<PackedPart> {
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let size = 0;
  let sum = 0;
  for (const piece of pieces) {
    const bytes = encoder.encode(piece);
    size += bytes.length;
    sum = crc(bytes, sum);
    // wait for the deflater to take it: the pieces are produced no faster than they are packed
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, packed: Buffer.concat(out), crc: sum >>> 0, size };
}

/** A zip of parts given as text or as pieces of text, each deflated as it comes. */
export async function packPieces(parts: { name: string; pieces: Iterable<string> }[]): Promise<Uint8Array> {
  const packed: PackedPart[] = [];
  for (const p of parts) packed.push(await packStreamed(p.name, p.pieces));
  return zipOf(packed);
}
