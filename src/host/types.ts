import type { CheckResult, Plan, OutSheet, WorkbookGrid } from '../core';
import type { SheetSpec } from '../sample/book';

/**
 * What the pane needs from the place it runs: Excel (Office.js), WPS 表格 (the ET object model) or the
 * offline page (a workbook the clerk dropped in). The pane sees only this; no host's types leak into it.
 * Every message is given in Chinese and English (the host's display language picks one).
 */
export interface Said {
  zh: string;
  en: string;
}

export interface Done {
  ok: boolean;
  message: string;
  en: string;
}

export type Stage = 'read' | 'check' | 'write' | 'done';

/** What the pane decides from the grid the host read: the core's result, and the plan to apply when ok. */
export type Decision = { result: CheckResult; plan?: Plan };

export type CheckOutcome =
  | { ok: true; result: CheckResult; marked: number; notices: Said[]; /** our sheets as named (汇总（校验） beside a clerk's 汇总) */ sheets?: string[] }
  | { ok: false; message: string; en: string; detail?: string; result?: CheckResult; sheets?: { name: string; headers: string[] }[] };

export interface HostSettings {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** keeps the settings with the workbook (or the page's storage); rejects when it cannot */
  save(): Promise<void>;
}

/** a file the pane made, to be handed to the clerk */
export interface SavedFile {
  name: string;
  bytes: Uint8Array;
}

export interface PaneHost {
  /** which host, for the few words that differ (the header line, the help) */
  kind: 'excel' | 'wps' | 'web';
  /** the header's second line: the host and what it can do, e.g. 完整模式（ExcelApi 1.12） */
  describe: Said;
  displayLanguage: string;
  settings: HostSettings;
  /**
   * 校验 in one pass of the host: read the workbook (without our last result columns), let the pane decide
   * with the core, and apply the plan after undoing the last run's marks.
   */
  check(decide: (grid: WorkbookGrid) => Decision, onStage?: (s: Stage) => void): Promise<CheckOutcome>;
  /** 清除标记; complete: nothing of ours is left in the workbook */
  clear(): Promise<Done & { complete?: boolean }>;
  /** select a cell, activating its sheet first */
  goTo(sheet: string, cell: string): Promise<Done>;
  /** the workbook's values, for views that write nothing (到期提醒) */
  readGrid(): Promise<{ ok: true; grid: WorkbookGrid } | (Done & { ok: false })>;
  /** add sheets (the template, the sample); a name in use gets a suffix */
  insertSheets(specs: SheetSpec[]): Promise<Done>;
  /**
   * write sheets of ours (the county's consolidation), replacing those of a previous run; `hidden` ones are very
   * hidden (the rounds' data the next round compares with)
   */
  writeSheets(sheets: OutSheet[], hidden?: OutSheet[]): Promise<Done>;
  /**
   * Hand the clerk new files (each unit's 反馈意见 workbook, a report draft as .docx) where the host can: the offline
   * page and Excel on Windows and the web download them, WPS writes them into the download folder; Excel on a Mac
   * cannot (its web view does not download), and says where to make them instead.
   */
  saveFiles(files: SavedFile[]): Promise<Done>;
  /** 登记证件事项: write these cells of one row, only while that row is still empty */
  appendRow(sheet: string, row: number, cells: { col: number; value: string }[]): Promise<Done>;
}
