/**
 * What a run added to the clerk's sheets, kept in a very hidden sheet so that 清除标记 (or the next
 * 校验) removes exactly that: our conditional formats by id, our notes by cell, the values we wrote in
 * the result columns (with the columns' former widths), and in compatibility mode each cell's former fill.
 */
export const STATE_SHEET = '_证件清理_标记';

export type StateRow =
  | ['cf', string, string]
  | ['note', string, string]
  | ['values', string, string, string]
  | ['fill', string, string, string];

export function parseState(rows: string[][]): StateRow[] {
  return rows.filter((r) => ['cf', 'note', 'values', 'fill'].includes(r[0])) as StateRow[];
}

/** Rows of equal length for Range.values. */
export function stateValues(rows: StateRow[]): string[][] {
  return rows.map((r) => [r[0], r[1], r[2], r[3] ?? '']);
}
