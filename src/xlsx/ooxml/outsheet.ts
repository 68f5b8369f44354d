import { colLetter, OutCell, OutSheet } from '../../core';
import { STYLE_LOOK } from './looks';
import { Styles } from './styles';
import { CHART_ROWS } from './chart';
import type { SharedStrings } from './shared-strings';
import { Utf8Sink } from './utf8-sink';
import { esc, textRun } from './xml';

/**
 * One of our sheets (校验结果, 汇总; the county's 明细 and 报送情况) as worksheet XML, produced in pieces so
 * that a long sheet can be streamed: text as inline strings (the clerk's sharedStrings.xml stays as it
 * was), links as HYPERLINK formulas with their text cached, frozen header, widths, merges, A4 page setup
 * fitted to the width, and the chart's drawing when the sheet has one.
 */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetXmlOptions {
  /** the relationship id of the sheet's drawing (the chart), if it has one */
  drawing?: string;
  /** a very hidden sheet (our state) has no view of its own */
  hidden?: boolean;
  /** where the texts of the sheet's repeated columns go; inline when absent */
  shared?: SharedStrings;
}

/**
 * A text's width in Excel's character units (the width of "0"): a CJK or full-width character is close to
 * two (宋体 exactly two, 等线 and Noto Sans CJK a little less); an estimate, erring to the wide side.
 */
function textWidth(t: string): number {
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // a surrogate pair is one character, and none of the wide ones
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    w += wide(c) ? 1.8 : 1;
  }
  return w;
}

/** Hangul Jamo, CJK and its punctuation, Hangul syllables, compatibility ideographs and forms, full-width forms */
const wide = (c: number) =>
  (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);

/**
 * A row's height when its wrapped cells need more than one line: Excel keeps a row's stored height until
 * the row is edited, so a long 说明 would otherwise print cut off. 15 points a line (11-point text).
 */
function rowHeight(row: OutCell[], widths: number[]): string {
  let lines = 1;
  for (let k = 0; k < row.length; k++) {
    const c = row[k];
    if (!c || c.style !== 'wrap' || c.v === null || c.v === undefined) continue;
    const width = Math.max(1, (widths[k] ?? 8.43) - 1);
    const cellLines = String(c.v).split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(textWidth(para) / width)), 0);
    lines = Math.max(lines, cellLines);
  }
  return lines > 1 ? ` ht="${lines * 15}" customHeight="1"` : '';
}

function cellXml(c: OutCell, ref: string, style: (s: OutCell['style']) => string): string {
  const s = style(c.style);
  if (c.link) {
    const text = String(c.v ?? '');
    const f = `HYPERLINK("#${c.link.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`;
    return `<c r="${ref}"${s} t="str"><f>${esc(f)}</f><v>${esc(text)}</v></c>`;
  }
  if (c.v === null || c.v === undefined || c.v === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof c.v === 'number') return `<c r="${ref}"${s}><v>${c.v}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textRun(String(c.v))}</is></c>`;
}

/** What a sheet's rows are written with: its column letters, its styles' attributes, its shared texts. */
export interface RowWriter {
  /** the rows as XML, the first numbered `r` */
  rows(list: Iterable<OutCell[]>, r: number): Generator<string>;
  /** the same XML as UTF-8 bytes, written where it is made (a long sheet's segments: utf8-sink.ts) */
  bytes(list: Iterable<OutCell[]>, r: number): Uint8Array;
}

export function rowWriter(s: OutSheet, styles: Styles, shared?: SharedStrings): RowWriter {
  const width = sheetWidth(s);
  // per sheet, once: column letters, and each style's attribute
  const letters = Array.from({ length: width }, (_, k) => colLetter(k + 1));
  const attrs = new Map<string, string>();
  const style = (st: OutCell['style']) => {
    if (!st) return '';
    let a = attrs.get(st);
    if (a === undefined) attrs.set(st, (a = ` s="${styles.format(0, STYLE_LOOK[st])}"`));
    return a;
  };
  const repeated = new Set(shared ? s.repeated : []);
  const sink = new Utf8Sink();
  return {
    *rows(list, r) {
      for (const row of list) {
        let cells = '';
        for (let k = 0; k < row.length; k++) {
          const c = row[k];
          if (!c) continue;
          cells += repeated.has(k) && typeof c.v === 'string' && c.v !== '' && !c.link
            ? `<c r="${letters[k]}${r}"${style(c.style)} t="s"><v>${shared!.of(c.v)}</v></c>`
            : cellXml(c, `${letters[k]}${r}`, style);
        }
        if (cells) yield `<row r="${r}"${rowHeight(row, s.widths)}>${cells}</row>`;
        r++;
      }
    },
    bytes(list, r) {
      const out = sink;
      out.at = 0;
      for (const row of list) {
        const start = out.at;
        out.ascii('<row r="');
        out.num(r);
        out.ascii(`"${rowHeight(row, s.widths)}>`);
        const first = out.at;
        for (let k = 0; k < row.length; k++) {
          const c = row[k];
          if (!c) continue;
          const v = c.v;
          if (c.link) {
            out.text(cellXml(c, `${letters[k]}${r}`, style));
            continue;
          }
          const st = style(c.style);
          if (v === null || v === undefined || v === '') {
            if (!st) continue;
            out.ascii('<c r="');
            out.ascii(letters[k]);
            out.num(r);
            out.ascii(`"${st}/>`);
            continue;
          }
          out.ascii('<c r="');
          out.ascii(letters[k]);
          out.num(r);
          out.ascii('"');
          out.ascii(st);
          if (typeof v === 'number') {
            out.ascii('><v>');
            out.num(v);
            out.ascii('</v></c>');
          } else if (repeated.has(k) && typeof v === 'string') {
            out.ascii(' t="s"><v>');
            out.num(shared!.of(v));
            out.ascii('</v></c>');
          } else {
            const text = String(v);
            out.ascii(PRESERVE.test(text) ? ' t="inlineStr"><is><t xml:space="preserve">' : ' t="inlineStr"><is><t>');
            out.text(esc(text));
            out.ascii('</t></is></c>');
          }
        }
        // a row with no cells is not written, as rows() leaves it out
        if (out.at === first) out.at = start;
        else out.ascii('</row>');
        r++;
      }
      return out.take();
    },
  };
}

/** as textRun: the spaces and breaks that must be kept */
const PRESERVE = /^\s|\s$|\s\s|\n/;

const sheetWidth = (s: OutSheet) => s.rows.reduce((m, r) => Math.max(m, r.length), 0) || 1;

/** The sheet's XML before its rows: its size, view, frozen header and widths. */
export function sheetHead(s: OutSheet, opts: SheetXmlOptions = {}): string {
  const height = Math.max(1, s.rows.length + (s.moreCount ?? 0));
  const views = opts.hidden
    ? '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
    : `<sheetViews><sheetView workbookViewId="0">${s.freezeRows ? `<pane ySplit="${s.freezeRows}" topLeftCell="A${s.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${s.freezeRows + 1}" sqref="A${s.freezeRows + 1}"/>` : ''}</sheetView></sheetViews>`;
  const cols = s.widths.length ? `<cols>${s.widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${colLetter(sheetWidth(s))}${height}"/>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
}

/** The sheet's XML after its rows: merges, page setup for A4, the chart's drawing. */
export function sheetTail(s: OutSheet, opts: SheetXmlOptions = {}): string {
  const merges = s.merges.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `</sheetData>${merges}<printOptions horizontalCentered="1"/>` +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${s.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    `${opts.drawing ? `<drawing r:id="${opts.drawing}"/>` : ''}</worksheet>`;
}

export function* sheetXml(s: OutSheet, styles: Styles, opts: SheetXmlOptions = {}): Generator<string> {
  const writer = rowWriter(s, styles, opts.shared);
  yield sheetHead(s, opts);
  // the rows, then those made on request, a row at a time (the packer writes each where it goes)
  yield* writer.rows(s.rows, 1);
  if (s.more) yield* writer.rows(s.more(), s.rows.length + 1);
  yield sheetTail(s, opts);
}

/** The sheet's print titles and print area, as defined names of the workbook (localSheetId: its index). */
export function printNames(s: OutSheet, index: number): string[] {
  const q = `'${s.name.replace(/'/g, "''")}'`;
  const names = [`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${esc(`${q}!$${s.headerRow}:$${s.headerRow}`)}</definedName>`];
  if (s.printArea) {
    const [a, end] = s.printArea.split(':');
    // the chart prints with the table: the area reaches down to its last row
    const chartEnd = s.chart ? Number(/\d+$/.exec(s.chart.anchor)![0]) + CHART_ROWS : 0;
    const b = end.replace(/\d+$/, (r) => String(Math.max(Number(r), chartEnd)));
    const abs = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    names.unshift(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${esc(`${q}!${abs(a)}:${abs(b)}`)}</definedName>`);
  }
  return names;
}
