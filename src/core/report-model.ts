import { campaignDays, campaignOf, fullDate, PartialCampaign } from './campaign';
import { progressTotals } from './campaign-run';
import { Consolidated } from './consolidate';
import { CROSS_RULES } from './cross';
import { Day } from './dates';
import { DELIVERABLE_ZH, Deliveries, DeliverableKind } from './deliverables';
import { CheckResult } from './engine';
import { Progress } from './rounds';
import { RULES } from './rules';
import { Finding } from './rule';
import { summarize, SummaryRow, totalOf } from './summary';
import { cleanUnitName } from './unit-name';

/**
 * Report drafts as data, for a host to lay out (src/report/docx.ts): a unit's 自查自纠工作报告 from its check, the
 * county's 专项清理工作总结 from the merge. The numbers are the tool's; the prose is a starting point, and every
 * sentence the clerk must complete is a `fill` run (highlighted in the document).
 */
export type Run = { text: string; fill?: boolean; bold?: boolean };
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'to'; runs: Run[] }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'p'; runs: Run[] }
  | { kind: 'table'; head: string[]; rows: (string | number)[][] }
  | { kind: 'sign'; lines: string[] };
export interface ReportDoc {
  /** for the file's properties */
  title: string;
  blocks: Block[];
}

/** The notice's four categories (三.1 主体资格, 三.2 人员身份, 三.3/三.5 证件管理, 三.4 学习培训) by rule. */
export const CATEGORIES: { name: string; source: string; rules: string[] }[] = [
  { name: '主体资格', source: '通知三.1', rules: ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09'] },
  { name: '人员身份', source: '通知三.2', rules: ['P01', 'P02', 'P03', 'P07', 'P08', 'P14', 'A10', 'A11', 'L02', 'X01'] },
  { name: '证件管理', source: '通知三.3、三.5', rules: ['P04', 'P05', 'P06', 'P11', 'P12', 'P13', 'L01', 'L03', 'L04', 'L06', 'X02'] },
  { name: '学习培训', source: '通知三.3、三.4', rules: ['P09', 'P10', 'L05', 'L07'] },
];
const DERIVED = ['P15'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const titleOf = (id: string) => [...RULES, ...CROSS_RULES].find((r) => r.meta.id === id)?.meta.title.zh ?? id;
const actionOf = (id: string) => [...RULES, ...CROSS_RULES].find((r) => r.meta.id === id)?.meta.action.zh ?? '';
const fill = (text: string): Run => ({ text, fill: true });
const t = (text: string): Run => ({ text });
const LISTED = 12;
const names = (list: string[]) => {
  const u = [...new Set(list.filter(Boolean))];
  return u.length > LISTED ? `${u.slice(0, LISTED).join('、')}等 ${u.length} 人` : u.join('、');
};

export interface CategoryCount { name: string; findings: number; subjects: string[]; byRule: { rule: string; title: string; count: number; subjects: string[] }[] }

/** Findings by category: how many, and whom they concern (people's or agencies' names). */
export function byCategory(findings: Finding[]): { categories: CategoryCount[]; data: number } {
  const categories = CATEGORIES.map((c) => {
    const mine = findings.filter((f) => c.rules.includes(f.rule));
    const byRule = c.rules.flatMap((rule) => {
      const fs = mine.filter((f) => f.rule === rule);
      return fs.length ? [{ rule, title: titleOf(rule), count: fs.length, subjects: [...new Set(fs.map((f) => f.name).filter(Boolean))] }] : [];
    });
    return { name: c.name, findings: mine.length, subjects: [...new Set(mine.map((f) => f.name).filter(Boolean))], byRule };
  });
  const known = new Set(CATEGORIES.flatMap((c) => c.rules));
  // P15 (the person's agency is in doubt) follows from the A rules already counted under 主体资格
  return { categories, data: findings.filter((f) => !known.has(f.rule) && !DERIVED.includes(f.rule)).length };
}

function problemsSection(findings: Finding[], who: 'unit' | 'county'): Block[] {
  const { categories, data } = byCategory(findings);
  const out: Block[] = [{ kind: 'h1', text: '二、发现的问题' }];
  const total = categories.reduce((n, c) => n + c.findings, 0);
  out.push({ kind: 'p', runs: [t(`对照通知要求逐项核查，${who === 'unit' ? '本单位' : '全县'}共发现问题 ${total} 项，按类别分述如下。`)] });
  categories.forEach((c, i) => {
    out.push({ kind: 'h2', text: `（${NUMERALS[i]}）${c.name}` });
    if (!c.findings) {
      out.push({ kind: 'p', runs: [t(`${c.name}方面未发现问题。`)] });
      return;
    }
    const parts = c.byRule.map((r) => `${r.title} ${r.count} 项${r.subjects.length ? `（${names(r.subjects)}）` : ''}`);
    out.push({ kind: 'p', runs: [t(`${c.name}方面发现问题 ${c.findings} 项，涉及 ${c.subjects.length} ${c.name === '主体资格' ? '个执法主体' : '人'}：${parts.join('；')}。`)] });
  });
  if (data) out.push({ kind: 'p', runs: [t(`另有填报数据问题 ${data} 项（身份证号码、日期、必填项等），`), fill('【请写明：已在摸排统计表中更正 N 项，尚待核实 N 项。】')] });
  return out;
}

function measuresSection(findings: Finding[], progress: Progress | undefined, fixDue: Day): Block[] {
  const out: Block[] = [{ kind: 'h1', text: '三、整改措施及进展' }];
  // a paragraph a category: its kinds of problem and what the rules say to do, and a sentence for the clerk
  const { categories } = byCategory(findings);
  categories.filter((c) => c.findings).forEach((c, i) => {
    const actions = [...new Set(c.byRule.map((r) => actionOf(r.rule)).filter(Boolean))];
    out.push({ kind: 'p', runs: [t(`${i + 1}. ${c.name}方面（${c.byRule.map((r) => r.title).join('、')}）：${actions.join('；')}。`), fill('【请写明已采取的措施和完成情况。】')] });
  });
  if (progress) {
    const tot = progressTotals(progress);
    out.push({ kind: 'p', runs: [t(`与上一轮（${progress.previous.checkDate}）相比，已整改 ${tot.fixed} 项，仍存在 ${tot.remaining} 项，新增 ${tot.added} 项，整改率 ${tot.rate}；离开名单 ${tot.left} 人，其证件注销收回情况`), fill('【请核实后填写】'), t('。')] });
  } else {
    out.push({ kind: 'p', runs: [fill(`【请填写整改进展：已整改 N 项，正在整改 N 项，计划于 ${fullDate(fixDue)}前全部完成。】`)] });
  }
  return out;
}

const nextSection = (): Block[] => [
  { kind: 'h1', text: '四、下一步工作' },
  { kind: 'p', runs: [t('一是落实证件“红黄绿”动态管理机制，建立执法证件动态管理台账，对证件申领、发放、更换、挂失、注销和回收实行全流程管理。')] },
  { kind: 'p', runs: [t('二是落实年度学习培训计划，确保执法人员完成年度培训学时，调入新执法领域的人员完成不少于 20 学时的专业培训。')] },
  { kind: 'p', runs: [t('三是严把证件申领关，对不符合资格条件的人员一律不予申领，对离岗人员及时收回注销证件。'), fill('【可补充本单位的其他工作安排。】')] },
];

export interface UnitReportOptions {
  checkDate: Day;
  profile: { campaign?: PartialCampaign };
  /** the unit's progress since its earlier file (check --previous) */
  progress?: Progress;
}

/** A unit's 自查自纠工作报告 draft from its check (notice 二, 第二阶段; 四.3). */
export function unitReport(r: CheckResult, opts: UnitReportOptions): ReportDoc {
  const camp = campaignOf(opts.profile);
  const unit = cleanUnitName(r.unit) || '（单位名称）';
  const total = totalOf(summarize(r, 'agency'));
  const title = `${unit}关于行政执法人员资格证件专项清理的自查自纠工作报告`;
  const agencies = r.agencies.length;
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'to', runs: [t(`${camp.county}：`)] },
    { kind: 'p', runs: [t(`根据《${camp.county}关于开展行政执法人员资格证件专项清理工作的通知》（${camp.name}）要求，我单位对所属执法主体资格、人员身份及证件持有情况逐一进行了核查，现将自查自纠情况报告如下。`)] },
    { kind: 'h1', text: '一、基本情况' },
    { kind: 'p', runs: [t(`本单位共有执法主体 ${agencies} 个，执法人员 ${total.people} 人，其中持有行政执法证件 ${total.holders} 人。按“红黄绿”动态管理机制核查：红色 ${total.red} 人，黄色 ${total.yellow} 人，绿色 ${total.green} 人。`), fill('【请补充：自查自纠的组织方式、负责人和时间安排。】')] },
    ...problemsSection(r.findings, 'unit'),
    ...measuresSection(r.findings, opts.progress, campaignDays(camp).fixDue),
    ...nextSection(),
    { kind: 'sign', lines: [unit, fullDate(opts.checkDate)] },
  ];
  return { title, blocks };
}

export interface CountyReportOptions {
  checkDate: Day;
  profile: { campaign?: PartialCampaign };
  deliveries?: Deliveries;
  progress?: Progress;
}

/** The county's 专项清理工作总结 draft from the merge (notice 二, 第三阶段): per unit, totals, cross-unit problems, deliverables, rounds. */
export function countyReport(m: Consolidated, opts: CountyReportOptions): ReportDoc {
  const camp = campaignOf(opts.profile);
  const county = camp.county;
  const title = `${county}关于行政执法人员资格证件专项清理工作的总结`;
  const total = totalOf(m.summary);
  const units = m.summary.length;
  const findings: Finding[] = [...m.files.flatMap((f) => f.result?.findings ?? []), ...m.cross];
  const x01 = m.cross.filter((x) => x.rule === 'X01');
  const x02 = m.cross.filter((x) => x.rule === 'X02');
  const rows = m.summary.map((s: SummaryRow) => [cleanUnitName(s.unit), s.people, s.holders, s.red, s.yellow, s.green]);
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'to', runs: [fill('【主送机关，如：商洛市司法局】'), t('：')] },
    { kind: 'p', runs: [t(`按照《关于开展行政执法人员资格证件专项清理工作的通知》（${camp.name}）安排，${county}组织全县各镇（办）、各行政执法部门开展了行政执法人员资格证件专项清理工作，现将有关情况总结如下。`)] },
    { kind: 'h1', text: '一、基本情况' },
    { kind: 'p', runs: [t(`全县共汇总 ${units} 个单位报送的摸排统计表，执法人员 ${total.people} 人，其中持证 ${total.holders} 人；红色 ${total.red} 人，黄色 ${total.yellow} 人，绿色 ${total.green} 人。各单位情况见下表。`)] },
    { kind: 'table', head: ['单位', '人员数', '持证', '红', '黄', '绿'], rows: [...rows, ['合计', total.people, total.holders, total.red, total.yellow, total.green]] },
    ...problemsSection(findings, 'county'),
    { kind: 'p', runs: [t(`跨单位核查发现：同一身份证号码出现在两个以上单位 ${new Set(x01.map((x) => x.name)).size} 人（${x01.length} 处），同一执法证号登记在不同单位不同人员名下 ${x02.length} 处。`), fill('【请写明核实结果和处理意见。】')] },
  ];
  if (opts.deliveries) {
    const d = opts.deliveries;
    const line = (k: DeliverableKind) => {
      const n = (s: string) => d.rows.filter((r) => r.items[k].status === s);
      const late = n('逾期').map((r) => r.unit);
      const none = n('未报').map((r) => r.unit);
      return `${DELIVERABLE_ZH[k]}按时报送 ${n('按时').length} 个单位，逾期 ${late.length} 个${late.length ? `（${late.join('、')}）` : ''}，未报 ${none.length} 个${none.length ? `（${none.join('、')}）` : ''}`;
    };
    blocks.push({ kind: 'h1', text: '三、报送情况' }, { kind: 'p', runs: [t(`应报送单位 ${d.rows.length} 个。${line('roster')}；${line('plan')}；${line('report')}。`)] });
  }
  const n = opts.deliveries ? 4 : 3;
  blocks.push({ kind: 'h1', text: `${NUMERALS[n - 1]}、整改情况` });
  const measures = measuresSection(findings, opts.progress, campaignDays(camp).fixDue).slice(1);
  blocks.push(...measures);
  blocks.push({ kind: 'h1', text: `${NUMERALS[n]}、存在的困难和下一步工作` }, { kind: 'p', runs: [fill('【请总结好的经验做法和存在的困难，提出规范化管理制度（办法）的建议（通知二，第三阶段）。】')] }, ...nextSection().slice(1));
  blocks.push({ kind: 'sign', lines: [county, fullDate(opts.checkDate)] });
  return { title, blocks };
}
