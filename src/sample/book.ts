import { CellValue } from '../core';

/** A workbook described as plain data, written by the .xlsx adapter (and later drawn by the playground). */
export interface SheetSpec {
  name: string;
  rows: CellValue[][];
  merges?: string[];
  widths?: number[];
  /** 1-based columns formatted as text (ID and certificate numbers) */
  textCols?: number[];
  /** 1-based columns holding dates (formatted yyyy-mm-dd) */
  dateCols?: number[];
  /** dropdown lists: 1-based column → allowed values, applied from firstDataRow to lastValidatedRow */
  lists?: Record<number, string[]>;
  headerRows?: number[];
  firstDataRow?: number;
  lastValidatedRow?: number;
  freezeRows?: number;
  /** cells whose value is a formula with a cached result */
  formulas?: { row: number; col: number; formula: string; result: CellValue }[];
}

export interface BookSpec {
  sheets: SheetSpec[];
}
