/**
 * Just enough XML for patching OOXML parts as text: the clerk's parts are rewritten only where we change
 * them, so everything we do not understand passes through untouched.
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text and attribute values; characters XML 1.0 forbids are dropped (a workbook may hold them as _xHHHH_). */
const SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
export function esc(s: string): string {
  if (!SPECIAL.test(s)) return s; // most cell texts: nothing to escape
  return s.replace(/[&<>"]/g, (c) => TEXT[c]).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A character reference's character; one beyond Unicode (no XML allows it) reads as U+FFFD, not a throw. */
export const charOf = (n: number) => (n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD');
export function unesc(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? charOf(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? m);
}

const ATTRS = new Map<string, RegExp>();
const attrRe = (name: string) => {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(\\s${name.replace(':', '\\:')}=)("[^"]*"|'[^']*')`)));
  return re;
};

/** An attribute of an opening tag's text ('<c r="A1" s="3">'), unescaped. */
export function attr(tag: string, name: string): string | undefined {
  const m = attrRe(name).exec(tag);
  return m ? unesc(m[2].slice(1, -1)) : undefined;
}

/** The tag with the attribute set (added before the tag's end if absent), or removed when value is undefined. */
export function withAttr(tag: string, name: string, value: string | undefined): string {
  const re = attrRe(name);
  if (re.test(tag)) return value === undefined ? tag.replace(new RegExp(`\\s${name}=("[^"]*"|'[^']*')`), '') : tag.replace(re, `$1"${esc(value)}"`);
  if (value === undefined) return tag;
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${esc(value)}"${tag.slice(end)}`;
}

/** The first element named `name` (with its children), and where it is; null when absent. */
export function element(xml: string, name: string, from = 0): { start: number; end: number; text: string } | null {
  const re = new RegExp(`<${name}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const open = xml.indexOf('>', m.index);
  if (xml[open - 1] === '/') return { start: m.index, end: open + 1, text: xml.slice(m.index, open + 1) };
  const close = xml.indexOf(`</${name}>`, open);
  if (close < 0) return null;
  const end = close + name.length + 3;
  return { start: m.index, end, text: xml.slice(m.index, end) };
}

/** The direct children elements named `name` inside a container element's text. */
export function children(container: string, name: string): string[] {
  const out: string[] = [];
  const inner = container.slice(container.indexOf('>') + 1);
  let at = 0;
  for (;;) {
    const e = element(inner, name, at);
    if (!e) return out;
    out.push(e.text);
    at = e.end;
  }
}

/** A container with its `count` attribute and its children replaced. */
export function rebuild(container: string, name: string, items: string[]): string {
  const open = container.slice(0, container.indexOf('>') + 1).replace(/\/>$/, '>');
  return `${withAttr(open, 'count', String(items.length))}${items.join('')}</${name}>`;
}

/** A simple content hash (FNV-1a, 32 bits, hex) to tell a part we wrote from one Excel saved again. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A run of text: xml:space="preserve" only where leading, trailing or doubled spaces and line breaks must stay. */
export function textRun(s: string): string {
  return /^\s|\s$|\s\s|\n/.test(s) ? `<t xml:space="preserve">${esc(s)}</t>` : `<t>${esc(s)}</t>`;
}
