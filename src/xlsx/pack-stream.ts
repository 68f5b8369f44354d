import { PackedPart, zipOf } from './package';
import { crc32, deflatePiece, PIECE } from './pack-node';

/**
 * A part deflated as it is produced: its XML is written into pieces of a few megabytes, and each piece is
 * deflated on Node's thread pool while the next is being made (pieces end with a sync flush and start
 * from the 32 KB before them, so together they are one DEFLATE stream, as pack-node's deflateParallel
 * makes them). A sheet of hundreds of thousands of rows never sits in memory as text, only deflated.
 */

export { NEW_BOOK_LEVEL } from './ooxml/new-book';

/** pieces being deflated at once: enough to keep the pool busy, few enough to bound the memory */
const IN_FLIGHT = 4;

export async function packStreamed(name: string, source: Iterable<string | Uint8Array>, level = 6): Promise<PackedPart> {
  const done: Buffer[] = [];
  const flying: Promise<Buffer>[] = [];
  // each text is written into the piece as UTF-8 where it is made: no text of a piece's size is ever built
  let piece = Buffer.allocUnsafe(PIECE);
  let used = 0;
  let before: Uint8Array | undefined;
  let size = 0;
  let sum = 0;
  const launch = async (last: boolean) => {
    const full = piece.subarray(0, used);
    sum = crc32(full, sum);
    size += used;
    flying.push(deflatePiece(full, level, last, before));
    before = full;
    // a part ends at its last piece: no buffer for a next one
    if (!last) piece = Buffer.allocUnsafe(PIECE);
    used = 0;
    while (flying.length > (last ? 0 : IN_FLIGHT)) done.push(await flying.shift()!);
  };
  for (const text of source) {
    if (typeof text !== 'string') {
      // bytes (a part already encoded) are copied in, a piece at a time
      for (let at = 0; at < text.length;) {
        if (used === piece.length) await launch(false);
        const n = Math.min(piece.length - used, text.length - at);
        piece.set(text.subarray(at, at + n), used);
        used += n;
        at += n;
      }
      continue;
    }
    // a UTF-8 character takes at most 3 bytes a UTF-16 unit
    if (used > 0 && used + text.length * 3 > piece.length) await launch(false);
    if (text.length * 3 > piece.length) piece = Buffer.allocUnsafe(text.length * 3);
    used += piece.write(text, used, 'utf8');
  }
  await launch(true);
  return { name, packed: Buffer.concat(done), crc: sum >>> 0, size };
}

/**
 * A zip of parts given as pieces of text or bytes, one part after another, each deflated as it comes (at
 * most a few pieces are in memory besides what the caller holds), or deflated by the caller already.
 */
export async function packPieces(parts: Iterable<{ name: string; pieces: Iterable<string | Uint8Array> } | { name: string; packed: () => Promise<PackedPart> }>, level = 6): Promise<Uint8Array> {
  const packed: PackedPart[] = [];
  for (const p of parts) packed.push('packed' in p ? await p.packed() : await packStreamed(p.name, p.pieces, level));
  return zipOf(packed);
}
