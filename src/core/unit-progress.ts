import { campaignOf } from './campaign';
import { Day, isoFromDay } from './dates';
import { progressTotals } from './campaign-run';
import { Profile } from './profile';
import { compareRounds, Progress, roundOf, roundSalt } from './rounds';
import { CheckResult } from './engine';

/**
 * A unit's own rounds (`check 表.xlsx --previous 上次.xlsx`, the pane's 对比上次报送的文件): the earlier workbook,
 * checked again with this run's date and profile so that what counts is what the unit changed in its data, not
 * days passing, compared person by person as the county's 整改情况 compares them (rounds.ts).
 */
export function unitProgressOf(before: CheckResult, current: CheckResult, o: { checkDate: Day; profile: Profile; generatedAt: string; previousName: string }): Progress {
  const salt = roundSalt(campaignOf(o.profile));
  const day = isoFromDay(o.checkDate);
  const p = compareRounds(
    roundOf([{ file: before.file, status: 'ok', message: '', result: before }], salt, day, ''),
    roundOf([{ file: current.file, status: 'ok', message: '', result: current }], salt, day, o.generatedAt),
  );
  return { ...p, previous: { checkDate: `上次报送的「${o.previousName}」，按 ${day} 重新校验`, generatedAt: '' } };
}

/** What a unit's comparison says: the counts, then each person who left or still has a problem. */
export function progressLines(p: Progress): string[] {
  const t = progressTotals(p);
  const lines = [`整改情况（对比 ${p.previous.checkDate}）：已整改 ${t.fixed} 项、仍存在 ${t.remaining} 项、新增 ${t.added} 项，整改率 ${t.rate}；离开名单 ${t.left} 人。`];
  for (const x of p.people) {
    if (x.left) lines.push(`  ${x.name}：本次名单中没有此人（离开名单），请核实是否已调离、退休并注销收回证件。`);
    else if (x.remaining.length || x.added.length) lines.push(`  ${x.name}：${[x.remaining.length ? `仍存在 ${x.remaining.join('、')}` : '', x.added.length ? `新增 ${x.added.join('、')}` : ''].filter(Boolean).join('；')}`);
  }
  return lines;
}
