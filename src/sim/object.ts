import { memberSets } from './api-sets';
import { Member, SimContext, SimError } from './context';

/**
 * A client object of the simulated Excel. Properties are read only after load() and sync(), as Office
 * requires (reading otherwise throws PropertyNotLoaded). A load names the members it reads, with their
 * path from the workbook, so their requirement sets are checked like any other command.
 */
export const notLoaded = (prop: string) =>
  new SimError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** The class of each navigation property a load path may pass through ('format/fill/color', 'items/name'). */
const NAV: Record<string, Record<string, string>> = {
  WorksheetCollection: { items: 'Worksheet' },
  Range: { format: 'RangeFormat' },
  RangeFormat: { fill: 'RangeFill', font: 'RangeFont' },
  ConditionalFormatCollection: { items: 'ConditionalFormat' },
  ConditionalFormat: { customOrNullObject: 'CustomConditionalFormat', custom: 'CustomConditionalFormat' },
  CustomConditionalFormat: { rule: 'ConditionalFormatRule' },
  CommentCollection: { items: 'Comment' },
  NoteCollection: { items: 'Note' },
};

/** A snapshot of what Excel would send back: values, or thunks computed only when loaded. */
export type Snapshot = { [key: string]: unknown };

const NOT_DATA = new Set(['toJSON', 'load', 'set', 'context', 'track', 'untrack', 'then']);

/** Loaded data: reading an API property that was not loaded throws, as on a real proxy. */
function strict(cls: string, data: Snapshot): Snapshot {
  for (const [k, v] of Object.entries(data)) {
    const next = NAV[cls]?.[k];
    if (!next || v === null || typeof v !== 'object') continue;
    data[k] = Array.isArray(v) ? v.map((item) => strict(next, item as Snapshot)) : strict(next, v as Snapshot);
  }
  return new Proxy(data, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && !NOT_DATA.has(key) && memberSets(cls, key) !== undefined) throw notLoaded(key);
      return Reflect.get(target, key);
    },
  });
}

/** Copies one load path ('items/customOrNullObject/rule/formula') from the snapshot into plain data. */
function pick(cls: string, from: Snapshot, segments: string[], into: Snapshot): void {
  const [head, ...rest] = segments;
  let v = from[head];
  if (typeof v === 'function') v = (v as () => unknown)();
  const next = NAV[cls]?.[head] ?? '';
  if (!rest.length || v === null || v === undefined) {
    into[head] = v;
  } else if (Array.isArray(v)) {
    const list = (into[head] ??= v.map(() => ({}))) as Snapshot[];
    v.forEach((item, i) => pick(next, item as Snapshot, rest, list[i]));
  } else {
    pick(next, v as Snapshot, rest, (into[head] ??= {}) as Snapshot);
  }
}

export abstract class SimObject {
  private loaded: Snapshot = {};
  protected nullState?: boolean;

  constructor(readonly ctx: SimContext, readonly cls: string, readonly path: Member[]) {}

  /** the members a use of `name` on this object passes through */
  protected via(name: string, kind: Member['kind'] = 'get', params?: string[]): Member[] {
    return [...this.path, { cls: this.cls, name, kind, params }];
  }

  protected command(name: string, kind: Member['kind'], request: unknown, run: () => unknown, params?: string[]): void {
    this.ctx.enqueue(this.via(name, kind, params), request, run);
  }

  /** the object as the workbook holds it now; null for a null object */
  protected abstract snapshot(): Snapshot | null;

  load(props?: string | string[]): this {
    const paths = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    const members: Member[] = [...this.via('load', 'call')];
    for (const p of paths) {
      let cls = this.cls;
      for (const seg of p.split('/')) {
        if (seg !== 'items') members.push({ cls, name: seg, kind: 'get' });
        cls = NAV[cls]?.[seg] ?? '';
      }
    }
    this.ctx.enqueue(members, { load: paths }, () => {
      const snap = this.snapshot();
      this.nullState = snap === null;
      if (!snap) return {};
      const out: Snapshot = {};
      for (const p of paths) pick(this.cls, snap, p.split('/'), out);
      Object.assign(this.loaded, (strict(this.cls, out), out));
      return out;
    });
    return this;
  }

  /** marks a null object as resolved at sync (the *OrNullObject getters) */
  protected resolveNull(): void {
    this.ctx.enqueue(this.path, {}, () => void (this.nullState = this.snapshot() === null));
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  protected read<T>(prop: string): T {
    if (!(prop in this.loaded)) throw notLoaded(prop);
    return this.loaded[prop] as T;
  }

  toJSON(): Snapshot {
    return { ...this.loaded };
  }
}
