/**
 * The CRC-32 of A followed by B from the CRC-32s of each and B's length, as zlib's crc32_combine (which
 * Node does not expose): the CRC of a part deflated in segments made apart, without keeping their text.
 * zlib 1.2.12's method: crc1 times x^(8·len2) modulo the CRC's polynomial, that power made from the table
 * of x^(2^k) (a few dozen products of 32 steps each, not zlib's older squarings of 32×32 matrices, which cost
 * the county's 2,000 segments 60 ms of the merge's last, single-threaded moments).
 */
const POLY = 0xedb88320;

/** a · b modulo the polynomial, both reflected as the CRC holds them */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31 (powers of 2^32 and past repeat with period 31 from k = 3) */
const X2N: number[] = [];
{
  let p = 0x40000000; // x^1
  for (let k = 0; k < 32; k++) {
    X2N.push(p);
    p = multModP(p, p);
  }
}

/** x^(n · 2^k) modulo the polynomial */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n) {
    if (n % 2) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  return (multModP(x2nModP(len2, 3), crc1 >>> 0) ^ crc2) >>> 0;
}
