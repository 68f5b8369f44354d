import { children, element, esc, rebuild, unesc, withAttr } from './xml';

/**
 * styles.xml, patched: our fonts, fills, borders and cell formats are appended after the clerk's, which
 * keep their indexes, so every cell we do not mark keeps its `s` and looks exactly as before. A marked
 * cell gets a copy of its own format with our fill, font colour and border (its number format, alignment
 * and protection stay). A workbook without styles.xml gets the minimal one Excel itself would write.
 */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** What a style of ours sets; anything unset is the base format's. */
export interface Look {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  underline?: boolean;
  border?: { style: 'thin' | 'medium'; color: string };
  align?: { horizontal?: 'center' | 'left'; vertical?: 'top' | 'center'; wrap?: boolean };
}

/** The built-in number formats (ECMA-376 Part 1 §18.8.30), by id, for telling formats apart by their code. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** CT_Font's children in the order Excel writes them. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

function childMap(xml: string): Map<string, string> {
  const inner = xml.endsWith('/>') ? '' : xml.slice(xml.indexOf('>') + 1, xml.lastIndexOf('</'));
  const map = new Map<string, string>();
  for (const m of inner.matchAll(/<(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)) map.set(m[1], m[0]);
  return map;
}

/** CT_Stylesheet's children in schema order. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/**
 * The clerk's styles.xml with the sections we append to made where they are missing (each with Excel's
 * default first entry, which cells without a format refer to); one we cannot place them in (no root, or
 * cut short) is replaced by the minimal one. A broken styles.xml must not stop a check that merge, which
 * reads no styles, would pass (found by the fuzzer); clear puts the clerk's own text back.
 */
function repaired(text: string): string {
  if (!/<styleSheet\b[^>]*[^/]>/.test(text) || !text.includes('</styleSheet>')) return MINIMAL_STYLES;
  let out = text;
  for (const name of ['fonts', 'fills', 'borders', 'cellXfs']) {
    if (element(out, name)) continue;
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(name) + 1).map((n) => element(out, n)?.start).filter((x): x is number => x !== undefined);
    const at = later.length ? Math.min(...later) : out.lastIndexOf('</styleSheet>');
    out = out.slice(0, at) + element(MINIMAL_STYLES, name)!.text + out.slice(at);
  }
  return out;
}

const argb = (rgb: string) => `FF${rgb.replace(/^#/, '').toUpperCase()}`;

export class Styles {
  private readonly head: string;
  private readonly fonts: string[];
  private readonly fills: string[];
  private readonly borders: string[];
  private readonly xfs: string[];
  private readonly base: { fonts: number; fills: number; borders: number; xfs: number };
  private readonly sections: Record<'fonts' | 'fills' | 'borders' | 'cellXfs', { start: number; end: number; text: string }>;
  /** number formats we add (only when finding an equivalent format needs one) */
  private readonly newFormats: string[] = [];
  private readonly cache = new Map<string, number>();
  /** by the look object itself: our looks are constants, met once a cell on long sheets */
  private readonly byLook = new Map<number, WeakMap<Look, number>>();
  readonly created: boolean;

  constructor(xml: string | null) {
    this.created = xml === null;
    const text = repaired(xml ?? MINIMAL_STYLES);
    const find = (name: string) => element(text, name)!;
    this.sections = { fonts: find('fonts'), fills: find('fills'), borders: find('borders'), cellXfs: find('cellXfs') };
    this.fonts = children(this.sections.fonts.text, 'font');
    this.fills = children(this.sections.fills.text, 'fill');
    this.borders = children(this.sections.borders.text, 'border');
    this.xfs = children(this.sections.cellXfs.text, 'xf');
    if (!this.xfs.length) this.xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    this.base = { fonts: this.fonts.length, fills: this.fills.length, borders: this.borders.length, xfs: this.xfs.length };
    this.head = text;
  }

  /** How many of each the clerk's styles.xml had: ours come after. */
  get counts(): { fonts: number; fills: number; borders: number; xfs: number } {
    return { ...this.base };
  }

  get changed(): boolean {
    return this.xfs.length > this.base.xfs || this.created || this.newFormats.length > 0;
  }

  private add(list: string[], item: string): number {
    const at = list.indexOf(item);
    if (at >= 0) return at;
    list.push(item);
    return list.length - 1;
  }

  private font(baseId: number, look: Look): number {
    const kids = childMap(this.fonts[baseId] ?? this.fonts[0] ?? '<font/>');
    if (look.bold) kids.set('b', '<b/>');
    if (look.underline) kids.set('u', '<u/>');
    if (look.size) kids.set('sz', `<sz val="${look.size}"/>`);
    if (look.fontColor) kids.set('color', `<color rgb="${argb(look.fontColor)}"/>`);
    const ordered = [...FONT_ORDER.filter((k) => kids.has(k)).map((k) => kids.get(k)!), ...[...kids].filter(([k]) => !FONT_ORDER.includes(k)).map(([, v]) => v)];
    return this.add(this.fonts, `<font>${ordered.join('')}</font>`);
  }

  private fill(rgb: string): number {
    return this.add(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(rgb)}"/><bgColor indexed="64"/></patternFill></fill>`);
  }

  private border(b: NonNullable<Look['border']>): number {
    const edge = (n: string) => `<${n} style="${b.style}"><color rgb="${argb(b.color)}"/></${n}>`;
    return this.add(this.borders, `<border>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<diagonal/></border>`);
  }

  /** A cell format: the base format `s` (the cell's own, or 0) with our look over it. */
  format(s: number, look: Look): number {
    let seen = this.byLook.get(s);
    if (!seen) this.byLook.set(s, (seen = new WeakMap()));
    const quick = seen.get(look);
    if (quick !== undefined) return quick;
    const key = `${s}|${JSON.stringify(look)}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      seen.set(look, hit);
      return hit;
    }
    const original = this.xfs[s] ?? this.xfs[0];
    let open = original.slice(0, original.indexOf('>') + 1);
    let body = open.endsWith('/>') ? '' : original.slice(open.length, original.lastIndexOf('</xf>'));
    open = open.replace(/\/>$/, '>');
    const fontId = Number(/\sfontId="(\d+)"/.exec(open)?.[1] ?? 0);
    if (look.fontColor || look.bold || look.size || look.underline) open = withAttr(withAttr(open, 'fontId', String(this.font(fontId, look))), 'applyFont', '1');
    if (look.fill) open = withAttr(withAttr(open, 'fillId', String(this.fill(look.fill))), 'applyFill', '1');
    if (look.border) open = withAttr(withAttr(open, 'borderId', String(this.border(look.border))), 'applyBorder', '1');
    if (look.align) {
      const a = look.align;
      const kids = childMap(original);
      let align = kids.get('alignment') ?? '<alignment/>';
      if (a.horizontal) align = withAttr(align, 'horizontal', a.horizontal);
      if (a.vertical) align = withAttr(align, 'vertical', a.vertical);
      if (a.wrap) align = withAttr(align, 'wrapText', '1');
      body = kids.has('alignment') ? body.replace(kids.get('alignment')!, align) : align + body;
      open = withAttr(open, 'applyAlignment', '1');
    }
    const xf = body ? `${open}${body}</xf>` : open.replace(/>$/, '/>');
    const id = this.add(this.xfs, xf);
    this.cache.set(key, id);
    seen.set(look, id);
    return id;
  }

  private numFmts(): Map<number, string> {
    const section = element(this.head, 'numFmts');
    const list = [...(section ? children(section.text, 'numFmt') : []), ...this.newFormats];
    return new Map(list.map((f) => [Number(/\snumFmtId="(\d+)"/.exec(f)?.[1]), unesc(/\sformatCode="([^"]*)"/.exec(f)?.[1] ?? '')]));
  }

  /** A number format's code, built-in or the workbook's own. */
  private formatCode(id: number): string {
    return BUILTIN_FORMATS[id] ?? this.numFmts().get(id) ?? 'General';
  }

  /** The id of a number format with this code: a built-in one, the workbook's, or one added. */
  private formatId(code: string): number {
    const builtin = Object.entries(BUILTIN_FORMATS).find(([, c]) => c === code);
    if (builtin) return Number(builtin[0]);
    const own = [...this.numFmts()].find(([, c]) => c === code);
    if (own) return own[0];
    const id = [...this.numFmts().keys()].reduce((m, x) => Math.max(m, x), 163) + 1;
    this.newFormats.push(`<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  /** Format s as what it looks like, independent of indexes: number format, font, fill, border, alignment, protection. */
  describe(s: number): { numFmt: string; font: string; fill: string; border: string; rest: string } {
    const xf = this.xfs[s] ?? this.xfs[0];
    const id = (name: string) => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(xf)?.[1] ?? 0);
    const nf = id('numFmtId');
    const kids = childMap(xf);
    return {
      numFmt: this.formatCode(nf),
      font: this.fonts[id('fontId')] ?? '',
      fill: this.fills[id('fillId')] ?? '',
      border: this.borders[id('borderId')] ?? '',
      rest: `${kids.get('alignment') ?? ''}${kids.get('protection') ?? ''}`,
    };
  }

  /**
   * The index here of a format that looks like format s of another styles.xml (the clerk's, before Excel
   * saved our copy and renumbered everything); appended when there is none.
   */
  equivalent(other: Styles, s: number): number {
    const want = other.describe(s);
    const key = JSON.stringify(want);
    const hit = this.cache.get(`eq|${key}`);
    if (hit !== undefined) return hit;
    let found = this.xfs.findIndex((_, i) => JSON.stringify(this.describe(i)) === key);
    if (found < 0) {
      const numFmt = this.formatId(want.numFmt);
      const open = `<xf numFmtId="${numFmt}" fontId="${this.add(this.fonts, want.font || this.fonts[0])}" fillId="${this.add(this.fills, want.fill || this.fills[0])}" borderId="${this.add(this.borders, want.border || this.borders[0])}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"${want.rest ? ' applyAlignment="1"' : ''}`;
      found = this.add(this.xfs, want.rest ? `${open}>${want.rest}</xf>` : `${open}/>`);
    }
    this.cache.set(`eq|${key}`, found);
    return found;
  }

  /** The patched styles.xml: each section rebuilt with its count, everything else as it was. */
  xml(): string {
    const parts = (['fonts', 'fills', 'borders', 'cellXfs'] as const)
      .map((name) => ({ ...this.sections[name], name }))
      .sort((a, b) => a.start - b.start);
    const lists = { fonts: this.fonts, fills: this.fills, borders: this.borders, cellXfs: this.xfs };
    let out = '';
    let at = 0;
    for (const p of parts) {
      out += this.head.slice(at, p.start) + rebuild(p.text, p.name, lists[p.name]);
      at = p.end;
    }
    out += this.head.slice(at);
    if (!this.newFormats.length) return out;
    // number formats added: into <numFmts>, which CT_Stylesheet puts first
    const section = element(out, 'numFmts');
    if (section) return out.slice(0, section.start) + rebuild(section.text, 'numFmts', [...children(section.text, 'numFmt'), ...this.newFormats]) + out.slice(section.end);
    const fonts = element(out, 'fonts')!;
    return `${out.slice(0, fonts.start)}<numFmts count="${this.newFormats.length}">${this.newFormats.join('')}</numFmts>${out.slice(fonts.start)}`;
  }
}

