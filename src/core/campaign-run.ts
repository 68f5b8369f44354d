import { campaignOf } from './campaign';
import { Consolidated } from './consolidate';
import { FileCheck } from './cross/context';
import { Day, isoFromDay } from './dates';
import { Deliveries, deliveries, deliveriesSheet, DELIVERABLE_ZH, InboxFile } from './deliverables';
import { OutSheet } from './plan';
import { Profile } from './profile';
import { compareRounds, Progress, Round, roundPeople, roundSalt, roundSheet, ROUND_VERSION, progressSheet, Sha256 } from './rounds';
import { sha256Hex } from './sha256';

/**
 * What a county merge adds for the campaign after the first submission (issue 12), wherever it runs (the command
 * line, the pane): 报送情况 with the deliverables, 整改情况 against the last round, and this round's data, very
 * hidden, for the next. The host brings the inbox it saw, the last round it read, and its fastest SHA-256.
 */
export interface CampaignInput {
  /** every file received, with what the merge made of it (inboxWithChecks) */
  inbox: InboxFile[];
  expected: string[];
  profile: Profile;
  checkDate: Day;
  generatedAt: string;
  /** the last round's data, read from its county workbook */
  previous?: Round;
  sha256?: Sha256;
  /** a file's round keys made before (the merge's workers make them as each unit is checked), when it has them */
  keys?: (f: FileCheck) => string[] | undefined;
}

export interface CampaignSheets {
  /** 报送情况, in place of the plain one */
  submissions: OutSheet;
  /** 整改情况, when there is a last round */
  sheets: OutSheet[];
  /** the rounds' data: very hidden */
  hidden: OutSheet[];
  deliveries: Deliveries;
  progress?: Progress;
}

export function campaignSheets(m: Consolidated, o: CampaignInput): CampaignSheets {
  const camp = campaignOf(o.profile);
  const salt = roundSalt(camp);
  const hash = o.sha256 ?? sha256Hex;
  const d = deliveries(o.inbox, o.expected, camp, m.submissions);
  const checkDate = isoFromDay(o.checkDate);
  // this round's keys hashed once: kept for the comparison and the sheet when there is a last round, made as the
  // sheet is written when there is none
  const people = o.previous && [...roundPeople(m.files, salt, hash, o.keys)];
  const progress = o.previous && people ? compareRounds(o.previous, people) : undefined;
  const count = m.files.reduce((n, f) => n + (f.result?.people.length ?? 0), 0);
  return {
    submissions: deliveriesSheet(d, camp, o.checkDate),
    sheets: progress ? [progressSheet(progress, { checkDate, generatedAt: o.generatedAt })] : [],
    hidden: [roundSheet({ version: ROUND_VERSION, salt, checkDate, generatedAt: o.generatedAt }, count, () => people ?? roundPeople(m.files, salt, hash, o.keys))],
    deliveries: d,
    progress,
  };
}

/**
 * The inbox's files with what the merge made of them: a workbook read as a roster names its unit; one the merge
 * did not take (our own outputs, skipped) is left out. `key` compares the inbox's names with the checks' (the
 * command line's real paths; the pane's names as picked).
 */
export function inboxWithChecks(inbox: InboxFile[], checks: FileCheck[], key: (file: string) => string = (f) => f): InboxFile[] {
  const byPath = new Map(checks.map((f) => [key(f.file), f]));
  return inbox.flatMap((f) => {
    const check = byPath.get(key(f.file));
    if (/\.xls[xm]$/i.test(f.file) && !check) return [];
    // named as the check names it, so that 报送情况's rows (which name the checks' files) find it
    return [{ ...f, file: check?.file ?? f.file, unit: check?.status === 'ok' ? check.result?.unit : undefined, roster: check?.status === 'ok' && !!check.result }];
  });
}

/** Totals of a comparison: 已整改 / 仍存在 / 新增 findings, people who left, and the 整改率 as a percentage text. */
export function progressTotals(p: Progress): { fixed: number; remaining: number; added: number; left: number; rate: string } {
  const t = p.units.reduce((a, u) => ({ fixed: a.fixed + u.fixed, remaining: a.remaining + u.remaining, added: a.added + u.added, left: a.left + u.left }), { fixed: 0, remaining: 0, added: 0, left: 0 });
  const rate = t.fixed + t.remaining ? `${(Math.round((t.fixed / (t.fixed + t.remaining)) * 1000) / 10).toFixed(1)}%` : '—';
  return { ...t, rate };
}

/** The lines a merge says about deliverables and rounds (the command line prints them, the pane shows them). */
export function campaignLines(c: { deliveries?: Deliveries; progress?: Progress; previousError?: string }): string[] {
  const lines: string[] = [];
  if (c.deliveries) {
    const d = c.deliveries;
    const tally = (k: 'roster' | 'plan' | 'report') => {
      const n = (s: string) => d.rows.filter((r) => r.items[k].status === s).length;
      return `${DELIVERABLE_ZH[k]} 按时 ${n('按时')}、逾期 ${n('逾期')}、未报 ${n('未报')}`;
    };
    lines.push(`材料报送：${tally('roster')}；${tally('plan')}；${tally('report')}。`);
    for (const u of d.unplaced) lines.push(`  ${u.reason}`);
  }
  if (c.previousError) lines.push(c.previousError);
  if (c.progress) {
    const t = progressTotals(c.progress);
    lines.push(`整改情况（对比上一轮 ${c.progress.previous.checkDate}）：已整改 ${t.fixed} 项、仍存在 ${t.remaining} 项、新增 ${t.added} 项，整改率 ${t.rate}；离开名单 ${t.left} 人。`);
  }
  return lines;
}
