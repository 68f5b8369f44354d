import fc from 'fast-check';
import { bookParts, packed, RawBook } from './book';
import { zipOf } from '../../src/xlsx/package';

/**
 * Ways to break a workbook: in its bytes (truncate, flip), in its zip (drop a part, lie in a declared size,
 * inflate a part hugely) and in its XML (lying <dimension>, unterminated rows, bad shared-string indexes,
 * invalid XML, entities, references out of Excel's range).
 */
export type Parts = { name: string; data: Uint8Array; size?: number }[];
export type Corruption =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; xor: number }
  | { kind: 'drop'; part: number }
  | { kind: 'lieSize'; part: number; by: number }
  | { kind: 'inflate'; part: number; mb: number }
  | { kind: 'xml'; part: number; edit: number; at: number };

const enc = (s: string) => Buffer.from(s, 'utf8');
/** a place in a file or text, 0 to 1, evenly (fc.double leans towards 0) */
const unit = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);

/** Edits of a part's text, each something a broken or hostile writer makes. */
export const XML_EDITS: ((xml: string, at: number) => string)[] = [
  (x, at) => x.slice(0, Math.floor(x.length * at)), // cut short: invalid XML
  (x) => x.replace(/<\/row>/, ''), // an unterminated row
  (x) => x.replace(/<sheetData>/, '').replace(/<\/sheetData>/, ''), // rows outside sheetData
  (x) => x.replace(/<v>\d+<\/v>/, '<v>99999</v>'), // a shared string that is not there
  (x) => x.replace(/<v>(\d+)<\/v>/, '<v>-1</v>'),
  (x) => x.replace(/<dimension ref="[^"]*"\/>|(?=<sheetData)/, '<dimension ref="A1:B2"/>'), // a lying dimension
  (x) => x.replace(/<row r="(\d+)"/, '<row r="1048576"'),
  (x) => x.replace(/<row r="(\d+)"/, '<row r="99999999999"'),
  (x) => x.replace(/<row r="(\d+)"/, '<row r="-3"'),
  (x) => x.replace(/<c r="[A-Z]+(\d+)"/, '<c r="XFE$1"'),
  (x) => x.replace(/<c r="[A-Z]+(\d+)"/, '<c r="ZZZZZZZ$1"'),
  (x) => x.replace(/<c r="[A-Z]+(\d+)"/, '<c r="$1"'),
  (x) => x.replace(/<mergeCells[\s\S]*<\/mergeCells>|(?=<\/worksheet>)/, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
  (x) => x.replace(/<t>|<t xml:space="preserve">/, '$&&#x110000;&#99999999999;'),
  (x) => x.replace(/<\?xml[^>]*\?>/, '$&<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>').replace(/<t>/, '<t>&c;'),
  (x) => x.replace(/name="[^"]*"/, 'name="&#x110000;"'),
  (x) => x.replace(/<sheet\b[^>]*\/>/, ''), // a sheet gone from the workbook
  (x) => x.replace(/Target="[^"]*"/, 'Target="../../../../etc/passwd"'),
  (x) => x.replace(/<si>/, '<si><r><t>'), // unclosed rich text
  (x) => x.replace(/<cellXfs count="\d+">/, '<cellXfs count="1"><xf numFmtId="99999" fontId="999" fillId="999" borderId="999" xfId="999"/>'),
  (x) => x.replace(/ s="\d+"/, ' s="4000000000"'),
  (x) => x.replace(/<c r="([A-Z]+\d+)"/, '<c r="$1" t="e"').replace(/<v>[^<]*<\/v>/, '<v>#N/A</v>'),
  (x) => x.replace(/<\/sheetData>/, '<row r="3"><c r="A3" t="inlineStr"><is><t>重复的行</t></is></c></row></sheetData>'),
  (x) => `\uFEFF${x}`,
  (x) => x.replace(/encoding="UTF-8"/, 'encoding="GBK"'),
];

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: unit }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.array(unit, { minLength: 1, maxLength: 6 }), xor: fc.integer({ min: 1, max: 255 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('lieSize' as const), part: fc.nat(), by: fc.constantFrom(-1, 1, -1000, 1000, 1 << 30) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('inflate' as const), part: fc.nat(), mb: fc.constantFrom(0.5, 2, 120) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('xml' as const), part: fc.nat(), edit: fc.nat({ max: XML_EDITS.length - 1 }), at: unit }), weight: 6 },
);

/** The workbook's zip with the corruption applied. */
export function corrupted(book: RawBook, c: Corruption): Uint8Array {
  return corruptedParts(bookParts(book).map((p) => ({ name: p.name, data: enc(p.text) })), c);
}

/** Any package's parts (a checked copy's: its notes, VML, state and our sheets too) zipped with the corruption applied. */
export function corruptedParts(parts: Parts, c: Corruption): Uint8Array {
  const pick = (n: number) => n % parts.length;
  if (c.kind === 'drop') parts.splice(pick(c.part), 1);
  if (c.kind === 'xml') {
    const p = parts[pick(c.part)];
    p.data = enc(XML_EDITS[c.edit](p.data.toString(), c.at));
  }
  if (c.kind === 'lieSize') {
    const p = parts[pick(c.part)];
    p.size = Math.max(0, p.data.length + c.by);
  }
  if (c.kind === 'inflate') {
    // whitespace inside the part, before its root closes: deflates about 1,000:1
    const p = parts[pick(c.part)];
    const text = p.data.toString();
    const at = Math.max(0, text.lastIndexOf('</'));
    p.data = Buffer.concat([enc(text.slice(0, at)), Buffer.alloc(c.mb * 1024 * 1024, 0x20), enc(text.slice(at))]);
  }
  const zip = zipOf(parts.map((p) => packed(p.name, p.data, p.size ?? p.data.length)), new Date(2024, 5, 5));
  if (c.kind === 'truncate') return zip.subarray(0, Math.floor(zip.length * c.at));
  if (c.kind === 'flip') {
    const out = zip.slice();
    for (const at of c.at) out[Math.min(out.length - 1, Math.floor(out.length * at))] ^= c.xor;
    return out;
  }
  return zip;
}
