import zlib from 'zlib';
import { colLetter } from '../../src/core/a1';
import { crc32, PackedPart, zipOf } from '../../src/xlsx/package';

/**
 * Workbooks written as raw OOXML, so that the fuzzer can make what exceljs will not (sheet names with
 * `[ ]`, a value in XFD, a lying <dimension>) and corrupt any part of it. No jest here: scripts/fuzz.ts
 * uses it too.
 */
export type Cell = string | number | boolean | null;

export interface RawSheet {
  name: string;
  /** row (1-based) → cells from column `col0` */
  rows: { r: number; col0: number; cells: Cell[] }[];
  merges?: string[];
  /** the <dimension ref> written, true: the real one, a string: a lie, absent: none */
  dimension?: boolean | string;
  /** strings as shared strings (else inline) */
  shared?: boolean;
  /** a style index on every cell (styles.xml has 3 cellXfs) */
  style?: number;
  /** column widths */
  widths?: number[];
  hidden?: boolean;
}

export interface RawBook {
  sheets: RawSheet[];
  /** styles.xml left out (legal: Excel writes one, but a reader must not need it) */
  noStyles?: boolean;
  /** defined names, text as written in the formula */
  names?: { name: string; formula: string; local?: number }[];
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const xmlText = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
/** A cell's text as Excel writes it: a literal _xHHHH_ escaped as _x005F_xHHHH_, controls as _xHHHH_. */
export const cellText = (s: string) =>
  xmlText(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));

/** A sheet name quoted for a formula, as Excel writes it. */
export const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

function sheetXml(s: RawSheet, strings: Map<string, number>): string {
  let maxR = 1;
  let maxC = 1;
  const rows = [...s.rows].sort((a, b) => a.r - b.r).map((row) => {
    const style = s.style ? ` s="${s.style}"` : '';
    const cells = row.cells.map((v, k) => {
      const ref = `${colLetter(row.col0 + k)}${row.r}`;
      if (v === null) return '';
      maxR = Math.max(maxR, row.r);
      maxC = Math.max(maxC, row.col0 + k);
      if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
      if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
      if (s.shared) {
        if (!strings.has(v)) strings.set(v, strings.size);
        return `<c r="${ref}"${style} t="s"><v>${strings.get(v)}</v></c>`;
      }
      const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : '';
      return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${cellText(v)}</t></is></c>`;
    }).join('');
    return `<row r="${row.r}">${cells}</row>`;
  }).join('');
  const dim = s.dimension === true ? `<dimension ref="A1:${colLetter(maxC)}${maxR}"/>` : typeof s.dimension === 'string' ? `<dimension ref="${s.dimension}"/>` : '';
  const cols = s.widths?.length ? `<cols>${s.widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const merges = s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `${XML}<worksheet xmlns="${NS}" xmlns:r="${R}">${dim}${cols}<sheetData>${rows}</sheetData>${merges}</worksheet>`;
}

const STYLES = `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The parts of a workbook, as text, in the order Excel writes them. */
export function bookParts(book: RawBook): { name: string; text: string }[] {
  const strings = new Map<string, number>();
  const sheets = book.sheets.map((s) => sheetXml(s, strings));
  const sheetRels = book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const extra = [
    ...(strings.size ? [`<Relationship Id="rId${sheets.length + 1}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`] : []),
    ...(book.noStyles ? [] : [`<Relationship Id="rId${sheets.length + 2}" Type="${R}/styles" Target="styles.xml"/>`]),
  ];
  const names = book.names?.length
    ? `<definedNames>${book.names.map((n) => `<definedName name="${xmlText(n.name)}"${n.local === undefined ? '' : ` localSheetId="${n.local}"`}>${xmlText(n.formula)}</definedName>`).join('')}</definedNames>`
    : '';
  const workbook = `${XML}<workbook xmlns="${NS}" xmlns:r="${R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    book.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${names}</workbook>`;
  const ct = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    (strings.size ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
    (book.noStyles ? '' : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>') +
    '</Types>';
  const parts = [
    { name: '[Content_Types].xml', text: ct },
    { name: '_rels/.rels', text: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', text: workbook },
    { name: 'xl/_rels/workbook.xml.rels', text: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[...sheetRels, ...extra].join('')}</Relationships>` },
    ...sheets.map((text, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text })),
  ];
  if (strings.size) {
    const items = [...strings.keys()].map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${cellText(s)}</t></si>`).join('');
    parts.push({ name: 'xl/sharedStrings.xml', text: `${XML}<sst xmlns="${NS}" count="${strings.size}" uniqueCount="${strings.size}">${items}</sst>` });
  }
  if (!book.noStyles) parts.push({ name: 'xl/styles.xml', text: STYLES });
  return parts;
}

/** A part deflated as a zip holds it; `size` may be made to lie. */
export function packed(name: string, data: Uint8Array, size = data.length): PackedPart {
  return { name, packed: zlib.deflateRawSync(data), crc: crc32(data), size };
}

/** Parts (text or bytes) as a zip. */
export function zipParts(parts: { name: string; text?: string; data?: Uint8Array }[]): Uint8Array {
  return zipOf(parts.map((p) => packed(p.name, p.data ?? Buffer.from(p.text ?? '', 'utf8'))), new Date(2024, 5, 5));
}

export const rawBook = (book: RawBook): Uint8Array => zipParts(bookParts(book));
