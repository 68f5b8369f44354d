import { CellMark, PALETTE, Style, Verdict } from '../../core';
import { Look } from './styles';

/**
 * Our looks, over a base cell format: the marks on the clerk's cells, the result columns, and the cells
 * of our own sheets. The same colours as the add-in's conditional formats (core/plan PALETTE).
 */
const boxed = { style: 'thin' as const, color: '808080' };

export function markLook(m: Pick<CellMark, 'verdict' | 'finding'>): Look {
  const look: Look = {};
  if (m.verdict) {
    look.fill = PALETTE[m.verdict].fill;
    look.fontColor = PALETTE[m.verdict].font;
  } else if (m.finding) {
    look.fill = PALETTE.finding.fill;
  }
  if (m.finding) look.border = { style: 'medium', color: PALETTE.finding.border };
  return look;
}

const centred = { horizontal: 'center' as const, vertical: 'top' as const };

export const VERDICT_LOOK: Record<Verdict, Look> = {
  red: { fill: PALETTE.red.fill, fontColor: PALETTE.red.font, bold: true, border: boxed, align: centred },
  yellow: { fill: PALETTE.yellow.fill, fontColor: PALETTE.yellow.font, bold: true, border: boxed, align: centred },
  green: { fill: PALETTE.green.fill, fontColor: PALETTE.green.font, bold: true, border: boxed, align: centred },
  none: { border: boxed, align: centred },
};

/** 问题说明 and 处理建议 wrap, so that a long reason is read whole, on screen and on paper. */
export const TEXT_LOOK: Look = { border: boxed, align: { vertical: 'top', wrap: true } };

export const STYLE_LOOK: Record<Style, Look> = {
  title: { bold: true, size: 16, align: { horizontal: 'center', vertical: 'center' } },
  subtitle: { size: 11, align: { horizontal: 'left', vertical: 'center' } },
  header: { bold: true, fill: PALETTE.header.fill, border: boxed, align: { horizontal: 'center', vertical: 'center', wrap: true } },
  cell: { border: boxed, align: { vertical: 'top' } },
  wrap: { border: boxed, align: { vertical: 'top', wrap: true } },
  number: { border: boxed, align: { horizontal: 'center', vertical: 'top' } },
  total: { bold: true, border: boxed, align: { horizontal: 'center' } },
  red: { border: boxed, fill: PALETTE.red.fill, fontColor: PALETTE.red.font, align: { vertical: 'top' } },
  yellow: { border: boxed, fill: PALETTE.yellow.fill, fontColor: PALETTE.yellow.font, align: { vertical: 'top' } },
  green: { border: boxed, fill: PALETTE.green.fill, fontColor: PALETTE.green.font, align: { vertical: 'top' } },
  link: { border: boxed, fontColor: '0563C1', underline: true, align: { vertical: 'top' } },
};
