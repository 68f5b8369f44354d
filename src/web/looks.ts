import { PALETTE, Plan, Style } from '../core';

/** How the view draws a cell of ours: the colours the checked copy carries (ooxml/looks.ts, core's PALETTE). */
export interface Look {
  fill?: string;
  font?: string;
  bold?: boolean;
  border?: string;
  note?: string;
}

const STYLE: Partial<Record<Style, Look>> = {
  title: { bold: true },
  header: { bold: true, fill: PALETTE.header.fill },
  total: { bold: true },
  red: { fill: PALETTE.red.fill, font: PALETTE.red.font },
  yellow: { fill: PALETTE.yellow.fill, font: PALETTE.yellow.font },
  green: { fill: PALETTE.green.fill, font: PALETTE.green.font },
  link: { font: '0563C1' },
};

/** "row,col", both 1-based as the worksheet counts them */
export const key = (row: number, col: number) => `${row},${col}`;

/** Our looks by sheet and cell, from the plan the checked copy was patched with. */
export function looksOf(plan: Plan): Map<string, Map<string, Look>> {
  const out = new Map<string, Map<string, Look>>();
  const at = (sheet: string) => out.get(sheet) ?? out.set(sheet, new Map()).get(sheet)!;
  for (const m of plan.marks) {
    const look: Look = { note: m.note || undefined };
    if (m.verdict) Object.assign(look, { fill: PALETTE[m.verdict].fill, font: PALETTE[m.verdict].font });
    else if (m.finding) look.fill = PALETTE.finding.fill;
    if (m.finding) look.border = PALETTE.finding.border;
    at(m.sheet).set(key(m.row, m.col), look);
  }
  for (const b of plan.columns) {
    const sheet = at(b.sheet);
    b.headers.forEach((_, k) => sheet.set(key(b.headerRow, b.col + k), STYLE.header!));
    for (const r of b.rows) {
      const v = r.verdict && r.verdict !== 'none' ? PALETTE[r.verdict] : undefined;
      if (v) sheet.set(key(r.row, b.col), { fill: v.fill, font: v.font, bold: true });
    }
  }
  for (const s of plan.sheets) {
    const sheet = at(s.name);
    s.rows.forEach((cells, r) => cells.forEach((c, k) => {
      const look = c.style && STYLE[c.style];
      if (look) sheet.set(key(r + 1, k + 1), look);
    }));
  }
  return out;
}
