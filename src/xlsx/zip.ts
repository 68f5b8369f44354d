import ExcelJS from 'exceljs';
import { writeAtomic } from './atomic';
import { deflateParallel } from './pack-node';

/**
 * exceljs compresses with a JavaScript port of zlib (pako), about a quarter of the time of writing a large
 * workbook. Here exceljs writes an uncompressed ("stored") zip and Node's own zlib deflates its parts, in
 * parallel on its thread pool, a large part in pieces (pack-node.ts). (Reading stays with exceljs: its
 * stored-zip path is slower than its inflate.)
 * Only the exceljs write path uses this file: reading a package, with its bounds, is package.ts, and writing
 * one from parts is pack-node.ts (Node) or package.ts (browser).
 */
interface Entry {
  name: Buffer;
  crc: number;
  /** 0 stored, 8 deflated */
  method: number;
  data: Buffer;
  size: number;
}

/** The parts of a zip exceljs wrote, read through its central directory (as stored). Not for clerks' files: no bounds (package.ts has them). */
export function zipEntries(zip: Buffer): Entry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('zip: bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const packed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen);
    if (method !== 0 && method !== 8) throw new Error(`zip: compression method ${method}`);
    if (packed === 0xffffffff || size === 0xffffffff) throw new Error('zip: zip64');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.push({ name, crc, method, data: zip.subarray(dataStart, dataStart + packed), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** A zip of the given stored parts, deflated or stored (names as UTF-8, no zip64: parts stay far below 4 GB). */
export async function packZip(entries: Entry[], method: 0 | 8): Promise<Buffer> {
  const packed = await Promise.all(entries.map((e) => (method === 8 ? deflateParallel(e.data, 6) : e.data)));
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(method, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(e.crc, 14);
    head.writeUInt32LE(packed[i].length, 18);
    head.writeUInt32LE(e.data.length, 22);
    head.writeUInt16LE(e.name.length, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    head.copy(central, 8, 6, 30); // flags … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    locals.push(head, e.name, packed[i]);
    centrals.push(central, e.name);
    offset += 30 + e.name.length + packed[i].length;
  });
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  await writeAtomic(file, await packZip(zipEntries(Buffer.from(stored as ArrayBuffer)), 8));
}
