import { CROSS_RULES } from './cross';
import { CrossFinding, FileCheck, runCrossRules } from './cross/context';
import { isoFromDay, Day } from './dates';
import { worse } from './engine';
import { groupBy } from './group';
import { maskId, maskIdsIn } from './idnumber';
import { findingsSheet, OutCell, OutSheet, summarySheet, VERDICT_ZH } from './plan';
import { Profile } from './profile';
import { summarize, SummaryRow } from './summary';
import { compact, fitCell } from './text';

/**
 * The county's consolidation: every unit's checked workbook, the X rules across them, a 汇总 row per
 * unit, and who has (not) reported. Cross findings also colour the people they concern.
 */
export type Submission = { unit: string; status: '未报送' | '有问题' | '合格'; files: string[] };

export interface Consolidated {
  files: FileCheck[];
  cross: CrossFinding[];
  summary: SummaryRow[];
  submissions: Submission[];
}

export function consolidate(files: FileCheck[], profile: Profile, expected: string[]): Consolidated {
  const cross = runCrossRules(CROSS_RULES, files, profile.rules);
  const byPlace = groupBy(cross, (f) => `${f.file}\u0000${f.sheet}\u0000${f.row}`);
  for (const file of files) {
    for (const p of file.result?.people ?? []) {
      const fs = byPlace.get(`${file.file}\u0000${p.sheet}\u0000${p.row}`);
      if (!fs) continue;
      for (const f of fs) {
        if (f.colour) p.colour = worse(p.colour, f.colour);
        if (!p.rules.includes(f.rule)) p.rules.push(f.rule);
      }
    }
  }
  const ok = files.filter((f) => f.status === 'ok' && f.result);
  const summary = ok.flatMap((f) => summarize(f.result!, 'file'));
  const problem = (f: FileCheck) =>
    f.status !== 'ok' || !!f.result?.findings.some((x) => x.level === 'error') || !!f.result?.people.some((p) => p.colour === 'red') ||
    cross.some((x) => x.file === f.file && x.level === 'error');
  const unitOf = (f: FileCheck) => f.result?.unit ?? '';
  const submissions: Submission[] = [];
  const seen = new Set<string>();
  for (const unit of expected) {
    const mine = files.filter((f) => compact(unitOf(f)) === compact(unit));
    mine.forEach((f) => seen.add(f.file));
    submissions.push({ unit, status: mine.length === 0 ? '未报送' : mine.some(problem) ? '有问题' : '合格', files: mine.map((f) => f.file) });
  }
  for (const f of files) {
    if (seen.has(f.file)) continue;
    submissions.push({ unit: unitOf(f) || `（${f.file.split(/[\\/]/).pop()}）`, status: problem(f) ? '有问题' : '合格', files: [f.file] });
  }
  return { files, cross, summary, submissions };
}

const base = (f: string) => f.split(/[\\/]/).pop() ?? f;
/** A cell of the county's sheets: text within Excel's limit. */
const c = (v: string | number | null, style?: OutCell['style']): OutCell => ({ v: typeof v === 'string' ? fitCell(v) : v, style });

/** 汇总 (a row per unit), 报送情况, 明细 and 校验结果 of the county's workbook. */
export function consolidatedSheets(m: Consolidated, meta: { unit: string; checkDate: Day; profile: Profile; generatedAt: string; maskIds: boolean }): OutSheet[] {
  const summary = summarySheet({
    unit: meta.unit, checkDate: isoFromDay(meta.checkDate), profile: `${meta.profile.name}（版本 ${meta.profile.version}）`, generatedAt: meta.generatedAt,
  }, m.summary, 'unit');
  const submissions: OutSheet = {
    name: '报送情况', headerRow: 1, freezeRows: 1, landscape: false, merges: [], widths: [6, 28, 10, 60],
    rows: [
      ['序号', '单位', '报送情况', '文件'].map((h) => c(h, 'header')),
      ...m.submissions.map((s, i) => [c(i + 1, 'number'), c(s.unit, 'cell'), c(s.status, s.status === '合格' ? 'green' : s.status === '有问题' ? 'yellow' : 'red'), c(s.files.map(base).join('、'), 'cell')]),
    ],
  };
  const detailHead = ['序号', '单位', '文件', '工作表', '行号', '姓名', '身份证号码', '执法主体', '执法证号', '清理结论', '规则'];
  // plain cells, made as they are written: the 明细 is a row a person, for filtering rather than printing
  function* detailRows(): Generator<OutCell[]> {
    let n = 0;
    for (const f of m.files) {
      const file = base(f.file);
      for (const p of f.result?.people ?? []) {
        yield [
          c(++n), c(p.unit), c(file), c(p.sheet), c(p.row), c(p.name),
          c(meta.maskIds ? maskId(p.idNumber) : p.idNumber), c(p.agency), c(p.certNumber),
          c(VERDICT_ZH[p.colour], p.colour === 'none' ? undefined : p.colour), c(p.rules.join('、')),
        ];
      }
    }
  }
  const detail: OutSheet = {
    name: '明细', headerRow: 1, freezeRows: 1, landscape: true, merges: [], widths: [7, 22, 28, 10, 6, 10, 21, 24, 16, 8, 20],
    rows: [detailHead.map((h) => c(h, 'header'))],
    more: detailRows,
    repeated: [1, 2, 3, 7, 9, 10],
    moreCount: m.files.reduce((k, f) => k + (f.result?.people.length ?? 0), 0),
  };
  const all = [
    ...m.files.flatMap((f) => (f.result?.findings ?? []).map((x) => ({ ...x, file: base(f.file) }))),
    ...m.cross.map((x) => ({ ...x, file: base(x.file) })),
  ].map((x) => ({ ...x, message: meta.maskIds ? maskIdsIn(x.message) : x.message }));
  return [summary, submissions, detail, findingsSheet(all, true)];
}
