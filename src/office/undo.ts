import { colLetter, colNumber, lastRunSheets } from '../core';
import { Job } from './batch';
import { Capabilities, Capability, CAPABILITY_SETS } from './mode';
import { Previous } from './read';
import { StateKind, StateRow } from './state';

/**
 * Undoing the last run: each kind of mark with the requirement set its removal needs (conditional
 * formats 1.6, comments 1.10, notes 1.18, widths 1.2; values, fills and sheets 1.1). What this Excel
 * cannot remove stays recorded, so that a run on a newer Excel finishes the job, and is reported.
 */
export interface Undo {
  jobs: Job[];
  /** records kept for a later run */
  pending: StateRow[];
  /** what stays in the workbook, by kind, with the set that would remove it */
  left: { kind: StateKind; count: number; needs: string }[];
  /** our sheets of the last run, deleted */
  deleted: string[];
}

const STANDARD_WIDTH = 48;

/** the capability each kind of mark needs to be removed (values, fills and sheets need only 1.1) */
const REMOVED_WITH: Partial<Record<StateKind, Capability>> = { cf: 'conditionalFormats', note: 'notes', comment: 'comments', widths: 'sheetFormat' };

export function undoJobs(ctx: Excel.RequestContext, caps: Capabilities, previous: Previous, sheetNames: string[]): Undo {
  const sheets = ctx.workbook.worksheets;
  const jobs: Job[] = [];
  const pending: StateRow[] = [];
  const exists = (name: string) => sheetNames.includes(name);
  const keep = (r: StateRow) => exists(r[1]) && pending.push(r);

  // our conditional formats, by position from the last, so that each deletion leaves the others' positions alone
  if (caps.conditionalFormats) {
    for (const [sheet, positions] of previous.ourFormats) {
      for (const i of [...positions].sort((a, b) => b - a)) {
        jobs.push({ bytes: 160, queue: () => sheets.getItem(sheet).getRange().conditionalFormats.getItemAt(i).delete() });
      }
    }
    for (const sheet of previous.unreadableFormats) if (previous.state.some((r) => r[0] === 'cf' && r[1] === sheet)) pending.push(['cf', sheet]);
  }
  for (const r of previous.state) {
    const [kind, sheet] = r;
    if (!exists(sheet)) continue;
    if (kind === 'cf') {
      if (!caps.conditionalFormats) keep(r);
    } else if (kind === 'note') {
      const key = `${sheet}!${r[2]}`;
      if (!caps.notes) keep(r);
      else if (previous.ourNotes.has(key)) jobs.push({ bytes: 140, queue: () => caps.notes && sheets.getItem(sheet).notes.getItem(r[2]).delete() });
    } else if (kind === 'comment') {
      const thread = previous.threads.get(`${sheet}!${r[2]}`);
      if (!caps.comments) keep(r);
      else if (thread?.ours) jobs.push({ bytes: 140, queue: () => caps.comments && ctx.workbook.comments.getItem(thread.id).delete() });
    } else if (kind === 'values') {
      jobs.push({ bytes: 140, queue: () => sheets.getItem(sheet).getRange(r[2]).clear('Contents') });
    } else if (kind === 'widths') {
      if (!caps.sheetFormat) {
        keep(r);
        continue;
      }
      const widths = JSON.parse(r[3] || '[]') as number[];
      jobs.push({
        bytes: 300,
        queue: () => widths.forEach((w, k) => {
          const col = colLetter(colNumber(r[2]) + k);
          if (caps.sheetFormat) sheets.getItem(sheet).getRange(`${col}:${col}`).format.columnWidth = w || STANDARD_WIDTH;
        }),
      });
    } else if (kind === 'fill') {
      const original = r[3];
      jobs.push({
        bytes: 150,
        queue: () => {
          const fill = sheets.getItem(sheet).getRange(r[2]).format.fill;
          // Office reports "no fill" as white
          if (!original || original.toUpperCase() === '#FFFFFF') fill.clear();
          else fill.color = original;
        },
      });
    }
  }
  // the product's sheets of the last run (a unit's 校验结果, 汇总; the county's 明细, 报送情况…); the state sheet is the caller's
  const recorded = previous.state.flatMap((r) => (r[0] === 'sheet' ? [r[1]] : []));
  const deleted = [...new Set(lastRunSheets(recorded, previous.stateVisibility !== null))].filter(exists);
  for (const name of deleted) {
    jobs.push({
      bytes: 120,
      queue: () => {
        const ws = sheets.getItem(name);
        // a very hidden sheet (the rounds' data) can't be deleted (typings, Worksheet.delete): hidden first (1.2)
        if (caps.sheetFormat) ws.visibility = 'Hidden';
        ws.delete();
      },
    });
  }
  const left = Object.entries(REMOVED_WITH)
    .map(([kind, cap]) => ({ kind: kind as StateKind, count: pending.filter((r) => r[0] === kind).length, needs: CAPABILITY_SETS[cap] }))
    .filter((x) => x.count > 0);
  return { jobs, pending, left, deleted };
}
