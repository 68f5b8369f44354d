import { Member, requireSheet, SimContext, SimError } from './context';
import { Area, DEFAULT_WIDTH, SimCell, SimSheet } from './model';
import { SimObject, Snapshot } from './object';

/**
 * Range formatting: RangeFormat and its fill, font and borders. Writes apply to every cell of the
 * target when the batch runs, and fail on a protected sheet (AccessDenied, as Excel refuses edits
 * there); reads report the first cell, as Office does for a uniform property.
 */
export type Targets = () => { sheet: string; areas: Area[] };

/** The sheet, if it may be edited: a protected sheet refuses edits (AccessDenied). */
export function writableSheet(ctx: SimContext, name: string): SimSheet {
  const s = requireSheet(ctx, name);
  if (s.protected) throw new SimError('AccessDenied', 'The sheet is protected.');
  return s;
}

/** The cells of the target; on a whole sheet or column only those that hold anything (a simulation's economy). */
export function eachCell(ctx: SimContext, targets: Targets, f: (c: SimCell, s: SimSheet) => void): void {
  const t = targets();
  const s = writableSheet(ctx, t.sheet);
  for (const a of t.areas) {
    if ((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) > 1_000_000) {
      for (const [k, cell] of s.cells) {
        const [r, c] = k.split(',').map(Number);
        if (r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1) f(cell, s);
      }
      continue;
    }
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) f(s.cell(r, c), s);
  }
}

function first(ctx: SimContext, targets: Targets): SimCell | undefined {
  const t = targets();
  const a = t.areas[0];
  return requireSheet(ctx, t.sheet).get(a.r0, a.c0);
}

abstract class FormatPart extends SimObject {
  constructor(ctx: SimContext, cls: string, path: Member[], protected readonly targets: Targets) {
    super(ctx, cls, path);
  }
  protected write(name: string, v: unknown, f: (c: SimCell, s: SimSheet) => void): void {
    this.command(name, name.includes('(') ? 'call' : 'set', { v }, () => eachCell(this.ctx, this.targets, f));
  }
}

export class SimRangeFill extends FormatPart {
  constructor(ctx: SimContext, path: Member[], targets: Targets) {
    super(ctx, 'RangeFill', path, targets);
  }
  protected snapshot(): Snapshot {
    // "#FFFFFF" for a cell with no fill, as Office reports it
    return { color: () => first(this.ctx, this.targets)?.format.fill ?? '#FFFFFF' };
  }
  get color(): string { return this.read('color'); }
  set color(v: string) { this.write('color', v, (c) => (c.format.fill = v.toUpperCase())); }
  clear(): void {
    this.command('clear', 'call', {}, () => eachCell(this.ctx, this.targets, (c) => (c.format.fill = null)));
  }
}

export class SimRangeFont extends FormatPart {
  constructor(ctx: SimContext, path: Member[], targets: Targets) {
    super(ctx, 'RangeFont', path, targets);
  }
  protected snapshot(): Snapshot {
    const c = () => first(this.ctx, this.targets)?.format;
    return { color: () => c()?.fontColor ?? '#000000', bold: () => c()?.bold ?? false };
  }
  get color(): string { return this.read('color'); }
  set color(v: string) { this.write('color', v, (c) => (c.format.fontColor = v.toUpperCase())); }
  get bold(): boolean { return this.read('bold'); }
  set bold(v: boolean) { this.write('bold', v, (c) => (c.format.bold = v)); }
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';

export class SimRangeBorder extends FormatPart {
  constructor(ctx: SimContext, path: Member[], targets: Targets, private readonly edge: Edge) {
    super(ctx, 'RangeBorder', path, targets);
  }
  protected snapshot(): Snapshot {
    return { style: () => first(this.ctx, this.targets)?.format.borders[this.edge]?.style ?? 'None' };
  }
  private edit(name: 'style' | 'color' | 'weight', v: string): void {
    this.write(name, v, (c) => {
      const b = c.format.borders[this.edge] ?? { style: 'Continuous', color: '#000000', weight: 'Thin' };
      c.format.borders[this.edge] = { ...b, [name]: name === 'color' ? v.toUpperCase() : v };
    });
  }
  set style(v: string) { this.edit('style', v); }
  set color(v: string) { this.edit('color', v); }
  set weight(v: string) { this.edit('weight', v); }
}

export class SimRangeFormat extends FormatPart {
  constructor(ctx: SimContext, path: Member[], targets: Targets) {
    super(ctx, 'RangeFormat', path, targets);
  }
  protected snapshot(): Snapshot {
    const t = () => this.targets();
    return {
      columnWidth: () => requireSheet(this.ctx, t().sheet).columnWidths.get(t().areas[0].c0) ?? DEFAULT_WIDTH,
      wrapText: () => first(this.ctx, this.targets)?.format.wrap ?? false,
    };
  }
  get fill(): SimRangeFill { return new SimRangeFill(this.ctx, this.via('fill'), this.targets); }
  get font(): SimRangeFont { return new SimRangeFont(this.ctx, this.via('font'), this.targets); }
  get borders(): { getItem(edge: Edge): SimRangeBorder } {
    const path = this.via('borders');
    return { getItem: (edge) => new SimRangeBorder(this.ctx, [...path, { cls: 'RangeBorderCollection', name: 'getItem', kind: 'call' }], this.targets, edge) };
  }
  set wrapText(v: boolean) { this.write('wrapText', v, (c) => (c.format.wrap = v)); }
  get columnWidth(): number { return this.read('columnWidth'); }
  set columnWidth(w: number) {
    this.command('columnWidth', 'set', { w }, () => {
      const t = this.targets();
      const widths = requireSheet(this.ctx, t.sheet).columnWidths;
      // a column at the standard width is a column with no width of its own
      for (const a of t.areas) for (let c = a.c0; c <= a.c1; c++) if (w === DEFAULT_WIDTH) widths.delete(c); else widths.set(c, w);
    });
  }
}
