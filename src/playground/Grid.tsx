import { useMemo } from 'react';
import { colLetter, dayFromSerial, isCellError, isoFromDay } from '../core';
import { parseArea, SimSheet, SimWorkbookState } from '../sim/model';

/** How a cell looks: its own format, with our conditional formats laid over it as Excel would. */
function overlays(sheet: SimSheet): Map<string, { fill?: string; font?: string; bold?: boolean; border?: string }> {
  const m = new Map<string, { fill?: string; font?: string; bold?: boolean; border?: string }>();
  for (const cf of sheet.conditionalFormats) {
    for (const range of cf.ranges) {
      const a = parseArea(range);
      for (let r = a.r0; r <= Math.min(a.r1, a.r0 + 5000); r++) {
        for (let c = a.c0; c <= Math.min(a.c1, a.c0 + 200); c++) {
          const k = sheet.key(r, c);
          const o = m.get(k) ?? {};
          m.set(k, { fill: o.fill ?? cf.fill, font: o.font ?? cf.fontColor, bold: o.bold ?? cf.bold, border: o.border ?? cf.border });
        }
      }
    }
  }
  return m;
}

export function Grid({ state, version, onSheet }: { state: SimWorkbookState; version: number; onSheet(i: number): void }) {
  const sheet = state.sheets[state.active] ?? state.sheets[0];
  const over = useMemo(() => (sheet ? overlays(sheet) : new Map()), [sheet, version]);
  if (!sheet) return null;
  const b = sheet.usedBounds(false) ?? { r0: 0, c0: 0, r1: 10, c1: 8 };
  const rows = Math.min(b.r1 + 3, 300);
  const cols = Math.min(b.c1 + 2, 60);
  const selected = state.selection?.sheet === sheet.name ? parseArea(state.selection.address) : null;
  // as Excel draws them: the sheet's column widths, text cut at the cell's edge
  const width = (c: number) => Math.round((sheet.columnWidths.get(c) ?? 48) * 1.3);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <div style={{ overflow: 'auto', flex: 1, fontSize: 12 }}>
        <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width: 36 + Array.from({ length: cols }, (_, c) => width(c)).reduce((a, b) => a + b, 0) }}
          data-sheet={sheet.name} aria-label={sheet.name}>
          <thead>
            <tr>
              <th style={{ width: 36, background: '#f3f3f3' }} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} style={{ width: width(c), background: '#f3f3f3', border: '1px solid #ddd', fontWeight: 'normal' }}>{colLetter(c + 1)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th style={{ background: '#f3f3f3', border: '1px solid #ddd', fontWeight: 'normal' }}>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const cell = sheet.get(r, c);
                  const o = over.get(sheet.key(r, c));
                  const note = sheet.notes.get(sheet.key(r, c));
                  const v = cell?.value;
                  const isSel = !!selected && r >= selected.r0 && r <= selected.r1 && c >= selected.c0 && c <= selected.c1;
                  const border = o?.border ? `2px solid ${o.border}` : '1px solid #e1e1e1';
                  return (
                    <td key={c} data-cell={`${colLetter(c + 1)}${r + 1}`} data-fill={(o?.fill ?? cell?.format.fill ?? '').toUpperCase()}
                      data-selected={isSel ? 'true' : undefined} title={note}
                      style={{
                        border, outline: isSel ? '2px solid #217346' : undefined, outlineOffset: -2,
                        background: o?.fill ?? cell?.format.fill ?? undefined, color: o?.font ?? cell?.format.fontColor,
                        fontWeight: o?.bold || cell?.format.bold ? 'bold' : undefined, whiteSpace: 'nowrap', overflow: 'hidden',
                        textOverflow: 'clip', padding: '1px 3px', position: 'relative',
                      }}>
                      {v === null || v === undefined ? '' : isCellError(v) ? v.error
                        : typeof v === 'number' && /y/.test(cell?.format.numberFormat ?? '') ? isoFromDay(dayFromSerial(v) ?? 0) : String(v)}
                      {note && <span aria-hidden style={{ position: 'absolute', top: 0, right: 0, borderTop: '6px solid #c00', borderLeft: '6px solid transparent' }} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="tablist" aria-label="工作表" style={{ display: 'flex', gap: 2, borderTop: '1px solid #ccc', background: '#f3f3f3', padding: 2 }}>
        {state.sheets.filter((s) => s.visibility === 'Visible').map((s) => {
          const i = state.sheets.indexOf(s);
          return (
            <button key={s.name} role="tab" aria-selected={i === state.active} onClick={() => onSheet(i)}
              style={{ border: 'none', padding: '3px 10px', background: i === state.active ? '#fff' : 'transparent', fontWeight: i === state.active ? 'bold' : 'normal', color: i === state.active ? '#217346' : '#333' }}>
              {s.name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
