import { colLetter, KEEP_AS_TEXT } from '../core';
import { officeFailure } from './errors';
import { Run } from './run';

/**
 * Writes one row's cells (登记证件事项), in one batch: the row is read again first and left alone unless it is
 * still empty (the clerk may have typed there since the pane read the workbook), so an earlier row is never
 * written over. Long digit strings (ID numbers) are formatted as text before they are written.
 */
export async function appendRow(run: Run, sheet: string, row: number, cells: { col: number; value: string }[]): Promise<{ ok: boolean; message: string; en: string }> {
  if (!cells.length) return { ok: false, message: '没有要写入的内容。', en: 'Nothing to write.' };
  const last = Math.max(...cells.map((c) => c.col));
  try {
    return await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const target = ws.getRange(`A${row}:${colLetter(last)}${row}`).load('values');
      await ctx.sync();
      if (target.values[0].some((v) => v !== '' && v !== null)) {
        return { ok: false, message: `“${sheet}”第 ${row} 行已有内容（可能刚刚填写过），未写入。请重新打开登记表再试。`, en: `Row ${row} of ${sheet} is no longer empty; nothing was written. Open the form again.` };
      }
      for (const c of cells) {
        const cell = ws.getRange(`${colLetter(c.col)}${row}`);
        if (KEEP_AS_TEXT.test(c.value)) cell.numberFormat = [['@']];
        cell.values = [[c.value]];
      }
      await ctx.sync();
      return { ok: true, message: '', en: '' };
    });
  } catch (e) {
    return officeFailure(e);
  }
}
