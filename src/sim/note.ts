import { Member, requireSheet, SimContext, SimError } from './context';
import { writableSheet } from './format';
import { parseArea, SimSheet } from './model';
import { SimObject, Snapshot } from './object';
import { SimRange } from './range';

/**
 * Cell notes (Worksheet.notes, ExcelApi 1.18): one note a cell, found by its cell address. A cell holds
 * a note or a comment thread, not both (see comment.ts). NoteCollection.add: "If the string is
 * invalid, or the range is not a single cell, an InvalidCellAddress error is thrown" (typings).
 */
function cellOf(s: SimSheet, address: string): string {
  const a = parseArea(address);
  if (a.r0 !== a.r1 || a.c0 !== a.c1) throw new SimError('InvalidCellAddress', `Not a single cell: ${address}.`);
  return s.key(a.r0, a.c0);
}

export class SimNote extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly sheet: string, private readonly address: string, private readonly orNull = false) {
    super(ctx, 'Note', path);
    if (orNull) this.resolveNull();
  }
  private key(): string | null {
    const s = requireSheet(this.ctx, this.sheet);
    const k = cellOf(s, this.address);
    if (s.notes.has(k)) return k;
    if (this.orNull) return null;
    throw new SimError('ItemNotFound', `No note at ${this.address}.`);
  }
  protected snapshot(): Snapshot | null {
    const k = this.key();
    return k === null ? null : { content: requireSheet(this.ctx, this.sheet).notes.get(k) };
  }
  get content(): string { return this.read('content'); }
  delete(): void {
    this.command('delete', 'call', {}, () => {
      const k = this.key();
      if (k !== null) writableSheet(this.ctx, this.sheet).notes.delete(k); // a null object's delete does nothing
    });
  }
  getLocation(): SimRange {
    return new SimRange(this.ctx, this.via('getLocation', 'call'), () => {
      const a = parseArea(this.address);
      return { sheet: this.sheet, area: { r0: a.r0, c0: a.c0, r1: a.r0, c1: a.c0 } };
    });
  }
}

export class SimNoteCollection extends SimObject {
  constructor(ctx: SimContext, path: Member[], private readonly sheet: string) {
    super(ctx, 'NoteCollection', path);
  }
  protected snapshot(): Snapshot {
    return { items: () => [...requireSheet(this.ctx, this.sheet).notes.values()].map((content) => ({ content })) };
  }
  add(cellAddress: string, content: string): void {
    this.command('add', 'call', { cellAddress, content }, () => {
      const s = writableSheet(this.ctx, this.sheet);
      const k = cellOf(s, cellAddress);
      if (s.notes.has(k)) throw new SimError('InvalidOperation', `${cellAddress} already has a note.`);
      if (s.comments.has(k)) throw new SimError('InvalidOperation', `${cellAddress} has a comment thread: a cell holds a note or a comment, not both.`);
      s.notes.set(k, content);
    });
  }
  getItem(key: string): SimNote {
    return new SimNote(this.ctx, this.via('getItem', 'call'), this.sheet, key);
  }
  getItemOrNullObject(key: string): SimNote {
    return new SimNote(this.ctx, this.via('getItemOrNullObject', 'call'), this.sheet, key, true);
  }
}
