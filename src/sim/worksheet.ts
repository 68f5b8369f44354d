import { chartCollection } from './chart';
import { SimCommentCollection } from './comment';
import { Member, requireSheet, SimContext, SimError } from './context';
import { SimNoteCollection } from './note';
import { parseArea, SimSheet } from './model';
import { SimObject, Snapshot } from './object';
import { SimRange, SimRangeAreas } from './range';

/**
 * Worksheets. Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete
 * operation will fail with an InvalidOperation exception. You should first change its visibility to
 * hidden or visible before deleting it." (typings). A workbook keeps at least one visible sheet:
 * hiding or deleting the last one fails ("A workbook must contain at least one visible worksheet",
 * Excel's own message); InvalidOperation is assumed for the code.
 */
const visibleCount = (ctx: SimContext) => ctx.state.sheets.filter((s) => s.visibility === 'Visible').length;

export class SimWorksheet extends SimObject {
  constructor(ctx: SimContext, path: Member[], readonly sheetName: string, private readonly orNull = false) {
    super(ctx, 'Worksheet', path);
    if (orNull) this.resolveNull();
  }
  private sheet(): SimSheet {
    return requireSheet(this.ctx, this.sheetName);
  }
  protected snapshot(): Snapshot | null {
    const s = this.ctx.state.sheet(this.sheetName);
    if (!s) {
      if (this.orNull) return null;
      throw new SimError('ItemNotFound', `The worksheet '${this.sheetName}' does not exist (it may have been renamed or deleted).`);
    }
    return { name: s.name, visibility: s.visibility, position: this.ctx.state.sheets.indexOf(s) };
  }
  get name(): string { return this.read('name'); }
  get visibility(): string { return this.read('visibility'); }
  set visibility(v: string) {
    this.command('visibility', 'set', { v }, () => {
      const s = this.sheet();
      if (v !== 'Visible' && s.visibility === 'Visible' && visibleCount(this.ctx) === 1) throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      s.visibility = v as SimSheet['visibility'];
    });
  }
  get position(): number { return this.read('position'); }
  /** "The zero-based position of the worksheet within the workbook" (typings); outside the tabs is refused */
  set position(v: number) {
    this.command('position', 'set', { v }, () => {
      const list = this.ctx.state.sheets;
      const s = this.sheet();
      if (!Number.isInteger(v) || v < 0 || v >= list.length) throw new SimError('InvalidArgument', `No position ${v} among ${list.length} sheets.`);
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    });
  }
  set tabColor(v: string) {
    this.command('tabColor', 'set', { v }, () => void (this.sheet().tabColor = v));
  }
  private range(name: string, area: () => ReturnType<typeof parseArea> | null, opts: { orNull?: boolean; address?: string; params?: string[] } = {}): SimRange {
    return new SimRange(this.ctx, this.via(name, 'call', opts.params), () => {
      const a = area();
      return a ? { sheet: this.sheet().name, area: a } : null;
    }, opts.orNull, opts.address);
  }
  getRange(address?: string): SimRange {
    return this.range('getRange', () => parseArea(address ?? 'A1:XFD1048576'), { address, params: address === undefined ? [] : ['address'] });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): SimRange {
    return this.range('getRangeByIndexes', () => ({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 }));
  }
  getRanges(address: string): SimRangeAreas {
    return new SimRangeAreas(this.ctx, this.via('getRanges', 'call'), () => {
      if (address.length > 8192) throw new SimError('InvalidArgument', 'The address is longer than 8,192 characters.');
      return { sheet: this.sheet().name, areas: address.split(',').map(parseArea) };
    });
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.range('getUsedRange', () => this.sheet().usedBounds(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, { params: valuesOnly === undefined ? [] : ['valuesOnly'] });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.range('getUsedRangeOrNullObject', () => this.sheet().usedBounds(!!valuesOnly), { orNull: true, params: valuesOnly === undefined ? [] : ['valuesOnly'] });
  }
  activate(): void {
    this.command('activate', 'call', {}, () => void (this.ctx.state.active = this.ctx.state.sheets.indexOf(this.sheet())));
  }
  delete(): void {
    this.command('delete', 'call', {}, () => {
      const s = this.sheet();
      if (s.visibility === 'VeryHidden') throw new SimError('InvalidOperation', 'A very hidden worksheet cannot be deleted; change its visibility first.');
      if (s.visibility === 'Visible' && visibleCount(this.ctx) === 1) throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.ctx.state.sheets.splice(this.ctx.state.sheets.indexOf(s), 1);
      this.ctx.state.active = Math.min(this.ctx.state.active, this.ctx.state.sheets.length - 1);
    });
  }
  get freezePanes(): { freezeRows(n: number): void } {
    const path = this.via('freezePanes');
    return { freezeRows: (n) => this.ctx.enqueue([...path, { cls: 'WorksheetFreezePanes', name: 'freezeRows', kind: 'call' }], { n }, () => void (this.sheet().frozenRows = n)) };
  }
  /** undefined when office.js is a stale copy without NoteCollection */
  get notes(): SimNoteCollection {
    return (this.ctx.missing.has('NoteCollection') ? undefined : new SimNoteCollection(this.ctx, this.via('notes'), this.sheetName)) as SimNoteCollection;
  }
  get charts(): ReturnType<typeof chartCollection> {
    return chartCollection(this.ctx, this.via('charts'), this.sheetName);
  }
}

export class SimWorksheetCollection extends SimObject {
  constructor(ctx: SimContext, path: Member[]) {
    super(ctx, 'WorksheetCollection', path);
  }
  protected snapshot(): Snapshot {
    return { items: () => this.ctx.state.sheets.map((s, i) => ({ name: s.name, visibility: s.visibility, position: i })) };
  }
  get items(): { name: string; visibility: string; position: number }[] {
    return this.read('items');
  }
  getItem(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, this.via('getItem', 'call'), name);
  }
  getItemOrNullObject(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, this.via('getItemOrNullObject', 'call'), name, true);
  }
  add(name: string): SimWorksheet {
    this.command('add', 'call', { name }, () => {
      if (this.ctx.state.sheet(name)) throw new SimError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      this.ctx.state.sheets.push(new SimSheet(name));
    });
    return new SimWorksheet(this.ctx, this.via('add', 'call'), name);
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.ctx, this.via('getActiveWorksheet', 'call'), this.ctx.state.sheets[this.ctx.state.active]?.name ?? '');
  }
}

export class SimWorkbook extends SimObject {
  constructor(ctx: SimContext) {
    super(ctx, 'Workbook', [{ cls: 'RequestContext', name: 'workbook', kind: 'get' }]);
  }
  protected snapshot(): Snapshot {
    return {};
  }
  get worksheets(): SimWorksheetCollection {
    return new SimWorksheetCollection(this.ctx, this.via('worksheets'));
  }
  /** undefined when office.js is a stale copy without CommentCollection */
  get comments(): SimCommentCollection {
    return (this.ctx.missing.has('CommentCollection') ? undefined : new SimCommentCollection(this.ctx, this.via('comments'))) as SimCommentCollection;
  }
}
