import { Member, requireSheet, SimContext, SimError } from './context';
import { areaAddress, parseArea, SimSheet } from './model';
import { SimObject, Snapshot } from './object';
import { SimRange } from './range';

/**
 * Threaded comments (Workbook.comments, ExcelApi 1.10): one thread a cell. A cell holds a note or a
 * thread, not both: in Excel a cell with a note offers no "New Comment" and one with a thread no "New
 * Note" ("The difference between threaded comments and notes", Microsoft Support). The error Office
 * returns is not documented; InvalidOperation is assumed, and the add-in treats any failure alike.
 */
function find(ctx: SimContext, id: string): { s: SimSheet; k: string } | null {
  for (const s of ctx.state.sheets) for (const [k, c] of s.comments) if (c.id === id) return { s, k };
  return null;
}

export class SimComment extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly locate: () => { s: SimSheet; k: string } | null, private readonly orNull = false) {
    super(ctx, 'Comment', path);
    if (orNull) this.resolveNull();
  }
  protected snapshot(): Snapshot | null {
    const f = this.locate();
    if (!f) {
      if (this.orNull) return null;
      throw new SimError('ItemNotFound', 'The comment does not exist.');
    }
    const c = f.s.comments.get(f.k)!;
    return { id: c.id, content: c.content };
  }
  get id(): string { return this.read('id'); }
  get content(): string { return this.read('content'); }
  delete(): void {
    this.command('delete', 'call', {}, () => {
      const f = this.locate();
      if (!f) {
        if (this.orNull) return;
        throw new SimError('ItemNotFound', 'The comment does not exist.');
      }
      f.s.comments.delete(f.k);
    });
  }
  getLocation(): SimRange {
    return new SimRange(this.ctx, this.via('getLocation', 'call'), () => {
      const f = this.locate();
      if (!f) throw new SimError('ItemNotFound', 'The comment does not exist.');
      const [r, c] = f.k.split(',').map(Number);
      return { sheet: f.s.name, area: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
}

export class SimCommentCollection extends SimObject {
  constructor(ctx: SimContext, path: Member[]) {
    super(ctx, 'CommentCollection', path);
  }
  protected snapshot(): Snapshot {
    return { items: () => this.ctx.state.sheets.flatMap((s) => [...s.comments.values()].map((c) => ({ id: c.id, content: c.content }))) };
  }
  get items(): { id: string; content: string }[] {
    return this.read('items');
  }
  add(cellAddress: string, content: string): void {
    this.command('add', 'call', { cellAddress, content }, () => {
      const a = parseArea(cellAddress);
      // "If it's a string, it must contain the full address, including the sheet name. An InvalidArgument error is thrown if the provided range is larger than one cell."
      if (!a.sheet || a.r0 !== a.r1 || a.c0 !== a.c1) throw new SimError('InvalidArgument', `Not a single cell with its sheet: ${cellAddress}.`);
      const s = requireSheet(this.ctx, a.sheet);
      const key = s.key(a.r0, a.c0);
      if (s.comments.has(key)) throw new SimError('InvalidOperation', `${areaAddress(s.name, a)} already has a comment.`);
      if (s.notes.has(key)) throw new SimError('InvalidOperation', `${areaAddress(s.name, a)} has a note: a cell holds a note or a comment, not both.`);
      s.comments.set(key, { id: this.ctx.state.id('comment'), content });
    });
  }
  getItem(id: string): SimComment {
    return new SimComment(this.ctx, this.via('getItem', 'call'), () => find(this.ctx, id));
  }
  getItemByCell(cellAddress: string): SimComment {
    return new SimComment(this.ctx, this.via('getItemByCell', 'call'), () => {
      const a = parseArea(cellAddress);
      const s = requireSheet(this.ctx, a.sheet ?? '');
      const k = s.key(a.r0, a.c0);
      return s.comments.has(k) ? { s, k } : null;
    });
  }
}
