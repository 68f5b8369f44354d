import path from 'path';
import zlib from 'zlib';
import { consolidate, consolidatedSheets, DEFAULT_PROFILE } from '../src/core';
import { dayFromIso } from '../src/core/dates';
import { demoUnits } from '../src/sample/demo';
import { crc32Combine } from '../src/xlsx/crc-combine';
import { AppendedPart, SegmentedPart } from '../src/xlsx/segmented-part';
import { mergeFiles } from '../src/xlsx/merge';
import { newBookParts } from '../src/xlsx/ooxml/new-book';
import { openPackage } from '../src/xlsx/package';
import { packPieces } from '../src/xlsx/pack-stream';
import { readFileSync } from 'fs';
import { writeBook } from '../src/xlsx/write-book';
import { BookSpec } from '../src/sample/book';
import { tmpDir } from './helpers/files';

const crc = (b: Buffer) => zlib.crc32(b);
type Pkg = ReturnType<typeof openPackage>;

describe('crc32Combine', () => {
  it('gives the CRC of two runs of bytes joined, from each one\'s CRC and the second\'s length', () => {
    let x = 7;
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff));
    for (const [a, b] of [[0, 0], [0, 5], [5, 0], [1, 1], [100, 3], [3, 100_000], [65_537, 1_048_577]]) {
      const A = bytes(a);
      const B = bytes(b);
      expect(crc32Combine(crc(A), crc(B), B.length)).toBe(crc(Buffer.concat([A, B])));
    }
  });
});

describe('parts deflated in segments', () => {
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `<row r="${from + i}"><c><v>${(from + i) * 7919 % 10007}</v></c><c t="inlineStr"><is><t>人员${from + i}</t></is></c></row>`).join('');
  const inflated = (p: { packed: Uint8Array; crc: number; size: number }) => {
    const text = zlib.inflateRawSync(p.packed);
    return { text: text.toString('utf8'), crcOk: zlib.crc32(text) === p.crc, sizeOk: text.length === p.size };
  };

  it('SegmentedPart: segments set out of order, one set again, read back as one stream in key order', async () => {
    const part = new SegmentedPart(2);
    part.set(2, rows(200, 100));
    part.set(0, rows(0, 100));
    part.set(1, 'stale');
    part.set(1, rows(100, 100));
    const r = inflated(await part.pack('x.xml', '<head>', '</head>'));
    expect(r).toEqual({ text: `<head>${rows(0, 300)}</head>`, crcOk: true, sizeOk: true });
  });

  it('AppendedPart: megabytes appended a row at a time, each piece primed with the one before, read back whole', async () => {
    const part = new AppendedPart(4);
    const want: string[] = [];
    for (let i = 0; i < 40_000; i += 100) {
      want.push(rows(i, 100));
      part.append(want[want.length - 1]);
    }
    const packed = await part.pack('x.xml', '<head>', '</head>');
    const r = inflated(packed);
    expect(r).toEqual({ text: `<head>${want.join('')}</head>`, crcOk: true, sizeOk: true });
    // several pieces, deflated about as small as one stream
    expect(r.text.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(packed.packed.length).toBeLessThan(zlib.deflateRawSync(Buffer.from(r.text), { level: 4 }).length * 1.02);
  });
});

describe('the county\'s 明细 and 校验结果, written a unit at a time as the checks arrive', () => {
  const checkDate = dayFromIso('2024-06-05')!;
  const dir = tmpDir();
  const files: string[] = [];
  beforeAll(async () => {
    // the second unit's first person is given the first unit's first ID number: one person in two units
    // (X01), whose rows the X rules colour only after every file is read
    const units = demoUnits(checkDate);
    const idOf = (book: BookSpec) => {
      const rows = book.sheets[0].rows;
      // the units name the column their own way (身份证号码, 公民身份号码…)
      const isId = (v: unknown) => typeof v === 'string' && /身份.*号/.test(v);
      const header = rows.findIndex((r) => r.some(isId));
      return { rows, at: header + 1, col: rows[header].findIndex(isId) };
    };
    const a = idOf(units[0].book);
    const b = idOf(units[1].book);
    b.rows[b.at] = b.rows[b.at].map((v, k) => (k === b.col ? a.rows[a.at][a.col] : v));
    for (const u of units) {
      files.push(path.join(dir, u.file));
      await writeBook(u.book, files[files.length - 1]);
    }
  });

  it('are the sheets the whole-sheet writer makes, cell for cell in text and format, people coloured across units included', async () => {
    const out = path.join(dir, '县汇总.xlsx');
    const meta = { checkDate, profile: DEFAULT_PROFILE, generatedAt: '2024-06-05 09:30', maskIds: true };
    const m = await mergeFiles(files, { ...meta, expected: [], out, limits: { workers: 2 } });
    const across = m.cross.filter((x) => x.row && x.colour);
    expect(across.length).toBeGreaterThan(0);
    const whole = openPackage(await packPieces(newBookParts(consolidatedSheets(consolidate(m.files, DEFAULT_PROFILE, []), { unit: '柞水县司法局', ...meta }), meta.generatedAt)), 'whole.xlsx');
    const made = openPackage(readFileSync(out), '县汇总.xlsx');
    const text = (p: Pkg, part: string) => new TextDecoder().decode(p.bytes(part));
    // the 明细 is the third sheet. Its shared texts and styles are numbered in the order first met (the 明细
    // first, when written as the units arrive), so each cell is compared by its text and its style's format.
    const sst = (p: Pkg) => [...text(p, 'xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/g)].map((x) => x[1]);
    const list = (xml: string, tag: string, item: string) => [...new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`).exec(xml)![1].matchAll(new RegExp(`<${item}\\b.*?(?:/>|</${item}>)`, 'g'))].map((x) => x[0]);
    const xfs = (p: Pkg) => {
      const xml = text(p, 'xl/styles.xml');
      const of = { fontId: list(xml, 'fonts', 'font'), fillId: list(xml, 'fills', 'fill'), borderId: list(xml, 'borders', 'border') };
      return list(xml, 'cellXfs', 'xf').map((xf) => xf.replace(/(fontId|fillId|borderId)="(\d+)"/g, (_, k: keyof typeof of, i) => of[k][Number(i)]));
    };
    const resolved = (p: Pkg, sheet = 3) => {
      const [texts, styles] = [sst(p), xfs(p)];
      return text(p, `xl/worksheets/sheet${sheet}.xml`).replace(/ s="(\d+)"/g, (_, i) => ` s="${styles[Number(i)]}"`).replace(/t="s"><v>(\d+)<\/v>/g, (_, i) => `t="s"><v>${texts[Number(i)]}</v>`);
    };
    expect(resolved(made)).toBe(resolved(whole));
    // and 校验结果, each unit's findings then the X rules'
    expect(resolved(made, 4)).toBe(resolved(whole, 4));
    expect(resolved(made, 4)).toContain('X01');
    const cells = (p: Pkg) => [...resolved(p).matchAll(/t="s"><v>(.*?)<\/v>/g)].map((x) => x[1]);
    // a person the X rules coloured reads as coloured: a row made before the X rules ran would say otherwise
    expect(cells(made).some((t) => /X01/.test(t))).toBe(true);
    // the shared texts' count is the cells citing them, rows made twice counted once
    const cited = [1, 2, 3, 4].reduce((n, i) => n + (text(made, `xl/worksheets/sheet${i}.xml`).match(/t="s"/g)?.length ?? 0), 0);
    expect(text(made, 'xl/sharedStrings.xml')).toContain(` count="${cited}"`);
  });
});
