/**
 * What this Excel can do, found at run time. The manifest asks for ExcelApi 1.1 only; everything else
 * is detected here and the add-in degrades gracefully.
 */
export type Mode = 'full' | 'basic';

export interface Capabilities {
  mode: Mode;
  /** ExcelApi 1.18: cell notes */
  notes: boolean;
  /** ExcelApi 1.10 without 1.18: threaded comments carry the messages instead of notes */
  comments: boolean;
  /** ExcelApi 1.2: column widths, merging, used range of values only */
  widths: boolean;
  /** ExcelApi 1.4: *OrNullObject getters */
  nullObjects: boolean;
  /** ExcelApi 1.13: merged areas (Office gives a merged block's value to its first cell only) */
  mergedAreas: boolean;
  /** ExcelApi 1.8: data validation (drop-down lists) */
  validation: boolean;
  /** ExcelApi 1.7: hyperlinks, frozen panes */
  hyperlinks: boolean;
  /** Excel on the web's 5 MB request/response limit applies (assumed everywhere: it costs little) */
  payloadBudget: number;
}

export interface Requirements {
  isSetSupported(name: string, version?: string): boolean;
}

export function capabilities(req: Requirements): Capabilities {
  const has = (v: string) => req.isSetSupported('ExcelApi', v);
  return {
    mode: has('1.9') ? 'full' : 'basic',
    notes: has('1.18'),
    comments: has('1.10') && !has('1.18'),
    widths: has('1.2'),
    nullObjects: has('1.4'),
    hyperlinks: has('1.7'),
    validation: has('1.8'),
    mergedAreas: has('1.13'),
    payloadBudget: 3_900_000,
  };
}

export const MODE_TEXT: Record<Mode, { zh: string; en: string }> = {
  full: { zh: '完整模式：条件格式标记、批注、汇总图表', en: 'Full mode: conditional-format marks, notes or comments, summary chart' },
  basic: { zh: '兼容模式（Excel 2016/2019）：以底色标记，问题列在面板和“校验结果”表中', en: 'Compatibility mode (Excel 2016/2019): fills only; findings in the pane and on 校验结果' },
};
