import { useEffect, useMemo, useRef } from 'react';
import { CellValue, colLetter, colNumber, dayFromSerial, isCellError, isoFromDay } from '../core';
import { ViewSheet } from './book';
import { key } from './looks';

/** Rows drawn at once: a long roster is shown a window at a time, moved to the cell a finding goes to. */
const WINDOW = 400;
const MAX_COLS = 60;

/** Columns whose header names a date: the reader keeps no number formats, and a serial number means nothing to a clerk. */
function dateColumns(sheet: ViewSheet): Set<number> {
  const cols = new Set<number>();
  for (const row of sheet.rows.slice(0, 10)) {
    row.forEach((v, c) => {
      if (typeof v === 'string' && /日期|有效期|期限[起止至]|时间/.test(v)) cols.add(c);
    });
  }
  return cols;
}

function text(v: CellValue, isDate: boolean): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && isDate && v > 10000 && v < 80000 && Number.isInteger(v)) return isoFromDay(dayFromSerial(v) ?? 0);
  return String(v);
}

/** A read-only view of a workbook's sheet: values as the reader read them, our colours, borders and notes. */
export function View(props: { sheets: ViewSheet[]; active: string | null; selected: { sheet: string; cell: string } | null; onSheet(name: string): void }) {
  const sheet = props.sheets.find((s) => s.name === props.active) ?? props.sheets[0];
  const dates = useMemo(() => (sheet ? dateColumns(sheet) : new Set<number>()), [sheet]);
  const merged = useMemo(() => (sheet ? spans(sheet) : { start: new Map(), covered: new Map<string, number>() }), [sheet]);
  // the result columns of ours may lie right of every value of the clerk's
  const lastLook = useMemo(() => (sheet ? [...sheet.looks.keys()].reduce((m, k) => Math.max(m, Number(k.slice(k.indexOf(',') + 1))), 0) : 0), [sheet]);
  const widths = useMemo(() => (sheet ? columnWidths(sheet, dates) : []), [sheet, dates]);
  const box = useRef<HTMLDivElement>(null);
  const sel = props.selected?.sheet === sheet?.name ? parseCell(props.selected!.cell) : null;
  useEffect(() => {
    if (!sel) return;
    box.current?.querySelector('[data-selected="true"]')?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [props.selected, sheet]);
  if (!sheet) return null;
  const top = sheet.top;
  const left = sheet.left;
  const lastRow = top + sheet.rows.length;
  const width = Math.min(MAX_COLS, left + sheet.rows.reduce((m, r) => Math.max(m, r.length), 0));
  const cols = Math.max(width, Math.min(MAX_COLS, lastLook), 6);
  // the window: from the top, or around the selected cell
  const from = sel && sel.row > WINDOW ? sel.row - WINDOW / 4 : 1;
  const to = Math.max(Math.min(from + WINDOW - 1, lastRow + 1), 10);
  const rows = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <div ref={box} style={{ overflow: 'auto', flex: 1, fontSize: 12, background: '#fff' }}>
        <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed' }} data-sheet={sheet.name} aria-label={sheet.name}>
          <colgroup>
            <col style={{ width: 40 }} />
            {Array.from({ length: cols }, (_, c) => <col key={c} style={{ width: widths[c - left] ?? 64 }} />)}
          </colgroup>
          <thead>
            <tr>
              <th style={HEAD} />
              {Array.from({ length: cols }, (_, c) => <th key={c} style={HEAD}>{colLetter(c + 1)}</th>)}
            </tr>
          </thead>
          <tbody>
            {from > 1 && <tr><th style={ROW_HEAD}>…</th><td colSpan={cols} style={{ color: '#666', padding: 4 }}>第 1–{from - 1} 行未显示</td></tr>}
            {rows.map((r) => (
              <tr key={r}>
                <th style={ROW_HEAD}>{r}</th>
                {Array.from({ length: cols }, (_, c) => {
                  if ((merged.covered.get(key(r, c + 1)) ?? 0) >= from) return null;
                  const span = (merged.covered.get(key(r, c + 1)) ?? from) >= from ? merged.start.get(key(r, c + 1)) : undefined;
                  const v = sheet.rows[r - 1 - top]?.[c - left] ?? null;
                  const look = sheet.looks.get(key(r, c + 1));
                  const isSel = !!sel && sel.row === r && sel.col === c + 1;
                  return (
                    <td key={c} data-cell={`${colLetter(c + 1)}${r}`} colSpan={span?.cols} rowSpan={span?.rows} data-fill={look?.fill ? `#${look.fill}` : ''} data-selected={isSel ? 'true' : undefined}
                      title={look?.note}
                      style={{
                        border: look?.border ? `2px solid #${look.border}` : '1px solid #e1e1e1',
                        outline: isSel ? '3px solid #217346' : undefined, outlineOffset: -3,
                        background: look?.fill ? `#${look.fill}` : undefined, color: look?.font ? `#${look.font}` : undefined,
                        fontWeight: look?.bold ? 'bold' : undefined, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis',
                        padding: '2px 4px', position: 'relative', height: 20,
                      }}>
                      {text(v, dates.has(c - left))}
                      {look?.note && <span aria-hidden style={{ position: 'absolute', top: 0, right: 0, borderTop: '6px solid #c00', borderLeft: '6px solid transparent' }} />}
                    </td>
                  );
                })}
              </tr>
            ))}
            {to < lastRow && <tr><th style={ROW_HEAD}>…</th><td colSpan={cols} style={{ color: '#666', padding: 4 }}>以下还有 {lastRow - to} 行未显示（点问题清单中的一条可跳到该行）</td></tr>}
          </tbody>
        </table>
      </div>
      <div role="tablist" aria-label="工作表" style={{ display: 'flex', gap: 2, borderTop: '1px solid #ccc', background: '#f3f3f3', padding: 2, overflowX: 'auto' }}>
        {props.sheets.map((s) => (
          <button key={s.name} role="tab" aria-selected={s === sheet} onClick={() => props.onSheet(s.name)}
            style={{ border: 'none', padding: '4px 12px', cursor: 'pointer', background: s === sheet ? '#fff' : 'transparent', fontWeight: s === sheet ? 'bold' : 'normal', color: s === sheet ? '#217346' : '#333', whiteSpace: 'nowrap' }}>
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

const CELL_HEAD = { background: '#f3f3f3', border: '1px solid #ddd', fontWeight: 'normal', color: '#555' } as const;
/** the column letters stay in sight as the rows scroll, the row numbers as the columns do */
const HEAD = { ...CELL_HEAD, position: 'sticky', top: 0, zIndex: 1 } as const;
const ROW_HEAD = { ...CELL_HEAD, position: 'sticky', left: 0 } as const;

/** Each column about as wide as its texts (merged titles aside), as a clerk would have set it in Excel. */
function columnWidths(sheet: ViewSheet, dates: Set<number>): number[] {
  const widths: number[] = [];
  const inMerge = new Set(sheet.merges.filter((a) => a.c1 > a.c0).flatMap((a) => Array.from({ length: a.r1 - a.r0 + 1 }, (_, i) => a.r0 + i)));
  sheet.rows.slice(0, 300).forEach((row, r) => {
    if (inMerge.has(r + 1 + sheet.top)) return;
    row.forEach((v, c) => {
      const t = text(v, dates.has(c));
      // a CJK character is about twice a Latin one
      const w = [...t].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 13 : 7.5), 12);
      widths[c] = Math.max(widths[c] ?? 48, Math.min(w, 280));
    });
  });
  return widths;
}

/** Where each merged area starts (its span) and the cells it covers, drawn once as Excel draws them. */
function spans(sheet: ViewSheet): { start: Map<string, { rows: number; cols: number }>; covered: Map<string, number> } {
  const start = new Map<string, { rows: number; cols: number }>();
  // each covered cell with the first row of its area: an area that begins above the drawn rows is drawn as cells
  const covered = new Map<string, number>();
  for (const a of sheet.merges) {
    if ((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) > 100_000) continue; // a merge over the whole sheet is not drawn as one
    start.set(key(a.r0, a.c0), { rows: a.r1 - a.r0 + 1, cols: Math.min(a.c1, MAX_COLS) - a.c0 + 1 });
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) if (r !== a.r0 || c !== a.c0) covered.set(key(r, c), a.r0);
  }
  return { start, covered };
}

function parseCell(cell: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(cell);
  return m ? { row: Number(m[2]), col: colNumber(m[1]) } : null;
}
