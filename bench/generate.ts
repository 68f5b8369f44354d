import { CellValue, dayFromYmd, makeId, serialFromDay, WorkbookGrid, ymdFromDay } from '../src/core';
import { BookSpec } from '../src/sample/book';
import { canonicalSheet } from '../src/sample/template';

/** A large synthetic unit: n people over n/500 bodies, about one row in ten with a problem. */
export function generate(n: number, checkDate: number, opts: { unit?: string; offset?: number } = {}): { grid: WorkbookGrid; book: BookSpec } {
  const U = opts.unit ?? '基准测试单位';
  const offset = opts.offset ?? 0;
  const agencies = Math.max(1, Math.round(n / 500));
  const people: Record<string, CellValue>[] = [];
  for (let j = 0; j < n; j++) {
    const i = j + offset;
    // a distinct birth day for every thousand people, so ID numbers never repeat (ages 25-59 in 2024)
    const [y, m, d] = ymdFromDay(dayFromYmd(1965, 1, 1)! + ((Math.floor(i / 1000) * 997) % 12400));
    const id = makeId('611026', `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, String(i % 1000).padStart(3, '0'));
    const problem = i % 10 === 0 ? (i / 10) % 6 : -1;
    people.push({
      seq: j + 1, unit: U, agency: `执法主体${j % agencies}`, name: `人员${i}`, gender: Number(id[16]) % 2 ? '男' : '女',
      idNumber: problem === 0 ? id.slice(0, 17) + (id[17] === '0' ? '1' : '0') : id,
      staffCategory: problem === 1 ? '劳务派遣' : '行政编制', onEnforcementPost: '是',
      employmentStatus: problem === 2 ? '退休' : '在岗', departureDate: problem === 2 ? serialFromDay(checkDate - 100) : null,
      certNumber: `BM${String(i).padStart(7, '0')}`, certVersion: problem === 3 ? '旧版' : '新版',
      issueDate: serialFromDay(checkDate - 400), expiryDate: serialFromDay(checkDate + (problem === 4 ? -5 : 800)),
      certStatus: '正常', annualTrainingHours: problem === 5 ? 30 : 64, annualReview: '通过', sanction: '无',
    });
  }
  const bodies = Array.from({ length: agencies }, (_, k) => ({
    seq: k + 1, unit: U, agencyName: `执法主体${k}`, agencyType: '行政机关', legalBasis: '某法', basisCurrent: '是',
    matchesMandate: '是', establishment: 600, enforcementPosts: 600,
  }));
  const book: BookSpec = { sheets: [canonicalSheet('person', U, people), canonicalSheet('agency', U, bodies)] };
  book.sheets.forEach((s) => (s.lastValidatedRow = Math.min(s.lastValidatedRow ?? 0, 1000)));
  const grid: WorkbookGrid = {
    file: 'bench.xlsx',
    sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows })),
  };
  return { grid, book };
}
