import {
  AlignmentType, BorderStyle, Document, Footer, HighlightColor, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Block, ReportDoc } from '../core';

/**
 * A report draft (core/report-model.ts) as a .docx laid out after GB/T 9704-2012 (党政机关公文格式) as far as the
 * docx package allows: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm, right 26 mm); title in
 * 2号 方正小标宋简体, body in 3号 仿宋_GB2312 at 22 lines a page (28.95 pt), first-level headings in 黑体, second-level
 * in 楷体_GB2312; page numbers "— 1 —" in 4号 宋体 at the foot. Runs the clerk must complete are highlighted yellow.
 *
 * Fonts: a run names one East Asian font. The document's font table gives each its usual substitutes (w:altName:
 * 方正小标宋简体 → 华文中宋, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体), which Word uses where the first is not
 * installed; LibreOffice substitutes by its own table (a CJK serif, e.g. Noto Serif CJK).
 */
const mm = (x: number) => Math.round((x / 25.4) * 1440);
const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  latin: 'Times New Roman',
} as const;
const ALT: Record<string, string> = { 方正小标宋简体: '华文中宋', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 黑体: 'SimHei' };
const SIZE = { title: 44, body: 32, table: 24, page: 28 } as const; // half-points: 2号 22pt, 3号 16pt, 小4 12pt, 4号 14pt
const LINE = 579; // 28.95 pt in twips: 22 lines in the 225 mm 版心
const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

function run(text: string, o: { font?: string; size?: number; bold?: boolean; fill?: boolean } = {}): TextRun {
  return new TextRun({ text, font: font(o.font ?? FONTS.body), size: o.size ?? SIZE.body, bold: o.bold, highlight: o.fill ? HighlightColor.YELLOW : undefined });
}

const body = { spacing: { line: LINE, lineRule: LineRuleType.EXACT } } as const;

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: mm(12), lineRule: LineRuleType.EXACT }, children: [run(b.text, { font: FONTS.title, size: SIZE.title })] }),
        new Paragraph({ ...body, children: [] }),
      ];
    case 'to':
      return [new Paragraph({ ...body, children: b.runs.map((r) => run(r.text, { fill: r.fill })) })];
    case 'h1':
      return [new Paragraph({ ...body, indent: { firstLine: 640 }, children: [run(b.text, { font: FONTS.h1 })] })];
    case 'h2':
      return [new Paragraph({ ...body, indent: { firstLine: 640 }, children: [run(b.text, { font: FONTS.h2 })] })];
    case 'p':
      return [new Paragraph({ ...body, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, children: b.runs.map((r) => run(r.text, { fill: r.fill, bold: r.bold })) })];
    case 'table': {
      const cell = (v: string | number, head: boolean, i: number) => new TableCell({
        width: { size: i === 0 ? 40 : 60 / (b.head.length - 1), type: WidthType.PERCENTAGE },
        children: [new Paragraph({ alignment: typeof v === 'number' || head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(String(v), { size: SIZE.table, font: head ? FONTS.h1 : FONTS.body })] })],
      });
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          // the first column (the unit's name) takes 40%, the numbers share the rest
          columnWidths: b.head.map((_, i) => Math.round((i === 0 ? 0.4 : 0.6 / (b.head.length - 1)) * mm(156))),
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: [new TableRow({ tableHeader: true, children: b.head.map((h, i) => cell(h, true, i)) }), ...b.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, i)) }))],
        }),
        new Paragraph({ ...body, children: [] }),
      ];
    }
    case 'sign':
      // 落款 and date to the right, four characters in from the margin (GB/T 9704 7.3.5.1)
      return [
        new Paragraph({ ...body, children: [] }),
        ...b.lines.map((l) => new Paragraph({ ...body, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(l)] })),
      ];
  }
}

export async function reportDocx(doc: ReportDoc): Promise<Uint8Array> {
  const d = new Document({
    title: doc.title,
    creator: '执法证件清理助手',
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [{
      properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(18) } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font('宋体'), size: SIZE.page })] })],
        }),
      },
      children: doc.blocks.flatMap(block),
    }],
  });
  // an ArrayBuffer, not a Node Buffer: the pane makes drafts in the browser too
  return withAltNames(new Uint8Array(await Packer.toArrayBuffer(d)));
}

/** The font table gains our fonts with their usual substitutes (w:altName), for a machine without them. */
function withAltNames(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const name = 'word/fontTable.xml';
  if (!files[name]) return bytes;
  const xml = strFromU8(files[name]);
  const add = Object.entries(ALT).filter(([f]) => !xml.includes(`w:name="${f}"`))
    .map(([f, alt]) => `<w:font w:name="${f}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`).join('');
  // the table may be empty (<w:fonts …/>) or not
  const full = /<w:fonts\b[^>]*\/>\s*$/.test(xml) ? xml.replace(/\/>\s*$/, `>${add}</w:fonts>`) : xml.replace(/<\/w:fonts>\s*$/, `${add}</w:fonts>`);
  files[name] = strToU8(full);
  return zipSync(files);
}
