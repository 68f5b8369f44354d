import path from 'path';
import { campaignOf, checkWorkbook, CheckResult, compareRounds, Day, isoFromDay, Profile, Progress, ReadOptions, roundOf, roundSalt } from '../core';
import { readOrRefuse } from '../xlsx/check-file';

/**
 * A unit's own rounds: `check 表.xlsx --previous 上次校验副本.xlsx`. The earlier file (a checked copy or the clerk's
 * workbook) is read as the clerk's data and checked again with this run's date and profile, so that what counts is
 * what the unit changed in its data, not days passing; each person's findings are compared as the county's
 * 整改情况 compares them (core/rounds.ts).
 */
export async function unitProgress(previous: string, current: CheckResult, o: { checkDate: Day; profile: Profile; read?: ReadOptions; generatedAt: string }): Promise<Progress | { error: string }> {
  const read = await readOrRefuse(previous);
  if ('refused' in read) return { error: `上次的文件（--previous）无法使用：${read.refused.message}` };
  const before = checkWorkbook(read.grid, { checkDate: o.checkDate, profile: o.profile, read: o.read });
  if (before.status !== 'ok') return { error: `上次的文件「${path.basename(previous)}」（--previous）不能作为摸排统计表使用：${before.message}` };
  const salt = roundSalt(campaignOf(o.profile));
  const day = isoFromDay(o.checkDate);
  const p = compareRounds(
    roundOf([{ file: previous, status: 'ok', message: '', result: before }], salt, day, ''),
    roundOf([{ file: current.file, status: 'ok', message: '', result: current }], salt, day, o.generatedAt),
  );
  return { ...p, previous: { checkDate: `上次报送的「${path.basename(previous)}」，按 ${day} 重新校验`, generatedAt: '' } };
}

/** What a unit's check prints about its progress: the counts, then each person left or still with a problem. */
export function progressLines(p: Progress): string[] {
  const u = p.units.reduce((a, x) => ({ fixed: a.fixed + x.fixed, remaining: a.remaining + x.remaining, added: a.added + x.added, left: a.left + x.left }), { fixed: 0, remaining: 0, added: 0, left: 0 });
  const rate = u.fixed + u.remaining ? `${(Math.round((u.fixed / (u.fixed + u.remaining)) * 1000) / 10).toFixed(1)}%` : '—';
  const lines = [`整改情况（对比 ${p.previous.checkDate}）：已整改 ${u.fixed} 项、仍存在 ${u.remaining} 项、新增 ${u.added} 项，整改率 ${rate}；离开名单 ${u.left} 人。`];
  for (const x of p.people) {
    if (x.left) lines.push(`  ${x.name}：本次名单中没有此人（离开名单），请核实是否已调离、退休并注销收回证件。`);
    else if (x.remaining.length || x.added.length) lines.push(`  ${x.name}：${[x.remaining.length ? `仍存在 ${x.remaining.join('、')}` : '', x.added.length ? `新增 ${x.added.join('、')}` : ''].filter(Boolean).join('；')}`);
  }
  return lines;
}
