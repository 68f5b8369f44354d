import { a1, OutSheet, Plan, withFreeNames } from '../../core';
import { chartXml, CHART_REL, CHART_TYPE, drawingXml, DRAWING_REL, DRAWING_TYPE } from './chart';
import { addNotes, COMMENTS_REL, COMMENTS_TYPE, Note, notedCells, VML_REL, VML_TYPE } from './comments';
import { markLook, STYLE_LOOK, TEXT_LOOK, VERDICT_LOOK } from './looks';
import { printNames, sheetXml } from './outsheet';
import { addDefault, addOverride, addRel, CT, hasDefault, Parts, relative, rels, relsOf, resolve } from './parts';
import { CellEdit, patchSheet, SheetEdits } from './sheet';
import { NotesUndo, PackageUndo, stateSheet, STATE_SHEET } from './state';
import { Styles } from './styles';
import { addDefinedNames, addSheet, addWorkbookPart, sheets, STYLES_REL, STYLES_TYPE, workbookRelPart } from './workbook';
import { attr, element, hash } from './xml';

/**
 * The checked copy as the clerk's own package, patched: the marked sheets' XML (style indexes of marked
 * cells, our result cells, our column widths), styles.xml with our formats appended, notes beside the
 * clerk's, our sheets with 汇总's chart, and the record of it all in a very hidden sheet. Every other
 * part, chart, image, pivot table, validation, defined name and print setting, is the clerk's own.
 */

function editsFor(plan: Plan, styles: Styles): Map<string, SheetEdits> {
  const edits = new Map<string, SheetEdits>();
  const cell = (sheet: string, row: number, col: number, e: CellEdit) => {
    let ed = edits.get(sheet);
    if (!ed) edits.set(sheet, (ed = { cells: new Map() }));
    let r = ed.cells.get(row);
    if (!r) ed.cells.set(row, (r = new Map()));
    r.set(col, e);
  };
  for (const m of plan.marks) {
    const look = markLook(m);
    cell(m.sheet, m.row, m.col, { s: (present) => styles.format(present, look) });
  }
  for (const b of plan.columns) {
    b.headers.forEach((h, k) => cell(b.sheet, b.headerRow, b.col + k, { s: () => styles.format(0, STYLE_LOOK.header), text: h }));
    for (const r of b.rows) {
      r.values.forEach((v, k) => {
        if (v === '') return; // an empty reason or hint leaves the cell as the clerk had it
        const look = k === 0 ? VERDICT_LOOK[r.verdict ?? 'none'] : TEXT_LOOK;
        cell(b.sheet, r.row, b.col + k, { s: () => styles.format(0, look), text: v });
      });
    }
    const ed = edits.get(b.sheet);
    if (ed) ed.widths = [...(ed.widths ?? []), ...b.widths.map((width, k) => ({ col: b.col + k, width }))];
  }
  return edits;
}

/** Our notes on one sheet: into its comments part and VML, made when it has none. */
function notesFor(parts: Parts, sheet: string, sheetPart: string, sheetText: string, notes: Note[], edits: SheetEdits): NotesUndo | null {
  const sheetRels = rels(parts.text(relsOf(sheetPart)));
  const commentsRel = sheetRels.find((r) => r.type === COMMENTS_REL);
  const legacy = element(sheetText, 'legacyDrawing');
  const vmlRel = legacy ? sheetRels.find((r) => r.id === attr(legacy.text, 'r:id')) : undefined;
  const commentsPart = commentsRel ? resolve(sheetPart, commentsRel.target) : null;
  const taken = notedCells(commentsPart ? parts.text(commentsPart) : null);
  const mine = notes.filter((n) => !taken.has(a1(n.row, n.col)));
  if (!mine.length) return null;
  if (commentsPart && vmlRel) {
    const vmlPart = resolve(sheetPart, vmlRel.target);
    const clerks = parts.text(commentsPart);
    // a comments part without its lists (cut short, or damaged): the clerk's, left as it is; the findings are on 校验结果
    if (!clerks || !element(clerks, 'authors') || !element(clerks, 'commentList')) return null;
    const out = addNotes(clerks, parts.text(vmlPart), mine, (n) => a1(n.row, n.col));
    parts.set(commentsPart, out.comments);
    parts.set(vmlPart, out.vml);
    return { sheet, comments: commentsPart, vml: vmlPart, created: false };
  }
  if (commentsPart || vmlRel) return null; // half a note structure: leave the clerk's as it is
  const comments = parts.free((n) => `xl/comments${n}.xml`);
  const vml = parts.free((n) => `xl/drawings/vmlDrawing${n}.vml`);
  const out = addNotes(null, null, mine, (n) => a1(n.row, n.col));
  parts.set(comments, out.comments);
  parts.set(vml, out.vml);
  let r = addRel(parts.text(relsOf(sheetPart)), COMMENTS_REL, relative(sheetPart, comments));
  const cRel = r.id;
  r = addRel(r.xml, VML_REL, relative(sheetPart, vml));
  parts.set(relsOf(sheetPart), r.xml);
  let ct = addOverride(parts.text(CT)!, comments, COMMENTS_TYPE);
  const vmlDefault = !hasDefault(ct, 'vml');
  ct = addDefault(ct, 'vml', VML_TYPE);
  parts.set(CT, ct);
  edits.legacyDrawing = r.id;
  return { sheet, comments, vml, created: true, commentsRel: cRel, vmlRel: r.id, vmlDefault };
}

/** One of our sheets, with 汇总's chart in a drawing of its own. */
function ourSheet(parts: Parts, s: OutSheet, styles: Styles): string[] {
  const { part, index } = addSheet(parts, s.name, '');
  let drawing: string | undefined;
  if (s.chart) {
    const chart = parts.free((n) => `xl/charts/chart${n}.xml`);
    const draw = parts.free((n) => `xl/drawings/drawing${n}.xml`);
    parts.set(chart, chartXml(s, s.chart));
    const dr = addRel(null, CHART_REL, relative(draw, chart));
    parts.set(relsOf(draw), dr.xml);
    parts.set(draw, drawingXml(s.chart, dr.id));
    const sr = addRel(null, DRAWING_REL, relative(part, draw));
    parts.set(relsOf(part), sr.xml);
    parts.set(CT, addOverride(addOverride(parts.text(CT)!, draw, DRAWING_TYPE), chart, CHART_TYPE));
    drawing = sr.id;
  }
  parts.set(part, sheetXml(s, styles, { drawing }));
  return printNames(s, index);
}

/** Patches the package (already cleared of any earlier check) for this plan; our sheets' names as written. */
export function patchForCheck(parts: Parts, plan: Plan): string[] {
  const stylesPart = workbookRelPart(parts, STYLES_REL);
  const originalStyles = stylesPart ? parts.text(stylesPart) : null;
  const styles = new Styles(originalStyles);
  const undo: PackageUndo = { sheets: [], notes: [] };
  const partOf = new Map(sheets(parts).map((s) => [s.name, s.part]));
  const edits = editsFor(plan, styles);
  const notes = new Map<string, Note[]>();
  for (const m of plan.marks) {
    if (!m.finding || !m.note) continue;
    if (!notes.has(m.sheet)) notes.set(m.sheet, []);
    notes.get(m.sheet)!.push({ row: m.row, col: m.col, text: m.note });
  }
  for (const [sheet, ed] of edits) {
    const part = partOf.get(sheet);
    if (!part || !parts.has(part)) continue;
    const text = parts.text(part)!;
    const n = notes.get(sheet);
    const notesUndo = n ? notesFor(parts, sheet, part, text, n, ed) : null;
    if (notesUndo) undo.notes.push(notesUndo);
    const patched = patchSheet(text, ed);
    parts.set(part, patched.xml);
    undo.sheets.push({ sheet, undo: patched.undo });
  }
  // our sheets beside the clerk's: a name the clerk's workbook already uses is left to the clerk's sheet
  const ours = withFreeNames(plan.sheets, sheets(parts).map((s) => s.name));
  undo.ours = ours.map((s) => s.name);
  const names = ours.flatMap((s) => ourSheet(parts, s, styles));
  addDefinedNames(parts, names);
  // styles.xml last: our sheets' formats are in it too
  const written = styles.xml();
  if (stylesPart) {
    parts.set(stylesPart, written);
    undo.styles = { original: originalStyles ?? undefined, written: hash(written) };
  } else {
    const rel = addWorkbookPart(parts, 'xl/styles.xml', written, STYLES_TYPE, STYLES_REL);
    undo.styles = { written: hash(written), created: true, rel };
  }
  const state = stateSheet(undo);
  const { part } = addSheet(parts, STATE_SHEET, '', 'veryHidden');
  parts.set(part, sheetXml(state, styles, { hidden: true }));
  return undo.ours;
}
