import ExcelJS from 'exceljs';
import { freshNode } from '../bench/own-peak';
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import path from 'path';
import ts from 'typescript';
import zlib from 'zlib';
import { dayFromIso } from '../src/core/dates';
import { demoUnits } from '../src/sample/demo';
import { readGrid } from '../src/xlsx/fast-read';
import { InputError } from '../src/xlsx/input-error';
import { packPieces } from '../src/xlsx/pack-stream';
import { DEFAULT_PACKAGE_LIMITS, openPackage, packParts as packPartsBrowser, PackedPart, zipOf } from '../src/xlsx/package';
import { openWorkbook } from './helpers/exceljs-grid';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

const root = path.join(__dirname, '..');
const MiB = 1024 * 1024;
const dir = tmpDir();
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** The message openPackage (and, with `part`, reading that part) gives, or null. */
function refusal(zip: Uint8Array, file = '单位.xlsx', part?: string): string | null {
  try {
    const pkg = openPackage(zip, file);
    if (part) pkg.bytes(part);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
}

/** Chinese, naming the file, saying what to do; never a library's English. */
function expectChinese(message: string | null, file = '单位.xlsx') {
  expect(message).not.toBeNull();
  expect(message).toContain(`「${file}」`);
  expect(message).toMatch(/请/);
  expect(message).not.toMatch(/invalid|unexpected|error|zip:/i);
}

const deflated = (data: Uint8Array): PackedPart & { data: Uint8Array } => ({ name: '', data, packed: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length });
const part = (name: string, text: string) => ({ ...deflated(enc(text)), name });
const WORKBOOK = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET = '<worksheet><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>';
const STRINGS = '<sst><si><t>姓名</t></si></sst>';

/** The central directory entry of `name` in a zip written by zipOf/packParts (offset of its signature). */
function cdEntry(zip: Uint8Array, name: string): number {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  let p = v.getUint32(eocd + 16, true);
  for (let i = 0; i < v.getUint16(eocd + 10, true); i++) {
    const len = v.getUint16(p + 28, true);
    if (dec(zip.subarray(p + 46, p + 46 + len)) === name) return p;
    p += 46 + len + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  throw new Error(`no ${name}`);
}
function patched(zip: Uint8Array, edit: (v: DataView) => void): Uint8Array {
  const out = zip.slice();
  edit(new DataView(out.buffer));
  return out;
}

describe('openPackage reads a zip through its central directory', () => {
  it('lists the parts in directory order (no folders, no leading slash), reads bytes and text, caches bytes', async () => {
    const z = new JSZip();
    z.file('[Content_Types].xml', '\uFEFF<Types/>');
    z.folder('xl');
    z.file('xl/workbook.xml', WORKBOOK);
    z.file('xl/worksheets/sheet1.xml', SHEET, { compression: 'STORE' });
    const data = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const pkg = openPackage(data, 'a.xlsx');
    expect(pkg.names).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(pkg.has('xl/workbook.xml')).toBe(true);
    expect(pkg.has('xl/')).toBe(false);
    expect(pkg.text('[Content_Types].xml')).toBe('<Types/>');
    expect(pkg.text('xl/workbook.xml')).toBe(WORKBOOK);
    expect(pkg.text('xl/worksheets/sheet1.xml')).toBe(SHEET);
    expect(pkg.bytes('xl/workbook.xml')).toBe(pkg.bytes('xl/workbook.xml'));
    expect(pkg.size('xl/workbook.xml')).toBe(enc(WORKBOOK).length);
    expect(dec(pkg.head('xl/workbook.xml', 9))).toBe('<workbook');
    expect(() => pkg.verify()).not.toThrow();
    expectChinese(refusal(data, 'a.xlsx', 'xl/sharedStrings.xml'), 'a.xlsx');
  });

  it('takes limits: a part, the total and the ratio', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    const big = { ...deflated(enc(rows)), name: 'xl/worksheets/sheet1.xml' }; // 3.3 MB
    const zip = zipOf([part('xl/workbook.xml', WORKBOOK), big]);
    expect(refusal(zip, 'x.xlsx', 'xl/worksheets/sheet1.xml')).toBeNull();
    expect(() => openPackage(zip, 'x.xlsx', { maxPartBytes: 1 * MiB })).toThrow(/sheet1\.xml 解压后超过 1 MB/);
    expect(() => openPackage(zip, 'x.xlsx', { maxTotalBytes: 2 * MiB })).toThrow(/合计超过 2 MB/);
    expect(() => openPackage(zip, 'x.xlsx', { maxRatio: 5 })).toThrow(/压缩比超过 5:1/); // it deflates ~6.8:1
  });
});

describe('what cannot be used is refused in Chinese, never with a library error', () => {
  const strings = `<sst>${Array.from({ length: 3000 }, (_, i) => `<si><t>姓名${i * 7919}</t></si>`).join('')}</sst>`;
  const good = zipOf([part('[Content_Types].xml', '<Types/>'), part('xl/workbook.xml', WORKBOOK), part('xl/sharedStrings.xml', strings)]);

  it('a truncated or damaged zip', () => {
    expect(refusal(good)).toBeNull();
    for (const bad of [
      good.subarray(0, good.length >> 1), // cut off
      good.subarray(0, good.length - 22), // no end record
      new Uint8Array(10),
      patched(good, (v) => v.setUint32(cdEntry(good, 'xl/workbook.xml'), 0x12345678, true)), // directory damaged
      patched(good, (v) => v.setUint32(cdEntry(good, 'xl/workbook.xml') + 42, good.length, true)), // data beyond the file
      patched(good, (v) => v.setUint32(0, 0, true)), // a local header gone
      patched(good, (v) => (v.setUint16(good.length - 14, 9, true), v.setUint16(good.length - 12, 9, true))), // more entries than there are
    ]) {
      const m = refusal(bad);
      expectChinese(m);
      expect(m).toContain('已损坏');
    }
  });

  it('a part whose data is damaged, when it is read', () => {
    const at = cdEntry(good, 'xl/sharedStrings.xml');
    const v = new DataView(good.buffer);
    const start = v.getUint32(at + 42, true) + 30 + 'xl/sharedStrings.xml'.length;
    const bad = good.slice();
    bad.fill(0xff, start + 20, start + 60);
    expect(refusal(bad)).toBeNull();
    const m = refusal(bad, '单位.xlsx', 'xl/sharedStrings.xml');
    expectChinese(m);
    expect(m).toContain('xl/sharedStrings.xml 已损坏');
  });

  it('a part that inflates to less than it declares', () => {
    const short = zipOf([part('xl/workbook.xml', WORKBOOK), { ...part('xl/sharedStrings.xml', STRINGS), size: 1000 }]);
    expect(refusal(short)).toBeNull();
    const m = refusal(short, '单位.xlsx', 'xl/sharedStrings.xml');
    expectChinese(m);
    expect(m).toContain('xl/sharedStrings.xml 已损坏');
  });

  it('two parts of one name', () => {
    const m = refusal(zipOf([part('xl/workbook.xml', WORKBOOK), part('xl/workbook.xml', '<workbook/>')]));
    expectChinese(m);
    expect(m).toContain('已损坏');
  });

  it('zip64, encrypted entries and compression methods other than deflate (fixtures made with Info-ZIP)', () => {
    const fixture = (n: string) => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures/zip', n)));
    const zip64 = refusal(fixture('zip64.xlsx'), 'zip64.xlsx');
    expectChinese(zip64, 'zip64.xlsx');
    expect(zip64).toContain('ZIP64');
    const secret = refusal(fixture('encrypted.xlsx'), 'encrypted.xlsx');
    expectChinese(secret, 'encrypted.xlsx');
    expect(secret).toContain('[Content_Types].xml 经过加密');
    const bzip2 = refusal(fixture('bzip2.xlsx'), 'bzip2.xlsx');
    expectChinese(bzip2, 'bzip2.xlsx');
    expect(bzip2).toContain('xl/workbook.xml 使用了本工具不支持的压缩方式（编号 12）');
  });

  it('the same, marked on one entry of an ordinary zip', () => {
    const at = cdEntry(good, 'xl/sharedStrings.xml');
    const zip64 = refusal(patched(good, (v) => v.setUint32(at + 24, 0xffffffff, true)));
    expectChinese(zip64);
    expect(zip64).toContain('xl/sharedStrings.xml 使用了 ZIP64');
    expect(refusal(patched(good, (v) => v.setUint16(good.length - 12, 0xffff, true)))).toContain('ZIP64');
    expect(refusal(patched(good, (v) => v.setUint16(at + 8, 0x0801, true)))).toContain('xl/sharedStrings.xml 经过加密');
    expect(refusal(patched(good, (v) => v.setUint16(at + 10, 14, true)))).toContain('（编号 14）');
  });
});

/* ---- bombs: each refused in a child process, whose time and peak memory are measured ---- */

/** Raw DEFLATE of `mib` MiB of zeros, ~1 KB a MiB: one sync-flushed MiB, repeated (it refers only to itself), then a final empty block. */
function zeros(mib: number): Uint8Array {
  const one = zlib.deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(one), Buffer.from([0x03, 0x00])]);
}
/** Raw DEFLATE of `mib` MiB of text-like bytes that deflate about 75:1, under the ratio limit. */
function plausible(mib: number): Uint8Array {
  let x = 12345;
  const m = Buffer.alloc(MiB, 0x20);
  for (let i = 0; i < MiB; i += 256) m[i] = ((x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
  const one = zlib.deflateRawSync(m, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(one), Buffer.from([0x03, 0x00])]);
}
/** A package with a workbook and the given bomb parts (crc is not checked on reading). */
const bombZip = (...bombs: { name: string; packed: Uint8Array; size: number }[]) =>
  zipOf([part('[Content_Types].xml', '<Types/>'), part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', RELS), part('xl/worksheets/sheet1.xml', SHEET),
    ...bombs.map((b) => ({ ...b, crc: 0 }))]);

const child = path.join(dir, 'child');
beforeAll(() => {
  require('fs').mkdirSync(child);
  for (const f of ['src/xlsx/package', 'src/xlsx/input-error', 'bench/own-peak']) {
    const src = readFileSync(path.join(root, `${f}.ts`), 'utf8');
    const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
    writeFileSync(path.join(child, `${path.basename(f)}.js`), js);
  }
});

/** openPackage (and reading `part`) in a fresh Node: the message, the time the refusal took and the process's peak RSS. */
function inChild(file: string, part = ''): { message: string | null; ms: number; rssMB: number } {
  const script = `
    const { openPackage } = require(process.argv[1]);
    const { ownPeakMb } = require(require('path').join(require('path').dirname(process.argv[1]), 'own-peak.js'));
    const data = require('fs').readFileSync(process.argv[2]);
    const t = process.hrtime.bigint();
    let message = null;
    try {
      const pkg = openPackage(data, require('path').basename(process.argv[2]));
      if (process.argv[3]) pkg.bytes(process.argv[3]);
    } catch (e) {
      message = e.message;
    }
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(JSON.stringify({ message, ms, rssMB: ownPeakMb() }));`;
  // a small heap as well: the refusal must fit in one, and V8 then collects before it grows (under a loaded
  // machine, its default heap let the 1.2 GiB case peak at 305 MB once, with nothing kept)
  const r = freshNode(['--max-old-space-size=192', '-e', script, path.join(child, 'package.js'), file, part], { ...process.env, NODE_PATH: path.join(root, 'node_modules') });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('zip bombs are refused quickly and cheaply (measured in a child process)', () => {
  const cases: [string, () => Uint8Array, string, RegExp][] = [
    ['a part of 1 GiB of zeros, declared honestly', () => bombZip({ name: 'xl/sharedStrings.xml', packed: zeros(1024), size: 1024 * MiB }), '',
      /xl\/sharedStrings\.xml 解压后超过 500 MB/],
    ['a part declaring 1,000 bytes that inflates to 1 GiB', () => bombZip({ name: 'xl/sharedStrings.xml', packed: zeros(1024), size: 1000 }), 'xl/sharedStrings.xml',
      /xl\/sharedStrings\.xml 解压后超出压缩包中记录的大小/],
    ['a part of 100 MiB of zeros, declared honestly (1,000:1)', () => bombZip({ name: 'xl/sharedStrings.xml', packed: zeros(100), size: 100 * MiB }), '',
      /xl\/sharedStrings\.xml 压缩比超过 100:1/],
    ['a part declaring a plausible 400 MiB from 4 MiB that inflates 1,000:1', () => {
      const packed = new Uint8Array(4 * MiB + 1);
      packed.set(zeros(1024)); // the stream ends there; the rest is never reached
      return bombZip({ name: 'xl/sharedStrings.xml', packed, size: 400 * MiB });
    }, 'xl/sharedStrings.xml', /xl\/sharedStrings\.xml 压缩比超过 100:1/],
    ['a part declaring 300 MiB that inflates like text, 75:1, to 310 MiB', () => bombZip({ name: 'xl/sharedStrings.xml', packed: plausible(310), size: 300 * MiB }),
      'xl/sharedStrings.xml', /xl\/sharedStrings\.xml 解压后超出压缩包中记录的大小/],
    ['40 parts of 30 MiB each, 75:1, 1.2 GiB in all', () => {
      const packed = plausible(30);
      return bombZip(...Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/part${i + 1}.xml`, packed, size: 30 * MiB })));
    }, '', /合计超过 1,024 MB（算到 xl\/media\/part35\.xml 时/],
  ];

  it.each(cases)('%s', (_name, make, part, words) => {
    const file = path.join(dir, `bomb-${cases.findIndex((c) => c[0] === _name)}.xlsx`);
    writeFileSync(file, make());
    const r = inChild(file, part);
    expectChinese(r.message, path.basename(file));
    expect(r.message).toMatch(words);
    expect(r.message).toContain('压缩炸弹');
    expect(r.ms).toBeLessThan(2000);
    expect(r.rssMB).toBeLessThan(300);
  });

  it('the 40 parts are each within the part and ratio limits: only the total refuses them', () => {
    const packed = plausible(30);
    expect(30 * MiB).toBeLessThan(DEFAULT_PACKAGE_LIMITS.maxPartBytes);
    expect(30 * MiB / packed.length).toBeLessThan(DEFAULT_PACKAGE_LIMITS.maxRatio);
    expect(zlib.inflateRawSync(packed).length).toBe(30 * MiB);
  });

  it('a large part that is what it says is read whole (proved, then inflated into a buffer of its size)', () => {
    const pkg = openPackage(bombZip({ name: 'xl/sharedStrings.xml', packed: plausible(70), size: 70 * MiB }), 'big.xlsx');
    const b = pkg.bytes('xl/sharedStrings.xml');
    expect(b.length).toBe(70 * MiB);
    expect(Buffer.from(b.subarray(69 * MiB)).equals(Buffer.from(b.subarray(0, MiB)))).toBe(true);
    expect(b.buffer.byteLength).toBe(70 * MiB);
  });

  it('the command line refuses a bomb in a workbook, both readers (the merge and exceljs)', async () => {
    const file = path.join(dir, '红岩寺镇.xlsx');
    writeFileSync(file, bombZip({ name: 'xl/sharedStrings.xml', packed: zeros(64), size: enc(STRINGS).length }));
    await expect(readGrid(file)).rejects.toThrow(/「红岩寺镇\.xlsx」中的 xl\/sharedStrings\.xml 解压后超出压缩包中记录的大小/);
    await expect(openWorkbook(file)).rejects.toThrow(/「红岩寺镇\.xlsx」中的 xl\/sharedStrings\.xml 解压后超出压缩包中记录的大小/);
    // a lying sheet is stopped at its first bytes
    const sheet = path.join(dir, '营盘镇.xlsx');
    writeFileSync(sheet, zipOf([part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', RELS), { name: 'xl/worksheets/sheet1.xml', packed: zeros(64), size: 100, crc: 0 }]));
    await expect(readGrid(sheet)).rejects.toThrow(/xl\/worksheets\/sheet1\.xml 解压后超出压缩包中记录的大小/);
  });
});

describe('the packers write a zip that other readers read', () => {
  const parts = [
    { name: '[Content_Types].xml', data: enc('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: enc(`<worksheet><sheetData>${Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 977}</v></c></row>`).join('')}</sheetData></worksheet>`) },
    { name: 'xl/附件/说明.xml', data: enc('<说明>中文名的部件</说明>') },
    { name: 'xl/empty.xml', data: new Uint8Array(0) },
  ];

  // Node's packer takes each part as pieces: here bytes, in uneven slices, and text
  const asPieces = (ps: typeof parts) => packPieces(ps.map((p) => ({
    name: p.name,
    pieces: p.name.includes('附件') ? [new TextDecoder().decode(p.data)] : [p.data.subarray(0, 1000), p.data.subarray(1000)],
  })));
  it.each([['Node (zlib, parts over 4 MB in pieces deflated in parallel)', asPieces], ['the browser (fflate)', packPartsBrowser]])('%s: back through openPackage and through JSZip with its CRC check', async (_n, pack) => {
    expect(parts[1].data.length).toBeGreaterThan(8 * MiB);
    const zip = await pack(parts);
    const pkg = openPackage(zip, 'out.xlsx');
    expect(pkg.names).toEqual(parts.map((p) => p.name));
    for (const p of parts) expect(Buffer.from(pkg.bytes(p.name)).equals(Buffer.from(p.data))).toBe(true);
    const back = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(parts.map((p) => p.name));
    for (const p of parts) expect(Buffer.from(await back.file(p.name)!.async('uint8array')).equals(Buffer.from(p.data))).toBe(true);
    const v = new DataView(zip.buffer, zip.byteOffset);
    expect(v.getUint16(6, true)).toBe(0x0800); // UTF-8 names
    expect(v.getUint16(8, true)).toBe(8); // deflated
    expect(zip.length).toBeLessThan(parts[1].data.length / 5);
  });

  it('packPieces (text deflated as it comes, in 4 MB pieces): the same parts back, through JSZip with its CRC check', async () => {
    const texts = parts.map((p) => new TextDecoder().decode(p.data));
    // the big sheet as many small strings, the way merge.ts hands them over
    const zip = await packPieces(texts.map((t, i) => ({ name: parts[i].name, pieces: t.match(/[\s\S]{1,5000}/g) ?? [] })));
    const back = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(parts.map((p) => p.name));
    for (const p of parts) expect(Buffer.from(await back.file(p.name)!.async('uint8array')).equals(Buffer.from(p.data))).toBe(true);
    expect(zip.length).toBeLessThan(parts[1].data.length / 5);
  });

  it('a workbook repacked part for part opens in exceljs with every value as before', async () => {
    const u = demoUnits(dayFromIso('2024-06-05')!)[1];
    const file = path.join(dir, u.file);
    await writeBook(u.book, file);
    const pkg = openPackage(readFileSync(file), u.file);
    const values = async (data: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
      return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues(), merges: ws.model.merges }));
    };
    const before = await values(readFileSync(file));
    const packNode = (ps: { name: string; data: Uint8Array }[]) => packPieces(ps.map((p) => ({ name: p.name, pieces: [p.data] })));
    for (const pack of [packNode, packPartsBrowser]) {
      const zip = await pack(pkg.names.map((name) => ({ name, data: pkg.bytes(name) })));
      expect(await values(zip)).toEqual(before);
    }
  });
});

describe('the add-in reads .xlsx without exceljs', () => {
  /** Every module the entry reaches through relative imports (type-only imports left out: they are erased). */
  function reach(entry: string, seen = new Set<string>()): Set<string> {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    const src = readFileSync(entry, 'utf8');
    for (const m of src.matchAll(/^(?!import type)(?:import|export)\b[^;]*?from '(\.[^']+)'|import\('(\.[^']+)'\)|^import '(\.[^']+)'/gm)) {
      const base = path.resolve(path.dirname(entry), m[1] ?? m[2] ?? m[3]);
      const file = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((x) => base + x).find((f) => require('fs').existsSync(f));
      if (file) reach(file, seen);
    }
    return seen;
  }

  it.each(['src/taskpane/index.tsx', 'src/commands/commands.ts'])('nothing %s reaches imports exceljs (it was a 950 KB chunk of its own)', (entry) => {
    const modules = [...reach(path.join(root, entry))];
    expect(modules).toContain(path.join(root, entry));
    const exceljs = modules.filter((f) => /^(?!import type)(?:import|export)\b[^;]*?from 'exceljs'|import\('exceljs'\)/m.test(readFileSync(f, 'utf8')));
    expect(exceljs.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the pane reaches the bounded reader', () => {
    expect([...reach(path.join(root, 'src/taskpane/index.tsx'))].map((f) => path.relative(root, f))).toEqual(expect.arrayContaining(['src/xlsx/read-bytes.ts', 'src/xlsx/package.ts']));
  });
});
