import { colNumber } from '../core';
import { Parts } from '../xlsx/ooxml/parts';
import { sheets } from '../xlsx/ooxml/workbook';

/** A merged area, 1-based and inclusive as the worksheet counts. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Each sheet's merged areas, for the view to draw a title once across its columns (the reader gives a merged
 * block's value to every cell of it, which the check wants and the eye does not).
 */
export function mergesOf(parts: Parts): Map<string, Area[]> {
  const out = new Map<string, Area[]>();
  for (const s of sheets(parts)) {
    const xml = s.part ? parts.text(s.part, false) ?? '' : '';
    // <mergeCells> follows <sheetData>: only the sheet's tail is searched
    const at = xml.lastIndexOf('</sheetData>');
    const areas = [...xml.slice(at < 0 ? 0 : at).matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)].map((m) => ({
      r0: Number(m[2]), c0: colNumber(m[1]), r1: Number(m[4]), c1: colNumber(m[3]),
    }));
    if (areas.length) out.set(s.name, areas);
  }
  return out;
}
