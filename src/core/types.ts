/** A cell as every host hands it to the core: plain values only. Dates arrive as Excel serial numbers. */
export type CellError = { error: string };
export type CellValue = string | number | boolean | null | CellError;

export interface SheetGrid {
  name: string;
  /** rows[r][c] is the cell at worksheet row r+1+top, column c+1+left */
  rows: CellValue[][];
  /** 0-based offset of rows[0][0] in the worksheet (a used range need not start at A1) */
  top?: number;
  left?: number;
  /** number formats, same shape as rows where known */
  formats?: (string | undefined)[][];
  hidden?: boolean;
}

export interface WorkbookGrid {
  file: string;
  sheets: SheetGrid[];
}

export type Colour = 'red' | 'yellow' | 'green';
/** the colour a finding gives: never green */
export type FindingColour = 'red' | 'yellow';
export type Verdict = Colour | 'none';
export type Level = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}
