import { Campaign, campaignDays } from './campaign';
import { Submission, unitFound } from './consolidate';
import { Day, isoFromDay } from './dates';
import { OutCell, OutSheet, Style } from './plan';
import { fitCell } from './text';
import { cleanUnitName, unitKey } from './unit-name';

/**
 * What each unit owes the county (notice 四.3): the 摸排统计表 and the 2024 年度学习培训计划 by 6月5日, the 自查自纠工作报告
 * by 7月25日, each with the day it came (the file's modification time) and 按时 / 逾期 / 未报. The inbox is a folder
 * with a subfolder per unit, or files named by unit, or both; a roster names its unit on its 填报单位 line.
 */
export type DeliverableKind = 'roster' | 'plan' | 'report';
export const DELIVERABLE_ZH: Record<DeliverableKind, string> = { roster: '摸排统计表', plan: '学习培训计划', report: '自查自纠工作报告' };

export interface InboxFile {
  file: string;
  /** the inbox's subfolder the file is in (a unit's folder), if any */
  folder?: string;
  received: Day;
  /** the unit a roster names (its 填报单位), when the file was read as one */
  unit?: string;
  /** read as a roster: a 摸排统计表 whatever its name */
  roster?: boolean;
  /** the document's title or first lines, when the host could read them (.docx, .xlsx) */
  title?: string;
}

/** Excel's lock files (~$名称.xlsx) and hidden files, in a folder or under one: never a unit's material */
export const isLockOrHidden = (name: string) => /(^|[\\/])(~\$|\.)/.test(name);

const PLAN = /培训计划/;
const REPORT = /自查自纠.*报告|自查.*报告|清理.*报告|工作报告/;
const ROSTER = /摸排统计表|摸排表|统计表/;

/** A file's deliverable, from its name, else its title; a read roster is a 摸排统计表. */
export function kindOf(f: Pick<InboxFile, 'file' | 'roster' | 'title'>): DeliverableKind | null {
  if (f.roster) return 'roster';
  const name = (f.file.split(/[\\/]/).pop() ?? f.file).replace(/\.[^.]+$/, '');
  for (const text of [name, f.title ?? '']) {
    if (PLAN.test(text)) return 'plan';
    if (REPORT.test(text)) return 'report';
    if (ROSTER.test(text)) return 'roster';
  }
  return null;
}

export type UnitMatch = { unit: number } | { ambiguous: number[] } | null;

/**
 * Which of the units a text names (a 填报单位, a folder's or a file's name), compared as unitKey writes them: the
 * unit whose key is the text's, else the one whose key the text contains. A key inside another matched key
 * gives way to it (市场监管局 inside 市场监管局稽查大队). Two units left: ambiguous, reported, never guessed.
 */
export function matchUnit(text: string, keys: string[]): UnitMatch {
  const t = unitKey(text);
  if (!t) return null;
  const exact = keys.flatMap((k, i) => (k && k === t ? [i] : []));
  if (exact.length === 1) return { unit: exact[0] };
  if (exact.length > 1) return { ambiguous: exact };
  const within = keys.flatMap((k, i) => (k.length >= 2 && t.includes(k) ? [i] : []));
  const kept = within.filter((i) => !within.some((j) => j !== i && keys[j] !== keys[i] && keys[j].includes(keys[i])));
  if (kept.length === 1) return { unit: kept[0] };
  if (kept.length > 1) return { ambiguous: kept };
  return null;
}

export type DeliveryStatus = '按时' | '逾期' | '未报';
export interface DeliveryItem { status: DeliveryStatus; received?: Day; files: string[] }
export interface Delivery {
  unit: string;
  items: Record<DeliverableKind, DeliveryItem>;
  /** the roster's check (合格 / 有问题 / 格式不符), from the merge's 报送情况 */
  check?: Submission['status'];
  notes: string[];
}

export interface Deliveries {
  rows: Delivery[];
  /** files no unit or no deliverable could be found for, with why */
  unplaced: { file: string; reason: string }[];
}

const base = (f: string) => f.split(/[\\/]/).pop() ?? f;

/**
 * Each unit's deliverables: the expected units (or, without a list, the units the rosters name), each file given
 * to the unit its roster, its folder or its name names, in that order.
 */
export function deliveries(files: InboxFile[], expected: string[], campaign: Campaign, submissions: Submission[] = []): Deliveries {
  const days = campaignDays(campaign);
  const due: Record<DeliverableKind, Day> = { roster: days.rosterDue, plan: days.rosterDue, report: days.reportDue };
  // the expected units, then any other unit the merge's 报送情况 has (a roster from a unit not on the list), then rosters'
  // each name's key made once, and looked up, not compared with every unit (a county of 1,000 units)
  const units = [...expected];
  const keys = units.map(unitKey);
  const known = new Set(keys);
  const add = (u: string) => {
    const k = unitKey(u);
    if (!u || known.has(k)) return;
    known.add(k);
    units.push(u);
    keys.push(k);
  };
  for (const s of submissions) add(s.unit);
  for (const f of files) if (f.unit) add(cleanUnitName(f.unit));
  const byFile = new Map(submissions.flatMap((x) => x.files.map((file) => [file, x] as const)).reverse());
  const byKey = new Map(submissions.map((x) => [unitKey(x.unit), x] as const).reverse());
  const at = new Map(keys.map((k, i) => [k, i] as const).reverse());
  const rows: Delivery[] = units.map((unit) => ({
    unit, notes: [],
    items: { roster: { status: '未报', files: [] }, plan: { status: '未报', files: [] }, report: { status: '未报', files: [] } },
  }));
  const unplaced: Deliveries['unplaced'] = [];
  for (const f of files) {
    // a file the merge's 报送情况 gave to a unit (by its 填报单位, or an unreadable one by its name) is that unit's
    // roster, whatever its name says (乾佑.csv), unless its name or title says it is another deliverable; one given to
    // no unit (a sign-in sheet, under its own name) is not
    const sub = byFile.get(f.file);
    const kind = kindOf(f) ?? (sub && unitFound(sub) ? 'roster' : null);
    if (!kind) continue; // not a deliverable (an attachment, a photo): not the tracker's business
    let placed: number | undefined = sub ? at.get(unitKey(sub.unit)) : undefined;
    let doubt: string | undefined;
    if (placed === undefined) for (const [what, text] of [['填报单位', f.unit], ['文件夹名', f.folder], ['文件名', base(f.file).replace(/\.[^.]+$/, '')]] as const) {
      if (!text) continue;
      const m = matchUnit(text, keys);
      if (!m) continue;
      if ('unit' in m) {
        placed = m.unit;
        break;
      }
      doubt = `${what}「${text}」同时对应${m.ambiguous.map((i) => `「${units[i]}」`).join('')}，无法确定属于哪个单位，未计入。请把文件放进该单位的文件夹，或在文件名中写明单位全称。`;
      break;
    }
    if (placed === undefined) {
      unplaced.push({ file: f.file, reason: doubt ?? `「${base(f.file)}」（${DELIVERABLE_ZH[kind]}）的${f.unit ? `填报单位「${f.unit}」、` : ''}${f.folder ? '文件夹名、' : ''}文件名都对不上${expected.length ? '应报单位名单中的' : '任何'}单位，未计入。请在文件名中写明单位名称，或放进以单位命名的文件夹。` });
      continue;
    }
    const item = rows[placed].items[kind];
    item.files.push(f.file);
    if (item.received === undefined || f.received < item.received) item.received = f.received;
    item.status = item.received <= due[kind] ? '按时' : '逾期';
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const s = byKey.get(keys[i]);
    if (s) r.check = s.status;
    if (s?.note) r.notes.push(s.note);
  }
  return { rows, unplaced };
}

const c = (v: string | number | null, style?: Style): OutCell => ({ v: typeof v === 'string' ? fitCell(v) : v, style });
const STATUS_STYLE: Record<DeliveryStatus, Style> = { 按时: 'green', 逾期: 'yellow', 未报: 'red' };

/**
 * 报送情况 with the deliverables: a row per unit, each deliverable's day received and 按时 / 逾期 / 未报, the roster's
 * check, the files, and a note; files that could not be placed follow.
 */
export function deliveriesSheet(d: Deliveries, campaign: Campaign, checkDate: Day): OutSheet {
  const days = campaignDays(campaign);
  // 单位 and 报送情况 stay in columns B and C, as in the plain 报送情况
  const head = ['序号', '单位', '报送情况', '摸排统计表', '状态', '培训计划', '状态', '自查报告', '状态', '文件', '备注'];
  const item = (i: DeliveryItem) => [c(i.received === undefined ? '' : isoFromDay(i.received), 'cell'), c(i.status, STATUS_STYLE[i.status])];
  const notDue = (k: DeliverableKind, i: DeliveryItem) => (i.status === '未报' && checkDate <= (k === 'report' ? days.reportDue : days.rosterDue) ? `${DELIVERABLE_ZH[k]}未到截止日` : '');
  const rows: OutCell[][] = [
    head.map((h) => c(h, 'header')),
    ...d.rows.map((r, i) => [
      c(i + 1, 'number'), c(r.unit, 'cell'),
      c(r.check ?? '未报送', r.check === '合格' ? 'green' : r.check && r.check !== '未报送' ? 'yellow' : 'red'),
      ...item(r.items.roster), ...item(r.items.plan), ...item(r.items.report),
      c([...r.items.roster.files, ...r.items.plan.files, ...r.items.report.files].map(base).join('、'), 'wrap'),
      c([...r.notes, ...(['roster', 'plan', 'report'] as const).map((k) => notDue(k, r.items[k]))].filter(Boolean).join('；'), 'wrap'),
    ]),
    [],
    [c(`截止日：摸排统计表和学习培训计划 ${campaign.rosterDue}，自查自纠工作报告 ${campaign.reportDue}（${campaign.name}）。表中日期为收到日期，即文件的修改时间。`, 'subtitle')],
  ];
  const noteRow = rows.length;
  if (d.unplaced.length) {
    rows.push([c('未能归属的文件', 'subtitle')]);
    for (const u of d.unplaced) rows.push([c(null), c(base(u.file), 'cell'), c(null), c(null), c(null), c(null), c(null), c(null), c(null), c(null), c(u.reason, 'wrap')]);
  }
  return {
    name: '报送情况', rows, headerRow: 1, freezeRows: 1, landscape: true, merges: [`A${noteRow}:K${noteRow}`],
    widths: [6, 24, 16, 12, 6, 12, 6, 12, 6, 36, 44],
  };
}
