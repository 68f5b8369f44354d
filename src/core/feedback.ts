import { campaignDays, campaignOf, fullDate, PartialCampaign } from './campaign';
import { Consolidated, unitFound } from './consolidate';
import { CrossFinding, FileCheck } from './cross/context';
import { Day, isoFromDay } from './dates';
import { PersonVerdict } from './engine';
import { maskId, maskIdsIn } from './idnumber';
import { LEVEL_ZH, OutCell, OutSheet, Style, VERDICT_ZH } from './plan';
import { Finding } from './rule';
import { summarize, totalOf } from './summary';
import { FEEDBACK_HEAD, FEEDBACK_SHEET } from './feedback-layout';
import { fitCell } from './text';
import { cleanUnitName, unitKey } from './unit-name';

/**
 * The county's feedback to each unit after a merge: a workbook the unit prints, stamps and works through in
 * 自查自纠 (notice 二, 第二阶段). It lists the unit's own findings and the cross-unit ones (X01/X02), which no unit
 * can see in its own file, said from the unit's side. Another unit's people appear only as far as the conflict
 * needs: their name and unit, the ID number masked. The unit's own ID numbers are masked too unless the caller
 * asks for them whole (--full-ids): the workbook is sent out.
 */
export interface UnitFeedback {
  /** the unit's name as its form gives it (or the expected list, or the file's name for an unreadable file) */
  unit: string;
  /** its files, for the workbook's name and header */
  files: string[];
  sheets: OutSheet[];
  /** findings listed, and of them cross-unit */
  findings: number;
  cross: number;
}

/** A unit's feedback workbook's name, safe on every file system: 城关镇人民政府_反馈意见.xlsx */
export function feedbackFileName(unit: string): string {
  const safe = unit.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 60) || '单位';
  return `${safe}_反馈意见.xlsx`;
}

export interface FeedbackOptions {
  checkDate: Day;
  generatedAt: string;
  profile: { name: string; version: string; campaign?: PartialCampaign };
  /** the county's contact line; empty or absent: the campaign's, else a line for the clerk to fill in */
  contact?: string;
  /** the unit's own ID numbers whole (the user asked for them); another unit's are always masked */
  fullIds?: boolean;
  /** the county's name on the header (default: the campaign's) */
  county?: string;
}

const base = (f: string) => f.split(/[\\/]/).pop() ?? f;
const c = (v: string | number | null, style?: Style): OutCell => ({ v: typeof v === 'string' ? fitCell(v) : v, style });
const BLANK_CONTACT = '联系人：＿＿＿＿＿＿＿＿　　联系电话：＿＿＿＿＿＿＿＿＿＿';

type Copy = { unit: string; p: PersonVerdict };

/** Who else holds a person's ID number or certificate number, in other units: for explaining X01 and X02. */
class Elsewhere {
  private readonly byId = new Map<string, Copy[]>();
  private readonly byCert = new Map<string, Copy[]>();

  constructor(files: FileCheck[]) {
    for (const f of files) {
      const unit = f.result?.unit ?? '';
      for (const p of f.result?.people ?? []) {
        if (p.idNumber.length >= 15) push(this.byId, p.idNumber, { unit, p });
        if (p.certNumber) push(this.byCert, p.certNumber, { unit, p });
      }
    }
  }

  others(kind: 'id' | 'cert', p: PersonVerdict, unit: string): Copy[] {
    const list = (kind === 'id' ? this.byId.get(p.idNumber) : this.byCert.get(p.certNumber)) ?? [];
    return list.filter((o) => unitKey(o.unit) !== unitKey(unit));
  }
}
function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

/** "县市场监督管理局报送的人员「谢军」" for each other copy, joined */
const named = (others: Copy[]) => others.map((o) => `${cleanUnitName(o.unit) || '另一单位'}报送的人员「${o.p.name || '（无姓名）'}」`).join('、');

/**
 * A cross-unit finding said from the unit's side: who else, in which unit, holds the same ID or certificate
 * number; nothing of the other unit's workbook beyond that.
 */
export function crossFromSide(x: CrossFinding, self: PersonVerdict | undefined, unit: string, elsewhere: Elsewhere, fullIds: boolean): string {
  if (x.rule === 'X01' && self) {
    const others = elsewhere.others('id', self, unit);
    const id = fullIds ? self.idNumber : maskId(self.idNumber);
    const live = x.messageId === 'bothLive';
    return `身份证号码（${id}）与${named(others) || '其他单位报送的人员'}重复${live ? '，且两处均持有效证件' : '，请核实人员归属'}。`;
  }
  if (x.rule === 'X02' && self) {
    const others = elsewhere.others('cert', self, unit);
    return `执法证号「${self.certNumber}」同时登记在${named(others) || '其他单位的其他人员'}名下，请核对证件原件。`;
  }
  // X03 (sent twice, not a roster) and X04 (headers) are about the unit's own files: said as they are, IDs masked
  return maskIdsIn(x.message);
}

const colourOf = (f: Finding): string => (f.colour ? VERDICT_ZH[f.colour] : LEVEL_ZH[f.level]);
const styleOf = (f: Finding): Style => (f.colour ?? 'cell');

const FEEDBACK_WIDTHS = [6, 6, 9, 18, 9, 8, 9, 54, 30, 14, 20];

/**
 * One workbook's sheets per unit: every unit with a file (read or not), and every expected unit that sent
 * nothing (told what to send and by when).
 */
export function feedbackForUnits(m: Consolidated, expected: string[], opts: FeedbackOptions): UnitFeedback[] {
  const elsewhere = new Elsewhere(m.files);
  const byUnit = new Map<string, { unit: string; files: FileCheck[] }>();
  // each file's first submission row, looked up (a county of 1,000 units), not searched for each file
  const submissionOf = new Map(m.submissions.flatMap((s) => s.files.map((file) => [file, s] as const)).reverse());
  for (const f of m.files) {
    const unit = f.result?.unit ? cleanUnitName(f.result.unit) : '';
    // a file nothing could be read from: its submission row names its unit, when one matched
    const sub = submissionOf.get(f.file);
    const name = unit || (sub && unitFound(sub) ? sub.unit : `（${base(f.file)}）`);
    const key = unitKey(name) || f.file;
    const g = byUnit.get(key);
    if (g) g.files.push(f);
    else byUnit.set(key, { unit: name, files: [f] });
  }
  const out = [...byUnit.values()].map((g) => unitFeedback(g.unit, g.files, m.cross, elsewhere, opts));
  for (const unit of expected) {
    if (byUnit.has(unitKey(unit)) || out.some((u) => unitKey(u.unit) === unitKey(unit))) continue;
    out.push(unitFeedback(unit, [], [], elsewhere, opts));
  }
  return out;
}

function unitFeedback(unit: string, files: FileCheck[], cross: CrossFinding[], elsewhere: Elsewhere, opts: FeedbackOptions): UnitFeedback {
  const camp = campaignOf(opts.profile);
  const days = campaignDays(camp);
  const fullIds = !!opts.fullIds;
  const county = opts.county ?? camp.county;
  const contact = (opts.contact ?? '').trim() || camp.contact.trim();
  const mine = new Set(files.map((f) => f.file));
  const ok = files.filter((f) => f.status === 'ok' && f.result);
  const total = totalOf(ok.flatMap((f) => summarize(f.result!, 'file')));
  const xs = cross.filter((x) => mine.has(x.file));
  const personAt = (file: string, sheet: string, row: number) => files.find((f) => f.file === file)?.result?.people.find((p) => p.sheet === sheet && p.row === row);
  const due = fullDate(days.fixDue);
  const rows: OutCell[][] = [];
  let n = 0;
  const line = (f: Finding, file: string, message: string) => {
    rows.push([
      c(++n, 'number'), c(f.rule, 'cell'), c(colourOf(f), styleOf(f)), c(base(file), 'cell'), c(f.sheet, 'cell'), c(f.cell, 'cell'), c(f.name, 'cell'),
      c(message, 'wrap'), c(f.action, 'wrap'), c(due, 'cell'), c('', 'cell'),
    ]);
  };
  // the unit's files that could not be used come first: nothing else can be checked until they are sent again
  for (const f of files) {
    if (f.status === 'ok') continue;
    rows.push([c(++n, 'number'), c('—', 'cell'), c('错误', 'red'), c(base(f.file), 'cell'), c('', 'cell'), c('', 'cell'), c('', 'cell'),
      c(maskIdsIn(f.message), 'wrap'), c('按说明处理后重新报送', 'wrap'), c(fullDate(days.rosterDue), 'cell'), c('', 'cell')]);
  }
  for (const f of ok) for (const x of f.result!.findings) line(x, f.file, fullIds ? x.message : maskIdsIn(x.message));
  for (const x of xs) line(x, x.file, crossFromSide(x, personAt(x.file, x.sheet, x.row), unit, elsewhere, fullIds));

  const width = FEEDBACK_HEAD.length;
  const last = String.fromCharCode(64 + width);
  const sent = files.length ? files.map((f) => base(f.file)).join('、') : '（未收到）';
  const verdict = files.length === 0
    ? `未收到本单位的摸排统计表。请于 ${fullDate(days.rosterDue)}前将摸排统计表和 2024 年度行政执法学习培训计划报送${county}（已过期限的请尽快报送）。`
    : ok.length === 0
      ? '报送的文件无法作为摸排统计表使用，见下表，请按说明处理后重新报送。'
      : `执法人员 ${total.people} 人，持证 ${total.holders} 人；红 ${total.red} 人、黄 ${total.yellow} 人、绿 ${total.green} 人；问题 ${n} 项，其中跨单位核查发现 ${xs.length} 项。`;
  const head: OutCell[][] = [
    [c('行政执法证件专项清理摸排统计表审核反馈意见', 'title')],
    [c(`单位：${unit}　　报送文件：${sent}`, 'subtitle')],
    [c(`核查日期：${isoFromDay(opts.checkDate)}　　规则配置：${opts.profile.name}（版本 ${opts.profile.version}）　　依据：${camp.name}　　生成时间：${opts.generatedAt}`, 'subtitle')],
    [c(`审核结果：${verdict}`, 'subtitle')],
    [c(`整改要求：请于 ${due}前（自查自纠阶段）逐项核实整改，在“整改情况”列写明结果，并重新报送更正后的摸排统计表；`, 'subtitle')],
    [c(`　　　　　于 ${fullDate(days.reportDue)}前将自查自纠工作报告报送${county}。跨单位问题请与所列单位核对，人员调动的由原单位注销收回旧证。`, 'subtitle')],
    [c(`${county}　${contact || BLANK_CONTACT}`, 'subtitle')],
    [c(fullIds ? '身份证号码：完整显示（按用户要求）；其他单位人员的身份证号码已脱敏' : '身份证号码：已脱敏（仅显示前 6 位和后 4 位）', 'subtitle')],
  ];
  const headerRow = head.length + 1;
  const table: OutCell[][] = [FEEDBACK_HEAD.map((h) => c(h, 'header')), ...rows];
  if (!rows.length) table.push([c('', 'cell'), c('', 'cell'), c('', 'cell'), c('', 'cell'), c('', 'cell'), c('', 'cell'), c('', 'cell'), c(files.length ? '未发现问题。' : '未收到摸排统计表。', 'wrap')]);
  const all = [...head, ...table, [], [c('整改责任人：　　　　　　　审核人：　　　　　　　联系电话：　　　　　　　　（单位盖章）　　　　年　　月　　日', 'subtitle')]];
  const sheet: OutSheet = {
    name: FEEDBACK_SHEET, rows: all, widths: FEEDBACK_WIDTHS, headerRow, freezeRows: headerRow, landscape: true,
    merges: [...head.map((_, i) => `A${i + 1}:${last}${i + 1}`), `A${all.length}:${last}${all.length}`],
    printArea: `A1:${last}${all.length}`,
  };
  const sheets = [sheet];
  const flagged = ok.flatMap((f) => f.result!.people.filter((p) => p.colour === 'red' || p.colour === 'yellow'));
  if (flagged.length) sheets.push(peopleSheet(flagged, fullIds));
  return { unit, files: files.map((f) => f.file), sheets, findings: n, cross: xs.length };
}

/** 红黄人员: the unit's own people marked 红 or 黄, red first, for working through the list. */
function peopleSheet(people: PersonVerdict[], fullIds: boolean): OutSheet {
  const sorted = [...people].sort((a, b) => (a.colour === b.colour ? 0 : a.colour === 'red' ? -1 : 1));
  return {
    name: '红黄人员', headerRow: 1, freezeRows: 1, landscape: true, merges: [], widths: [6, 10, 8, 10, 21, 26, 18, 8, 24],
    rows: [
      ['序号', '工作表', '行号', '姓名', '身份证号码', '执法主体', '执法证号', '结论', '规则'].map((h) => c(h, 'header')),
      ...sorted.map((p, i) => [
        c(i + 1, 'number'), c(p.sheet, 'cell'), c(p.row, 'number'), c(p.name, 'cell'), c(fullIds ? p.idNumber : maskId(p.idNumber), 'cell'),
        c(p.agency, 'cell'), c(p.certNumber, 'cell'), c(VERDICT_ZH[p.colour], p.colour as Style), c(p.rules.join('、'), 'cell'),
      ]),
    ],
  };
}
