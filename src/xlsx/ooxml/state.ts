import { OutSheet } from '../../core';
import { SheetUndo } from './sheet';
import { unesc } from './xml';

/**
 * What a check changed in the clerk's package, kept in a very hidden sheet of the checked copy (a sheet
 * survives Excel and WPS saving the workbook; a private part would not). The record is JSON, split into
 * cells under Excel's 32,767-character limit. Cells whose style changed are kept as runs down a column.
 */
export const STATE_SHEET = '_证件清理_标记';
const MAGIC = 'cert-sweep-state';
const VERSION = 2;
const CHUNK = 30_000;

export interface NotesUndo {
  sheet: string;
  comments: string;
  vml: string;
  /** the parts were ours: they go whole, with their relationships */
  created: boolean;
  commentsRel?: string;
  vmlRel?: string;
  /** we added the "vml" Default content type */
  vmlDefault?: boolean;
}

export interface PackageUndo {
  /** per clerk sheet: its part's patch record */
  sheets: { sheet: string; undo: SheetUndo }[];
  notes: NotesUndo[];
  /** the clerk's styles.xml as it was, and a hash of the one we wrote; or that we created it */
  styles?: { original?: string; written: string; created?: boolean; rel?: string };
  /** our sheets as named (汇总（校验） beside a clerk's 汇总); absent in older records, where ours had the plain names */
  ours?: string[];
}

type Runs = [number, number, number, string][];

/** styles records as runs: [col, firstRow, lastRow, s] for consecutive rows of one column and one s. */
function toRuns(list: SheetUndo['styles']): Runs {
  const sorted = [...list].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Runs = [];
  for (const x of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] === x.col && last[2] === x.row - 1 && last[3] === x.s) last[2] = x.row;
    else runs.push([x.col, x.row, x.row, x.s]);
  }
  return runs;
}

function fromRuns(runs: Runs): SheetUndo['styles'] {
  return runs.flatMap(([col, first, last, s]) => Array.from({ length: last - first + 1 }, (_, k) => ({ row: first + k, col, s })));
}

export function stateSheet(undo: PackageUndo): OutSheet {
  const compact = {
    v: VERSION,
    ...undo,
    sheets: undo.sheets.map((s) => ({ ...s, undo: { ...s.undo, styles: toRuns(s.undo.styles) } })),
  };
  const json = JSON.stringify(compact);
  const rows = [[{ v: MAGIC }, { v: '此表由“执法证件清理助手”记录校验所加的标记，供“清除标记”撤销之用；请勿修改。' }]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([{ v: String(i / CHUNK) }, { v: json.slice(i, i + CHUNK) }]);
  return { name: STATE_SHEET, rows, widths: [], merges: [], freezeRows: 0, headerRow: 1, landscape: false };
}

/** The record back from the state sheet's XML (inline strings as we wrote them, or shared ones after Excel saved it). */
export function readState(sheetXml: string, shared: string[]): PackageUndo | 'old' | null {
  const cells = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = /\sr="([A-Z]+\d+)"/.exec(m[1])?.[1];
    if (!ref) continue;
    const body = m[2] ?? '';
    const t = /\st="(\w+)"/.exec(m[1])?.[1];
    let text = '';
    if (t === 's') text = shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])] ?? '';
    else if (t === 'inlineStr' || t === 'str') text = [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => unesc(x[1])).join('') || unesc(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
    else text = unesc(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
    cells.set(ref, text);
  }
  if (cells.get('A1') !== MAGIC) return [...cells.values()].some((v) => ['style', 'cells', 'values', 'note', 'fill'].includes(v)) ? 'old' : null;
  let json = '';
  for (let r = 2; cells.has(`A${r}`); r++) json += cells.get(`B${r}`) ?? '';
  const parsed = JSON.parse(json) as PackageUndo & { v: number; sheets: { sheet: string; undo: SheetUndo & { styles: unknown } }[] };
  return { ...parsed, sheets: parsed.sheets.map((s) => ({ ...s, undo: { ...s.undo, styles: fromRuns(s.undo.styles as unknown as Runs) } })) };
}
