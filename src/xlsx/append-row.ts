import { InputError } from './input-error';
import { Parts } from './ooxml/parts';
import { CellEdit, patchSheet } from './ooxml/sheet';
import { sheets } from './ooxml/workbook';

/**
 * 登记证件事项 on the offline page: one row's cells added to a sheet of the package, by the patch writer of the
 * checked copy (every other row and part as it was). The cells are text, as the clerk typed them; a cell
 * already there keeps its style (a template row's borders). The caller has made sure the row is empty.
 */
export function appendRowParts(parts: Parts, sheet: string, row: number, cells: { col: number; value: string }[]): void {
  const entry = sheets(parts).find((s) => s.name === sheet);
  const xml = entry && parts.text(entry.part);
  if (!entry || !xml) throw new InputError(`工作簿中找不到工作表“${sheet}”，未登记。请重新打开工作簿再试。`);
  const edits = new Map<number, CellEdit>(cells.map((c) => [c.col, { s: (present) => present, text: c.value }]));
  parts.set(entry.part, patchSheet(xml, { cells: new Map([[row, edits]]) }).xml);
}
