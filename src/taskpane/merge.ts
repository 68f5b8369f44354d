import { checkWorkbook, Consolidated, consolidatedSheets, Day, FileCheck, Profile } from '../core';
import { Capabilities } from '../office/mode';
import { readWorkbook } from '../office/read';
import { Run } from '../office/run';
import { writePlan } from '../office/write';
import { InputError } from '../xlsx/input-error';
import { readGridBytes } from '../xlsx/read-bytes';
import { officeFailure } from '../office/errors';

/**
 * 合并各单位 in the pane: the units' .xlsx files are read in the browser (read-bytes.ts: fflate and a
 * values-only reader, with the command line's checks and zip-bomb limits), checked as `check` does, and
 * consolidated; the county's sheets go into the open workbook. Nothing leaves the machine: the files are
 * read from disk by the browser itself.
 */
export interface PaneFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function checkFiles(files: PaneFile[], opts: { checkDate: Day; profile: Profile }, onFile?: (i: number, n: number, name: string) => void): Promise<FileCheck[]> {
  const checks: FileCheck[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    onFile?.(i + 1, files.length, f.name);
    if (!/\.xlsx$/i.test(f.name)) {
      checks.push({ file: f.name, status: 'unreadable', message: `文件「${f.name}」不是 Excel 工作簿（.xlsx）。旧版 .xls 请先在 Excel 中另存为 .xlsx。` });
      continue;
    }
    let grid;
    try {
      grid = readGridBytes(new Uint8Array(await f.arrayBuffer()), f.name);
    } catch (e) {
      checks.push(e instanceof InputError
        ? { file: f.name, status: e.status, message: e.message }
        : { file: f.name, status: 'unreadable', message: `文件「${f.name}」已损坏、设置了密码或不是 .xlsx，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。` });
      continue;
    }
    const result = checkWorkbook(grid, opts);
    if (result.status !== 'ok') {
      checks.push({ file: f.name, status: result.status, message: `「${f.name}」：${result.message}` });
      continue;
    }
    for (const t of result.personTables) t.records = [];
    if (result.agencyTable) result.agencyTable.records = [];
    checks.push({ file: f.name, status: 'ok', message: result.message, result });
  }
  return checks;
}

/** Write the county's sheets into the open workbook, replacing those of a previous merge or check. */
export async function writeConsolidated(run: Run, caps: Capabilities, m: Consolidated, meta: { checkDate: Day; profile: Profile; generatedAt: string; maskIds: boolean }): Promise<{ ok: boolean; message: string; en: string }> {
  try {
    return await run(async (ctx) => {
      const plan = { marks: [], columns: [], sheets: consolidatedSheets(m, { unit: '柞水县司法局', ...meta }) };
      const read = await readWorkbook(ctx, caps, '', false);
      await writePlan(ctx, { plan, caps, previous: read.previous, sheetNames: read.sheetNames, widths: read.widths });
      return { ok: true, message: '', en: '' };
    });
  } catch (e) {
    return officeFailure(e);
  }
}
