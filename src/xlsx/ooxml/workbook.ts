import { addOverride, addRel, CT, Parts, relative, rels, relsOf, removeOverride, removeRel, resolve } from './parts';
import { attr, element, esc, unesc, withAttr } from './xml';

/**
 * The workbook part: its sheets (name, state, part), adding ours at the end and taking them out again
 * with every part they own (drawings, charts), their relationships, content types and print names.
 */
export const WORKBOOK = 'xl/workbook.xml';
export const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const SHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
export const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

export interface SheetEntry {
  name: string;
  rid: string;
  part: string;
  state: string;
  tag: string;
}

/**
 * The workbook part's name: '/_rels/.rels' says where it is (usually xl/workbook.xml); where it names a
 * part that is not there, xl/workbook.xml, which the values reader (read-bytes.ts) reads (found by the fuzzer).
 */
export function workbookPart(parts: Parts): string {
  const main = rels(parts.text('_rels/.rels')).find((r) => /\/officeDocument$/.test(r.type));
  const named = main ? resolve('', main.target) : WORKBOOK;
  return parts.has(named) ? named : WORKBOOK;
}

export function sheets(parts: Parts): SheetEntry[] {
  const wb = workbookPart(parts);
  const xml = parts.text(wb) ?? '';
  const targets = new Map(rels(parts.text(relsOf(wb))).map((r) => [r.id, resolve(wb, r.target)]));
  return [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: unesc(attr(m[0], 'name') ?? ''),
    rid: attr(m[0], 'r:id') ?? '',
    part: targets.get(attr(m[0], 'r:id') ?? '') ?? '',
    state: attr(m[0], 'state') ?? 'visible',
    tag: m[0],
  }));
}

/** The part a relationship of the workbook of this type points at (styles, sharedStrings). */
export function workbookRelPart(parts: Parts, type: string): string | null {
  const wb = workbookPart(parts);
  const r = rels(parts.text(relsOf(wb))).find((x) => x.type === type);
  return r ? resolve(wb, r.target) : null;
}

/** Adds a part with its workbook relationship and content type. */
export function addWorkbookPart(parts: Parts, part: string, text: string, type: string, relType: string): string {
  const wb = workbookPart(parts);
  parts.set(part, text);
  const r = addRel(parts.text(relsOf(wb)), relType, relative(wb, part));
  parts.set(relsOf(wb), r.xml);
  parts.set(CT, addOverride(parts.text(CT) ?? '', part, type));
  return r.id;
}

/** A new sheet at the end of the tabs; returns its part and its index among the sheets. */
export function addSheet(parts: Parts, name: string, text: string, state?: 'veryHidden' | 'hidden'): { part: string; index: number } {
  const wb = workbookPart(parts);
  const part = parts.free((n) => `xl/worksheets/sheet${n}.xml`);
  const rid = addWorkbookPart(parts, part, text, SHEET_TYPE, SHEET_REL);
  let xml = parts.text(wb)!;
  const ids = [...xml.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const tag = `<sheet name="${esc(name)}" sheetId="${ids.reduce((m, x) => Math.max(m, x), 0) + 1}"${state ? ` state="${state}"` : ''} r:id="${rid}"/>`;
  xml = xml.replace(/<\/sheets>/, `${tag}</sheets>`);
  parts.set(wb, xml);
  return { part, index: sheets(parts).length - 1 };
}

/** Print titles and areas of our sheets, into <definedNames> (made where CT_Workbook puts it). */
export function addDefinedNames(parts: Parts, names: string[]): void {
  if (!names.length) return;
  const wb = workbookPart(parts);
  let xml = parts.text(wb)!;
  const existing = element(xml, 'definedNames');
  if (existing && !existing.text.endsWith('/>')) {
    xml = xml.slice(0, existing.end - '</definedNames>'.length) + names.join('') + xml.slice(existing.end - '</definedNames>'.length);
  } else {
    if (existing) xml = xml.slice(0, existing.start) + xml.slice(existing.end);
    const after = ['externalReferences', 'functionGroups', 'sheets'].map((n) => element(xml, n)).find(Boolean)!;
    xml = `${xml.slice(0, after.end)}<definedNames>${names.join('')}</definedNames>${xml.slice(after.end)}`;
  }
  parts.set(wb, xml);
}

/** Every part reachable from this one through its relationships (its drawing, the drawing's chart…). */
function owned(parts: Parts, part: string, into: Set<string>): void {
  for (const r of rels(parts.text(relsOf(part)))) {
    if (r.external) continue;
    const target = resolve(part, r.target);
    if (into.has(target) || !parts.has(target)) continue;
    into.add(target);
    owned(parts, target, into);
  }
}

/**
 * Takes a sheet out: its entry, relationship, part and the parts it alone owns, their content types,
 * and the print names scoped to it (names scoped to later sheets move down one).
 */
export function removeSheet(parts: Parts, name: string): boolean {
  const wb = workbookPart(parts);
  const list = sheets(parts);
  const index = list.findIndex((s) => s.name === name);
  if (index < 0) return false;
  const s = list[index];
  const gone = new Set<string>([s.part]);
  owned(parts, s.part, gone);
  let ct = parts.text(CT) ?? '';
  for (const p of gone) {
    parts.delete(p);
    if (parts.has(relsOf(p))) parts.delete(relsOf(p));
    ct = removeOverride(ct, p);
  }
  parts.set(CT, ct);
  parts.set(relsOf(wb), removeRel(parts.text(relsOf(wb))!, s.rid));
  let xml = parts.text(wb)!.replace(s.tag, '');
  xml = xml.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (d) => {
    const open = d.slice(0, d.indexOf('>') + 1);
    const local = attr(open, 'localSheetId');
    if (local === undefined) return d;
    const n = Number(local);
    if (n === index) return '';
    return n > index ? withAttr(open, 'localSheetId', String(n - 1)) + d.slice(open.length) : d;
  });
  xml = xml.replace(/<definedNames>\s*<\/definedNames>/, '');
  // the tab Excel opens on must still exist, and keep pointing at the same sheet
  xml = xml.replace(/<workbookView\b[^>]*>/g, (v) => {
    let out = v;
    for (const key of ['activeTab', 'firstSheet']) {
      const at = attr(v, key);
      if (at === undefined) continue;
      const n = Number(at);
      if (n > index) out = withAttr(out, key, String(n - 1));
      else if (n === index) out = withAttr(out, key, String(Math.max(0, index - 1)));
    }
    return out;
  });
  parts.set(wb, xml);
  return true;
}
