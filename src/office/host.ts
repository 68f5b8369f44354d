import { OutSheet } from '../core';
import { download } from '../host/download';
import { memorySettings } from '../host/settings';
import type { HostSettings, PaneHost } from '../host/types';
import { appendRow } from './append';
import { officeFailure } from './errors';
import { insertSheets } from './insert';
import { capabilities, Capabilities, MODE_TEXT, Requirements } from './mode';
import { readWorkbook } from './read';
import { officeLibrary, officeRun, Run } from './run';
import { saveFiles, SaveEnv } from './save';
import { checkWith, clearMarks, goTo } from './validate';
import { writePlan } from './write';

export { memorySettings };

/** What the Office host is made from: the real Excel, or the simulation in tests and the playground. */
export interface OfficeEnv extends SaveEnv {
  run: Run;
  requirements: Requirements;
  /** whether the loaded office.js defines Excel[cls] (a stale same-origin copy may lack some) */
  library?: (cls: string) => boolean;
  displayLanguage: string;
  settings: HostSettings;
}

/**
 * Sheets of ours written into the open workbook, replacing those of a previous merge or check (undone as a check's
 * are: the sheets recorded as ours); a clerk's sheet of one of their names stays, and ours takes another.
 * `hidden` sheets end very hidden where Excel allows it (ExcelApi 1.2).
 */
export async function writeSheets(run: Run, caps: Capabilities, sheets: OutSheet[], hidden: OutSheet[] = []): Promise<{ ok: boolean; message: string; en: string }> {
  try {
    return await run(async (ctx) => {
      const read = await readWorkbook(ctx, caps, '', false);
      const written = await writePlan(ctx, { plan: { marks: [], columns: [], sheets: [...sheets, ...hidden] }, caps, previous: read.previous, sheetNames: read.sheetNames, widths: read.widths });
      if (hidden.length && caps.sheetFormat) {
        for (const name of written.sheets.slice(sheets.length)) ctx.workbook.worksheets.getItem(name).visibility = 'VeryHidden';
        await ctx.sync();
      }
      return { ok: true, message: '', en: '' };
    });
  } catch (e) {
    return officeFailure(e);
  }
}

/** The pane's host in Excel: each call one Excel.run, with what this Excel and its office.js can do. */
export function officeHost(env: OfficeEnv): PaneHost {
  const { run } = env;
  const caps = capabilities(env.requirements, env.library);
  return {
    kind: 'excel',
    describe: {
      zh: `${MODE_TEXT[caps.mode].zh}（ExcelApi ${caps.version}）`,
      en: `${MODE_TEXT[caps.mode].en} (ExcelApi ${caps.version})`,
    },
    displayLanguage: env.displayLanguage,
    settings: env.settings,
    check: (decide, onStage) => checkWith(run, caps, decide, { onStage }),
    clear: () => clearMarks(run, caps),
    goTo: (sheet, cell) => goTo(run, sheet, cell),
    readGrid: async () => {
      try {
        return { ok: true as const, grid: await run(async (ctx) => (await readWorkbook(ctx, caps, '当前工作簿')).grid) };
      } catch (e) {
        return officeFailure(e);
      }
    },
    insertSheets: async (specs) => {
      const { names: _, ...done } = await insertSheets(run, caps, specs);
      return done;
    },
    writeSheets: (sheets, hidden) => writeSheets(run, caps, sheets, hidden),
    saveFiles: (files) => saveFiles(env, files),
    appendRow: (sheet, row, cells) => appendRow(run, sheet, row, cells),
  };
}

/** The real Office, once office.js is ready: Excel.run, its requirement sets, language and document settings. */
export function officeEnv(): OfficeEnv {
  const settings = Office.context.document.settings;
  return {
    run: officeRun,
    requirements: Office.context.requirements,
    library: officeLibrary,
    displayLanguage: Office.context.displayLanguage,
    platform: String(Office.context.diagnostics?.platform ?? ''),
    download,
    settings: {
      get: (k) => settings.get(k),
      set: (k, v) => settings.set(k, v),
      save: () => new Promise((resolve, reject) => settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)))),
    },
  };
}
