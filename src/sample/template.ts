import { colLetter, FieldDef, TableKind, TABLES } from '../core';
import { BookSpec, SheetSpec } from './book';

export const TITLE = '行政执法证件专项清理工作摸排统计表';
/** notice 三.3 (证件动态管理台账) and 三.4 (年度学习培训记录): optional sheets, docs/ledger.md */
export const LEDGER_TITLE = '行政执法证件动态管理台账';
export const TRAINING_TITLE = '行政执法人员学习培训记录';
const TEMPLATE_ROWS = 500;

function widthOf(f: FieldDef): number {
  if (f.type === 'id') return 21;
  if (f.key === 'certNumber') return 16;
  if (f.type === 'date') return 12;
  if (['unit', 'agency', 'agencyName', 'legalBasis', 'entrustmentBasis', 'authorisationBasis', 'remarks', 'reference', 'course', 'organiser'].includes(f.key)) return 24;
  return Math.max(8, f.header.length * 2 + 2);
}

/** A canonical sheet: title row, 填报单位 row, header, then body rows (dropdowns on list columns). */
export function canonicalSheet(kind: TableKind, unit: string, body: Record<string, unknown>[] = []): SheetSpec {
  const fields = TABLES[kind].fields;
  const header = fields.map((f) => f.header);
  const last = colLetter(fields.length);
  const lists: Record<number, string[]> = {};
  fields.forEach((f, i) => {
    if (f.type === 'yesno') lists[i + 1] = ['是', '否'];
    else if (f.type === 'list' && f.list) lists[i + 1] = [...f.list];
  });
  const title = { person: TITLE, agency: `${TITLE}（执法主体）`, ledger: LEDGER_TITLE, training: TRAINING_TITLE }[kind];
  return {
    name: TABLES[kind].sheet,
    rows: [
      [title],
      [`填报单位：${unit}`, ...Array(fields.length - 2).fill(null), null],
      header,
      ...body.map((r) => fields.map((f) => (r[f.key] as never) ?? null)),
    ],
    merges: [`A1:${last}1`, `A2:${last}2`],
    widths: fields.map(widthOf),
    textCols: fields.map((f, i) => (f.type === 'id' || f.key === 'certNumber' ? i + 1 : 0)).filter(Boolean),
    dateCols: fields.map((f, i) => (f.type === 'date' ? i + 1 : 0)).filter(Boolean),
    lists,
    headerRows: [3],
    firstDataRow: 4,
    lastValidatedRow: Math.max(TEMPLATE_ROWS, body.length + 3),
    freezeRows: 3,
  };
}

/** The blank template: the two sheets of the 摸排统计表, then the optional 证件台账 and 培训记录 (docs/ledger.md). */
export function templateBook(unit = ''): BookSpec {
  return { sheets: [canonicalSheet('person', unit), canonicalSheet('agency', unit), canonicalSheet('ledger', unit), canonicalSheet('training', unit)] };
}
