import { colLetter, OutSheet, WorkbookGrid } from '../core';
import { headerGuesses } from '../host/decide';
import type { CheckOutcome, Decision, Done, HostSettings, PaneHost, Said, Stage } from '../host/types';
import { asText } from '../office/cells';
import { officeSaid } from '../office/errors';
import { mergeState } from '../office/state';
import { SheetSpec } from '../sample/book';
import { appendRowEt } from './append';
import { EtApp, EtBook, EtSheet, XL_SHEET_VERY_HIDDEN } from './et';
import { activeBook, notData, readBook, rowsOf, SETTINGS_SHEET, sheetsOf, WpsError } from './read';
import { saveFilesEt } from './save';
import { applyPlan, undoLast, writeHidden, writeState } from './write';

/**
 * The pane's host in WPS 表格: PaneHost (src/host/types.ts) over the ET object model on window.Application.
 * ET calls are synchronous; each entry point runs in one go with screen updating and alerts off, and puts
 * them back however it ends.
 */
const FILE = '当前工作簿';

/** What the clerk reads when WPS refuses: our own words, else the Office adapter's general message. */
function failure(e: unknown): { ok: false; message: string; en: string; detail?: string } {
  if (e instanceof WpsError) return { ok: false, message: e.zh, en: e.en };
  const said = officeSaid(e);
  return { ok: false, message: said.zh, en: said.en, detail: String((e as Error)?.message ?? e) };
}

/**
 * Runs f with the screen and WPS's confirmations off (deleting our sheets must not ask the clerk), and, unless
 * f means to show a new sheet, the clerk's sheet active again after it: Sheets.Add activates the sheet it adds
 * (VBA: Sheets.Add), which Office's worksheets.add does not.
 */
function quietly<T>(app: EtApp, f: () => T, keepActive = true): T {
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  const active = keepActive && app.ActiveWorkbook ? (app.ActiveSheet as EtSheet | null)?.Name : undefined;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    return f();
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
    const back = active && app.ActiveWorkbook ? sheetsOf(app.ActiveWorkbook).find((s) => s.Name === active && s.Visible === -1) : undefined;
    if (back && (app.ActiveSheet as EtSheet | null)?.Name !== active) back.Activate();
  }
}


/**
 * Settings kept in the workbook, in a very hidden sheet of their own (key, JSON): a sheet's contents and its
 * visibility are saved with the file in every format WPS writes (.xlsx, .et), unlike PluginStorage, which the
 * typings say is not persisted, and unlike a custom document property, whose text Excel and WPS cap at 255
 * characters (a profile is longer). Saved when the clerk saves the workbook, as Office's settings are.
 */
export function wpsSettings(app: EtApp): HostSettings {
  let values: Map<string, unknown> | null = null;
  const load = () => {
    if (values) return values;
    values = new Map();
    const wb = app.ActiveWorkbook;
    const ws = wb ? sheetsOf(wb).find((s) => s.Name === SETTINGS_SHEET) : undefined;
    for (const [k, v] of ws ? rowsOf(ws.UsedRange) : []) {
      if (typeof k !== 'string' || !k || typeof v !== 'string') continue;
      try {
        values.set(k, JSON.parse(v));
      } catch {
        // a value someone edited by hand: ignored, the default applies
      }
    }
    return values;
  };
  return {
    get: (k) => load().get(k),
    set: (k, v) => void load().set(k, v),
    save: async () => {
      const rows = [...load()].map(([k, v]) => [asText(k), asText(JSON.stringify(v))]);
      quietly(app, () => {
        const wb = activeBook(app);
        writeHidden(wb, sheetsOf(wb), SETTINGS_SHEET, rows);
      });
    },
  };
}

/** The language WPS shows: the page's (the pane runs in WPS's Chromium); Chinese unless it says otherwise. */
const language = () => (typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'zh-CN');

export function wpsHost(app: EtApp, lang = language()): PaneHost {
  const settings = wpsSettings(app);

  const check: PaneHost['check'] = async (decide: (grid: WorkbookGrid) => Decision, onStage?: (s: Stage) => void): Promise<CheckOutcome> => {
    try {
      onStage?.('read');
      const read = readBook(app, FILE);
      onStage?.('check');
      const { result, plan } = decide(read.grid);
      if (result.status !== 'ok' || !plan) return { ok: false, message: result.message, en: result.messageEn ?? result.message, result, sheets: headerGuesses(read.grid) };
      onStage?.('write');
      const notices: Said[] = [];
      const applied = quietly(app, () => {
        const wb = activeBook(app);
        const undone = undoLast(read.sheets, read.state);
        return applyPlan(app, wb, undone.sheets, plan, read.state, undone.pending);
      });
      if (applied.refused.length) {
        const where = applied.refused.slice(0, 3).map((a) => `${a.sheet}!${a.cell}`).join('、');
        notices.push({
          zh: `有 ${applied.refused.length} 处单元格已有批注（如 ${where}），本次的问题说明没有写入这些单元格，请在“校验结果”表中查看。`,
          en: `${applied.refused.length} cells already hold a comment (e.g. ${where}); their findings are on the 校验结果 sheet instead.`,
        });
      }
      onStage?.('done');
      return { ok: true, result, marked: applied.marked, notices, sheets: applied.sheets };
    } catch (e) {
      return failure(e);
    }
  };

  const clear: PaneHost['clear'] = async () => {
    try {
      return quietly(app, () => {
        const read = readBook(app, FILE, false);
        const wb = activeBook(app);
        const undone = undoLast(read.sheets, read.state);
        writeState(wb, sheetsOf(wb), mergeState(undone.pending, []));
        if (!undone.pending.length) return { ok: true, complete: true, message: '已清除标记，工作簿已恢复原样。', en: 'Marks cleared: the workbook is as it was.' };
        return {
          ok: true,
          complete: false,
          message: `已清除标记。仍留有 ${undone.pending.length} 条在 Excel 中添加的批注（线程式批注），WPS 无法去掉；已记下，在 Excel 中点“清除标记”即可去掉。`,
          en: `Marks cleared, except ${undone.pending.length} threaded comments added by Excel, which WPS cannot remove; Clear marks in Excel removes them.`,
        };
      });
    } catch (e) {
      return failure(e);
    }
  };

  const goTo: PaneHost['goTo'] = async (sheet, cell) => {
    try {
      const ws = activeBook(app).Sheets.Item(sheet) as EtSheet;
      ws.Activate();
      ws.Range(cell).Select();
      return { ok: true, message: '', en: '' };
    } catch (e) {
      return failure(e);
    }
  };

  const readGrid: PaneHost['readGrid'] = async () => {
    try {
      return { ok: true, grid: readBook(app, FILE).grid };
    } catch (e) {
      return failure(e);
    }
  };

  const insertSheets: PaneHost['insertSheets'] = async (specs: SheetSpec[]): Promise<Done> => {
    try {
      quietly(app, () => {
        const wb = activeBook(app);
        const sheets = sheetsOf(wb);
        const taken = new Set(sheets.map((s) => s.Name.toLowerCase()));
        let after = sheets.filter((s) => !notData(s.Name)).pop() ?? sheets[sheets.length - 1];
        let first: EtSheet | undefined;
        for (const spec of specs) {
          let name = spec.name;
          for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${spec.name}${i}`;
          taken.add(name.toLowerCase());
          const ws = wb.Sheets.Add(undefined, after) as EtSheet;
          ws.Name = name;
          after = ws;
          first ??= ws;
          const width = Math.max(1, spec.rows.reduce((m, r) => Math.max(m, r.length), 0));
          // ID and certificate numbers as text, down to the last row the template validates
          const lastRow = Math.max(spec.rows.length, spec.lastValidatedRow ?? 0);
          for (const c of spec.textCols ?? []) ws.Range(`${colLetter(c)}1:${colLetter(c)}${lastRow}`).NumberFormat = '@';
          const values = spec.rows.map((r) => Array.from({ length: width }, (_, k) => {
            const v = r[k];
            return v === null || v === undefined ? '' : typeof v === 'object' ? asText(v.error) : asText(v);
          }));
          if (values.length) ws.Range(`A1:${colLetter(width)}${values.length}`).Value2 = values as unknown as string;
          for (const h of spec.headerRows ?? []) ws.Range(`A${h}:${colLetter(width)}${h}`).Font.Bold = true;
          (spec.widths ?? []).forEach((w, k) => (ws.Range(`${colLetter(k + 1)}:${colLetter(k + 1)}`).ColumnWidth = w));
        }
        first?.Activate();
      }, false);
      return { ok: true, message: '', en: '' };
    } catch (e) {
      return failure(e);
    }
  };

  // as a check writes its sheets (the last run's recorded sheets undone, a clerk's sheet of one of their names left
  // alone), the rounds' data very hidden
  const writeSheets: PaneHost['writeSheets'] = async (visible: OutSheet[], hidden: OutSheet[] = []): Promise<Done> => {
    try {
      quietly(app, () => {
        const read = readBook(app, FILE, false);
        const wb: EtBook = activeBook(app);
        const undone = undoLast(read.sheets, read.state);
        const applied = applyPlan(app, wb, undone.sheets, { marks: [], columns: [], sheets: [...visible, ...hidden] }, read.state, undone.pending);
        for (const name of applied.sheets.slice(visible.length)) (wb.Sheets.Item(name) as EtSheet).Visible = XL_SHEET_VERY_HIDDEN;
        if (applied.sheets.length) (wb.Sheets.Item(applied.sheets[0]) as EtSheet).Activate();
      }, false);
      return { ok: true, message: '', en: '' };
    } catch (e) {
      return failure(e);
    }
  };

  return {
    kind: 'wps',
    describe: { zh: 'WPS 表格（条件格式标记，问题说明写成批注）', en: 'WPS Spreadsheets (conditional-format marks, findings as comments)' },
    displayLanguage: lang,
    settings,
    check,
    clear,
    goTo,
    readGrid,
    insertSheets,
    writeSheets,
    saveFiles: async (files) => {
      try {
        return saveFilesEt(app, files);
      } catch (e) {
        return failure(e);
      }
    },
    appendRow: async (sheet, row, cells) => {
      try {
        return quietly(app, () => appendRowEt(app, sheet, row, cells));
      } catch (e) {
        return failure(e);
      }
    },
  };
}
