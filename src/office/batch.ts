import { addressChunks as chunks } from '../host/marks';

/**
 * Requests to Excel: work is queued as jobs with an estimated request size and packed into as few
 * context.sync() calls as Excel on the web's 5 MB request limit allows, in order.
 */
export type Job = { bytes: number; queue: () => void };

const enc = new TextEncoder();
export const size = (v: unknown) => enc.encode(JSON.stringify(v)).length + 64;

/** Range.getRanges and Worksheet.getRange take at most 8,192 characters (typings); keep a margin. */
const ADDRESS_BUDGET = 8000;

export async function runJobs(ctx: Excel.RequestContext, jobs: Job[], budget: number): Promise<void> {
  let i = 0;
  while (i < jobs.length) {
    let used = 0;
    while (i < jobs.length && (used === 0 || used + jobs[i].bytes <= budget)) {
      used += jobs[i].bytes;
      jobs[i++].queue();
    }
    await ctx.sync();
  }
}

/**
 * Tasks that may fail on their own (reading merged areas, the clerk's conditional formats): all in one
 * request; if it fails, each in a request of its own, and a task that still fails is given its error
 * instead of failing the run.
 */
export interface Guarded {
  queue: () => void;
  /** after the request that held it succeeded */
  done: () => void;
  failed: (e: unknown) => void;
}

export async function runGuarded(ctx: Excel.RequestContext, tasks: Guarded[], apart = false): Promise<void> {
  if (!tasks.length) return;
  if (!apart) try {
    for (const t of tasks) t.queue();
    await ctx.sync();
    for (const t of tasks) t.done();
    return;
  } catch (e) {
    if (fatal(e)) throw e;
    if (tasks.length === 1) return tasks[0].failed(e);
  }
  for (const t of tasks) {
    try {
      t.queue();
      await ctx.sync();
    } catch (e) {
      if (fatal(e)) throw e;
      t.failed(e);
      continue;
    }
    t.done();
  }
}

/** Failures that no retry of a smaller request can get around. */
export function fatal(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === 'InvalidOperationInCellEditMode' || code === 'ApiNotFound' || code === 'AccessDenied';
}

/** "J5,J6,J7,K9" → "J5:J7,K9": runs down a column, then chunks under Excel's address limit. */
export const addressChunks = (cells: { row: number; col: number }[]): string[] => chunks(cells, ADDRESS_BUDGET);
