import { deflateSync, Inflate, strFromU8 } from 'fflate';
import { InputError } from './input-error';

/**
 * The .xlsx package (a zip of XML parts), read and written in Node and in the browser alike: no Node API
 * here, fflate for DEFLATE. Every part is inflated in bounded steps, and a package is refused, with a
 * Chinese message naming the file and the part, as soon as it declares or turns out to hold more than
 * its limits allow ("zip bombs"), or cannot be read (corrupt, zip64, encrypted, unknown compression).
 *
 * fflate's own unzip cannot be used for reading: it allocates each part's declared size up front, silently
 * truncates a part that inflates to more than it declares, and reports neither where a part's data lies nor
 * whether it is encrypted. So the central directory is read here (bounds-checked: every offset is checked
 * against the file before it is used) and fflate's streaming Inflate does the inflating, a chunk at a time.
 */
export interface Package {
  /** part names in the order of the zip's central directory, e.g. 'xl/worksheets/sheet1.xml' (no folder entries) */
  readonly names: string[];
  has(name: string): boolean;
  /** the part's bytes, inflated on first use (bounded), cached */
  bytes(name: string): Uint8Array;
  /** the part as UTF-8 text (BOM stripped); uses the cached bytes if there are any, and caches nothing itself */
  text(name: string): string;
  /** beyond the agreed API: the part's uncompressed size as the zip declares it (0 for a part not there) */
  size(name: string): number;
  /** beyond the agreed API: the part's first bytes (at most `max`), inflating no more than needed; not cached */
  head(name: string, max: number): Uint8Array;
  /**
   * beyond the agreed API: inflate every part not read yet, keeping nothing, and throw as bytes() would for
   * the first that is corrupt or holds more than it declares. For handing the file to a reader that trusts
   * the declarations (exceljs, through JSZip, inflates a part whole before it checks its size).
   */
  verify(): void;
  /** beyond the agreed API: the part as stored (0 stored, 8 deflated) and its declared size, for Node to inflate with zlib (guard.ts) */
  raw(name: string): { method: 0 | 8; data: Uint8Array; size: number };
}

export interface PackageLimits {
  /** largest uncompressed part */
  maxPartBytes: number;
  /** largest sum of all parts, uncompressed */
  maxTotalBytes: number;
  /** largest uncompressed : compressed ratio of a part (judged on parts of RATIO_FLOOR bytes or more) */
  maxRatio: number;
}

const MiB = 1024 * 1024;

/**
 * What a real county workbook needs, with room to spare, and no more.
 *
 * Sizes measured on the bench's generated roster (bench/generate.ts written by write-book.ts): 50,000 rows
 * are a 31.7 MB sheet (37 bytes a cell) and 4.3 MB of shared strings, deflated about 9:1. The largest
 * workbook the tool takes, 200,000 rows × 30 columns, is then a ~220 MB sheet and ~40 MB of strings (by
 * estimate up to twice that sheet when a program writes inline strings instead of shared ones; guard.ts
 * refuses sheets over 400 MB as too many rows).
 * - maxPartBytes 500 MiB: above any sheet guard.ts lets through, so real workbooks meet guard's own
 *   messages first; and below V8's longest string (2^29 − 24 characters ≈ 512 MiB), so text() of any part
 *   that passes can be made a string at all.
 * - maxTotalBytes 1 GiB: room for a 200,000-row roster, its strings and a second sheet as large (~500 MB),
 *   twice over.
 * - maxRatio 100: XML with cell references in it does not deflate better than ~25:1 (measured: 200,000 rows
 *   of empty styled cells 12:1, of one repeated string 18:1, a million empty formatted rows 23:1); zip
 *   bombs run at 1,000:1 (deflate's limit is 1,032:1). Apache POI's default is the same 100:1.
 *
 * What a bomb can cost (measured in a child process, test/package.test.ts; an idle Node is ~40 MB): one that
 * declares honestly (a huge part, a huge total, a huge ratio) is refused from the central directory before
 * anything is inflated (~10 ms, ~55 MB). One that lies about its size is inflated CHUNK compressed bytes at
 * a time and stopped at the first step where its output passes what it declared or 100 × the compressed
 * bytes read so far, at most ~17 MB past that point (~0.1 s, ~85 MB for 1 GB of zeros declared as 1 KB).
 * The dearest lie inflates like a real sheet (under 100:1) up to its declared size and beyond: a part that
 * declares more than PROVE_ABOVE is inflated once keeping nothing before it is kept (readPart), so even one
 * declaring 490 MiB costs ~1.5 s and ~110 MB before it is refused.
 */
export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxPartBytes: 500 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxRatio: 100,
});

/** The ratio is judged on parts this large and up: a smaller part cannot cost much, and small runs of repeated text compress absurdly well. */
export const RATIO_FLOOR = 1 * MiB;
/** Compressed bytes given to the inflater at a time: at most ~16.5 MB of output a step. */
const CHUNK = 16 * 1024;
/** Parts declaring more than this are proved before they are kept (readPart). */
const PROVE_ABOVE = 64 * MiB;

interface Entry {
  name: string;
  flags: number;
  method: number;
  /** compressed size and uncompressed size, as declared in the central directory */
  packed: number;
  size: number;
  /** offset of the local header */
  local: number;
}

const u16 = (d: Uint8Array, p: number) => d[p] | (d[p + 1] << 8);
const u32 = (d: Uint8Array, p: number) => (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24)) >>> 0;

const mb = (n: number) => (n / MiB).toLocaleString('en-US', { maximumFractionDigits: 0 });

/** The Chinese messages, each naming the file (and the part) and saying what to do. */
const say = {
  corrupt: (file: string) => `文件「${file}」已损坏或不完整（可能下载或拷贝中断），无法打开。请重新获取原文件。`,
  corruptPart: (file: string, part: string) =>
    `文件「${file}」中的 ${part} 已损坏，无法解压。请在 Excel 中打开并另存为 .xlsx 后重试，或重新获取原文件。`,
  zip64: (file: string, part?: string) =>
    `文件「${file}」${part ? `中的 ${part} ` : ''}使用了 ZIP64 格式（只有超过 4 GB 或 65,535 个部件的压缩包才需要），不是正常的摸排统计表，已拒绝读取。请在 Excel 中打开后另存为 .xlsx，或联系报送单位。`,
  encrypted: (file: string, part: string) =>
    `文件「${file}」中的 ${part} 经过加密（压缩包设置了密码），无法读取。请提供未加密的 .xlsx 文件：在 Excel 中打开后另存，或联系报送单位。`,
  method: (file: string, part: string, method: number) =>
    `文件「${file}」中的 ${part} 使用了本工具不支持的压缩方式（编号 ${method}），无法读取。请在 Excel 中打开后另存为 .xlsx 再试。`,
  tooBig: (file: string, part: string, limit: number) =>
    `文件「${file}」中的 ${part} 解压后超过 ${mb(limit)} MB（或压缩比异常，可能是“压缩炸弹”），已拒绝读取。请在 Excel 中打开、删除多余内容后另存，或联系报送单位。`,
  ratio: (file: string, part: string, ratio: number) =>
    `文件「${file}」中的 ${part} 压缩比超过 ${ratio}:1，远超正常表格，可能是“压缩炸弹”，已拒绝读取。请在 Excel 中打开、删除多余内容后另存，或联系报送单位。`,
  lying: (file: string, part: string) =>
    `文件「${file}」中的 ${part} 解压后超出压缩包中记录的大小（可能是“压缩炸弹”或文件已损坏），已拒绝读取。请在 Excel 中打开并另存为 .xlsx，或联系报送单位。`,
  total: (file: string, part: string, limit: number) =>
    `文件「${file}」的各部件解压后合计超过 ${mb(limit)} MB（算到 ${part} 时，或压缩比异常，可能是“压缩炸弹”），已拒绝读取。请在 Excel 中打开、删除多余内容后另存，或联系报送单位。`,
  missing: (file: string, part: string) => `文件「${file}」中缺少 ${part}，可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试。`,
};

/** The central directory's entries, every offset checked against the file; the package's own limits applied. */
function directory(data: Uint8Array, file: string, limits: PackageLimits): Entry[] {
  const corrupt = () => new InputError(say.corrupt(file));
  if (data.length < 22) throw corrupt();
  // the end record: the last 22 bytes, or further back by a comment of up to 65,535 bytes
  let eocd = data.length - 22;
  const stop = Math.max(0, eocd - 65535);
  while (eocd >= stop && !(u32(data, eocd) === 0x06054b50 && eocd + 22 + u16(data, eocd + 20) <= data.length)) eocd--;
  if (eocd < stop) throw corrupt();
  const count = u16(data, eocd + 10);
  const cdSize = u32(data, eocd + 12);
  const cdOffset = u32(data, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new InputError(say.zip64(file));
  if (u16(data, eocd + 4) !== 0 || u16(data, eocd + 6) !== 0 || u16(data, eocd + 8) !== count) throw corrupt(); // split across disks
  if (cdOffset + cdSize > eocd) throw corrupt();
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(data, p) !== 0x02014b50) throw corrupt();
    const nameLen = u16(data, p + 28);
    const next = p + 46 + nameLen + u16(data, p + 30) + u16(data, p + 32);
    if (next > cdOffset + cdSize) throw corrupt();
    let name: string;
    try {
      name = strFromU8(data.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw corrupt();
    }
    name = name.replace(/^\//, '');
    const e: Entry = { name, flags: u16(data, p + 8), method: u16(data, p + 10), packed: u32(data, p + 20), size: u32(data, p + 24), local: u32(data, p + 42) };
    p = next;
    if (e.packed === 0xffffffff || e.size === 0xffffffff || e.local === 0xffffffff) throw new InputError(say.zip64(file, name));
    if (name.endsWith('/') && e.size === 0) continue; // a folder
    if (seen.has(name)) throw corrupt(); // two parts of one name: which one a reader takes is anyone's guess
    seen.add(name);
    if (e.flags & 0x41) throw new InputError(say.encrypted(file, name)); // traditional or strong encryption
    if (e.method !== 0 && e.method !== 8) throw new InputError(say.method(file, name, e.method));
    if (e.method === 0 && e.packed !== e.size) throw corrupt();
    // the part's data must lie before the central directory
    if (e.local + 30 > cdOffset || u32(data, e.local) !== 0x04034b50) throw corrupt();
    if (dataStart(data, e) + e.packed > cdOffset) throw corrupt();
    if (e.size > limits.maxPartBytes) throw new InputError(say.tooBig(file, name, limits.maxPartBytes));
    if (e.size >= RATIO_FLOOR && e.size > limits.maxRatio * e.packed) throw new InputError(say.ratio(file, name, limits.maxRatio));
    total += e.size;
    if (total > limits.maxTotalBytes) throw new InputError(say.total(file, name, limits.maxTotalBytes));
    entries.push(e);
  }
  return entries;
}

const dataStart = (data: Uint8Array, e: Entry) => e.local + 30 + u16(data, e.local + 26) + u16(data, e.local + 28);

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Where a part's output goes: 'collect' keeps the chunks and joins them at the end; 'discard' keeps nothing
 * (to prove a part's size before trusting it); a buffer of the part's declared size takes it in place.
 */
type Sink = 'collect' | 'discard' | Uint8Array;

/**
 * Inflate a part in CHUNK steps, refusing it as soon as its output passes its declared size or maxRatio ×
 * the compressed bytes read so far; with `max` below its size (head()) just stopping there.
 */
function inflatePart(data: Uint8Array, e: Entry, file: string, limits: PackageLimits, sink: Sink, max = Infinity): Uint8Array {
  const start = dataStart(data, e);
  const src = data.subarray(start, start + e.packed);
  if (e.method === 0) return src.subarray(0, max);
  const chunks: Uint8Array[] = [];
  let out = 0;
  const inflater = new Inflate((chunk) => {
    if (sink === 'collect') chunks.push(chunk);
    else if (sink !== 'discard' && out + chunk.length <= sink.length) sink.set(chunk, out);
    out += chunk.length;
  });
  try {
    let at = 0;
    do {
      const end = Math.min(src.length, at + CHUNK);
      inflater.push(src.subarray(at, end), end === src.length);
      at = end;
      if (out > e.size) throw new InputError(say.lying(file, e.name));
      if (out > RATIO_FLOOR + limits.maxRatio * at) throw new InputError(say.ratio(file, e.name, limits.maxRatio));
      if (out >= max) return concat(chunks, out).subarray(0, max);
    } while (at < src.length);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(say.corruptPart(file, e.name));
  }
  if (out !== e.size) throw new InputError(say.corruptPart(file, e.name));
  return sink === 'collect' ? concat(chunks, out) : sink === 'discard' ? new Uint8Array(0) : sink;
}

/**
 * A whole part. One that declares more than PROVE_ABOVE is inflated twice: first keeping nothing, which
 * proves it holds no more than it declares, then into a buffer of exactly that size. A part that lies about
 * its size then costs time (~2 s for 500 MB) but no memory, and a real one needs its size once, not twice
 * (chunks and their join). Smaller parts are inflated once, their chunks joined.
 */
function readPart(data: Uint8Array, e: Entry, file: string, limits: PackageLimits): Uint8Array {
  if (e.method === 0 || e.size <= PROVE_ABOVE) return inflatePart(data, e, file, limits, 'collect');
  inflatePart(data, e, file, limits, 'discard');
  return inflatePart(data, e, file, limits, new Uint8Array(e.size));
}

/** Open an .xlsx (or any zip) for reading its parts; throws InputError for a package that cannot be used. */
export function openPackage(data: Uint8Array, fileName: string, limits: Partial<PackageLimits> = {}): Package {
  const lim: PackageLimits = { ...DEFAULT_PACKAGE_LIMITS, ...limits };
  const entries = new Map(directory(data, fileName, lim).map((e) => [e.name, e]));
  const cache = new Map<string, Uint8Array>();
  const entry = (name: string) => {
    const e = entries.get(name);
    if (!e) throw new InputError(say.missing(fileName, name));
    return e;
  };
  const bytes = (name: string) => {
    let b = cache.get(name);
    if (!b) cache.set(name, (b = readPart(data, entry(name), fileName, lim)));
    return b;
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    bytes,
    text: (name) => utf8(cache.get(name) ?? readPart(data, entry(name), fileName, lim), fileName, name),
    size: (name) => entries.get(name)?.size ?? 0,
    head: (name, max) => inflatePart(data, entry(name), fileName, lim, 'collect', Math.max(0, max)),
    verify: () => {
      for (const e of entries.values()) if (!cache.has(e.name)) inflatePart(data, e, fileName, lim, 'discard');
    },
    raw: (name) => {
      const e = entry(name);
      const start = dataStart(data, e);
      return { method: e.method as 0 | 8, data: data.subarray(start, start + e.packed), size: e.size };
    },
  };
}

function utf8(b: Uint8Array, file: string, part: string): string {
  let s: string;
  try {
    // a TextDecoder made now, not when fflate loaded: in Edge Legacy it is the polyfill's, installed by then
    s = typeof TextDecoder === 'function' ? new TextDecoder().decode(b) : strFromU8(b);
  } catch {
    throw new InputError(say.corruptPart(file, part));
  }
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/* ---- writing ---- */

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 as zip uses it. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export interface PackedPart {
  name: string;
  /** the raw DEFLATE stream */
  packed: Uint8Array;
  crc: number;
  size: number;
}

/**
 * A zip of parts already deflated, in the given order: UTF-8 names, sizes in the local headers (no data
 * descriptors), no zip64 (a workbook's parts stay far below 4 GB). Shared by the browser's packParts below
 * and Node's (pack-node.ts), which differ only in who deflates.
 */
export function zipOf(parts: PackedPart[], date = new Date()): Uint8Array {
  if (parts.length > 0xfffe) throw new Error(`zip: ${parts.length} parts need zip64`);
  const enc = new TextEncoder();
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const names = parts.map((p) => enc.encode(p.name));
  let localBytes = 0;
  let centralBytes = 0;
  parts.forEach((p, i) => {
    localBytes += 30 + names[i].length + p.packed.length;
    centralBytes += 46 + names[i].length;
  });
  if (localBytes + centralBytes > 0xfffffffe) throw new Error('zip: over 4 GB needs zip64');
  const out = new Uint8Array(localBytes + centralBytes + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  let cd = localBytes;
  parts.forEach((p, i) => {
    const name = names[i];
    // the fields a local header and a central directory entry share, from "version needed" on
    const common = (o: number) => {
      view.setUint16(o, 20, true); // version needed: 2.0 (deflate)
      view.setUint16(o + 2, 0x0800, true); // UTF-8 names
      view.setUint16(o + 4, 8, true); // deflate
      view.setUint16(o + 6, time, true);
      view.setUint16(o + 8, day, true);
      view.setUint32(o + 10, p.crc >>> 0, true);
      view.setUint32(o + 14, p.packed.length, true);
      view.setUint32(o + 18, p.size, true);
      view.setUint16(o + 22, name.length, true);
      view.setUint16(o + 24, 0, true); // extra field
    };
    view.setUint32(at, 0x04034b50, true);
    common(at + 4);
    out.set(name, at + 30);
    out.set(p.packed, at + 30 + name.length);
    view.setUint32(cd, 0x02014b50, true);
    view.setUint16(cd + 4, 20, true); // made by: 2.0, MS-DOS attributes
    common(cd + 6);
    // comment length, disk, internal and external attributes: 0
    view.setUint32(cd + 42, at, true);
    out.set(name, cd + 46);
    at += 30 + name.length + p.packed.length;
    cd += 46 + name.length;
  });
  view.setUint32(cd, 0x06054b50, true);
  view.setUint16(cd + 8, parts.length, true);
  view.setUint16(cd + 10, parts.length, true);
  view.setUint32(cd + 12, centralBytes, true);
  view.setUint32(cd + 16, localBytes, true);
  return out;
}

/**
 * A zip of the parts, deflated, in the given order: the browser's way (fflate, level 6, on this thread).
 * In Node, use packPieces from pack-stream.ts: zlib on the thread pool is 3–5 times faster.
 */
export async function packParts(parts: { name: string; data: Uint8Array }[], opts: { level?: number; date?: Date } = {}): Promise<Uint8Array> {
  const level = (opts.level ?? 6) as 6;
  return zipOf(parts.map((p) => ({ name: p.name, packed: deflateSync(p.data, { level }), crc: crc32(p.data), size: p.data.length })), opts.date);
}
