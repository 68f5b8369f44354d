import { lastRunSheets } from '../../core';
import { sharedStrings } from '../read-bytes';
import { COMMENTS_REL, removeNotes } from './comments';
import { CT, isEmptyRels, Parts, rels, relsOf, removeOverride, removeRel, resolve } from './parts';
import { SHARED_REL } from './shared-strings';
import { unpatchSheet } from './sheet';
import { PackageUndo, readState, STATE_SHEET } from './state';
import { Styles } from './styles';
import { removeSheet, sheets, STYLES_REL, workbookPart, workbookRelPart } from './workbook';
import { hash } from './xml';

/**
 * Undoing a check on the package as it is now: the clerk may have saved our copy in Excel or WPS since,
 * which renumbers styles and turns our inline strings into shared ones. Our sheets go by name; the
 * clerk's sheets get their cells, columns and notes back; styles.xml gets the clerk's own back when it
 * is still the one we wrote, and otherwise each restored cell gets an equivalent format.
 */

export type StateFound = { undo: PackageUndo } | { old: true } | { damaged: true } | null;

/** The record of the last check in this package, if there is one. */
export function findState(parts: Parts): StateFound {
  const entry = sheets(parts).find((s) => s.name === STATE_SHEET);
  if (!entry) return null;
  const shared = workbookRelPart(parts, SHARED_REL);
  const found = readState(parts.text(entry.part) ?? '', sharedStrings((shared && parts.text(shared)) || ''));
  if (found === 'old') return { old: true };
  // our record sheet is there but can't be read: the marks it records can't be undone (and it can't be left as
  // the clerk's: a check would add a second sheet of its name)
  return found ? { undo: found } : { damaged: true };
}

/**
 * Our notes out of each sheet, found as the sheet links them now (a program that saved the copy since may
 * have renamed the parts and renumbered the links): our comments by their author; the parts themselves go
 * when we made them and no note is left in them. Returns the sheets whose note parts went.
 */
function clearNotes(parts: Parts, undo: PackageUndo): Set<string> {
  const gone = new Set<string>();
  const partOf = new Map(sheets(parts).map((s) => [s.name, s.part]));
  let ct = parts.text(CT) ?? '';
  for (const n of undo.notes) {
    const sheetPart = partOf.get(n.sheet);
    if (!sheetPart || !parts.has(sheetPart)) continue;
    const sheetRels = rels(parts.text(relsOf(sheetPart)));
    const commentsRel = sheetRels.find((r) => r.type === COMMENTS_REL);
    if (!commentsRel) continue;
    const comments = resolve(sheetPart, commentsRel.target);
    const legacy = /<legacyDrawing\b[^>]*\sr:id="([^"]+)"/.exec(parts.text(sheetPart) ?? '');
    const vmlRel = legacy ? sheetRels.find((r) => r.id === legacy[1]) : undefined;
    const vml = vmlRel ? resolve(sheetPart, vmlRel.target) : null;
    if (!parts.has(comments)) continue;
    const out = removeNotes(parts.text(comments)!, vml ? parts.text(vml) : null);
    if (n.created && out.empty) {
      parts.delete(comments);
      if (vml) parts.delete(vml);
      ct = removeOverride(ct, comments);
      let r = parts.text(relsOf(sheetPart)) ?? '';
      for (const id of [commentsRel.id, vmlRel?.id]) if (id) r = removeRel(r, id);
      if (isEmptyRels(r)) parts.delete(relsOf(sheetPart));
      else parts.set(relsOf(sheetPart), r);
      gone.add(n.sheet);
    } else {
      parts.set(comments, out.comments);
      if (vml && out.vml !== null) parts.set(vml, out.vml);
    }
  }
  // the "vml" content type we declared goes when no VML part is left
  if (undo.notes.some((n) => n.vmlDefault) && !parts.list().some((n) => n.endsWith('.vml'))) ct = ct.replace(/<Default\b[^>]*Extension="vml"[^>]*\/>/i, '');
  parts.set(CT, ct);
  return gone;
}

/** Undo the record in place. */
export function clearParts(parts: Parts, undo: PackageUndo): void {
  // our sheets as recorded; an older record named none, and ours had the plain names
  for (const name of [...lastRunSheets(undo.ours, true), STATE_SHEET]) removeSheet(parts, name);
  const stylesPart = workbookRelPart(parts, STYLES_REL);
  const now = stylesPart ? parts.text(stylesPart) : null;
  const ours = now !== null && hash(now) === undo.styles?.written;
  // Excel saved our copy since: each restored cell gets an equivalent of its former format
  let remap: ((s: string) => string) | null = null;
  let current: Styles | null = null;
  if (!ours && undo.styles?.original && now !== null) {
    current = new Styles(now);
    const before = new Styles(undo.styles.original);
    const seen = new Map<string, string>();
    remap = (s) => {
      if (s === '' || s === '0') return s; // the workbook's default format, whichever that now is
      if (!seen.has(s)) seen.set(s, String(current!.equivalent(before, Number(s))));
      return seen.get(s)!;
    };
  }
  const notesGone = clearNotes(parts, undo);
  const partOf = new Map(sheets(parts).map((s) => [s.name, s.part]));
  for (const { sheet, undo: u } of undo.sheets) {
    const part = partOf.get(sheet);
    if (!part || !parts.has(part)) continue;
    // the link to the note parts goes with them; it stays while notes the clerk added since are in them
    const mapped = { ...u, legacyDrawing: u.legacyDrawing && notesGone.has(sheet), styles: remap ? u.styles.map((x) => ({ ...x, s: remap!(x.s) })) : u.styles };
    parts.set(part, unpatchSheet(parts.text(part)!, mapped));
  }
  if (stylesPart && undo.styles) {
    if (ours && undo.styles.original !== undefined) parts.set(stylesPart, undo.styles.original);
    else if (ours && undo.styles.created) {
      const wb = workbookPart(parts);
      parts.delete(stylesPart);
      const rel = rels(parts.text(relsOf(wb))).find((r) => r.type === STYLES_REL);
      if (rel) parts.set(relsOf(wb), removeRel(parts.text(relsOf(wb))!, rel.id));
      parts.set(CT, removeOverride(parts.text(CT)!, stylesPart));
    } else if (current) parts.set(stylesPart, current.xml());
  }
}

