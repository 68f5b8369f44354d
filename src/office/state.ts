import { asText } from './cells';

/**
 * What our runs changed in the clerk's workbook, kept in a sheet of its own so that 清除标记 (or the
 * next 校验) undoes exactly that, on whatever Excel version opens the workbook next:
 *   values   sheet, range            our result columns' values
 *   widths   sheet, first column, [w] the former widths of the columns we widened
 *   fill     sheet, cell, colour     a cell's former fill (compatibility mode)
 *   note     sheet, cell             a note of ours (ExcelApi 1.18)
 *   comment  sheet, cell             a comment thread of ours (ExcelApi 1.10)
 *   cf       sheet                   conditional formats of ours (found by formula on ExcelApi 1.6+)
 *   sheet    name                    a sheet of ours (校验结果, 汇总…, or 汇总（校验） beside a clerk's 汇总); a record
 *                                    without these is older, and ours had the plain names
 * A record this Excel cannot undo is kept for a later run on a newer one. The sheet is very hidden
 * where Excel lets us set that (ExcelApi 1.2); on 1.1 it is visible, and its first row says what it is.
 */
export const STATE_SHEET = '_证件清理_标记';

export type StateRow =
  | ['values', string, string]
  | ['widths', string, string, string]
  | ['fill', string, string, string]
  | ['note', string, string]
  | ['comment', string, string]
  | ['cf', string]
  | ['sheet', string];

export type StateKind = StateRow[0];
const KINDS: StateKind[] = ['values', 'widths', 'fill', 'note', 'comment', 'cf', 'sheet'];

const TITLE = '此表由“执法证件清理助手”记录上次校验所加的标记，供“清除标记”撤销之用；请勿修改。';

export function parseState(rows: string[][]): StateRow[] {
  return rows.filter((r) => KINDS.includes(r[0] as StateKind)) as StateRow[];
}

/** The sheet's rows: the title, then one record a row, every cell as text. */
export function stateValues(rows: StateRow[]): (string | number | boolean)[][] {
  return [[TITLE, '', '', ''], ...rows].map((r) => [0, 1, 2, 3].map((i) => asText(r[i] ?? '')));
}

/** The previous run's records that this run could not undo, with those of this run after them; no repeats. */
export function mergeState(pending: StateRow[], current: StateRow[]): StateRow[] {
  const seen = new Set<string>();
  return [...pending, ...current].filter((r) => {
    const key = r[0] === 'widths' || r[0] === 'fill' ? `${r[0]}\u0000${r[1]}\u0000${r[2]}` : r.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
