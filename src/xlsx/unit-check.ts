import path from 'path';
import { checkWorkbook, Day, FileCheck, Profile } from '../core';
import { readGrid } from './fast-read';
import { InputError } from './guard';

/**
 * One unit's workbook for the county's merge: read values-only and checked, keeping what the consolidation
 * needs (verdicts and findings, not the rows). Bad files become a FileCheck that says why, never a throw.
 */
export async function checkUnitFile(file: string, checkDate: Day, profile: Profile, bytes?: Promise<Buffer>): Promise<FileCheck> {
  const name = path.basename(file);
  let grid;
  try {
    grid = await readGrid(file, bytes);
  } catch (e) {
    if (e instanceof InputError) return { file, status: e.status, message: e.message };
    return { file, status: 'unreadable', message: `读取「${name}」时出错：文件内容不符合 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再报送。` };
  }
  const result = checkWorkbook(grid, { checkDate, profile });
  if (result.status !== 'ok') return { file, status: result.status, message: `「${name}」：${result.message}` };
  for (const t of result.personTables) t.records = [];
  if (result.agencyTable) result.agencyTable.records = [];
  return { file, status: 'ok', message: result.message, result };
}
