import { a1, PALETTE, Plan } from '../core';
import { addressChunks, Job } from './batch';
import { Capabilities } from './mode';

/**
 * The marks on the clerk's cells. Full mode (ExcelApi 1.9): conditional formats on RangeAreas, so the
 * clerk's own cell formats are never written, and 清除标记 deletes the rules whole. Our rules carry a
 * recognisable always-true formula, by which they are found again, even those of a run that failed
 * before it recorded anything. Compatibility mode: plain fills, each cell's former fill recorded.
 */
import { lookGroups, MARK_FORMULA } from '../host/marks';

export { MARK_FORMULA, OUR_NOTE } from '../host/marks';

interface CfStyle {
  fill?: string;
  font?: string;
  bold?: boolean;
  border?: string;
}

const hex = (rgb: string) => `#${rgb}`;
const CF_STYLES: Record<string, CfStyle> = {
  red: { fill: hex(PALETTE.red.fill), font: hex(PALETTE.red.font) },
  yellow: { fill: hex(PALETTE.yellow.fill), font: hex(PALETTE.yellow.font) },
  green: { fill: hex(PALETTE.green.fill), font: hex(PALETTE.green.font) },
  finding: { border: hex(PALETTE.finding.border) },
  findingFill: { fill: hex(PALETTE.finding.fill) },
  header: { fill: hex(PALETTE.header.fill), bold: true },
};


/** Full mode: one conditional format per style and address chunk. */
export function conditionalFormatJobs(ctx: Excel.RequestContext, plan: Plan, caps: Capabilities): Job[] {
  if (!caps.full) return [];
  const sheets = ctx.workbook.worksheets;
  return lookGroups(plan).flatMap((g) => addressChunks(g.cells).map((chunk) => ({
    bytes: chunk.length + 600,
    queue: () => {
      const cf = sheets.getItem(g.sheet).getRanges(chunk).conditionalFormats.add('Custom');
      cf.custom.rule.formula = MARK_FORMULA;
      const s = CF_STYLES[g.look];
      if (s.fill) cf.custom.format.fill.color = s.fill;
      if (s.font) cf.custom.format.font.color = s.font;
      if (s.bold) cf.custom.format.font.bold = true;
      if (s.border) {
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
          const border = cf.custom.format.borders.getItem(edge);
          border.style = 'Continuous';
          border.color = s.border;
        }
      }
    },
  })));
}

/** Compatibility mode: each marked cell's fill, read before it is changed. */
export function fillReads(ctx: Excel.RequestContext, plan: Plan): { jobs: Job[]; fills: () => { sheet: string; cell: string; colour: string; original: string }[] } {
  const sheets = ctx.workbook.worksheets;
  const reads = plan.marks.map((m) => ({ sheet: m.sheet, cell: a1(m.row, m.col), colour: hex(m.verdict ? PALETTE[m.verdict].fill : PALETTE.finding.fill), fill: undefined as Excel.RangeFill | undefined }));
  return {
    jobs: reads.map((r) => ({ bytes: 120, queue: () => void (r.fill = sheets.getItem(r.sheet).getRange(r.cell).format.fill.load('color')) })),
    fills: () => reads.map((r) => ({ sheet: r.sheet, cell: r.cell, colour: r.colour, original: r.fill?.color ?? '' })),
  };
}

export function fillJobs(ctx: Excel.RequestContext, fills: { sheet: string; cell: string; colour: string }[]): Job[] {
  const sheets = ctx.workbook.worksheets;
  return fills.map((f) => ({ bytes: 150, queue: () => void (sheets.getItem(f.sheet).getRange(f.cell).format.fill.color = f.colour) }));
}
