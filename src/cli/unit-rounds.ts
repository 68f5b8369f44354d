import path from 'path';
import { checkWorkbook, CheckResult, Day, Profile, Progress, ReadOptions, unitProgressOf } from '../core';
import { readOrRefuse } from '../xlsx/check-file';

/**
 * A unit's own rounds: `check 表.xlsx --previous 上次校验副本.xlsx`. The earlier file (a checked copy or the clerk's
 * workbook) is read as the clerk's data and compared as core/unit-progress.ts does.
 */
export async function unitProgress(previous: string, current: CheckResult, o: { checkDate: Day; profile: Profile; read?: ReadOptions; generatedAt: string }): Promise<Progress | { error: string }> {
  const read = await readOrRefuse(previous);
  if ('refused' in read) return { error: `上次的文件（--previous）无法使用：${read.refused.message}` };
  const before = checkWorkbook(read.grid, { checkDate: o.checkDate, profile: o.profile, read: o.read });
  if (before.status !== 'ok') return { error: `上次的文件「${path.basename(previous)}」（--previous）不能作为摸排统计表使用：${before.message}` };
  return unitProgressOf(before, current, { checkDate: o.checkDate, profile: o.profile, generatedAt: o.generatedAt, previousName: path.basename(previous) });
}
