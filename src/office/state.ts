/**
 * What a run added to the clerk's sheets, kept in a very hidden sheet so that 清除标记 (or the next
 * 校验) removes exactly that: our notes and comments by cell, the values we wrote in the result columns
 * (with the columns' former widths), and in compatibility mode each cell's former fill. Our conditional
 * formats need no record: they are found by their formula.
 */
export const STATE_SHEET = '_证件清理_标记';

export type StateRow =
  | ['note', string, string]
  | ['comment', string, string]
  | ['values', string, string, string]
  | ['fill', string, string, string];

export function parseState(rows: string[][]): StateRow[] {
  return rows.filter((r) => ['note', 'comment', 'values', 'fill'].includes(r[0])) as StateRow[];
}

/** Rows of equal length for Range.values. */
/** "'人员'!D5" and "人员!$D$5" alike: sheet!cell, for matching a comment's location. */
export function cellKey(address: string): string {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return `${sheet}!${address.slice(bang + 1).replace(/\$/g, '')}`;
}

/** The cells that hold a comment thread (ExcelApi 1.10), with the thread's id: two requests. */
export async function commentCells(ctx: Excel.RequestContext): Promise<Map<string, string>> {
  const comments = ctx.workbook.comments.load('items/id');
  await ctx.sync();
  const places = comments.items.map((c) => ({ id: c.id, where: ctx.workbook.comments.getItem(c.id).getLocation().load('address') }));
  if (places.length) await ctx.sync();
  return new Map(places.map((p) => [cellKey(p.where.address), p.id]));
}

export function stateValues(rows: StateRow[]): string[][] {
  return rows.map((r) => [r[0], r[1], r[2], r[3] ?? '']);
}
