/**
 * The CRC-32 of A followed by B from the CRC-32s of each and B's length, as zlib's crc32_combine (which
 * Node does not expose): the CRC of a part deflated in segments made apart, without keeping their text.
 */
function times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
  return sum >>> 0;
}

function square(out: Uint32Array, mat: Uint32Array): void {
  for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n]);
}

export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  // the operator for one zero bit, then for two and four (zlib's gf2_matrix method)
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  square(even, odd);
  square(odd, even);
  let crc = crc1 >>> 0;
  // apply len2 zero bytes to crc1, a bit of len2 at a time (lengths past 2^31 are divided, not shifted)
  for (let len = len2; ;) {
    square(even, odd);
    if (len % 2) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (!len) break;
    square(odd, even);
    if (len % 2) crc = times(odd, crc);
    len = Math.floor(len / 2);
    if (!len) break;
  }
  return (crc ^ crc2) >>> 0;
}
