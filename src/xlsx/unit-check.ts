import path from 'path';
import { checkWorkbook, Day, FileCheck, Profile } from '../core';
import { dropRows } from './check-bytes';
import { readOrRefuse } from './check-file';

/** A unit's check, and whether the file is one of ours (the county's workbook, or a checked copy). */
export type UnitCheck = FileCheck & { ours?: 'checked' | 'county' };

/**
 * One unit's workbook for the county's merge, read as `check` reads it (readWorkbook) and checked, keeping
 * what the consolidation needs (verdicts and findings, not the rows). Bad files become a FileCheck that
 * says why, never a throw.
 */
export async function checkUnitFile(file: string, checkDate: Day, profile: Profile, bytes?: Promise<Buffer>): Promise<UnitCheck> {
  const name = path.basename(file);
  const read = await readOrRefuse(file, bytes);
  if ('refused' in read) return { file, ...read.refused };
  if (read.ours === 'county') return { file, status: 'not-a-roster', message: `「${name}」是本工具生成的县汇总工作簿，不是单位报送的摸排统计表，已跳过。`, ours: 'county' };
  const ours = read.ours ?? undefined;
  const result = checkWorkbook(read.grid, { checkDate, profile });
  if (result.status !== 'ok') return { file, status: result.status, message: `「${name}」：${result.message}`, ours };
  dropRows(result);
  return { file, status: 'ok', message: result.message, result, ours };
}
