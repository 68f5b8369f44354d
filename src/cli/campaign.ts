import {
  campaignOf, compareRounds, Consolidated, Day, Deliveries, deliveries, deliveriesSheet, DELIVERABLE_ZH, feedbackForUnits, InboxFile, isoFromDay, OutSheet,
  Profile, Progress, progressSheet, roundPeople, roundSalt, roundSheet, ROUND_VERSION,
} from '../core';
import crypto from 'crypto';
import { writeFeedback, Written } from '../xlsx/feedback-files';
import { scanInbox, withChecks } from '../xlsx/inbox';
import { readPreviousRound } from '../xlsx/round-read';

/**
 * What a merge adds for the campaign after the first submission (issue 12): the deliverables in 报送情况, the
 * rounds (整改情况 against --previous, and this round's data for the next), and the feedback workbooks.
 */
/** Node's SHA-256 for the rounds' keys (crypto.hash is Node ≥ 20.12; createHash before), the same digests as the core's */
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const nodeSha256 = (text: string) => (oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex'));

export interface CampaignRun {
  /** for mergeFiles: the sheets made once the units are consolidated */
  extra: (m: Consolidated) => { sheets?: OutSheet[]; submissions?: OutSheet; hidden?: OutSheet[] };
  deliveries?: Deliveries;
  progress?: Progress;
  /** --previous could not be used: why (the merge goes on without 整改情况) */
  previousError?: string;
}

export async function prepareCampaign(inputs: string[], o: { profile: Profile; expected: string[]; checkDate: Day; generatedAt: string; previous?: string }): Promise<CampaignRun> {
  const camp = campaignOf(o.profile);
  const salt = roundSalt(camp);
  const inbox: InboxFile[] = await scanInbox(inputs);
  const prev = o.previous ? await readPreviousRound(o.previous, salt) : undefined;
  const run: CampaignRun = { extra: () => ({}) };
  if (prev && 'error' in prev) run.previousError = prev.error;
  run.extra = (m) => {
    const d = deliveries(withChecks(inbox, m.files), o.expected, camp, m.submissions);
    run.deliveries = d;
    const sheets: OutSheet[] = [];
    const checkDate = isoFromDay(o.checkDate);
    // this round's keys are hashed once: kept for the comparison and the sheet when there is a last round,
    // made as the sheet is written when there is none
    const last = prev && !('error' in prev) ? prev : undefined;
    const people = last && [...roundPeople(m.files, salt, nodeSha256)];
    if (last && people) {
      run.progress = compareRounds(last, people);
      sheets.push(progressSheet(run.progress, { checkDate, generatedAt: o.generatedAt }));
    }
    const count = m.files.reduce((n, f) => n + (f.result?.people.length ?? 0), 0);
    return {
      submissions: deliveriesSheet(d, camp, o.checkDate),
      sheets,
      hidden: [roundSheet({ version: ROUND_VERSION, salt, checkDate, generatedAt: o.generatedAt }, count, () => people ?? roundPeople(m.files, salt, nodeSha256))],
    };
  };
  return run;
}

/** The lines a merge prints about deliverables and rounds. */
export function campaignLines(run: CampaignRun): string[] {
  const lines: string[] = [];
  if (run.deliveries) {
    const d = run.deliveries;
    const tally = (k: 'roster' | 'plan' | 'report') => {
      const n = (s: string) => d.rows.filter((r) => r.items[k].status === s).length;
      return `${DELIVERABLE_ZH[k]} 按时 ${n('按时')}、逾期 ${n('逾期')}、未报 ${n('未报')}`;
    };
    lines.push(`材料报送：${tally('roster')}；${tally('plan')}；${tally('report')}。`);
    for (const u of d.unplaced) lines.push(`  ${u.reason}`);
  }
  if (run.previousError) lines.push(run.previousError);
  if (run.progress) {
    const t = run.progress.units.reduce((a, u) => ({ fixed: a.fixed + u.fixed, remaining: a.remaining + u.remaining, added: a.added + u.added, left: a.left + u.left }), { fixed: 0, remaining: 0, added: 0, left: 0 });
    const rate = t.fixed + t.remaining ? `${(Math.round((t.fixed / (t.fixed + t.remaining)) * 1000) / 10).toFixed(1)}%` : '—';
    lines.push(`整改情况（对比上一轮 ${run.progress.previous.checkDate}）：已整改 ${t.fixed} 项、仍存在 ${t.remaining} 项、新增 ${t.added} 项，整改率 ${rate}；离开名单 ${t.left} 人。`);
  }
  return lines;
}

/** The feedback workbooks, one a unit, into `dir`; the lines to print, and whether one failed. */
export async function runFeedback(dir: string, m: Consolidated, o: { expected: string[]; profile: Profile; checkDate: Day; generatedAt: string; contact?: string; fullIds?: boolean; inputs: string[] }): Promise<{ lines: string[]; failed: boolean; written: Written[] }> {
  const units = feedbackForUnits(m, o.expected, { checkDate: o.checkDate, generatedAt: o.generatedAt, profile: o.profile, contact: o.contact, fullIds: o.fullIds });
  const written = await writeFeedback(dir, units, o.inputs, o.generatedAt);
  const ok = written.filter((w) => w.out);
  const lines = [`反馈意见：为 ${ok.length} 个单位写出反馈工作簿，在「${dir}」。`];
  for (const w of written) {
    if (w.error) lines.push(`  ${w.unit}：${w.error}`);
    if (w.note) lines.push(`  ${w.note}`);
  }
  return { lines, failed: written.some((w) => w.error), written };
}
