import { writeFileSync } from 'fs';
import path from 'path';
import zlib from 'zlib';
import { AGENCY_FIELDS, PERSON_FIELDS } from '../../src/core/fields';
import { makeId } from '../../src/core/idnumber';
import { zipOf } from '../../src/xlsx/package';
import { bookParts, packed, quoted, RawBook, RawSheet } from './book';

/**
 * The hostile files: each bug the fuzzer found, made small (test/fixtures/hostile/ holds them as written by
 * `npm run fuzz -- --fixtures`), and the bombs, whose refusal is timed and measured.
 */
const MiB = 1024 * 1024;

/** A small roster that check accepts: the headers on row 1, two people, a body on a second sheet. */
export function roster(name = '执法人员', more: Partial<RawSheet> = {}): RawBook {
  // the second is 劳务派遣 with a certificate: a finding, so that 校验结果 links to the sheet
  const person = (i: number) => PERSON_FIELDS.map((f) => ({
    unit: '柞水县城市管理局', agency: '柞水县城市管理执法局', name: `测试${i}`, gender: '男', idNumber: makeId('611026', '19800101', `10${i}`),
    staffCategory: i === 2 ? '劳务派遣' : '行政编制', onEnforcementPost: '是', employmentStatus: '在岗', certNumber: `TEST10000${i}`, certVersion: '新版',
    issueDate: 45000, expiryDate: 46500, certStatus: '正常', annualTrainingHours: 60, annualReview: '通过', sanction: '无',
  } as Record<string, string | number>)[f.key] ?? null);
  const body = AGENCY_FIELDS.map((f) => ({
    unit: '柞水县城市管理局', agencyName: '柞水县城市管理执法局', agencyType: '行政机关', legalBasis: '《城市管理执法办法》',
    basisCurrent: '是', matchesMandate: '是', establishment: 20, enforcementPosts: 20,
  } as Record<string, string | number>)[f.key] ?? null);
  return {
    sheets: [
      { name, rows: [{ r: 1, col0: 1, cells: PERSON_FIELDS.map((f) => f.header) }, { r: 2, col0: 1, cells: person(1) }, { r: 3, col0: 1, cells: person(2) }], dimension: true, ...more },
      { name: '执法主体', rows: [{ r: 1, col0: 1, cells: AGENCY_FIELDS.map((f) => f.header) }, { r: 2, col0: 1, cells: body }], dimension: true },
    ],
  };
}

/** The roster without one part. */
function withoutPart(book: RawBook, part: string): Uint8Array {
  return zipOf(bookParts(book).filter((p) => p.name !== part).map((p) => packed(p.name, Buffer.from(p.text))), new Date(2024, 5, 5));
}

/** The roster with one part declaring a size 1,000 bytes larger than it is. */
function lyingSize(book: RawBook, part: string): Uint8Array {
  return zipOf(bookParts(book).map((p) => packed(p.name, Buffer.from(p.text), Buffer.byteLength(p.text) + (p.name === part ? 1000 : 0))), new Date(2024, 5, 5));
}

/** The roster with one part's text edited. */
export function edited(book: RawBook, part: string, edit: (xml: string) => string): Uint8Array {
  return zipOf(bookParts(book).map((p) => packed(p.name, Buffer.from(p.name === part ? edit(p.text) : p.text))), new Date(2024, 5, 5));
}

const SHEET = 'xl/worksheets/sheet1.xml';
const rowsOf = (from: number, to: number, cell: (r: number) => string) => {
  const out: string[] = [];
  for (let r = from; r <= to; r++) out.push(`<row r="${r}">${cell(r)}</row>`);
  return out.join('');
};

/** Raw DEFLATE of `mib` MiB of zeros, ~1 KB a MiB (one sync-flushed MiB, repeated). */
function zeros(mib: number): Uint8Array {
  const one = zlib.deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(mib).fill(one), Buffer.from([0x03, 0x00])]);
}

/** The roster with one part replaced by a bomb that declares `size`. */
function bomb(part: string, mib: number, size: number): Uint8Array {
  const parts = bookParts({ ...roster(), sheets: [...roster().sheets, { name: '说明', rows: [{ r: 1, col0: 1, cells: ['x'] }], shared: true }] });
  return zipOf(parts.map((p) => (p.name === part ? { name: part, packed: zeros(mib), crc: 0, size } : packed(p.name, Buffer.from(p.text)))), new Date(2024, 5, 5));
}

export interface Hostile {
  name: string;
  make: () => Uint8Array;
  /** 'refused' with a message matching `says`, or 'read' (checked, and merged, like any workbook) */
  verdict: 'refused' | 'read';
  says?: RegExp;
  /** too large to keep as a fixture: made when tested */
  big?: boolean;
}

/** Zip bombs and their kin: each refused in under 2 s and 300 MB (measured by test/fuzz/bombs.test.ts and npm run fuzz). */
export const BOMBS: Hostile[] = [
  { name: 'bomb-strings-lying', make: () => bomb('xl/sharedStrings.xml', 64, 2000), verdict: 'refused', says: /sharedStrings\.xml 解压后超出/ },
  { name: 'bomb-strings-honest', make: () => bomb('xl/sharedStrings.xml', 1, 1024 * MiB), verdict: 'refused', says: /超过 500 MB/ },
  { name: 'bomb-sheet-lying', make: () => bomb(SHEET, 64, 5000), verdict: 'refused', says: /sheet1\.xml 解压后超出/ },
  { name: 'bomb-styles-ratio', make: () => bomb('xl/styles.xml', 2, 200 * MiB), verdict: 'refused', says: /压缩比超过 100:1/ },
  {
    // filled only as far as the sheet's rows go: the merged value covers the headers, so no roster is found
    name: 'bomb-merged-whole-sheet', verdict: 'refused', says: /没有找到执法人员表/,
    make: () => edited(roster(), SHEET, (x) => x.replace('</worksheet>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')),
  },
  {
    name: 'bomb-rows-to-xfd', verdict: 'refused', says: /数据区域过大/,
    make: () => edited(roster(), SHEET, (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rowsOf(1, 2000, (r) => `<c r="XFD${r}"><v>1</v></c>`)}</sheetData>`)),
  },
  {
    name: 'bomb-dimension-lies', verdict: 'refused', says: /超过 200,000 行/, big: true,
    make: () => edited(roster(), SHEET, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z30"/>').replace(/<\/sheetData>/, `${rowsOf(4, 300_001, (r) => `<c r="A${r}"><v>${r % 10}</v></c>`)}</sheetData>`)),
  },
  {
    name: 'dimension-lies', verdict: 'refused', says: /实际超过 200,000 行/,
    make: () => edited(roster(), SHEET, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z30"/>').replace(/<\/sheetData>/, '<row r="250000"><c r="A250000"><v>1</v></c></row></sheetData>')),
  },
  { name: 'bomb-row-number', make: () => edited(roster(), SHEET, (x) => x.replace('<row r="3"', '<row r="99999999999"')), verdict: 'refused', says: /行号异常/ },
  { name: 'bomb-column-letters', make: () => edited(roster(), SHEET, (x) => x.replace('<c r="B3"', '<c r="ZZZZZZ3"')), verdict: 'refused', says: /地址异常的单元格（ZZZZZZ3/ },
];

/** Legal workbooks that must be read, and broken ones found by the fuzzer; each a fixture. */
export const HOSTILE: Hostile[] = [
  ...BOMBS,
  { name: 'legal-value-in-xfd', make: () => edited(roster(), SHEET, (x) => x.replace('</row><row r="3">', '<c r="XFD2" t="inlineStr"><is><t>备注</t></is></c></row><row r="3">')), verdict: 'read' },
  { name: 'legal-sheet-quote', make: () => rawZip({ ...roster('人员"名单'), names: [{ name: '名单', formula: `${quoted('人员"名单')}!$A$1:$C$3` }] }), verdict: 'read' },
  { name: 'legal-sheet-brackets', make: () => rawZip({ ...roster('[人员] 名单'), names: [{ name: '_xlnm.Print_Area', local: 0, formula: `${quoted('[人员] 名单')}!$A$1:$C$3` }] }), verdict: 'read' },
  { name: 'legal-sheet-apostrophe', make: () => rawZip(roster("O'Neil 的表")), verdict: 'read' },
  { name: 'legal-no-styles', make: () => rawZip({ ...roster(), noStyles: true }), verdict: 'read' },
  { name: 'rows-outside-sheetdata', make: () => edited(roster(), SHEET, (x) => x.replace('<sheetData>', '').replace('</sheetData>', '')), verdict: 'refused', says: /没有找到执法人员表/ },
  { name: 'sheetdata-unclosed', make: () => edited(roster(), SHEET, (x) => x.replace('</sheetData>', '')), verdict: 'refused', says: /不完整/ },
  { name: 'char-ref-beyond-unicode', make: () => edited(roster(), 'xl/workbook.xml', (x) => x.replace('name="执法人员"', 'name="执法&#x110000;人员"')), verdict: 'read' },
  { name: 'unterminated-row', make: () => edited(roster(), SHEET, (x) => x.replace('</row>', '')), verdict: 'refused', says: /「执法人员」第 1 行没有结束标记/ },
  { name: 'unterminated-last-row', make: () => edited(roster(), SHEET, (x) => x.replace(/<\/row><\/sheetData>/, '</sheetData>')), verdict: 'refused', says: /「执法人员」第 3 行（或其后的行）没有结束标记/ },
  { name: 'unterminated-cell', make: () => edited(roster(), SHEET, (x) => x.replace('</c>', '')), verdict: 'refused', says: /「执法人员」的单元格 A1 没有结束标记/ },
  { name: 'shared-string-index', make: () => edited({ ...roster('执法人员', { shared: true }) }, SHEET, (x) => x.replace(/<v>\d+<\/v>/, '<v>99999</v>')), verdict: 'read' },
  { name: 'invalid-xml', make: () => edited(roster(), SHEET, (x) => x.replace('<row r="2">', '<row r="2"><<c>>&&')), verdict: 'refused', says: /第 2 行）.*没有结束标记/ },
  {
    name: 'billion-laughs', verdict: 'read',
    make: () => edited(roster(), SHEET, (x) => x.replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>').replace('<t>测试1</t>', '<t>&lol9;</t>')),
  },
  // found by the fuzzer: check refused (or crashed on) what merge took, or clear lost a value
  { name: 'styles-no-fonts', make: () => edited(roster(), 'xl/styles.xml', (x) => x.replace(/<fonts[\s\S]*<\/fonts>/, '')), verdict: 'read' },
  { name: 'styles-no-cellxfs', make: () => edited(roster(), 'xl/styles.xml', (x) => x.replace(/<cellXfs[\s\S]*<\/cellXfs>/, '')), verdict: 'read' },
  { name: 'styles-empty', make: () => edited(roster(), 'xl/styles.xml', () => ''), verdict: 'read' },
  { name: 'styles-lying-size', make: () => lyingSize(roster(), 'xl/styles.xml'), verdict: 'refused', says: /xl\/styles\.xml 已损坏/ },
  { name: 'no-content-types', make: () => withoutPart(roster(), '[Content_Types].xml'), verdict: 'refused', says: /缺少 \[Content_Types\]\.xml/ },
  { name: 'workbook-target-elsewhere', make: () => edited(roster(), '_rels/.rels', (x) => x.replace('Target="xl/workbook.xml"', 'Target="../../etc/passwd"')), verdict: 'read' },
  { name: 'rels-cut-short', make: () => edited(roster(), 'xl/_rels/workbook.xml.rels', (x) => x.slice(0, Math.floor(x.length * 0.6))), verdict: 'refused', says: /workbook\.xml\.rels 不完整/ },
  { name: 'content-types-cut-short', make: () => edited(roster(), '[Content_Types].xml', (x) => x.slice(0, Math.floor(x.length * 0.6))), verdict: 'refused', says: /\[Content_Types\]\.xml 不完整/ },
  { name: 'shared-strings-cut-short', make: () => edited(roster('执法人员', { shared: true }), 'xl/sharedStrings.xml', (x) => x.slice(0, Math.floor(x.length * 0.6))), verdict: 'refused', says: /sharedStrings\.xml 不完整/ },
  { name: 'worksheet-root-damaged', make: () => edited(roster(), SHEET, (x) => x.replace('<worksheet', '<worysheet')), verdict: 'refused', says: /找不到 <worksheet> 根元素/ },
  { name: 'cells-out-of-order', make: () => edited(roster(), SHEET, (x) => x.replace('<c r="F2"', '<c r="K2"')), verdict: 'refused', says: /第 2 行的单元格 G2 顺序错乱/ },
  { name: 'cell-of-another-row', make: () => edited(roster(), SHEET, (x) => x.replace('<c r="F3"', '<c r="F2"')), verdict: 'refused', says: /第 3 行的单元格 F2 顺序错乱或不属于该行/ },
  { name: 'rows-out-of-order', make: () => edited(roster(), SHEET, (x) => x.replace('<row r="3"', '<row r="2"')), verdict: 'refused', says: /第 2 行出现在第 2 行之后/ },
  // found by the fuzzer once it broke checked copies (2026-11-27): a byte flipped in a stored workbook.xml left a sheet
  // without a name, and the copy's links pointed at '' ; a checked copy whose record sheet is damaged got a second one
  { name: 'sheet-name-unquoted', make: () => edited(roster(), 'xl/workbook.xml', (x) => x.replace('<sheet name="', '<sheet name=m')), verdict: 'refused', says: /有一张工作表没有名称/ },
  { name: 'state-sheet-damaged', make: () => rawZip({ sheets: [...roster().sheets, { name: '_证件清理_标记', rows: [{ r: 1, col0: 1, cells: ['x'] }] }] }), verdict: 'refused', says: /记录标记的隐藏工作表已损坏/ },
];

const rawZip = (book: RawBook) => zipOf(bookParts(book).map((p) => packed(p.name, Buffer.from(p.text))), new Date(2024, 5, 5));

/** Writes the fixtures (all but the big ones) into `dir`: test/fixtures/hostile. */
export function writeFixtures(dir: string): string[] {
  return HOSTILE.filter((h) => !h.big).map((h) => {
    const file = path.join(dir, `${h.name}.xlsx`);
    writeFileSync(file, h.make());
    return file;
  });
}
