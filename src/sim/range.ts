import { CellValue } from '../core';
import { SimConditionalFormatCollection } from './conditional-format';
import { ADDRESS_LIMIT, Member, requireSheet, SimContext, SimError } from './context';
import { eachCell, SimRangeFormat, writableSheet } from './format';
import { Area, areaAddress, DEFAULT_FORMAT, parseArea } from './model';
import { SimObject, Snapshot } from './object';
import { typedInput } from './typed-input';

/**
 * Range and RangeAreas. A range is resolved when a command using it runs, so a range on a sheet deleted
 * in the meantime fails then (ItemNotFound), as in Excel. Values written are stored as typed input
 * (typed-input.ts); values read give an error cell its error string.
 */
export type Target = { sheet: string; area: Area } | null;

/** "Returns a RangeAreas object that represents the merged areas in this range. Note that if the merged areas count in this range is more than 512, then this method will fail to return the result." (typings) */
export const MERGED_AREAS_LIMIT = 512;

const intersects = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

export type AreasTarget = { sheet: string; areas: Area[] } | null;

export class SimRangeAreas extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly list: () => AreasTarget, orNull = false) {
    super(ctx, 'RangeAreas', path);
    this.ctx.enqueue(path, {}, () => {
      const t = this.list();
      if (orNull) this.nullState = t === null;
    });
  }
  protected snapshot(): Snapshot | null {
    const t = this.list();
    if (t === null) return null;
    return { address: t.areas.map((a) => areaAddress(t.sheet, a)).join(','), areaCount: t.areas.length };
  }
  get address(): string { return this.read('address'); }
  private targets = () => {
    const t = this.list();
    if (!t) throw new SimError('ItemNotFound', 'The range does not exist.');
    return t;
  };
  get format(): SimRangeFormat {
    return new SimRangeFormat(this.ctx, this.via('format'), this.targets);
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return new SimConditionalFormatCollection(this.ctx, this.via('conditionalFormats'), this.targets);
  }
}

export class SimRange extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly resolve: () => Target, orNull = false, address?: string) {
    super(ctx, 'Range', path);
    // the call that made this range is part of the request: its members are checked, its address too
    this.ctx.enqueue(path, { address }, () => {
      if (address && address.length > ADDRESS_LIMIT) throw new SimError('InvalidArgument', `The address is longer than ${ADDRESS_LIMIT} characters.`);
      const t = this.resolve();
      if (orNull) this.nullState = t === null;
    });
  }
  /** the range's sheet and area now; throws for a null range used as a real one */
  target(): { sheet: string; area: Area } {
    const t = this.resolve();
    if (!t) throw new SimError('ItemNotFound', 'The range does not exist.');
    return t;
  }
  private targets = () => {
    const t = this.target();
    return { sheet: t.sheet, areas: [t.area] };
  };
  protected snapshot(): Snapshot | null {
    const t = this.resolve();
    if (!t) return null;
    const { area: a } = t;
    const s = requireSheet(this.ctx, t.sheet);
    const grid = <T>(f: (r: number, c: number) => T): T[][] =>
      Array.from({ length: a.r1 - a.r0 + 1 }, (_, r) => Array.from({ length: a.c1 - a.c0 + 1 }, (_, c) => f(a.r0 + r, a.c0 + c)));
    return {
      address: areaAddress(s.name, a),
      rowIndex: a.r0,
      columnIndex: a.c0,
      rowCount: a.r1 - a.r0 + 1,
      columnCount: a.c1 - a.c0 + 1,
      values: () => grid((r, c) => {
        const v = s.get(r, c)?.value;
        return v === null || v === undefined ? '' : typeof v === 'object' ? v.error : v;
      }),
      numberFormat: () => grid((r, c) => s.get(r, c)?.format.numberFormat ?? 'General'),
      formulas: () => grid((r, c) => s.get(r, c)?.formula ?? s.get(r, c)?.value ?? ''),
    };
  }
  get address(): string { return this.read('address'); }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get values(): CellValue[][] { return this.read('values'); }
  set values(v: unknown[][]) {
    this.command('values', 'set', v, () => {
      const a = this.target().area;
      const rows = a.r1 - a.r0 + 1;
      const cols = a.c1 - a.c0 + 1;
      const single = v.length === 1 && v[0]?.length === 1;
      if (!single && (v.length !== rows || v.some((r) => r.length !== cols))) {
        throw new SimError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      const s = writableSheet(this.ctx, this.target().sheet);
      for (let r = a.r0; r <= a.r1; r++) {
        for (let col = a.c0; col <= a.c1; col++) {
          const cell = s.cell(r, col);
          const stored = typedInput(single ? v[0][0] : v[r - a.r0][col - a.c0], cell.format.numberFormat);
          cell.value = stored.value;
          if (stored.formula) cell.formula = stored.formula;
          else delete cell.formula;
          if (stored.numberFormat) cell.format.numberFormat = stored.numberFormat;
        }
      }
    });
  }
  get numberFormat(): string[][] { return this.read('numberFormat'); }
  set numberFormat(v: string[][]) {
    this.command('numberFormat', 'set', v, () => {
      const a = this.target().area;
      const s = writableSheet(this.ctx, this.target().sheet);
      for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) s.cell(r, c).format.numberFormat = v[r - a.r0]?.[c - a.c0] ?? v[0]?.[0] ?? 'General';
    });
  }
  get format(): SimRangeFormat {
    return new SimRangeFormat(this.ctx, this.via('format'), this.targets);
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return new SimConditionalFormatCollection(this.ctx, this.via('conditionalFormats'), this.targets);
  }
  get dataValidation(): { rule: unknown } {
    const path = this.via('dataValidation');
    const ctx = this.ctx;
    const target = () => this.target();
    return {
      set rule(rule: unknown) {
        ctx.enqueue([...path, { cls: 'DataValidation', name: 'rule', kind: 'set' }], { rule }, () => {
          const t = target();
          requireSheet(ctx, t.sheet).validations.push({ range: areaAddress(t.sheet, t.area), rule });
        });
      },
    } as { rule: unknown };
  }
  set hyperlink(h: { documentReference?: string; textToDisplay?: string }) {
    this.command('hyperlink', 'set', h, () => eachCell(this.ctx, this.targets, (c) => (c.hyperlink = h)));
  }
  private derived(name: string, f: (a: Area) => Area | null, orNull = false): SimRange {
    return new SimRange(this.ctx, this.via(name, 'call'), () => {
      const t = this.resolve();
      if (!t) return null; // a method of a null object gives a null object
      const a = f(t.area);
      return a ? { sheet: t.sheet, area: a } : null;
    }, orNull);
  }
  getCell(row: number, col: number): SimRange {
    return this.derived('getCell', (a) => ({ r0: a.r0 + row, c0: a.c0 + col, r1: a.r0 + row, c1: a.c0 + col }));
  }
  getResizedRange(dr: number, dc: number): SimRange {
    return this.derived('getResizedRange', (a) => ({ r0: a.r0, c0: a.c0, r1: a.r1 + dr, c1: a.c1 + dc }));
  }
  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return this.derived('getIntersectionOrNullObject', (a) => {
      const b = typeof other === 'string' ? parseArea(other) : other.resolve()?.area;
      if (!b) return null;
      const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
      return r.r0 > r.r1 || r.c0 > r.c1 ? null : r;
    }, true);
  }
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this.ctx, this.via('getMergedAreasOrNullObject', 'call'), () => {
      const t = this.resolve();
      if (!t) return null;
      // merged areas that reach into the range count (the typings do not say; counting more is the stricter reading)
      const inside = requireSheet(this.ctx, t.sheet).merges.map(parseArea).filter((m) => intersects(t.area, m));
      if (inside.length > MERGED_AREAS_LIMIT) throw new SimError('GeneralException', `More than ${MERGED_AREAS_LIMIT} merged areas in the range.`);
      return inside.length ? { sheet: t.sheet, areas: inside } : null;
    }, true);
  }
  select(): void {
    this.command('select', 'call', {}, () => {
      const t = this.target();
      const s = requireSheet(this.ctx, t.sheet);
      if (this.ctx.state.sheets[this.ctx.state.active] !== s) throw new SimError('InvalidSelection', 'Activate the sheet before selecting on it.');
      this.ctx.state.selection = { sheet: s.name, address: areaAddress(s.name, t.area) };
    });
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.command('clear', 'call', { applyTo }, () => eachCell(this.ctx, this.targets, (c) => {
      if (applyTo !== 'Formats') {
        c.value = null;
        delete c.formula;
        delete c.hyperlink;
      }
      if (applyTo !== 'Contents') c.format = { ...DEFAULT_FORMAT, borders: {} };
    }), applyTo === 'All' ? [] : ['applyTo']);
  }
  merge(across = false): void {
    this.command('merge', 'call', { across }, () => {
      const t = this.target();
      requireSheet(this.ctx, t.sheet).merges.push(areaAddress(t.sheet, t.area));
    });
  }
}
