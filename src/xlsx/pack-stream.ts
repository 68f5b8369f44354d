import { PackedPart, zipOf } from './package';
import { crc32, deflatePiece, PIECE } from './pack-node';

/**
 * A part deflated as it is produced: its XML is gathered into pieces of a few megabytes, and each piece is
 * deflated on Node's thread pool while the next is being made (pieces end with a sync flush and start
 * from the 32 KB before them, so together they are one DEFLATE stream, as pack-node's deflateParallel
 * makes them). A sheet of hundreds of thousands of rows never sits in memory as text, only deflated.
 */
const encoder = new TextEncoder();

/** pieces being deflated at once: enough to keep the pool busy, few enough to bound the memory */
const IN_FLIGHT = 4;

export async function packStreamed(name: string, source: Iterable<string>): Promise<PackedPart> {
  const done: Buffer[] = [];
  const flying: Promise<Buffer>[] = [];
  let gathered: Uint8Array[] = [];
  let gatheredBytes = 0;
  let before: Uint8Array | undefined;
  let size = 0;
  let sum = 0;
  const launch = async (last: boolean) => {
    const piece = Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    flying.push(deflatePiece(piece, 6, last, before));
    before = piece;
    while (flying.length > (last ? 0 : IN_FLIGHT)) done.push(await flying.shift()!);
  };
  for (const text of source) {
    const bytes = encoder.encode(text);
    size += bytes.length;
    sum = crc32(bytes, sum);
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
