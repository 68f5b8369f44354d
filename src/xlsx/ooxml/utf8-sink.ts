/**
 * A growing buffer that a sheet's rows are written into as UTF-8, a piece at a time (outsheet.ts's
 * RowWriter.bytes). Building a unit's rows as one string and encoding it cost the county's 明细 of 300,000
 * rows as much as making them: V8 joins the pieces as a tree of strings, which it must walk to encode, and
 * collect. The pieces here are short (tags, numbers, a name), so they are encoded in place, not by a call out.
 */
export class Utf8Sink {
  private buf = new Uint8Array(64 * 1024);
  /** bytes written */
  at = 0;

  /** text of ASCII characters only (tags, attributes, numbers) */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** a number as String(n) writes it */
  num(n: number): void {
    if (!(n >= 0 && n < 2 ** 31 && n === Math.floor(n))) return this.ascii(String(n));
    this.room(10);
    const b = this.buf;
    let end = this.at;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) end++;
    this.at = end + 1;
    do {
      b[end--] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** any text, as TextEncoder encodes it (a lone surrogate as U+FFFD) */
  text(s: string): void {
    this.room(s.length * 3);
    const b = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[at++] = c;
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[at++] = 0xf0 | (c >> 18);
            b[at++] = 0x80 | ((c >> 12) & 63);
            b[at++] = 0x80 | ((c >> 6) & 63);
            b[at++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 63);
        b[at++] = 0x80 | (c & 63);
      }
    }
    this.at = at;
  }

  /** the bytes written, in a buffer of their own size */
  take(): Uint8Array {
    return this.buf.slice(0, this.at);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const more = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    more.set(this.buf.subarray(0, this.at));
    this.buf = more;
  }
}
