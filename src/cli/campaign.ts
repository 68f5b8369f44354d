import { campaignOf, campaignSheets, Consolidated, Day, Deliveries, feedbackForUnits, InboxFile, OutSheet, Profile, Progress, roundSalt } from '../core';
import { writeFeedback, Written } from '../xlsx/feedback-files';
import { scanInbox, withChecks } from '../xlsx/inbox';
import { readPreviousRound } from '../xlsx/round-read';
import { keysUnder, nodeSha256 } from '../xlsx/unit-check';

/**
 * What a merge adds for the campaign after the first submission (issue 12): the deliverables in 报送情况, the
 * rounds (整改情况 against --previous, and this round's data for the next), and the feedback workbooks.
 */

export interface CampaignRun {
  /** for mergeFiles: the sheets made once the units are consolidated */
  extra: (m: Consolidated) => Promise<{ sheets?: OutSheet[]; submissions?: OutSheet; hidden?: OutSheet[] }>;
  deliveries?: Deliveries;
  progress?: Progress;
  /** --previous could not be used: why (the merge goes on without 整改情况) */
  previousError?: string;
}

export async function prepareCampaign(inputs: string[], o: { profile: Profile; expected: string[]; checkDate: Day; generatedAt: string; previous?: string }): Promise<CampaignRun> {
  // the inbox is listed while the workers check the units (a thousand files' dates take a tenth of a second
  // that the cores would otherwise wait through), and awaited when the deliverables are made
  const scanned: Promise<InboxFile[]> = scanInbox(inputs);
  scanned.catch(() => undefined);
  const salt = roundSalt(campaignOf(o.profile));
  const prev = o.previous ? await readPreviousRound(o.previous, salt) : undefined;
  const run: CampaignRun = { extra: async () => ({}) };
  if (prev && 'error' in prev) run.previousError = prev.error;
  run.extra = async (m) => {
    const inbox = await scanned;
    const c = campaignSheets(m, { ...o, inbox: withChecks(inbox, m.files), previous: prev && !('error' in prev) ? prev : undefined, sha256: nodeSha256, keys: keysUnder(salt) });
    run.deliveries = c.deliveries;
    run.progress = c.progress;
    return { submissions: c.submissions, sheets: c.sheets, hidden: c.hidden };
  };
  return run;
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
