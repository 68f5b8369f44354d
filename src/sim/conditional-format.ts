import { Member, requireSheet, SimContext, SimError } from './context';
import { Area, areaAddress, parseArea, SimCF } from './model';
import { SimObject, Snapshot } from './object';
import { Targets } from './format';

/**
 * Conditional formats (ExcelApi 1.6). A collection holds the formats that intersect its range, in
 * priority order; a new one is added "at the first/top priority". A format's `id` is "The priority of
 * the conditional format in the current ConditionalFormatCollection" (typings), so ids are positions:
 * every add or delete shifts the others, and an id read earlier names whatever sits there now, or
 * nothing (ItemNotFound, as office-js #5222 reports with two rules on one cell). Reading the rules of
 * some formats fails (office-js #6827, #6835): a format marked `unreadable` fails any load of rules.
 */
const intersects = (a: Area, b: Area) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

function inCollection(ctx: SimContext, targets: Targets): SimCF[] {
  const t = targets();
  const s = requireSheet(ctx, t.sheet);
  return s.conditionalFormats.filter((cf) => cf.ranges.some((r) => t.areas.some((a) => intersects(parseArea(r), a))));
}

/** The parts of a custom format that the add-in sets: rule formula, fill, font, borders; each a command at sync. */
function customParts(ctx: SimContext, cfPath: Member[], handle: () => SimCF) {
  const step = (path: Member[], cls: string, name: string, kind: Member['kind'] = 'get'): Member[] => [...path, { cls, name, kind }];
  const custom = step(cfPath, 'ConditionalFormat', 'custom');
  const rule = step(custom, 'CustomConditionalFormat', 'rule');
  const format = step(custom, 'CustomConditionalFormat', 'format');
  const set = (path: Member[], cls: string, name: string, v: unknown, f: (cf: SimCF) => void) => ctx.enqueue(step(path, cls, name, 'set'), { v }, () => f(handle()));
  const fill = step(format, 'ConditionalRangeFormat', 'fill');
  const font = step(format, 'ConditionalRangeFormat', 'font');
  const borders = step(step(format, 'ConditionalRangeFormat', 'borders'), 'ConditionalRangeBorderCollection', 'getItem', 'call');
  return {
    rule: { set formula(v: string) { set(rule, 'ConditionalFormatRule', 'formula', v, (cf) => (cf.formula = v)); } },
    format: {
      fill: { set color(v: string) { set(fill, 'ConditionalRangeFill', 'color', v, (cf) => (cf.fill = v.toUpperCase())); } },
      font: {
        set color(v: string) { set(font, 'ConditionalRangeFont', 'color', v, (cf) => (cf.fontColor = v.toUpperCase())); },
        set bold(v: boolean) { set(font, 'ConditionalRangeFont', 'bold', v, (cf) => (cf.bold = v)); },
      },
      borders: {
        getItem: (_edge: string) => ({
          set style(v: string) { set(borders, 'ConditionalRangeBorder', 'style', v, () => undefined); },
          set color(v: string) { set(borders, 'ConditionalRangeBorder', 'color', v, (cf) => (cf.border = v.toUpperCase())); },
        }),
      },
    },
  };
}

export class SimConditionalFormat extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly handle: () => SimCF, private readonly sheet: string) {
    super(ctx, 'ConditionalFormat', path);
  }
  protected snapshot(): Snapshot {
    const cf = this.handle();
    const s = requireSheet(this.ctx, this.sheet);
    return { id: String(s.conditionalFormats.indexOf(cf)), type: cf.type ?? 'Custom' };
  }
  get custom(): ReturnType<typeof customParts> {
    return customParts(this.ctx, this.path, this.handle);
  }
  delete(): void {
    this.command('delete', 'call', {}, () => {
      const s = requireSheet(this.ctx, this.sheet);
      s.conditionalFormats.splice(s.conditionalFormats.indexOf(this.handle()), 1);
    });
  }
}

export class SimConditionalFormatCollection extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly targets: Targets) {
    super(ctx, 'ConditionalFormatCollection', path);
  }
  protected snapshot(): Snapshot {
    const items = () => inCollection(this.ctx, this.targets).map((cf, i) => {
      if (cf.unreadable) throw new SimError('GeneralException', 'An internal error has occurred (reading this conditional format: office-js #6827, #6835).');
      return { id: String(i), type: cf.type ?? 'Custom', customOrNullObject: (cf.type ?? 'Custom') === 'Custom' ? { rule: { formula: cf.formula } } : null };
    });
    return { items };
  }
  get items(): { id: string; type: string; customOrNullObject: { rule: { formula: string } } | null }[] {
    return this.read('items');
  }
  add(type: string): SimConditionalFormat {
    let cf: SimCF | undefined;
    this.command('add', 'call', { type }, () => {
      const t = this.targets();
      if (requireSheet(this.ctx, t.sheet).protected) throw new SimError('AccessDenied', 'The sheet is protected.');
      cf = { ranges: t.areas.map((a) => areaAddress(t.sheet, a)), formula: '', type };
      requireSheet(this.ctx, t.sheet).conditionalFormats.unshift(cf);
    });
    const sheet = () => this.targets().sheet;
    return new SimConditionalFormat(this.ctx, this.via('add', 'call'), () => {
      if (!cf) throw new SimError('ItemNotFound', 'The conditional format was not added.');
      return cf;
    }, sheet());
  }
  /** the format at this position when the command runs (ids are positions) */
  private at(name: 'getItemAt' | 'getItem', index: number): SimConditionalFormat {
    let cf: SimCF | undefined;
    this.command(name, 'call', { index }, () => {
      cf = inCollection(this.ctx, this.targets)[index];
      if (!cf) throw new SimError('ItemNotFound', `No conditional format at ${index}.`);
    });
    return new SimConditionalFormat(this.ctx, this.via(name, 'call'), () => cf!, this.targets().sheet);
  }
  getItemAt(index: number): SimConditionalFormat {
    return this.at('getItemAt', index);
  }
  getItem(id: string): SimConditionalFormat {
    return this.at('getItem', Number(id));
  }
  clearAll(): void {
    this.command('clearAll', 'call', {}, () => {
      const gone = new Set(inCollection(this.ctx, this.targets));
      const s = requireSheet(this.ctx, this.targets().sheet);
      s.conditionalFormats = s.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}
