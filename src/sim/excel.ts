import { CellValue } from '../core/types';
import { Area, areaAddress, DEFAULT_WIDTH, parseArea, SimCell, SimSheet, SimWorkbookState } from './model';

/**
 * An in-memory stand-in for the subset of the Excel JavaScript API the add-in uses, faithful where it
 * matters: proxies whose properties must be loaded and synced before they are read (reading otherwise
 * throws, as Office does), commands queued and run only at context.sync(), sync and payload counting,
 * Excel on the web's 5 MB request/response limit and 8,192-character address limit, and requirement sets:
 * a call above the simulated ExcelApi version fails at sync with ApiNotFound.
 */
export type ApiVersion = '1.1' | '1.4' | '1.9' | '1.14' | '1.18';

export interface SimOptions {
  api: ApiVersion;
  /** Excel on the web's payload limit per request and per response */
  payloadLimit?: number;
  /** what the user does in Excel between the add-in's requests (tests: rename, delete, edit) */
  beforeSync?: (index: number, state: SimWorkbookState) => void;
}

export interface SyncRecord {
  ops: number;
  requestBytes: number;
  responseBytes: number;
  /** time the simulated Excel spent on this request (not the add-in's) */
  ms: number;
}

export class SimError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const LIMIT = 5 * 1024 * 1024;
const ADDRESS_LIMIT = 8192;
const num = (v: string) => v.split('.').map(Number).reduce((a, b) => a * 1000 + b, 0);
const encoder = new TextEncoder();
const bytes = (v: unknown) => encoder.encode(JSON.stringify(v ?? null)).length;

interface Op {
  api: string;
  request: unknown;
  run(): unknown; // returns the response part (loaded values), if any
}

export class SimContext {
  readonly workbook: SimWorkbook;
  readonly syncs: SyncRecord[] = [];
  private queue: Op[] = [];

  constructor(readonly state: SimWorkbookState, readonly options: SimOptions) {
    this.workbook = new SimWorkbook(this);
  }

  supports(set: string): boolean {
    return num(this.options.api) >= num(set);
  }

  enqueue(api: string, request: unknown, run: () => unknown): void {
    this.queue.push({ api, request, run });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const requestBytes = batch.reduce((n, op) => n + bytes(op.request) + op.api.length + 16, 0);
    const record: SyncRecord = { ops: batch.length, requestBytes, responseBytes: 0, ms: 0 };
    this.syncs.push(record);
    this.options.beforeSync?.(this.syncs.length, this.state);
    const t0 = Date.now();
    try {
      this.process(batch, record);
    } finally {
      record.ms = Date.now() - t0;
    }
  }

  private process(batch: Op[], record: SyncRecord): void {
    const requestBytes = record.requestBytes;
    const limit = this.options.payloadLimit ?? Infinity;
    if (requestBytes > limit) throw new SimError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    if (this.state.editing) throw new SimError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    for (const op of batch) {
      const need = /@(\d+\.\d+)$/.exec(op.api)?.[1];
      if (need && !this.supports(need)) throw new SimError('ApiNotFound', `${op.api.replace(/@.*/, '')} needs ExcelApi ${need}.`);
      const response = op.run();
      if (response !== undefined) record.responseBytes += bytes(response);
    }
    if (record.responseBytes > limit) throw new SimError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
  }

  get stats(): { syncs: number; maxRequestBytes: number; maxResponseBytes: number } {
    return {
      syncs: this.syncs.length,
      maxRequestBytes: Math.max(0, ...this.syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncs.map((s) => s.responseBytes)),
    };
  }
}

/** A client object: properties are read only after load() and sync(). */
class ClientObject {
  private loaded = new Map<string, unknown>();
  protected constructor(protected readonly ctx: SimContext) {}

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new SimError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as T;
  }

  /** the value of a property as the workbook holds it now (used while a batch runs) */
  protected value(_prop: string): unknown {
    return undefined;
  }

  /** what a loaded object sends back: its loaded properties (Office's toJSON) */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** the ExcelApi version a property needs, where above 1.1 */
  protected since(_prop: string): string | undefined {
    return undefined;
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    const need = list.map((p) => this.since(p)).filter(Boolean).sort().pop();
    this.ctx.enqueue(`${this.constructor.name}.load${need ? `@${need}` : ''}`, list, () => {
      const out: Record<string, unknown> = {};
      for (const p of list) {
        // "items/name" loads the collection's items (with their names)
        const v = this.value(p);
        this.loaded.set(p.split('/')[0], v);
        out[p] = v;
      }
      return out;
    });
    return this;
  }
}

function requireSheet(ctx: SimContext, name: string): SimSheet {
  const s = ctx.state.sheet(name);
  if (!s) throw new SimError('ItemNotFound', `The worksheet '${name}' does not exist (it may have been renamed or deleted).`);
  return s;
}

export class SimWorkbook extends ClientObject {
  readonly worksheets: SimWorksheetCollection;
  constructor(ctx: SimContext) {
    super(ctx);
    this.worksheets = new SimWorksheetCollection(ctx);
  }

  /** Threaded comments (ExcelApi 1.10): one thread a cell, found by id. */
  get comments() {
    const ctx = this.ctx;
    const find = (id: string) => {
      for (const s of ctx.state.sheets) for (const [k, c] of s.comments) if (c.id === id) return { s, k };
      return null;
    };
    let items: { id: string }[] | undefined;
    return {
      add(address: string, content: string) {
        ctx.enqueue('CommentCollection.add@1.10', { address, content }, () => {
          const a = parseArea(address);
          const s = requireSheet(ctx, a.sheet ?? '');
          const key = s.key(a.r0, a.c0);
          if (s.comments.has(key)) throw new SimError('InvalidArgument', 'The cell already has a comment.');
          s.comments.set(key, { id: ctx.state.id('comment'), content });
        });
      },
      load(_p?: string) {
        ctx.enqueue('CommentCollection.load@1.10', {}, () => {
          items = ctx.state.sheets.flatMap((s) => [...s.comments.values()].map((c) => ({ id: c.id })));
          return items;
        });
        return this;
      },
      get items(): { id: string }[] {
        if (!items) throw new SimError('PropertyNotLoaded', "The property 'items' is not available until load() and context.sync().");
        return items;
      },
      getItem(id: string) {
        return {
          getLocation() {
            return new AddressProxy(ctx, (prop) => {
              const f = find(id);
              if (!f) throw new SimError('ItemNotFound', `No comment ${id}.`);
              const [r, c] = f.k.split(',').map(Number);
              return prop === 'address' ? areaAddress(f.s.name, { r0: r, c0: c, r1: r, c1: c }) : undefined;
            });
          },
          delete() {
            ctx.enqueue('Comment.delete@1.10', { id }, () => {
              const f = find(id);
              if (!f) throw new SimError('ItemNotFound', `No comment ${id}.`);
              f.s.comments.delete(f.k);
            });
          },
        };
      },
    };
  }
}

export class SimWorksheetCollection extends ClientObject {
  constructor(ctx: SimContext) {
    super(ctx);
  }
  protected override value(prop: string): unknown {
    if (prop.startsWith('items')) return this.ctx.state.sheets.map((s) => new SimWorksheet(this.ctx, s.name, true));
    return undefined;
  }
  get items(): SimWorksheet[] {
    return this.read('items');
  }
  getItem(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): SimWorksheet {
    return new SimWorksheet(this.ctx, name, false, true);
  }
  add(name: string): SimWorksheet {
    this.ctx.enqueue('worksheets.add', { name }, () => {
      if (this.ctx.state.sheet(name)) throw new SimError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
      this.ctx.state.sheets.push(new SimSheet(name));
    });
    return new SimWorksheet(this.ctx, name);
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.ctx, this.ctx.state.sheets[this.ctx.state.active]?.name ?? '');
  }
}

export class SimWorksheet extends ClientObject {
  private nullChecked?: boolean;
  constructor(ctx: SimContext, readonly sheetName: string, loadedItem = false, private readonly orNull = false) {
    super(ctx);
    if (loadedItem) (this as unknown as { loaded: Map<string, unknown> }).loaded.set('name', sheetName);
    if (orNull) ctx.enqueue('Worksheet.getItemOrNullObject@1.4', { name: sheetName }, () => void (this.nullChecked = !ctx.state.sheet(sheetName)));
  }
  get isNullObject(): boolean {
    if (this.nullChecked === undefined) throw new SimError('PropertyNotLoaded', "The property 'isNullObject' is not available until context.sync().");
    return this.nullChecked;
  }
  protected override value(prop: string): unknown {
    const s = this.orNull && !this.ctx.state.sheet(this.sheetName) ? undefined : requireSheet(this.ctx, this.sheetName);
    if (!s) return undefined;
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.ctx.state.sheets.indexOf(s);
    return undefined;
  }
  get name(): string {
    return this.read('name');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.ctx.enqueue('Worksheet.visibility', { v }, () => void (requireSheet(this.ctx, this.sheetName).visibility = v as SimSheet['visibility']));
  }
  set tabColor(v: string) {
    this.ctx.enqueue('Worksheet.tabColor@1.7', { v }, () => void (requireSheet(this.ctx, this.sheetName).tabColor = v));
  }
  getRange(address?: string): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => parseArea(address ?? 'A1:XFD1048576'), 'Worksheet.getRange', address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => ({ r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 }), 'Worksheet.getRangeByIndexes@1.7');
  }
  getRanges(address: string): SimRangeAreas {
    return new SimRangeAreas(this.ctx, this.sheetName, address);
  }
  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => {
      const b = requireSheet(this.ctx, this.sheetName).usedBounds(valuesOnly);
      return b ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    }, valuesOnly ? 'Worksheet.getUsedRange@1.2' : 'Worksheet.getUsedRange');
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => requireSheet(this.ctx, this.sheetName).usedBounds(valuesOnly), 'Worksheet.getUsedRangeOrNullObject@1.4');
  }
  activate(): void {
    this.ctx.enqueue('Worksheet.activate', {}, () => {
      const s = requireSheet(this.ctx, this.sheetName);
      this.ctx.state.active = this.ctx.state.sheets.indexOf(s);
    });
  }
  delete(): void {
    this.ctx.enqueue('Worksheet.delete', {}, () => {
      const s = requireSheet(this.ctx, this.sheetName);
      this.ctx.state.sheets.splice(this.ctx.state.sheets.indexOf(s), 1);
      this.ctx.state.active = Math.min(this.ctx.state.active, this.ctx.state.sheets.length - 1);
    });
  }
  get freezePanes(): { freezeRows(n: number): void } {
    return { freezeRows: (n) => this.ctx.enqueue('WorksheetFreezePanes.freezeRows@1.7', { n }, () => void (requireSheet(this.ctx, this.sheetName).frozenRows = n)) };
  }
  get notes(): {
    add(address: string, content: string): void;
    getItem(address: string): { delete(): void };
    getItemOrNullObject(address: string): { isNullObject: boolean; delete(): void };
  } {
    const sheet = () => requireSheet(this.ctx, this.sheetName);
    const at = (address: string) => parseArea(address);
    return {
      add: (address, content) => this.ctx.enqueue('NoteCollection.add@1.18', { address, content }, () => {
        const a = at(address);
        const key = sheet().key(a.r0, a.c0);
        if (sheet().notes.has(key)) throw new SimError('InvalidArgument', 'The cell already has a note.');
        sheet().notes.set(key, content);
      }),
      getItem: (address) => ({
        delete: () => this.ctx.enqueue('Note.delete@1.18', { address }, () => {
          const a = at(address);
          if (!sheet().notes.delete(sheet().key(a.r0, a.c0))) throw new SimError('ItemNotFound', `No note at ${address}.`);
        }),
      }),
      getItemOrNullObject: (address) => {
        let isNull: boolean | undefined;
        this.ctx.enqueue('NoteCollection.getItemOrNullObject@1.18', { address }, () => {
          const a = at(address);
          isNull = !sheet().notes.has(sheet().key(a.r0, a.c0));
        });
        return {
          get isNullObject() {
            if (isNull === undefined) throw new SimError('PropertyNotLoaded', "The property 'isNullObject' is not available until context.sync().");
            return isNull;
          },
          delete: () => this.ctx.enqueue('Note.delete@1.18', { address }, () => {
            const a = at(address);
            sheet().notes.delete(sheet().key(a.r0, a.c0)); // a null object's delete does nothing
          }),
        };
      },
    };
  }
  get charts(): { add(type: string, source: SimRange, seriesBy?: string): { title: { text: string }; setPosition(a: string, b?: string): void } } {
    return {
      add: (type, source) => {
        const chart = { type, source: source.addressHint ?? '', title: '' };
        this.ctx.enqueue('ChartCollection.add', { type, source: chart.source }, () => void requireSheet(this.ctx, this.sheetName).charts.push(chart));
        return {
          title: { set text(t: string) { chart.title = t; } } as { text: string },
          setPosition: () => undefined,
        };
      },
    };
  }
}

type Resolver = () => Area | null;

/** A proxy whose properties are computed by the workbook when its load runs. */
class Loadable extends ClientObject {
  constructor(ctx: SimContext, private readonly compute: (prop: string) => unknown) {
    super(ctx);
  }
  protected override value(prop: string): unknown {
    return this.compute(prop);
  }
  get<T>(prop: string): T {
    return this.read(prop);
  }
}

class AddressProxy extends Loadable {
  get address(): string {
    return this.get('address');
  }
}

class FillProxy extends Loadable {
  constructor(ctx: SimContext, compute: (prop: string) => unknown, private readonly apply: (api: string, request: unknown, f: (c: SimCell) => void) => void) {
    super(ctx, compute);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.apply('RangeFill.color', { v }, (c) => (c.format.fill = v.toUpperCase()));
  }
  clear(): void {
    this.apply('RangeFill.clear', {}, (c) => (c.format.fill = null));
  }
}

/** Formatting as the add-in sets it, applied to every cell of the target when the batch runs. */
class FormatProxy extends Loadable {
  constructor(
    ctx: SimContext,
    private readonly apply: (api: string, request: unknown, f: (c: SimCell) => void) => void,
    private readonly widths?: (w: number) => void,
    private readonly first?: () => SimCell | undefined,
    width?: () => number,
  ) {
    super(ctx, (prop) => (prop === 'columnWidth' ? width?.() : undefined));
  }
  get fill(): FillProxy {
    return new FillProxy(this.ctx, (p) => (p === 'color' ? this.first?.()?.format.fill ?? '#FFFFFF' : undefined), this.apply);
  }
  get font(): { color: string; bold: boolean } {
    const apply = this.apply;
    return {
      set color(v: string) { apply('RangeFont.color', { v }, (c) => (c.format.fontColor = v.toUpperCase())); },
      set bold(v: boolean) { apply('RangeFont.bold', { v }, (c) => (c.format.bold = v)); },
    } as { color: string; bold: boolean };
  }
  get borders(): { getItem(edge: string): { style: string; color: string; weight: string } } {
    const apply = this.apply;
    return {
      getItem: (edge: string) => ({
        set style(v: string) { apply('RangeBorder.style', { edge, v }, (c) => (c.format.borders[edge as 'EdgeTop'] = { ...(c.format.borders[edge as 'EdgeTop'] ?? { color: '#000000', weight: 'Thin' }), style: v })); },
        set color(v: string) { apply('RangeBorder.color', { edge, v }, (c) => (c.format.borders[edge as 'EdgeTop'] = { ...(c.format.borders[edge as 'EdgeTop'] ?? { style: 'Continuous', weight: 'Thin' }), color: v.toUpperCase() })); },
        set weight(v: string) { apply('RangeBorder.weight', { edge, v }, (c) => (c.format.borders[edge as 'EdgeTop'] = { ...(c.format.borders[edge as 'EdgeTop'] ?? { style: 'Continuous', color: '#000000' }), weight: v })); },
      }) as { style: string; color: string; weight: string },
    };
  }
  set wrapText(v: boolean) {
    this.apply('RangeFormat.wrapText', { v }, (c) => (c.format.wrap = v));
  }
  protected override since(prop: string): string | undefined {
    return prop === 'columnWidth' ? '1.2' : undefined;
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(w: number) {
    this.widths?.(w);
  }
}

/** A conditional format being built: its rule and format are set on the proxy, applied at sync. */
class ConditionalFormatProxy {
  constructor(private readonly cf: { id?: string; formula: string; fill?: string; fontColor?: string; bold?: boolean; border?: string }, private readonly idRead: () => string) {}
  get id(): string {
    return this.idRead();
  }
  load(): this {
    return this;
  }
  get custom(): unknown {
    const cf = this.cf;
    return {
      rule: { set formula(v: string) { cf.formula = v; } },
      format: {
        fill: { set color(v: string) { cf.fill = v.toUpperCase(); } },
        font: { set color(v: string) { cf.fontColor = v.toUpperCase(); }, set bold(v: boolean) { cf.bold = v; } },
        borders: { getItem: () => ({ set color(v: string) { cf.border = v.toUpperCase(); }, set style(_v: string) {} }) },
      },
    };
  }
}

function conditionalFormats(ctx: SimContext, sheetName: string, ranges: () => string[], api: string) {
  type Item = { id: string; customOrNullObject: { isNullObject: boolean; rule: { formula: string } } };
  let items: Item[] | undefined;
  return {
    load(_props?: string) {
      ctx.enqueue('ConditionalFormatCollection.load@1.6', {}, () => {
        items = requireSheet(ctx, sheetName).conditionalFormats.map((c) => ({ id: c.id, customOrNullObject: { isNullObject: false, rule: { formula: c.formula } } }));
        return items;
      });
      return this;
    },
    get items(): Item[] {
      if (!items) throw new SimError('PropertyNotLoaded', "The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
      return items;
    },
    add: (type: string) => {
      const cf = { formula: '', id: undefined as string | undefined };
      let id: string | undefined;
      ctx.enqueue(`${api}`, { type, cf }, () => {
        const s = requireSheet(ctx, sheetName);
        id = ctx.state.id('cf');
        s.conditionalFormats.push({ ...cf, id, ranges: ranges() });
        return { id };
      });
      return new ConditionalFormatProxy(cf, () => {
        if (id === undefined) throw new SimError('PropertyNotLoaded', "The property 'id' is not available until context.sync().");
        return id;
      });
    },
    getItem: (id: string) => ({
      delete: () => ctx.enqueue('ConditionalFormat.delete@1.6', { id }, () => {
        const s = requireSheet(ctx, sheetName);
        const i = s.conditionalFormats.findIndex((c) => c.id === id);
        if (i < 0) throw new SimError('ItemNotFound', `No conditional format ${id}.`);
        s.conditionalFormats.splice(i, 1);
      }),
    }),
  };
}

export class SimRange extends ClientObject {
  private nullChecked?: boolean;
  constructor(ctx: SimContext, readonly sheetName: string, private readonly resolve: Resolver, api: string, readonly addressHint?: string) {
    super(ctx);
    if (addressHint && addressHint.length > ADDRESS_LIMIT) {
      ctx.enqueue(api, { addressHint }, () => {
        throw new SimError('InvalidArgument', `The address is longer than ${ADDRESS_LIMIT} characters.`);
      });
    }
    ctx.enqueue(api, { address: addressHint }, () => void (this.nullChecked = this.resolve() === null));
  }
  get isNullObject(): boolean {
    if (this.nullChecked === undefined) throw new SimError('PropertyNotLoaded', "The property 'isNullObject' is not available until context.sync().");
    return this.nullChecked;
  }
  private area(): Area {
    const a = this.resolve();
    if (!a) throw new SimError('ItemNotFound', 'The range does not exist.');
    return a;
  }
  private each(f: (c: SimCell, r: number, col: number) => void): void {
    const s = requireSheet(this.ctx, this.sheetName);
    const a = this.area();
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) f(s.cell(r, c), r, c);
  }
  private write(api: string, request: unknown, f: (c: SimCell, r: number, col: number) => void): void {
    this.ctx.enqueue(api, request, () => {
      if (requireSheet(this.ctx, this.sheetName).protected) throw new SimError('AccessDenied', 'The sheet is protected.');
      this.each(f);
    });
  }
  protected override value(prop: string): unknown {
    if (this.resolve() === null) return undefined;
    const a = this.area();
    const s = requireSheet(this.ctx, this.sheetName);
    const grid = <T>(f: (c: SimCell | undefined) => T): T[][] =>
      Array.from({ length: a.r1 - a.r0 + 1 }, (_, r) => Array.from({ length: a.c1 - a.c0 + 1 }, (_, c) => f(s.get(a.r0 + r, a.c0 + c))));
    switch (prop) {
      case 'address': return areaAddress(s.name, a);
      case 'rowIndex': return a.r0;
      case 'columnIndex': return a.c0;
      case 'rowCount': return a.r1 - a.r0 + 1;
      case 'columnCount': return a.c1 - a.c0 + 1;
      case 'values': return grid((c) => (c?.value === null || c?.value === undefined ? '' : typeof c.value === 'object' ? c.value.error : c.value));
      case 'numberFormat': return grid((c) => c?.format.numberFormat ?? 'General');
      case 'format/columnWidth': return s.columnWidths.get(a.c0) ?? 48;
      default: return undefined;
    }
  }
  get address(): string { return this.read('address'); }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get values(): CellValue[][] { return this.read('values'); }
  set values(v: CellValue[][]) {
    this.write('Range.values', v, (c, r, col) => {
      const a = this.area();
      const x = v[r - a.r0]?.[col - a.c0];
      if (typeof x === 'string' && x.startsWith("'")) {
        c.value = x.slice(1); // Excel's text prefix: the rest is text, whatever it begins with
        delete c.formula;
      } else if (typeof x === 'string' && x.startsWith('=')) {
        c.formula = x;
        c.value = x; // the simulation does not calculate
      } else {
        c.value = x === '' ? null : (x as CellValue);
        delete c.formula;
      }
    });
  }
  get numberFormat(): string[][] { return this.read('numberFormat'); }
  set numberFormat(v: string[][]) {
    this.write('Range.numberFormat', v, (c, r, col) => {
      const a = this.area();
      c.format.numberFormat = v[r - a.r0]?.[col - a.c0] ?? v[0]?.[0] ?? 'General';
    });
  }
  get dataValidation(): { rule: unknown } {
    const write = (rule: unknown) =>
      this.ctx.enqueue('DataValidation.rule@1.8', { rule }, () => void requireSheet(this.ctx, this.sheetName).validations.push({ range: areaAddress(this.sheetName, this.area()), rule }));
    return { set rule(r: unknown) { write(r); } } as { rule: unknown };
  }
  set hyperlink(h: { documentReference?: string; textToDisplay?: string }) {
    this.write('Range.hyperlink@1.7', h, (c) => (c.hyperlink = h));
  }
  get format(): FormatProxy {
    return new FormatProxy(
      this.ctx,
      (api, request, f) => this.write(api, request, (c) => f(c)),
      (w) => this.ctx.enqueue('RangeFormat.columnWidth@1.2', { w }, () => {
        const a = this.area();
        const widths = requireSheet(this.ctx, this.sheetName).columnWidths;
        // a column at the standard width is a column with no width of its own
        for (let c = a.c0; c <= a.c1; c++) if (w === DEFAULT_WIDTH) widths.delete(c); else widths.set(c, w);
      }),
      () => {
        const a = this.area();
        return requireSheet(this.ctx, this.sheetName).get(a.r0, a.c0);
      },
      () => requireSheet(this.ctx, this.sheetName).columnWidths.get(this.area().c0) ?? DEFAULT_WIDTH,
    );
  }
  get conditionalFormats(): ReturnType<typeof conditionalFormats> {
    return conditionalFormats(this.ctx, this.sheetName, () => [areaAddress(this.sheetName, this.area())], 'ConditionalFormatCollection.add@1.6');
  }
  getCell(row: number, col: number): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => {
      const a = this.area();
      return { r0: a.r0 + row, c0: a.c0 + col, r1: a.r0 + row, c1: a.c0 + col };
    }, 'Range.getCell');
  }
  getResizedRange(dr: number, dc: number): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => {
      const a = this.area();
      return { r0: a.r0, c0: a.c0, r1: a.r1 + dr, c1: a.c1 + dc };
    }, 'Range.getResizedRange@1.2');
  }
  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return new SimRange(this.ctx, this.sheetName, () => {
      const a = this.resolve();
      const b = typeof other === 'string' ? parseArea(other) : other.resolve();
      if (!a || !b) return null;
      const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
      return r.r0 > r.r1 || r.c0 > r.c1 ? null : r;
    }, 'Range.getIntersectionOrNullObject@1.4');
  }
  getMergedAreasOrNullObject(): { isNullObject: boolean; address: string; load(p?: string): unknown } {
    const self = this;
    const out = new Loadable(this.ctx, (prop) => {
      if (self.resolve() === null) return undefined;
      const s = requireSheet(self.ctx, self.sheetName);
      const a = self.area();
      const inside = s.merges.map(parseArea).filter((m) => m.r0 >= a.r0 && m.r1 <= a.r1 && m.c0 >= a.c0 && m.c1 <= a.c1);
      return prop === 'address' ? inside.map((m) => areaAddress(s.name, m)).join(',') : undefined;
    }) as Loadable & { isNullObject: boolean; address: string };
    let isNull: boolean | undefined;
    this.ctx.enqueue('Range.getMergedAreasOrNullObject@1.13', {}, () => {
      // a method of a null object gives a null object, as in Office
      if (self.resolve() === null) return void (isNull = true);
      const s = requireSheet(self.ctx, self.sheetName);
      const a = self.area();
      isNull = !s.merges.map(parseArea).some((m) => m.r0 >= a.r0 && m.r1 <= a.r1 && m.c0 >= a.c0 && m.c1 <= a.c1);
    });
    Object.defineProperty(out, 'isNullObject', { get: () => {
      if (isNull === undefined) throw new SimError('PropertyNotLoaded', "The property 'isNullObject' is not available until context.sync().");
      return isNull;
    } });
    Object.defineProperty(out, 'address', { get: () => out.get('address') });
    return out;
  }
  select(): void {
    this.ctx.enqueue('Range.select', {}, () => {
      const s = requireSheet(this.ctx, this.sheetName);
      if (this.ctx.state.sheets[this.ctx.state.active] !== s) throw new SimError('InvalidSelection', 'Activate the sheet before selecting on it.');
      this.ctx.state.selection = { sheet: s.name, address: areaAddress(s.name, this.area()) };
    });
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.write('Range.clear', { applyTo }, (c) => {
      if (applyTo !== 'Formats') {
        c.value = null;
        delete c.formula;
        delete c.hyperlink;
      }
      if (applyTo !== 'Contents') c.format = { fill: null, fontColor: '#000000', bold: false, borders: {}, wrap: false, numberFormat: 'General' };
    });
  }
  merge(): void {
    this.ctx.enqueue('Range.merge@1.2', {}, () => void requireSheet(this.ctx, this.sheetName).merges.push(areaAddress(this.sheetName, this.area())));
  }
}

export class SimRangeAreas extends ClientObject {
  constructor(ctx: SimContext, readonly sheetName: string, private readonly addressList: string) {
    super(ctx);
    ctx.enqueue('Worksheet.getRanges@1.9', { addressList }, () => {
      if (addressList.length > ADDRESS_LIMIT) throw new SimError('InvalidArgument', `The address is longer than ${ADDRESS_LIMIT} characters.`);
    });
  }
  private areas(): Area[] {
    return this.addressList.split(',').map(parseArea);
  }
  get format(): FormatProxy {
    return new FormatProxy(this.ctx, (api, request, f) => this.ctx.enqueue(`RangeAreas.${api}@1.9`, request, () => {
      const s = requireSheet(this.ctx, this.sheetName);
      if (s.protected) throw new SimError('AccessDenied', 'The sheet is protected.');
      for (const a of this.areas()) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) f(s.cell(r, c));
    }));
  }
  get conditionalFormats(): ReturnType<typeof conditionalFormats> {
    return conditionalFormats(this.ctx, this.sheetName, () => this.areas().map((a) => areaAddress(this.sheetName, a)), 'RangeAreas.conditionalFormats.add@1.9');
  }
}

/** The globals an add-in sees: Excel.run and Office.context.requirements. */
export function simulateExcel(state: SimWorkbookState, options: SimOptions) {
  const contexts: SimContext[] = [];
  const Excel = {
    async run<T>(batch: (context: SimContext) => Promise<T>): Promise<T> {
      const ctx = new SimContext(state, options);
      contexts.push(ctx);
      return batch(ctx);
    },
  };
  const Office = {
    context: {
      displayLanguage: 'zh-CN',
      requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && num(options.api) >= num(version ?? '1.1') },
    },
  };
  const totals = () => ({
    syncs: contexts.reduce((n, c) => n + c.syncs.length, 0),
    maxRequestBytes: Math.max(0, ...contexts.map((c) => c.stats.maxRequestBytes)),
    maxResponseBytes: Math.max(0, ...contexts.map((c) => c.stats.maxResponseBytes)),
    excelMs: contexts.reduce((n, c) => n + c.syncs.reduce((m, s) => m + s.ms, 0), 0),
  });
  return { Excel, Office, state, contexts, totals, reset: () => void (contexts.length = 0) };
}

export const WEB_PAYLOAD_LIMIT = LIMIT;
