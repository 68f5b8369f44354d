import { crc32Combine } from './crc-combine';
import { crc32, deflatePieceSync } from './pack-node';
import { PackedPart } from './package';

interface Segment {
  packed: Buffer;
  crc: number;
  size: number;
}

/** a segment, or why it could not be made: met where the part is packed, not where the unit's check arrives */
type Made = Segment | { error: unknown };

/**
 * A part deflated in segments made apart, in the order of their keys: the county's 明细, one unit's rows a
 * segment, deflated as each unit's check arrives instead of all at the end; a segment whose rows change
 * later (the X rules colour people across files) is set again. Each segment is a DEFLATE stream of its
 * own ended by a sync flush, so that head, segments and tail together are one stream. (Being apart costs
 * 2% in size on a 明细 of 300,000 people.)
 */
export class SegmentedPart {
  private readonly segments = new Map<number, Made>();

  constructor(private readonly level: number) {}

  /** the segment's text, or its UTF-8 bytes */
  set(key: number, text: string | Uint8Array): void {
    this.segments.set(key, attempt(() => segment(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, this.level, false)));
  }

  async pack(name: string, head: string, tail: string): Promise<PackedPart> {
    const keys = [...this.segments.keys()].sort((a, b) => a - b);
    return joined(name, head, keys.map((k) => this.segments.get(k)!), tail, this.level);
  }
}

/**
 * A part written in order and never changed (the county's 校验结果): its text is gathered into pieces of a
 * megabyte, each deflated as it fills, with the 32 KB before it as its dictionary, so that it packs as
 * one stream would.
 */
export class AppendedPart {
  private readonly segments: Made[] = [];
  private pending: Buffer[] = [];
  private length = 0;
  private before?: Uint8Array;

  constructor(private readonly level: number) {}

  /** text, or its UTF-8 bytes */
  append(text: string | Uint8Array): void {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.length);
    this.pending.push(bytes);
    this.length += bytes.length;
    if (this.length >= PIECE_BYTES) this.flush();
  }

  async pack(name: string, head: string, tail: string): Promise<PackedPart> {
    this.flush();
    return joined(name, head, this.segments, tail, this.level);
  }

  private flush(): void {
    if (!this.length) return;
    const data = Buffer.concat(this.pending, this.length);
    const before = this.before;
    this.segments.push(attempt(() => segment(data, this.level, false, before)));
    this.before = data.subarray(Math.max(0, data.length - 32 * 1024));
    this.pending = [];
    this.length = 0;
  }
}

/** a megabyte of text: a few hundred kilobytes deflated as the next fills */
const PIECE_BYTES = 1024 * 1024;

/**
 * Deflated here, not on the thread pool: a segment is a unit's rows (a few hundred kilobytes), made while the
 * workers keep the cores busy, and Node's async zlib costs a stream a call (0.7 s of this thread for a
 * county's 2,000 segments, against 0.3–0.6 s more for the whole merge).
 */
function segment(data: Uint8Array, level: number, last: boolean, before?: Uint8Array): Segment {
  return { packed: deflatePieceSync(data, level, last, before), crc: crc32(data), size: data.length };
}

function attempt(make: () => Segment): Made {
  try {
    return make();
  } catch (error) {
    return { error };
  }
}

function joined(name: string, head: string, middle: Made[], tail: string, level: number): PackedPart {
  const all = [segment(Buffer.from(head, 'utf8'), level, false), ...middle, segment(Buffer.from(tail, 'utf8'), level, true)].map((m) => {
    if ('error' in m) throw m.error;
    return m;
  });
  let crc = 0;
  let size = 0;
  for (const s of all) {
    crc = crc32Combine(crc, s.crc, s.size);
    size += s.size;
  }
  return { name, packed: Buffer.concat(all.map((s) => s.packed)), crc, size };
}
