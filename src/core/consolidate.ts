import { CROSS_RULES } from './cross';
import { CrossFinding, FileCheck, runCrossRules } from './cross/context';
import { isoFromDay, Day } from './dates';
import { worse } from './engine';
import { groupBy } from './group';
import { maskId, maskIdsIn } from './idnumber';
import { fileFindingRows, findingsSheet, OutCell, OutSheet, summarySheet, VERDICT_ZH } from './plan';
import { Profile } from './profile';
import { summarize, SummaryRow } from './summary';
import { Finding } from './rule';
import { fitCell } from './text';
import { unitKey } from './unit-name';

/**
 * The county's consolidation: every unit's checked workbook, the X rules across them, a 汇总 row per
 * unit, and who has (not) reported. Cross findings also colour the people they concern.
 */
export type Submission = { unit: string; status: '未报送' | '已报送（格式不符）' | '有问题' | '合格'; files: string[]; note?: string };
/** a submission no unit could be found for stands under its file's name in brackets: （签到表.xlsx） */
export const unitFound = (s: Submission) => !s.unit.startsWith('（');

export interface Consolidated {
  files: FileCheck[];
  cross: CrossFinding[];
  summary: SummaryRow[];
  submissions: Submission[];
}

export function consolidate(files: FileCheck[], profile: Profile, expected: string[]): Consolidated {
  const cross = runCrossRules(CROSS_RULES, files, profile.rules);
  const byPlace = groupBy(cross, (f) => `${f.file}\u0000${f.sheet}\u0000${f.row}`);
  // only the files the X rules found something in: a county's other 300,000 people are not looked up
  const crossed = new Set(cross.map((f) => f.file));
  for (const file of files) {
    if (!crossed.has(file.file)) continue;
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
  // a file nothing could be read from (an .xls, an .et…) is its unit's, when its name holds that unit's name
  // and no other's; names are compared as unitKey writes them (城关镇 = 城关镇人民政府)
  const unread = (f: FileCheck) => f.status === 'unreadable' && !f.result;
  const keys = expected.map(unitKey);
  const namedFor = (key: string) => files.filter((f) => {
    const name = unitKey(base(f.file).replace(/\.[^.]+$/, ''));
    return unread(f) && key.length >= 2 && name.includes(key) && keys.filter((k) => k.length >= 2 && name.includes(k)).length === 1;
  });
  expected.forEach((unit, i) => {
    const twins = expected.filter((_, j) => j !== i && keys[j] === keys[i]);
    if (twins.length) {
      // never guessed: the list names one unit twice, and the clerk decides which line stays
      submissions.push({ unit, status: '有问题', files: [], note: `应报单位名单中「${unit}」与「${twins.join('」「')}」是同一单位的不同写法，请在名单中只保留一个。` });
      return;
    }
    const mine = files.filter((f) => unitKey(unitOf(f)) === keys[i]);
    const unreadable = mine.length ? [] : namedFor(keys[i]).filter((f) => !seen.has(f.file));
    [...mine, ...unreadable].forEach((f) => seen.add(f.file));
    const status = mine.length ? (mine.some(problem) ? '有问题' : '合格') : unreadable.length ? '已报送（格式不符）' : '未报送';
    submissions.push({ unit, status, files: [...mine, ...unreadable].map((f) => f.file), note: unreadable.map((f) => f.message).join(' ') || undefined });
  });
  for (const f of files) {
    if (seen.has(f.file)) continue;
    submissions.push({
      unit: unitOf(f) || `（${base(f.file)}）`, status: unread(f) ? '已报送（格式不符）' : problem(f) ? '有问题' : '合格', files: [f.file],
      note: unread(f) ? f.message : undefined,
    });
  }
  return { files, cross, summary, submissions };
}

const base = (f: string) => f.split(/[\\/]/).pop() ?? f;
/** A cell of the county's sheets: text within Excel's limit. */
const c = (v: string | number | null, style?: OutCell['style']): OutCell => ({ v: typeof v === 'string' ? fitCell(v) : v, style });

/**
 * 汇总 (a row per unit), 报送情况, 明细 and 校验结果 of the county's workbook. The workbook is sent on, so ID
 * numbers are masked unless the caller passes maskIds: false (the user asked for full IDs); 汇总 says which.
 */
export function consolidatedSheets(m: Consolidated, meta: {
  unit: string; checkDate: Day; profile: Profile; generatedAt: string; maskIds?: boolean;
  /** 报送情况 with the deliverables (deliverables.ts), in place of the submissions alone */
  submissionsSheet?: OutSheet;
}): OutSheet[] {
  const mask = meta.maskIds !== false;
  const summary = summarySheet({
    unit: meta.unit, checkDate: isoFromDay(meta.checkDate), profile: `${meta.profile.name}（版本 ${meta.profile.version}）`, generatedAt: meta.generatedAt,
    ids: mask ? 'masked' : 'full',
  }, m.summary, 'unit');
  const submissions: OutSheet = meta.submissionsSheet ?? {
    name: '报送情况', headerRow: 1, freezeRows: 1, landscape: true, merges: [], widths: [6, 28, 16, 48, 40],
    rows: [
      ['序号', '单位', '报送情况', '文件', '备注'].map((h) => c(h, 'header')),
      ...m.submissions.map((s, i) => [
        c(i + 1, 'number'), c(s.unit, 'cell'), c(s.status, s.status === '合格' ? 'green' : s.status === '未报送' ? 'red' : 'yellow'),
        c(s.files.map(base).join('、'), 'cell'), c(s.note ?? '', 'wrap'),
      ]),
    ],
  };
  const detail = detailSheet(m.files, mask);
  // 校验结果: each file's findings, then the X rules', made as they are written
  const lists: [Finding[], string | null][] = [...m.files.map((f): [Finding[], string] => [f.result?.findings ?? [], f.file]), [m.cross, null]];
  const findings: OutSheet = {
    ...findingsSheet([], true),
    *more() {
      let n = 0;
      for (const [list, file] of lists) {
        if (list.length) yield* findingsRows(list, file, mask, n);
        n += list.length;
      }
    },
    moreCount: lists.reduce((n, [list]) => n + list.length, 0),
  };
  return [summary, submissions, detail, findings];
}

/**
 * 校验结果's rows for some of the county's findings, numbered from n + 1: a file's own (file given), or the X
 * rules' (file null), for a writer that makes the sheet a file at a time; with their file's name, ID numbers
 * masked unless asked whole.
 */
export function findingsRows(findings: (Finding & { file?: string })[], file: string | null, mask: boolean, n: number): OutCell[][] {
  const name = file === null ? null : base(file);
  return fileFindingRows(findings, n, (x) => name ?? base(x.file ?? ''), mask ? maskIdsIn : (m) => m);
}

const DETAIL_HEAD = ['序号', '单位', '文件', '工作表', '行号', '姓名', '身份证号码', '执法主体', '执法证号', '清理结论', '规则'];

/**
 * The 明细: a row a person, for filtering rather than printing, its rows made as they are written. The
 * county's writer makes them a unit at a time (detailRows of one file, numbered on from those before it).
 */
export function detailSheet(files: FileCheck[], mask: boolean): OutSheet {
  return {
    name: '明细', headerRow: 1, freezeRows: 1, landscape: true, merges: [], widths: [7, 22, 28, 10, 6, 10, 21, 24, 16, 8, 20],
    rows: [DETAIL_HEAD.map((h) => c(h, 'header'))],
    more: () => detailRows(files, mask),
    repeated: [1, 2, 3, 7, 9, 10],
    moreCount: files.reduce((k, f) => k + (f.result?.people.length ?? 0), 0),
  };
}

/**
 * The files' people as 明细 rows, numbered from n + 1. One row of cells is refilled for each person (a
 * writer takes each row before it asks for the next), so that 300,000 people don't leave three million
 * cells for the collector.
 */
export function* detailRows(files: FileCheck[], mask: boolean, n = 0): Generator<OutCell[]> {
  const row: OutCell[] = DETAIL_HEAD.map(() => ({ v: null }));
  const put = (k: number, v: string | number, style?: OutCell['style']) => {
    row[k].v = typeof v === 'string' ? fitCell(v) : v;
    row[k].style = style;
  };
  for (const f of files) {
    const file = base(f.file);
    for (const p of f.result?.people ?? []) {
      put(0, ++n);
      put(1, p.unit);
      put(2, file);
      put(3, p.sheet);
      put(4, p.row);
      put(5, p.name);
      put(6, mask ? maskId(p.idNumber) : p.idNumber);
      put(7, p.agency);
      put(8, p.certNumber);
      put(9, VERDICT_ZH[p.colour], p.colour === 'none' ? undefined : p.colour);
      put(10, p.rules.join('、'));
      yield row;
    }
  }
}
