import { a1, Plan } from '../core';

/**
 * How our marks are known again in any host: our conditional formats carry a recognisable always-true
 * formula, and our notes and comments begin with the rule's id ("[D05] …").
 */
export const MARK_FORMULA = '=ISTEXT("cert-sweep")';
export const OUR_NOTE = /^\[[A-Z]\d{2}\]/;
export const isOurs = (text: unknown) => typeof text === 'string' && OUR_NOTE.test(text);

export type Cell = { row: number; col: number };

/** The cells of each (sheet, look) a plan marks: a verdict's colour, a finding's border (and fill), our headers. */
export function lookGroups(plan: Plan): { sheet: string; look: string; cells: Cell[] }[] {
  const groups = new Map<string, { sheet: string; look: string; cells: Cell[] }>();
  const add = (sheet: string, look: string, row: number, col: number) => {
    const key = `${sheet}\u0000${look}`;
    if (!groups.has(key)) groups.set(key, { sheet, look, cells: [] });
    groups.get(key)!.cells.push({ row, col });
  };
  for (const m of plan.marks) {
    if (m.verdict) add(m.sheet, m.verdict, m.row, m.col);
    if (m.finding) add(m.sheet, 'finding', m.row, m.col);
    if (m.finding && !m.verdict) add(m.sheet, 'findingFill', m.row, m.col);
  }
  for (const b of plan.columns) {
    for (let k = 0; k < b.headers.length; k++) add(b.sheet, 'header', b.headerRow, b.col + k);
    for (const r of b.rows) if (r.verdict && r.verdict !== 'none') add(b.sheet, r.verdict, r.row, b.col);
  }
  return [...groups.values()];
}

/** "J5,J6,J7,K9" → "J5:J7,K9": runs down a column, then chunks of at most `budget` characters (each host's limit). */
export function addressChunks(cells: Cell[], budget: number): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row === sorted[j].row + 1) j++;
    parts.push(i === j ? a1(sorted[i].row, sorted[i].col) : `${a1(sorted[i].row, sorted[i].col)}:${a1(sorted[j].row, sorted[j].col)}`);
    i = j + 1;
  }
  const chunks: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur && cur.length + 1 + p.length > budget) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${p}` : p;
  }
  if (cur) chunks.push(cur);
  return chunks;
}
