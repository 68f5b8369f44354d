import { z } from 'zod';
import { Day, dayFromIso, isoFromDay, ymdFromDay } from './dates';
import type { Profile } from './profile';
import { Text } from './types';

/**
 * The campaign's calendar and the county's contact line (柞政司发〔2024〕52号): 摸排统计表 and the 2024 年度学习培训计划
 * by 6月5日 (四.3), 自查自纠 in June (二, 第二阶段 6月1日—6月30日), the 自查自纠工作报告 by 7月25日 (四.3), the campaign
 * over on 7月31日 (二). A profile sets any of these under `campaign`; what it leaves out comes from here.
 */
const isoDay = z.string().refine((s) => dayFromIso(s) !== null, { message: '日期应写成 YYYY-MM-DD，例如 2024-06-05' });

export const CampaignSchema = z.strictObject({
  /** the notice's number: names the campaign, and salts the round keys (rounds.ts) */
  name: z.string().min(1),
  /** 摸排统计表 and 学习培训计划 due (四.3) */
  rosterDue: isoDay,
  /** 自查自纠 ends: problems fixed and the corrected 摸排统计表 sent again (二, 第二阶段) */
  fixDue: isoDay,
  /** 自查自纠工作报告 due (四.3) */
  reportDue: isoDay,
  /** the campaign's last day (二): no deadline line after it */
  endsOn: isoDay,
  /** how many days before a deadline the pane starts saying so */
  warnDays: z.number().int().min(0).max(365),
  /** the county's contact line on feedback workbooks; empty: a line for the clerk to fill in */
  contact: z.string(),
  /** who the unit's report is sent to (主送) and who writes the county's summary */
  county: z.string().min(1),
});
export type Campaign = z.infer<typeof CampaignSchema>;
/** What a profile holds: any part of the campaign. */
export const PartialCampaignSchema = CampaignSchema.partial().strict();
export type PartialCampaign = z.infer<typeof PartialCampaignSchema>;

export const DEFAULT_CAMPAIGN: Campaign = {
  name: '柞政司发〔2024〕52号',
  rosterDue: '2024-06-05',
  fixDue: '2024-06-30',
  reportDue: '2024-07-25',
  endsOn: '2024-07-31',
  warnDays: 7,
  contact: '',
  county: '柞水县司法局',
};

/** The profile's campaign, with the defaults for what it leaves out. */
export function campaignOf(profile: Pick<Profile, 'campaign'> | { campaign?: PartialCampaign }): Campaign {
  return { ...DEFAULT_CAMPAIGN, ...(profile.campaign ?? {}) };
}

/** A campaign's dates as days (validated by the schema; a bad one falls back to the default's). */
export function campaignDays(c: Campaign): { rosterDue: Day; fixDue: Day; reportDue: Day; endsOn: Day } {
  const d = (k: 'rosterDue' | 'fixDue' | 'reportDue' | 'endsOn') => dayFromIso(c[k]) ?? dayFromIso(DEFAULT_CAMPAIGN[k])!;
  return { rosterDue: d('rosterDue'), fixDue: d('fixDue'), reportDue: d('reportDue'), endsOn: d('endsOn') };
}

/** 2024-06-05 → 6月5日 (the year when it is not the campaign's) */
export function monthDay(day: Day, year?: number): string {
  const [y, m, d] = ymdFromDay(day);
  return `${year !== undefined && y !== year ? `${y}年` : ''}${m}月${d}日`;
}
/** 2024-06-05 → 2024年6月5日 */
export function fullDate(day: Day): string {
  const [y, m, d] = ymdFromDay(day);
  return `${y}年${m}月${d}日`;
}
const enDate = (day: Day) => {
  const [, m, d] = ymdFromDay(day);
  return `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${d}`;
};

/**
 * One line for the pane when a unit's check runs close to or after a deadline (notice 四.3), else null: within
 * warnDays before 6月5日, on it, after it (with the report's deadline), near and after 7月25日. Nothing before the
 * warning window or after the campaign ends (7月31日).
 */
export function deadlineLine(checkDate: Day, profile: Pick<Profile, 'campaign'> | { campaign?: PartialCampaign }): Text | null {
  const c = campaignOf(profile);
  const { rosterDue, reportDue, endsOn } = campaignDays(c);
  const year = ymdFromDay(rosterDue)[0];
  const R = monthDay(rosterDue, year);
  const P = monthDay(reportDue, year);
  const d = checkDate;
  if (d > endsOn || d < rosterDue - c.warnDays) return null;
  if (d < rosterDue) {
    const n = rosterDue - d;
    return { zh: `距报送截止还有 ${n} 天：摸排统计表和年度学习培训计划须于 ${R}前报送${c.county}。`, en: `${n} day${n > 1 ? 's' : ''} left: the roster and the training plan are due on ${enDate(rosterDue)}.` };
  }
  if (d === rosterDue) return { zh: `今天（${R}）是摸排统计表和年度学习培训计划的报送截止日。`, en: `Today (${enDate(rosterDue)}) the roster and the training plan are due.` };
  if (d < reportDue - c.warnDays) {
    const n = d - rosterDue;
    return {
      zh: `摸排统计表和年度学习培训计划的报送截止日（${R}）已过 ${n} 天；未报的请尽快报送。自查自纠工作报告须于 ${P}前报送。`,
      en: `The roster and training plan were due on ${enDate(rosterDue)}, ${n} day${n > 1 ? 's' : ''} ago; the self-inspection report is due on ${enDate(reportDue)}.`,
    };
  }
  if (d < reportDue) {
    const n = reportDue - d;
    return { zh: `距自查自纠工作报告报送截止还有 ${n} 天（${P}前报送${c.county}）。`, en: `${n} day${n > 1 ? 's' : ''} left until the self-inspection report is due (${enDate(reportDue)}).` };
  }
  if (d === reportDue) return { zh: `今天（${P}）是自查自纠工作报告的报送截止日。`, en: `Today (${enDate(reportDue)}) the self-inspection report is due.` };
  const n = d - reportDue;
  return { zh: `自查自纠工作报告的报送截止日（${P}）已过 ${n} 天；未报的请尽快报送。`, en: `The self-inspection report was due on ${enDate(reportDue)}, ${n} day${n > 1 ? 's' : ''} ago.` };
}

export { isoFromDay };
