import { colLetter, KEEP_AS_TEXT } from '../core';
import { EtApp, EtSheet } from './et';
import { activeBook, sheetsOf } from './read';

/**
 * 登记证件事项 in WPS: one row's cells, written only while the row is still empty (the clerk may have typed
 * there since the pane read the workbook); long digit strings (ID numbers) formatted as text first, since a
 * typed 18-digit number keeps 15 digits (Range.NumberFormat "@", as the template's columns).
 */
export function appendRowEt(app: EtApp, sheet: string, row: number, cells: { col: number; value: string }[]): { ok: boolean; message: string; en: string } {
  const ws = sheetsOf(activeBook(app)).find((s): s is EtSheet => s.Name === sheet);
  if (!ws) return { ok: false, message: `找不到工作表“${sheet}”：可能刚被改名或删除。请重新打开登记表。`, en: `The sheet ${sheet} is gone; open the form again.` };
  if (!cells.length) return { ok: false, message: '没有要写入的内容。', en: 'Nothing to write.' };
  const last = Math.max(...cells.map((c) => c.col));
  const now = ws.Range(`A${row}:${colLetter(last)}${row}`).Value2 as unknown;
  const values = Array.isArray(now) ? (now as unknown[][]).flat() : [now];
  if (values.some((v) => v !== undefined && v !== null && v !== '')) {
    return { ok: false, message: `“${sheet}”第 ${row} 行已有内容（可能刚刚填写过），未写入。请重新打开登记表再试。`, en: `Row ${row} of ${sheet} is no longer empty; nothing was written. Open the form again.` };
  }
  for (const c of cells) {
    const cell = ws.Range(`${colLetter(c.col)}${row}`);
    if (KEEP_AS_TEXT.test(c.value)) cell.NumberFormat = '@';
    cell.Value2 = c.value;
  }
  return { ok: true, message: '', en: '' };
}
