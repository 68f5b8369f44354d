import { a1, Plan } from '../core';
import { fatal, Job, size } from './batch';
import { cellKey, qualified } from './cells';
import { Capabilities } from './mode';
import { isOurs } from './read';

/**
 * Each finding's message on its cell: a note on ExcelApi 1.18, a comment thread on 1.10–1.17. A cell
 * holds a note or a thread, not both, and the clerk's own is never replaced: cells with the clerk's
 * thread are left out, and on 1.18 cells with the clerk's note too (probed first). On 1.10–1.17 the
 * clerk's notes cannot be seen, so an add may fail: requests are split where one fails (Office has
 * applied the adds before it), the cell is left out, and the rest go on. The run never fails over one.
 */
export interface Annotation {
  sheet: string;
  cell: string;
  text: string;
}

export type AnnotationKind = 'note' | 'comment';

/** Notes where Excel has them, else threads where it has those, else none. */
export function annotationKind(caps: Capabilities): AnnotationKind | null {
  if (caps.notes) return 'note';
  if (caps.comments) return 'comment';
  return null;
}

/** The messages to place: one per finding cell, less the cells where the clerk has a thread. */
export function annotations(plan: Plan, threads: Map<string, { ours: boolean }>): Annotation[] {
  return plan.marks
    .filter((m) => m.finding && m.note)
    .map((m) => ({ sheet: m.sheet, cell: a1(m.row, m.col), text: m.note }))
    .filter((a) => !(threads.get(`${a.sheet}!${a.cell}`)?.ours === false));
}

/** After this many cells refused, the rest are left to the pane and 校验结果, to bound the requests. */
const MAX_REFUSED = 20;

/**
 * Which cells have no note yet (the clerk's stay), asked with the run's other requests, after the last
 * run's notes are gone. @excelapi 1.18
 */
export function noteProbes(ctx: Excel.RequestContext, items: Annotation[]): { jobs: Job[]; free: () => Annotation[] } {
  const probes: { a: Annotation; note?: Excel.Note }[] = items.map((a) => ({ a }));
  return {
    jobs: probes.map((p) => ({ bytes: 100, queue: () => void (p.note = ctx.workbook.worksheets.getItem(p.a.sheet).notes.getItemOrNullObject(p.a.cell)) })),
    free: () => probes.filter((p) => p.note?.isNullObject).map((p) => p.a),
  };
}

/** The cells of `items` that now hold a message of ours. @excelapi 1.10 */
async function placedComments(ctx: Excel.RequestContext, items: Annotation[]): Promise<Set<string>> {
  const all = ctx.workbook.comments.load('items/id,items/content');
  await ctx.sync();
  const where = all.items.filter((c) => isOurs(c.content)).map((c) => ctx.workbook.comments.getItem(c.id).getLocation().load('address'));
  await ctx.sync();
  const wanted = new Set(items.map((a) => `${a.sheet}!${a.cell}`));
  return new Set(where.map((w) => cellKey(w.address)).filter((k) => wanted.has(k)));
}

/** The cells of `items` that now hold a note of ours. @excelapi 1.18 */
async function placedNotes(ctx: Excel.RequestContext, items: Annotation[]): Promise<Set<string>> {
  const probes = items.map((a) => ({ a, note: ctx.workbook.worksheets.getItem(a.sheet).notes.getItemOrNullObject(a.cell).load('content') }));
  await ctx.sync();
  return new Set(probes.filter((p) => !p.note.isNullObject && isOurs(p.note.content)).map((p) => `${p.a.sheet}!${p.a.cell}`));
}

/** Adds the messages (on 1.18 to the cells the probes found free); returns the cells left out. */
export async function addAnnotations(ctx: Excel.RequestContext, caps: Capabilities, items: Annotation[], free?: Annotation[]): Promise<Annotation[]> {
  const kind = annotationKind(caps);
  if (!kind || !items.length) return [];
  const open = new Set(free ?? items);
  let queue = items.filter((a) => open.has(a));
  const refused: Annotation[] = items.filter((a) => !open.has(a));
  let failures = 0;
  while (queue.length) {
    let bytes = 0;
    let n = 0;
    while (n < queue.length && (n === 0 || bytes + size(queue[n].text) <= caps.payloadBudget)) bytes += size(queue[n++].text);
    const chunk = queue.slice(0, n);
    try {
      for (const a of chunk) {
        if (kind === 'note' && caps.notes) ctx.workbook.worksheets.getItem(a.sheet).notes.add(a.cell, a.text);
        else if (caps.comments) ctx.workbook.comments.add(qualified(a.sheet, a.cell), a.text);
      }
      await ctx.sync();
      queue = queue.slice(n);
    } catch (e) {
      if (fatal(e) && (e as { code?: string }).code !== 'AccessDenied') throw e;
      // the adds before the refused one took effect: find it, leave it out, go on after it
      let placed = new Set<string>();
      if (kind === 'note' && caps.notes) placed = await placedNotes(ctx, chunk);
      else if (caps.comments) placed = await placedComments(ctx, chunk);
      const at = chunk.findIndex((a) => !placed.has(`${a.sheet}!${a.cell}`));
      if (at < 0) {
        queue = queue.slice(n);
        continue;
      }
      refused.push(chunk[at]);
      queue = queue.slice(at + 1);
      if (++failures >= MAX_REFUSED) {
        refused.push(...queue);
        break;
      }
    }
  }
  return refused;
}
