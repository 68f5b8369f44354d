import { a1, colLetter, colNumber } from '../core/a1';
import { OutSheet, PALETTE, Plan, SUMMARY_SHEET } from '../core/plan';
import { OUTPUT_SHEETS } from '../core/reader';
import { Capabilities } from './mode';
import { StateRow, STATE_SHEET, stateValues } from './state';

/**
 * Applies the host-neutral plan through Office.js. Work is queued as jobs with an estimated request
 * size and packed into as few context.sync() calls as Excel on the web's 5 MB request limit allows:
 * a constant number for any row count in practice (each category of write fits one request up to tens
 * of thousands of rows). The clerk's own cell formats are never written in full mode: marks are
 * conditional formats on RangeAreas, removed whole by 清除标记.
 */
const ADDRESS_BUDGET = 8000;
/**
 * Our conditional formats' rule: always TRUE, and recognisable, so that 清除标记 finds every one of them
 * by its formula, even those of a run that failed before it could record them.
 */
export const MARK_FORMULA = '=ISTEXT("cert-sweep")';
const STANDARD_WIDTH = 48;

/** Our conditional formats on each sheet, by id, from a collection loaded with their formulas. */
export function ourConditionalFormats(items: { id: string; customOrNullObject: { isNullObject: boolean; rule: { formula: string } } }[]): Set<string> {
  return new Set(items.filter((c) => !c.customOrNullObject.isNullObject && c.customOrNullObject.rule.formula === MARK_FORMULA).map((c) => c.id));
}
const enc = new TextEncoder();
const size = (v: unknown) => enc.encode(JSON.stringify(v)).length + 64;

type Job = { bytes: number; queue: () => void };

/** Run the jobs in as few syncs as the request budget allows, in order. */
export async function runJobs(ctx: Excel.RequestContext, jobs: Job[], budget: number): Promise<void> {
  let i = 0;
  while (i < jobs.length) {
    let used = 0;
    while (i < jobs.length && (used === 0 || used + jobs[i].bytes <= budget)) {
      used += jobs[i].bytes;
      jobs[i++].queue();
    }
    await ctx.sync();
  }
}

/** "J5,J6,J7,K9" → "J5:J7,K9": runs down a column, then chunks of at most 8,000 characters. */
export function addressChunks(cells: { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row === sorted[j].row + 1) j++;
    parts.push(i === j ? a1(sorted[i].row, sorted[i].col) : `${a1(sorted[i].row, sorted[i].col)}:${a1(sorted[j].row, sorted[j].col)}`);
    i = j + 1;
  }
  const chunks: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur && cur.length + 1 + p.length > ADDRESS_BUDGET) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${p}` : p;
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/** Clerk text that Excel would take for a formula is written as text. */
function asText(v: string | number | null): string | number {
  if (v === null) return '';
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

interface CfStyle {
  fill?: string;
  font?: string;
  bold?: boolean;
  border?: string;
}

const hex = (rgb: string) => `#${rgb}`;
const CF_STYLES: Record<string, CfStyle> = {
  red: { fill: hex(PALETTE.red.fill), font: hex(PALETTE.red.font) },
  yellow: { fill: hex(PALETTE.yellow.fill), font: hex(PALETTE.yellow.font) },
  green: { fill: hex(PALETTE.green.fill), font: hex(PALETTE.green.font) },
  finding: { border: hex(PALETTE.finding.border) },
  findingFill: { fill: hex(PALETTE.finding.fill) },
  header: { fill: hex(PALETTE.header.fill), bold: true },
};

export interface WriteInput {
  plan: Plan;
  caps: Capabilities;
  previous: StateRow[];
  /** our conditional formats still in each sheet (found by MARK_FORMULA) */
  liveConditionalFormats: Map<string, Set<string>>;
  sheetNames: string[];
  /** sheet!cell → comment thread id, where comments carry the messages */
  commentCells?: Map<string, string>;
}

export async function writePlan(ctx: Excel.RequestContext, input: WriteInput): Promise<{ marked: number }> {
  const { plan, caps } = input;
  const sheets = ctx.workbook.worksheets;
  const state: StateRow[] = [];
  const clear = clearJobs(ctx, input);

  // Compatibility mode marks with plain fills: read each marked cell's fill (after undoing the last run's) first.
  const fills: { sheet: string; address: string; fill?: Excel.RangeFill }[] = [];
  if (caps.mode === 'basic') {
    const reads: Job[] = plan.marks.map((m) => {
      const f: (typeof fills)[number] = { sheet: m.sheet, address: a1(m.row, m.col) };
      fills.push(f);
      return { bytes: 120, queue: () => void (f.fill = sheets.getItem(m.sheet).getRange(f.address).format.fill.load('color')) };
    });
    await runJobs(ctx, [...clear, ...reads], caps.payloadBudget);
    clear.length = 0;
  }

  // The state is written before anything it records, so a run cut short can still be undone; it is
  // completed (widths, notes, comments) in the last round. Its rows are read when the job is queued.
  const stateJob: Job = {
    bytes: 0, // set once every row it records is known, below
    queue: () => {
      const ws = sheets.add(STATE_SHEET);
      ws.visibility = 'VeryHidden';
      const rows = stateValues(state);
      if (rows.length) ws.getRange(`A1:D${rows.length}`).values = rows;
    },
  };
  const jobs: Job[] = [...clear, stateJob];
  const widthReads: { row: StateRow; formats: Excel.RangeFormat[] }[] = [];
  // result columns: values only (their look comes from conditional formats), widths remembered
  for (const b of plan.columns) {
    const last = b.rows.reduce((m, r) => Math.max(m, r.row), b.headerRow);
    const byRow = new Map(b.rows.map((r) => [r.row, r.values]));
    const values = Array.from({ length: last - b.headerRow + 1 }, (_, i) =>
      i === 0 ? b.headers : (byRow.get(b.headerRow + i) ?? b.headers.map(() => '')).map((v) => asText(v)));
    const stateRow: StateRow = ['values', b.sheet, `${a1(b.headerRow, b.col)}:${a1(last, b.col + b.headers.length - 1)}`, ''];
    state.push(stateRow);
    if (caps.sheetFormat) jobs.push({
      bytes: 300,
      queue: () => void widthReads.push({
        row: stateRow,
        formats: b.headers.map((_, k) => sheets.getItem(b.sheet).getRange(`${colLetter(b.col + k)}:${colLetter(b.col + k)}`).format.load('columnWidth')),
      }),
    });
    const step = Math.max(1, Math.floor(caps.payloadBudget / 2 / Math.max(1, size(values) / values.length)));
    for (let i = 0; i < values.length; i += step) {
      const part = values.slice(i, i + step);
      jobs.push({
        bytes: size(part),
        queue: () => {
          const r0 = b.headerRow + i;
          sheets.getItem(b.sheet).getRange(`${a1(r0, b.col)}:${a1(r0 + part.length - 1, b.col + b.headers.length - 1)}`).values = part;
        },
      });
    }
    if (caps.sheetFormat) jobs.push({
      bytes: 300,
      queue: () => {
        [10, 48, 30].forEach((w, k) => (sheets.getItem(b.sheet).getRange(`${colLetter(b.col + k)}:${colLetter(b.col + k)}`).format.columnWidth = w * 6));
      },
    });
  }

  // marks
  const noteChecks: { sheet: string; address: string; note: string; probe?: Excel.Note }[] = [];
  const commentAdds: { sheet: string; address: string; note: string }[] = [];
  if (caps.mode === 'full') {
    const groups = new Map<string, { sheet: string; style: string; cells: { row: number; col: number }[] }>();
    const add = (sheet: string, style: string, row: number, col: number) => {
      const key = `${sheet}\u0000${style}`;
      if (!groups.has(key)) groups.set(key, { sheet, style, cells: [] });
      groups.get(key)!.cells.push({ row, col });
    };
    for (const m of plan.marks) {
      if (m.verdict) add(m.sheet, m.verdict, m.row, m.col);
      if (m.finding) add(m.sheet, 'finding', m.row, m.col);
      if (m.finding && !m.verdict) add(m.sheet, 'findingFill', m.row, m.col);
      if (m.finding && m.note && caps.notes) noteChecks.push({ sheet: m.sheet, address: a1(m.row, m.col), note: m.note });
      if (m.finding && m.note && caps.comments && !caps.notes) commentAdds.push({ sheet: m.sheet, address: a1(m.row, m.col), note: m.note });
    }
    for (const b of plan.columns) {
      for (let k = 0; k < b.headers.length; k++) add(b.sheet, 'header', b.headerRow, b.col + k);
      for (const r of b.rows) if (r.verdict && r.verdict !== 'none') add(b.sheet, r.verdict, r.row, b.col);
    }
    for (const g of groups.values()) {
      for (const chunk of addressChunks(g.cells)) {
        jobs.push({
          bytes: chunk.length + 600,
          queue: () => {
            const cf = sheets.getItem(g.sheet).getRanges(chunk).conditionalFormats.add('Custom');
            cf.custom.rule.formula = MARK_FORMULA;
            const s = CF_STYLES[g.style];
            if (s.fill) cf.custom.format.fill.color = s.fill;
            if (s.font) cf.custom.format.font.color = s.font;
            if (s.bold) cf.custom.format.font.bold = true;
            if (s.border) {
              for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
                const border = cf.custom.format.borders.getItem(edge);
                border.style = 'Continuous';
                border.color = s.border;
              }
            }
          },
        });
      }
    }
    // which finding cells already carry the clerk's own note: those keep it, ours goes to the pane and sheet
    for (const n of noteChecks) {
      jobs.push({ bytes: 120, queue: () => void (n.probe = sheets.getItem(n.sheet).notes.getItemOrNullObject(n.address)) });
    }
  } else {
    for (let i = 0; i < plan.marks.length; i++) {
      const m = plan.marks[i];
      const colour = m.verdict ? PALETTE[m.verdict].fill : PALETTE.finding.fill;
      const original = fills[i].fill?.color ?? '';
      state.push(['fill', m.sheet, fills[i].address, original]);
      jobs.push({ bytes: 150, queue: () => void (sheets.getItem(m.sheet).getRange(fills[i].address).format.fill.color = hex(colour)) });
    }
  }
  stateJob.bytes = size(stateValues(state));
  await runJobs(ctx, jobs, caps.payloadBudget);

  // second round: notes where the cell had none, the product's sheets, and the state of this run
  const late: Job[] = [];
  for (const n of noteChecks) {
    if (n.probe && !n.probe.isNullObject) continue;
    state.push(['note', n.sheet, n.address]);
    late.push({ bytes: size(n.note), queue: () => void sheets.getItem(n.sheet).notes.add(n.address, n.note) });
  }
  // comments where the cell had none (ours from the last run are gone by now; the clerk's stay)
  const ours = new Set(input.previous.filter((r) => r[0] === 'comment').map((r) => `${r[1]}!${r[2]}`));
  for (const n of commentAdds) {
    const key = `${n.sheet}!${n.address}`;
    if (input.commentCells?.has(key) && !ours.has(key)) continue;
    state.push(['comment', n.sheet, n.address]);
    late.push({ bytes: size(n.note), queue: () => void ctx.workbook.comments.add(`'${n.sheet.replace(/'/g, "''")}'!${n.address}`, n.note) });
  }
  for (const s of plan.sheets) late.push(...sheetJobs(ctx, s, caps));
  for (const w of widthReads) w.row[3] = JSON.stringify(w.formats.map((f) => f.columnWidth));
  const rows = stateValues(state);
  late.push({ bytes: size(rows), queue: () => void (rows.length && (sheets.getItem(STATE_SHEET).getRange(`A1:D${rows.length}`).values = rows)) });
  await runJobs(ctx, late, caps.payloadBudget);
  return { marked: plan.marks.length };
}

/** Undo the last run: our conditional formats, notes, result values and widths, fills, and sheets. */
export function clearJobs(ctx: Excel.RequestContext, input: Omit<WriteInput, 'plan'>): Job[] {
  const sheets = ctx.workbook.worksheets;
  const jobs: Job[] = [];
  const exists = (name: string) => input.sheetNames.includes(name);
  for (const [sheet, ids] of input.liveConditionalFormats) {
    if (!exists(sheet)) continue;
    for (const id of ids) jobs.push({ bytes: 120, queue: () => sheets.getItem(sheet).getRange().conditionalFormats.getItem(id).delete() });
  }
  for (const r of input.previous) {
    const [kind, sheet, where] = r;
    if (!exists(sheet)) continue;
    if (kind === 'note') {
      jobs.push({ bytes: 120, queue: () => sheets.getItem(sheet).notes.getItemOrNullObject(where).delete() });
    } else if (kind === 'comment') {
      const id = input.commentCells?.get(`${sheet}!${where}`);
      if (id) jobs.push({ bytes: 120, queue: () => ctx.workbook.comments.getItem(id).delete() });
    } else if (kind === 'values') {
      // widths are recorded at the end of a run; one cut short gets Excel's standard width (8.43 characters) back
      const span = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(where);
      const count = span ? colNumber(span[2]) - colNumber(span[1]) + 1 : 0;
      const widths = !input.caps.sheetFormat ? [] : r[3] ? (JSON.parse(r[3]) as number[]) : Array.from({ length: count }, () => STANDARD_WIDTH);
      jobs.push({
        bytes: 300,
        queue: () => {
          const range = sheets.getItem(sheet).getRange(where);
          range.clear('Contents');
          const first = /^([A-Z]+)/.exec(where)![1];
          widths.forEach((w, k) => {
            const col = colLetter(colNumber(first) + k);
            sheets.getItem(sheet).getRange(`${col}:${col}`).format.columnWidth = w;
          });
        },
      });
    } else if (kind === 'fill') {
      const original = r[3];
      jobs.push({
        bytes: 150,
        queue: () => {
          const fill = sheets.getItem(sheet).getRange(where).format.fill;
          if (!original || original.toUpperCase() === '#FFFFFF') fill.clear();
          else fill.color = original;
        },
      });
    }
  }
  // the product's sheets: a unit's (校验结果, 汇总) and the county's (明细, 报送情况), and the state
  for (const name of OUTPUT_SHEETS) {
    if (exists(name)) jobs.push({ bytes: 80, queue: () => sheets.getItem(name).delete() });
  }
  return jobs;
}

function sheetJobs(ctx: Excel.RequestContext, s: OutSheet, caps: Capabilities): Job[] {
  const sheets = ctx.workbook.worksheets;
  const width = s.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = s.rows.map((r) =>
    Array.from({ length: width }, (_, k) => {
      const c = r[k];
      if (!c) return '';
      if (c.link) return `=HYPERLINK("#${c.link.replace(/"/g, '""')}","${String(c.v ?? '').replace(/"/g, '""')}")`;
      return asText(c.v);
    }));
  const jobs: Job[] = [{ bytes: 100, queue: () => void sheets.add(s.name) }];
  const step = Math.max(1, Math.floor(caps.payloadBudget / 2 / Math.max(1, size(values) / Math.max(1, values.length))));
  for (let i = 0; i < values.length; i += step) {
    const part = values.slice(i, i + step);
    jobs.push({ bytes: size(part), queue: () => void (sheets.getItem(s.name).getRange(`A${i + 1}:${colLetter(width)}${i + part.length}`).values = part) });
  }
  jobs.push({
    bytes: 1500,
    queue: () => {
      const ws = sheets.getItem(s.name);
      const header = ws.getRange(`A${s.headerRow}:${colLetter(width)}${s.headerRow}`);
      header.format.font.bold = true;
      header.format.fill.color = hex(PALETTE.header.fill);
      if (caps.sheetFormat) s.widths.forEach((w, k) => (ws.getRange(`${colLetter(k + 1)}:${colLetter(k + 1)}`).format.columnWidth = w * 6));
      if (s.name === SUMMARY_SHEET && caps.sheetFormat) {
        ws.getRange('A1').format.font.bold = true;
        for (const m of s.merges) ws.getRange(m).merge(false);
      }
      if (caps.hyperlinks) ws.freezePanes.freezeRows(s.freezeRows);
      if (s.chart && caps.mode === 'full') {
        // 红, 黄 and 绿 stand side by side: one block, with their header row naming the series
        const first = s.chart.series[0].range.split(':')[0].replace(/\d+$/, '');
        const last = s.chart.series[s.chart.series.length - 1].range.split(':')[1];
        const chart = ws.charts.add('ColumnStacked', ws.getRange(`${first}${s.headerRow}:${last}`), 'Columns');
        chart.title.text = s.chart.title;
        chart.setPosition(s.chart.anchor);
      }
    },
  });
  return jobs;
}
