/**
 * What this Excel can do, found at run time. Each capability is one ExcelApi requirement set (the set
 * `@types/office-js` tags the members it guards with), so that code using a member checks the flag of
 * that member's own set. The manifest's minimum is ExcelApi 1.1; everything newer degrades gracefully.
 */
export type Mode = 'full' | 'basic';

/** The requirement set behind each flag; the member audit (test/office/api-audit) reads this table. */
export const CAPABILITY_SETS = {
  /** Worksheet.visibility (setting it), RangeFormat.columnWidth, Range.merge, getUsedRange(valuesOnly) */
  sheetFormat: '1.2',
  /** the *OrNullObject getters */
  nullObjects: '1.4',
  /** Range.conditionalFormats: finding and deleting our conditional formats, whatever the mode */
  conditionalFormats: '1.6',
  /** hyperlinks, frozen panes, getRangeByIndexes, chart series */
  hyperlinks: '1.7',
  /** data validation (drop-down lists) */
  validation: '1.8',
  /** full mode: conditional formats on RangeAreas (Worksheet.getRanges) */
  full: '1.9',
  /** threaded comments (Workbook.comments) */
  comments: '1.10',
  /** merged areas: Office gives a merged block's value to its first cell only */
  mergedAreas: '1.13',
  /** cell notes (Worksheet.notes) */
  notes: '1.18',
} as const;

export type Capability = keyof typeof CAPABILITY_SETS;

export type Capabilities = { [K in Capability]: boolean } & {
  mode: Mode;
  /** the highest ExcelApi version this Excel supports, for messages */
  version: string;
  /** Excel on the web's 5 MB request/response limit applies (assumed everywhere: it costs little) */
  payloadBudget: number;
};

export interface Requirements {
  isSetSupported(name: string, version?: string): boolean;
}

/**
 * The JavaScript classes a capability needs from office.js itself. An intranet's same-origin copy of
 * office.js may be older than the Excel it runs in: isSetSupported then says yes while the class is
 * missing from the library, and calling it would throw a TypeError. Such a capability is turned off.
 */
const LIBRARY_CLASSES: Partial<Record<Capability, string>> = {
  notes: 'NoteCollection',
  comments: 'CommentCollection',
  mergedAreas: 'RangeAreas',
  full: 'RangeAreas',
  conditionalFormats: 'ConditionalFormatCollection',
};

export const VERSIONS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20'];

/** "1.10" > "1.9": versions compare as numbers, part by part. */
export function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = have.split('.').map(Number);
  const [c, d] = need.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/** `library(name)`: whether office.js defines Excel[name]; absent in the simulation, where it always does. */
export function capabilities(req: Requirements, library?: (cls: string) => boolean): Capabilities {
  const has = (v: string) => req.isSetSupported('ExcelApi', v);
  const flags = Object.fromEntries(Object.entries(CAPABILITY_SETS).map(([k, v]) => {
    const cls = LIBRARY_CLASSES[k as Capability];
    return [k, has(v) && (!cls || !library || library(cls))];
  })) as { [K in Capability]: boolean };
  return {
    ...flags,
    mode: flags.full ? 'full' : 'basic',
    version: [...VERSIONS].reverse().find(has) ?? '1.1',
    payloadBudget: 3_900_000,
  };
}

export const MODE_TEXT: Record<Mode, { zh: string; en: string }> = {
  full: { zh: '完整模式：条件格式标记、注释或批注、汇总图表', en: 'Full mode: conditional-format marks, notes or comments, summary chart' },
  basic: { zh: '兼容模式（Excel 2016/2019）：以底色标记，问题列在面板和“校验结果”表中', en: 'Compatibility mode (Excel 2016/2019): fills only; findings in the pane and on 校验结果' },
};
