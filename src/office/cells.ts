import { CellValue, OutSheet } from '../core';

/**
 * Cell values across the Office boundary. Excel parses a string written through Range.values as if it
 * were typed: "=…", "+…" and "-…" become formulas, an 18-digit ID number becomes 6.10126E+17, an ISO
 * date becomes a date (the typings' remark on Range.values). A leading apostrophe keeps the rest as
 * text, so every string we write, most of them a workbook's own texts, goes with one.
 */
export function asText(v: string | number | boolean | null | undefined): string | number | boolean {
  if (v === null || v === undefined || v === '') return '';
  return typeof v === 'string' ? `'${v}` : v;
}

const ERRORS = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** A value as Range.values gives it, as the core reads cells: blank as null, an error string as an error. */
export function fromExcel(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && ERRORS.test(v)) return { error: v };
  return v as CellValue;
}

/** "'人员'!D5" and "人员!$D$5" alike: sheet!cell, for matching a comment's location. */
export function cellKey(address: string): string {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return `${sheet}!${address.slice(bang + 1).replace(/\$/g, '')}`;
}

/** A sheet-qualified address as Office takes it: the name quoted, its quotes doubled. */
export const qualified = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

/** One of our sheets' cells as written through values (Excel) or Value2 (WPS): a link as a HYPERLINK formula, which both follow. */
export function outCellValue(c: OutSheet['rows'][number][number] | undefined): string | number | boolean {
  if (!c) return '';
  if (c.link) return `=HYPERLINK("#${c.link.replace(/"/g, '""')}","${String(c.v ?? '').replace(/"/g, '""')}")`;
  return asText(c.v);
}
