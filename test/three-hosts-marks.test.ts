import ExcelJS from 'exceljs';
import path from 'path';
import { a1, DEFAULT_PROFILE, PALETTE } from '../src/core';
import { MARK_FORMULA } from '../src/office/marks';
import { capabilities } from '../src/office/mode';
import { Run, validate } from '../src/office/validate';
import { demoUnits } from '../src/sample/demo';
import { simulateExcel } from '../src/sim/excel';
import { parseArea, SimWorkbookState } from '../src/sim/model';
import { checkDate, etApp, generatedAt } from '../src/sim-et/demo';
import { EtBookState } from '../src/sim-et/model';
import { hexOf } from '../src/wps/et';
import { wpsHost } from '../src/wps/host';
import { decider } from '../src/wps/ribbon';
import { checkFile } from '../src/xlsx/check-file';
import { writeBook } from '../src/xlsx/write-book';
import { load, tmpDir } from './helpers/files';

/**
 * One workbook, three hosts: Excel (src/office on src/sim), WPS (src/wps on src/sim-et) and the .xlsx writer
 * (the command line's check). A clerk must see the same marks whichever one checked the file: the same cells
 * coloured, in the same colours, with the same purple border and the same note text.
 */
type Mark = { fill?: string; font?: string; border?: string; note?: string };
type Marks = Map<string, Mark>;

/** only our colours count: the demo's own header fills and grey borders are the clerk's */
const FILLS = new Set<string>([PALETTE.red.fill, PALETTE.yellow.fill, PALETTE.green.fill, PALETTE.finding.fill]);
const FONTS = new Set<string>([PALETTE.red.font, PALETTE.yellow.font, PALETTE.green.font]);
const OURS = ['校验结果', '汇总', '_证件清理_标记'];

function put(marks: Marks, key: string, m: Mark): void {
  const x = marks.get(key) ?? {};
  for (const [k, v] of Object.entries(m) as [keyof Mark, string | undefined][]) if (v !== undefined) x[k] = v;
  marks.set(key, x);
}

const book = () => demoUnits(checkDate)[1].book;
const opts = { checkDate, profile: DEFAULT_PROFILE, generatedAt };

async function excelMarks(): Promise<Marks> {
  const wb = SimWorkbookState.from(book().sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges })));
  const sim = simulateExcel(wb, { api: '1.18', payloadLimit: 5 * 1024 * 1024 });
  const out = await validate(sim.Excel.run as unknown as Run, capabilities(sim.Office.context.requirements), opts);
  if (!out.ok) throw new Error(out.message);
  const marks: Marks = new Map();
  for (const s of wb.sheets.filter((x) => !OURS.includes(x.name))) {
    for (const cf of s.conditionalFormats.filter((c) => c.formula === MARK_FORMULA)) {
      for (const a of cf.ranges.flatMap((r) => r.split(',')).map((r) => parseArea(r))) {
        for (let r = a.r0; r <= a.r1; r++) {
          for (let c = a.c0; c <= a.c1; c++) {
            const fill = cf.fill?.replace('#', '');
            const font = cf.fontColor?.replace('#', '');
            put(marks, `${s.name}!${a1(r + 1, c + 1)}`, { fill: fill && FILLS.has(fill) ? fill : undefined, font: font && FONTS.has(font) ? font : undefined, border: cf.border?.replace('#', '') });
          }
        }
      }
    }
    for (const [k, text] of s.notes) {
      const [r, c] = k.split(',').map(Number);
      put(marks, `${s.name}!${a1(r + 1, c + 1)}`, { note: text });
    }
  }
  return marks;
}

async function wpsMarks(): Promise<Marks> {
  const wb = EtBookState.from(book().sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges })));
  const out = await wpsHost(etApp(wb), 'zh-CN').check(decider(DEFAULT_PROFILE, checkDate, generatedAt));
  if (!out.ok) throw new Error(out.message);
  const marks: Marks = new Map();
  for (const s of wb.sheets.filter((x) => !OURS.includes(x.name))) {
    for (const cf of s.conditions.filter((c) => c.formula === MARK_FORMULA)) {
      const fill = cf.fill === undefined ? undefined : hexOf(cf.fill).slice(1);
      const font = cf.fontColor === undefined ? undefined : hexOf(cf.fontColor).slice(1);
      const edge = Object.values(cf.borders)[0];
      for (const a of cf.appliesTo) {
        for (let r = a.r0; r <= a.r1; r++) {
          for (let c = a.c0; c <= a.c1; c++) {
            put(marks, `${s.name}!${a1(r + 1, c + 1)}`, { fill: fill && FILLS.has(fill) ? fill : undefined, font: font && FONTS.has(font) ? font : undefined, border: edge ? hexOf(edge.color).slice(1) : undefined });
          }
        }
      }
    }
    for (const [k, text] of s.comments) {
      const [r, c] = k.split(',').map(Number);
      put(marks, `${s.name}!${a1(r + 1, c + 1)}`, { note: text });
    }
  }
  return marks;
}

async function xlsxMarks(): Promise<Marks> {
  const dir = tmpDir();
  const input = path.join(dir, '摸排统计表.xlsx');
  const output = path.join(dir, '摸排统计表.checked.xlsx');
  await writeBook(book(), input);
  const outcome = await checkFile(input, { ...opts, out: output });
  if (outcome.status !== 'ok' || !outcome.out) throw new Error(outcome.message);
  const wb: ExcelJS.Workbook = await load(output);
  const marks: Marks = new Map();
  for (const ws of wb.worksheets.filter((x) => !OURS.includes(x.name))) {
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      const fill = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb?.slice(2);
      const font = cell.font?.color?.argb?.slice(2);
      const border = cell.border?.top?.color?.argb?.slice(2);
      const n = cell.note as string | { texts?: { text: string }[] } | undefined;
      const note = typeof n === 'string' ? n : n?.texts?.map((t) => t.text).join('');
      const m: Mark = {
        fill: fill && FILLS.has(fill) ? fill : undefined,
        font: font && FONTS.has(font) ? font : undefined,
        border: border === PALETTE.finding.border ? border : undefined,
        note: note || undefined,
      };
      if (Object.values(m).some((v) => v !== undefined)) put(marks, `${ws.name}!${cell.address}`, m);
    }));
  }
  return marks;
}

/** The marks as sorted lines, so that a difference names its cell. */
const lines = (m: Marks) => [...m.entries()].filter(([, x]) => Object.values(x).some((v) => v !== undefined))
  .map(([k, x]) => `${k} fill=${x.fill ?? '-'} font=${x.font ?? '-'} border=${x.border ?? '-'} note=${x.note ?? '-'}`).sort();

describe('the same workbook gets the same marks from Excel, WPS and the .xlsx writer', () => {
  let excel: string[];
  let wps: string[];
  let xlsx: string[];
  beforeAll(async () => {
    [excel, wps, xlsx] = await Promise.all([excelMarks().then(lines), wpsMarks().then(lines), xlsxMarks().then(lines)]);
  });

  it('marks a good number of cells, with notes among them', () => {
    expect(excel.length).toBeGreaterThan(20);
    expect(excel.filter((l) => !l.endsWith('note=-')).length).toBeGreaterThan(5);
  });

  it('Excel and WPS: cell for cell', () => {
    expect({ onlyExcel: excel.filter((l) => !wps.includes(l)), onlyWps: wps.filter((l) => !excel.includes(l)) }).toEqual({ onlyExcel: [], onlyWps: [] });
  });

  it('WPS and the .xlsx writer: cell for cell', () => {
    expect({ onlyWps: wps.filter((l) => !xlsx.includes(l)), onlyXlsx: xlsx.filter((l) => !wps.includes(l)) }).toEqual({ onlyWps: [], onlyXlsx: [] });
  });
});
