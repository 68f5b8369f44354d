import { colNumber } from '../../core';
import { attr, element, esc, textRun, unesc } from './xml';

/**
 * A sheet's notes: the comments part (the text) and its VML drawing (the yellow boxes), ECMA-376 Part 1
 * §18.7 and Part 4's VML. Ours are added beside the clerk's; a cell that already has a note or a thread
 * keeps it and gets none of ours (its message is in 问题说明 and on 校验结果). Our notes have their own
 * author, by which they are found again.
 */
export const AUTHOR = '执法证件清理助手';

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const VML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

const EMPTY_COMMENTS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';
const EMPTY_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '</xml>';

export interface Note {
  row: number;
  col: number;
  text: string;
}

/** The cells that have a note in this comments part (the clerk's, and legacy copies of threads). */
export function notedCells(commentsXml: string | null): Set<string> {
  if (!commentsXml) return new Set();
  return new Set([...commentsXml.matchAll(/<comment\b[^>]*\sref="([A-Z]+\d+)"/g)].map((m) => m[1]));
}

function shape(n: Note, id: number): string {
  // anchored beside the cell, three columns wide and five rows high, hidden until hovered, as Excel draws notes
  const anchor = `${n.col}, 15, ${Math.max(0, n.row - 2)}, 10, ${n.col + 3}, 15, ${n.row + 3}, 4`;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;width:180pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row - 1}</x:Row><x:Column>${n.col - 1}</x:Column></x:ClientData></v:shape>`;
}

/** Adds our notes to a comments part and its VML (either new when null). */
export function addNotes(commentsXml: string | null, vml: string | null, notes: Note[], ref: (n: Note) => string): { comments: string; vml: string } {
  let comments = commentsXml ?? EMPTY_COMMENTS;
  const authors = element(comments, 'authors');
  if (!authors) throw new Error('comments without <authors>');
  const names = [...authors.text.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => unesc(m[1]));
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const open = authors.text.endsWith('/>') ? '<authors>' : authors.text.slice(0, authors.text.length - '</authors>'.length);
    comments = comments.slice(0, authors.start) + `${open.replace(/\/>$/, '>')}<author>${esc(AUTHOR)}</author></authors>` + comments.slice(authors.end);
  }
  const items = notes.map((n) => `<comment ref="${ref(n)}" authorId="${authorId}"><text><r>${textRun(n.text)}</r></text></comment>`).join('');
  const list = element(comments, 'commentList');
  if (!list) throw new Error('comments without <commentList>');
  const listText = list.text.endsWith('/>') ? '<commentList></commentList>' : list.text;
  comments = comments.slice(0, list.start) + listText.slice(0, -'</commentList>'.length) + items + '</commentList>' + comments.slice(list.end);

  let drawing = vml ?? EMPTY_VML;
  if (!drawing.includes('_x0000_t202')) drawing = drawing.replace(/<\/xml>\s*$/, `${EMPTY_VML.slice(EMPTY_VML.indexOf('<v:shapetype'), EMPTY_VML.indexOf('</v:shapetype>') + 14)}</xml>`);
  const ids = [...drawing.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  let next = ids.reduce((m, x) => Math.max(m, x), 1024) + 1;
  drawing = drawing.replace(/<\/xml>\s*$/, `${notes.map((n) => shape(n, next++)).join('')}</xml>`);
  return { comments, vml: drawing };
}

/** Takes our notes out again: our comments (by author), and the shapes anchored on their cells. */
export function removeNotes(commentsXml: string, vml: string | null): { comments: string; vml: string | null; empty: boolean } {
  const authors = element(commentsXml, 'authors');
  const names = authors ? [...authors.text.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => unesc(m[1])) : [];
  const ours = names.indexOf(AUTHOR);
  let comments = commentsXml;
  const gone = new Set<string>();
  if (ours >= 0) {
    comments = comments.replace(/<comment\b[^>]*>[\s\S]*?<\/comment>/g, (c) => {
      const open = c.slice(0, c.indexOf('>') + 1);
      if (attr(open, 'authorId') !== String(ours)) return c;
      const { row, col } = cellOf(attr(open, 'ref') ?? 'A1');
      gone.add(`${row - 1},${col - 1}`);
      return '';
    });
    // our author was the last added: it goes, and the others keep their ids
    if (ours === names.length - 1) comments = comments.replace(`<author>${esc(AUTHOR)}</author>`, '');
  }
  const drawing = vml?.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (sh) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(sh)?.[1];
    const col = /<x:Column>(\d+)<\/x:Column>/.exec(sh)?.[1];
    return /ObjectType="Note"/.test(sh) && gone.has(`${row},${col}`) ? '' : sh;
  }) ?? null;
  const empty = !/<comment\b/.test(comments);
  return { comments, vml: drawing, empty };
}

/** "D5" → its row and column, for anchoring. */
export const cellOf = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]), col: colNumber(m[1]) };
};

