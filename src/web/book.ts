import { CellValue, WorkbookGrid } from '../core';
import { readBytes } from '../xlsx/check-bytes';
import { InputError } from '../xlsx/input-error';
import { Look } from './looks';
import type { Area } from './merges';

/** A workbook the clerk dropped on the page: its name and bytes, never changed. */
export interface Dropped {
  name: string;
  data: Uint8Array;
  /** why the file was not read at all (too large): said whenever it is shown or checked */
  refused?: InputError;
}

/** A dropped workbook read as check-bytes reads it, or its refusal */
export const readDropped = (f: Dropped) => (f.refused ? Promise.reject(f.refused) : readBytes(f.data, f.name));

/** What the view draws: a workbook's visible sheets, with our looks on the checked copy's cells. */
export interface ViewSheet {
  name: string;
  rows: CellValue[][];
  top: number;
  left: number;
  looks: Map<string, Look>;
  merges: Area[];
}

export interface PageState {
  files: Dropped[];
  current: number;
  /** the sheets of the current workbook as shown: the checked copy's after 校验, else the workbook's own */
  view: ViewSheet[];
  /** what the page made, ready to download: the checked copy, a cleared copy, the county's workbook */
  output: { name: string; bytes: Uint8Array } | null;
  /** the view's active sheet, and the cell a finding went to */
  sheet: string | null;
  selected: { sheet: string; cell: string } | null;
  /** why the dropped file cannot be shown, in Chinese */
  error: string | null;
}

export const viewOf = (grid: WorkbookGrid, merges: Map<string, Area[]>, looks = new Map<string, Map<string, Look>>()): ViewSheet[] =>
  grid.sheets.filter((s) => !s.hidden).map((s) => ({
    name: s.name, rows: s.rows, top: s.top ?? 0, left: s.left ?? 0, looks: looks.get(s.name) ?? new Map(), merges: merges.get(s.name) ?? [],
  }));

/** The page's state with change notices for React (useSyncExternalStore). */
export class PageStore {
  private state: PageState = { files: [], current: -1, view: [], output: null, sheet: null, selected: null, error: null };
  private readonly listeners = new Set<() => void>();

  get = (): PageState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  };

  set(change: Partial<PageState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l();
  }

  current(): Dropped | null {
    return this.state.files[this.state.current] ?? null;
  }
}
