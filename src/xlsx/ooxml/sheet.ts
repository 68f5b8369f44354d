import { colLetter, colNumber } from '../../core';
import { attr, element, textRun, withAttr } from './xml';
import { InputError } from '../input-error';

/**
 * A worksheet's XML, patched in place: a marked cell gets another style index, our result cells are
 * added to their rows (or new rows), our columns get widths, and a note part may be linked. Every row,
 * cell and element we do not change is copied as it was, text for text, and every change is returned
 * as a record, so that undoing it gives the clerk's XML back.
 */
export interface CellEdit {
  /** the cell's new style index, from its present one (0 for a cell that is not there yet) */
  s: (present: number) => number;
  /** an inline string written into a cell of ours (result columns) */
  text?: string;
}

export interface SheetEdits {
  /** row (1-based) → column (1-based) → edit */
  cells: Map<number, Map<number, CellEdit>>;
  /** widths (Excel's character units) for columns of ours */
  widths?: { col: number; width: number }[];
  /** link the sheet's notes: <legacyDrawing r:id="…"/> */
  legacyDrawing?: string;
}

/** What a patch changed, for its undo. */
export interface SheetUndo {
  /** cells that existed: their former s attribute ('' when they had none) */
  styles: { row: number; col: number; s: string }[];
  /** cells we replaced (they held something): their former XML */
  replaced: { row: number; col: number; xml: string }[];
  /** cells we created, and rows we created */
  added: { row: number; col: number }[];
  addedRows: number[];
  /** the former <cols> and <dimension> elements ('' when absent), if we changed them */
  cols?: string;
  dimension?: string;
  legacyDrawing?: boolean;
  /** we declared the relationships namespace on the root */
  rootNs?: boolean;
}

const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

const openTag = (el: string) => el.slice(0, el.indexOf('>') + 1);
const colOf = (ref: string) => colNumber(/^[A-Z]+/.exec(ref)![0]);

function newCell(row: number, col: number, e: CellEdit): string {
  const r = `${colLetter(col)}${row}`;
  const s = e.s(0);
  if (e.text === undefined || e.text === '') return `<c r="${r}" s="${s}"/>`;
  return `<c r="${r}" s="${s}" t="inlineStr"><is>${textRun(e.text)}</is></c>`;
}

function patchRow(rowXml: string, row: number, edits: Map<number, CellEdit>, undo: SheetUndo): string {
  const selfClosing = rowXml.endsWith('/>') && !rowXml.includes('</row>');
  const open = openTag(rowXml);
  const inner = selfClosing ? '' : rowXml.slice(open.length, rowXml.length - '</row>'.length);
  const pending = new Map(edits);
  const out: string[] = [];
  let at = 0;
  let nextCol = 1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const cellOpen = openTag(m[0]);
    const ref = attr(cellOpen, 'r');
    const col = ref ? colOf(ref) : nextCol;
    nextCol = col + 1;
    // new cells that come before this one
    for (const c of [...pending.keys()].filter((k) => k < col).sort((a, b) => a - b)) {
      out.push(inner.slice(at, m.index), newCell(row, c, pending.get(c)!));
      at = m.index;
      undo.added.push({ row, col: c });
      pending.delete(c);
    }
    const e = pending.get(col);
    if (!e) continue;
    pending.delete(col);
    out.push(inner.slice(at, m.index));
    at = m.index + m[0].length;
    if (e.text !== undefined) {
      // a cell of the clerk's (empty, or formatted only) takes our text: its former XML is kept
      undo.replaced.push({ row, col, xml: m[0] });
      out.push(newCell(row, col, e));
    } else {
      const present = attr(cellOpen, 's') ?? '';
      undo.styles.push({ row, col, s: present });
      out.push(withAttr(cellOpen, 's', String(e.s(Number(present || 0)))) + m[0].slice(cellOpen.length));
    }
  }
  const rest = [...pending.keys()].sort((a, b) => a - b);
  out.push(inner.slice(at));
  for (const c of rest) {
    out.push(newCell(row, c, pending.get(c)!));
    undo.added.push({ row, col: c });
  }
  const body = out.join('');
  return selfClosing ? `${open.replace(/\/>$/, '>')}${body}</row>` : `${open}${body}</row>`;
}

/** <cols> with our widths: ranges that cover our columns are split, each keeping its own attributes. */
function withWidths(cols: string | null, widths: { col: number; width: number }[]): string {
  const ranges = cols ? [...cols.matchAll(/<col\b[^>]*\/>/g)].map((m) => m[0]) : [];
  const ours = new Map(widths.map((w) => [w.col, w.width]));
  const out: string[] = [];
  for (const r of ranges) {
    const min = Number(attr(r, 'min'));
    const max = Number(attr(r, 'max'));
    let from = min;
    for (let c = min; c <= max + 1; c++) {
      if (c <= max && !ours.has(c)) continue;
      if (from <= c - 1) out.push(withAttr(withAttr(r, 'min', String(from)), 'max', String(c - 1)));
      if (c <= max) {
        out.push(withAttr(withAttr(withAttr(withAttr(r, 'min', String(c)), 'max', String(c)), 'width', String(ours.get(c))), 'customWidth', '1'));
        ours.delete(c);
      }
      from = c + 1;
    }
  }
  for (const [c, w] of ours) out.push(`<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`);
  out.sort((a, b) => Number(attr(a, 'min')) - Number(attr(b, 'min')));
  const open = cols ? openTag(cols).replace(/\/>$/, '>') : '<cols>';
  return `${open}${out.join('')}</cols>`;
}

/** Where an element goes in CT_Worksheet: before the first of these that the sheet has. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function patchSheet(xml: string, edits: SheetEdits): { xml: Iterable<string>; undo: SheetUndo } {
  const undo: SheetUndo = { styles: [], replaced: [], added: [], addedRows: [] };
  const data = element(xml, 'sheetData');
  if (!data) throw new InputError('工作表中没有数据区（<sheetData>），文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重试。');
  const dataOpen = openTag(data.text);
  const dataInner = data.text.endsWith('/>') ? '' : data.text.slice(dataOpen.length, data.text.length - '</sheetData>'.length);
  const rows = [...edits.cells.keys()].sort((a, b) => a - b);
  const newRow = (r: number) => {
    for (const c of edits.cells.get(r)!.keys()) undo.added.push({ row: r, col: c });
    undo.addedRows.push(r);
    return `<row r="${r}">${[...edits.cells.get(r)!].sort((a, b) => a[0] - b[0]).map(([c, e]) => newCell(r, c, e)).join('')}</row>`;
  };
  // the rows, patched where they have edits, as pieces: tens of megabytes never become one more string
  function* body(): Generator<string> {
    let at = 0;
    let next = 0;
    let nextRow = 1;
    const re = new RegExp(ROW.source, 'g');
    for (let m = re.exec(dataInner); m; m = re.exec(dataInner)) {
      const r = Number(attr(openTag(m[0]), 'r') ?? nextRow);
      nextRow = r + 1;
      while (next < rows.length && rows[next] < r) {
        yield dataInner.slice(at, m.index);
        yield newRow(rows[next++]);
        at = m.index;
      }
      if (rows[next] !== r) continue;
      yield dataInner.slice(at, m.index);
      yield patchRow(m[0], r, edits.cells.get(r)!, undo);
      at = m.index + m[0].length;
      next++;
    }
    yield dataInner.slice(at);
    for (; next < rows.length; next++) yield newRow(rows[next]);
  }
  let head = xml.slice(0, data.start);
  let tail = xml.slice(data.end);
  const sheetOpen = dataOpen.replace(/\/>$/, '>');
  // the used area grows by our columns and rows
  // no Math.max(...list): a spread of 50,000 arguments overflows the stack
  let maxCol = 0;
  for (const m of edits.cells.values()) for (const c of m.keys()) maxCol = Math.max(maxCol, c);
  const maxRow = rows.length ? rows[rows.length - 1] : 0;
  const dim = element(head, 'dimension');
  if (dim && maxCol) {
    const ref = attr(dim.text, 'ref') ?? 'A1';
    const [a, b = a] = ref.split(':');
    const last = /^([A-Z]+)(\d+)$/.exec(b);
    const newRef = last ? `${a}:${colLetter(Math.max(colNumber(last[1]), maxCol))}${Math.max(Number(last[2]), maxRow)}` : ref;
    if (newRef !== ref) {
      undo.dimension = dim.text;
      head = head.slice(0, dim.start) + withAttr(dim.text, 'ref', newRef) + head.slice(dim.end);
    }
  }
  if (edits.widths?.length) {
    const cols = element(head, 'cols');
    undo.cols = cols?.text ?? '';
    head = cols ? head.slice(0, cols.start) + withWidths(cols.text, edits.widths) + head.slice(cols.end) : head + withWidths(null, edits.widths);
  }
  if (edits.legacyDrawing) {
    undo.legacyDrawing = true;
    const root = /<worksheet\b[^>]*>/.exec(head)!;
    if (!/\sxmlns:r="/.test(root[0])) {
      undo.rootNs = true;
      head = head.slice(0, root.index) + withAttr(root[0], 'xmlns:r', R_NS) + head.slice(root.index + root[0].length);
    }
    const before = AFTER_LEGACY_DRAWING.map((n) => element(tail, n)?.start).filter((x): x is number => x !== undefined);
    const at2 = before.length ? Math.min(...before) : tail.lastIndexOf('</worksheet>');
    tail = `${tail.slice(0, at2)}<legacyDrawing r:id="${edits.legacyDrawing}"/>${tail.slice(at2)}`;
  }
  const pieces = { *[Symbol.iterator]() { yield head; yield sheetOpen; yield* body(); yield '</sheetData>'; yield tail; } };
  return { xml: pieces, undo };
}


/** The record of a patch, undone on whatever the sheet holds now (Excel may have saved it since). */
export function unpatchSheet(xml: string, undo: SheetUndo): string {
  const byRow = new Map<number, Map<number, { s?: string; xml?: string; remove?: boolean }>>();
  const at = (row: number, col: number) => {
    let m = byRow.get(row);
    if (!m) byRow.set(row, (m = new Map()));
    let a = m.get(col);
    if (!a) m.set(col, (a = {}));
    return a;
  };
  for (const x of undo.styles) at(x.row, x.col).s = x.s;
  for (const x of undo.replaced) at(x.row, x.col).xml = x.xml;
  for (const x of undo.added) at(x.row, x.col).remove = true;
  const dropRows = new Set(undo.addedRows);
  const data = element(xml, 'sheetData');
  let head = data ? xml.slice(0, data.start) : xml;
  let tail = data ? xml.slice(data.end) : '';
  let body = '';
  if (data) {
    const dataOpen = openTag(data.text);
    const inner = data.text.endsWith('/>') ? '' : data.text.slice(dataOpen.length, data.text.length - '</sheetData>'.length);
    const out: string[] = [];
    let pos = 0;
    let nextRow = 1;
    ROW.lastIndex = 0;
    for (let m = ROW.exec(inner); m; m = ROW.exec(inner)) {
      const r = Number(attr(openTag(m[0]), 'r') ?? nextRow);
      nextRow = r + 1;
      const actions = byRow.get(r);
      if (!actions && !dropRows.has(r)) continue;
      out.push(inner.slice(pos, m.index));
      pos = m.index + m[0].length;
      const open = openTag(m[0]);
      const rowInner = m[0].endsWith('/>') && !m[0].includes('</row>') ? '' : m[0].slice(open.length, m[0].length - '</row>'.length);
      let nextCol = 1;
      const cells = rowInner.replace(CELL, (cell) => {
        const cOpen = openTag(cell);
        const ref = attr(cOpen, 'r');
        const col = ref ? colOf(ref) : nextCol;
        nextCol = col + 1;
        const a = actions?.get(col);
        if (!a) return cell;
        if (a.xml !== undefined) return a.xml;
        if (a.remove) return '';
        if (a.s !== undefined) return withAttr(cOpen, 's', a.s === '' ? undefined : a.s) + cell.slice(cOpen.length);
        return cell;
      });
      if (dropRows.has(r) && !/<c\b/.test(cells)) continue;
      out.push(m[0].endsWith('/>') && !m[0].includes('</row>') ? m[0] : `${open}${cells}</row>`);
    }
    out.push(inner.slice(pos));
    body = `${dataOpen}${out.join('')}${data.text.endsWith('/>') ? '' : '</sheetData>'}`;
  }
  if (undo.dimension !== undefined) {
    const dim = element(head, 'dimension');
    if (dim) head = head.slice(0, dim.start) + undo.dimension + head.slice(dim.end);
  }
  if (undo.cols !== undefined) {
    const cols = element(head, 'cols');
    if (cols) head = head.slice(0, cols.start) + undo.cols + head.slice(cols.end);
  }
  if (undo.legacyDrawing) tail = tail.replace(/<legacyDrawing\b[^>]*\/>/, '');
  if (undo.rootNs) head = head.replace(/<worksheet\b[^>]*>/, (root) => withAttr(root, 'xmlns:r', undefined));
  return head + body + tail;
}
