import path from 'path';
import { promisify } from 'util';
import zlib from 'zlib';
import { colNumber } from '../core/a1';
import { CellValue, SheetGrid, WorkbookGrid } from '../core/types';
import { guardedFile, InputError } from './guard';
import { zipEntries } from './zip';

/**
 * A values-only .xlsx reader for the merge: the sheet XML, shared strings and merged cells, nothing of
 * styles or drawings. It reads what exceljs reads (cached formula results, rich text as plain text,
 * error values, a merged block's value in all its cells) at a fraction of the time and memory, because
 * the merge keeps no workbook to write back. Dates come as serial numbers, as the core expects.
 */
const inflateRaw = promisify(zlib.inflateRaw);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m)
    .replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a string item: its <t> runs, without phonetic guides (<rPh>). */
function itemText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += decode(m[1] ?? '');
  return out;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => itemText(m[1] ?? ''));
}

const ATTRS = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
}

function sheetGrid(name: string, xml: string, strings: string[]): SheetGrid {
  const rows: CellValue[][] = [];
  let nextRow = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(rm[1], 'r') ?? nextRow + 1) - 1;
    nextRow = r + 1;
    const row: CellValue[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(cm[1], 'r');
      const c = ref ? colNumber(/^[A-Z]+/.exec(ref)![0]) - 1 : nextCol;
      nextCol = c + 1;
      const body = cm[2] ?? '';
      const t = attr(cm[1], 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: CellValue = null;
      if (t === 's') value = v === undefined ? null : strings[Number(v)] ?? null;
      else if (t === 'inlineStr') value = itemText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (t === 'str') value = v === undefined ? null : decode(v);
      else if (t === 'b') value = v === '1';
      else if (t === 'e') value = v === undefined ? null : { error: decode(v) };
      else if (t === 'd') value = v === undefined ? null : decode(v);
      else if (v !== undefined) value = Number(v);
      row[c] = value === '' ? null : value;
    }
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
    rows[r] = row;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // a merged block's value in every cell of it, as exceljs reads merged cells
  for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const r0 = Number(m[2]) - 1;
    const c0 = colNumber(m[1]) - 1;
    const v = rows[r0]?.[c0] ?? null;
    for (let r = r0; r <= Number(m[4]) - 1; r++) {
      if (!rows[r]) rows[r] = [];
      for (let c = c0; c <= colNumber(m[3]) - 1; c++) {
        while (rows[r].length < c) rows[r].push(null);
        rows[r][c] = v;
      }
    }
  }
  return { name, rows };
}

/** Read a workbook's sheets as plain grids; bad files become InputError, as with openWorkbook. */
export async function readGrid(file: string): Promise<WorkbookGrid> {
  const data = await guardedFile(file);
  const corrupt = () => new InputError(`文件「${path.basename(file)}」已损坏或格式异常，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。`);
  try {
    const entries = new Map(zipEntries(data).map((e) => [e.name.toString('utf8').replace(/^\//, ''), e]));
    const text = async (name: string) => {
      const e = entries.get(name);
      if (!e) return '';
      return (e.method === 0 ? e.data : await inflateRaw(e.data)).toString('utf8');
    };
    const workbook = await text('xl/workbook.xml');
    const rels = await text('xl/_rels/workbook.xml.rels');
    const target = new Map([...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1], 'Id'), attr(m[1], 'Target')]));
    const strings = sharedStrings(await text('xl/sharedStrings.xml'));
    const sheets: SheetGrid[] = [];
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const name = decode(attr(m[1], 'name') ?? '');
      const t = target.get(attr(m[1], 'r:id'));
      if (!t) continue;
      const part = t.startsWith('/') ? t.slice(1) : path.posix.normalize(`xl/${t}`);
      const grid = sheetGrid(name, await text(part), strings);
      grid.hidden = /state="(hidden|veryHidden)"/.test(m[1]);
      sheets.push(grid);
    }
    if (sheets.length === 0) throw new InputError(`文件「${path.basename(file)}」中没有工作表。`, 'not-a-roster');
    return { file, sheets };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw corrupt();
  }
}
