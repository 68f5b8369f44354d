import { attr, esc, withAttr } from './xml';

/**
 * The package as parts: the clerk's, byte for byte, until one is changed. Relationships and content
 * types (ECMA-376 Part 2, Open Packaging Conventions) are edited as text like every other part.
 */
export interface PackageSource {
  readonly names: string[];
  bytes(name: string): Uint8Array;
  /** the part as text without keeping its bytes (package.ts: large sheets are read once for their text) */
  text?(name: string): string;
}

/** The package's list of what each part is (Open Packaging Conventions), read and patched by name. */
export const CT = '[Content_Types].xml';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export class Parts {
  private readonly order: string[];
  private readonly edited = new Map<string, Uint8Array | Uint8Array[]>();
  private readonly texts = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(private readonly source: PackageSource) {
    this.order = [...source.names];
  }

  has(name: string): boolean {
    return !this.removed.has(name) && (this.edited.has(name) || this.source.names.includes(name));
  }

  /** A part's text; kept for the next call unless `keep` is false (a sheet read once for its values). */
  text(name: string, keep = true): string | null {
    if (!this.has(name)) return null;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const edited = this.edited.get(name);
    const t = edited ? utf8.decode(joined(edited)).replace(/^\uFEFF/, '') : this.original(name);
    if (keep) this.texts.set(name, t);
    return t;
  }

  /** The clerk's own text of a part, read without keeping its inflated bytes where the source allows it. */
  private original(name: string): string {
    return (this.source.text ? this.source.text(name) : utf8.decode(this.source.bytes(name))).replace(/^\uFEFF/, '');
  }

  /**
   * A part's new text, whole or in pieces (a patched sheet comes as pieces, so that its tens of megabytes
   * are never joined into one more string). Text equal to the clerk's own gives the clerk's bytes back.
   */
  set(name: string, text: string | Iterable<string>): void {
    if (!this.order.includes(name)) this.order.push(name);
    this.removed.delete(name);
    this.texts.delete(name);
    if (typeof text === 'string') {
      if (this.source.names.includes(name) && this.original(name) === text) {
        this.edited.delete(name);
        return;
      }
      this.texts.set(name, text);
      this.edited.set(name, encoder.encode(text));
      return;
    }
    // pieces encoded as they come, about a megabyte at a time, so that no piece outlives its turn
    const chunks: Uint8Array[] = [];
    let batch = '';
    for (const t of text) {
      batch += t;
      if (batch.length >= 1 << 20) {
        chunks.push(encoder.encode(batch));
        batch = '';
      }
    }
    if (batch || !chunks.length) chunks.push(encoder.encode(batch));
    this.edited.set(name, chunks);
  }

  delete(name: string): void {
    this.removed.add(name);
    this.texts.delete(name);
    this.edited.delete(name);
  }

  /** Whether a part now differs from the clerk's. */
  changed(name: string): boolean {
    return this.edited.has(name) || this.removed.has(name);
  }

  /** The names of the parts there are now. */
  list(): string[] {
    return this.order.filter((n) => this.has(n));
  }

  /**
   * Every part as pieces of bytes, made one part at a time as they are asked for (an edited sheet's pieces
   * are never joined; the clerk's unchanged parts are inflated only when their turn comes).
   */
  *pieces(): Iterable<{ name: string; pieces: Uint8Array[] }> {
    for (const name of this.order) {
      if (!this.has(name)) continue;
      const edited = this.edited.get(name);
      yield { name, pieces: edited ? (Array.isArray(edited) ? edited : [edited]) : [this.source.bytes(name)] };
    }
  }

  /** A part name not in use: `xl/comments{n}.xml` with the lowest free n from 1. */
  free(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }
}

function joined(data: Uint8Array | Uint8Array[]): Uint8Array {
  if (!Array.isArray(data)) return data;
  const out = new Uint8Array(data.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of data) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** 'xl/worksheets/sheet1.xml' → 'xl/worksheets/_rels/sheet1.xml.rels'; the package's own: '_rels/.rels'. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, relative to the part that holds it. */
export function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** The target of `to` as written in a rels file of `from` (relative). */
export function relative(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export function rels(xml: string | null): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
    external: attr(m[0], 'TargetMode') === 'External',
  }));
}

/** A relationship added with the next free rId. */
export function addRel(xml: string | null, type: string, target: string): { xml: string; id: string } {
  const text = xml ?? EMPTY_RELS;
  const used = new Set(rels(text).map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const tag = `<Relationship Id="${id}" Type="${esc(type)}" Target="${esc(target)}"/>`;
  const out = /<\/Relationships>\s*$/.test(text) ? text.replace(/<\/Relationships>\s*$/, `${tag}</Relationships>`) : text.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${tag}</Relationships>`);
  return { xml: out, id };
}

export function removeRel(xml: string, id: string): string {
  return xml.replace(/<Relationship\b[^>]*>(?:<\/Relationship>)?/g, (tag) => (attr(tag, 'Id') === id ? '' : tag));
}

export const isEmptyRels = (xml: string) => !/<Relationship\b/.test(xml);

/** [Content_Types].xml: an Override for a part, a Default for an extension. */
export function addOverride(ct: string, part: string, type: string): string {
  if (new RegExp(`PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(ct)) return ct;
  return ct.replace(/<\/Types>\s*$/, `<Override PartName="/${esc(part)}" ContentType="${type}"/></Types>`);
}

export function removeOverride(ct: string, part: string): string {
  return ct.replace(/<Override\b[^>]*>/g, (tag) => (attr(tag, 'PartName') === `/${part}` ? '' : tag));
}

export function hasDefault(ct: string, ext: string): boolean {
  return [...ct.matchAll(/<Default\b[^>]*>/g)].some((m) => attr(m[0], 'Extension')?.toLowerCase() === ext);
}

export function addDefault(ct: string, ext: string, type: string): string {
  return hasDefault(ct, ext) ? ct : ct.replace(/<Types\b[^>]*>/, (open) => `${open}<Default Extension="${ext}" ContentType="${type}"/>`);
}

export { withAttr };
